import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegisterFilter } from '../../../electron/shared/followup';
import { tempCore, type TestCore } from '../../helpers/core';
import { meetingWithRecs, recUid } from './helpers';
import { dayOf, rng } from './seeded';

let core: TestCore;
const TODAY = '2025-06-15';
const AGENCIES = ['UBND phường', 'Phòng Kinh tế, Hạ tầng và Đô thị', 'Công an phường', 'Phòng Văn hóa - Xã hội'];
const STATUS = ['unanswered', 'in_progress', 'resolved', 'explained', 'unresolvable', 'awaiting_written'];
let meetingIds: number[] = [];

// The expected answer is computed straight from the record and the history in plain SQL, apart
// from the app's fold and its materialised state: latest event per field (by instant, then uid)
// over the base that the meeting's replies give.
const ITEMS_SQL = `
  WITH latest AS (
    SELECT item_uid, field, value, ROW_NUMBER() OVER (PARTITION BY item_uid, field ORDER BY at DESC, uid DESC) AS rn
      FROM followup_events WHERE field IN ('status', 'agency', 'deadline')),
  links AS (
    SELECT l.recommendation_id AS rid, p.kind, p.agency, p.deadline, p.seq FROM reply_links l JOIN replies p ON p.id = l.reply_id AND p.deleted_at IS NULL),
  base AS (
    SELECT r.uid, r.meeting_id, r.topic, COALESCE(m.date, substr(m.created_at, 1, 10)) AS received_on,
      CASE WHEN EXISTS (SELECT 1 FROM links WHERE rid = r.id AND kind = 'written_later') THEN 'awaiting_written'
           WHEN EXISTS (SELECT 1 FROM links WHERE rid = r.id AND kind = 'forwarded') THEN 'forwarded'
           WHEN EXISTS (SELECT 1 FROM links WHERE rid = r.id AND kind IN ('on_spot', 'written_before')) THEN 'answered_at_meeting'
           ELSE 'unanswered' END AS status,
      COALESCE((SELECT agency FROM links WHERE rid = r.id AND kind = 'written_later' ORDER BY seq LIMIT 1),
               (SELECT agency FROM links WHERE rid = r.id AND kind = 'forwarded' ORDER BY seq LIMIT 1),
               (SELECT agency FROM links WHERE rid = r.id AND kind IN ('on_spot', 'written_before') ORDER BY seq LIMIT 1), '') AS agency,
      COALESCE((SELECT deadline FROM links WHERE rid = r.id AND kind = 'written_later' ORDER BY seq LIMIT 1),
               (SELECT deadline FROM links WHERE rid = r.id AND kind = 'forwarded' ORDER BY seq LIMIT 1)) AS deadline
      FROM recommendations r JOIN meetings m ON m.id = r.meeting_id AND m.deleted_at IS NULL WHERE r.deleted_at IS NULL
    UNION ALL
    SELECT t.uid, t.meeting_id, t.topic, t.created_on, 'unanswered', '', NULL
      FROM followup_items t JOIN meetings m ON m.id = t.meeting_id AND m.deleted_at IS NULL WHERE t.deleted_at IS NULL)
  SELECT b.uid, b.meeting_id, b.topic, b.received_on,
    COALESCE((SELECT value FROM latest WHERE item_uid = b.uid AND field = 'status' AND rn = 1), b.status) AS status,
    COALESCE((SELECT value FROM latest WHERE item_uid = b.uid AND field = 'agency' AND rn = 1), b.agency) AS agency,
    CASE WHEN EXISTS (SELECT 1 FROM latest WHERE item_uid = b.uid AND field = 'deadline' AND rn = 1)
         THEN NULLIF((SELECT value FROM latest WHERE item_uid = b.uid AND field = 'deadline' AND rn = 1), '') ELSE b.deadline END AS deadline
  FROM base b`;

