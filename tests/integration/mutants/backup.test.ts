// Backups, rotation, restore and the periodic schedule, rule by rule, on real SQLite files:
// the names (local time, milliseconds), which backups the rotation keeps (the newest 20, one per
// day for 30 days, copies kept aside never), what a failed backup says and leaves behind, the
// restore's messages and what it keeps aside, and when the periodic backup is due. Written for
// the mutants of electron/core/backup/ (issue 13).
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core/app';
import {
  backupContents,
  backupDir,
  backupPath,
  checkFile,
  createBackup,
  KEEP_LATEST,
  listBackups,
  parseBackupName,
  protectUnique,
  removePartials,
  rotateBackups,
  selectKept,
  withReadOnly,
  type BackupContents,
  type BackupInfo,
  type BackupReason,
} from '../../../electron/core/backup/backups';
import { restoreBackup, restoreFromFile } from '../../../electron/core/backup/restore';
import { periodicBackupIfDue, PERIODIC_MS, startBackupScheduler, startMaintenance, startupBackupIfDue } from '../../../electron/core/backup/scheduler';
import { MIGRATIONS } from '../../../electron/core/db/migrations';
import { UserError } from '../../../electron/shared/result';
import { tempDir } from '../../helpers/tmp';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const fresh = (): string => {
  const d = tempDir('thuky-backup-m-');
  dirs.push(d);
  return d;
};

/** A real core whose clock is set by the test. */
function coreAt(dir: string, start: Date) {
  let t = start.getTime();
  const core = createCore({ dataDir: dir, mode: 'cli', log: () => undefined, now: () => new Date(t) });
  const call = async (channel: 'meeting.create' | 'meeting.update' | 'meeting.setStatus' | 'meeting.remove', input: object): Promise<{ id: number }> => {
    const r = await core.registry.dispatch(channel, input as never);
    if (!r.ok) throw new Error(r.error.message);
    return r.value as { id: number };
  };
  return { core, call, set: (d: Date) => void (t = d.getTime()), advance: (ms: number) => void (t += ms) };
}

const userError = async (p: Promise<unknown>): Promise<UserError> => {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return e as UserError;
  }
  throw new Error('expected a refusal');
};

const info = (fileName: string, at: Date, reason: BackupReason = 'periodic'): BackupInfo => ({ fileName, at: at.toISOString(), reason, bytes: 1 });

// ---- names ---------------------------------------------------------------------------------

describe('backup names', () => {
  it('are read as local time, with or without milliseconds; anything else is not a backup', () => {
    expect(parseBackupName('thuky-20260105-070809045-manual.sqlite3')).toEqual({ at: new Date(2026, 0, 5, 7, 8, 9, 45), reason: 'manual' });
    expect(parseBackupName('thuky-20261231-235958-before-restore.sqlite3')).toEqual({ at: new Date(2026, 11, 31, 23, 59, 58, 0), reason: 'before-restore' });
    for (const name of [
      'thuky-20260105-070809045-weekly.sqlite3',
      'thuky-20260105-070809045-manual.sqlite3.partial',
      'xthuky-20260105-070809045-manual.sqlite3',
      'thuky-2026015-070809045-manual.sqlite3',
      'thuky-20260105-0708-manual.sqlite3',
      'thuky-20260105-070809045-.sqlite3',
      'thuky-20260105-070809045-Manual.sqlite3',
      'thuky.sqlite3',
    ])
      expect(parseBackupName(name), name).toBeNull();
  });

  it('a backup is named by its local time to the millisecond and its reason, and reports its real size', async () => {
    const dir = fresh();
    const c = coreAt(dir, new Date(2026, 0, 5, 7, 8, 9, 45));
    await c.call('meeting.create', { fields: { title: 'Hội nghị A' } });
    const when = new Date(2026, 0, 5, 7, 8, 9, 45);
    const b = await createBackup(c.core.db, dir, 'manual', when);
    expect(b.fileName).toBe('thuky-20260105-070809045-manual.sqlite3');
    expect(b.at).toBe(when.toISOString());
    expect(b.reason).toBe('manual');
    expect(b.bytes).toBe(statSync(path.join(backupDir(dir), b.fileName)).size);
    expect(b.bytes).toBeGreaterThan(4096);
    const late = await createBackup(c.core.db, dir, 'close', new Date(2026, 10, 28, 23, 59, 1, 7));
    expect(late.fileName).toBe('thuky-20261128-235901007-close.sqlite3');
    expect(checkFile(path.join(backupDir(dir), late.fileName))).toBe('ok');
    c.core.close();
  });
});

