// Speaking timers and the projector screen, as pure functions every layer can import: the timer
// state machine (start, pause, resume, reset, overrun), the per-meeting rule with per-speaker
// overrides, the keys of the projector panel (with the input-method guard), the snapshot the
// secretary's page sends to the projector, and the statistic per meeting. No DOM, no Node.

// ---- the rule ------------------------------------------------------------------------------

/** "Đại biểu phát biểu không quá 3 phút", leaders' replies 5 minutes; a beep (off by default). */
export type TimerRule = {
  delegateSeconds: number;
  leaderSeconds: number;
  /** A short beep on the secretary's laptop when the time is up. */
  beep: boolean;
  /** Print each kiến nghị's and reply's speaking time in the minutes (the summary table always has them). */
  inMinutes: boolean;
};

export const DEFAULT_TIMER_RULE: TimerRule = { delegateSeconds: 180, leaderSeconds: 300, beep: false, inMinutes: false };

/** Bounds of a limit the secretary can set: 10 seconds to 2 hours. */
export const LIMIT_SECONDS = { min: 10, max: 7_200 } as const;

/** A limit for one speaker, named by the roster (attendeeId) or, off the roster, by the name typed. */
export type SpeakerOverride = { attendeeId: number | null; speakerText: string; seconds: number };

export const SPEAKING_ENTITIES = ['speech', 'recommendation', 'reply'] as const;
export type SpeakingEntity = (typeof SPEAKING_ENTITIES)[number];

/** The time actually spoken for one kiến nghị, reply or speech, and the limit it ran against. */
export type SpeakingTime = { entity: SpeakingEntity; entityId: number; seconds: number; limitSeconds: number | null };

/** A meeting's timing as stored: part of the meeting record (optional: older records have none). */
export type MeetingTiming = { rule: TimerRule; overrides: SpeakerOverride[]; times: SpeakingTime[] };

/** Who is speaking, as far as the limit cares. */
export type SpeakerRef = {
  entity: SpeakingEntity;
  attendeeId: number | null;
  speakerText: string;
  /** For a speech: only "remarks" is a delegate's speech; the others are given by leaders. */
  speechKind?: 'opening' | 'report' | 'direction' | 'remarks' | 'conclusion';
};

/** Case, spaces and Unicode form do not make a second speaker. */
export function speakerTextKey(s: string): string {
  return s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');
}

export function findOverride(overrides: readonly SpeakerOverride[], who: Pick<SpeakerRef, 'attendeeId' | 'speakerText'>): SpeakerOverride | null {
  if (who.attendeeId !== null) return overrides.find((o) => o.attendeeId === who.attendeeId) ?? null;
  const k = speakerTextKey(who.speakerText);
  if (!k) return null;
  return overrides.find((o) => o.attendeeId === null && speakerTextKey(o.speakerText) === k) ?? null;
}

/** The limit in seconds for this speaker: their own override, else the rule for their part. */
export function limitFor(rule: TimerRule, overrides: readonly SpeakerOverride[], who: SpeakerRef): number {
  const own = findOverride(overrides, who);
  if (own) return own.seconds;
  if (who.entity === 'recommendation') return rule.delegateSeconds;
  if (who.entity === 'speech' && who.speechKind === 'remarks') return rule.delegateSeconds;
  return rule.leaderSeconds;
}

// ---- the state machine ----------------------------------------------------------------------

export type TimerStatus = 'idle' | 'running' | 'paused';

/**
 * `accumulatedMs` is what ran before the current run; `startedAt` (ms since the epoch) is set only
 * while running. Both screens run on the same machine and clock, so the projector computes the
 * countdown itself from these: no tick has to cross between windows.
 */
export type TimerState = { status: TimerStatus; limitMs: number; accumulatedMs: number; startedAt: number | null };

export const WARNING_MS = 30_000;

export function idleTimer(limitMs: number, accumulatedMs = 0): TimerState {
  return { status: accumulatedMs > 0 ? 'paused' : 'idle', limitMs, accumulatedMs: Math.max(0, accumulatedMs), startedAt: null };
}

/** Start from idle, or resume after a pause; a running timer is left as it is. */
export function startTimer(s: TimerState, now: number): TimerState {
  if (s.status === 'running') return s;
  return { ...s, status: 'running', startedAt: now };
}

