// The live timeline at every size: a save answer patches the timeline in place (same result as
// rebuilding it, without sorting 30,000 items), labels and counters are kept while the numbering
// is the same, and the timeline's own filter (the find-in-page of a virtualised list) finds
// entries by folded words and never hides the entry being typed in.
import { describe, expect, it } from 'vitest';
import { nextTimeline, replacedInPlace, sameOrder, timeline, type Entry, type LiveData } from '../../../renderer/src/screens/live/model';
import { sameNumbering } from '../../../renderer/src/screens/live/use-live-derived';
import { entryText, filterEntries, queryWords, shortLabel } from '../../../renderer/src/screens/live/timeline-filter';
import type { Attendee, Reply, Speech } from '../../../electron/shared/domain';
import { makeRec, makeReply } from '../../helpers/live-items';

const rec = makeRec;
const reply = (id: number, seq: number, content = ''): Reply => makeReply(id, seq, { content });
const speech = (id: number, seq: number, summary = ''): Speech =>
  ({ id, meetingId: 1, seq, kind: 'report', speakerAttendeeId: null, speakerText: '', summary, directions: [], at: null }) as unknown as Speech;
type Lists = Pick<LiveData, 'recs' | 'replies' | 'speeches'>;
const keys = (es: Entry[]) => es.map((e) => `${e.kind}${e.id}`);

function lists(): Lists {
  return { speeches: [speech(1, 1, 'Báo cáo')], recs: [rec(1, 2), rec(2, 4), rec(3, 5)], replies: [reply(1, 3), reply(2, 6)] };
}

describe('a save answer patches the timeline in place', () => {
  it('gives the same entries as a rebuild, the saved one new and every other the very same object', () => {
    const d = lists();
    const before = timeline(d);
    const saved = rec(2, 4, { content: 'mới gõ' });
    const d2 = { ...d, recs: [d.recs[0], saved, d.recs[2]] };
    const after = nextTimeline({ d, entries: before }, d2);
    expect(keys(after)).toEqual(keys(timeline(d2)));
    expect(after).not.toBe(before);
    const i = after.findIndex((e) => e.kind === 'rec' && e.id === 2);
    expect(after[i].item).toBe(saved);
    after.forEach((e, j) => j !== i && expect(e).toBe(before[j]));
    expect(before[i].item).not.toBe(saved); // the previous timeline is left as it was
  });

  it('patches replies and speeches too', () => {
    const d = lists();
    const before = timeline(d);
    const d2 = { ...d, replies: [d.replies[0], reply(2, 6, 'trả lời')], speeches: [speech(1, 1, 'sửa')] };
    const after = nextTimeline({ d, entries: before }, d2);
    expect(after.map((e) => e.item)).toEqual(timeline(d2).map((e) => e.item));
  });

  it('returns the same array when nothing changed', () => {
    const d = lists();
    const before = timeline(d);
    expect(nextTimeline({ d, entries: before }, { ...d })).toBe(before);
  });

  it('rebuilds (and sorts) when an item is added, removed or moved', () => {
    const d = lists();
    const before = timeline(d);
    const added = { ...d, recs: [...d.recs, rec(4, 0)] };
    expect(keys(nextTimeline({ d, entries: before }, added))).toEqual(['rec4', 'speech1', 'rec1', 'reply1', 'rec2', 'rec3', 'reply2']);
    const moved = { ...d, recs: [d.recs[0], rec(2, 7), d.recs[2]] };
    expect(keys(nextTimeline({ d, entries: before }, moved))).toEqual(keys(timeline(moved)));
    expect(keys(nextTimeline({ d, entries: before }, moved)).at(-1)).toBe('rec2');
    const removed = { ...d, replies: [d.replies[1]] };
    expect(keys(nextTimeline({ d, entries: before }, removed))).toEqual(keys(timeline(removed)));
    expect(keys(nextTimeline(null, d))).toEqual(keys(before));
  });

  it('rebuilds when the previous timeline does not hold the replaced item', () => {
    const d = lists();
    const d2 = { ...d, recs: [d.recs[0], rec(2, 4, { content: 'x' }), d.recs[2]] };
    const stale = timeline(d).filter((e) => !(e.kind === 'rec' && e.id === 2));
    expect(keys(nextTimeline({ d, entries: stale }, d2))).toEqual(keys(timeline(d2)));
  });

  it('replacedInPlace: the pairs of a save; null for anything that moves a row', () => {
    const a = [rec(1, 1), rec(2, 2)];
    const b2 = rec(2, 2, { content: 'x' });
    expect(replacedInPlace(a, [a[0], b2])).toEqual([[a[1], b2]]);
    expect(replacedInPlace(a, a)).toEqual([]);
    expect(replacedInPlace(a, [a[0]])).toBeNull();
    expect(replacedInPlace(a, [a[0], rec(3, 2)])).toBeNull();
    expect(replacedInPlace(a, [a[0], rec(2, 3)])).toBeNull();
  });

  it('sameOrder: the rows keep their places (the virtualiser keeps its layout)', () => {
    const es = timeline(lists());
    expect(sameOrder(es, es.slice())).toBe(true);
    expect(sameOrder(es, es.slice(1))).toBe(false);
    expect(sameOrder(es, [es[1], es[0], ...es.slice(2)])).toBe(false);
    // Same ids, different kinds: different rows.
    const a = timeline({ recs: [rec(1, 1)], replies: [], speeches: [] });
    const b = timeline({ recs: [], replies: [reply(1, 1)], speeches: [] });
    expect(sameOrder(a, b)).toBe(false);
  });

  it('sameNumbering: labels and counters are kept while only the text changes', () => {
    const a = [rec(1, 1), rec(2, 2)];
    expect(sameNumbering(a, [a[0], rec(2, 2, { content: 'gõ' })])).toBe(true);
    expect(sameNumbering(a, [a[0], rec(2, 2, { phase: 'before' })])).toBe(false);
    expect(sameNumbering(a, [a[0], rec(2, 3)])).toBe(false);
    expect(sameNumbering(a, [a[0], rec(9, 2)])).toBe(false);
    expect(sameNumbering(a, [a[0]])).toBe(false);
  });
});

