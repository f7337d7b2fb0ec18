// An entry's moment in the recording: the part that was recording when it was created, and how
// far into that part. Pure, so the arithmetic is unit-tested apart from the database.
import type { AudioMark, AudioMarkKind } from '../../shared/audio';

export type PartSpan = { part: number; startedAt: string; durationMs: number };
export type RawMark = { kind: AudioMarkKind; id: number; at: string };

/** The duration is known only up to the last chunk received, about a second behind. */
export const SPAN_GRACE_MS = 2_000;

export function markOffsets(marks: readonly RawMark[], parts: readonly PartSpan[]): AudioMark[] {
  const spans = parts
    .map((p) => ({ part: p.part, start: Date.parse(p.startedAt), end: Date.parse(p.startedAt) + p.durationMs + SPAN_GRACE_MS }))
    .filter((s) => Number.isFinite(s.start))
    // Newest first: should two parts ever overlap on the clock, the later one is the one running.
    .sort((a, b) => b.start - a.start);
  const out: AudioMark[] = [];
  for (const m of marks) {
    const t = Date.parse(m.at);
    if (!Number.isFinite(t)) continue;
    const span = spans.find((s) => t >= s.start && t <= s.end);
    if (span) out.push({ kind: m.kind, id: m.id, part: span.part, offsetMs: t - span.start });
  }
  return out;
}
