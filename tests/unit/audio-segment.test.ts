// The rules that turn per-frame speech probabilities into stretches, and entries into moments.
import { describe, expect, it } from 'vitest';
import { speechStretches, DEFAULT_SEGMENT } from '../../electron/core/audio/segment';
import { markOffsets, SPAN_GRACE_MS } from '../../electron/core/audio/offsets';
import { replayFrom } from '../../electron/shared/audio';

/** '#' speech (0.9), '+' between the thresholds (0.4), '.' quiet (0.05); one char per 32 ms frame. */
const probs = (s: string): number[] => [...s].map((c) => (c === '#' ? 0.9 : c === '+' ? 0.4 : 0.05));
const f = DEFAULT_SEGMENT.frameMs;

describe('speechStretches', () => {
  it('starts at the first frame over the upper threshold and ends after the last frame over the lower one', () => {
    const r = speechStretches(probs(`${'.'.repeat(10)}${'#'.repeat(20)}++${'.'.repeat(20)}`), true);
    expect(r.stretches).toEqual([{ startMs: 10 * f, endMs: 32 * f }]);
  });

  it('does not start on frames between the thresholds', () => {
    expect(speechStretches(probs(`${'+'.repeat(30)}`), true).stretches).toEqual([]);
  });

  it('bridges a pause shorter than the silence that ends a stretch, and splits at a longer one', () => {
    const shortGap = '.'.repeat(Math.floor(DEFAULT_SEGMENT.minSilenceMs / f) - 1);
    const longGap = '.'.repeat(Math.ceil(DEFAULT_SEGMENT.minSilenceMs / f) + 1);
    expect(speechStretches(probs(`${'#'.repeat(10)}${shortGap}${'#'.repeat(10)}${'.'.repeat(20)}`), true).stretches).toHaveLength(1);
    expect(speechStretches(probs(`${'#'.repeat(10)}${longGap}${'#'.repeat(10)}${'.'.repeat(20)}`), true).stretches).toHaveLength(2);
  });

  it('drops bursts shorter than the shortest speech', () => {
    const n = Math.floor(DEFAULT_SEGMENT.minSpeechMs / f) - 1;
    expect(speechStretches(probs(`....${'#'.repeat(n)}${'.'.repeat(20)}`), true).stretches).toEqual([]);
    expect(speechStretches(probs(`....${'#'.repeat(n + 2)}${'.'.repeat(20)}`), true).stretches).toHaveLength(1);
  });

  it('leaves a stretch still going at the end open (settled up to its start) unless the part is over', () => {
    const p = probs(`${'#'.repeat(10)}${'.'.repeat(20)}${'#'.repeat(15)}`);
    const open = speechStretches(p, false);
    expect(open.stretches).toEqual([{ startMs: 0, endMs: 10 * f }]);
    expect(open.doneMs).toBe(30 * f);
    const closed = speechStretches(p, true);
    expect(closed.stretches).toEqual([
      { startMs: 0, endMs: 10 * f },
      { startMs: 30 * f, endMs: 45 * f },
    ]);
    expect(closed.doneMs).toBe(45 * f);
  });

  it('is settled to the end when the audio ends in quiet', () => {
    expect(speechStretches(probs(`${'.'.repeat(50)}`), false)).toEqual({ stretches: [], doneMs: 50 * f });
  });
});

describe('markOffsets', () => {
  const parts = [
    { part: 1, startedAt: '2026-03-01T08:00:00.000Z', durationMs: 60_000 },
    { part: 2, startedAt: '2026-03-01T08:05:00.000Z', durationMs: 30_000 },
  ];
  it('finds the part that covers the moment and the offset into it', () => {
    const m = markOffsets(
      [
        { kind: 'rec', id: 1, at: '2026-03-01T08:00:12.345Z' },
        { kind: 'reply', id: 2, at: '2026-03-01T08:05:29.000Z' },
        { kind: 'photo', id: 3, at: '2026-03-01T07:59:59.999Z' },
        { kind: 'speech', id: 4, at: '2026-03-01T08:03:00.000Z' },
      ],
      parts,
    );
    expect(m).toEqual([
      { kind: 'rec', id: 1, part: 1, offsetMs: 12_345 },
      { kind: 'reply', id: 2, part: 2, offsetMs: 29_000 },
    ]);
  });
  it('allows the last second or two not yet counted in the duration, and no more', () => {
    const inGrace = new Date(Date.parse(parts[1]!.startedAt) + 30_000 + SPAN_GRACE_MS).toISOString();
    const after = new Date(Date.parse(parts[1]!.startedAt) + 30_000 + SPAN_GRACE_MS + 1).toISOString();
    expect(markOffsets([{ kind: 'rec', id: 1, at: inGrace }], parts)).toHaveLength(1);
    expect(markOffsets([{ kind: 'rec', id: 1, at: after }], parts)).toHaveLength(0);
  });
  it('replays from a few seconds before, never before the start', () => {
    expect(replayFrom(12_345)).toBe(9_345);
    expect(replayFrom(1_000)).toBe(0);
  });
});
