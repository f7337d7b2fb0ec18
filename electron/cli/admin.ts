// The CLI's side of the data-folder lock and of backups, for the office's admin and for scripts:
//   thuky backup                 a verified backup now (needs the writer lock)
//   thuky backups [--json]       the backups, newest first (works while another program writes)
//   thuky restore FILE           a backup name from backups/ or a path (needs the writer lock)
// Also how every CLI command opens the core (read-only commands fall back to a read-only
// connection while another program holds the lock; a damaged database is an error, never a
// silent in-memory one), and how input files are read (no hang on a FIFO or /dev/zero).
import { closeSync, constants, existsSync, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createCore, type Core } from '../core/app';
import { nativeOptions } from '../core/db/open';
import { backupDir, createBackup, listBackups, parseBackupName, type BackupInfo } from '../core/backup/backups';
import { restoreFromFile } from '../core/backup/restore';
import { UserError } from '../shared/result';
import { READ_ONLY_CLI_COMMANDS } from '../core/lock';

/** Commands that never write: they still run, read-only, while another program holds the lock. */
export const READ_ONLY_COMMANDS: ReadonlySet<string> = new Set(READ_ONLY_CLI_COMMANDS);
/** Commands that make sense on a damaged or missing database (they are how one recovers). */
const RECOVERY_COMMANDS: ReadonlySet<string> = new Set(['backups', 'restore']);
export const ADMIN_COMMANDS: ReadonlySet<string> = new Set(['backup', 'backups', 'restore']);

export const ADMIN_USAGE = `  backup                        tạo ngay một bản sao lưu đã kiểm tra
  backups                       liệt kê các bản sao lưu (mới nhất trước)
  restore TỆP                   khôi phục một bản sao lưu (tên trong thư mục backups hoặc đường dẫn)`;

/**
 * Opens the core the way `command` needs it. Writers take the data folder's lock (a second
 * writer is refused with the holder's name); read-only commands take it when it is free and
 * otherwise read through a read-only connection, which can never write into a file another
 * program may be restoring.
 */
export function openCliCore(dataDir: string, command: string): Core {
  let core: Core;
  try {
    core = createCore({ dataDir, mode: 'cli', command, log: () => undefined });
  } catch (e) {
    if (!(e instanceof UserError) || e.code !== 'locked' || !READ_ONLY_COMMANDS.has(command)) throw e;
    core = createCore({ dataDir, mode: 'cli', command, log: () => undefined, db: { readonly: true } });
    // The report and the register refresh the register's state cache before reading, and an
    // export saves its draft: in a private copy, never the file.
    if ((command === 'export' || command === 'report' || command === 'register') && core.health.state === 'ok') useSnapshot(core);
  }
  if (core.health.state !== 'ok' && !RECOVERY_COMMANDS.has(command)) {
    const message = core.health.message;
    core.close();
    throw new UserError('db_corrupt', `${message}\nXem các bản sao lưu: thuky backups; khôi phục bản mới nhất: thuky restore TÊN_BẢN.`);
  }
  return core;
}

/**
 * Exporting a document saves its generated draft first; with the file read-only (another program
 * writes) that save goes to a private in-memory copy taken in one read transaction, so the export
 * works and the real file is never written.
 */
function useSnapshot(core: Core): void {
  const file = core.ctx.db;
  const bytes = file.serialize();
  // The header still says WAL (bytes 18-19 = 2), which an in-memory database cannot open; 1 is the
  // rollback journal (SQLite file format, section 1.3.4). The pages themselves are unchanged.
  bytes[18] = 1;
  bytes[19] = 1;
  const snapshot = new Database(bytes, nativeOptions());
  snapshot.pragma('foreign_keys = ON');
  file.close();
  core.ctx.db = snapshot;
}

export type AdminOutput = { value: unknown; text: string };

const formatBytes = (n: number): string => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

/** Megabytes with a Vietnamese decimal comma, rounded so an oversized file never reads as the limit. */
function megabytes(n: number, round: 'up' | 'down'): string {
  const tenths = (round === 'up' ? Math.ceil : Math.floor)((n / 1024 / 1024) * 10) / 10;
  return tenths.toLocaleString('vi-VN', { maximumFractionDigits: 1 });
}

function backupLine(b: BackupInfo): string {
  return `${b.fileName}\t${b.at}\t${b.reason}\t${formatBytes(b.bytes)}`;
}

/** Resolves `thuky restore FILE`: a bare backup name means the file in backups/, anything else a path. */
export function resolveRestoreSource(dataDir: string, file: string): string {
  const inBackups = path.join(backupDir(dataDir), file);
  if (file === path.basename(file) && parseBackupName(file) && existsSync(inBackups)) return inBackups;
  const full = path.resolve(file);
  // Same refusals as an import: a folder, a FIFO or a device must not hang or crash the restore.
  statRegularFile(full, 'Tệp sao lưu');
  return full;
}

/**
 * Runs one admin command. `backups` only lists files, so it needs no connection and works while
 * another program writes or the database is damaged; `backup` and `restore` take the lock.
 */