describe("the timeline's own filter", () => {
  const attendees = [{ id: 7, fullName: 'Trương Quang Thiều' } as Attendee];
  const d: Lists = {
    speeches: [speech(1, 1, 'Báo cáo tình hình')],
    recs: [
      rec(1, 2, { content: 'Ô nhiễm sông Pheo', raisedByText: 'Bà Lê Thị Hoa' }),
      rec(2, 3, { content: 'Đường ngõ 12 xuống cấp', raisedByAttendeeId: 7, raisedAt: '09:15' }),
      rec(3, 4, { shortPhrase: 'Cấp nước sạch', phase: 'before' }),
    ],
    replies: [reply(1, 5, 'Quận sẽ kiểm tra HĐND')],
  };
  const entries = timeline(d);
  const recLabels = new Map([
    [1, 'Kiến nghị tại hội nghị số 1'],
    [2, 'Kiến nghị tại hội nghị số 2'],
    [3, 'Kiến nghị trước hội nghị số 1'],
  ]);
  const ctx = { attendees, recLabels };
  const found = (q: string, keep: Parameters<typeof filterEntries>[3] = null) => keys(filterEntries(entries, q, ctx, keep));

  it('a blank query filters nothing (the very same list)', () => {
    expect(filterEntries(entries, '  ', ctx, null)).toBe(entries);
    expect(queryWords(' Sông  PHEO ')).toEqual(['song', 'pheo']);
  });

  it('matches folded words anywhere: no tone marks, đ → d, any case, every word', () => {
    expect(found('song pheo')).toEqual(['rec1']);
    expect(found('SÔNG')).toEqual(['rec1']);
    expect(found('duong ngo')).toEqual(['rec2']);
    expect(found('hdnd')).toEqual(['reply1']);
    expect(found('pheo duong')).toEqual([]);
  });

  it('matches who spoke (free text or an attendee), the label as the row shows it, and the time', () => {
    expect(found('le thi hoa')).toEqual(['rec1']);
    expect(found('thieu')).toEqual(['rec2']);
    expect(found('kn 2')).toEqual(['rec2']);
    expect(found('kn truoc')).toEqual(['rec3']);
    expect(found('09:15')).toEqual(['rec2']);
    expect(found('nuoc sach')).toEqual(['rec3']);
    expect(found('bao cao tinh hinh')).toEqual(['speech1']);
    expect(found('tra loi')).toEqual(['reply1']);
  });

  it('never hides the selected entry (the one being typed in)', () => {
    expect(found('song pheo', { kind: 'rec', id: 2 })).toEqual(['rec1', 'rec2']);
    expect(found('song pheo', { kind: 'reply', id: 2 })).toEqual(['rec1']);
    expect(found('song pheo', { kind: 'reply', id: 1 })).toEqual(['rec1', 'reply1']);
  });

  it('sees a saved item at once (text cached per item object, never stale)', () => {
    const before = entryText(entries[1], ctx);
    expect(before).toContain('song pheo');
    const d2 = { ...d, recs: [rec(1, 2, { content: 'Chiếu sáng' }), d.recs[1], d.recs[2]] };
    const es2 = nextTimeline({ d, entries }, d2);
    expect(keys(filterEntries(es2, 'chieu sang', ctx, null))).toEqual(['rec1']);
    expect(keys(filterEntries(es2, 'song pheo', ctx, null))).toEqual([]);
    // New attendees or labels: the who and label parts are folded again.
    const renamed = { attendees: [{ id: 7, fullName: 'Nguyễn Văn An' } as Attendee], recLabels };
    expect(keys(filterEntries(entries, 'van an', renamed, null))).toEqual(['rec2']);
    expect(keys(filterEntries(entries, 'kn 9', { attendees, recLabels: new Map([[2, 'Kiến nghị tại hội nghị số 9']]) }, null))).toEqual(['rec2']);
  });

  it('shortLabel: as the timeline badge', () => {
    expect(shortLabel('Kiến nghị tại hội nghị số 12')).toBe('KN 12');
    expect(shortLabel('Kiến nghị trước hội nghị số 3')).toBe('KN trước 3');
  });
});