// ---- listing and rotation ------------------------------------------------------------------

describe('listing', () => {
  it('only backups, newest first (same time: by name), with their sizes; no folder is no backups', () => {
    const dir = fresh();
    expect(listBackups(dir)).toEqual([]);
    expect(removePartials(dir)).toEqual([]);
    mkdirSync(backupDir(dir));
    const files: Record<string, string> = {
      'thuky-20260105-070809000-manual.sqlite3': 'a',
      'thuky-20260105-070809-periodic.sqlite3': 'bb',
      'thuky-20260106-000000000-start.sqlite3': 'ccc',
      'notes.txt': 'x',
      'thuky-20260107-000000000-start.sqlite3.partial': 'x',
    };
    for (const [n, content] of Object.entries(files)) writeFileSync(path.join(backupDir(dir), n), content);
    expect(listBackups(dir)).toEqual([
      { fileName: 'thuky-20260106-000000000-start.sqlite3', at: new Date(2026, 0, 6).toISOString(), reason: 'start', bytes: 3 },
      { fileName: 'thuky-20260105-070809045-manual.sqlite3'.replace('045', '000'), at: new Date(2026, 0, 5, 7, 8, 9).toISOString(), reason: 'manual', bytes: 1 },
      { fileName: 'thuky-20260105-070809-periodic.sqlite3', at: new Date(2026, 0, 5, 7, 8, 9).toISOString(), reason: 'periodic', bytes: 2 },
    ]);
    // Leftovers of interrupted backups go, other files stay.
    expect(removePartials(dir)).toEqual(['thuky-20260107-000000000-start.sqlite3.partial']);
    expect(readdirSync(backupDir(dir)).sort()).toEqual(Object.keys(files).filter((n) => !n.includes('.partial')).sort());
  });
});

