// The live screen's first read (meeting.live) and its follow-up (meeting.liveItems), on a real
// core and SQLite file: the window around the item opened comes whole, every other item as a
// skeleton with its exact place, phase or kind and links; the items brought after are
// meeting.get's, field for field; together they give back meeting.get exactly.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempCore, type TestCore } from '../helpers/core';
import { openLive } from '../../electron/core/repo/live';
import { LIVE_ITEMS_MAX, LIVE_WINDOW, type LiveOpen } from '../../electron/shared/live';
import { expandLive, fillItems, fromRecord, isSkeleton } from '../../renderer/src/screens/live/model';

let core: TestCore;
beforeEach(() => {
  core = tempCore();
});
afterEach(() => core.dispose());

const LONG = `Đề nghị ${'làm rõ tiến độ giải phóng mặt bằng, '.repeat(20)}hết.`;

/**
 * A meeting in timeline order: r1 (before), r2, p1 (reply to r2 and r1), r3, r4 (before), p2
 * (written before, to r4), r5, speech s (report), r6, p3 (to r6) — plus a deleted recommendation
 * and a deleted reply.
 */
async function meeting(status: 'draft' | 'live' = 'live') {
  const m = await core.call('meeting.create', { fields: { title: 'Hội nghị đo' } });
  const rec = async (phase: 'before' | 'during', content: string) => (await core.call('rec.create', { meetingId: m.id, phase, content, unit: 'Phường Tây Tựu' })).id;
  const r1 = await rec('before', LONG);
  const r2 = await rec('during', 'Kiến nghị 2');
  const p1 = (await core.call('reply.create', { meetingId: m.id, recommendationIds: [r2, r1], content: LONG, agency: 'Phòng TN&MT' })).id;
  const r3 = await rec('during', 'Kiến nghị 3');
  const gone = await rec('during', 'Đã xóa');
  await core.call('rec.remove', { id: gone });
  const r4 = await rec('before', 'Kiến nghị 4');
  const p2 = (await core.call('reply.create', { meetingId: m.id, recommendationIds: [r4], kind: 'written_before', content: 'Đã trả lời bằng văn bản' })).id;
  const r5 = await rec('during', 'Kiến nghị 5');
  const s = (await core.call('speech.create', { meetingId: m.id, kind: 'report', summary: LONG })).id;
  const r6 = await rec('during', 'Kiến nghị 6');
  const p3 = (await core.call('reply.create', { meetingId: m.id, recommendationIds: [r6], content: 'Trả lời 6' })).id;
  const goneReply = (await core.call('reply.create', { meetingId: m.id, recommendationIds: [r5], content: 'Đã xóa' })).id;
  await core.call('reply.remove', { id: goneReply });
  await core.call('timer.saveRule', { meetingId: m.id, rule: { delegateSeconds: 240 } });
  if (status === 'live') await core.call('meeting.start', { id: m.id, startTime: '08:00' });
  return { id: m.id, r1, r2, r3, r4, r5, r6, p1, p2, p3, s, gone, goneReply };
}

const ids = (o: LiveOpen) => ({ recs: o.record.recommendations.map((r) => r.id), replies: o.record.replies.map((r) => r.id) });

/** The live screen's way: expand the first read, then bring every skeleton whole. */
async function liveScreenRecord(id: number, o: LiveOpen) {
  const d = fromRecord(expandLive(o));
  const left = { recIds: d.recs.filter(isSkeleton).map((r) => r.id), replyIds: d.replies.filter(isSkeleton).map((r) => r.id) };
  return fillItems(d, await core.call('meeting.liveItems', { id, ...left }));
}