export async function runAdmin(dataDir: string, command: string, arg: string | undefined): Promise<AdminOutput> {
  if (command === 'backups') {
    const list = listBackups(dataDir).map((b) => ({ ...b, path: path.join(backupDir(dataDir), b.fileName) }));
    return { value: list, text: list.map(backupLine).join('\n') || `Chưa có bản sao lưu nào trong ${backupDir(dataDir)}.` };
  }
  if (command === 'restore' && !arg)
    throw new UserError('usage', 'Hãy chỉ ra bản sao lưu cần khôi phục, ví dụ: thuky restore thuky-20261128-101500000-manual.sqlite3 (xem danh sách bằng thuky backups).');
  const core = openCliCore(dataDir, command);
  try {
    return await runWithCore(core, command, arg ?? '');
  } finally {
    core.close();
  }
}

async function runWithCore(core: Core, command: string, arg: string): Promise<AdminOutput> {
  const { dataDir } = core.ctx;
  switch (command) {
    case 'backup': {
      const b = await createBackup(core.ctx.db, dataDir, 'manual', core.ctx.now());
      const full = path.join(backupDir(dataDir), b.fileName);
      return { value: { ...b, path: full }, text: `Đã tạo bản sao lưu (đã kiểm tra toàn vẹn): ${full}` };
    }
    case 'restore': {
      const src = resolveRestoreSource(dataDir, arg);
      const r = await restoreFromFile(core.ctx, src, core.health.state !== 'ok', { lock: core.lock });
      return { value: { restored: src, ...r }, text: r.message };
    }
    default:
      throw new UserError('usage', `Không có lệnh "${command}".`);
  }
}

type Stat = Stats;

function openError(e: unknown, file: string, what: string): UserError {
  const code = (e as { code?: string }).code ?? '';
  if (code === 'ENOENT') return new UserError('not_found', `${what} "${file}" không tồn tại. Hãy kiểm tra lại đường dẫn.`);
  if (code === 'EACCES' || code === 'EPERM') return new UserError('no_access', `Không có quyền đọc ${what.toLowerCase()} "${file}". Hãy kiểm tra quyền của tệp.`);
  if (code === 'ENOTDIR') return new UserError('not_found', `Đường dẫn "${file}" đi qua một tệp chứ không phải thư mục. Hãy kiểm tra lại đường dẫn.`);
  if (code === 'ELOOP') return new UserError('not_found', `Đường dẫn "${file}" là một liên kết vòng. Hãy chỉ ra tệp thật.`);
  if (code === 'ENAMETOOLONG') return new UserError('not_found', `Đường dẫn "${file}" quá dài.`);
  if (code === 'ENXIO') return new UserError('not_file', `"${file}" không phải tệp thông thường (ống dẫn hoặc thiết bị). Hãy chỉ ra một tệp.`);
  return new UserError('io', `Không mở được ${what.toLowerCase()} "${file}" (mã lỗi hệ thống ${code || 'không rõ'}).`);
}

function checkStat(st: Stat, file: string, what: string, maxBytes?: number): void {
  if (st.isDirectory()) throw new UserError('not_file', `"${file}" là một thư mục, không phải tệp. Hãy chỉ ra một tệp trong thư mục đó.`);
  if (!st.isFile()) throw new UserError('not_file', `"${file}" không phải tệp thông thường (có thể là ống dẫn FIFO, thiết bị như /dev/zero hoặc socket). Hãy chỉ ra một tệp.`);
  if (st.size === 0) throw new UserError('empty', `${what} "${file}" trống (0 byte).`);
  if (maxBytes !== undefined && st.size > maxBytes)
    throw new UserError('too_large', `${what} "${file}" quá lớn (${megabytes(st.size, 'up')} MB, tối đa ${megabytes(maxBytes, 'down')} MB). Hãy kiểm tra đúng tệp chưa.`);
}

/** Opens without blocking (a FIFO with no writer would otherwise hang the open itself). */
function openNonBlocking(file: string, what: string): number {
  try {
    return openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw openError(e, file, what);
  }
}

function statRegularFile(file: string, what: string): void {
  const fd = openNonBlocking(file, what);
  try {
    checkStat(fstatSync(fd), file, what);
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads an input file the user named, refusing at once, in Vietnamese, what is not a regular
 * file of a sane size: a missing path, a folder, a FIFO, a device such as /dev/zero, an empty
 * or oversized file. The size is taken from the open descriptor and never more is read, so a
 * file that grows meanwhile cannot make the read unbounded.
 */
export function readInputFile(file: string, maxBytes: number, what = 'Tệp'): Buffer {
  const fd = openNonBlocking(file, what);
  try {
    const st = fstatSync(fd);
    checkStat(st, file, what, maxBytes);
    const buf = Buffer.alloc(st.size);
    let at = 0;
    while (at < buf.length) {
      const n = readSync(fd, buf, at, buf.length - at, at);
      if (n === 0) break;
      at += n;
    }
    return at === buf.length ? buf : buf.subarray(0, at);
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw openError(e, file, what);
  } finally {
    closeSync(fd);
  }
}
