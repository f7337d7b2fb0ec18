import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../../shared/result';
import { migrate } from './migrate';
import { MIGRATIONS } from './migrations';

export type OpenOptions = {
  /** Open without writing anything (recovery screen, inspection). */
  readonly?: boolean;
  /** Path to a better_sqlite3.node built for another ABI (Electron); see docs/native-modules.md. */
  nativeBinding?: string;
  /** Stop migrating at this version (tests of a single migration). */
  targetVersion?: number;
  /** Run quick_check before anything else (start-up): a damaged file is refused, untouched. */
  check?: boolean;
};

export const DB_FILE_NAME = 'thuky.sqlite3';

let processBinding: string | undefined;

/**
 * The native-module option for every other SQLite handle this process opens (backup checks, the
 * data-folder lock): in Electron, better-sqlite3 must load the Electron-ABI build every time, not
 * only for the main connection. Set by createCore from its own options (one core per process;
 * each new core replaces it, so a wrong path given once does not stick).
 */
export function nativeOptions(): { nativeBinding?: string } {
  return processBinding ? { nativeBinding: processBinding } : {};
}

export function useNativeBinding(file: string | undefined): void {
  processBinding = file;
}

export function dbPathFor(dataDir: string): string {
  return path.join(dataDir, DB_FILE_NAME);
}

/**
 * Opens the one database file with the durability the live record needs: WAL so readers never
 * block the writer, synchronous=FULL so a commit survives a power cut, not just a crash.
 */
export function openDatabase(file: string, opts: OpenOptions = {}): Db {
  let db: Db;
  try {
    if (!opts.readonly) mkdirSync(path.dirname(file), { recursive: true });
  } catch (e) {
    throw toOpenError(e, file);
  }
  try {
    db = new Database(file, {
      readonly: opts.readonly ?? false,
      fileMustExist: opts.readonly ?? false,
      ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : nativeOptions()),
    });
  } catch (e) {
    throw toOpenError(e, file);
  }
  try {
    if (opts.check) {
      const verdict = Object.values((db.pragma('quick_check') as Record<string, string>[])[0] ?? {})[0];
      if (verdict !== 'ok') throw new UserError('db_corrupt', `Tệp dữ liệu ${file} bị hỏng (${verdict}). Tệp được giữ nguyên, không bị xóa; hãy khôi phục bản sao lưu gần nhất hoặc mở ở chế độ chỉ đọc.`);
    }
    if (!opts.readonly) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    if (!opts.readonly) migrate(db, MIGRATIONS, opts.targetVersion);
    return db;
  } catch (e) {
    db.close();
    if (e instanceof UserError) throw e;
    throw toOpenError(e, file);
  }
}

/** What a failure to open `file` means for the secretary; also used for the lock file beside it. */
export function toOpenError(e: unknown, file: string): UserError {
  const code = (e as { code?: string }).code ?? '';
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT')
    return new UserError('db_corrupt', `Tệp dữ liệu ${file} bị hỏng hoặc không phải dữ liệu của Thư ký Hội nghị. Tệp được giữ nguyên; hãy khôi phục từ bản sao lưu.`);
  if (['SQLITE_CANTOPEN', 'SQLITE_READONLY', 'EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'ENOENT', 'EEXIST'].includes(code))
    return new UserError('db_unreachable', `Không mở được thư mục dữ liệu ${path.dirname(file)} (không có quyền ghi hoặc ổ đĩa không truy cập được). Hãy kiểm tra ổ đĩa hoặc chọn thư mục dữ liệu khác.`);
  return new UserError('db_open_failed', `Không mở được cơ sở dữ liệu (${(e as Error).message}). Dữ liệu được giữ nguyên.`);
}
