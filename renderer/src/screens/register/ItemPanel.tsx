// One register item: what it is, where it came from, where it stands, the form that records a
// change (each changed field becomes one entry of the history; nothing is overwritten), and the
// dated history itself with any conflict said plainly.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { Agency, EventField, FollowupStatus, RegisterItem, RegisterItemDetail } from '../../../../electron/shared/followup';
import { api } from '../../lib/api';
import { fileToBase64, saveFile } from '../../lib/files';
import { isoToVnDate, vnDateToIso } from '../../lib/format';
import { href } from '../../lib/router';
import { isComposing } from '../live/shortcuts';
import { dateProblem, dueText } from './filters';
import { openConflicts, conflictText, documentText, eventTime, eventValueText, FIELD_LABELS } from './history';

const MAX_FILE = 20 * 1024 * 1024;

type Props = {
  uid: string | null;
  statuses: FollowupStatus[];
  agencies: Agency[];
  /** The change was stored: the list shows the item's new state. */
  onSaved: (item: RegisterItem) => void;
  /** A new agency was added to the office's list. */
  onAgencyAdded: () => void;
  /** Esc or a stored change: the cursor goes back to the list. */
  onBack: () => void;
};

export function ItemPanel(p: Props) {
  const [detail, setDetail] = useState<RegisterItemDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  useEffect(() => {
    setSaved(null);
    if (!p.uid) return setDetail(null);
    let live = true;
    // Arrows run through the list quickly; the item is read once the cursor rests on it.
    const t = setTimeout(async () => {
      const r = await api.call('register.item', { uid: p.uid ?? '' });
      if (!live) return;
      if (r.ok) {
        setDetail(r.value);
        setError(null);
      } else setError(r.error.message);
    }, 60);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [p.uid]);

  if (!p.uid)
    return (
      <aside className="reg-panel card muted" data-testid="reg-panel-empty">
        Chọn một kiến nghị trong danh sách (phím ↑ ↓, rồi Enter) để xem và cập nhật.
      </aside>
    );
  if (error)
    return (
      <aside className="reg-panel card">
        <div className="banner error" role="alert">
          {error}
        </div>
      </aside>
    );
  if (!detail || detail.item.uid !== p.uid) return <aside className="reg-panel card muted">Đang mở…</aside>;
  const it = detail.item;
  const status = p.statuses.find((s) => s.key === it.status);
  const found = openConflicts(detail.history);

  return (
    <aside className="reg-panel card" aria-labelledby="reg-item-h" data-testid="reg-panel" data-uid={it.uid}>
      <div className="reg-kind muted small">{it.kind === 'direction' ? 'Nhiệm vụ theo kết luận của chủ trì' : 'Kiến nghị'}</div>
      <h2 id="reg-item-h" className="reg-item-content" data-testid="reg-item-content">
        {it.content || it.shortPhrase || '(chưa có nội dung)'}
      </h2>
      <div className="muted small">
        {/* A kiến nghị opens where it was recorded (the Live screen's item); a task, at the notice that assigned it. */}
        <a href={it.recommendationId ? `${href({ name: 'meeting', id: it.meetingId, tab: 'live' })}/rec-${it.recommendationId}` : `${href({ name: 'meeting', id: it.meetingId, tab: 'documents' })}/notice`} data-testid="reg-item-meeting">
          {[isoToVnDate(it.meetingDate), it.meetingTitle || '(chưa đặt tên)'].filter(Boolean).join(' · ')}
        </a>
        {it.raisedBy ? ` · ${it.raisedBy}` : ''}
        {it.unit ? ` (${it.unit})` : ''}
        {it.topic ? ` · Lĩnh vực: ${it.topic}` : ''}
      </div>
      {found.map((c) => (
        <div key={`${c.field}-${c.events[0]?.uid}`} className="banner warn reg-conflict" role="status" data-testid="reg-conflict">
          {conflictText(c, p.statuses)} Đang dùng giá trị ghi sau cùng; hãy ghi một thay đổi mới để chốt.
        </div>
      ))}
      <dl className="reg-facts">
        <div>
          <dt>Trạng thái</dt>
          <dd data-testid="reg-item-status">
            <span className={`reg-status cat-${it.category}`}>{it.statusLabel}</span>
            {status ? <span className="muted small"> · {it.answered ? 'đã trả lời' : 'chưa trả lời'}</span> : null}
          </dd>
        </div>
        <div>
          <dt>Cơ quan giải quyết</dt>
          <dd data-testid="reg-item-agency">{it.agency || <span className="muted">chưa giao</span>}</dd>
        </div>
        <div>
          <dt>Thời hạn</dt>
          <dd data-testid="reg-item-deadline">
            {it.deadline ? isoToVnDate(it.deadline) : <span className="muted">chưa có</span>}
            {it.deadline ? <span className={it.overdue ? 'reg-overdue' : 'muted'}> · {dueText(it.daysLeft, it.overdue)}</span> : null}
          </dd>
        </div>
        <div>
          <dt>Văn bản trả lời</dt>
          <dd data-testid="reg-item-document">
            {documentText(it.document)}{' '}
            {it.document?.fileId ? <OpenFileButton fileId={it.document.fileId} onError={setError} /> : null}
          </dd>
        </div>
      </dl>
      <ChangeForm key={`${it.uid}|${it.updatedAt}|${detail.history.length}`} item={it} inConflict={new Set(found.map((c) => c.field))} statuses={p.statuses} agencies={p.agencies} onSaved={(d, message) => {
        setDetail(d);
        setSaved(message);
        p.onSaved(d.item);
      }} onAgencyAdded={p.onAgencyAdded} onBack={p.onBack} />
      <p className="reg-saved small" role="status" data-testid="reg-saved">
        {saved}
      </p>
      <section aria-labelledby="reg-history-h">
        <h3 id="reg-history-h">Lịch sử ({detail.history.length})</h3>
        {detail.history.length === 0 ? <p className="muted small">Chưa có thay đổi nào sau hội nghị.</p> : null}
        <ol className="reg-history" data-testid="reg-history">
          {[...detail.history].reverse().map((e) => (
            <li key={e.uid} className={e.conflict ? 'conflict' : undefined} data-testid="reg-event" data-field={e.field}>
              <span className="muted small nowrap">{eventTime(e.at)}</span> <strong>{e.actor || 'không rõ người sửa'}</strong>{' '}
              {e.field === 'note' ? 'ghi chú' : <>đổi {FIELD_LABELS[e.field]} thành «{eventValueText(e, p.statuses)}»</>}
              {e.note ? <div className="reg-note">{e.note}</div> : null}
              {e.conflict ? <span className="reg-badge warn"> trùng lúc với máy khác</span> : null}
            </li>
          ))}
        </ol>
      </section>
    </aside>
  );
}

function OpenFileButton({ fileId, onError }: { fileId: number; onError: (m: string) => void }) {
  return (
    <button
      type="button"
      className="link"
      onClick={() =>
        void api.call('register.file', { fileId }).then((r) => {
          if (r.ok) saveFile(r.value.fileName, r.value.mime, r.value.dataBase64);
          else onError(r.error.message);
        })
      }
      data-testid="reg-open-file"
    >
      Mở tệp
    </button>
  );
}

type FormProps = {
  item: RegisterItem;
  /** Fields with two conflicting values: recording either value settles it, so it is sent even when unchanged. */
  inConflict: ReadonlySet<EventField>;
  statuses: FollowupStatus[];
  agencies: Agency[];
  onSaved: (d: RegisterItemDetail, message: string) => void;
  onAgencyAdded: () => void;
  onBack: () => void;
};

/** The panel's form. The first field has id "reg-f-status" so the screen's keys can reach it. */
function ChangeForm({ item, inConflict, statuses, agencies, onSaved, onAgencyAdded, onBack }: FormProps) {
  const id = useId();
  const [status, setStatus] = useState(item.status);
  const [agency, setAgency] = useState(item.agency);
  const [deadline, setDeadline] = useState(isoToVnDate(item.deadline));
  const [docNumber, setDocNumber] = useState(item.document?.number ?? '');
  const [docDate, setDocDate] = useState(isoToVnDate(item.document?.date ?? null));
  const [file, setFile] = useState<File | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  // Hidden statuses stay on the items that have them, and stay choosable there.
  const choices = statuses.filter((s) => s.active || s.key === item.status);
  const problems = [dateProblem(deadline), dateProblem(docDate)].filter(Boolean);

  async function submit() {
    if (busy) return;
    setError(null);
    if (problems.length) return setError(problems[0] ?? null);
    const changed: string[] = [];
    const input: { uid: string; status?: string; agency?: string; deadline?: string | null; note: string; document?: { number: string; date: string | null; file?: { fileName: string; dataBase64: string } } } = { uid: item.uid, note: note.trim() };
    if (status !== item.status || inConflict.has('status')) {
      input.status = status;
      changed.push('trạng thái');
    }
    if (agency.trim() !== item.agency || inConflict.has('agency')) {
      input.agency = agency.trim();
      changed.push('cơ quan');
    }
    const dl = deadline.trim() ? vnDateToIso(deadline) : null;
    if (dl !== item.deadline || inConflict.has('deadline')) {
      input.deadline = dl;
      changed.push('thời hạn');
    }
    const dd = docDate.trim() ? vnDateToIso(docDate) : null;
    if (file && file.size > MAX_FILE) return setError(`Tệp «${file.name}» quá lớn (tối đa 20 MB). Hãy chọn tệp nhỏ hơn, ví dụ bản PDF đã nén.`);
    if (docNumber.trim() !== (item.document?.number ?? '') || dd !== (item.document?.date ?? null) || file || inConflict.has('document')) {
      input.document = { number: docNumber.trim(), date: dd, ...(file ? { file: { fileName: file.name, dataBase64: await fileToBase64(file) } } : {}) };
      changed.push('văn bản trả lời');
    }
    if (!changed.length && !input.note) return setError('Chưa có gì thay đổi. Hãy sửa trạng thái, cơ quan, thời hạn, văn bản trả lời hoặc ghi chú rồi bấm "Ghi vào lịch sử".');
    setBusy(true);
    // An agency typed for the first time joins the office's list, so it is offered next time.
    const name = agency.trim();
    if (input.agency && !agencies.some((a) => a.name === name)) {
      const a = await api.call('agency.save', { name, active: true });
      if (!a.ok) {
        setBusy(false);
        return setError(a.error.message);
      }
      onAgencyAdded();
    }
    const r = await api.call('register.change', input);
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    onSaved(r.value, changed.length ? `Đã ghi vào lịch sử: ${changed.join(', ')}${input.note ? ', ghi chú' : ''}.` : 'Đã ghi chú vào lịch sử.');
    onBack();
  }

  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (isComposing(e.nativeEvent)) return;
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void submit();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      onBack();
    }
  };

  return (
    <form
      className="reg-form"
      aria-label="Cập nhật kiến nghị"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      onKeyDown={onKeyDown}
      data-testid="reg-form"
    >
      <div className="grid-2">
        <div className="field">
          <label htmlFor="reg-f-status">
            Trạng thái <kbd>Alt+T</kbd>
          </label>
          <select id="reg-f-status" value={status} onChange={(e) => setStatus(e.target.value)} data-testid="reg-f-status">
            {choices.map((s) => (
              <option key={s.key} value={s.key}>
                {s.label}
                {s.active ? '' : ' (đã ẩn)'}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="reg-f-agency">
            Cơ quan giải quyết <kbd>Alt+C</kbd>
          </label>
          <input id="reg-f-agency" type="text" list={`${id}-agencies`} value={agency} onChange={(e) => setAgency(e.target.value)} placeholder="Chọn trong danh sách hoặc gõ tên mới" spellCheck={false} data-testid="reg-f-agency" />
          <datalist id={`${id}-agencies`}>
            {agencies
              .filter((a) => a.active)
              .map((a) => (
                <option key={a.id} value={a.name} />
              ))}
          </datalist>
        </div>
        <div className="field">
          <label htmlFor="reg-f-deadline">
            Thời hạn <kbd>Alt+H</kbd>
          </label>
          <input id="reg-f-deadline" type="text" value={deadline} onChange={(e) => setDeadline(e.target.value)} placeholder="ngày/tháng/năm" aria-invalid={dateProblem(deadline) ? true : undefined} data-testid="reg-f-deadline" />
        </div>
        <div className="field">
          <label htmlFor="reg-f-docnumber">
            Số, ký hiệu văn bản trả lời <kbd>Alt+V</kbd>
          </label>
          <input id="reg-f-docnumber" type="text" value={docNumber} onChange={(e) => setDocNumber(e.target.value)} placeholder="Ví dụ: 125/UBND-KT" spellCheck={false} data-testid="reg-f-docnumber" />
        </div>
        <div className="field">
          <label htmlFor="reg-f-docdate">Ngày văn bản</label>
          <input id="reg-f-docdate" type="text" value={docDate} onChange={(e) => setDocDate(e.target.value)} placeholder="ngày/tháng/năm" aria-invalid={dateProblem(docDate) ? true : undefined} data-testid="reg-f-docdate" />
        </div>
        <div className="field">
          <label htmlFor="reg-f-file">Tệp văn bản (PDF, Word, ảnh)</label>
          {/* The browser's own file box speaks English ("Choose File"): a button of ours opens it. */}
          <div className="row gap reg-file">
            <button type="button" id="reg-f-file" onClick={() => fileRef.current?.click()} data-testid="reg-f-file">
              {file ? 'Chọn tệp khác…' : item.document?.fileName ? 'Thay tệp…' : 'Chọn tệp…'}
            </button>
            <span className="small reg-file-name" data-testid="reg-f-file-name">
              {file ? file.name : item.document?.fileName ? <span className="muted">đang có: {item.document.fileName}</span> : <span className="muted">chưa chọn</span>}
            </span>
          </div>
          <input ref={fileRef} type="file" hidden onChange={(e) => setFile(e.target.files?.[0] ?? null)} data-testid="reg-f-file-input" />
        </div>
        <div className="field span-2">
          <label htmlFor="reg-f-note">
            Ghi chú của lần cập nhật này <kbd>Alt+G</kbd>
          </label>
          <textarea id="reg-f-note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} placeholder="Ví dụ: đã kiểm tra thực tế, hẹn hoàn thành trong tháng" spellCheck={false} data-testid="reg-f-note" />
        </div>
      </div>
      {error ? (
        <div className="field-error" role="alert" data-testid="reg-form-error">
          {error}
        </div>
      ) : null}
      <div className="row gap">
        <button type="submit" className="primary" disabled={busy} data-testid="reg-save">
          Ghi vào lịch sử <kbd>Ctrl+Enter</kbd>
        </button>
        <span className="muted small">Esc: về danh sách</span>
      </div>
    </form>
  );
}
