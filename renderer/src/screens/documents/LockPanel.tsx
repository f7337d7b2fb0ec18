// Chốt biên bản: the meeting is closed and its whole record locked, so the minutes that were
// signed cannot drift. Opening it again needs a reason (kept in the log); the first change after
// that makes a new revision, printed on the exported minutes.
import { useState } from 'react';
import type { Meeting } from '../../../../electron/shared/domain';
import { api } from '../../lib/api';
import { AskDialog } from '../../components/AskDialog';
import { settle } from './actions';

type Props = { meeting: Meeting; reload: () => Promise<void>; onError: (message: string | null) => void };

export function LockPanel({ meeting: m, reload, onError }: Props) {
  const [asking, setAsking] = useState<'lock' | 'unlock' | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (fn: () => ReturnType<typeof api.call<'meeting.finalize'>>) => {
    setBusy(true);
    onError(null);
    await settle();
    const r = await fn();
    if (!r.ok) onError(r.error.message);
    await reload();
    setBusy(false);
  };

  return (
    <section className={`card docs-lock ${m.locked ? 'is-locked' : ''}`} aria-labelledby="docs-lock-h" data-testid="lock-panel">
      <h2 id="docs-lock-h">Chốt biên bản</h2>
      {m.locked ? (
        <>
          <p className="docs-lock-state" data-testid="lock-state">
            Đã chốt — lần sửa đổi {m.revision}
          </p>
          <p className="muted small">Biên bản và toàn bộ hồ sơ hội nghị đang khóa. Tin bài và bảng tổng hợp vẫn sửa được.</p>
          <button type="button" onClick={() => setAsking('unlock')} disabled={busy} data-testid="unlock">
            Mở khóa để sửa…
          </button>
        </>
      ) : (
        <>
          {m.revision > 0 ? (
            <p className="small" data-testid="lock-state">
              Đang mở khóa để sửa (lần sửa đổi hiện tại: {m.revision}). Sửa xong hãy chốt lại; tệp xuất ra sẽ ghi lần sửa đổi mới.
            </p>
          ) : (
            <p className="muted small">Khi biên bản đã đúng và đủ, hãy chốt để khóa hồ sơ trước khi trình ký.</p>
          )}
          <button type="button" className="primary" onClick={() => setAsking('lock')} disabled={busy} data-testid="finalize">
            Chốt biên bản…
          </button>
        </>
      )}
      {asking === 'lock' ? (
        <AskDialog
          title="Chốt biên bản?"
          confirmLabel="Chốt biên bản"
          onCancel={() => setAsking(null)}
          onConfirm={() => {
            setAsking(null);
            void run(() => api.call('meeting.finalize', { id: m.id }));
          }}
          testId="confirm-finalize"
        >
          <p>Hội nghị sẽ chuyển sang "Đã kết thúc" và toàn bộ hồ sơ bị khóa: đại biểu, kiến nghị, trả lời, ảnh và nội dung biên bản đều không sửa được nữa.</p>
          <p>Muốn sửa sau này phải mở khóa và ghi lý do; mỗi lần sửa sau khi chốt được đánh số "lần sửa đổi" trên biên bản xuất ra.</p>
        </AskDialog>
      ) : null}
      {asking === 'unlock' ? (
        <AskDialog
          title="Mở khóa biên bản để sửa"
          confirmLabel="Mở khóa"
          input={{ label: 'Lý do mở khóa', placeholder: 'Ví dụ: bổ sung ý kiến trả lời của Phòng Tài nguyên và Môi trường theo chỉ đạo của đồng chí Chủ tịch' }}
          onCancel={() => setAsking(null)}
          onConfirm={(reason) => {
            setAsking(null);
            void run(() => api.call('meeting.unlock', { id: m.id, reason }));
          }}
          testId="confirm-unlock"
        >
          <p>Lý do được ghi vào nhật ký của hội nghị. Thay đổi đầu tiên sau khi mở khóa sẽ thành lần sửa đổi {m.revision + 1}.</p>
        </AskDialog>
      ) : null}
    </section>
  );
}
