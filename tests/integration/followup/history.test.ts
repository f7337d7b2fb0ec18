import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempCore, type TestCore } from '../../helpers/core';
import { meetingWithRecs, recUid } from './helpers';

let core: TestCore;
beforeEach(() => {
  core = tempCore();
});
afterEach(() => core.dispose());

const eventCount = () => (core.db.prepare('SELECT count(*) AS n FROM followup_events').get() as { n: number }).n;

describe('follow-up history', () => {
  it('is append-only in SQLite itself: UPDATE and DELETE of an event are refused', async () => {
    const { recIds } = await meetingWithRecs(core, '2025-10-10', 1);
    const uid = recUid(core, recIds[0]!);
    await core.call('register.change', { uid, status: 'in_progress', note: 'Đã giao phòng' });
    expect(eventCount()).toBe(1);
    expect(() => core.db.prepare("UPDATE followup_events SET value = 'resolved'").run()).toThrow(/append-only/);
    expect(() => core.db.prepare('UPDATE followup_events SET note = note').run()).toThrow(/append-only/);
    expect(() => core.db.prepare('DELETE FROM followup_events').run()).toThrow(/append-only/);
    // Deleting the recommendation (soft, as the app does) keeps its history too.
    await core.call('rec.remove', { id: recIds[0]! });
    expect(() => core.db.prepare('DELETE FROM followup_events').run()).toThrow(/append-only/);
    const row = core.db.prepare('SELECT value, note FROM followup_events').get();
    expect(row).toEqual({ value: 'in_progress', note: 'Đã giao phòng' });
  });

  it('lets the purge of a meeting from the trash remove its history, and only that one', async () => {
    const a = await meetingWithRecs(core, '2025-10-10', 1);
    const b = await meetingWithRecs(core, '2025-10-11', 1);
    await core.call('register.change', { uid: recUid(core, a.recIds[0]!), status: 'resolved' });
    await core.call('register.change', { uid: recUid(core, b.recIds[0]!), status: 'resolved' });
    core.db.prepare('DELETE FROM meetings WHERE id = ?').run(a.meetingId);
    expect((core.db.prepare('SELECT meeting_id FROM followup_events').all() as { meeting_id: number }[]).map((r) => r.meeting_id)).toEqual([b.meetingId]);
    // The search text of the purged items goes too: a word only they had finds nothing.
    await core.call('rec.update', { id: b.recIds[0]!, patch: { content: 'Chiếu sáng ngõ 12' } });
    expect((await core.call('register.query', { query: 'tổ dân phố' })).total).toBe(0);
    const counts = core.db.prepare('SELECT (SELECT count(*) FROM followup_state) AS s, (SELECT count(*) FROM followup_search) AS f').get();
    expect(counts).toEqual({ s: 1, f: 1 });
  });

  it('records each changed field as one event with the author, the note and its parent, and folds them into the item', async () => {
    core.db.prepare("INSERT INTO org_profile (id, issuing_body, doc_code, place_name, secretary_name) VALUES (1, 'UBND phường', 'UBND', 'Hà Nội', 'Nguyễn Thị Thư')").run();
    const { recIds } = await meetingWithRecs(core, '2025-10-10', 1);
    const uid = recUid(core, recIds[0]!);
    const first = await core.call('register.change', { uid, status: 'in_progress', agency: 'Phòng Kinh tế, Hạ tầng và Đô thị', deadline: '2025-11-30', note: 'Giao kiểm tra' });
    expect(first.history.map((e) => [e.field, e.value, e.parentUid, e.actor, e.note])).toEqual(
      expect.arrayContaining([
        ['status', 'in_progress', null, 'Nguyễn Thị Thư', 'Giao kiểm tra'],
        ['agency', 'Phòng Kinh tế, Hạ tầng và Đô thị', null, 'Nguyễn Thị Thư', 'Giao kiểm tra'],
        ['deadline', '2025-11-30', null, 'Nguyễn Thị Thư', 'Giao kiểm tra'],
      ]),
    );
    expect(first.history).toHaveLength(3);
    expect(first.item).toMatchObject({ status: 'in_progress', statusLabel: 'Đang giải quyết', category: 'open', answered: true, agency: 'Phòng Kinh tế, Hạ tầng và Đô thị', deadline: '2025-11-30' });
    const statusEvent = first.history.find((e) => e.field === 'status')!;
    // The same values again change nothing and record nothing.
    const same = await core.call('register.change', { uid, status: 'in_progress', agency: 'Phòng Kinh tế, Hạ tầng và Đô thị', deadline: '2025-11-30' });
    expect(same.history).toHaveLength(3);
    const second = await core.call('register.change', { uid, status: 'resolved', deadline: null, note: 'Đã sửa xong mặt đường' });
    expect(second.history).toHaveLength(5);
    expect(second.history.at(-2)!.at >= statusEvent.at).toBe(true);
    const newStatus = second.history.filter((e) => e.field === 'status').at(-1)!;
    expect(newStatus.parentUid).toBe(statusEvent.uid);
    expect(second.item).toMatchObject({ status: 'resolved', category: 'resolved', deadline: null, daysLeft: null, overdue: false });
    // A note alone is kept in the history and changes nothing.
    const noted = await core.call('register.change', { uid, note: 'Đã gọi điện báo cho cử tri' });
    expect(noted.history.at(-1)).toMatchObject({ field: 'note', value: '', note: 'Đã gọi điện báo cho cử tri' });
    expect(noted.item.status).toBe('resolved');
    // The agency typed joins the office's list.
    expect((await core.call('agency.list', {})).map((a) => a.name)).toEqual(['Phòng Kinh tế, Hạ tầng và Đô thị']);
  });

  it('refuses an unknown status and an unknown item, writing nothing', async () => {
    const { recIds } = await meetingWithRecs(core, '2025-10-10', 1);
    const uid = recUid(core, recIds[0]!);
    const r = await core.registry.dispatch('register.change', { uid, status: 'khong_co', agency: 'UBND phường' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toMatch(/không có trong danh sách trạng thái/);
    expect(eventCount()).toBe(0);
    const r2 = await core.registry.dispatch('register.change', { uid: '00000000-0000-4000-8000-000000000000', status: 'resolved' });
    expect(!r2.ok && r2.error.code).toBe('not_found');
    expect(eventCount()).toBe(0);
  });

  it('a new change is current even when another laptop’s clock ran ahead', async () => {
    const { meetingId, recIds } = await meetingWithRecs(core, '2025-10-10', 1);
    const uid = recUid(core, recIds[0]!);
    // An event from the future (merged from a laptop whose clock is a year ahead).
    core.db
      .prepare("INSERT INTO followup_events (uid, item_uid, meeting_id, field, value, parent_uid, at, actor, note) VALUES ('ffffffff-0000-4000-8000-000000000001', ?, ?, 'status', 'resolved', NULL, '2099-01-01T00:00:00.000Z', '', '')")
      .run(uid, meetingId);
    core.db.prepare('INSERT OR IGNORE INTO followup_dirty VALUES (?)').run(meetingId);
    const d = await core.call('register.change', { uid, status: 'in_progress' });
    expect(d.item.status).toBe('in_progress');
    expect(d.history.at(-1)!.at > '2099-01-01T00:00:00.000Z').toBe(true);
  });

  it('starts each kiến nghị where the meeting left it, and follows later edits of the record', async () => {
    const { meetingId, recIds } = await meetingWithRecs(core, '2025-10-10', 4);
    const [r1, r2, r3, r4] = recIds as [number, number, number, number];
    await core.call('reply.create', { meetingId, kind: 'on_spot', content: 'Trả lời ngay', recommendationIds: [r1] });
    const later = await core.call('reply.create', { meetingId, kind: 'written_later', agency: 'UBND phường', deadline: '2025-11-15', recommendationIds: [r2] });
    await core.call('reply.create', { meetingId, kind: 'forwarded', agency: 'UBND tỉnh', recommendationIds: [r3] });
    const byRec = async () => {
      const page = await core.call('register.query', { today: '2025-11-20' });
      return Object.fromEntries(page.items.map((i) => [i.recommendationId, [i.status, i.agency, i.deadline, i.overdue]]));
    };
    expect(await byRec()).toEqual({
      [r1]: ['answered_at_meeting', '', null, false],
      [r2]: ['awaiting_written', 'UBND phường', '2025-11-15', true],
      [r3]: ['forwarded', 'UBND tỉnh', null, false],
      [r4]: ['unanswered', '', null, false],
    });
    // The record is edited after the meeting: the register follows (no event was recorded).
    await core.call('reply.update', { id: later.id, patch: { deadline: '2025-12-31' } });
    await core.call('rec.remove', { id: r4 });
    const after = await byRec();
    expect(after[r2]).toEqual(['awaiting_written', 'UBND phường', '2025-12-31', false]);
    expect(after[r4]).toBeUndefined();
    await core.call('rec.restore', { id: r4 });
    expect((await byRec())[r4]).toEqual(['unanswered', '', null, false]);
    // A deleted meeting leaves the register; restored, it comes back with its history.
    await core.call('register.change', { uid: recUid(core, r1), status: 'resolved' });
    await core.call('meeting.remove', { id: meetingId });
    expect((await core.call('register.query', {})).total).toBe(0);
    await core.call('meeting.restore', { id: meetingId });
    expect((await byRec())[r1]![0]).toBe('resolved');
  });

  it('gives every meeting and kiến nghị a uid, and a copy gets its own', async () => {
    const { meetingId, recIds } = await meetingWithRecs(core, '2025-10-10', 2);
    const copy = await core.call('meeting.create', { copyFromId: meetingId });
    const uids = core.db.prepare('SELECT uid FROM meetings UNION ALL SELECT uid FROM recommendations').all() as { uid: string }[];
    expect(uids.every((u) => /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(u.uid))).toBe(true);
    expect(new Set(uids.map((u) => u.uid)).size).toBe(uids.length);
    expect(copy.id).not.toBe(meetingId);
    expect(recIds).toHaveLength(2);
  });

  it('keeps statuses (hidden, never deleted) and agencies as office settings', async () => {
    const statuses = await core.call('followup.statuses', {});
    expect(statuses.map((s) => s.key)).toEqual(['unanswered', 'answered_at_meeting', 'awaiting_written', 'in_progress', 'resolved', 'explained', 'forwarded', 'unresolvable']);
    const kept = statuses.filter((s) => s.key !== 'forwarded').map((s) => (s.key === 'resolved' ? { ...s, label: 'Đã giải quyết dứt điểm' } : s));
    const saved = await core.call('followup.saveStatuses', { statuses: [...kept, { key: 'waiting_budget', label: 'Chờ bố trí kinh phí', category: 'not_resolved', answered: true, sortOrder: 9, active: true }] });
    expect(saved.find((s) => s.key === 'forwarded')).toMatchObject({ active: false });
    expect(saved.find((s) => s.key === 'resolved')).toMatchObject({ label: 'Đã giải quyết dứt điểm', active: true });
    expect(saved.find((s) => s.key === 'waiting_budget')).toMatchObject({ category: 'not_resolved' });
    const a = await core.call('agency.save', { name: 'UBND phường Tây Mỗ' });
    const renamed = await core.call('agency.save', { id: a.id, name: 'UBND phường Tây Mỗ (mới)', active: false });
    expect(renamed).toMatchObject({ id: a.id, name: 'UBND phường Tây Mỗ (mới)', active: false });
    const b = await core.call('agency.save', { name: 'Phòng Văn hóa - Xã hội' });
    const dup = await core.registry.dispatch('agency.save', { id: b.id, name: 'UBND phường Tây Mỗ (mới)' });
    expect(!dup.ok && dup.error.message).toMatch(/Đã có cơ quan/);
  });

  it('turns the conclusion’s directions into tasks with agency and deadline events, kept in order, removed softly', async () => {
    const { meetingId } = await meetingWithRecs(core, '2025-10-10', 1);
    const saved = await core.call('notice.saveTasks', {
      meetingId,
      tasks: [
        { content: 'Kiểm tra, xử lý điểm tập kết rác tại tổ dân phố 3', agency: 'UBND phường', deadline: '2025-11-30' },
        { content: 'Rà soát hồ sơ cấp giấy chứng nhận quyền sử dụng đất', agency: 'Phòng Kinh tế, Hạ tầng và Đô thị', deadline: null },
      ],
    });
    expect(saved.map((t) => [t.kind, t.content, t.agency, t.deadline, t.status])).toEqual([
      ['direction', 'Kiểm tra, xử lý điểm tập kết rác tại tổ dân phố 3', 'UBND phường', '2025-11-30', 'unanswered'],
      ['direction', 'Rà soát hồ sơ cấp giấy chứng nhận quyền sử dụng đất', 'Phòng Kinh tế, Hạ tầng và Đô thị', null, 'unanswered'],
    ]);
    const [t1, t2] = saved as [(typeof saved)[number], (typeof saved)[number]];
    const d1 = await core.call('register.item', { uid: t1.uid });
    expect(d1.history.map((e) => e.field).sort()).toEqual(['agency', 'deadline']);
    // The chair's order is the list's order.
    const swapped = await core.call('notice.saveTasks', { meetingId, tasks: [t2, t1].map((t) => ({ uid: t.uid, content: t.content, agency: t.agency, deadline: t.deadline })) });
    expect(swapped.map((t) => t.uid)).toEqual([t2.uid, t1.uid]);
    expect((await core.call('notice.tasks', { meetingId })).map((t) => t.uid)).toEqual([t2.uid, t1.uid]);
    expect((await core.call('register.item', { uid: t1.uid })).history).toHaveLength(2);
    // Reordered, one edited, the first left out.
    const next = await core.call('notice.saveTasks', { meetingId, tasks: [{ uid: t2.uid, content: t2.content, agency: 'Phòng Kinh tế, Hạ tầng và Đô thị', deadline: '2025-12-15' }] });
    expect(next.map((t) => [t.uid, t.deadline])).toEqual([[t2.uid, '2025-12-15']]);
    expect(await core.call('notice.tasks', { meetingId })).toHaveLength(1);
    expect((core.db.prepare('SELECT deleted_at FROM followup_items WHERE uid = ?').get(t1.uid) as { deleted_at: string | null }).deleted_at).not.toBeNull();
    expect((await core.call('register.item', { uid: t2.uid })).history.map((e) => [e.field, e.value])).toEqual([['agency', 'Phòng Kinh tế, Hạ tầng và Đô thị'], ['deadline', '2025-12-15']]);
  });
});
