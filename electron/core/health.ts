import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../shared/result';
import type { Health as HealthView } from '../shared/contract';
import { MIGRATIONS } from './db/migrations';
import { migrate } from './db/migrate';
import { nativeOptions, openDatabase, type OpenOptions } from './db/open';
import { listBackups } from './backup/backups';

/** What the start-up check found. The renderer shows the recovery screen unless state is 'ok'. */
export type Health = Omit<HealthView, 'backups'>;

/**
 * Opens the database for the core. A damaged file is never deleted, rewritten or migrated: the
 * core then runs read-only on it when SQLite can still read it, or on an empty in-memory
 * database, and reports 'corrupt' so the user can restore a backup or read what is left.
 */
export function openWithHealth(file: string, opts: OpenOptions = {}): { db: Db; health: Health } {
  const missing = missingWithBackups(file);
  if (missing) return { db: placeholderDb(opts.nativeBinding), health: { state: 'corrupt', readOnly: false, message: missing } };
  try {
    return { db: openDatabase(file, { ...opts, check: true }), health: { state: 'ok', readOnly: false, message: '' } };
  } catch (e) {
    if (!(e instanceof UserError) || e.code !== 'db_corrupt') throw e;
    let db: Db | null = null;
    if (existsSync(file)) {
      try {
        db = openDatabase(file, { ...opts, readonly: true });
        const v = db.pragma('user_version', { simple: true }) as number;
        if (v !== MIGRATIONS.length) {
          db.close();
          db = null;
        } else db.prepare('SELECT count(*) FROM meetings').get();
      } catch {
        db?.close();
        db = null;
      }
    }
    const readOnly = db !== null;
    return { db: db ?? placeholderDb(opts.nativeBinding), health: { state: 'corrupt', readOnly, message: e.message } };
  }
}

/** An empty database in memory, so the core answers (health, backups, restore) while nothing real is open. */
function placeholderDb(nativeBinding?: string): Db {
  const db = new Database(':memory:', nativeBinding ? { nativeBinding } : nativeOptions());
  migrate(db, MIGRATIONS);
  return db;
}

/**
 * A missing or empty database file beside a backups folder is not a first run: the data was
 * lost or moved, and creating a fresh database would let rotation delete the good backups.
 * Returns the message for the recovery screen, or null when this really is a first run.
 */
export function missingWithBackups(file: string): string | null {
  let size: number | null = null;
  try {
    size = statSync(file).size;
  } catch {
    size = null;
  }
  if (size !== null && size > 0) return null;
  const backups = listBackups(path.dirname(file));
  if (backups.length === 0) return null;
  const what = size === null ? `Không thấy tệp dữ liệu ${file}` : `Tệp dữ liệu ${file} trống (0 byte)`;
  return `${what}, nhưng thư mục sao lưu có ${backups.length} bản. Đây không phải lần chạy đầu tiên: hãy khôi phục bản sao lưu mới nhất đã được kiểm tra. Không có bản sao lưu nào bị xóa.`;
}