/** Pause a running timer, keeping the time run so far; otherwise nothing changes. */
export function pauseTimer(s: TimerState, now: number): TimerState {
  if (s.status !== 'running' || s.startedAt === null) return s;
  return { ...s, status: 'paused', accumulatedMs: s.accumulatedMs + Math.max(0, now - s.startedAt), startedAt: null };
}

/** The one key: start or resume when stopped, pause when running. */
export function toggleTimer(s: TimerState, now: number): TimerState {
  return s.status === 'running' ? pauseTimer(s, now) : startTimer(s, now);
}

/** Back to the full limit, stopped. */
export function resetTimer(s: TimerState): TimerState {
  return { status: 'idle', limitMs: s.limitMs, accumulatedMs: 0, startedAt: null };
}

/** A new limit (an override typed for this speaker) keeps the time already spoken. */
export function withLimit(s: TimerState, limitMs: number): TimerState {
  return { ...s, limitMs };
}

export function elapsedMs(s: TimerState, now: number): number {
  return s.accumulatedMs + (s.status === 'running' && s.startedAt !== null ? Math.max(0, now - s.startedAt) : 0);
}

/** Negative once the speaker runs over. */
export function remainingMs(s: TimerState, now: number): number {
  return s.limitMs - elapsedMs(s, now);
}

/** normal; warning (red) in the last 30 s; over once the time is up. */
export type TimerPhase = 'normal' | 'warning' | 'over';

export function timerPhase(s: TimerState, now: number): TimerPhase {
  const left = remainingMs(s, now);
  if (left <= 0) return s.status === 'idle' && s.accumulatedMs === 0 && s.limitMs <= 0 ? 'normal' : 'over';
  return left <= WARNING_MS ? 'warning' : 'normal';
}

/** Whole seconds spoken, as stored. */
export function spokenSeconds(s: TimerState, now: number): number {
  return Math.round(elapsedMs(s, now) / 1000);
}

/**
 * "3:00", "0:29", and past the limit "+0:05" (the overrun counts up). Seconds are rounded up while
 * counting down, so the screen shows 0:01 until the very end and never an early 0:00.
 */
export function formatCountdown(remaining: number): string {
  if (remaining > 0) return clock(Math.ceil(remaining / 1000));
  const over = Math.floor(-remaining / 1000);
  return over === 0 ? '0:00' : `+${clock(over)}`;
}

