// One writer per data folder. Electron, the browser mode and the CLI each take this lock before
// they open the database for writing; a second writer is refused with the holder's name, so a
// restore in one process can never swap the file under another one's open -wal/-shm.
//
// The lock is SQLite's own: an open EXCLUSIVE transaction on a small side file, `thuky.lock`.
// SQLite takes it with fcntl() (POSIX) or LockFileEx() (Windows), which the operating system
// drops the moment the holder dies, however it dies. So a crashed or killed holder never locks
// the user out, there is no stale-lock timeout to guess, and no refresh timer that a long
// synchronous export could starve (proper-lockfile's mkdir + mtime scheme has both problems).
// Who holds it is written beside it in `thuky.lock.json`, read only to name the holder in the
// refusal; the lock itself never depends on that file.
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UserError } from '../shared/result';
import { nativeOptions, toOpenError } from './db/open';

export const LOCK_FILE_NAME = 'thuky.lock';
export const HOLDER_FILE_NAME = 'thuky.lock.json';

export type LockProgram = 'electron' | 'web' | 'cli';

export type LockHolder = { program: LockProgram; pid: number; since: string; host: string; command: string };

export type DataLock = {
  readonly holder: LockHolder;
  /** True until released. */
  held(): boolean;
  release(): void;
};

const PROGRAM_LABEL: Record<LockProgram, string> = {
  electron: 'ứng dụng Thư ký Hội nghị (cửa sổ máy tính)',
  web: 'Thư ký Hội nghị chế độ trình duyệt (npm run web)',
  cli: 'dòng lệnh thuky',
};

export const lockPathFor = (dataDir: string): string => path.join(dataDir, LOCK_FILE_NAME);
export const holderPathFor = (dataDir: string): string => path.join(dataDir, HOLDER_FILE_NAME);

function isHolder(v: unknown): v is LockHolder {
  const o = v as Partial<LockHolder> | null;
  return (
    !!o &&
    typeof o === 'object' &&
    (o.program === 'electron' || o.program === 'web' || o.program === 'cli') &&
    typeof o.pid === 'number' &&
    typeof o.since === 'string' &&
    typeof o.host === 'string' &&
    typeof o.command === 'string'
  );
}

/** The holder as last written, or null when the note is missing, unreadable or not ours. */
export function readHolder(dataDir: string): LockHolder | null {
  try {
    const v: unknown = JSON.parse(readFileSync(holderPathFor(dataDir), 'utf8'));
    return isHolder(v) ? v : null;
  } catch {
    return null;
  }
}

function formatSince(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getHours())}:${p(d.getMinutes())} ngày ${p(d.getDate())}/${p(d.getMonth() + 1)}/${d.getFullYear()}`;
}

/**
 * The CLI's commands that never write: they still run, on a read-only connection (or a private
 * copy, for those that refresh a cache first), while another program holds the lock.
 */
export const READ_ONLY_CLI_COMMANDS = ['list', 'search', 'export', 'report', 'register', 'backups'] as const;

/** The Vietnamese refusal a second writer sees: which program, which process, since when. */
export function lockedMessage(dataDir: string, holder: LockHolder | null, action = 'ghi dữ liệu'): string {
  const who = holder
    ? `${PROGRAM_LABEL[holder.program]}${holder.command ? ` (lệnh "${holder.command}")` : ''}, mã tiến trình ${holder.pid}${holder.host && holder.host !== os.hostname() ? ` trên máy ${holder.host}` : ''}, từ ${formatSince(holder.since)}`
    : 'một chương trình Thư ký Hội nghị khác';
  return `Thư mục dữ liệu ${dataDir} đang được ${who} sử dụng, nên chưa thể ${action} ở đây. Hãy đóng chương trình đó (hoặc chờ nó chạy xong) rồi thử lại. Các lệnh chỉ đọc (${READ_ONLY_CLI_COMMANDS.join(', ')}) vẫn dùng được.`;
}

function writeHolder(dataDir: string, holder: LockHolder): void {
  const file = holderPathFor(dataDir);
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, JSON.stringify(holder));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
}

export type AcquireOptions = { command?: string; now?: () => Date };

/**
 * Takes the data folder's writer lock or throws UserError('locked') naming the holder. Never
 * waits: a second writer must hear at once that someone else is writing.
 */
export function acquireDataLock(dataDir: string, program: LockProgram, opts: AcquireOptions = {}): DataLock {
  let db: Db;
  try {
    mkdirSync(dataDir, { recursive: true });
    db = new Database(lockPathFor(dataDir), { timeout: 0, ...nativeOptions() });
  } catch (e) {
    // The folder (db_unreachable) or, typically, the SQLite native module itself (db_open_failed,
    // see docs/native-modules.md): said as the database's own open says it.
    throw toOpenError(e, lockPathFor(dataDir));
  }
  try {
    // Never WAL (it would let others in beside the lock), and the journal in memory: nothing is
    // ever written, so no side file is left behind by a holder that dies.
    db.pragma('journal_mode = MEMORY');
    // An EXCLUSIVE transaction holds SQLite's exclusive file lock until it ends; it never ends
    // while this process lives, and the operating system ends it when the process dies.
    db.exec('BEGIN EXCLUSIVE');
  } catch (e) {
    db.close();
    const code = (e as { code?: string }).code ?? '';
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') throw new UserError('locked', lockedMessage(dataDir, readHolder(dataDir)));
    throw new UserError('db_unreachable', `Không khóa được thư mục dữ liệu ${dataDir} (${(e as Error).message}). Hãy kiểm tra ổ đĩa hoặc chọn thư mục dữ liệu khác.`);
  }
  const holder: LockHolder = { program, pid: process.pid, since: (opts.now?.() ?? new Date()).toISOString(), host: os.hostname(), command: opts.command ?? '' };
  try {
    writeHolder(dataDir, holder);
  } catch {
    // The note only names the holder in a refusal; the lock holds without it.
  }
  let open = true;
  return {
    holder,
    held: () => open,
    release() {
      if (!open) return;
      open = false;
      try {
        db.exec('ROLLBACK');
      } finally {
        db.close();
      }
    },
  };
}
