// Speaking timers on a real core and a real SQLite file: the rule and its defaults, a speaker's own
// limit, the stored time per item (totals, reset, deleted items, locked meetings), the statistic's
// input, the documents (summary always, minutes only when asked) and the meeting file's optional
// timing part (round trip, older files, broken references). Migration 006 from 005 with data.
import Database from 'better-sqlite3';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempCore, SAMPLE_PATH, tempDir, type TestCore } from '../helpers/core';
import { migrate, schemaVersion } from '../../electron/core/db/migrate';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { DEFAULT_TIMER_RULE, speakingStats } from '../../electron/shared/timer';
import type { DocBlock } from '../../electron/shared/documents';

let core: TestCore;
beforeEach(() => {
  core = tempCore();
});
afterEach(() => core.dispose());

async function meetingWithItems() {
  const m = await core.call('meeting.create', { fields: { title: 'Hội nghị đối thoại với Nhân dân xã Chí Minh' } });
  const a = await core.call('attendee.add', { meetingId: m.id, role: 'delegate', newPerson: { fullName: 'Nguyễn Văn An', titles: [], organization: 'Thôn Đông' } });
  const leader = await core.call('attendee.add', { meetingId: m.id, role: 'responder', newPerson: { fullName: 'Trần Thị Bình', titles: ['Chủ tịch UBND xã'], organization: '' } });
  const rec = await core.call('rec.create', { meetingId: m.id, phase: 'during', raisedByAttendeeId: a.id, content: 'Đề nghị sửa đường liên thôn', topic: 'Giao thông' });
  const reply = await core.call('reply.create', { meetingId: m.id, responderAttendeeId: leader.id, content: 'Xã sẽ sửa trong quý I', kind: 'on_spot', recommendationIds: [rec.id] });
  const speech = await core.call('speech.create', { meetingId: m.id, kind: 'remarks', speakerText: 'Hội Nông dân xã', summary: 'Ủng hộ' });
  return { m, a, leader, rec, reply, speech };
}

const tableOf = (blocks: DocBlock[]): string[][] => (blocks.find((b) => b.type === 'table') as { rows: string[][] }).rows;
const textOf = (blocks: DocBlock[]): string => blocks.map((b) => ('text' in b ? b.text : '')).join('\n');