describe('which backups the rotation keeps (pure)', () => {
  const now = new Date(2026, 10, 28, 12, 0, 0);
  const hoursAgo = (h: number) => new Date(now.getTime() - h * 3600_000);

  it('the newest 20 on a single day, whatever their reasons, and nothing else of that day', () => {
    const all = Array.from({ length: 25 }, (_, i) => info(`b${String(i).padStart(2, '0')}`, new Date(now.getTime() - (i + 1) * 60_000), i % 2 ? 'periodic' : 'manual'));
    const kept = selectKept(all, now);
    expect([...kept].sort()).toEqual(all.slice(0, KEEP_LATEST).map((b) => b.fileName));
    expect(KEEP_LATEST).toBe(20);
  });

  it('beyond the newest 20: the newest of each day for 30 days, then nothing', () => {
    // 20 backups this morning, then one backup per day going back 40 days (two on day 3).
    const recent = Array.from({ length: 20 }, (_, i) => info(`recent${String(i).padStart(2, '0')}`, new Date(now.getTime() - (i + 1) * 60_000)));
    const daily = Array.from({ length: 40 }, (_, i) => info(`day${String(i + 1).padStart(2, '0')}`, hoursAgo(24 * (i + 1))));
    const sameDay = info('day03-earlier', new Date(hoursAgo(24 * 3).getTime() - 3600_000));
    const kept = selectKept([...recent, ...daily, sameDay], now);
    expect(kept.has('day03')).toBe(true);
    expect(kept.has('day03-earlier')).toBe(false);
    // 30 days back exactly is still inside; 31 days back is not.
    expect(daily.filter((b) => kept.has(b.fileName)).map((b) => b.fileName)).toEqual(daily.slice(0, 30).map((b) => b.fileName));
    expect(recent.every((b) => kept.has(b.fileName))).toBe(true);
  });

  it('the horizon is exactly 30 days: a backup 30 days and 1 ms old is dropped, one at 30 days kept', () => {
    const filler = Array.from({ length: 20 }, (_, i) => info(`f${String(i).padStart(2, '0')}`, new Date(now.getTime() - (i + 1) * 1000)));
    const edge = info('edge', new Date(now.getTime() - 30 * 24 * 3600_000));
    const past = info('past', new Date(now.getTime() - 30 * 24 * 3600_000 - 1));
    expect(selectKept([...filler, edge], now).has('edge')).toBe(true);
    expect(selectKept([...filler, past], now).has('past')).toBe(false);
  });

  it('copies kept aside before a restore or as damaged are always kept, and do not count among the 20', () => {
    const aside = [info('old-before-restore', hoursAgo(24 * 400), 'before-restore'), info('old-damaged', hoursAgo(24 * 500), 'damaged'), info('new-aside', hoursAgo(0.001), 'before-restore')];
    const recent = Array.from({ length: 21 }, (_, i) => info(`r${String(i).padStart(2, '0')}`, new Date(now.getTime() - (i + 1) * 60_000)));
    const kept = selectKept([...aside, ...recent], now);
    for (const a of aside) expect(kept.has(a.fileName)).toBe(true);
    expect(recent.filter((b) => kept.has(b.fileName))).toHaveLength(20);
    // A copy kept aside is not a day's backup either: the newest ordinary one of that day is kept.
    const day = [info('aside-today', hoursAgo(30), 'damaged'), info('plain-today', hoursAgo(31))];
    expect([...selectKept([...recent, ...day], now)].filter((n) => n.includes('today')).sort()).toEqual(['aside-today', 'plain-today']);
  });

  it('unique contents: an equal version in a newer kept backup covers an older one; order by name on equal times', () => {
    const t = new Date(2026, 10, 28, 8);
    const a = info('a', t);
    const b = info('b', t);
    const old = info('old', new Date(t.getTime() - 60_000));
    const contents: Record<string, BackupContents> = {
      b: new Map([['1|x', '2026-11-28T08:00']]),
      a: new Map([['1|x', '2026-11-28T08:00'], ['2|y', '2026-11-28T07:00']]),
      old: new Map([['1|x', '2026-11-28T08:00']]),
    };
    // b sorts before a (same time, name descending): kept b covers meeting 1 but not meeting 2.
    expect([...protectUnique([old, a, b], new Set(['b']), (x) => contents[x.fileName] ?? null)].sort()).toEqual(['a', 'b']);
    // An empty backup vouches for nothing and needs nothing.
    expect([...protectUnique([info('e', t)], new Set(), () => new Map())]).toEqual([]);
  });

  it('rotation removes exactly what is not kept, and says which', async () => {
    const dir = fresh();
    const c = coreAt(dir, new Date(2026, 10, 28, 8));
    // One meeting, unchanged: every backup holds the same version, so only the policy decides.
    await c.call('meeting.create', { fields: { title: 'Một hội nghị' } });
    const made: string[] = [];
    for (let i = 0; i < 23; i++) made.push((await createBackup(c.core.db, dir, 'periodic', new Date(2026, 10, 28, 8, i))).fileName);
    // createBackup rotates after each backup: the three oldest are gone.
    expect(listBackups(dir).map((b) => b.fileName)).toEqual(made.slice(3).reverse());
    expect(rotateBackups(dir, new Date(2026, 10, 28, 9))).toEqual([]);
    // A day later, the newest of yesterday stays as the day's backup.
    const removed = rotateBackups(dir, new Date(2026, 10, 29, 9));
    expect(removed).toEqual([]);
    c.core.close();
  });
});

