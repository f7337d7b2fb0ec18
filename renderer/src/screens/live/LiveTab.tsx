// The screen the secretary keeps open for hours in the hall: the timeline on the left, the
// current item in the centre, check-in, counters and photos on the right. Text is saved by the
// fields themselves (autosave); this component keeps the screen's copy of the record up to date
// from each save's answer, and owns the shortcuts.
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { Attendee, PhotoMeta, Recommendation, Reply, Speech } from '../../../../electron/shared/domain';
import { api } from '../../lib/api';
import { flushAllFields } from '../../lib/autosave';
import { saveQueue } from '../../lib/save-queue';
import { nowHHMM } from '../../lib/format';
import type { MeetingTabProps } from '../MeetingScreen';
import { recLabels as makeRecLabels } from '../close/checklist';
import { EntryPanel } from './EntryPanel';
import { Timeline } from './Timeline';
import { CounterBox, Roster, SideTabs, counters } from './SidePanel';
import { PhotoPanel } from './PhotoPanel';
import { KeyboardMap } from './KeyboardMap';
import { AskDialog } from '../../components/AskDialog';
import { LockedArea, LockedNotice } from '../../components/LockedNotice';
import { focusWhenShown, startMeeting } from '../meeting-actions';
import { Elapsed } from './Elapsed';
import { eventFor, fromRecord, isSkeleton, reduce, speakerName, type Entry, type ItemKind } from './model';
import type { ShortcutId } from './shortcuts';
import { useLiveSelection } from './use-live-selection';
import { useLiveFold } from './use-live-fold';
import { useLiveUndo } from './use-live-undo';
import { useLiveOps } from './use-live-ops';
import { useLiveShortcuts } from './use-live-shortcuts';
import { useLiveFilter } from './use-live-filter';
import { useNumbering, useTimeline } from './use-live-derived';
import { useLiveFill } from './use-live-fill';
import { ProjectorPanel } from '../../projector/ProjectorPanel';
import './live.css';

const KIND_NAME: Record<ItemKind | 'photo', string> = { rec: 'kiến nghị', reply: 'ý kiến trả lời', speech: 'phần phát biểu', photo: 'ảnh' };
// Who usually gives each speech, picked in advance (the secretary can change it).
const SPEECH_SPEAKER_ROLE: Record<Speech['kind'], Attendee['role'] | null> = { opening: 'chair', report: 'reporter', direction: 'guest', remarks: null, conclusion: 'chair' };