function sqlCount(f: RegisterFilter): number {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (f.status?.length) {
    where.push(`i.status IN (${f.status.map(() => '?').join(',')})`);
    params.push(...f.status);
  }
  if (f.agency) {
    where.push('i.agency = ?');
    params.push(f.agency);
  }
  if (f.topic) {
    where.push('i.topic = ?');
    params.push(f.topic);
  }
  if (f.meetingId) {
    where.push('i.meeting_id = ?');
    params.push(f.meetingId);
  }
  if (f.from) {
    where.push('i.received_on >= ?');
    params.push(f.from);
  }
  if (f.to) {
    where.push('i.received_on <= ?');
    params.push(f.to);
  }
  const open = `(SELECT category FROM followup_statuses WHERE key = i.status) = 'open'`;
  if (f.overdue) {
    where.push(`i.deadline < ? AND ${open}`);
    params.push(TODAY);
  }
  if (f.dueWithinDays !== undefined) {
    where.push(`i.deadline BETWEEN ? AND date(?, '+' || ? || ' days') AND ${open}`);
    params.push(TODAY, TODAY, f.dueWithinDays);
  }
  return (core.db.prepare(`SELECT count(*) AS n FROM (${ITEMS_SQL}) i ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`).get(...params) as { n: number }).n;
}

beforeAll(async () => {
  core = tempCore();
  const r = rng(2025);
  for (let m = 0; m < 6; m++) {
    const { meetingId, recIds } = await meetingWithRecs(core, dayOf(300 + m * 30), 8);
    meetingIds.push(meetingId);
    for (const id of recIds) {
      const roll = r.next();
      if (roll < 0.3) await core.call('reply.create', { meetingId, kind: 'written_later', agency: r.pick(AGENCIES), deadline: dayOf(r.int(450, 600)), recommendationIds: [id] });
      else if (roll < 0.5) await core.call('reply.create', { meetingId, kind: 'on_spot', recommendationIds: [id] });
      else if (roll < 0.55) await core.call('reply.create', { meetingId, kind: 'forwarded', agency: 'UBND tỉnh', recommendationIds: [id] });
      for (let k = r.int(0, 3); k > 0; k--)
        await core.call('register.change', {
          uid: recUid(core, id),
          ...(r.next() < 0.7 ? { status: r.pick(STATUS) } : {}),
          ...(r.next() < 0.5 ? { agency: r.pick(AGENCIES) } : {}),
          ...(r.next() < 0.5 ? { deadline: r.next() < 0.2 ? null : dayOf(r.int(450, 600)) } : {}),
          note: `lần ${k}`,
        });
    }
    await core.call('notice.saveTasks', { meetingId, tasks: [{ content: `Nhiệm vụ của hội nghị ${m + 1}`, agency: r.pick(AGENCIES), deadline: dayOf(r.int(450, 600)) }] });
  }
  // One deleted kiến nghị and one deleted meeting stay out of both counts.
  const rec = (await core.call('meeting.get', { id: meetingIds[0]! })).recommendations[0]!;
  await core.call('rec.remove', { id: rec.id });
  await core.call('meeting.remove', { id: meetingIds[5]! });
  meetingIds = meetingIds.slice(0, 5);
});
afterAll(() => core.dispose());

