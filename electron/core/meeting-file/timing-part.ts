// The meeting file's optional timing part (issue 16): the timer rule, speakers' own limits and the
// time spoken per item. Version 1 of the part; files written before it have none and import as
// "no timing". Items are named by their kind and their place in the file's own lists (speeches,
// recommendations, replies), speakers by the file's attendee keys, never by database ids.
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import type { MeetingRecord } from '../../shared/domain';
import { UserError } from '../../shared/result';
import { SPEAKING_ENTITIES, type MeetingTiming, type SpeakingEntity } from '../../shared/timer';
import { limitSeconds, SpokenSeconds, TimerRuleSchema } from '../../shared/timer-schemas';
import { text } from '../../shared/schemas';
import { getTiming, hasTiming, writeImportedTiming } from '../repo/timing';
import { BAD_KEY } from './archive';

export const TIMING_PART_VERSION = 1;

export const TimingPartSchema = z.object({
  version: z.literal(TIMING_PART_VERSION, { error: 'Phần bấm giờ của tệp thuộc phiên bản khác; hãy cập nhật ứng dụng.' }),
  rule: TimerRuleSchema,
  limits: z
    .array(z.object({ speaker: z.string().regex(/^a\d{1,6}$/, { error: BAD_KEY }).nullable(), speakerText: text('Người phát biểu'), seconds: limitSeconds('Thời gian riêng') }))
    .max(5_000),
  times: z
    .array(z.object({ item: z.enum(SPEAKING_ENTITIES), index: z.number().int().min(0).max(100_000), seconds: SpokenSeconds, limitSeconds: limitSeconds('Thời gian quy định').nullable() }))
    .max(50_000),
});
export type TimingPart = z.infer<typeof TimingPartSchema>;

/** The lists a timing part points into, as the file holds them (the exported or imported data). */
type Lists = { attendees: readonly { key: string }[]; speeches: readonly unknown[]; recommendations: readonly unknown[]; replies: readonly unknown[] };

const LIST: Record<SpeakingEntity, 'speeches' | 'recommendations' | 'replies'> = { speech: 'speeches', recommendation: 'recommendations', reply: 'replies' };

/** The part for an export, or undefined when the meeting has no timing (the file then has no part at all). */
export function timingToPart(db: Database, rec: MeetingRecord, aKey: ReadonlyMap<number, string>): TimingPart | undefined {
  const timing = getTiming(db, rec.meeting.id);
  if (!hasTiming(timing)) return undefined;
  const index: Record<SpeakingEntity, Map<number, number>> = {
    speech: new Map(rec.speeches.map((s, i) => [s.id, i])),
    recommendation: new Map(rec.recommendations.map((r, i) => [r.id, i])),
    reply: new Map(rec.replies.map((r, i) => [r.id, i])),
  };
  return {
    version: TIMING_PART_VERSION,
    rule: timing.rule,
    // A limit for an attendee removed from the list is not carried.
    limits: timing.overrides.flatMap((o): TimingPart['limits'] =>
      o.attendeeId === null ? [{ speaker: null, speakerText: o.speakerText, seconds: o.seconds }] : aKey.has(o.attendeeId) ? [{ speaker: aKey.get(o.attendeeId)!, speakerText: '', seconds: o.seconds }] : [],
    ),
    times: timing.times.flatMap((t) => {
      const i = index[t.entity].get(t.entityId);
      return i === undefined ? [] : [{ item: t.entity, index: i, seconds: t.seconds, limitSeconds: t.limitSeconds }];
    }),
  };
}

/** Every reference of the part must land in the file; checked before the database is touched. */
export function checkTimingPart(part: TimingPart | undefined, lists: Lists, bad: (what: string) => UserError): void {
  if (!part) return;
  const keys = new Set(lists.attendees.map((a) => a.key));
  part.limits.forEach((l, i) => {
    if (l.speaker !== null && !keys.has(l.speaker)) throw bad(`thời gian riêng của một người phát biểu trỏ tới đại biểu không có (tại timing.limits.${i}).`);
    if (l.speaker === null && !l.speakerText.trim()) throw bad(`thời gian riêng của một người phát biểu không ghi tên người đó (tại timing.limits.${i}).`);
  });
  const seen = new Set<string>();
  part.times.forEach((t, i) => {
    if (t.index >= lists[LIST[t.item]].length) throw bad(`thời gian phát biểu trỏ tới mục không có (tại timing.times.${i}).`);
    const k = `${t.item}:${t.index}`;
    if (seen.has(k)) throw bad(`thời gian phát biểu của một mục xuất hiện hai lần (tại timing.times.${i}).`);
    seen.add(k);
  });
}

/**
 * Writes the part for a meeting just imported, inside the import's transaction. Items were
 * inserted in the file's order, so their ids in ascending order are the file's indexes.
 */
export function writeTimingPart(db: Database, at: string, meetingId: number, part: TimingPart | undefined, attendeeIds: ReadonlyMap<string, number>): void {
  if (!part) return;
  const ids = (table: string) => (db.prepare(`SELECT id FROM ${table} WHERE meeting_id = ? ORDER BY id`).all(meetingId) as { id: number }[]).map((r) => r.id);
  const byIndex: Record<SpeakingEntity, number[]> = { speech: ids('speeches'), recommendation: ids('recommendations'), reply: ids('replies') };
  const timing: MeetingTiming = {
    rule: part.rule,
    overrides: part.limits.map((l) => ({ attendeeId: l.speaker === null ? null : attendeeIds.get(l.speaker)!, speakerText: l.speakerText, seconds: l.seconds })),
    times: part.times.map((t) => ({ entity: t.item, entityId: byIndex[t.item][t.index]!, seconds: t.seconds, limitSeconds: t.limitSeconds })),
  };
  writeImportedTiming(db, at, meetingId, timing);
}
