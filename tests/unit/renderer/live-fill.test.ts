// The live screen's copy of a record read with most items as a skeleton (meeting.live): which
// items are skeletons is known by object, so a save's answer (a new object) is never mistaken for
// one, and the whole items that arrive later replace the skeletons only — never text saved on
// this screen since the first read.
import { describe, expect, it } from 'vitest';
import { expandLive, fillItems, fromRecord, isSkeleton, nextTimeline, PATCH_MAX, reduce, skeletonIds, timeline, type LiveData } from '../../../renderer/src/screens/live/model';
import type { Meeting, MeetingRecord, Recommendation, Reply } from '../../../electron/shared/domain';
import type { LiveOpen } from '../../../electron/shared/live';
import { makeRec, makeReply } from '../../helpers/live-items';

const rec = (id: number, seq: number, content: string, over: Partial<Recommendation> = {}): Recommendation => makeRec(id, seq, { content, ...over });
const reply = (id: number, seq: number, content: string, over: Partial<Reply> = {}): Reply => makeReply(id, seq, { content, ...over });

function open(): LiveOpen {
  return {
    record: {
      meeting: { id: 1 } as Meeting,
      attendees: [],
      groups: [],
      speeches: [],
      // The window: recommendation 2 and reply 2, whole.
      recommendations: [rec(2, 2, 'ngắn')],
      replies: [reply(2, 5, 'trả lời ngắn')],
      photos: [],
    },
    // Recommendation 1 (before, seq 1) and 3 (during, seq 3); reply 1 (written_before, seq 4, answering 1 and 3).
    rest: { recs: [1, 1, 0, 3, 3, 1], replies: [1, 4, 0, 2, 1, 3] },
  };
}

const whole: { recs: Recommendation[]; replies: Reply[] } = {
  recs: [rec(1, 1, 'toàn văn 1', { phase: 'before', shortPhrase: 'Cụm 1' }), rec(3, 3, 'toàn văn 3')],
  replies: [reply(1, 4, 'toàn văn trả lời 1', { kind: 'written_before', recommendationIds: [1, 3] })],
};

function state(): LiveData {
  return fromRecord(expandLive(open()));
}

describe('live screen: a record read with most items as a skeleton', () => {
  it('puts every item in its place, the skeletons with what the numbering, the fold and the counters need', () => {
    const r = expandLive(open());
    expect(r.recommendations.map((x) => [x.id, x.seq, x.phase])).toEqual([
      [1, 1, 'before'],
      [2, 2, 'during'],
      [3, 3, 'during'],
    ]);
    expect(r.replies.map((x) => [x.id, x.seq, x.kind, x.recommendationIds])).toEqual([
      [1, 4, 'written_before', [1, 3]],
      [2, 5, 'on_spot', []],
    ]);
    expect(r.recommendations.map(isSkeleton)).toEqual([true, false, true]);
    expect(r.replies.map(isSkeleton)).toEqual([true, false]);
    expect(r.recommendations[0]).toMatchObject({ meetingId: 1, content: '', shortPhrase: '' });
    expect(skeletonIds(fromRecord(r))).toEqual({ recs: [1, 3], replies: [1] });
    // The same fields in another object (a save's answer) are whole.
    expect(isSkeleton({ ...r.recommendations[0] })).toBe(false);
  });

  it('a read with nothing left out is the record itself', () => {
    const o = open();
    const r = expandLive({ ...o, rest: { recs: [], replies: [] } });
    expect(r.recommendations).toBe(o.record.recommendations);
    expect(r.replies).toBe(o.record.replies);
  });

  it('replaces the skeletons with the whole items, which are then whole', () => {
    const s = state();
    const f = reduce(s, { type: 'fill', items: whole });
    expect(f.recs.map((r) => r.content)).toEqual(['toàn văn 1', 'ngắn', 'toàn văn 3']);
    expect(f.recs[0]).toBe(whole.recs[0]);
    expect(f.replies.map((r) => r.content)).toEqual(['toàn văn trả lời 1', 'trả lời ngắn']);
    expect(skeletonIds(f)).toEqual({ recs: [], replies: [] });
    // The items that were whole are the very same objects (their rows are not re-rendered).
    expect(f.recs[1]).toBe(s.recs[1]);
    expect(f.replies[1]).toBe(s.replies[1]);
  });

  it('never puts an arriving item over one saved on this screen since the first read', () => {
    const s = state();
    // The secretary opened recommendation 3 once it was whole and typed; the save answered.
    const saved = reduce(s, { type: 'rec', item: rec(3, 3, 'toàn văn, rồi gõ thêm') });
    const f = reduce(saved, { type: 'fill', items: whole });
    expect(f.recs.find((r) => r.id === 3)!.content).toBe('toàn văn, rồi gõ thêm');
    expect(f.recs.find((r) => r.id === 1)!.content).toBe('toàn văn 1');
  });

  it('a fill that changes nothing keeps the state itself (no re-render)', () => {
    const s = state();
    expect(fillItems(s, { recs: [rec(2, 2, 'ngắn nhưng khác')], replies: [] })).toBe(s);
    expect(fillItems(s, { recs: [], replies: [] })).toBe(s);
  });

  it('a whole record read later (meeting.get) leaves no skeleton', () => {
    const s = state();
    const full: MeetingRecord = { ...open().record, recommendations: [whole.recs[0]!, rec(2, 2, 'ngắn'), whole.recs[1]!], replies: [whole.replies[0]!, reply(2, 5, 'trả lời ngắn')] };
    expect(skeletonIds(reduce(s, { type: 'reset', data: fromRecord(full) }))).toEqual({ recs: [], replies: [] });
  });

  it('a fill of thousands of items gives the timeline a rebuild would', () => {
    const n = PATCH_MAX * 3;
    const o: LiveOpen = { record: { ...open().record, recommendations: [], replies: [] }, rest: { recs: Array.from({ length: n }, (_, i) => [i + 1, i + 1, 1]).flat(), replies: [] } };
    const d = fromRecord(expandLive(o));
    const prev = { d, entries: timeline(d) };
    // Every other item: each whole one must land in its own place.
    const items = d.recs.filter((r) => r.id % 2 === 0).map((r) => rec(r.id, r.seq, `toàn văn ${r.id}`));
    const filled = fillItems(d, { recs: items, replies: [] });
    const next = nextTimeline(prev, filled);
    expect(next.map((e) => e.item)).toEqual(timeline(filled).map((e) => e.item));
    expect(next.map((e) => (e.kind === 'rec' ? e.item.content : null))).toEqual(d.recs.map((r) => (r.id % 2 === 0 ? `toàn văn ${r.id}` : '')));
    // The rows not filled keep their very Entry (their memoised rows are not rendered again).
    expect(next[0]).toBe(prev.entries[0]);
  });
});
