import { closeSync, copyFileSync, existsSync, fsyncSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import BetterSqlite from 'better-sqlite3';
import path from 'node:path';
import { UserError } from '../../shared/result';
import type { CoreContext } from '../context';
import { dbPathFor, nativeOptions, openDatabase, type OpenOptions } from '../db/open';
import { placeholderDb } from '../health';
import type { DataLock } from '../lock';
import { MIGRATIONS } from '../db/migrations';
import { backupDir, backupPath, checkFile, createBackup, makeSelfContained, parseBackupName, withReadOnly } from './backups';

function stampNow(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

export type RestoreOutcome = { keptAside: string; message: string; meetings: number; integrity: 'ok' };

export type RestoreOptions = {
  /** The data folder's writer lock; a restore without it is refused. */
  lock: DataLock | null;
  /** How to reopen the database (the native module in Electron). */
  db?: OpenOptions;
};

function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes a rename durable. Windows cannot open a folder for fsync; NTFS journals the rename itself. */
function fsyncDir(dir: string): void {
  let fd: number;
  try {
    fd = openSync(dir, 'r');
  } catch {
    return;
  }
  try {
    fsyncSync(fd);
  } catch {
    // EISDIR/EPERM/EINVAL on platforms without directory fsync: nothing more can be done.
  } finally {
    closeSync(fd);
  }
}

/** -wal/-shm left by the file being replaced: SQLite would replay that -wal into the new file. */
function removeSideFiles(dbFile: string): void {
  for (const s of ['-wal', '-shm', '-journal']) rmSync(dbFile + s, { force: true });
}

function formatAt(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getHours())}:${p(d.getMinutes())} ngày ${p(d.getDate())}/${p(d.getMonth() + 1)}/${d.getFullYear()}`;
}

/** A sound SQLite file is not enough: it must be this app's data, from this version or an older one. */
function assertOurs(src: string, label: string): void {
  const { version, tables } = withReadOnly(src, (db) => ({
    version: db.pragma('user_version', { simple: true }) as number,
    tables: (db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'meetings'").get() as { n: number }).n,
  }));
  if (version < 1 || tables !== 1) throw new UserError('backup_bad', `Tệp ${label} không phải dữ liệu của Thư ký Hội nghị. Hãy chọn một bản sao lưu trong thư mục backups.`);
  if (version > MIGRATIONS.length) throw new UserError('backup_bad', `Tệp ${label} được tạo bởi phiên bản mới hơn của ứng dụng. Hãy cập nhật ứng dụng rồi khôi phục.`);
}

/**
 * After a restore that failed, the core answers again on whatever file is in place. If even that
 * will not open (a migration that throws on it, say), on an empty database in memory, never on
 * the closed handle: the backup handler then reports the data as damaged, so the recovery screen
 * offers the backups again. Returns what to add to the message ('' when the file opened).
 */
function reopenWhatIsThere(ctx: CoreContext, dbFile: string, opts: RestoreOptions): string {
  try {
    ctx.db = openDatabase(dbFile, opts.db);
    return '';
  } catch (e) {
    ctx.db = placeholderDb(opts.db?.nativeBinding);
    return ` Tệp dữ liệu đang có cũng không mở được (${(e as Error).message}); ứng dụng chuyển sang màn hình khôi phục.`;
  }
}

/**
 * The file to restore, copied beside the target. A database in WAL mode (a path given to
 * `thuky restore` may be another laptop's live database) keeps its newest commits in the -wal
 * beside it, which the checks above read but a copy of the main file alone would leave behind:
 * then SQLite's own backup copies what a reader sees, made self-contained like the app's backups.
 */
async function copyIn(src: string, incoming: string): Promise<void> {
  const wal = `${src}-wal`;
  if (!existsSync(wal) || statSync(wal).size === 0) return copyFileSync(src, incoming);
  const db = new BetterSqlite(src, { readonly: true, fileMustExist: true, ...nativeOptions() });
  try {
    await db.backup(incoming);
  } finally {
    db.close();
  }
  makeSelfContained(incoming);
}

/** A backup file name from the backups folder (the app's screens). */
export async function restoreBackup(ctx: CoreContext, fileName: string, damaged: boolean, opts: RestoreOptions): Promise<RestoreOutcome> {
  return restoreFromFile(ctx, backupPath(ctx.dataDir, fileName), damaged, opts);
}

/**
 * Puts a verified backup in place of the current database, only under the data folder's lock.
 * The current file is never deleted or overwritten: a healthy one is first backed up
 * ("before-restore"), a damaged one is moved aside whole (with its -wal and -shm) as "damaged".
 * Then: close, copy in beside the target, fsync the copy, remove the old -wal/-shm, rename,
 * fsync the folder, reopen, integrity_check, and say what was restored.
 */
export async function restoreFromFile(ctx: CoreContext, src: string, damaged: boolean, opts: RestoreOptions): Promise<RestoreOutcome> {
  if (!opts.lock?.held())
    throw new UserError('locked', 'Chương trình này đang mở dữ liệu ở chế độ chỉ đọc (một chương trình khác đang ghi), nên không được khôi phục. Hãy khôi phục từ chương trình đang ghi, hoặc đóng nó rồi thử lại.');
  const label = path.basename(src);
  const verdict = checkFile(src);
  if (verdict !== 'ok') throw new UserError('backup_bad', `Bản sao lưu ${label} không đạt kiểm tra (${verdict}). Hãy chọn bản khác.`);
  assertOurs(src, label);
  const dbFile = dbPathFor(ctx.dataDir);
  let keptAside: string;
  if (!damaged) {
    keptAside = (await createBackup(ctx.db, ctx.dataDir, 'before-restore', ctx.now())).fileName;
    ctx.db.close();
  } else {
    try {
      ctx.db.close();
    } catch {
      // A damaged or placeholder handle may already be unusable; the files are what matter.
    }
    const aside = `thuky-${stampNow(ctx.now())}-damaged.sqlite3`;
    // A missing database leaves nothing to keep aside (only stray side files, kept all the same).
    keptAside = existsSync(dbFile) ? aside : '';
    // The rollback journal too: a hot -journal holds what makes the damaged file consistent again.
    for (const suffix of ['', '-wal', '-shm', '-journal'])
      if (existsSync(dbFile + suffix)) renameSync(dbFile + suffix, path.join(backupDir(ctx.dataDir), aside + suffix));
  }
  const incoming = `${dbFile}.restoring`;
  try {
    await copyIn(src, incoming);
    fsyncFile(incoming);
    removeSideFiles(dbFile);
    renameSync(incoming, dbFile);
    // Again after the rename: a reader elsewhere may have recreated them in between.
    removeSideFiles(dbFile);
    fsyncDir(ctx.dataDir);
  } catch (e) {
    rmSync(incoming, { force: true });
    // Whatever is in place now (the old file, or nothing) is reopened so the core keeps answering.
    const also = reopenWhatIsThere(ctx, dbFile, opts);
    throw new UserError('restore_failed', `Chưa khôi phục được (${(e as Error).message}).${keptAside ? ` Dữ liệu trước đó được giữ lại trong bản "${keptAside}".` : ''}${also}`);
  }
  let db: ReturnType<typeof openDatabase>;
  try {
    db = openDatabase(dbFile, { ...opts.db, check: true });
  } catch (e) {
    // The copy of a verified backup failed its check on reopening (the disk): the core must not
    // stay on the closed handle. It answers again on whatever is in place (its health check then
    // says what is wrong) and the secretary is told which copy still holds the earlier data.
    const also = reopenWhatIsThere(ctx, dbFile, opts);
    throw new UserError('restore_failed', `Đã chép bản sao lưu vào nhưng mở lại không được (${(e as Error).message}).${keptAside ? ` Dữ liệu trước đó được giữ lại trong bản "${keptAside}";` : ''} Hãy khôi phục bản khác.${also}`);
  }
  ctx.db = db;
  const integrity = Object.values((db.pragma('integrity_check') as Record<string, string>[])[0] ?? {})[0];
  if (integrity !== 'ok')
    throw new UserError('restore_failed', `Đã chép bản sao lưu vào nhưng kiểm tra toàn vẹn báo lỗi (${integrity}). Dữ liệu trước đó được giữ lại trong bản "${keptAside}"; hãy khôi phục bản khác.`);
  const meetings = (db.prepare('SELECT count(*) AS n FROM meetings WHERE deleted_at IS NULL').get() as { n: number }).n;
  const parsed = parseBackupName(label);
  const when = parsed ? `bản sao lưu lúc ${formatAt(parsed.at)}` : `tệp ${label}`;
  const before = keptAside ? `Dữ liệu trước đó được giữ lại trong bản "${keptAside}".` : 'Trước đó không có tệp dữ liệu nào.';
  const message = `Đã khôi phục ${when} (${meetings} hội nghị; kiểm tra toàn vẹn: tốt). ${before}`;
  return { keptAside, message, meetings, integrity: 'ok' };
}
