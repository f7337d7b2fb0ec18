// The live screen's own reads (issue 15: open → live screen interactive within budget at 100×).
// Measured at 100× (30,000 entries): meeting.get is 22 MB of JSON and ≈ 0.5 s of the core's CPU
// before the first byte leaves; cutting the texts alone still left 9 MB, the items' own fields.
// So `meeting.live` answers what the first screen shows: the meeting, the roster, the speeches,
// the photos and the timers whole, the recommendations and replies around the item opened whole,
// and of every other one only what the numbering, the counters, the fold and "n of N" need (a
// skeleton of numbers). `meeting.liveItems` then brings the other items whole, a slice at a time,
// once the first keystroke is taken.
import { z } from 'zod';
import type { MeetingRecord, Recommendation, Reply } from './domain';
import { id } from './schemas';

/** Recommendations and replies sent whole on each side of the item opened (the rows in view and a margin). */
export const LIVE_WINDOW = 60;
/** Items asked for in one `meeting.liveItems`: a slice the page parses and renders within a frame or two. */
export const LIVE_ITEMS_MAX = 4_000;

export const LIVE_KINDS = ['rec', 'reply', 'speech'] as const;

export const LiveOpenInput = z.object({
  id: id('Hội nghị'),
  /** The item the screen opens on (from the address): sent whole, with its neighbours. */
  focus: z.object({ kind: z.enum(LIVE_KINDS), id: id('Mục') }).nullable().optional(),
});

export const LiveItemsInput = z.object({
  id: id('Hội nghị'),
  recIds: z.array(id('Kiến nghị')).max(LIVE_ITEMS_MAX, { error: `Tối đa ${LIVE_ITEMS_MAX} mục mỗi lần.` }),
  replyIds: z.array(id('Ý kiến trả lời')).max(LIVE_ITEMS_MAX, { error: `Tối đa ${LIVE_ITEMS_MAX} mục mỗi lần.` }),
});

/**
 * Every recommendation and reply not sent whole, in timeline order (seq, then id), as flat
 * numbers: recs `id, seq, phase` per item (phase: its index in PHASES); replies `id, seq, kind,
 * n, then its n recommendation ids` (kind: its index in REPLY_KINDS).
 */
export type LiveSkeleton = { recs: number[]; replies: number[] };

/**
 * The record as the live screen first needs it: `record` is meeting.get's with only the window's
 * recommendations and replies (whole); `rest` holds every other one as a skeleton. Never give it
 * to anything that shows or writes their text before they are brought whole.
 */
export type LiveOpen = { record: MeetingRecord; rest: LiveSkeleton };

/** The asked items of this meeting that still exist, whole, as meeting.get gives them. */
export type LiveItems = { recs: Recommendation[]; replies: Reply[] };
