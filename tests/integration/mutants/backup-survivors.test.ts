// The mutants of electron/core/backup/ that the first tests let through (issue 13), each with the
// real thing that tells them apart: a copy that is damaged after it was written, what a failed
// copy leaves beside it, a file left in the middle of a transaction, equal and out-of-order
// versions in the rotation's invariant, a database of schema version 1, a restore whose copy
// fails, and the schedules' clocks (fake interval timers; the backups themselves are real I/O).
import Database from 'better-sqlite3';
import { closeSync, copyFileSync, existsSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, readlinkSync, readSync, rmSync, statSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { createCore } from '../../../electron/core/app';
import { backupContents, backupDir, checkFile, createBackup, listBackups, protectUnique, removePartials, selectKept, withReadOnly, type BackupContents, type BackupInfo } from '../../../electron/core/backup/backups';
import { restoreBackup, restoreFromFile } from '../../../electron/core/backup/restore';
import { PERIODIC_MS, startBackupScheduler, startMaintenance, startupBackupIfDue } from '../../../electron/core/backup/scheduler';
import { MIGRATIONS } from '../../../electron/core/db/migrations';
import { openDatabase } from '../../../electron/core/db/open';
import { UserError } from '../../../electron/shared/result';
import { tempDir } from '../../helpers/tmp';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
afterEach(() => void vi.useRealTimers());
const fresh = (): string => {
  const d = tempDir('thuky-backup-s-');
  dirs.push(d);
  return d;
};

/** A real core whose clock is set by the test, and which counts how often the clock is read. */
function coreAt(dir: string, start: Date) {
  let t = start.getTime();
  let reads = 0;
  const core = createCore({
    dataDir: dir,
    mode: 'cli',
    log: () => undefined,
    now: () => {
      reads++;
      return new Date(t);
    },
  });
  const call = async (channel: 'meeting.create' | 'meeting.update' | 'meeting.setStatus', input: object): Promise<{ id: number }> => {
    const r = await core.registry.dispatch(channel, input as never);
    if (!r.ok) throw new Error(r.error.message);
    return r.value as { id: number };
  };
  return { core, call, advance: (ms: number) => void (t += ms), reads: () => reads };
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

const waitUntil = async (cond: () => boolean): Promise<void> => {
  for (let i = 0; i < 1000 && !cond(); i++) await new Promise((r) => setImmediate(r));
  for (let i = 0; i < 400 && !cond(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(cond()).toBe(true);
};

/**
 * Makes a real SQLite file that opens and reads, and passes quick_check, fail integrity_check:
 * two tables with an index each are added and the indexes' root pages swapped in the schema, so
 * each index holds the other table's rows. An existing file keeps everything else it holds.
 */
function damage(file: string): string {
  const db = new Database(file);
  db.exec('CREATE TABLE a (x); CREATE INDEX ia ON a (x); CREATE TABLE b (y); CREATE INDEX ib ON b (y);');
  for (let i = 0; i < 50; i++) {
    db.prepare('INSERT INTO a VALUES (?)').run(`a${i}`);
    db.prepare('INSERT INTO b VALUES (?)').run(`b${i * 7}`);
  }
  const root = (name: string) => (db.prepare('SELECT rootpage FROM sqlite_master WHERE name = ?').get(name) as { rootpage: number }).rootpage;
  const [ra, rb] = [root('ia'), root('ib')];
  db.unsafeMode(true);
  db.pragma('writable_schema = ON');
  db.prepare("UPDATE sqlite_master SET rootpage = ? WHERE name = 'ia'").run(rb);
  db.prepare("UPDATE sqlite_master SET rootpage = ? WHERE name = 'ib'").run(ra);
  db.close();
  return file;
}

/** A copy of a database taken in the middle of a write transaction: the file and its hot journal. */
function midTransactionCopy(dir: string): string {
  const live = path.join(dir, 'live.sqlite3');
  const db = new Database(live);
  db.pragma('journal_mode = DELETE');
  // A tiny page cache spills changed pages into the file before the commit.
  db.pragma('cache_size = 2');
  db.exec('CREATE TABLE t (x)');
  for (let i = 0; i < 200; i++) db.prepare('INSERT INTO t VALUES (?)').run('x'.repeat(500));
  db.exec('BEGIN');
  db.exec("UPDATE t SET x = 'y' || x");
  const copy = path.join(dir, 'giua-chung.sqlite3');
  copyFileSync(live, copy);
  copyFileSync(`${live}-journal`, `${copy}-journal`);
  db.exec('ROLLBACK');
  db.close();
  return copy;
}

/**
 * Miscounts the fragmented bytes in the header of one table's root page: the file opens, its
 * schema reads and the page itself still reads, but quick_check (and integrity_check) report the
 * count as a row ("… Fragmentation of 0 bytes reported as 3 on page …").
 */
function breakTable(file: string, table: string): void {
  const db = new Database(file, { readonly: true });
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const root = (db.prepare('SELECT rootpage FROM sqlite_master WHERE name = ?').get(table) as { rootpage: number }).rootpage;
  db.close();
  expect(root).toBeGreaterThan(1);
  // Byte 7 of a b-tree page header: the number of fragmented free bytes.
  const at = (root - 1) * pageSize + 7;
  const fd = openSync(file, 'r+');
  try {
    const byte = Buffer.alloc(1);
    readSync(fd, byte, 0, 1, at);
    writeSync(fd, Buffer.from([(byte[0] ?? 0) + 3]), 0, 1, at);
  } finally {
    closeSync(fd);
  }
}

/** The files under `folder`, and the folder itself, that this process holds open (Linux: /proc/self/fd). */
function openFilesUnder(folder: string): string[] {
  const out: string[] = [];
  for (const fd of readdirSync('/proc/self/fd')) {
    let target = '';
    try {
      target = readlinkSync(`/proc/self/fd/${fd}`);
    } catch {
      continue; // the descriptor readdirSync itself used, closed by now
    }
    if (target === folder || target.startsWith(folder + path.sep)) out.push(target);
  }
  return out;
}

const info = (fileName: string, at: Date): BackupInfo => ({ fileName, at: at.toISOString(), reason: 'periodic', bytes: 1 });

describe('a backup whose copy is bad', () => {
  it('is dropped when the copy fails its check after it was written, with SQLite’s verdict in the message', async () => {
    const dir = fresh();
    const bad = damage(path.join(dir, 'hong.sqlite3'));
    expect(checkFile(bad)).toBe('row 1 missing from index ib');
    // The connection's copy step, given: it writes the damaged file where the backup goes.
    const conn = { backup: (to: string) => (copyFileSync(bad, to), Promise.resolve()) };
    const e = await userError(createBackup(conn as unknown as Database.Database, dir, 'manual', new Date(2026, 10, 28, 9)));
    expect(e.code).toBe('backup_failed');
    expect(e.message).toBe('Bản sao lưu vừa tạo không đạt kiểm tra (row 1 missing from index ib); đã bỏ bản này, dữ liệu chính không bị ảnh hưởng.');
    expect(readdirSync(backupDir(dir))).toEqual([]);
    expect(listBackups(dir)).toEqual([]);
  });

  it('a copy that fails half-way leaves neither the partial file nor its -journal, -wal or -shm', async () => {
    const dir = fresh();
    const conn = {
      backup: (to: string) => {
        for (const side of ['', '-journal', '-wal', '-shm']) writeFileSync(to + side, 'half');
        return Promise.reject(Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR' }));
      },
    };
    const e = await userError(createBackup(conn as unknown as Database.Database, dir, 'periodic', new Date(2026, 10, 28, 9)));
    expect(e.code).toBe('backup_failed');
    expect(e.message).toBe('Chưa tạo được bản sao lưu (disk I/O error). Dữ liệu chính không bị ảnh hưởng.');
    expect(readdirSync(backupDir(dir))).toEqual([]);
  });

  it('a copy step that wrote nothing is a failure, not an empty backup', async () => {
    const dir = fresh();
    const conn = { backup: () => Promise.resolve() };
    const e = await userError(createBackup(conn as unknown as Database.Database, dir, 'manual', new Date(2026, 10, 28, 9)));
    expect(e.code).toBe('backup_failed');
    expect(e.message).toMatch(/^Chưa tạo được bản sao lưu \(.+\)\. Dữ liệu chính không bị ảnh hưởng\.$/);
    expect(readdirSync(backupDir(dir))).toEqual([]);
  });

  it('any name holding ".partial" is debris, even one that starts with it', () => {
    const dir = fresh();
    mkdirSync(backupDir(dir));
    for (const n of ['.partial', '.partial-wal', 'thuky-20260105-070809045-manual.sqlite3.partial-journal', 'partial.txt']) writeFileSync(path.join(backupDir(dir), n), 'x');
    expect(removePartials(dir).sort()).toEqual(['.partial', '.partial-wal', 'thuky-20260105-070809045-manual.sqlite3.partial-journal']);
    expect(readdirSync(backupDir(dir))).toEqual(['partial.txt']);
  });
  it('a partial copy of this process is protected only while its backup runs', async () => {
    const dir = fresh();
    const when = new Date(2026, 10, 28, 9);
    const conn = { backup: () => Promise.reject(Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR' })) };
    await userError(createBackup(conn as unknown as Database.Database, dir, 'manual', when));
    // The same name left later by another process (or a crash) is debris like any other.
    const debris = 'thuky-20261128-090000000-manual.sqlite3.partial';
    writeFileSync(path.join(backupDir(dir), debris), 'x');
    expect(removePartials(dir)).toEqual([debris]);
  });

  it('a backup whose copy is still being written keeps its partial copy while another backup runs, and completes', async () => {
    const dir = fresh();
    const c = coreAt(dir, new Date(2026, 10, 28, 8));
    await c.call('meeting.create', { fields: { title: 'Một' } });
    // The first backup's copy step: the real online copy, then held open until the second backup is done.
    let release = (): void => undefined;
    const held = new Promise<void>((r) => (release = r));
    let copied = '';
    const slow = {
      backup: async (to: string) => {
        await c.core.db.backup(to);
        copied = to;
        await held;
      },
    };
    const first = createBackup(slow as unknown as Database.Database, dir, 'manual', new Date(2026, 10, 28, 8, 1));
    await waitUntil(() => copied !== '');
    expect(path.basename(copied)).toBe('thuky-20261128-080100000-manual.sqlite3.partial');
    // Debris of an earlier crash beside it: the second backup clears that, and only that.
    const debris = path.join(backupDir(dir), 'thuky-20261127-080000000-manual.sqlite3.partial');
    writeFileSync(debris, 'x');
    const second = await createBackup(c.core.db, dir, 'periodic', new Date(2026, 10, 28, 8, 2));
    expect(existsSync(debris)).toBe(false);
    expect(existsSync(copied)).toBe(true);
    release();
    const done = await first;
    expect(listBackups(dir).map((b) => b.fileName)).toEqual([second.fileName, done.fileName]);
    for (const b of [done, second]) expect(backupContents(path.join(backupDir(dir), b.fileName))?.size).toBe(1);
    expect(readdirSync(backupDir(dir)).filter((n) => n.includes('.partial'))).toEqual([]);
    c.core.close();
  });

  it('a copy being written keeps the -journal SQLite holds beside it while another backup starts', async () => {
    const dir = fresh();
    const c = coreAt(dir, new Date(2026, 10, 28, 8));
    await c.call('meeting.create', { fields: { title: 'Một' } });
    // The real online copy, one page per step: between two steps the copy's write transaction is
    // open and its -journal is on disk. There, the second backup starts (its clean-up runs at once).
    let second: Promise<BackupInfo> | null = null;
    const seen: { journal: boolean; copy: boolean }[] = [];
    const stepwise = {
      backup: (to: string) =>
        c.core.db.backup(to, {
          progress: () => {
            if (!second && existsSync(`${to}-journal`)) {
              second = createBackup(c.core.db, dir, 'periodic', new Date(2026, 10, 28, 8, 2));
              seen.push({ journal: existsSync(`${to}-journal`), copy: existsSync(to) });
            }
            return 1;
          },
        }),
    };
    const first = await createBackup(stepwise as unknown as Database.Database, dir, 'manual', new Date(2026, 10, 28, 8, 1));
    expect(second).not.toBeNull();
    expect(seen).toEqual([{ journal: true, copy: true }]);
    const other = await (second as unknown as Promise<BackupInfo>);
    for (const b of [first, other]) expect(checkFile(path.join(backupDir(dir), b.fileName))).toBe('ok');
    expect(readdirSync(backupDir(dir)).filter((n) => n.includes('.partial'))).toEqual([]);
    c.core.close();
  });

  it('a backup leaves no file of the backup folder open', async () => {
    const dir = fresh();
    const c = coreAt(dir, new Date(2026, 10, 28, 8));
    await c.call('meeting.create', { fields: { title: 'Một' } });
    const before = openFilesUnder(backupDir(dir));
    expect(before).toEqual([]);
    // Each backup opens its copy to make it self-contained, checks it and lists the folder to rotate.
    await createBackup(c.core.db, dir, 'manual', new Date(2026, 10, 28, 8, 1));
    await createBackup(c.core.db, dir, 'periodic', new Date(2026, 10, 28, 8, 2));
    expect(listBackups(dir)).toHaveLength(2);
    // An open copy would hold a descriptor per backup all day (and, on Windows, block its rotation).
    expect(openFilesUnder(backupDir(dir))).toEqual([]);
    c.core.close();
  });
});

describe('checking a file never changes it', () => {
  it('a copy left in the middle of a transaction is reported, not rolled back, and a restore refuses it', async () => {
    const dir = fresh();
    const copy = midTransactionCopy(dir);
    const before = readFileSync(copy);
    const journal = readFileSync(`${copy}-journal`);
    expect(journal.length).toBeGreaterThan(0);
    // A read-write connection would roll the journal back into the file and call it sound.
    expect(checkFile(copy)).toBe('attempt to write a readonly database');
    expect(readFileSync(copy).equals(before)).toBe(true);
    expect(readFileSync(`${copy}-journal`).equals(journal)).toBe(true);

    const c = coreAt(path.join(dir, 'data'), new Date(2026, 10, 28, 9));
    await c.call('meeting.create', { fields: { title: 'Giữ nguyên' } });
    const e = await userError(restoreFromFile(c.core.ctx, copy, false, { lock: c.core.lock }));
    expect(e.code).toBe('backup_bad');
    expect(e.message).toBe('Bản sao lưu giua-chung.sqlite3 không đạt kiểm tra (attempt to write a readonly database). Hãy chọn bản khác.');
    expect(readFileSync(copy).equals(before)).toBe(true);
    expect(existsSync(`${copy}-journal`)).toBe(true);
    c.core.close();
  });

  it('a -wal that a writer filled while the file was being read stays, with its -shm', () => {
    const dir = fresh();
    const file = path.join(dir, 'wal.sqlite3');
    const setup = new Database(file);
    setup.pragma('journal_mode = WAL');
    setup.exec('CREATE TABLE t (x)');
    setup.close();
    expect(existsSync(`${file}-wal`)).toBe(false);
    let writer: Database.Database | null = null;
    withReadOnly(file, () => {
      writer = new Database(file);
      writer.pragma('wal_autocheckpoint = 0');
      writer.exec('INSERT INTO t VALUES (1)');
    });
    const w = writer as unknown as Database.Database;
    expect(existsSync(`${file}-wal`)).toBe(true);
    expect(existsSync(`${file}-shm`)).toBe(true);
    // A reader that did not share the writer's -wal would not see the row.
    const other = new Database(file, { readonly: true });
    expect((other.prepare('SELECT count(*) AS n FROM t').get() as { n: number }).n).toBe(1);
    other.close();
    // The writer's -wal emptied by a checkpoint, still its own: a read leaves it and its -shm.
    w.pragma('wal_checkpoint(TRUNCATE)');
    expect(statSync(`${file}-wal`).size).toBe(0);
    expect(withReadOnly(file, (db) => (db.prepare('SELECT count(*) AS n FROM t').get() as { n: number }).n)).toBe(1);
    expect(existsSync(`${file}-wal`)).toBe(true);
    expect(existsSync(`${file}-shm`)).toBe(true);
    w.exec('INSERT INTO t VALUES (2)');
    w.close();
  });
});

describe('the rotation’s invariant, version by version', () => {
  const t = new Date(2026, 10, 28, 8);
  const at = (min: number) => new Date(t.getTime() - min * 60_000);

  it('the policy does not depend on the order the backups are given in', () => {
    // 20 this morning, then one a day: given oldest first, the same ones are kept.
    const recent = Array.from({ length: 22 }, (_, i) => info(`r${String(i).padStart(2, '0')}`, at(i + 1)));
    const daily = Array.from({ length: 3 }, (_, i) => info(`d${i}`, new Date(t.getTime() - (i + 1) * 24 * 3600_000)));
    const all = [...recent, ...daily];
    const expected = [...recent.slice(0, 20), ...daily].map((b) => b.fileName).sort();
    expect([...selectKept(all, t)].sort()).toEqual(expected);
    expect([...selectKept([...all].reverse(), t)].sort()).toEqual(expected);
  });

  it('an older version in a kept backup does not lower what newer kept backups already hold', () => {
    // Newest first: N (kept) holds version 3, M (kept) version 1, O (not kept) version 2.
    const n = info('n', at(1));
    const m = info('m', at(2));
    const o = info('o', at(3));
    const contents: Record<string, BackupContents> = { n: new Map([['1|x', 'v3']]), m: new Map([['1|x', 'v1']]), o: new Map([['1|x', 'v2']]) };
    const kept = protectUnique([o, m, n], new Set(['n', 'm']), (b) => contents[b.fileName] ?? null);
    // Version 2 is older than the version 3 that n holds: o holds nothing of its own.
    expect([...kept].sort()).toEqual(['m', 'n']);
  });

  it('a newer version in an older kept backup (after a restore) raises what is covered', () => {
    // Newest first: N (kept) holds version 1, M (kept) version 3, O (not kept) version 2.
    const n = info('n', at(1));
    const m = info('m', at(2));
    const o = info('o', at(3));
    const contents: Record<string, BackupContents> = { n: new Map([['1|x', 'v1']]), m: new Map([['1|x', 'v3']]), o: new Map([['1|x', 'v2']]) };
    const kept = protectUnique([o, m, n], new Set(['n', 'm']), (b) => contents[b.fileName] ?? null);
    // m, kept, holds version 3: o's version 2 is not the newest anywhere, so o goes.
    expect([...kept].sort()).toEqual(['m', 'n']);
    // Without m, o's version 2 is newer than anything kept: o stays.
    expect([...protectUnique([o, n], new Set(['n']), (b) => contents[b.fileName] ?? null)].sort()).toEqual(['n', 'o']);
  });
});

describe('restore', () => {
  it('takes a database of schema version 1 (the first release) and brings it up to date', async () => {
    const dir = fresh();
    const old = path.join(dir, 'ban-cu.sqlite3');
    const v1 = openDatabase(old, { targetVersion: 1 });
    v1.prepare("INSERT INTO meetings (title, created_at, updated_at) VALUES ('Hội nghị năm cũ', '2020-01-02T03:04:05.000Z', '2020-01-02T03:04:05.000Z')").run();
    v1.pragma('journal_mode = DELETE');
    v1.close();
    expect(withVersion(old)).toBe(1);
    const c = coreAt(path.join(dir, 'data'), new Date(2026, 10, 28, 9));
    await c.call('meeting.create', { fields: { title: 'Hiện tại' } });
    const r = await restoreFromFile(c.core.ctx, old, false, { lock: c.core.lock });
    expect(r.meetings).toBe(1);
    expect(r.message).toBe(`Đã khôi phục tệp ban-cu.sqlite3 (1 hội nghị; kiểm tra toàn vẹn: tốt). Dữ liệu trước đó được giữ lại trong bản "${r.keptAside}".`);
    expect(c.core.ctx.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect((c.core.ctx.db.prepare('SELECT title FROM meetings').all() as { title: string }[]).map((x) => x.title)).toEqual(['Hội nghị năm cũ']);
    c.core.close();
  });

  it('a copy that cannot be put in place says why and where the data went, and the old data stays open', async () => {
    const dir = fresh();
    const c = coreAt(dir, new Date(2026, 10, 28, 9));
    await c.call('meeting.create', { fields: { title: 'Giữ nguyên' } });
    const b = await createBackup(c.core.db, dir, 'manual', new Date(2026, 10, 28, 9, 1));
    // Where the copy goes, a link to a folder that does not exist: the copy fails.
    const dbFile = path.join(dir, 'thuky.sqlite3');
    symlinkSync(path.join(dir, 'khong-co', 'thuky.sqlite3'), `${dbFile}.restoring`);
    const e = await userError(restoreFromFile(c.core.ctx, path.join(backupDir(dir), b.fileName), false, { lock: c.core.lock }));
    expect(e.code).toBe('restore_failed');
    const kept = listBackups(dir).find((x) => x.reason === 'before-restore');
    expect(kept).toBeDefined();
    expect(e.message).toMatch(new RegExp(`^Chưa khôi phục được \\(ENOENT: no such file or directory, copyfile .*\\)\\. Dữ liệu trước đó được giữ lại trong bản "${kept?.fileName.replace(/\./g, '\\.')}"\\.$`));
    // The half-done copy is gone and the core answers from the file that was there.
    expect(() => lstatSync(`${dbFile}.restoring`)).toThrow(/ENOENT/);
    expect((c.core.ctx.db.prepare('SELECT title FROM meetings').all() as { title: string }[]).map((x) => x.title)).toEqual(['Giữ nguyên']);
    c.core.close();
  });

  it('a file that changed after its check and fails integrity_check once in place is reported, the old data named', async () => {
    const dir = fresh();
    const c = coreAt(dir, new Date(2026, 10, 28, 9));
    await c.call('meeting.create', { fields: { title: 'Một' } });
    const b = await createBackup(c.core.db, dir, 'manual', new Date(2026, 10, 28, 9, 1));
    const src = path.join(dir, 'usb.sqlite3');
    copyFileSync(path.join(backupDir(dir), b.fileName), src);
    // The same backup, damaged in a way only the full integrity_check sees (quick_check passes).
    const damaged = path.join(dir, 'usb-hong.sqlite3');
    copyFileSync(src, damaged);
    damage(damaged);
    expect(checkFile(damaged, 'quick_check')).toBe('ok');
    const verdict = checkFile(damaged);
    expect(verdict).toMatch(/^row 1 missing from index i[ab]$/);
    // The file is checked sound, then changes (a removable drive, another program) while the
    // current data is being backed up, before it is copied in.
    const restoring = restoreFromFile(c.core.ctx, src, false, { lock: c.core.lock });
    copyFileSync(damaged, src);
    const e = await userError(restoring);
    const kept = listBackups(dir).find((x) => x.reason === 'before-restore');
    expect(kept).toBeDefined();
    expect(e.code).toBe('restore_failed');
    expect(e.message).toBe(`Đã chép bản sao lưu vào nhưng kiểm tra toàn vẹn báo lỗi (${verdict}). Dữ liệu trước đó được giữ lại trong bản "${kept?.fileName}"; hãy khôi phục bản khác.`);
    c.core.close();
  });

  it('a copy damaged so that it fails quick_check is refused on reopening, and the folder stays usable', async () => {
    const dir = fresh();
    const c = coreAt(dir, new Date(2026, 10, 28, 9));
    await c.call('meeting.create', { fields: { title: 'Một' } });
    await c.call('meeting.create', { fields: { title: 'Hai' } });
    const b = await createBackup(c.core.db, dir, 'manual', new Date(2026, 10, 28, 9, 1));
    const src = path.join(dir, 'usb.sqlite3');
    copyFileSync(path.join(backupDir(dir), b.fileName), src);
    // The same backup with a page header of the meetings table miscounted: it opens and its schema
    // reads, and the start-up check (quick_check) sees the page.
    const damaged = path.join(dir, 'usb-hong.sqlite3');
    copyFileSync(src, damaged);
    breakTable(damaged, 'meetings');
    const verdict = checkFile(damaged, 'quick_check');
    expect(verdict).toMatch(/^\*\*\* in database main \*\*\*\nFragmentation of 0 bytes reported as 3 on page \d+$/);
    expect(withVersion(damaged)).toBe(MIGRATIONS.length);
    // Checked sound, then changed while the current data is being backed up, before the copy.
    const restoring = restoreFromFile(c.core.ctx, src, false, { lock: c.core.lock });
    copyFileSync(damaged, src);
    const e = await userError(restoring);
    const kept = listBackups(dir).find((x) => x.reason === 'before-restore');
    expect(kept).toBeDefined();
    const dbFile = path.join(dir, 'thuky.sqlite3');
    // Refused by the reopening's own check, with SQLite's verdict, before anything else reads it.
    expect(e.code).toBe('restore_failed');
    expect(e.message).toBe(
      `Đã chép bản sao lưu vào nhưng mở lại không được (Tệp dữ liệu ${dbFile} bị hỏng (${verdict}). Tệp được giữ nguyên, không bị xóa; hãy khôi phục bản sao lưu gần nhất hoặc mở ở chế độ chỉ đọc.). Dữ liệu trước đó được giữ lại trong bản "${kept?.fileName}"; Hãy khôi phục bản khác.`,
    );
    // The core is on an open handle (not the closed one), and the copy kept aside brings the data back.
    expect(c.core.ctx.db.open).toBe(true);
    expect(c.core.ctx.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    const r = await restoreBackup(c.core.ctx, kept?.fileName ?? '', true, { lock: c.core.lock });
    expect(r.meetings).toBe(2);
    expect(checkFile(dbFile)).toBe('ok');
    expect((c.core.ctx.db.prepare('SELECT title FROM meetings ORDER BY id').all() as { title: string }[]).map((x) => x.title)).toEqual(['Một', 'Hai']);
    // The refused copy is kept aside whole, as damaged, not deleted.
    expect(checkFile(path.join(backupDir(dir), r.keptAside), 'quick_check')).toBe(verdict);
    c.core.close();
  });

  it('over a damaged file left mid-transaction: its hot journal is not replayed into the restored file', async () => {
    const dir = fresh();
    const c = coreAt(path.join(dir, 'data'), new Date(2026, 10, 28, 9));
    await c.call('meeting.create', { fields: { title: 'Một' } });
    await c.call('meeting.create', { fields: { title: 'Hai' } });
    const b = await createBackup(c.core.db, c.core.ctx.dataDir, 'manual', new Date(2026, 10, 28, 9, 1));
    const dbFile = path.join(c.core.ctx.dataDir, 'thuky.sqlite3');
    c.core.db.close();
    // The database is now another file caught in the middle of a write, with its hot journal.
    const other = midTransactionCopy(dir);
    copyFileSync(other, dbFile);
    copyFileSync(`${other}-journal`, `${dbFile}-journal`);
    const journalBytes = readFileSync(`${other}-journal`);
    const r = await restoreFromFile(c.core.ctx, path.join(backupDir(c.core.ctx.dataDir), b.fileName), true, { lock: c.core.lock });
    expect(r.meetings).toBe(2);
    expect(existsSync(`${dbFile}-journal`)).toBe(false);
    // Kept aside with the damaged file, whole: it holds what makes that file consistent again.
    expect(readFileSync(path.join(backupDir(c.core.ctx.dataDir), `${r.keptAside}-journal`)).equals(journalBytes)).toBe(true);
    expect(checkFile(dbFile)).toBe('ok');
    expect((c.core.ctx.db.prepare('SELECT title FROM meetings ORDER BY id').all() as { title: string }[]).map((x) => x.title)).toEqual(['Một', 'Hai']);
    c.core.close();
  });

  it('a backup file removed between its check and the copy: the failure is named, nothing is left half-done', async () => {
    const dir = fresh();
    const c = coreAt(dir, new Date(2026, 10, 28, 9));
    await c.call('meeting.create', { fields: { title: 'Giữ nguyên' } });
    const b = await createBackup(c.core.db, dir, 'manual', new Date(2026, 10, 28, 9, 1));
    const src = path.join(dir, 'usb.sqlite3');
    copyFileSync(path.join(backupDir(dir), b.fileName), src);
    const restoring = restoreFromFile(c.core.ctx, src, false, { lock: c.core.lock });
    // Checked, then gone (the drive pulled out) while the current data is being backed up.
    rmSync(src);
    const e = await userError(restoring);
    const kept = listBackups(dir).find((x) => x.reason === 'before-restore');
    expect(e.code).toBe('restore_failed');
    expect(e.message).toBe(`Chưa khôi phục được (ENOENT: no such file or directory, copyfile '${src}' -> '${path.join(dir, 'thuky.sqlite3')}.restoring'). Dữ liệu trước đó được giữ lại trong bản "${kept?.fileName}".`);
    expect(readdirSync(dir).filter((n) => n.includes('restoring'))).toEqual([]);
    expect((c.core.ctx.db.prepare('SELECT title FROM meetings').all() as { title: string }[]).map((x) => x.title)).toEqual(['Giữ nguyên']);
    c.core.close();
  });

  it('over a database still open, as damaged: it is closed first, so it is kept aside as one whole file', async () => {
    const dir = fresh();
    const c = coreAt(dir, new Date(Date.UTC(2026, 10, 28, 9)));
    await c.call('meeting.create', { fields: { title: 'Một' } });
    const b = await createBackup(c.core.db, dir, 'manual', new Date(2026, 10, 28, 9, 1));
    await c.call('meeting.create', { fields: { title: 'Sau' } });
    expect(existsSync(path.join(dir, 'thuky.sqlite3-wal'))).toBe(true);
    const r = await restoreFromFile(c.core.ctx, path.join(backupDir(dir), b.fileName), true, { lock: c.core.lock });
    // Closing checkpointed its -wal into it: nothing else to move aside, and nothing lost.
    expect(readdirSync(backupDir(dir)).filter((n) => n.includes('damaged'))).toEqual([r.keptAside]);
    expect(backupContents(path.join(backupDir(dir), r.keptAside))?.size).toBe(2);
    expect(r.meetings).toBe(1);
    c.core.close();
  });

  it('a restore leaves nothing of the data folder open but the database, and not the folder itself', async () => {
    const dir = fresh();
    const c = coreAt(dir, new Date(2026, 10, 28, 9));
    await c.call('meeting.create', { fields: { title: 'Một' } });
    const b = await createBackup(c.core.db, dir, 'manual', new Date(2026, 10, 28, 9, 1));
    const r = await restoreFromFile(c.core.ctx, path.join(backupDir(dir), b.fileName), false, { lock: c.core.lock });
    expect(r.meetings).toBe(1);
    // The copy is opened to be flushed to disk, and so is the folder to make the rename durable:
    // both are closed again. Once the core is closed, nothing of the folder stays open.
    c.core.close();
    expect(openFilesUnder(dir)).toEqual([]);
  });

  it('a failed copy over a missing database names no copy kept aside', async () => {
    const dir = fresh();
    const c = coreAt(dir, new Date(2026, 10, 28, 9));
    await c.call('meeting.create', { fields: { title: 'Một' } });
    const b = await createBackup(c.core.db, dir, 'manual', new Date(2026, 10, 28, 9, 1));
    const dbFile = path.join(dir, 'thuky.sqlite3');
    c.core.db.close();
    rmSync(dbFile);
    symlinkSync(path.join(dir, 'khong-co', 'thuky.sqlite3'), `${dbFile}.restoring`);
    const e = await userError(restoreFromFile(c.core.ctx, path.join(backupDir(dir), b.fileName), true, { lock: c.core.lock }));
    expect(e.code).toBe('restore_failed');
    expect(e.message).toMatch(/^Chưa khôi phục được \(ENOENT: no such file or directory, copyfile .*\)\.$/);
    expect(listBackups(dir).map((x) => x.reason)).toEqual(['manual']);
    c.core.close();
  });
});

function withVersion(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } finally {
    db.close();
  }
}

describe('the schedules', () => {
  /** A live meeting changed 10 minutes after its "open" backup: a periodic backup is due. */
  async function due(dir: string) {
    const c = coreAt(dir, new Date(2026, 10, 28, 8, 0));
    const m = await c.call('meeting.create', { fields: { title: 'Đang họp' } });
    await c.call('meeting.setStatus', { id: m.id, status: 'live' });
    c.advance(PERIODIC_MS);
    await c.call('meeting.update', { id: m.id, patch: { location: 'Hội trường' } });
    return c;
  }

  it('checks once a minute by default, one backup at a time, and not after stop', async () => {
    const c = await due(fresh());
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const logged: string[] = [];
    const stop = startBackupScheduler(c.core.ctx, (msg) => logged.push(msg));
    // periodicBackupIfDue reads the clock first, synchronously: each read is one check.
    const r0 = c.reads();
    vi.advanceTimersByTime(59_999);
    expect(c.reads()).toBe(r0);
    vi.advanceTimersByTime(1);
    expect(c.reads()).toBeGreaterThan(r0);
    // The backup is under way: the next minute's tick does not start another check.
    const r1 = c.reads();
    vi.advanceTimersByTime(60_000);
    expect(c.reads()).toBe(r1);
    await waitUntil(() => listBackups(c.core.ctx.dataDir).length === 2);
    // The backup's promise settles in the same turn as its file appears; one more turn for `finally`.
    await new Promise((r) => setImmediate(r));
    expect(listBackups(c.core.ctx.dataDir).map((b) => b.reason)).toEqual(['periodic', 'open']);
    // Done: the next tick checks again.
    const r2 = c.reads();
    vi.advanceTimersByTime(60_000);
    expect(c.reads()).toBeGreaterThan(r2);
    stop();
    const r3 = c.reads();
    vi.advanceTimersByTime(10 * 60_000);
    expect(c.reads()).toBe(r3);
    expect(logged).toEqual([]);
    c.core.close();
  });

  it('start-up: nothing without data, one backup with data, none again within 24 hours, one after', async () => {
    const dir = fresh();
    const c = coreAt(dir, new Date(2026, 10, 28, 8, 0));
    expect(await startupBackupIfDue(c.core.ctx)).toBeNull();
    expect(listBackups(dir)).toEqual([]);
    await c.call('meeting.create', { fields: { title: 'A' } });
    const first = await startupBackupIfDue(c.core.ctx);
    expect(first?.reason).toBe('start');
    expect(listBackups(dir).map((b) => b.fileName)).toEqual([first?.fileName]);
    c.advance(24 * 3600_000);
    expect(await startupBackupIfDue(c.core.ctx)).toBeNull();
    expect(listBackups(dir)).toHaveLength(1);
    c.advance(1);
    const second = await startupBackupIfDue(c.core.ctx);
    expect(second?.at).toBe(new Date(2026, 10, 29, 8, 0, 0, 1).toISOString());
    expect(listBackups(dir).map((b) => b.reason)).toEqual(['start', 'start']);
    c.core.close();
  });

  it('startMaintenance makes the start-up backup, then the periodic one a minute after it is due, and logs a failure', async () => {
    const dir = fresh();
    const c = coreAt(dir, new Date(2026, 10, 28, 8, 0));
    const m = await c.call('meeting.create', { fields: { title: 'A' } });
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const stop = startMaintenance(c.core.ctx, () => undefined);
    await waitUntil(() => listBackups(dir).length === 1);
    expect(listBackups(dir).map((b) => b.reason)).toEqual(['start']);
    c.advance(1000);
    await c.call('meeting.setStatus', { id: m.id, status: 'live' });
    c.advance(PERIODIC_MS);
    await c.call('meeting.update', { id: m.id, patch: { location: 'Hội trường' } });
    vi.advanceTimersByTime(60_000);
    await waitUntil(() => listBackups(dir).length === 3);
    expect(listBackups(dir).map((b) => b.reason)).toEqual(['periodic', 'open', 'start']);
    stop();
    // Stopped: no schedule reads the clock again, even with a backup due.
    c.advance(PERIODIC_MS);
    await c.call('meeting.update', { id: m.id, patch: { location: 'Hội trường 2' } });
    const r1 = c.reads();
    vi.advanceTimersByTime(10 * 60_000);
    expect(c.reads()).toBe(r1);

    // A start-up backup that cannot be written is logged, and start-up goes on.
    const dir2 = fresh();
    const d = coreAt(dir2, new Date(2026, 10, 28, 8, 0));
    await d.call('meeting.create', { fields: { title: 'B' } });
    rmSync(backupDir(dir2), { recursive: true, force: true });
    writeFileSync(backupDir(dir2), 'không phải thư mục');
    const logged: string[] = [];
    const stop2 = startMaintenance(d.core.ctx, (msg) => logged.push(msg));
    await waitUntil(() => logged.length > 0);
    expect(logged).toEqual(['start-up backup failed']);
    stop2();
    c.core.close();
    d.core.close();
  });
});