describe('speaking timers in the core', () => {
  it('a meeting with no rule uses the defaults and its record carries no timing part', async () => {
    const { m } = await meetingWithItems();
    expect(await core.call('timer.get', { meetingId: m.id })).toEqual({ rule: DEFAULT_TIMER_RULE, overrides: [], times: [] });
    expect((await core.call('meeting.get', { id: m.id })).timing).toBeUndefined();
  });

  it('saves the rule field by field, and refuses a limit out of bounds with a Vietnamese message', async () => {
    const { m } = await meetingWithItems();
    expect(await core.call('timer.saveRule', { meetingId: m.id, rule: { delegateSeconds: 120 } })).toEqual({ ...DEFAULT_TIMER_RULE, delegateSeconds: 120 });
    expect(await core.call('timer.saveRule', { meetingId: m.id, rule: { beep: true } })).toEqual({ ...DEFAULT_TIMER_RULE, delegateSeconds: 120, beep: true });
    const bad = await core.registry.dispatch('timer.saveRule', { meetingId: m.id, rule: { leaderSeconds: 3 } });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error.message).toMatch(/ít nhất 10 giây/);
    expect((await core.call('timer.get', { meetingId: m.id })).rule.leaderSeconds).toBe(300);
  });

  it('stores the total spoken per item (not increments), removes it on 0, and lists it in timeline order', async () => {
    const { m, rec, reply } = await meetingWithItems();
    await core.call('timer.record', { entity: 'reply', entityId: reply.id, seconds: 290, limitSeconds: 300 });
    await core.call('timer.record', { entity: 'recommendation', entityId: rec.id, seconds: 95, limitSeconds: 180 });
    await core.call('timer.record', { entity: 'recommendation', entityId: rec.id, seconds: 130, limitSeconds: 180 });
    let t = await core.call('timer.get', { meetingId: m.id });
    expect(t.times).toEqual([
      { entity: 'recommendation', entityId: rec.id, seconds: 130, limitSeconds: 180 },
      { entity: 'reply', entityId: reply.id, seconds: 290, limitSeconds: 300 },
    ]);
    expect(speakingStats(t.times)).toMatchObject({ speakers: 2, totalSeconds: 420, overLimit: 0 });
    expect(await core.call('timer.record', { entity: 'reply', entityId: reply.id, seconds: 0, limitSeconds: 300 })).toBeNull();
    t = await core.call('timer.get', { meetingId: m.id });
    expect(t.times.map((x) => x.entity)).toEqual(['recommendation']);
    // Survives a reopen of the database file.
    const dir = core.dir;
    core.close();
    const again = tempCore(dir);
    try {
      expect((await again.call('timer.get', { meetingId: m.id })).times).toEqual([{ entity: 'recommendation', entityId: rec.id, seconds: 130, limitSeconds: 180 }]);
    } finally {
      again.close();
    }
    core = tempCore();
  });

  it('a deleted item leaves the statistic, and comes back with its time on restore', async () => {
    const { m, rec } = await meetingWithItems();
    await core.call('timer.record', { entity: 'recommendation', entityId: rec.id, seconds: 60, limitSeconds: 180 });
    await core.call('rec.remove', { id: rec.id });
    expect((await core.call('timer.get', { meetingId: m.id })).times).toEqual([]);
    const refused = await core.registry.dispatch('timer.record', { entity: 'recommendation', entityId: rec.id, seconds: 70, limitSeconds: 180 });
    expect(!refused.ok && refused.error.code).toBe('not_found');
    await core.call('rec.restore', { id: rec.id });
    expect((await core.call('timer.get', { meetingId: m.id })).times).toHaveLength(1);
  });

  it('a speaker keeps their own limit, by roster entry or by the name typed; null removes it', async () => {
    const { m, a } = await meetingWithItems();
    await core.call('timer.setLimit', { meetingId: m.id, attendeeId: a.id, speakerText: '', seconds: 240 });
    const list = await core.call('timer.setLimit', { meetingId: m.id, attendeeId: null, speakerText: 'Hội Nông dân  xã', seconds: 90 });
    expect(list).toEqual([
      { attendeeId: a.id, speakerText: '', seconds: 240 },
      { attendeeId: null, speakerText: 'Hội Nông dân  xã', seconds: 90 },
    ]);
    // The same speaker typed differently is the same speaker: updated, not added.
    expect(await core.call('timer.setLimit', { meetingId: m.id, attendeeId: null, speakerText: 'hội nông dân xã', seconds: 100 })).toHaveLength(2);
    expect(await core.call('timer.setLimit', { meetingId: m.id, attendeeId: a.id, speakerText: '', seconds: null })).toEqual([{ attendeeId: null, speakerText: 'hội nông dân xã', seconds: 100 }]);
    const other = await core.call('meeting.create', {});
    const stranger = await core.registry.dispatch('timer.setLimit', { meetingId: other.id, attendeeId: a.id, speakerText: '', seconds: 60 });
    expect(!stranger.ok && stranger.error.message).toMatch(/không thuộc hội nghị này/);
  });

  it('a locked meeting refuses new times', async () => {
    const { m, rec } = await meetingWithItems();
    await core.call('meeting.finalize', { id: m.id });
    const r = await core.registry.dispatch('timer.record', { entity: 'recommendation', entityId: rec.id, seconds: 60, limitSeconds: 180 });
    expect(!r.ok && r.error.code).toBe('locked');
  });

  it('the summary table shows the times; the minutes only once the rule asks', async () => {
    const { m, rec, reply } = await meetingWithItems();
    const before = tableOf((await core.call('doc.generate', { meetingId: m.id, kind: 'summary' })).blocks);
    expect(before.flat().join(' ')).not.toMatch(/phút/);
    await core.call('timer.record', { entity: 'recommendation', entityId: rec.id, seconds: 130, limitSeconds: 180 });
    await core.call('timer.record', { entity: 'reply', entityId: reply.id, seconds: 300, limitSeconds: 300 });
    const summary = await core.call('doc.generate', { meetingId: m.id, kind: 'summary' });
    const row = tableOf(summary.blocks).find((r) => r[0] === '1')!;
    expect(row[1]).toContain('Phát biểu 2 phút 10 giây');
    expect(row[4]).toContain('(trả lời 5 phút)');
    const minutesOff = textOf((await core.call('doc.generate', { meetingId: m.id, kind: 'minutes' })).blocks);
    expect(minutesOff).not.toContain('Thời gian phát biểu');
    await core.call('timer.saveRule', { meetingId: m.id, rule: { inMinutes: true } });
    const minutesOn = textOf((await core.call('doc.generate', { meetingId: m.id, kind: 'minutes' })).blocks);
    expect(minutesOn).toContain('Thời gian phát biểu: 2 phút 10 giây.');
    expect(minutesOn).toContain('Thời gian phát biểu: 5 phút.');
  });

  it('an edited summary draft is marked out of date when a time changes', async () => {
    const { m, rec } = await meetingWithItems();
    const d = await core.call('doc.generate', { meetingId: m.id, kind: 'summary' });
    await core.call('doc.save', { meetingId: m.id, kind: 'summary', blocks: d.blocks });
    expect((await core.call('doc.get', { meetingId: m.id, kind: 'summary' }))!.stale).toBe(false);
    await core.call('timer.record', { entity: 'recommendation', entityId: rec.id, seconds: 40, limitSeconds: 180 });
    expect((await core.call('doc.get', { meetingId: m.id, kind: 'summary' }))!.stale).toBe(true);
  });
});

