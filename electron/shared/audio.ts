// The hall's sound: what the core and the screen say to each other about a meeting's recording.
// Shared by the contract (schemas, limits) and the renderer (types). No Node, no zod here.

/** The kinds of entry that carry a moment in the recording (the timeline's kinds, plus photos). */
export const AUDIO_MARK_KINDS = ['rec', 'reply', 'speech', 'photo'] as const;
export type AudioMarkKind = (typeof AUDIO_MARK_KINDS)[number];

export const AUDIO_LIMITS = {
  /** One compressed chunk (about a second of Opus is 2–16 KB); generous for a slow page that batches. */
  chunkBytes: 512 * 1024,
  /** 16 kHz mono 16-bit PCM sent beside a chunk, for voice detection: up to 10 s at once. */
  pcmBytes: 10 * 16_000 * 2,
  /** The PCM sample rate the page taps and the voice detector reads. */
  pcmRate: 16_000,
  /** "Nghe lại" starts this long before the moment. */
  replayLeadMs: 3_000,
  /** The longest stretch sent to transcription at once (a speech model on a laptop CPU). */
  transcribeMaxMs: 10 * 60_000,
} as const;

export type AudioPart = {
  part: number;
  mime: string;
  /** When recording of this part began (ISO, the page's clock, which is the computer's clock). */
  startedAt: string;
  durationMs: number;
  bytes: number;
  /** Chunks acknowledged: the next chunk the core expects is this number. */
  nextSeq: number;
  /** The secretary stopped this part (null: still running, or cut short by a crash). */
  stoppedAt: string | null;
};

/** A stretch of speech found by voice detection, in milliseconds from the start of its part. */
export type SpeechStretch = { part: number; startMs: number; endMs: number };

/** An entry's moment in the recording. */
export type AudioMark = { kind: AudioMarkKind; id: number; part: number; offsetMs: number };

export type AudioState = {
  meetingId: number;
  parts: AudioPart[];
  speech: SpeechStretch[];
  marks: AudioMark[];
  /** Bytes of this meeting's recording on disk (compressed sound and the detector's PCM). */
  bytes: number;
  /** The audio was deleted and can still be brought back ("Hoàn tác"). */
  trashed: boolean;
};

export type AudioUsage = { totalBytes: number; meetings: { meetingId: number; title: string; bytes: number; parts: number; trashed: boolean }[] };

export type ModelCheck = {
  ok: boolean;
  /** What was found or what is missing, in Vietnamese, for the secretary. */
  message: string;
  /** The files the check used (encoder, decoder, joiner, tokens) when found. */
  files: Record<string, string>;
};

export type TranscribeJob = {
  jobId: number;
  state: 'running' | 'done' | 'cancelled' | 'failed';
  /** 0..1 */
  progress: number;
  text: string;
  message: string;
};

/** Where "Nghe lại" starts: a few seconds before the moment, never before the part's start. */
export function replayFrom(offsetMs: number, leadMs: number = AUDIO_LIMITS.replayLeadMs): number {
  return Math.max(0, offsetMs - leadMs);
}