describe('meeting.live', () => {
  it('with the items brought after, gives back meeting.get exactly, whatever item it opens on', async () => {
    const m = await meeting();
    const got = await core.call('meeting.get', { id: m.id });
    for (const focus of [null, { kind: 'rec', id: m.r1 }, { kind: 'reply', id: m.p1 }, { kind: 'speech', id: m.s }] as const) {
      // A window of one row on each side: most items are skeletons, brought whole after.
      const o = openLive(core.ctx.db, m.id, focus, 1);
      expect(o.rest.recs.length).toBeGreaterThan(0);
      const d = await liveScreenRecord(m.id, o);
      expect({ ...got, recommendations: d.recs, replies: d.replies }).toEqual(got);
      // Everything but the items comes whole in the first read.
      expect({ ...o.record, recommendations: [], replies: [] }).toEqual({ ...got, recommendations: [], replies: [] });
      // The items it sends whole are meeting.get's.
      for (const r of o.record.recommendations) expect(r).toEqual(got.recommendations.find((x) => x.id === r.id));
      for (const r of o.record.replies) expect(r).toEqual(got.replies.find((x) => x.id === r.id));
    }
  });

  it('sends every item not whole as its skeleton: place, phase or kind, and links; deleted items nowhere', async () => {
    const m = await meeting();
    const o = openLive(core.ctx.db, m.id, null, 0);
    expect(o.record.recommendations).toEqual([]);
    expect(o.rest.recs).toEqual(expect.arrayContaining([m.r1]));
    const r = expandLive(o);
    const got = await core.call('meeting.get', { id: m.id });
    expect(r.recommendations.map((x) => [x.id, x.seq, x.phase])).toEqual(got.recommendations.map((x) => [x.id, x.seq, x.phase]));
    expect(r.replies.map((x) => [x.id, x.seq, x.kind, x.recommendationIds])).toEqual(got.replies.map((x) => [x.id, x.seq, x.kind, x.recommendationIds]));
    expect(r.replies.find((x) => x.id === m.p1)!.recommendationIds).toEqual([m.r1, m.r2].sort((a, b) => a - b));
    expect(r.recommendations.map((x) => x.id)).not.toContain(m.gone);
    expect(r.replies.map((x) => x.id)).not.toContain(m.goneReply);
    // The skeleton carries no text.
    expect(JSON.stringify(o.rest)).not.toMatch(/Kiến nghị|Phường/);
  });

  it('sends whole the rows around the item opened, as the screen lists them (pre-meeting items folded while live)', async () => {
    const m = await meeting('live');
    // Shown while live: r2, p1, r3, r5, r6, p3 (r1, r4, p2 are pre-meeting, folded away).
    expect(ids(openLive(core.ctx.db, m.id, { kind: 'rec', id: m.r3 }, 1))).toEqual({ recs: [m.r3, m.r5], replies: [m.p1] });
    expect(ids(openLive(core.ctx.db, m.id, { kind: 'rec', id: m.r5 }, 1))).toEqual({ recs: [m.r3, m.r5, m.r6], replies: [] });
    // The item opened is whole even where the fold hides it; its neighbours are the shown ones.
    expect(ids(openLive(core.ctx.db, m.id, { kind: 'rec', id: m.r4 }, 1))).toEqual({ recs: [m.r3, m.r4, m.r5], replies: [] });
    // A speech: the rows around its place (r6 is the first row after it).
    expect(ids(openLive(core.ctx.db, m.id, { kind: 'speech', id: m.s }, 1))).toEqual({ recs: [m.r5, m.r6], replies: [m.p3] });
    // Nothing opened: the first rows.
    expect(ids(openLive(core.ctx.db, m.id, null, 1))).toEqual({ recs: [m.r2], replies: [m.p1] });
    // A reply: with the recommendations its form lists by their phrase.
    expect(ids(openLive(core.ctx.db, m.id, { kind: 'reply', id: m.p1 }, 0))).toEqual({ recs: [m.r1, m.r2], replies: [m.p1] });
    // An item that does not exist: the first rows, as with nothing opened.
    expect(ids(openLive(core.ctx.db, m.id, { kind: 'rec', id: 999_999 }, 1))).toEqual({ recs: [m.r2], replies: [m.p1] });
  });

  it('before the meeting starts nothing is folded: the neighbours are the pre-meeting items too', async () => {
    const m = await meeting('draft');
    expect(ids(openLive(core.ctx.db, m.id, { kind: 'rec', id: m.r4 }, 1))).toEqual({ recs: [m.r3, m.r4], replies: [m.p2] });
    expect(ids(openLive(core.ctx.db, m.id, null, 2))).toEqual({ recs: [m.r1, m.r2, m.r3], replies: [m.p1] });
  });

  it('sends a meeting that fits in the window whole, folded items included', async () => {
    const m = await meeting();
    const o = await core.call('meeting.live', { id: m.id, focus: { kind: 'rec', id: m.r2 } });
    expect(o.rest).toEqual({ recs: [], replies: [] });
    expect(ids(o).recs).toEqual([m.r1, m.r2, m.r3, m.r4, m.r5, m.r6]);
    // 9 items: whole with a window of 4 (9 rows), not with 3.
    expect(openLive(core.ctx.db, m.id, null, 4).rest).toEqual({ recs: [], replies: [] });
    expect(openLive(core.ctx.db, m.id, null, 3).rest.recs.length).toBeGreaterThan(0);
    expect(LIVE_WINDOW).toBeGreaterThanOrEqual(30);
  });

  it('refuses a meeting that does not exist, and a malformed focus, with a message', async () => {
    const missing = await core.registry.dispatch('meeting.live', { id: 999_999 });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const bad = await core.registry.dispatch('meeting.live', { id: 1, focus: { kind: 'photo', id: 1 } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation' } });
  });
});

describe('meeting.liveItems', () => {
  it('answers the asked items of this meeting whole, nothing of deleted items or of other meetings', async () => {
    const m = await meeting();
    const other = await core.call('meeting.create', { fields: { title: 'Hội nghị khác' } });
    const foreign = await core.call('rec.create', { meetingId: other.id, phase: 'during', content: 'Của hội nghị khác' });
    const got = await core.call('meeting.get', { id: m.id });
    const t = await core.call('meeting.liveItems', { id: m.id, recIds: [m.r6, m.r1, m.gone, foreign.id], replyIds: [m.p1, m.goneReply] });
    expect(t.recs).toEqual([got.recommendations.find((r) => r.id === m.r1), got.recommendations.find((r) => r.id === m.r6)]);
    expect(t.replies).toEqual([got.replies.find((r) => r.id === m.p1)]);
    expect(await core.call('meeting.liveItems', { id: m.id, recIds: [], replyIds: [] })).toEqual({ recs: [], replies: [] });
  });

  it('refuses more than LIVE_ITEMS_MAX ids and a meeting that does not exist, with a Vietnamese message', async () => {
    const m = await meeting();
    const many = Array.from({ length: LIVE_ITEMS_MAX + 1 }, (_, i) => i + 1);
    expect(await core.registry.dispatch('meeting.liveItems', { id: m.id, recIds: many, replyIds: [] })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect((await core.registry.dispatch('meeting.liveItems', { id: m.id, recIds: many.slice(1), replyIds: [] })).ok).toBe(true);
    const missing = await core.registry.dispatch('meeting.liveItems', { id: 999_999, recIds: [m.r1], replyIds: [] });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
    if (!missing.ok) expect(missing.error.message).toMatch(/Không tìm thấy/);
  });
});
