import { useCallback, useEffect, useRef, useState } from 'react';
import type { MeetingSummary, SearchHit } from '../../../electron/shared/domain';
import { api } from '../lib/api';
import { useData } from '../lib/use-data';
import { isoToVnDate } from '../lib/format';
import { navigate, href } from '../lib/router';
import { copyTitle, formatDateTime, highlight, SEARCH_ENTITY_LABELS, TRASH_DAYS } from '../lib/labels';
import { OpenSampleButton, RemoveSampleButton, SampleBadge, SampleUndoBar, useSampleControls } from './setup/sample';
import { ImportMeetingButton, ImportRecordButton } from '../components/MeetingFileButtons';
import { AskDialog } from '../components/AskDialog';
import { focusWhenShown } from './meeting-actions';
import { TEMPLATE_IDS, templatesFor, type TemplateId } from '../../../electron/shared/templates';
import { DueCounts } from './register/DueCounts';

const STATUS: Record<string, string> = { draft: 'Đang chuẩn bị', live: 'Đang diễn ra', closed: 'Đã kết thúc' };

const meetingName = (m: Pick<MeetingSummary, 'title' | 'date'>) => `${m.title || '(chưa đặt tên)'}${m.date ? ` (${isoToVnDate(m.date)})` : ''}`;

