// The hall-sound keys. Apart from the live screen's map (Alt+N/T/B/K/P/L/M/S/X, Alt+1–4,
// Alt+arrows, F1–F3), the projector's (Alt+H/C/G, F8, Shift+F8) and Alt+D/E/F, which Chromium and
// Windows keep. They work while the cursor is in a text field (the secretary keeps typing), and
// never while an input method is composing.
export type AudioKeyId = 'record' | 'replay' | 'playPause' | 'prevSpeech' | 'nextSpeech';

export const AUDIO_KEYS: { id: AudioKeyId; keys: string[]; label: string }[] = [
  { id: 'record', keys: ['Alt+R'], label: 'Ghi âm hội trường: bắt đầu / dừng' },
  { id: 'replay', keys: ['Alt+V'], label: 'Nghe lại mục đang chọn (từ vài giây trước lúc ghi mục)' },
  { id: 'playPause', keys: ['F9'], label: 'Nghe lại: phát / tạm dừng' },
  { id: 'prevSpeech', keys: ['Alt+,'], label: 'Nghe lại: về đoạn nói trước (người nói trước)' },
  { id: 'nextSpeech', keys: ['Alt+.'], label: 'Nghe lại: sang đoạn nói sau (người nói sau)' },
];

// Spelled out (not Pick<KeyboardEvent>) so the unit tests, compiled without the DOM, can use it.
type KeyFacts = { key: string; code: string; altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; isComposing: boolean; keyCode: number };

export function matchAudioKey(e: KeyFacts): AudioKeyId | null {
  if (e.isComposing || e.keyCode === 229) return null;
  const altOnly = e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey;
  if (altOnly && e.code === 'KeyR') return 'record';
  if (altOnly && e.code === 'KeyV') return 'replay';
  if (altOnly && e.code === 'Comma') return 'prevSpeech';
  if (altOnly && e.code === 'Period') return 'nextSpeech';
  if (e.key === 'F9' && !e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey) return 'playPause';
  return null;
}

/** The entry selected on the live timeline, read from the row the timeline marks as current. */
type RowFinder = { querySelector(selector: string): { dataset: Record<string, string | undefined> } | null };
export function selectedEntry(doc: RowFinder = (globalThis as unknown as { document: RowFinder }).document): { kind: 'rec' | 'reply' | 'speech'; id: number } | null {
  const key = doc.querySelector('[data-testid="tl-row"][aria-current="true"]')?.dataset.key ?? '';
  const m = /^(rec|reply|speech)(\d+)$/.exec(key);
  return m ? { kind: m[1] as 'rec' | 'reply' | 'speech', id: Number(m[2]) } : null;
}

/** "1:02:03" or "2:03": a position in the recording, for the screen. */
export function clock(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

export function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`.replace('.', ',');
}

/** The next or previous stretch of speech from a position (part, ms), across parts. */
export function stepSpeech<T extends { part: number; startMs: number }>(speech: readonly T[], at: { part: number; ms: number }, dir: 1 | -1): T | null {
  const key = (p: number, ms: number): number => p * 1e10 + ms;
  const here = key(at.part, at.ms);
  if (dir === 1) return speech.find((s) => key(s.part, s.startMs) > here + 500) ?? null;
  // Back: the start of the stretch before the one being heard (1.5 s in counts as "this one").
  const before = speech.filter((s) => key(s.part, s.startMs) < here - 1_500);
  return before.at(-1) ?? null;
}