export function LiveTab({ record, reload }: MeetingTabProps) {
  const [data, dispatch] = useReducer(reduce, record, fromRecord);
  useEffect(() => dispatch({ type: 'reset', data: fromRecord(record) }), [record]);
  const meetingId = data.meeting.id;

  const { sel, setSel, fresh, since, select, onSelect, marked, onMark, clearMarks } = useLiveSelection();
  const { undo, setUndo } = useLiveUndo();
  const [error, setError] = useState<string | null>(null);
  const [mapOpen, setMapOpen] = useState(false);
  const [sideTab, setSideTab] = useState<'roster' | 'photos'>('roster');
  // "Xóa mục này" always asks; the answer's default is "Không xóa".
  const [asking, setAsking] = useState<Entry | null>(null);
  const pickRef = useRef<HTMLInputElement>(null);

  const entries = useTimeline(data);
  const locked = data.meeting.locked;
  const { shown, foldPre, preCount, keepInView, toggle: toggleFold } = useLiveFold(entries, data.meeting.status, sel, marked);
  // Labels and counters depend on the numbering, not on the text each save changes.
  const numbered = useNumbering(data.recs);
  const recLabels = useMemo(() => makeRecLabels({ recommendations: numbered }), [numbered]);
  const answered = useMemo(() => new Set(data.replies.flatMap((r) => r.recommendationIds)), [data.replies]);
  const count = useMemo(() => counters(data.attendees, numbered, answered), [data.attendees, numbered, answered]);
  const current: Entry | null = useMemo(() => (sel ? (entries.find((e) => e.kind === sel.kind && e.id === sel.id) ?? null) : null), [entries, sel]);
  // The timeline's own filter (find-in-page for a virtualised list); Alt+↑/↓ walk what it shows.
  const { visible, query, setQuery } = useLiveFilter(shown, sel, data.attendees, recLabels);
  // The first read sent most items as a skeleton (meeting.live): they follow whole after the first paint.
  useLiveFill(record, data, current, dispatch, setError);
  const currentLoading = current !== null && current.kind !== 'speech' && isSkeleton(current.item);

  const { ops, noteRec } = useLiveOps(data.recs, dispatch, (kind, id) => {
    const e = entries.find((x) => x.kind === kind && x.id === id);
    if (e && !locked) setAsking(e);
  });

  async function removeItem(kind: ItemKind, id: number) {
    flushAllFields();
    await saveQueue.idle();
    const r = kind === 'rec' ? await api.call('rec.remove', { id }) : kind === 'reply' ? await api.call('reply.remove', { id }) : await api.call('speech.remove', { id });
    if (!r.ok) return setError(r.error.message);
    dispatch({ type: 'drop', kind, id });
    setSel((s) => (s && s.kind === kind && s.id === id ? null : s));
    // The cursor stays in the entry panel (not on the page body), where F2 and the undo work.
    focusWhenShown('[data-testid="entry-empty"]');
    setUndo({
      message: `Đã xóa ${KIND_NAME[kind]}.`,
      restore: async () => {
        const back =
          kind === 'rec' ? await api.call('rec.restore', { id }) : kind === 'reply' ? await api.call('reply.restore', { id }) : await api.call('speech.restore', { id });
        if (!back.ok) return setError(back.error.message);
        if (kind === 'rec') dispatch({ type: 'rec', item: back.value as Recommendation });
        else if (kind === 'reply') dispatch({ type: 'reply', item: back.value as Reply });
        else dispatch({ type: 'speech', item: back.value as Speech });
        setSel({ kind, id });
        // The undo bar goes away with the button that had the focus: give it to the item's form.
        focusWhenShown('.entry-scroll .entry-form input:not([type="checkbox"]), .entry-scroll .entry-form textarea');
      },
    });
  }

  const onPhotoSaved = useCallback((p: PhotoMeta) => dispatch({ type: 'photo', item: p }), []);
  const onPhotoRemove = useCallback((p: PhotoMeta) => {
    void api.call('photo.remove', { id: p.id }).then((r) => {
      if (!r.ok) return setError(r.error.message);
      dispatch({ type: 'drop', kind: 'photo', id: p.id });
      setUndo({
        message: 'Đã xóa ảnh.',
        restore: async () => {
          const back = await api.call('photo.restore', { id: p.id });
          if (back.ok) dispatch({ type: 'photo', item: back.value });
          else setError(back.error.message);
        },
      });
    });
  }, [setUndo]);

  const onToggle = useCallback((a: Attendee, present: boolean) => {
    const presence = present ? 'present' : 'absent';
    dispatch({ type: 'attendee', item: { ...a, presence } });
    saveQueue.enqueue(`att:${a.id}:presence`, () =>
      api.call('attendee.update', { id: a.id, patch: { presence } }).then((r) => {
        if (r.ok) dispatch({ type: 'attendee', item: r.value });
        return r;
      }),
    );
  }, []);

  async function createRec(phase: Recommendation['phase']) {
    flushAllFields();
    const r = await api.call('rec.create', { meetingId, phase, raisedAt: phase === 'during' ? nowHHMM() : null });
    if (!r.ok) return setError(r.error.message);
    noteRec(r.value);
    dispatch({ type: 'rec', item: r.value });
    keepInView('rec', r.value.id);
    select({ kind: 'rec', id: r.value.id }, true);
  }

  async function createReply() {
    flushAllFields();
    let ids = [...marked];
    if (!ids.length && current?.kind === 'rec') ids = [current.id];
    if (!ids.length && current?.kind === 'reply') ids = current.item.recommendationIds;
    const allBefore = ids.length > 0 && ids.every((id) => data.recs.find((x) => x.id === id)?.phase === 'before');
    const r = await api.call('reply.create', {
      meetingId,
      recommendationIds: ids,
      kind: allBefore ? 'written_before' : 'on_spot',
      repliedAt: allBefore ? null : nowHHMM(),
    });
    if (!r.ok) return setError(r.error.message);
    dispatch({ type: 'reply', item: r.value });
    keepInView('reply', r.value.id);
    clearMarks();
    select({ kind: 'reply', id: r.value.id }, true);
  }

  async function openSpeech(kind: Speech['kind']) {
    // One opening, report and conclusion per meeting; a guest's direction and other remarks can
    // come several times, so each press records a new one.
    const existing = kind === 'direction' || kind === 'remarks' ? undefined : data.speeches.find((s) => s.kind === kind);
    if (existing) return select({ kind: 'speech', id: existing.id }, true);
    flushAllFields();
    const role = SPEECH_SPEAKER_ROLE[kind];
    const speaker = role ? data.attendees.find((a) => a.role === role) : undefined;
    const r = await api.call('speech.create', { meetingId, kind, at: nowHHMM(), speakerAttendeeId: speaker?.id ?? null });
    if (!r.ok) return setError(r.error.message);
    dispatch({ type: 'speech', item: r.value });
    select({ kind: 'speech', id: r.value.id }, true);
  }

  function move(step: 1 | -1) {
    if (!visible.length) return;
    const i = current ? visible.indexOf(current) : step === 1 ? -1 : visible.length;
    const next = visible[Math.max(0, Math.min(visible.length - 1, i + step))];
    select({ kind: next.kind, id: next.id });
    focusRow(next.kind, next.id);
  }

  function focusRow(kind: ItemKind, id: number) {
    setTimeout(() => document.querySelector<HTMLElement>(`[data-testid="tl-${kind}-${id}"]`)?.focus(), 0);
  }

  function run(id: ShortcutId) {
    // A locked record is read-only: moving around and the map still work, nothing that writes.
    if (locked && !['prev', 'next', 'finish', 'map', 'escape'].includes(id)) return;
    switch (id) {
      case 'mark':
        if (current?.kind === 'rec') onMark(current.id, !marked.has(current.id));
        return;
      case 'remove':
        if (current) setAsking(current);
        return;
      case 'newRec':
        return void createRec('during');
      case 'newRecBefore':
        return void createRec('before');
      case 'reply':
        return void createReply();
      case 'report':
        return void openSpeech('report');
      case 'conclusion':
        return void openSpeech('conclusion');
      case 'photo':
        setSideTab('photos');
        pickRef.current?.click();
        return;
      case 'roster':
        setSideTab('roster');
        setTimeout(() => document.querySelector<HTMLElement>('[data-testid="roster"] input')?.focus(), 0);
        return;
      case 'prev':
        return move(-1);
      case 'next':
        return move(1);
      case 'finish':
        flushAllFields();
        if (current) focusRow(current.kind, current.id);
        return;
      case 'map':
        return setMapOpen(true);
      case 'escape':
        return setMapOpen(false);
    }
  }
  useLiveShortcuts(run, mapOpen);

  async function start() {
    // Pending saves first (a start time typed a moment ago), then one atomic start in the core.
    const r = await startMeeting(meetingId);
    if (!r.ok) return setError(r.error.message);
    dispatch({ type: 'meeting', item: r.value });
    await reload();
    focusWhenShown('[data-testid="new-rec"]');
  }

  const who = current
    ? current.kind === 'rec'
      ? speakerName(data.attendees, current.item.raisedByAttendeeId, current.item.raisedByText)
      : current.kind === 'reply'
        ? speakerName(data.attendees, current.item.responderAttendeeId, current.item.responderText)
        : speakerName(data.attendees, current.item.speakerAttendeeId, current.item.speakerText)
    : '';

  return (
    <div className="live" data-testid="live">
      <LockedNotice meeting={data.meeting} />
      {data.meeting.status === 'draft' && !locked ? (
        <div className="banner info live-banner">
          Hội nghị chưa bắt đầu.{' '}
          <button type="button" className="primary" onClick={() => void start()} data-testid="start-meeting">
            Bắt đầu hội nghị <kbd>Alt+S</kbd>
          </button>{' '}
          <span className="small">(ghi giờ bắt đầu nếu chưa có; vẫn ghi chép được trước khi bấm)</span>
        </div>
      ) : null}
      {data.meeting.status === 'closed' && !locked ? <div className="banner warn live-banner">Hội nghị đã kết thúc. Vẫn sửa được cho đến khi chốt biên bản.</div> : null}
      {error ? (
        <div className="banner error live-banner" role="alert">
          {error}{' '}
          <button type="button" className="link" onClick={() => setError(null)}>
            Đóng
          </button>
        </div>
      ) : null}
      {undo ? (
        <div className="banner undo live-banner" role="status" data-testid="undo-banner">
          {undo.message}{' '}
          <button
            type="button"
            className="link"
            data-testid="undo"
            onClick={() => {
              const u = undo;
              setUndo(null);
              void u.restore();
            }}
          >
            Hoàn tác
          </button>
        </div>
      ) : null}
      <div className="live-cols">
        <Timeline
          entries={visible}
          filter={{ query, setQuery, total: shown.length }}
          fold={data.meeting.status === 'live' && preCount > 0 ? { count: preCount, folded: foldPre, toggle: toggleFold } : null}
          attendees={data.attendees} selected={sel} marked={marked} answered={answered} recLabels={recLabels} onSelect={onSelect} onMark={onMark} />
        <LockedArea locked={locked} className="entry-col">
          <div className="entry-bar" role="toolbar" aria-label="Ghi mục mới">
            <button type="button" className="primary" onClick={() => void createRec('during')} data-testid="new-rec">
              + Kiến nghị <kbd>F2</kbd>
            </button>
            <button type="button" onClick={() => void createReply()} data-testid="new-reply">
              Trả lời{marked.size ? ` (${marked.size})` : ''} <kbd>F3</kbd>
            </button>
            <button type="button" onClick={() => void openSpeech('report')} data-testid="new-report">
              Báo cáo <kbd>Alt+B</kbd>
            </button>
            <button type="button" onClick={() => void openSpeech('opening')} data-testid="new-opening" title="Phát biểu khai mạc, định hướng">
              Khai mạc
            </button>
            <button type="button" onClick={() => void openSpeech('direction')} data-testid="new-direction" title="Phát biểu chỉ đạo của khách mời cấp trên">
              Chỉ đạo
            </button>
            <button type="button" onClick={() => void openSpeech('remarks')} data-testid="new-remarks" title="Phát biểu khác">
              Phát biểu
            </button>
            <button type="button" onClick={() => void openSpeech('conclusion')} data-testid="new-conclusion">
              Kết luận <kbd>Alt+K</kbd>
            </button>
            <button type="button" onClick={() => void createRec('before')} data-testid="new-rec-before" title="Kiến nghị nhận trước hội nghị (Alt+Shift+N)">
              KN trước
            </button>
            <span className="bar-spacer" />
            <button type="button" className="kmap-btn" onClick={() => setMapOpen(true)} data-testid="open-kmap" title="Bảng phím tắt (F1)" aria-label="Bảng phím tắt (F1)">
              <kbd>F1</kbd>
            </button>
          </div>
          {current && since ? (
            <div className="speaking" data-testid="speaking">
              <span className="muted">Đang ghi:</span> <strong>{who || '(chưa ghi người nói)'}</strong>
              <Elapsed since={since} />
            </div>
          ) : null}
          <div className="entry-scroll">
            {currentLoading ? (
              // Never a form on a skeleton: a save would store its empty text. The item is on its way.
              <div className="entry-empty" data-testid="entry-loading" aria-busy="true">
                <p>Đang tải nội dung mục này…</p>
              </div>
            ) : (
              <EntryPanel entry={current} attendees={data.attendees} recs={data.recs} recLabels={recLabels} ops={ops} focusOnMount={fresh} />
            )}
          </div>
        </LockedArea>
        <aside className="side-col" aria-label="Điểm danh, số liệu và ảnh">
          <ProjectorPanel meeting={data.meeting} entries={entries} current={current} attendees={data.attendees} recs={data.recs} timing={record.timing} onError={setError} />
          <CounterBox c={count} />
          <SideTabs tab={sideTab} setTab={setSideTab} photoCount={data.photos.length}>
            <div hidden={sideTab !== 'roster'}>
              <LockedArea locked={locked}>
                <Roster attendees={data.attendees} onToggle={onToggle} />
              </LockedArea>
            </div>
            <div hidden={sideTab !== 'photos'}>
              <LockedArea locked={locked}>
                <PhotoPanel meetingId={meetingId} photos={data.photos} defaultEvent={eventFor(current)} pickRef={pickRef} onSaved={onPhotoSaved} onRemove={onPhotoRemove} />
              </LockedArea>
            </div>
          </SideTabs>
        </aside>
      </div>
      {mapOpen ? <KeyboardMap onClose={() => setMapOpen(false)} /> : null}
      {asking ? (
        <AskDialog
          title="Xóa mục này?"
          confirmLabel="Xóa"
          cancelLabel="Không xóa"
          danger
          onCancel={() => setAsking(null)}
          onConfirm={() => {
            const e = asking;
            setAsking(null);
            void removeItem(e.kind, e.id);
          }}
          testId="confirm-delete"
        >
          <p>
            Xóa {asking.kind === 'rec' ? (recLabels.get(asking.id) ?? KIND_NAME.rec).toLowerCase() : KIND_NAME[asking.kind]}
            {asking.kind === 'rec' && asking.item.content ? ` («${asking.item.content.slice(0, 80)}${asking.item.content.length > 80 ? '…' : ''}»)` : ''}?
          </p>
          <p>Ngay sau khi xóa vẫn bấm "Hoàn tác" được.</p>
        </AskDialog>
      ) : null}
    </div>
  );
}