export function HomeScreen() {
  const meetings = useData('meeting.list', { limit: 50 });
  const trash = useData('meeting.trash', {});
  // Templates in the order the office's level uses them (two tiers since 1/7/2025).
  const profile = useData('profile.get', {});
  const templates = templatesFor(profile.data?.level ?? 'commune');
  const [template, setTemplate] = useState<TemplateId | ''>('');
  const reloadMeetings = meetings.reload;
  const reloadTrash = trash.reload;
  const reloadAll = useCallback(async () => {
    await Promise.all([reloadMeetings(), reloadTrash()]);
  }, [reloadMeetings, reloadTrash]);
  const samples = useSampleControls(reloadAll);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Chromium's <select> fires "change" on every arrow key: choosing a meeting to copy never
  // creates anything by itself; the button and its question do.
  const [copyFrom, setCopyFrom] = useState('');
  const [asking, setAsking] = useState<{ kind: 'copy'; from: MeetingSummary } | { kind: 'remove'; meeting: MeetingSummary } | null>(null);
  const [removed, setRemoved] = useState<MeetingSummary | null>(null);
  const undoRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!query.trim()) {
      setHits(null);
      return;
    }
    let live = true;
    const t = setTimeout(async () => {
      const r = await api.call('search.query', { query, limit: 30 });
      if (!live) return;
      if (r.ok) setHits(r.value);
      else setError(r.error.message);
    }, 120);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [query]);

  // After a delete the cursor waits on "Hoàn tác", one Enter away from undoing it.
  useEffect(() => {
    if (removed) undoRef.current?.focus();
  }, [removed]);

  async function create(from?: MeetingSummary) {
    setBusy(true);
    const titles = (meetings.data ?? []).map((m) => m.title);
    const r = await api.call('meeting.create', from ? { copyFromId: from.id, fields: { title: copyTitle(from.title, titles) } } : { fields: { title: 'Hội nghị đối thoại' } });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    navigate({ name: 'meeting', id: r.value.id, tab: 'prepare' });
  }

  /** A new meeting from a template, worded for the office's unit; only the button creates it. */
  async function createFromTemplate(id: TemplateId) {
    setBusy(true);
    const r = await api.call('meeting.create', { template: id });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    navigate({ name: 'meeting', id: r.value.id, tab: 'prepare' });
  }

  async function remove(m: MeetingSummary) {
    setError(null);
    const r = await api.call('meeting.remove', { id: m.id });
    if (!r.ok) return setError(r.error.message);
    setRemoved(m);
    await reloadAll();
  }

  async function restore(id: number) {
    setError(null);
    const r = await api.call('meeting.restore', { id });
    if (!r.ok) return setError(r.error.message);
    if (removed?.id === id) setRemoved(null);
    await reloadAll();
    // The button that was pressed is gone: the cursor goes to the meeting that came back.
    focusWhenShown(`[data-testid="meeting-row"][data-id="${id}"] a`);
  }

  const source = meetings.data?.find((m) => String(m.id) === copyFrom) ?? null;

  return (
    <div className="home">
      <section className="home-actions">
        <h1>Hội nghị</h1>
        <div className="row gap">
          <button type="button" className="primary" onClick={() => void create()} disabled={busy} data-testid="new-meeting">
            + Hội nghị mới (đối thoại)
          </button>
          <span className="inline template-from">
            <label htmlFor="template">hoặc theo mẫu:</label>
            <select
              id="template"
              data-testid="template"
              value={template}
              onChange={(e) => setTemplate((TEMPLATE_IDS as readonly string[]).includes(e.target.value) ? (e.target.value as TemplateId) : '')}
            >
              <option value="">— chọn mẫu —</option>
              {templates.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.label}
                </option>
              ))}
            </select>
            <button type="button" disabled={!template || busy} onClick={() => template && void createFromTemplate(template)} data-testid="template-create">
              Tạo theo mẫu
            </button>
          </span>
          <ImportMeetingButton onError={setError} />
          <ImportRecordButton onError={setError} />
          {meetings.data && meetings.data.length > 0 ? (
            <span className="inline copy-from">
              <label htmlFor="copy-from">hoặc sao chép thành phần từ:</label>
              <select id="copy-from" data-testid="copy-from" value={copyFrom} onChange={(e) => setCopyFrom(e.target.value)}>
                <option value="">— chọn hội nghị trước —</option>
                {meetings.data.map((m) => (
                  <option key={m.id} value={m.id}>
                    {isoToVnDate(m.date) || 'chưa có ngày'} · {m.title || '(chưa đặt tên)'}
                  </option>
                ))}
              </select>
              <button type="button" disabled={!source || busy} onClick={() => source && setAsking({ kind: 'copy', from: source })} data-testid="copy-create">
                Tạo bản sao…
              </button>
            </span>
          ) : null}
        </div>
        {error ? (
          <div className="banner error" role="alert" data-testid="home-error">
            {error}
          </div>
        ) : null}
      </section>

      <DueCounts />

      <section className="search">
        <label htmlFor="global-search">Tìm trong mọi hội nghị</label>
        <input
          id="global-search"
          type="search"
          placeholder="Gõ có dấu hoặc không dấu, ví dụ: song pheo, hdnd, tuyen"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          data-testid="global-search"
        />
        {hits ? (
          <ul className="hits" data-testid="search-hits">
            {hits.length === 0 ? <li className="muted">Không tìm thấy kết quả nào.</li> : null}
            {hits.map((h) => (
              <li key={`${h.entity}-${h.entityId}`} data-testid="search-hit">
                <a href={href({ name: 'meeting', id: h.meetingId, tab: h.entity === 'meeting' || h.entity === 'attendee' ? 'prepare' : 'live' })}>
                  <span className="hit-meeting" data-testid="hit-meeting">
                    {isoToVnDate(h.meetingDate) || 'chưa có ngày'} · {h.meetingTitle || '(chưa đặt tên)'}
                  </span>
                  <span className="hit-line">
                    <span className="hit-field" data-testid="hit-field">
                      {SEARCH_ENTITY_LABELS[h.entity]}
                    </span>
                    <span className="hit-snippet" data-testid="hit-snippet">
                      {highlight(h.snippet, query).map((p, i) => (p.match ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
                    </span>
                  </span>
                </a>
              </li>
            ))}
          </ul>
        ) : null}
      </section>

      <section>
        <h2>Gần đây</h2>
        {meetings.error ? <div className="banner error">{meetings.error}</div> : null}
        <SampleUndoBar bar={samples.bar} />
        {removed ? (
          <div className="banner info sample-undo" role="status" data-testid="meeting-undo-bar">
            <span>
              Đã chuyển «{meetingName(removed)}» vào thùng rác (giữ {TRASH_DAYS} ngày).
            </span>
            <button type="button" ref={undoRef} onClick={() => void restore(removed.id)} data-testid="meeting-undo">
              Hoàn tác
            </button>
            <button type="button" className="link" onClick={() => setRemoved(null)}>
              Đóng
            </button>
          </div>
        ) : null}
        {meetings.data && meetings.data.length === 0 ? (
          <p className="muted">
            Chưa có hội nghị nào. Bấm "Hội nghị mới" để bắt đầu, hoặc <OpenSampleButton />.
          </p>
        ) : null}
        <table className="list" data-testid="meeting-list">
          <tbody>
            {meetings.data?.map((m) => (
              <tr key={m.id} data-testid="meeting-row" data-id={m.id}>
                <td className="nowrap">{isoToVnDate(m.date) || '—'}</td>
                <td>
                  <a href={href({ name: 'meeting', id: m.id, tab: m.status === 'live' ? 'live' : 'prepare' })}>{m.title || '(chưa đặt tên)'}</a>
                  {samples.isSample(m.id) ? <SampleBadge /> : null}
                  {m.location ? <div className="muted small">{m.location}</div> : null}
                  {samples.isSample(m.id) ? <RemoveSampleButton onRemove={() => void samples.remove(m.id)} /> : null}
                </td>
                <td className="nowrap">{m.recommendationCount} kiến nghị</td>
                <td className="nowrap">
                  <span className={`status status-${m.status}`}>{STATUS[m.status]}</span>
                </td>
                <td className="nowrap row-actions">
                  {samples.isSample(m.id) ? null : (
                    <button type="button" className="link" onClick={() => setAsking({ kind: 'remove', meeting: m })} data-testid="remove-meeting" aria-label={`Xóa hội nghị ${meetingName(m)}`}>
                      Xóa…
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      {trash.data && trash.data.length > 0 ? (
        <section className="trash" aria-labelledby="trash-h" data-testid="trash">
          <h2 id="trash-h">
            Thùng rác <span className="muted small">({trash.data.length} hội nghị, tự xóa hẳn sau {TRASH_DAYS} ngày)</span>
          </h2>
          <table className="list">
            <tbody>
              {trash.data.map((m) => (
                <tr key={m.id} data-testid="trash-row" data-id={m.id}>
                  <td>{meetingName(m)}</td>
                  <td className="nowrap muted small">
                    xóa lúc {formatDateTime(m.deletedAt)}, xóa hẳn sau {formatDateTime(m.purgeAt).slice(0, 10)}
                  </td>
                  <td className="nowrap">
                    <button type="button" onClick={() => void restore(m.id)} data-testid="trash-restore">
                      Khôi phục
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}

      {asking?.kind === 'copy' ? (
        <AskDialog
          title="Tạo hội nghị mới bằng bản sao?"
          confirmLabel="Tạo hội nghị mới"
          onCancel={() => setAsking(null)}
          onConfirm={() => {
            const from = asking.from;
            setAsking(null);
            setCopyFrom('');
            void create(from);
          }}
          testId="confirm-copy"
        >
          <p>
            Hội nghị mới lấy đơn vị tổ chức, đối tượng, địa điểm và danh sách đại biểu của «{meetingName(asking.from)}», không lấy kiến nghị, trả lời hay ảnh.
          </p>
          <p>
            Tên hội nghị mới: «{copyTitle(asking.from.title, (meetings.data ?? []).map((m) => m.title))}» (sửa được ở bước "1. Chuẩn bị").
          </p>
        </AskDialog>
      ) : null}
      {asking?.kind === 'remove' ? (
        <AskDialog
          title="Chuyển hội nghị vào thùng rác?"
          confirmLabel="Chuyển vào thùng rác"
          cancelLabel="Không xóa"
          danger
          onCancel={() => setAsking(null)}
          onConfirm={() => {
            const m = asking.meeting;
            setAsking(null);
            void remove(m);
          }}
          testId="confirm-remove"
        >
          <p>«{meetingName(asking.meeting)}» sẽ ẩn khỏi danh sách và vào thùng rác.</p>
          <p>Trong {TRASH_DAYS} ngày có thể khôi phục nguyên vẹn (bấm "Hoàn tác" ngay sau đây, hoặc "Khôi phục" trong thùng rác); sau đó hội nghị bị xóa hẳn.</p>
        </AskDialog>
      ) : null}
    </div>
  );
}
