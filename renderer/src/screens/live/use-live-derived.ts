// What the live screen derives from its copy of the record, kept cheap on the path every save
// answer takes: a save replaces one item in place, so the timeline is patched instead of rebuilt,
// and what depends only on the recommendations' numbering (labels, counters) is not recomputed.
import { useRef } from 'react';
import type { Recommendation } from '../../../../electron/shared/domain';
import { nextTimeline, type Entry, type LiveData } from './model';

type Lists = Pick<LiveData, 'recs' | 'replies' | 'speeches'>;

/** The timeline of `d`, patched from the previous one when only items were replaced in place. */
export function useTimeline(d: Lists): Entry[] {
  const prev = useRef<{ d: Lists; entries: Entry[] } | null>(null);
  const p = prev.current;
  if (p && p.d.recs === d.recs && p.d.replies === d.replies && p.d.speeches === d.speeches) return p.entries;
  const entries = nextTimeline(p, d);
  prev.current = { d: { recs: d.recs, replies: d.replies, speeches: d.speeches }, entries };
  return entries;
}

/** Same ids, order, numbering and phase: the labels ("Kiến nghị tại hội nghị số 3") and counters do not change. */
export function sameNumbering(a: readonly Recommendation[], b: readonly Recommendation[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && (a[i].id !== b[i].id || a[i].seq !== b[i].seq || a[i].phase !== b[i].phase)) return false;
  return true;
}

/**
 * `recs`, or the earlier array while their numbering is the same: memoise on it what depends
 * only on ids, order and phase (not on the text a save changes).
 */
export function useNumbering(recs: Recommendation[]): Recommendation[] {
  const kept = useRef(recs);
  if (kept.current !== recs && !sameNumbering(kept.current, recs)) kept.current = recs;
  return kept.current;
}
