// Thiết lập → "Gửi lên máy chủ tổng hợp của tỉnh": the hub's address and the unit key its admin issued. Closed
// meetings and every later follow-up change are queued in this laptop's database and sent when the
// hub can be reached; the app keeps working offline. The key is never shown back, only its end.
import { useState } from 'react';
import { api } from '../../lib/api';
import { useData } from '../../lib/use-data';

function viDateTime(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getHours())}:${p(d.getMinutes())} ngày ${p(d.getDate())}/${p(d.getMonth() + 1)}/${d.getFullYear()}`;
}

export function HubSettings() {
  const status = useData('hub.status', {});
  const [url, setUrl] = useState<string | null>(null);
  const [key, setKey] = useState('');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const s = status.data;
  const shownUrl = url ?? s?.url ?? '';

  const save = async () => {
    setBusy(true);
    const r = await api.call('hub.save', { url: shownUrl, ...(key ? { unitKey: key } : {}) });
    setBusy(false);
    if (!r.ok) return setMessage({ kind: 'error', text: r.error.message });
    setKey('');
    setUrl(null);
    setMessage({ kind: 'ok', text: r.value.url ? 'Đã lưu. Các hội nghị đã kết thúc sẽ được gửi khi kết nối được máy chủ tổng hợp.' : 'Đã lưu: không gửi lên máy chủ tổng hợp.' });
    void status.reload();
  };
  const sendNow = async () => {
    setBusy(true);
    const r = await api.call('hub.sendNow', {});
    setBusy(false);
    setMessage(r.ok ? { kind: r.value.failed ? 'error' : 'ok', text: r.value.message } : { kind: 'error', text: r.error.message });
    void status.reload();
  };

  return (
    <section className="card" aria-labelledby="hub-h" data-testid="hub-settings">
      <h2 id="hub-h">Gửi lên máy chủ tổng hợp của tỉnh</h2>
      <p className="muted">
        Nếu tỉnh, thành phố có máy chủ tổng hợp theo dõi kiến nghị: nhập địa chỉ của máy chủ và khóa đơn vị do quản trị máy chủ cấp. Hội nghị đã kết thúc và mọi thay đổi theo dõi kiến nghị
        sau đó được xếp hàng trên máy này và tự gửi khi có mạng; không có mạng thì vẫn làm việc bình thường. Không dùng máy chủ tổng hợp thì để trống.
      </p>
      <div className="grid-2">
        <div className="field">
          <label htmlFor="hub-url">Địa chỉ máy chủ tổng hợp</label>
          <input id="hub-url" type="text" inputMode="url" value={shownUrl} placeholder="Ví dụ: kiennghi.tinh.gov.vn" onChange={(e) => setUrl(e.target.value)} data-testid="hub-url" />
        </div>
        <div className="field">
          <label htmlFor="hub-key">Khóa đơn vị</label>
          <input
            id="hub-key"
            type="password"
            autoComplete="off"
            value={key}
            placeholder={s?.keySet ? `Đã có khóa (…${s.keyHint}); nhập khóa mới để thay` : 'Dán khóa do quản trị máy chủ tổng hợp cấp'}
            onChange={(e) => setKey(e.target.value)}
            data-testid="hub-key"
          />
        </div>
      </div>
      <div className="row">
        <button type="button" className="primary" disabled={busy} onClick={() => void save()}>
          Lưu
        </button>
        <button type="button" disabled={busy || !s?.url || !s.keySet} onClick={() => void sendNow()}>
          Gửi ngay
        </button>
      </div>
      {message ? (
        <div className={`banner ${message.kind === 'error' ? 'error' : 'ok'}`} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </div>
      ) : null}
      {s ? (
        <p className="muted" aria-live="polite" data-testid="hub-state">
          {s.pending ? `Đang chờ gửi: ${s.pending} hội nghị.` : 'Không có gì đang chờ gửi.'} {s.lastSentAt ? `Lần gửi gần nhất: ${viDateTime(s.lastSentAt)}.` : ''}
        </p>
      ) : null}
      {s?.failing.length ? (
        <ul className="hub-failing">
          {s.failing.map((f) => (
            <li key={f.meetingId}>
              {f.title || 'Hội nghị chưa đặt tên'}: {f.error}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
