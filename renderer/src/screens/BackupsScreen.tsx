import { useState } from 'react';
import { api } from '../lib/api';
import { useData } from '../lib/use-data';
import { BACKUP_REASON_LABELS, formatBytes, formatDateTime } from '../lib/labels';
import type { BackupInfo } from '../../../electron/shared/contract';

/** The list of backups, a backup on demand, and a restore that keeps the current data aside. */
export function BackupsScreen() {
  const list = useData('backup.list', {});
  const info = useData('app.info', {});
  return (
    <div className="backups">
      <h1>Sao lưu và khôi phục</h1>
      <p className="muted">
        Ứng dụng tự sao lưu khi bắt đầu và kết thúc hội nghị, và cứ 10 phút một lần trong lúc hội nghị diễn ra (nếu có thay đổi). Giữ 20 bản mới nhất và mỗi ngày một bản trong 30 ngày.
        {info.data ? (
          <>
            {' '}
            Thư mục: <code>{info.data.dataDir}</code>
          </>
        ) : null}
      </p>
      <BackupList backups={list.data ?? []} error={list.error} onChanged={list.reload} allowCreate />
    </div>
  );
}

function restartAtHome(): void {
  window.location.replace(`${window.location.pathname}${window.location.search}#/`);
  window.location.reload();
}

export function BackupList({ backups, error, onChanged, allowCreate }: { backups: BackupInfo[]; error: string | null; onChanged: () => Promise<void>; allowCreate?: boolean }) {
  const [message, setMessage] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState<string | null>(null);

  async function create() {
    setBusy(true);
    const r = await api.call('backup.create', {});
    setBusy(false);
    setMessage(r.ok ? { kind: 'info', text: `Đã tạo bản sao lưu lúc ${formatDateTime(r.value.at)}.` } : { kind: 'error', text: r.error.message });
    await onChanged();
  }

  async function restore(fileName: string) {
    setBusy(true);
    const r = await api.call('backup.restore', { fileName });
    setBusy(false);
    setConfirming(null);
    if (!r.ok) return setMessage({ kind: 'error', text: r.error.message });
    setMessage({ kind: 'info', text: `Đã khôi phục. Dữ liệu trước đó được giữ lại trong bản "${r.value.keptAside}".` });
    // Every screen must read the restored data: start over from the home screen.
    restartAtHome();
  }

  return (
    <section className="card">
      {allowCreate ? (
        <div className="row gap" style={{ marginBottom: 8 }}>
          <button type="button" className="primary" onClick={() => void create()} disabled={busy} data-testid="backup-create">
            Tạo bản sao lưu ngay
          </button>
        </div>
      ) : null}
      {message ? (
        <div className={`banner ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </div>
      ) : null}
      {error ? <div className="banner error">{error}</div> : null}
      {backups.length === 0 ? <p className="muted">Chưa có bản sao lưu nào.</p> : null}
      <table className="list" data-testid="backup-list">
        {backups.length ? (
          <thead>
            <tr>
              <th>Thời điểm</th>
              <th>Lý do</th>
              <th>Dung lượng</th>
              <th />
            </tr>
          </thead>
        ) : null}
        <tbody>
          {backups.map((b) => (
            <tr key={b.fileName}>
              <td className="nowrap">{formatDateTime(b.at)}</td>
              <td>{BACKUP_REASON_LABELS[b.reason] ?? b.reason}</td>
              <td className="nowrap">{formatBytes(b.bytes)}</td>
              <td className="nowrap">
                {confirming === b.fileName ? (
                  <span className="row gap">
                    <span>Thay dữ liệu hiện tại bằng bản này? (Dữ liệu hiện tại được giữ lại riêng.)</span>
                    <button type="button" className="primary" onClick={() => void restore(b.fileName)} disabled={busy}>
                      Khôi phục
                    </button>
                    <button type="button" onClick={() => setConfirming(null)}>
                      Thôi
                    </button>
                  </span>
                ) : (
                  <button type="button" onClick={() => setConfirming(b.fileName)} disabled={busy} data-testid="backup-restore">
                    Khôi phục bản này…
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
