// The live screen's projector and timer panel: what the wall shows (one key steps through the
// scenes, one shows or hides), who speaks (the next speaker with one key), the countdown (start,
// pause, reset) and the rule. Keys work while the cursor stays in the text being typed, never
// while an input method composes. Each change sends a snapshot to the projector (link.ts); the
// time spoken is stored when the timer pauses, is reset or moves on, and every 15 s while it runs.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Attendee, Meeting, Recommendation } from '../../../electron/shared/domain';
import {
  DEFAULT_TIMER_RULE,
  PROJECTOR_KEYS,
  SCENES,
  SCENE_LABELS,
  crossedZero,
  findOverride,
  formatCountdown,
  idleTimer,
  limitFor,
  matchProjectorKey,
  nextScene,
  pauseTimer,
  projectorSnapshot,
  remainingMs,
  resetTimer,
  speakingStats,
  spokenLabel,
  spokenSeconds,
  startTimer,
  timerPhase,
  withLimit,
  type MeetingTiming,
  type ProjectorSnapshot,
  type Scene,
  type SpeakerOverride,
  type SpeakingTime,
  type TimerRule,
  type TimerState,
} from '../../../electron/shared/timer';
import { api } from '../lib/api';
import type { Entry, Sel } from '../screens/live/model';
import { beep } from './beep';
import { openSender, type ProjectorSender } from './link';
import { ENTITY_OF, describe, nextSubject, type Subject } from './subject';
import './panel.css';

type Props = {
  meeting: Meeting;
  entries: Entry[];
  current: Entry | null;
  attendees: Attendee[];
  recs: Recommendation[];
  timing: MeetingTiming | undefined;
  onError: (message: string) => void;
};

const keyOf = (id: (typeof PROJECTOR_KEYS)[number]['id']) => PROJECTOR_KEYS.find((k) => k.id === id)!.keys[0];
const SAVE_EVERY_MS = 15_000;
/** Rises with every snapshot this page sends (the projector drops an older one arriving late). */
let snapshotSeq = 0;