describe('what a backup holds', () => {
  it('meeting identity and version; null for a missing or unreadable file; re-read when the file changes', async () => {
    const dir = fresh();
    const c = coreAt(dir, new Date(2026, 10, 28, 8));
    const m = await c.call('meeting.create', { fields: { title: 'A' } });
    const b1 = await createBackup(c.core.db, dir, 'manual', new Date(2026, 10, 28, 8, 1));
    const file = path.join(backupDir(dir), b1.fileName);
    const row = c.core.db.prepare('SELECT created_at AS c, updated_at AS u FROM meetings WHERE id = ?').get(m.id) as { c: string; u: string };
    expect(backupContents(file)).toEqual(new Map([[`${m.id}|${row.c}`, row.u]]));
    expect(backupContents(path.join(dir, 'none.sqlite3'))).toBeNull();
    writeFileSync(path.join(dir, 'text.sqlite3'), 'không phải SQLite, chỉ là chữ '.repeat(200));
    expect(backupContents(path.join(dir, 'text.sqlite3'))).toBeNull();
    // The same path with other contents (another size): read again, not served from the cache.
    c.advance(60_000);
    await c.call('meeting.create', { fields: { title: 'B' } });
    rmSync(file);
    await createBackup(c.core.db, dir, 'manual', new Date(2026, 10, 28, 8, 1));
    expect(backupContents(file)?.size).toBe(2);
    c.core.close();
  });
});

// ---- read-only checks ----------------------------------------------------------------------

describe('checking a file', () => {
  it('"ok", or what SQLite says is wrong; quick_check on request', () => {
    const dir = fresh();
    const good = path.join(dir, 'good.sqlite3');
    const db = new Database(good);
    db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
    db.close();
    expect(checkFile(good)).toBe('ok');
    expect(checkFile(good, 'quick_check')).toBe('ok');
    const text = path.join(dir, 'text.sqlite3');
    writeFileSync(text, 'x'.repeat(5000));
    expect(checkFile(text)).toBe('file is not a database');
    expect(checkFile(path.join(dir, 'missing.sqlite3'))).toMatch(/unable to open|does not exist|directory does not exist/);
  });

  it('leaves no -wal/-shm of its own, but never removes a live writer’s -wal', () => {
    const dir = fresh();
    const file = path.join(dir, 'live.sqlite3');
    const writer = new Database(file);
    writer.pragma('journal_mode = WAL');
    writer.pragma('wal_autocheckpoint = 0');
    writer.exec('CREATE TABLE t (x)');
    for (let i = 0; i < 50; i++) writer.prepare('INSERT INTO t VALUES (?)').run(i);
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(0);
    expect(withReadOnly(file, (db) => (db.prepare('SELECT count(*) AS n FROM t').get() as { n: number }).n)).toBe(50);
    expect(existsSync(`${file}-wal`)).toBe(true);
    expect(existsSync(`${file}-shm`)).toBe(true);
    writer.close();
    // Closed cleanly: the writer removed its side files. A WAL-mode file read alone leaves none.
    expect(existsSync(`${file}-wal`)).toBe(false);
    expect(withReadOnly(file, (db) => db.pragma('journal_mode', { simple: true }))).toBe('wal');
    expect(readdirSync(dir)).toEqual(['live.sqlite3']);
  });
});

// ---- failures ------------------------------------------------------------------------------

