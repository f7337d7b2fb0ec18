// Issue 11, data loss 2: a missing or empty database was taken for a first run, and rotation then
// deleted the good backups. Real cores on real files; the clock is the core's own `now`.
import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/app';
import { backupDir, checkFile, listBackups, protectUnique, rotateBackups, type BackupContents, type BackupInfo } from '../../electron/core/backup/backups';
import { restoreFromFile } from '../../electron/core/backup/restore';
import { startMaintenance } from '../../electron/core/backup/scheduler';
import type { Channel, ChannelInput, ChannelOutput } from '../../electron/shared/contract';
import { tempDir } from '../helpers/tmp';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const fresh = (): string => {
  const d = tempDir('thuky-backup-');
  dirs.push(d);
  return d;
};

/** A core whose clock moves one minute per call, so every backup has its own name. */
function clockedCore(dir: string, start = new Date('2026-11-20T08:00:00')) {
  let t = start.getTime();
  const core = createCore({ dataDir: dir, mode: 'cli', log: () => undefined, now: () => new Date((t += 60_000)) });
  const call = async <C extends Channel>(c: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> => {
    const r = await core.registry.dispatch(c, input);
    if (!r.ok) throw new Error(`${c}: ${r.error.code}: ${r.error.message}`);
    return r.value as ChannelOutput<C>;
  };
  return { core, call, clock: () => new Date(t) };
}

function titles(file: string): string[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT title FROM meetings ORDER BY id').all() as { title: string }[]).map((r) => r.title);
  } finally {
    db.close();
  }
}

const backupsHolding = (dir: string, title: string): string[] =>
  listBackups(dir)
    .filter((b) => titles(path.join(backupDir(dir), b.fileName)).includes(title))
    .map((b) => b.fileName);

describe('rotation never deletes the only copy of a meeting', () => {
  it('a database reset followed by 30 backups keeps the backup with the old meetings', async () => {
    const dir = fresh();
    const a = clockedCore(dir);
    await a.call('meeting.create', { fields: { title: 'Hội nghị cũ' } });
    await a.call('backup.create', {});
    // The reset: the old meetings are gone from the database (purged, not in the trash).
    a.core.db.exec('PRAGMA foreign_keys = OFF; DELETE FROM meetings; PRAGMA foreign_keys = ON;');
    // SQLite gives the new meeting the old one's id: identity is the id and the creation time.
    const renewed = await a.call('meeting.create', { fields: { title: 'Hội nghị mới' } });
    expect(renewed.id).toBe(1);
    for (let i = 0; i < 30; i++) {
      await a.call('meeting.update', { id: renewed.id, patch: { location: `Phòng ${i}` } });
      await a.call('backup.create', {});
    }
    a.core.close();
    // The newest-20 rule alone would have dropped it: all 31 are on one day.
    expect(listBackups(dir).length).toBeGreaterThan(20);
    expect(backupsHolding(dir, 'Hội nghị cũ')).toHaveLength(1);
    // Only the newest of the 30 identical-content copies beyond the policy are kept, not all.
    expect(listBackups(dir).length).toBeLessThanOrEqual(21);
  });

  it('a backup whose meetings a newer kept backup holds at the same or a newer version is rotated as before', async () => {
    const dir = fresh();
    const a = clockedCore(dir);
    const m = await a.call('meeting.create', { fields: { title: 'Một hội nghị' } });
    for (let i = 0; i < 30; i++) {
      await a.call('meeting.update', { id: m.id, patch: { location: `Phòng ${i}` } });
      await a.call('backup.create', {});
    }
    a.core.close();
    expect(listBackups(dir)).toHaveLength(20);
  });

  it('the invariant, as a pure rule: only kept, newer, readable backups vouch for an older one', () => {
    const b = (n: number): BackupInfo => ({ fileName: `b${n}`, at: `2026-11-20T08:${String(n).padStart(2, '0')}:00.000Z`, reason: 'periodic', bytes: 1 });
    const all = [b(1), b(2), b(3), b(4)];
    const contents = new Map<string, BackupContents | null>([
      ['b4', new Map([['2|t2', '2026-11-20T08:04']])],
      ['b3', new Map([['1|t1', '2026-11-20T08:03']])], // the only copy of meeting 1 at its newest
      ['b2', new Map([['1|t1', '2026-11-20T08:02']])], // an older version of what b3 holds
      ['b1', new Map([['1|t1', '2026-11-20T08:01'], ['3|t3', 'x']])], // meeting 3 is nowhere else
    ]);
    // The policy keeps only b4: b3 is kept for meeting 1, b2 then is covered by b3, b1 for meeting 3.
    expect([...protectUnique(all, new Set(['b4']), (x) => contents.get(x.fileName) ?? null)].sort()).toEqual(['b1', 'b3', 'b4']);
    // An unreadable newer copy vouches for nothing.
    contents.set('b3', null);
    expect([...protectUnique(all, new Set(['b4']), (x) => contents.get(x.fileName) ?? null)].sort()).toEqual(['b1', 'b2', 'b4']);
    // A newer version of the meeting in a kept backup is enough.
    contents.set('b4', new Map([['1|t1', '2026-11-20T09:00'], ['3|t3', 'x']]));
    expect([...protectUnique(all, new Set(['b4']), (x) => contents.get(x.fileName) ?? null)]).toEqual(['b4']);
  });
});