const importBytes = (c: TestCore, bytes: Uint8Array) => c.registry.dispatch('meetingFile.import', { fileName: 'x.thukyhn', dataBase64: Buffer.from(bytes).toString('base64') });
const exportBytes = async (c: TestCore, id: number) => Buffer.from((await c.call('meetingFile.export', { id })).dataBase64, 'base64');

describe('the meeting file carries the timing part', () => {
  it('round-trips the rule, both kinds of limits and every time, onto the right items', async () => {
    const { m, a, rec, reply, speech } = await meetingWithItems();
    await core.call('timer.saveRule', { meetingId: m.id, rule: { delegateSeconds: 150, inMinutes: true } });
    await core.call('timer.setLimit', { meetingId: m.id, attendeeId: a.id, speakerText: '', seconds: 240 });
    await core.call('timer.setLimit', { meetingId: m.id, attendeeId: null, speakerText: 'Hội Nông dân xã', seconds: 90 });
    await core.call('timer.record', { entity: 'recommendation', entityId: rec.id, seconds: 130, limitSeconds: 240 });
    await core.call('timer.record', { entity: 'reply', entityId: reply.id, seconds: 310, limitSeconds: 300 });
    await core.call('timer.record', { entity: 'speech', entityId: speech.id, seconds: 45, limitSeconds: 90 });
    const bytes = await exportBytes(core, m.id);
    const json = JSON.parse(new TextDecoder().decode(unzipSync(bytes)['meeting.json'])) as { timing: { version: number } };
    expect(json.timing.version).toBe(1);

    const other = tempCore();
    try {
      const r = await importBytes(other, bytes);
      expect(r.ok).toBe(true);
      const id = (r as { value: { id: number } }).value.id;
      const rec2 = await other.call('meeting.get', { id });
      const t = rec2.timing!;
      expect(t.rule).toEqual({ ...DEFAULT_TIMER_RULE, delegateSeconds: 150, inMinutes: true });
      const an = rec2.attendees.find((x) => x.fullName === 'Nguyễn Văn An')!;
      expect(t.overrides).toEqual([
        { attendeeId: an.id, speakerText: '', seconds: 240 },
        { attendeeId: null, speakerText: 'Hội Nông dân xã', seconds: 90 },
      ]);
      const byEntity = Object.fromEntries(t.times.map((x) => [x.entity, x]));
      expect(byEntity.recommendation).toEqual({ entity: 'recommendation', entityId: rec2.recommendations[0]!.id, seconds: 130, limitSeconds: 240 });
      expect(byEntity.reply).toEqual({ entity: 'reply', entityId: rec2.replies[0]!.id, seconds: 310, limitSeconds: 300 });
      expect(byEntity.speech).toEqual({ entity: 'speech', entityId: rec2.speeches[0]!.id, seconds: 45, limitSeconds: 90 });
    } finally {
      other.dispose();
    }
  });

  it('a meeting never timed exports no timing part at all', async () => {
    const { m } = await meetingWithItems();
    const json = JSON.parse(new TextDecoder().decode(unzipSync(await exportBytes(core, m.id))['meeting.json'])) as Record<string, unknown>;
    expect('timing' in json).toBe(false);
  });

  it('an older file (the shipped sample, no timing part) still imports, with no timing', async () => {
    const r = await importBytes(core, readFileSync(SAMPLE_PATH));
    expect(r.ok).toBe(true);
    expect((await core.call('meeting.get', { id: (r as { value: { id: number } }).value.id })).timing).toBeUndefined();
  });

  it.each([
    ['a time for an item that is not in the file', (t: TimingJson) => (t.times[0]!.index = 99), /trỏ tới mục không có/],
    ['a limit for an attendee that is not in the file', (t: TimingJson) => (t.limits[0]!.speaker = 'a999'), /trỏ tới đại biểu không có/],
    ['the same item timed twice', (t: TimingJson) => t.times.push({ ...t.times[0]! }), /xuất hiện hai lần/],
    ['a part from a newer version', (t: TimingJson) => (t.version = 2), /phiên bản khác/],
  ])('refuses %s and writes nothing', async (_what, mutate, message) => {
    const { m, a, rec } = await meetingWithItems();
    await core.call('timer.setLimit', { meetingId: m.id, attendeeId: a.id, speakerText: '', seconds: 240 });
    await core.call('timer.record', { entity: 'recommendation', entityId: rec.id, seconds: 130, limitSeconds: 240 });
    const files = unzipSync(await exportBytes(core, m.id));
    const data = JSON.parse(new TextDecoder().decode(files['meeting.json'])) as { timing: TimingJson };
    mutate(data.timing);
    files['meeting.json'] = strToU8(JSON.stringify(data));
    const count = (core.db.prepare('SELECT count(*) AS n FROM meetings').get() as { n: number }).n;
    const r = await importBytes(core, zipSync(files));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toMatch(message);
    expect((core.db.prepare('SELECT count(*) AS n FROM meetings').get() as { n: number }).n).toBe(count);
  });
});

