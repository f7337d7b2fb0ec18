// After the meeting: each direction of the chair's conclusion assigned to an agency with a
// deadline. Saved, they become tasks in the register ("Theo dõi kiến nghị"), followed like the
// kiến nghị, and the conclusion notice lists them.
import { useEffect, useId, useState } from 'react';
import type { MeetingRecord } from '../../../../electron/shared/domain';
import type { RegisterItem } from '../../../../electron/shared/followup';
import { api } from '../../lib/api';
import { useData } from '../../lib/use-data';
import { isoToVnDate, vnDateToIso } from '../../lib/format';
import { href } from '../../lib/router';
import { dateProblem } from './filters';
import './register.css';

type Task = { uid?: string; content: string; agency: string; deadline: string };

const fromItem = (t: RegisterItem): Task => ({ uid: t.uid, content: t.content, agency: t.agency, deadline: isoToVnDate(t.deadline) });

/** The conclusion's directions as typed on the Live screen, one task each. */
export function conclusionDirections(record: MeetingRecord): string[] {
  return record.speeches
    .filter((s) => s.kind === 'conclusion')
    .flatMap((s) => s.directions)
    .map((d) => d.trim())
    .filter(Boolean);
}

export function NoticeTasks({ record, onSaved }: { record: MeetingRecord; onSaved?: () => void }) {
  const meetingId = record.meeting.id;
  const agencies = useData('agency.list', {});
  const [tasks, setTasks] = useState<Task[] | null>(null);
  const [stored, setStored] = useState<Task[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const directions = conclusionDirections(record);

  useEffect(() => {
    void api.call('notice.tasks', { meetingId }).then((r) => {
      if (!r.ok) return setError(r.error.message);
      const t = r.value.map(fromItem);
      setStored(t);
      setTasks(t);
    });
  }, [meetingId]);

  if (tasks === null)
    return error ? (
      <div className="banner error" role="alert">
        {error}
      </div>
    ) : (
      <p className="muted">Đang tải nhiệm vụ…</p>
    );

  const dirty = JSON.stringify(tasks) !== JSON.stringify(stored);
  const edit = (i: number, patch: Partial<Task>) => {
    setDone(null);
    setTasks(tasks.map((t, j) => (j === i ? { ...t, ...patch } : t)));
  };
  const missing = directions.filter((d) => !tasks.some((t) => t.content.trim() === d));

  async function save() {
    if (!tasks) return;
    setError(null);
    const bad = tasks.findIndex((t) => dateProblem(t.deadline));
    if (bad >= 0) return setError(`Nhiệm vụ ${bad + 1}: thời hạn không có thật hoặc sai dạng. Hãy gõ ngày/tháng/năm, ví dụ 30/11/2026.`);
    const empty = tasks.findIndex((t) => !t.content.trim());
    if (empty >= 0) return setError(`Nhiệm vụ ${empty + 1} chưa có nội dung. Hãy gõ nội dung hoặc bỏ nhiệm vụ đó.`);
    setBusy(true);
    // New agencies join the office's list, so they are offered next time.
    const known = new Set((agencies.data ?? []).map((a) => a.name));
    for (const name of new Set(tasks.map((t) => t.agency.trim()).filter((n) => n && !known.has(n)))) {
      const a = await api.call('agency.save', { name, active: true });
      if (!a.ok) {
        setBusy(false);
        return setError(a.error.message);
      }
    }
    const r = await api.call('notice.saveTasks', {
      meetingId,
      tasks: tasks.map((t) => ({ ...(t.uid ? { uid: t.uid } : {}), content: t.content.trim(), agency: t.agency.trim(), deadline: t.deadline.trim() ? vnDateToIso(t.deadline) : null })),
    });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    const t = r.value.map(fromItem);
    setStored(t);
    setTasks(t);
    void agencies.reload();
    onSaved?.();
    setDone(`Đã lưu ${t.length} nhiệm vụ; các nhiệm vụ được theo dõi trong «Theo dõi kiến nghị».`);
  }

  return (
    <section className="card notice-tasks" aria-labelledby={`${id}-h`} data-testid="notice-tasks">
      <h2 id={`${id}-h`}>Giao nhiệm vụ theo kết luận</h2>
      <p className="muted small">
        Mỗi ý chỉ đạo trong kết luận của chủ trì giao cho một cơ quan, đơn vị, có thời hạn. Sau khi lưu, nhiệm vụ được theo dõi cùng các kiến nghị ở{' '}
        <a href={href({ name: 'register', params: `meeting=${meetingId}` })}>Theo dõi kiến nghị</a>.
      </p>
      {missing.length ? (
        <div className="row gap">
          <span className="muted small">Kết luận có {missing.length} ý chỉ đạo chưa thành nhiệm vụ.</span>
          <button type="button" onClick={() => setTasks([...tasks, ...missing.map((content) => ({ content, agency: '', deadline: '' }))])} data-testid="tasks-from-conclusion">
            Lấy các ý chỉ đạo từ kết luận
          </button>
        </div>
      ) : directions.length === 0 && tasks.length === 0 ? (
        <p className="muted small">Kết luận chưa có ý chỉ đạo nào (ghi ở bước "2. Trực tiếp", phím Alt+K). Vẫn có thể thêm nhiệm vụ bằng tay.</p>
      ) : null}
      {tasks.length ? (
        <table className="list">
          <thead>
            <tr>
              <th scope="col" className="task-content">Nội dung nhiệm vụ</th>
              <th scope="col">Cơ quan, đơn vị thực hiện</th>
              <th scope="col">Thời hạn</th>
              <th scope="col">
                <span className="muted small">Bỏ</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tasks.map((t, i) => (
              <tr key={t.uid ?? `new-${i}`} data-testid="task-row">
                <td>
                  <textarea rows={3} aria-label={`Nội dung nhiệm vụ ${i + 1}`} value={t.content} onChange={(e) => edit(i, { content: e.target.value })} spellCheck={false} data-testid="task-content" />
                </td>
                <td>
                  <input type="text" list={`${id}-agencies`} aria-label={`Cơ quan thực hiện nhiệm vụ ${i + 1}`} value={t.agency} onChange={(e) => edit(i, { agency: e.target.value })} placeholder="Chọn hoặc gõ tên" spellCheck={false} data-testid="task-agency" />
                </td>
                <td>
                  <input
                    type="text"
                    className="task-deadline"
                    aria-label={`Thời hạn nhiệm vụ ${i + 1}`}
                    value={t.deadline}
                    onChange={(e) => edit(i, { deadline: e.target.value })}
                    placeholder="ngày/tháng/năm"
                    aria-invalid={dateProblem(t.deadline) ? true : undefined}
                    data-testid="task-deadline"
                  />
                </td>
                <td>
                  <button type="button" className="link" onClick={() => setTasks(tasks.filter((_, j) => j !== i))} aria-label={`Bỏ nhiệm vụ ${i + 1}`} data-testid="task-remove">
                    Bỏ
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <datalist id={`${id}-agencies`}>
        {(agencies.data ?? [])
          .filter((a) => a.active)
          .map((a) => (
            <option key={a.id} value={a.name} />
          ))}
      </datalist>
      {error ? (
        <div className="field-error" role="alert" data-testid="tasks-error">
          {error}
        </div>
      ) : null}
      <div className="row gap">
        <button type="button" onClick={() => setTasks([...tasks, { content: '', agency: '', deadline: '' }])} data-testid="task-add">
          + Thêm nhiệm vụ
        </button>
        <button type="button" className="primary" onClick={() => void save()} disabled={busy || !dirty} data-testid="tasks-save">
          Lưu nhiệm vụ
        </button>
        <span className="muted small" role="status" data-testid="tasks-saved">
          {dirty ? 'Có thay đổi chưa lưu.' : done}
        </span>
      </div>
    </section>
  );
}