/** 185 → "3:05"; an hour and more → "1:02:05". */
export function clock(totalSeconds: number): string {
  const t = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(t / 3600);
  const m = Math.floor((t % 3600) / 60);
  const s = String(t % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** "3 phút 05 giây", "45 giây", "1 giờ 02 phút": for the documents and the statistic. */
export function spokenLabel(totalSeconds: number): string {
  const t = Math.max(0, Math.round(totalSeconds));
  const h = Math.floor(t / 3600);
  const m = Math.floor((t % 3600) / 60);
  const s = t % 60;
  if (h) return `${h} giờ ${String(m).padStart(2, '0')} phút`;
  if (m) return s ? `${m} phút ${String(s).padStart(2, '0')} giây` : `${m} phút`;
  return `${s} giây`;
}

/** True exactly when the time runs out between two looks at the clock: the moment to beep, once. */
export function crossedZero(s: TimerState, before: number, after: number): boolean {
  return s.status === 'running' && remainingMs(s, before) > 0 && remainingMs(s, after) <= 0;
}

// ---- the statistic --------------------------------------------------------------------------

export type SpeakingStats = { speakers: number; totalSeconds: number; longest: SpeakingTime | null; overLimit: number };

/** Speakers (timed kiến nghị, replies and speeches), total and longest time, how many ran over. */
export function speakingStats(times: readonly SpeakingTime[]): SpeakingStats {
  const spoken = times.filter((t) => t.seconds > 0);
  let longest: SpeakingTime | null = null;
  for (const t of spoken) if (!longest || t.seconds > longest.seconds) longest = t;
  return {
    speakers: spoken.length,
    totalSeconds: spoken.reduce((n, t) => n + t.seconds, 0),
    longest,
    overLimit: spoken.filter((t) => t.limitSeconds !== null && t.seconds > t.limitSeconds).length,
  };
}

// ---- keys -----------------------------------------------------------------------------------

/**
 * The projector panel's keys. They work while the cursor is in a text field (the secretary keeps
 * typing the kiến nghị), never while an input method is composing. Chosen apart from the live
 * screen's own map (renderer/src/screens/live/shortcuts.ts: Alt+N/T/B/K/P/L/M/S/X, Alt+1–4,
 * Alt+arrows, F1–F3) and from Alt+D/E/F, which Chromium and Windows keep: Alt+H shows or hides,
 * Alt+C chooses what shows, Alt+G calls the next speaker, F8 starts or stops the timer, Shift+F8
 * resets it.
 */
export type ProjectorKeyId = 'toggleShow' | 'cycleScene' | 'nextSpeaker' | 'timerToggle' | 'timerReset';

export const PROJECTOR_KEYS: { id: ProjectorKeyId; keys: string[]; label: string }[] = [
  { id: 'toggleShow', keys: ['Alt+H'], label: 'Màn chiếu: hiện / ẩn (màn đen)' },
  { id: 'cycleScene', keys: ['Alt+C'], label: 'Màn chiếu: chọn nội dung (chào mừng → nội dung → người phát biểu → thông báo)' },
  { id: 'nextSpeaker', keys: ['Alt+G'], label: 'Gọi người phát biểu tiếp theo (mục sau trên dòng thời gian)' },
  { id: 'timerToggle', keys: ['F8'], label: 'Bấm giờ: bắt đầu / tạm dừng / tiếp tục' },
  { id: 'timerReset', keys: ['Shift+F8'], label: 'Bấm giờ: đặt lại từ đầu' },
];

export type KeyFacts = { key: string; code: string; altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; isComposing: boolean; keyCode: number };

/** A key event that belongs to the input method (composition under way): never a shortcut. */
export function composing(e: Pick<KeyFacts, 'isComposing' | 'keyCode'>): boolean {
  return e.isComposing || e.keyCode === 229;
}

/** Which projector key this is, if any. The composition check comes first, always. */
export function matchProjectorKey(e: KeyFacts): ProjectorKeyId | null {
  if (composing(e)) return null;
  const altOnly = e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey;
  if (altOnly && e.code === 'KeyH') return 'toggleShow';
  if (altOnly && e.code === 'KeyC') return 'cycleScene';
  if (altOnly && e.code === 'KeyG') return 'nextSpeaker';
  if (e.key === 'F8' && !e.altKey && !e.ctrlKey && !e.metaKey) return e.shiftKey ? 'timerReset' : 'timerToggle';
  return null;
}

// ---- the projector ---------------------------------------------------------------------------

/** What the projector shows; the secretary steps through them with one key. Only "speaker" names a person. */
export const SCENES = ['welcome', 'agenda', 'speaker', 'message'] as const;
export type Scene = (typeof SCENES)[number];
export const SCENE_LABELS: Record<Scene, string> = {
  welcome: 'Chào mừng',
  agenda: 'Nội dung đang bàn',
  speaker: 'Người phát biểu',
  message: 'Thông báo',
};

export function nextScene(s: Scene): Scene {
  return SCENES[(SCENES.indexOf(s) + 1) % SCENES.length]!;
}

/** What the secretary's page sends; built by `projectorSnapshot`, so only the chosen parts travel. */
export type ProjectorSnapshot = {
  v: 1;
  meetingId: number;
  /** Rises with every snapshot; the projector ignores an older one arriving late. */
  seq: number;
  /** ms since the epoch when sent (same machine: comparable with the projector's clock). */
  sentAt: number;
  visible: boolean;
  scene: Scene;
  title: string;
  /** The welcome slide's lines: "Chào mừng các đại biểu", date and place. */
  welcome: string[];
  agenda: string;
  speaker: { name: string; detail: string } | null;
  /** The kiến nghị being raised or answered, in a short phrase. */
  request: string | null;
  message: string;
  timer: TimerState | null;
};

export type ProjectorInput = {
  meetingId: number;
  seq: number;
  sentAt: number;
  visible: boolean;
  scene: Scene;
  title: string;
  date: string | null;
  location: string;
  agenda: string;
  speaker: { name: string; detail: string } | null;
  request: string | null;
  message: string;
  timer: TimerState | null;
};

/**
 * The snapshot for the projector: each scene carries only what it shows, so what the secretary
 * did not choose never even reaches the projector's page; every line passes `publicText`.
 */
export function projectorSnapshot(i: ProjectorInput): ProjectorSnapshot {
  const person = i.scene === 'speaker';
  const dateLine = i.date && /^\d{4}-\d{2}-\d{2}$/.test(i.date) ? `Ngày ${i.date.slice(8, 10)}/${i.date.slice(5, 7)}/${i.date.slice(0, 4)}` : '';
  return {
    v: 1,
    meetingId: i.meetingId,
    seq: i.seq,
    sentAt: i.sentAt,
    visible: i.visible,
    scene: i.scene,
    title: publicText(i.title),
    welcome: i.scene === 'welcome' ? ['Chào mừng các đại biểu về dự', dateLine, publicText(i.location)].filter(Boolean) : [],
    agenda: i.scene === 'agenda' || person ? publicText(i.agenda) : '',
    speaker: person && i.speaker ? { name: publicText(i.speaker.name), detail: publicText(i.speaker.detail) } : null,
    request: person && i.request ? publicText(i.request) || null : null,
    message: i.scene === 'message' ? publicText(i.message) : '',
    timer: i.scene === 'agenda' || person ? i.timer : null,
  };
}

// Vietnamese mobile and landline numbers, however they are spaced or dotted: 0912 345 678,
// 0912.345.678, +84 912 345 678, (024) 3838 1234.
const PHONE = /(?<![\p{L}\d.,])(?:\+?84|\(0\d{1,3}\)|0\d{1,3})[\s.-]?\d{2,4}(?:[\s.-]?\d{2,4}){1,3}(?![\d])/gu;
const PHONE_LABEL = /(?<![\p{L}\d])(?:số\s+điện\s+thoại|điện\s+thoại|sđt|đt|dđ|di\s+động|zalo)\s*[:.]?\s*(?=[+(]?\d)/giu;
// An address runs from its label to the end of its clause (comma, semicolon, full stop or bracket).
const ADDRESS = /(?<![\p{L}\d])(?:địa\s+chỉ|trú\s+tại|thường\s+trú|tạm\s+trú|nhà\s+số|số\s+nhà)\s*[:.]?[^,;.()\n]*/giu;
const STREET_NUMBER = /(?<![\p{L}\d])(?:ngõ|ngách|hẻm|kiệt)\s+(?:số\s+)?\d+[^,;.()\n]*/giu;
const EMAIL = /(?:(?<![\p{L}\d])(?:e-?mail|thư\s+điện\s+tử|thư)\s*:?\s*)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+/giu;

/**
 * Text for the wall: phone numbers, e-mail addresses and home addresses are taken out, whatever
 * the secretary typed into the kiến nghị; what is left is tidied (no dangling commas).
 */
export function publicText(s: string): string {
  return s
    .normalize('NFC')
    .replace(EMAIL, '')
    .replace(ADDRESS, '')
    .replace(STREET_NUMBER, '')
    .replace(PHONE_LABEL, '')
    .replace(PHONE, '')
    .replace(/\(\s*(?:[,;:.-]\s*)*\)/g, '')
    .replace(/\s+([,;.:])/g, '$1')
    .replace(/([,;:])(?:\s*[,;:])+/g, '$1')
    .replace(/\s{2,}/g, ' ')
    .replace(/^[\s,;:.-]+|[\s,;:(-]+$/g, '')
    .trim();
}

/** A short line for the wall: the first sentence, at most `max` characters, cut at a word. */
export function shortLine(s: string, max = 160): string {
  const t = s.trim().replace(/\s+/g, ' ');
  const first = /^(.+?[.!?])(?:\s|$)/.exec(t)?.[1] ?? t;
  if (first.length <= max) return first;
  const cut = first.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[,;:]$/, '')}…`;
}

export const projectorChannelName = (meetingId: number): string => `thuky-projector-${meetingId}`;

/** The projector's messages: the secretary's page sends snapshots; a projector that opens says hello. */
export type ProjectorMessage = { type: 'snapshot'; snapshot: ProjectorSnapshot } | { type: 'hello' };

export function isProjectorMessage(v: unknown): v is ProjectorMessage {
  if (!v || typeof v !== 'object') return false;
  const m = v as { type?: unknown; snapshot?: unknown };
  if (m.type === 'hello') return true;
  if (m.type !== 'snapshot' || !m.snapshot || typeof m.snapshot !== 'object') return false;
  const s = m.snapshot as Partial<ProjectorSnapshot>;
  return s.v === 1 && typeof s.seq === 'number' && typeof s.visible === 'boolean' && (SCENES as readonly string[]).includes(String(s.scene));
}