type TimingJson = { version: number; limits: { speaker: string | null }[]; times: { item: string; index: number; seconds: number; limitSeconds: number | null }[] };

describe('migration 006', () => {
  it('5 -> 6 adds the timing tables and keeps every row', () => {
    const db = new Database(path.join(tempDir(), 't.sqlite3'));
    try {
      db.pragma('foreign_keys = ON');
      migrate(db, MIGRATIONS, 5);
      db.prepare("INSERT INTO meetings (id, title, created_at, updated_at) VALUES (1, 'Hội nghị', 'x', 'x')").run();
      db.prepare("INSERT INTO recommendations (id, meeting_id, phase, content, seq, updated_at) VALUES (3, 1, 'during', 'Đề nghị', 2, 'x')").run();
      migrate(db, MIGRATIONS, 6);
      expect(schemaVersion(db)).toBe(6);
      expect(db.prepare('SELECT content FROM recommendations WHERE id = 3').get()).toEqual({ content: 'Đề nghị' });
      db.prepare("INSERT INTO speaking_times (meeting_id, entity, entity_id, seconds, updated_at) VALUES (1, 'recommendation', 3, 95, 'x')").run();
      expect(() => db.prepare("INSERT INTO speaking_times (meeting_id, entity, entity_id, seconds, updated_at) VALUES (1, 'photo', 3, 95, 'x')").run()).toThrow(/CHECK/);
      expect(() => db.prepare("INSERT INTO timer_rules (meeting_id, delegate_seconds, updated_at) VALUES (1, 5, 'x')").run()).toThrow(/CHECK/);
      // The meeting's timing goes with it.
      db.prepare('DELETE FROM recommendations').run();
      db.prepare('DELETE FROM meetings WHERE id = 1').run();
      expect(db.prepare('SELECT count(*) AS n FROM speaking_times').get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });
});