describe('a backup that fails', () => {
  it('says so in Vietnamese and leaves no partial file', async () => {
    const dir = fresh();
    const c = coreAt(dir, new Date(2026, 10, 28, 8));
    const db = c.core.db;
    c.core.close();
    const e = await userError(createBackup(db, dir, 'manual', new Date(2026, 10, 28, 9)));
    expect(e.code).toBe('backup_failed');
    expect(e.message).toMatch(/^Chưa tạo được bản sao lưu \(.+\)\. Dữ liệu chính không bị ảnh hưởng\.$/);
    expect(readdirSync(backupDir(dir))).toEqual([]);
  });

  it('a full disk is named as such (SQLite’s and the system’s code alike)', async () => {
    for (const code of ['SQLITE_FULL', 'ENOSPC']) {
      const dir = fresh();
      // The one failure that cannot be produced on this machine's disk: a connection whose backup fails with it.
      const full = { backup: (to: string) => (writeFileSync(to, 'half'), Promise.reject(Object.assign(new Error('database or disk is full'), { code }))) };
      const e = await userError(createBackup(full as unknown as Database.Database, dir, 'periodic', new Date(2026, 10, 28, 9)));
      expect(e.code).toBe('disk_full');
      expect(e.message).toBe('Ổ đĩa đầy nên chưa tạo được bản sao lưu. Dữ liệu chính vẫn an toàn; hãy giải phóng dung lượng.');
      expect(readdirSync(backupDir(dir))).toEqual([]);
    }
  });

  it('two backups at once do not remove each other’s partial copy', async () => {
    const dir = fresh();
    const c = coreAt(dir, new Date(2026, 10, 28, 8));
    const m = await c.call('meeting.create', { fields: { title: 'Lớn' } });
    // Enough pages that the online backup runs in several steps and yields between them.
    const ins = c.core.db.prepare("UPDATE meetings SET purpose = ? WHERE id = ?");
    ins.run('x'.repeat(3_000_000), m.id);
    const [a, b] = await Promise.all([
      createBackup(c.core.db, dir, 'manual', new Date(2026, 10, 28, 8, 1)),
      createBackup(c.core.db, dir, 'periodic', new Date(2026, 10, 28, 8, 2)),
    ]);
    for (const x of [a, b]) expect(checkFile(path.join(backupDir(dir), x.fileName))).toBe('ok');
    c.core.close();
  });
});

describe('a backup name from outside', () => {
  it('must be a backup name inside the folder, and exist', () => {
    const dir = fresh();
    mkdirSync(backupDir(dir));
    const name = 'thuky-20260105-070809045-manual.sqlite3';
    writeFileSync(path.join(backupDir(dir), name), 'x');
    expect(backupPath(dir, name)).toBe(path.join(backupDir(dir), name));
    for (const bad of ['../thuky.sqlite3', `sub/${name}`, 'thuky.sqlite3', `../backups/${name}`]) {
      let e: unknown;
      try {
        backupPath(dir, bad);
      } catch (x) {
        e = x;
      }
      expect(e, bad).toBeInstanceOf(UserError);
      expect((e as UserError).code).toBe('validation');
      expect((e as UserError).message).toBe('Tên bản sao lưu không hợp lệ.');
    }
    let missing: unknown;
    try {
      backupPath(dir, 'thuky-20260105-070809045-periodic.sqlite3');
    } catch (x) {
      missing = x;
    }
    expect((missing as UserError).code).toBe('not_found');
    expect((missing as UserError).message).toBe('Không tìm thấy bản sao lưu này (có thể đã bị xóa khỏi thư mục).');
  });
});

// ---- restore -------------------------------------------------------------------------------