describe('register filters', () => {
  it('equal a plain SQL count over the record and the history, for many filters', async () => {
    const r = rng(7);
    const filters: RegisterFilter[] = [{}, { overdue: true }, { dueWithinDays: 30 }, { status: ['resolved', 'explained'] }, { agency: 'UBND phường' }, { topic: 'đất đai' }, { meetingId: meetingIds[2]! }];
    for (let i = 0; i < 40; i++) {
      const f: RegisterFilter = {};
      if (r.next() < 0.4) f.status = [r.pick(STATUS), r.pick(['forwarded', 'answered_at_meeting', ...STATUS])];
      if (r.next() < 0.3) f.agency = r.pick(AGENCIES);
      if (r.next() < 0.3) f.topic = r.pick(['đất đai', 'môi trường', 'giáo dục']);
      if (r.next() < 0.2) f.meetingId = r.pick(meetingIds);
      if (r.next() < 0.3) f.from = dayOf(r.int(280, 420));
      if (r.next() < 0.3) f.to = dayOf(r.int(330, 480));
      if (r.next() < 0.3) f.overdue = true;
      else if (r.next() < 0.3) f.dueWithinDays = r.int(0, 60);
      filters.push(f);
    }
    let nonEmpty = 0;
    for (const f of filters) {
      const page = await core.call('register.query', { ...f, today: TODAY, limit: 1000 });
      const expected = sqlCount(f);
      expect(page.total, JSON.stringify(f)).toBe(expected);
      expect(page.items).toHaveLength(expected);
      if (expected > 0) nonEmpty++;
      for (const it of page.items) {
        if (f.overdue) expect(it.overdue).toBe(true);
        if (f.status) expect(f.status).toContain(it.status);
      }
    }
    expect(nonEmpty).toBeGreaterThan(filters.length / 2);
    expect(sqlCount({})).toBe(5 * 8 - 1 + 5);
  });

  it('pages through the whole register without a gap or a repeat', async () => {
    const all = await core.call('register.query', { today: TODAY, limit: 1000 });
    const seen: string[] = [];
    for (let offset = 0; offset < all.total; offset += 7) seen.push(...(await core.call('register.query', { today: TODAY, limit: 7, offset })).items.map((i) => i.uid));
    expect(seen).toEqual(all.items.map((i) => i.uid));
    // Newest meetings first.
    const dates = all.items.map((i) => i.receivedOn ?? '');
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('counts due soon and overdue for Home as the filters do', async () => {
    const counts = await core.call('register.counts', { today: TODAY, dueSoonDays: 14 });
    expect(counts).toEqual({ dueSoon: sqlCount({ dueWithinDays: 14 }), overdue: sqlCount({ overdue: true }), dueSoonDays: 14 });
    expect(counts.dueSoon + counts.overdue).toBeGreaterThan(0);
  });

  it('searches in Vietnamese as everywhere: without marks, đ = d, word prefixes, all words', async () => {
    const { meetingId, recIds } = await meetingWithRecs(core, '2025-06-01', 2);
    await core.call('rec.update', { id: recIds[0]!, patch: { content: 'Đề nghị sửa chữa Đường Phúc Diễn bị sụt lún' } });
    await core.call('rec.update', { id: recIds[1]!, patch: { content: 'Xử lý rác thải ở chợ Tây Mỗ' } });
    const q = async (query: string) => (await core.call('register.query', { query, meetingId })).items.map((i) => i.recommendationId);
    expect(await q('duong phuc')).toEqual([recIds[0]]);
    expect(await q('ĐƯỜNG')).toEqual([recIds[0]]);
    expect(await q('sut lu')).toEqual([recIds[0]]);
    expect(await q('tay mo rac')).toEqual([recIds[1]]);
    expect(await q('uong')).toEqual([]);
    expect(await q('duong rac')).toEqual([]);
    expect(await q('100%_')).toEqual([]);
    // The agency assigned is searchable too.
    await core.call('register.change', { uid: recUid(core, recIds[1]!), agency: 'Ban quản lý chợ' });
    expect(await q('ban quan ly')).toEqual([recIds[1]]);
  });

  it('reports numbers equal to a count straight from SQL', async () => {
    const from = dayOf(300);
    const to = dayOf(400);
    const rep = await core.call('report.build', { from, to, kind: 'custom' });
    const received = (core.db.prepare(`SELECT count(*) AS n FROM (${ITEMS_SQL}) i WHERE i.received_on BETWEEN ? AND ?`).get(from, to) as { n: number }).n;
    expect(rep.total.received).toBe(received);
    expect(rep.total.carriedOver + rep.total.received).toBe(rep.total.resolved + rep.total.inProgress + rep.total.notResolved);
  });
});
