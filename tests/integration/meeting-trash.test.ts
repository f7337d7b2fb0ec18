// The meetings' trash and the atomic start, through the real handlers on a real SQLite file.
import { afterEach, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { tempDir, type TestCore } from '../helpers/core';
import { createCore } from '../../electron/core/app';
import { TRASH_DAYS } from '../../electron/shared/contract';

let core: TestCore;
let clock = new Date('2026-11-01T08:00:00Z');
/** A real core whose clock the test moves. */
const open = (): TestCore => {
  const dir = tempDir();
  const c = createCore({ dataDir: dir, mode: 'cli', log: () => {}, now: () => clock });
  core = {
    ...c,
    dir,
    async call(channel, input) {
      const r = await c.registry.dispatch(channel, input);
      if (!r.ok) throw new Error(`${channel}: ${r.error.code}: ${r.error.message}`);
      return r.value as never;
    },
    dispose() {
      c.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return core;
};
afterEach(() => core.dispose());

describe('meeting trash', () => {
  it('keeps a deleted meeting, restorable, for 30 days, then purges it with its items', async () => {
    const c = open();
    const call = c.call;
    const a = await call('meeting.create', { fields: { title: 'Hội nghị A' } });
    const b = await call('meeting.create', { fields: { title: 'Hội nghị B' } });
    await call('rec.create', { meetingId: a.id, phase: 'during', content: 'sông Pheo' });
    await call('meeting.remove', { id: a.id });
    clock = new Date(clock.getTime() + 5 * 86400_000);
    await call('meeting.remove', { id: b.id });

    let trash = await call('meeting.trash', {});
    expect(trash.map((t) => t.title)).toEqual(['Hội nghị B', 'Hội nghị A']);
    expect(trash[1].recommendationCount).toBe(1);
    expect((await call('meeting.list', {})).length).toBe(0);

    // Day 30 after A's deletion: still there. A minute past 30 days: gone, B stays.
    clock = new Date(Date.parse('2026-11-01T08:00:00Z') + TRASH_DAYS * 86400_000 - 60_000);
    trash = await call('meeting.trash', {});
    expect(trash.map((t) => t.id)).toEqual([b.id, a.id]);
    clock = new Date(Date.parse('2026-11-01T08:00:00Z') + TRASH_DAYS * 86400_000 + 60_000);
    trash = await call('meeting.trash', {});
    expect(trash.map((t) => t.id)).toEqual([b.id]);
    const r = await c.registry.dispatch('meeting.restore', { id: a.id });
    expect(r.ok).toBe(false);
    const left = c.db.prepare('SELECT count(*) AS n FROM recommendations WHERE meeting_id = ?').get(a.id) as { n: number };
    expect(left.n).toBe(0);

    // B comes back with undo.
    await call('meeting.restore', { id: b.id });
    expect((await call('meeting.list', {})).map((m) => m.id)).toEqual([b.id]);
    expect(await call('meeting.trash', {})).toEqual([]);
  });

  it('refuses to delete locked minutes until they are unlocked with a reason', async () => {
    const c = open();
    const m = await c.call('meeting.create', { fields: { title: 'Đã chốt' } });
    await c.call('meeting.finalize', { id: m.id });
    const refused = await c.registry.dispatch('meeting.remove', { id: m.id });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe('locked');
    expect(await c.call('meeting.trash', {})).toEqual([]);
    await c.call('meeting.unlock', { id: m.id, reason: 'Tạo nhầm, xóa theo chỉ đạo' });
    await c.call('meeting.remove', { id: m.id });
    expect((await c.call('meeting.trash', {})).map((t) => t.id)).toEqual([m.id]);
  });
});

describe('meeting.start', () => {
  it('keeps a stored start time and fills an empty one from the clock', async () => {
    const c = open();
    const typed = await c.call('meeting.create', { fields: { title: 'Có giờ' } });
    await c.call('meeting.update', { id: typed.id, patch: { startTime: '08:05' } });
    const s1 = await c.call('meeting.start', { id: typed.id, startTime: '09:47' });
    expect(s1).toMatchObject({ status: 'live', startTime: '08:05' });
    const empty = await c.call('meeting.create', { fields: { title: 'Chưa có giờ' } });
    const s2 = await c.call('meeting.start', { id: empty.id, startTime: '09:47' });
    expect(s2).toMatchObject({ status: 'live', startTime: '09:47' });
    const bad = await c.registry.dispatch('meeting.start', { id: empty.id, startTime: '25:00' });
    expect(bad.ok).toBe(false);
  });
});

describe('search snippets', () => {
  it('show only the field that matched, never the fields run together', async () => {
    const c = open();
    const m = await c.call('meeting.create', { fields: { title: 'Hội nghị tìm' } });
    await c.call('rec.create', { meetingId: m.id, phase: 'during', raisedByText: 'Nguyễn Thị Lan', unit: 'phường Tây Tựu', content: 'Xử lý ô nhiễm sông Pheo' });
    const hits = await c.call('search.query', { query: 'song pheo' });
    expect(hits.map((h) => h.snippet)).toEqual(['Xử lý ô nhiễm sông Pheo']);
    const byUnit = await c.call('search.query', { query: 'tay tuu' });
    expect(byUnit.map((h) => h.snippet)).toEqual(['phường Tây Tựu']);
  });
});
