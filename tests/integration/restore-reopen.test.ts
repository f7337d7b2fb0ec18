// A restore whose copy is in place but will not open at all, not even without its check (here a
// backup of the previous schema whose migration fails on it): the core must not stay on the
// closed handle, where every call would fail with SQLite's English "connection is not open".
// It answers on an empty database in memory, says the data is damaged, offers the backups, and
// restoring the copy kept aside brings the data back.
import { copyFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/app';
import { backupDir, checkFile, createBackup } from '../../electron/core/backup/backups';
import { restoreFromFile } from '../../electron/core/backup/restore';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { openDatabase } from '../../electron/core/db/open';
import type { ChannelOutput } from '../../electron/shared/contract';
import { tempDir } from '../helpers/tmp';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A file of the schema before the newest, sound and ours, on which the newest migration throws. */
function unmigratable(file: string): void {
  const db = openDatabase(file, { targetVersion: MIGRATIONS.length - 1 });
  db.prepare("INSERT INTO meetings (title, created_at, updated_at) VALUES ('Bản cũ', '2026-01-02T03:04:05.000Z', '2026-01-02T03:04:05.000Z')").run();
  // The newest migration creates this table: finding it already there, it throws.
  const newest = MIGRATIONS[MIGRATIONS.length - 1]!;
  db.exec(`CREATE TABLE ${newestTable(newest.up.toString())} (x)`);
  db.pragma('journal_mode = DELETE');
  db.close();
}

/** The table the newest migration creates, read from its own code so the test follows it. */
function newestTable(code: string): string {
  const m = /CREATE TABLE (\w+)/.exec(code);
  if (!m?.[1]) throw new Error('the newest migration creates no table: choose another way to make it throw');
  return m[1];
}

describe('a restore that leaves nothing that opens', () => {
  it('answers on an empty database, reports the data damaged, and the copy kept aside restores', async () => {
    const dir = tempDir('thuky-restore-reopen-');
    dirs.push(dir);
    const core = createCore({ dataDir: dir, mode: 'cli', log: () => undefined });
    const made = await core.registry.dispatch('meeting.create', { fields: { title: 'Dữ liệu đang dùng' } });
    expect(made.ok).toBe(true);
    // A backup name the screens list, holding a file that passes every check but cannot be migrated.
    const b = await createBackup(core.ctx.db, dir, 'manual', new Date(2026, 10, 28, 9, 1));
    const crafted = path.join(dir, 'crafted.sqlite3');
    unmigratable(crafted);
    copyFileSync(crafted, path.join(backupDir(dir), b.fileName));
    expect(checkFile(path.join(backupDir(dir), b.fileName))).toBe('ok');

    const r = await core.registry.dispatch('backup.restore', { fileName: b.fileName });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('restore_failed');
    expect(r.error.message).toMatch(/^Đã chép bản sao lưu vào nhưng mở lại không được \(.*\)\. Dữ liệu trước đó được giữ lại trong bản "thuky-[^"]+-before-restore\.sqlite3"; Hãy khôi phục bản khác\. Tệp dữ liệu đang có cũng không mở được \(.*\); ứng dụng chuyển sang màn hình khôi phục\.$/);
    // The core still answers, in Vietnamese, and says the data needs restoring.
    expect(core.ctx.db.open).toBe(true);
    const h = await core.registry.dispatch('app.health', {});
    if (!h.ok) throw new Error(h.error.message);
    const health = h.value as ChannelOutput<'app.health'>;
    expect(health.state).toBe('corrupt');
    expect(health.message).toBe(r.error.message);
    const kept = health.backups.find((x) => x.reason === 'before-restore');
    expect(kept).toBeDefined();

    const back = await core.registry.dispatch('backup.restore', { fileName: kept?.fileName ?? '' });
    expect(back.ok).toBe(true);
    const after = await core.registry.dispatch('app.health', {});
    expect(after.ok && (after.value as ChannelOutput<'app.health'>).state).toBe('ok');
    const list = await core.registry.dispatch('meeting.list', {});
    expect(list.ok && (list.value as { title: string }[]).map((m) => m.title)).toEqual(['Dữ liệu đang dùng']);
    core.close();
  });
});

describe('a restore from a database in WAL mode (a path given to thuky restore)', () => {
  it('brings back the commits still in its -wal, not only what the main file holds', async () => {
    const dir = tempDir('thuky-restore-wal-');
    dirs.push(dir);
    // Another laptop's live database, copied with its -wal: the writer stays open and never
    // checkpoints, so the newest meeting exists only in the -wal.
    const src = path.join(dir, 'may-khac', 'thuky.sqlite3');
    const writer = openDatabase(src);
    expect(writer.pragma('journal_mode', { simple: true })).toBe('wal');
    writer.pragma('wal_autocheckpoint = 0');
    writer.prepare("INSERT INTO meetings (title, created_at, updated_at) VALUES ('Chỉ có trong tệp -wal', '2026-11-28T01:02:03.000Z', '2026-11-28T01:02:03.000Z')").run();

    const core = createCore({ dataDir: path.join(dir, 'data'), mode: 'cli', log: () => undefined });
    await core.registry.dispatch('meeting.create', { fields: { title: 'Dữ liệu cũ của máy này' } });
    const r = await restoreFromFile(core.ctx, src, false, { lock: core.lock });
    expect(r.meetings).toBe(1);
    const list = await core.registry.dispatch('meeting.list', {});
    expect(list.ok && (list.value as { title: string }[]).map((m) => m.title)).toEqual(['Chỉ có trong tệp -wal']);
    // The source was only read: its writer still sees its own data, its -wal untouched.
    expect((writer.prepare('SELECT count(*) AS n FROM meetings').get() as { n: number }).n).toBe(1);
    writer.close();
    core.close();
  });
});