export function ProjectorPanel({ meeting, entries, current, attendees, recs, timing, onError }: Props) {
  const meetingId = meeting.id;
  const [rule, setRule] = useState<TimerRule>(timing?.rule ?? DEFAULT_TIMER_RULE);
  const [overrides, setOverrides] = useState<SpeakerOverride[]>(timing?.overrides ?? []);
  const [times, setTimes] = useState<SpeakingTime[]>(timing?.times ?? []);
  const [visible, setVisible] = useState(true);
  const [scene, setScene] = useState<Scene>(meeting.status === 'draft' ? 'welcome' : 'agenda');
  const [message, setMessage] = useState('');
  const [subjectSel, setSubjectSel] = useState<Sel | null>(null);
  const [timer, setTimer] = useState<TimerState>(() => idleTimer((timing?.rule ?? DEFAULT_TIMER_RULE).delegateSeconds * 1000));
  const [now, setNow] = useState(() => Date.now());
  const [note, setNote] = useState('');

  const subjectEntry = useMemo(() => (subjectSel ? (entries.find((e) => e.kind === subjectSel.kind && e.id === subjectSel.id) ?? null) : null), [entries, subjectSel]);
  const subject: Subject | null = useMemo(() => (subjectEntry ? describe(subjectEntry, attendees, recs) : null), [subjectEntry, attendees, recs]);
  const limitSeconds = subject ? limitFor(rule, overrides, subject) : rule.delegateSeconds;

  // ---- the link to the projector ----
  const sender = useRef<ProjectorSender | null>(null);
  const lastSent = useRef<ProjectorSnapshot | null>(null);
  // Opened in a layout effect too, so it exists when the first snapshot below is sent.
  useLayoutEffect(() => {
    const link = openSender(meetingId);
    sender.current = link;
    return () => {
      // Leaving the live step stops the clock here (the time is stored below): the wall stops too,
      // rather than count down a speaker nobody is timing any more.
      const last = lastSent.current;
      if (last?.timer?.status === 'running') link.send({ ...last, seq: ++snapshotSeq, sentAt: Date.now(), timer: pauseTimer(last.timer, Date.now()) });
      link.close();
    };
  }, [meetingId]);
  // A layout effect: the snapshot leaves before this page paints, not a frame later.
  useLayoutEffect(() => {
    lastSent.current = projectorSnapshot({
      meetingId,
      seq: ++snapshotSeq,
      sentAt: Date.now(),
      visible,
      scene,
      title: meeting.title,
      date: meeting.date,
      location: meeting.location,
      agenda: subject?.agenda ?? (meeting.status === 'draft' ? 'Chuẩn bị khai mạc hội nghị' : meeting.title),
      speaker: subject ? { name: subject.name, detail: subject.detail } : null,
      request: subject?.request ?? null,
      message,
      timer,
    });
    sender.current?.send(lastSent.current);
  }, [meetingId, visible, scene, message, subject, timer, meeting.title, meeting.date, meeting.location, meeting.status]);

  // ---- storing the time spoken ----
  const canWrite = !meeting.locked;
  const save = useCallback(
    (sel: Sel | null, t: TimerState, limit: number) => {
      if (!sel || !canWrite) return;
      const entity = ENTITY_OF[sel.kind];
      const seconds = spokenSeconds(t, Date.now());
      void api.call('timer.record', { entity, entityId: sel.id, seconds, limitSeconds: limit }).then((r) => {
        if (!r.ok) return onError(`Chưa lưu được thời gian phát biểu: ${r.error.message}`);
        setTimes((list) => [...list.filter((x) => !(x.entity === entity && x.entityId === sel.id)), ...(r.value ? [r.value] : [])]);
      });
    },
    [canWrite, onError],
  );

  // The latest state for the key handler and the interval, which live for the panel's life.
  const latest = useRef({ subjectSel, timer, limitSeconds, times, rule, overrides, entries, current, attendees, recs });
  latest.current = { subjectSel, timer, limitSeconds, times, rule, overrides, entries, current, attendees, recs };

  const moveTo = useCallback(
    (sel: Sel | null) => {
      const l = latest.current;
      if (l.subjectSel && (l.timer.status !== 'idle' || l.timer.accumulatedMs > 0)) save(l.subjectSel, pauseTimer(l.timer, Date.now()), l.limitSeconds);
      setSubjectSel(sel);
      setNote('');
      const e = sel ? l.entries.find((x) => x.kind === sel.kind && x.id === sel.id) : undefined;
      const who = e ? describe(e, l.attendees, l.recs) : null;
      const limit = who ? limitFor(l.rule, l.overrides, who) : l.rule.delegateSeconds;
      const stored = sel ? (l.times.find((x) => x.entity === ENTITY_OF[sel.kind] && x.entityId === sel.id)?.seconds ?? 0) : 0;
      setTimer(idleTimer(limit * 1000, stored * 1000));
    },
    [save],
  );

  const toggleRun = useCallback(() => {
    const l = latest.current;
    const t = Date.now();
    if (l.timer.status === 'running') {
      const paused = pauseTimer(l.timer, t);
      setTimer(paused);
      save(l.subjectSel, paused, l.limitSeconds);
      return;
    }
    // Nothing on the projector yet: the item being written becomes the speaker timed.
    if (!l.subjectSel && l.current) {
      moveTo({ kind: l.current.kind, id: l.current.id });
      setTimer((s) => startTimer(s, Date.now()));
      return;
    }
    setTimer(startTimer(l.timer, t));
  }, [moveTo, save]);

  const reset = useCallback(() => {
    const l = latest.current;
    const r = resetTimer(l.timer);
    setTimer(r);
    if (l.subjectSel && l.times.some((x) => x.entity === ENTITY_OF[l.subjectSel!.kind] && x.entityId === l.subjectSel!.id)) save(l.subjectSel, r, l.limitSeconds);
  }, [save]);

  const next = useCallback(() => {
    const l = latest.current;
    const sel = nextSubject(l.entries, l.subjectSel, l.current ? { kind: l.current.kind, id: l.current.id } : null);
    if (!sel) return setNote('Không còn mục nào sau mục đang chiếu. Ghi mục mới (F2, F3) rồi bấm lại Alt+G.');
    moveTo(sel);
  }, [moveTo]);

  // ---- keys: the same in a text field, never while an input method composes ----
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const id = matchProjectorKey(e);
      if (!id || document.querySelector('dialog[open]')) return;
      e.preventDefault();
      if (id === 'toggleShow') setVisible((v) => !v);
      else if (id === 'cycleScene') setScene((s) => nextScene(s));
      else if (id === 'nextSpeaker') next();
      else if (id === 'timerToggle') toggleRun();
      else reset();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [next, toggleRun, reset]);

  // ---- the clock on this screen, the beep, and a save every 15 s while running ----
  useEffect(() => {
    setNow(Date.now());
    if (timer.status !== 'running') return;
    let before = Date.now();
    let savedAt = before;
    const id = setInterval(() => {
      const t = Date.now();
      if (latest.current.rule.beep && crossedZero(timer, before, t)) beep();
      if (t - savedAt >= SAVE_EVERY_MS) {
        savedAt = t;
        save(latest.current.subjectSel, timer, latest.current.limitSeconds);
      }
      before = t;
      setNow(t);
    }, 250);
    return () => clearInterval(id);
  }, [timer, save]);

  // The limit follows the rule and the speaker's own limit as they are changed.
  useEffect(() => {
    setTimer((s) => (s.limitMs === limitSeconds * 1000 ? s : withLimit(s, limitSeconds * 1000)));
  }, [limitSeconds]);

  // Stop and keep the time if the screen closes while the timer runs.
  useEffect(
    () => () => {
      const l = latest.current;
      if (l.timer.status === 'running') save(l.subjectSel, pauseTimer(l.timer, Date.now()), l.limitSeconds);
    },
    [save],
  );

  async function openProjector() {
    const r = await api.call('projector.open', { meetingId });
    if (r.ok && r.value.done) return;
    // Browser mode: a tab of its own, to drag to the projector's screen and make full screen (F11).
    window.open(`${window.location.pathname}${window.location.search}#/projector/${meetingId}`, `thuky-projector-${meetingId}`);
  }

  async function saveRule(patch: Partial<TimerRule>) {
    setRule((r) => ({ ...r, ...patch }));
    const r = await api.call('timer.saveRule', { meetingId, rule: patch });
    if (!r.ok) return onError(r.error.message);
    setRule(r.value);
  }

  async function setOwnLimit(minutes: number | null) {
    if (!subject) return;
    const r = await api.call('timer.setLimit', { meetingId, attendeeId: subject.attendeeId, speakerText: subject.speakerText, seconds: minutes === null ? null : Math.round(minutes * 60) });
    if (!r.ok) return onError(r.error.message);
    setOverrides(r.value);
  }

  const remaining = remainingMs(timer, now);
  const phase = timerPhase(timer, now);
  const stats = speakingStats(times);
  const longestName = useMemo(() => {
    const l = stats.longest;
    if (!l) return '';
    const e = entries.find((x) => ENTITY_OF[x.kind] === l.entity && x.id === l.entityId);
    return e ? describe(e, attendees, recs).name : '';
  }, [stats.longest, entries, attendees, recs]);
  const own = subject ? findOverride(overrides, subject) : null;

  return (
    <section className="pjp" data-testid="projector-panel" aria-label="Màn chiếu và bấm giờ">
      <div className="pjp-row">
        <strong className="pjp-title">Màn chiếu</strong>
        <button type="button" className="pjp-small" onClick={() => void openProjector()} data-testid="projector-open" title="Mở màn chiếu trên màn hình thứ hai">
          Mở
        </button>
        <button type="button" className={`pjp-small ${visible ? 'on' : ''}`} aria-pressed={visible} onClick={() => setVisible((v) => !v)} data-testid="projector-visible">
          {visible ? 'Đang hiện' : 'Đang ẩn'} <kbd>{keyOf('toggleShow')}</kbd>
        </button>
      </div>
      <div className="pjp-scenes" role="group" aria-label={`Nội dung trên màn chiếu (${keyOf('cycleScene')})`}>
        {SCENES.map((s) => (
          <button key={s} type="button" aria-pressed={scene === s} className={scene === s ? 'on' : ''} onClick={() => setScene(s)} data-testid={`scene-${s}`}>
            {SCENE_LABELS[s]}
          </button>
        ))}
        <kbd title="Chọn nội dung tiếp theo">{keyOf('cycleScene')}</kbd>
      </div>
      <input
        className="pjp-message"
        type="text"
        maxLength={300}
        placeholder="Thông báo ngắn lên màn chiếu…"
        aria-label="Thông báo ngắn lên màn chiếu"
        value={message}
        onChange={(e) => setMessage(e.target.value)}
        data-testid="projector-message-input"
      />
      <div className="pjp-row pjp-subject" data-testid="projector-subject">
        <span className="pjp-who" title={subject ? `${subject.name}${subject.detail ? ` – ${subject.detail}` : ''}` : ''}>
          {subject ? <strong>{subject.name || '(chưa ghi người nói)'}</strong> : <span className="muted">Chưa chọn người phát biểu</span>}
        </span>
        <button type="button" className="pjp-small" disabled={!current} onClick={() => current && moveTo({ kind: current.kind, id: current.id })} data-testid="projector-take" title="Đưa mục đang chọn lên màn chiếu">
          Mục đang chọn
        </button>
        <button type="button" className="pjp-small" onClick={next} data-testid="projector-next" title="Người phát biểu tiếp theo">
          Tiếp <kbd>{keyOf('nextSpeaker')}</kbd>
        </button>
      </div>
      {note ? <p className="pjp-note" role="status">{note}</p> : null}
      <div className="pjp-row pjp-timer">
        <span className={`pjp-clock ${phase}`} data-testid="timer-clock" data-phase={phase} data-status={timer.status} role="timer">
          {formatCountdown(remaining)}
        </span>
        <button type="button" className="primary pjp-small" onClick={toggleRun} data-testid="timer-toggle">
          {timer.status === 'running' ? 'Dừng' : timer.status === 'paused' ? 'Tiếp tục' : 'Bấm giờ'} <kbd>{keyOf('timerToggle')}</kbd>
        </button>
        <button type="button" className="pjp-small" onClick={reset} data-testid="timer-reset" title={`Đặt lại (${keyOf('timerReset')})`}>
          Đặt lại
        </button>
      </div>
      <p className="pjp-stats" data-testid="timer-stats">
        {stats.speakers
          ? `${stats.speakers} lượt đã bấm giờ · tổng ${spokenLabel(stats.totalSeconds)} · lâu nhất ${spokenLabel(stats.longest?.seconds ?? 0)}${longestName ? ` (${longestName})` : ''}${stats.overLimit ? ` · ${stats.overLimit} lượt quá giờ` : ''}`
          : 'Chưa bấm giờ lượt nào.'}
      </p>
      <details className="pjp-rule">
        <summary>Quy định thời gian</summary>
        <fieldset disabled={!canWrite}>
          <label>
            Đại biểu phát biểu (phút)
            <MinutesInput value={rule.delegateSeconds / 60} onCommit={(m) => m !== null && void saveRule({ delegateSeconds: Math.round(m * 60) })} testId="rule-delegate" />
          </label>
          <label>
            Lãnh đạo trả lời (phút)
            <MinutesInput value={rule.leaderSeconds / 60} onCommit={(m) => m !== null && void saveRule({ leaderSeconds: Math.round(m * 60) })} testId="rule-leader" />
          </label>
          {subject ? (
            <label>
              Riêng {subject.name || 'người này'} (phút, để trống: theo quy định)
              <MinutesInput value={own ? own.seconds / 60 : null} onCommit={(m) => void setOwnLimit(m)} testId="rule-own" allowEmpty />
            </label>
          ) : null}
          <label className="pjp-check">
            <input type="checkbox" checked={rule.beep} onChange={(e) => void saveRule({ beep: e.target.checked })} data-testid="rule-beep" /> Tiếng bíp khi hết giờ
          </label>
          <label className="pjp-check">
            <input type="checkbox" checked={rule.inMinutes} onChange={(e) => void saveRule({ inMinutes: e.target.checked })} data-testid="rule-in-minutes" /> Ghi thời gian phát biểu vào biên bản
          </label>
        </fieldset>
      </details>
    </section>
  );
}

/** Minutes, committed on blur or Enter; a comma works as the decimal mark ("2,5"). */
function MinutesInput({ value, onCommit, testId, allowEmpty = false }: { value: number | null; onCommit: (m: number | null) => void; testId: string; allowEmpty?: boolean }) {
  const shown = value === null ? '' : String(Math.round(value * 100) / 100).replace('.', ',');
  const [text, setText] = useState(shown);
  const [bad, setBad] = useState(false);
  useEffect(() => setText(shown), [shown]);
  const commit = () => {
    const t = text.trim().replace(',', '.');
    if (!t && allowEmpty) {
      setBad(false);
      if (value !== null) onCommit(null);
      return;
    }
    const m = Number(t);
    if (!Number.isFinite(m) || m * 60 < 10 || m > 120) {
      setBad(true);
      return;
    }
    setBad(false);
    if (m !== value) onCommit(m);
  };
  return (
    <>
      <input
        type="text"
        inputMode="decimal"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.nativeEvent.isComposing && e.keyCode !== 229) commit();
        }}
        aria-invalid={bad}
        data-testid={testId}
      />
      {bad ? <span className="pjp-bad">Từ 10 giây (0,2 phút) đến 120 phút.</span> : null}
    </>
  );
}