describe('backups/ holds only backups', () => {
  it('leftovers of interrupted backups are removed, and checking or rotating leaves no -wal/-shm', async () => {
    const dir = fresh();
    const a = clockedCore(dir);
    await a.call('meeting.create', { fields: { title: 'A' } });
    await a.call('backup.create', {});
    const bdir = backupDir(dir);
    for (const junk of ['thuky-20261120-080000000-periodic.sqlite3.partial', 'thuky-20261120-080000000-periodic.sqlite3.partial-wal', 'thuky-20261120-080000000-periodic.sqlite3.partial-shm', 'x.partial-journal'])
      writeFileSync(path.join(bdir, junk), 'debris');
    for (let i = 0; i < 3; i++) await a.call('backup.create', {});
    for (const b of listBackups(dir)) expect(checkFile(path.join(bdir, b.fileName))).toBe('ok');
    rotateBackups(dir, a.clock());
    a.core.close();
    const names = readdirSync(bdir);
    expect(names.filter((f) => f.includes('.partial'))).toEqual([]);
    expect(names.filter((f) => f.endsWith('-wal') || f.endsWith('-shm') || f.endsWith('-journal'))).toEqual([]);
    expect(names).toHaveLength(4);
    // Each backup is one self-contained file: the rollback journal, not WAL.
    const db = new Database(path.join(bdir, names[0]), { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    db.close();
  });
});

describe('a missing or empty database beside backups is not a first run', () => {
  async function withBackups(): Promise<{ dir: string; newest: string }> {
    const dir = fresh();
    const a = clockedCore(dir);
    await a.call('meeting.create', { fields: { title: 'Dữ liệu thật' } });
    const first = await a.call('backup.create', {});
    await a.call('meeting.create', { fields: { title: 'Dữ liệu thật 2' } });
    const newest = await a.call('backup.create', {});
    a.core.close();
    expect(first.fileName < newest.fileName).toBe(true);
    return { dir, newest: newest.fileName };
  }

  for (const how of ['missing', 'empty'] as const) {
    it(`${how}: the recovery state, no database created, nothing rotated, and the newest verified backup offered`, async () => {
      const { dir, newest } = await withBackups();
      const file = path.join(dir, 'thuky.sqlite3');
      for (const s of ['', '-wal', '-shm']) rmSync(file + s, { force: true });
      if (how === 'empty') writeFileSync(file, '');
      // The newest backup is damaged: the one offered must be the newest that passes the check.
      const bytes = readFileSync(path.join(backupDir(dir), newest));
      for (let i = 4096; i < bytes.length; i += 5) bytes[i] = 0x5a;
      writeFileSync(path.join(backupDir(dir), newest), bytes);
      const before = readdirSync(backupDir(dir)).sort();

      const c = createCore({ dataDir: dir, mode: 'web', log: () => undefined });
      expect(c.health.state).toBe('corrupt');
      expect(c.health.message).toMatch(how === 'missing' ? /^Không thấy tệp dữ liệu .*Đây không phải lần chạy đầu tiên/ : /trống \(0 byte\).*Đây không phải lần chạy đầu tiên/);
      const stop = startMaintenanceIfHealthy(c);
      const health = await c.registry.dispatch('app.health', {});
      if (!health.ok) throw new Error(health.error.message);
      const h = health.value as ChannelOutput<'app.health'>;
      expect(h.backups[0].fileName).not.toBe(newest);
      expect(h.backups[0].reason).toBe('manual');
      expect(checkFile(path.join(backupDir(dir), h.backups[0].fileName))).toBe('ok');
      // Nothing was written: no database appeared, the empty one is still empty, no backup went.
      expect(how === 'missing' ? existsSync(file) : statSync(file).size).toBe(how === 'missing' ? false : 0);
      expect(readdirSync(backupDir(dir)).sort()).toEqual(before);

      const r = await c.registry.dispatch('backup.restore', { fileName: h.backups[0].fileName });
      expect(r.ok).toBe(true);
      expect(r.ok && (r.value as ChannelOutput<'backup.restore'>).message).toMatch(/\(1 hội nghị; kiểm tra toàn vẹn: tốt\)/);
      // What was in place (nothing, or the empty file) is kept aside, never overwritten.
      const out = r.ok ? (r.value as ChannelOutput<'backup.restore'>) : null;
      if (how === 'empty') expect(statSync(path.join(backupDir(dir), out?.keptAside ?? '')).size).toBe(0);
      else expect(out).toMatchObject({ keptAside: '', message: expect.stringMatching(/Trước đó không có tệp dữ liệu nào\.$/) });
      expect((await c.registry.dispatch('meeting.list', {})) as unknown).toMatchObject({ ok: true, value: [{ title: 'Dữ liệu thật' }] });
      stop();
      c.close();
    });
  }

  it('a first run (no backups folder) is still a first run', () => {
    const dir = fresh();
    const c = createCore({ dataDir: dir, mode: 'web', log: () => undefined });
    expect(c.health.state).toBe('ok');
    c.close();
    expect(existsSync(path.join(dir, 'thuky.sqlite3'))).toBe(true);
  });
});

function startMaintenanceIfHealthy(c: Core): () => void {
  // What the server and the Electron worker do: maintenance (start-up backup, rotation) only when healthy.
  return c.health.state === 'ok' ? startMaintenance(c.ctx, () => undefined) : () => undefined;
}

describe('restore', () => {
  it('never replays the replaced file’s -wal into the restored one', async () => {
    const dir = fresh();
    const a = clockedCore(dir);
    await a.call('meeting.create', { fields: { title: 'Trong bản sao lưu' } });
    const b = await a.call('backup.create', {});
    // Writes that stay in the -wal: no checkpoint, and a reader keeps close() from removing it.
    a.core.db.pragma('wal_autocheckpoint = 0');
    for (let i = 0; i < 20; i++) await a.call('meeting.create', { fields: { title: `Chỉ trong WAL ${i}` } });
    const reader = new Database(path.join(dir, 'thuky.sqlite3'), { readonly: true });
    reader.prepare('SELECT count(*) FROM meetings').get();
    const stale = `${path.join(dir, 'thuky.sqlite3')}-wal`;
    const walBefore = statSync(stale).size;
    expect(walBefore).toBeGreaterThan(0);
    // Keep a copy of the WAL as it was: SQLite would replay it into whatever file it sits beside.
    const walCopy = readFileSync(stale);
    const r = await restoreFromFile(a.core.ctx, path.join(backupDir(dir), b.fileName), false, { lock: a.core.lock });
    reader.close();
    expect(r.meetings).toBe(1);
    expect((a.core.db.prepare('SELECT title FROM meetings').all() as { title: string }[]).map((x) => x.title)).toEqual(['Trong bản sao lưu']);
    expect(a.core.db.pragma('integrity_check', { simple: true })).toBe('ok');
    a.core.close();
    expect(titles(path.join(dir, 'thuky.sqlite3'))).toEqual(['Trong bản sao lưu']);
    expect(walCopy.length).toBe(walBefore);
    // The data replaced is kept whole in the before-restore copy.
    expect(titles(path.join(backupDir(dir), r.keptAside))).toHaveLength(21);
  });

  it('is refused without the lock (a read-only core), and a file that is not this app’s data is refused', async () => {
    const dir = fresh();
    const a = clockedCore(dir);
    const b = await a.call('backup.create', {});
    a.core.close();
    const ro = createCore({ dataDir: dir, mode: 'cli', log: () => undefined, db: { readonly: true } });
    await expect(restoreFromFile(ro.ctx, path.join(backupDir(dir), b.fileName), false, { lock: ro.lock })).rejects.toMatchObject({ code: 'locked', message: expect.stringMatching(/chế độ chỉ đọc/) });
    ro.close();
    const other = path.join(dir, 'other.sqlite3');
    const odb = new Database(other);
    odb.exec('CREATE TABLE t (x)');
    odb.close();
    const w = createCore({ dataDir: dir, mode: 'cli', log: () => undefined });
    await expect(restoreFromFile(w.ctx, other, false, { lock: w.lock })).rejects.toThrow(/không phải dữ liệu của Thư ký Hội nghị/);
    w.close();
    renameSync(other, `${other}.x`);
  });
});