describe('restore', () => {
  it('says which backup, how many meetings (deleted ones not counted) and where the replaced data went', async () => {
    const dir = fresh();
    const c = coreAt(dir, new Date(2026, 2, 4, 9, 5));
    await c.call('meeting.create', { fields: { title: 'Một' } });
    await c.call('meeting.create', { fields: { title: 'Hai' } });
    const gone = await c.call('meeting.create', { fields: { title: 'Đã xóa' } });
    await c.call('meeting.remove', { id: gone.id });
    const b = await createBackup(c.core.db, dir, 'manual', new Date(2026, 2, 4, 9, 5, 7));
    await c.call('meeting.create', { fields: { title: 'Sau bản sao lưu' } });
    c.set(new Date(2026, 2, 4, 10, 0));
    const r = await restoreBackup(c.core.ctx, b.fileName, false, { lock: c.core.lock });
    expect(r.meetings).toBe(2);
    expect(r.integrity).toBe('ok');
    expect(r.keptAside).toBe('thuky-20260304-100000000-before-restore.sqlite3');
    expect(r.message).toBe(`Đã khôi phục bản sao lưu lúc 09:05 ngày 04/03/2026 (2 hội nghị; kiểm tra toàn vẹn: tốt). Dữ liệu trước đó được giữ lại trong bản "${r.keptAside}".`);
    const titles = (c.core.db.prepare('SELECT title FROM meetings WHERE deleted_at IS NULL ORDER BY id').all() as { title: string }[]).map((x) => x.title);
    expect(titles).toEqual(['Một', 'Hai']);
    expect(backupContents(path.join(backupDir(dir), r.keptAside))?.size).toBe(4);
    c.core.close();
  });

  it('from a file that is not a named backup: "tệp <name>"', async () => {
    const dir = fresh();
    const c = coreAt(dir, new Date(2026, 2, 4, 9));
    await c.call('meeting.create', { fields: { title: 'Một' } });
    const b = await createBackup(c.core.db, dir, 'manual', new Date(2026, 2, 4, 9, 1));
    const copy = path.join(dir, 'ban-chep.sqlite3');
    copyFileSync(path.join(backupDir(dir), b.fileName), copy);
    c.set(new Date(2026, 2, 4, 9, 30));
    const r = await restoreFromFile(c.core.ctx, copy, false, { lock: c.core.lock });
    expect(r.message).toMatch(/^Đã khôi phục tệp ban-chep\.sqlite3 \(1 hội nghị; kiểm tra toàn vẹn: tốt\)\. /);
    c.core.close();
  });

  it('over a damaged database: the file and its -wal/-shm are moved aside whole, named by the UTC time', async () => {
    const dir = fresh();
    const c = coreAt(dir, new Date(Date.UTC(2026, 2, 4, 9, 5, 6)));
    await c.call('meeting.create', { fields: { title: 'Một' } });
    const b = await createBackup(c.core.db, dir, 'manual', new Date(2026, 2, 4, 9, 5));
    const dbFile = path.join(dir, 'thuky.sqlite3');
    c.core.db.close();
    writeFileSync(`${dbFile}-wal`, 'wal');
    writeFileSync(`${dbFile}-shm`, 'shm');
    const r = await restoreFromFile(c.core.ctx, path.join(backupDir(dir), b.fileName), true, { lock: c.core.lock });
    expect(r.keptAside).toBe('thuky-20260304-090506-damaged.sqlite3');
    const aside = readdirSync(backupDir(dir)).filter((n) => n.includes('damaged')).sort();
    expect(aside).toEqual([r.keptAside, `${r.keptAside}-shm`, `${r.keptAside}-wal`]);
    expect(r.message.endsWith(`Dữ liệu trước đó được giữ lại trong bản "${r.keptAside}".`)).toBe(true);
    expect(existsSync(`${dbFile}-wal`) && statSync(`${dbFile}-wal`).size > 0).toBe(false);
    expect(r.meetings).toBe(1);
    c.core.close();
  });

  it('refuses a damaged backup, a file that is not this app’s, and one from a newer version, changing nothing', async () => {
    const dir = fresh();
    const c = coreAt(dir, new Date(2026, 2, 4, 9));
    await c.call('meeting.create', { fields: { title: 'Giữ nguyên' } });
    const opts = { lock: c.core.lock };
    const text = path.join(dir, 'hong.sqlite3');
    writeFileSync(text, 'x'.repeat(5000));
    const damaged = await userError(restoreFromFile(c.core.ctx, text, false, opts));
    expect(damaged.code).toBe('backup_bad');
    expect(damaged.message).toBe('Bản sao lưu hong.sqlite3 không đạt kiểm tra (file is not a database). Hãy chọn bản khác.');

    const make = (name: string, version: number, table: string): string => {
      const f = path.join(dir, name);
      const db = new Database(f);
      db.exec(`CREATE TABLE ${table} (id INTEGER PRIMARY KEY)`);
      db.pragma(`user_version = ${version}`);
      db.close();
      return f;
    };
    const notOurs = `Tệp %s không phải dữ liệu của Thư ký Hội nghị. Hãy chọn một bản sao lưu trong thư mục backups.`;
    for (const [name, version, table] of [
      ['v0.sqlite3', 0, 'meetings'],
      ['khac.sqlite3', 1, 'notes'],
    ] as const) {
      const e = await userError(restoreFromFile(c.core.ctx, make(name, version, table), false, opts));
      expect(e.code).toBe('backup_bad');
      expect(e.message).toBe(notOurs.replace('%s', name));
    }
    const newer = await userError(restoreFromFile(c.core.ctx, make('moi.sqlite3', MIGRATIONS.length + 1, 'meetings'), false, opts));
    expect(newer.code).toBe('backup_bad');
    expect(newer.message).toBe('Tệp moi.sqlite3 được tạo bởi phiên bản mới hơn của ứng dụng. Hãy cập nhật ứng dụng rồi khôi phục.');
    // Refused before anything was written: no copy kept aside, the data as it was.
    expect(listBackups(dir).filter((b) => b.reason === 'before-restore')).toHaveLength(0);
    expect((c.core.db.prepare('SELECT title FROM meetings').all() as { title: string }[]).map((x) => x.title)).toEqual(['Giữ nguyên']);
    c.core.close();
  });
});

// ---- periodic and start-up backups ---------------------------------------------------------

describe('periodic backups', () => {
  it('due 10 minutes after the last backup, and only when a live meeting changed since', async () => {
    const dir = fresh();
    const c = coreAt(dir, new Date(2026, 10, 28, 8, 0));
    expect(PERIODIC_MS).toBe(600_000);
    const m = await c.call('meeting.create', { fields: { title: 'Đang họp' } });
    // No backup at all and a changed meeting, but not live: nothing to back up.
    expect(await periodicBackupIfDue(c.core.ctx)).toBe(false);
    expect(listBackups(dir)).toEqual([]);
    // Opening the meeting makes its own backup ("open").
    c.advance(1000);
    await c.call('meeting.setStatus', { id: m.id, status: 'live' });
    expect(listBackups(dir).map((b) => b.reason)).toEqual(['open']);
    // A change 1 ms short of 10 minutes later: not yet; at 10 minutes: due.
    c.advance(PERIODIC_MS - 1);
    await c.call('meeting.update', { id: m.id, patch: { location: 'Hội trường' } });
    expect(await periodicBackupIfDue(c.core.ctx)).toBe(false);
    c.advance(1);
    expect(await periodicBackupIfDue(c.core.ctx)).toBe(true);
    expect(listBackups(dir).map((b) => b.reason)).toEqual(['periodic', 'open']);
    // Nothing changed since: not due however long it has been.
    c.advance(3 * PERIODIC_MS);
    expect(await periodicBackupIfDue(c.core.ctx)).toBe(false);
    // A change to a meeting that is not live does not count either.
    const other = await c.call('meeting.create', { fields: { title: 'Chưa họp' } });
    await c.call('meeting.update', { id: other.id, patch: { location: 'Phòng họp' } });
    expect(await periodicBackupIfDue(c.core.ctx)).toBe(false);
    expect(listBackups(dir)).toHaveLength(2);
    c.core.close();
  });

  it('the scheduler checks on each tick and stops when asked', async () => {
    const dir = fresh();
    const c = coreAt(dir, new Date(2026, 10, 28, 8, 0));
    const m = await c.call('meeting.create', { fields: { title: 'Đang họp' } });
    await c.call('meeting.setStatus', { id: m.id, status: 'live' });
    c.advance(PERIODIC_MS);
    await c.call('meeting.update', { id: m.id, patch: { location: 'Hội trường' } });
    const logged: string[] = [];
    const stop = startBackupScheduler(c.core.ctx, (msg) => logged.push(msg), 5);
    for (let i = 0; i < 400 && listBackups(dir).length < 2; i++) await new Promise((r) => setTimeout(r, 5));
    // Ticks go on; with nothing new, no more backups.
    await new Promise((r) => setTimeout(r, 40));
    expect(listBackups(dir).map((b) => b.reason)).toEqual(['periodic', 'open']);
    stop();
    // After stop, a due backup is not made.
    c.advance(PERIODIC_MS * 2);
    await c.call('meeting.update', { id: m.id, patch: { location: 'Hội trường 2' } });
    await new Promise((r) => setTimeout(r, 60));
    expect(listBackups(dir)).toHaveLength(2);
    expect(logged).toEqual([]);
    c.core.close();
  });

  it('a failed periodic backup is logged, and the next tick tries again', async () => {
    const dir = fresh();
    const c = coreAt(dir, new Date(2026, 10, 28, 8, 0));
    const m = await c.call('meeting.create', { fields: { title: 'Đang họp' } });
    await c.call('meeting.setStatus', { id: m.id, status: 'live' });
    c.advance(PERIODIC_MS);
    await c.call('meeting.update', { id: m.id, patch: { location: 'Hội trường' } });
    // The backup cannot be written: a file stands where the backups folder should be.
    rmSync(backupDir(dir), { recursive: true });
    writeFileSync(backupDir(dir), 'not a folder');
    const logged: string[] = [];
    const stop = startBackupScheduler(c.core.ctx, (msg) => logged.push(msg), 5);
    for (let i = 0; i < 400 && logged.length < 2; i++) await new Promise((r) => setTimeout(r, 5));
    stop();
    expect(logged.slice(0, 2)).toEqual(['periodic backup failed', 'periodic backup failed']);
    c.core.close();
  });

  it('at start-up: one backup when there is data and none from the last 24 hours', async () => {
    const dir = fresh();
    const c = coreAt(dir, new Date(2026, 10, 28, 8, 0));
    // startupBackupIfDue decides when called and resolves once the backup is made (or to null):
    // "no backup" is known by awaiting it, never by waiting a while.
    expect(await startupBackupIfDue(c.core.ctx)).toBeNull();
    expect(listBackups(dir)).toEqual([]);
    await c.call('meeting.create', { fields: { title: 'A' } });
    expect((await startupBackupIfDue(c.core.ctx))?.reason).toBe('start');
    expect(listBackups(dir).map((b) => b.reason)).toEqual(['start']);
    // 24 hours later exactly: still recent enough.
    c.advance(24 * 3600_000);
    expect(await startupBackupIfDue(c.core.ctx)).toBeNull();
    expect(listBackups(dir)).toHaveLength(1);
    c.advance(1);
    expect((await startupBackupIfDue(c.core.ctx))?.reason).toBe('start');
    expect(listBackups(dir).map((b) => b.reason)).toEqual(['start', 'start']);
    // startMaintenance makes the same start-up backup (waited for until it is there).
    c.advance(24 * 3600_000 + 1);
    startMaintenance(c.core.ctx, () => undefined)();
    for (let i = 0; i < 400 && listBackups(dir).length < 3; i++) await new Promise((r) => setTimeout(r, 5));
    expect(listBackups(dir).map((b) => b.reason)).toEqual(['start', 'start', 'start']);
    c.core.close();
  });
});
