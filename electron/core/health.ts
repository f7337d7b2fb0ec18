import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
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
export function openWithHealth(file: string, opts: OpenOptions = {}, start: { deferCheck?: boolean } = {}): { db: Db; health: Health; deferred: boolean } {
  const missing = missingWithBackups(file);
  if (missing) return { db: placeholderDb(opts.nativeBinding), health: { state: 'corrupt', readOnly: false, message: missing }, deferred: false };
  // quick_check reads the whole file (1.3–1.9 s for a 300 MB archive). It may run after the
  // first screen only when opening writes nothing: no migration is pending. A file about to be
  // migrated is checked first, as always, so a damaged file is never migrated.
  const deferred = !!start.deferCheck && !opts.readonly && schemaIsCurrent(file);
  try {
    return { db: openDatabase(file, { ...opts, check: !deferred }), health: { state: 'ok', readOnly: false, message: '', ...(deferred ? { checking: true } : {}) }, deferred };
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
    return { db: db ?? placeholderDb(opts.nativeBinding), health: { state: 'corrupt', readOnly, message: e.message }, deferred: false };
  }
}

/**
 * The schema version from the file's header (bytes 60–63, big-endian), without opening it. A
 * migration still in the WAL only makes the header older, so "current" here is never wrong in
 * the unsafe direction.
 */
function schemaIsCurrent(file: string): boolean {
  let fd: number | null = null;
  try {
    fd = openSync(file, 'r');
    const header = Buffer.alloc(100);
    if (readSync(fd, header, 0, 100, 0) < 100 || header.toString('latin1', 0, 15) !== 'SQLite format 3') return false;
    return header.readUInt32BE(60) === MIGRATIONS.length;
  } catch {
    return false;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

// The deferred check runs on its own thread with its own read-only connection (WAL lets it read
// beside the writer), so the core keeps answering while SQLite reads the whole file. Plain
// CommonJS evaluated in the worker: nothing to bundle, under tsx, Vitest or Electron alike.
const CHECK_THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
let out;
try {
  const Database = require(workerData.module);
  const db = new Database(workerData.file, { readonly: true, fileMustExist: true, ...(workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {}) });
  try {
    const row = db.pragma('quick_check')[0] || {};
    out = { verdict: String(Object.values(row)[0]) };
  } finally {
    db.close();
  }
} catch (e) {
  out = { error: String((e && e.message) || e), code: String((e && e.code) || '') };
}
parentPort.postMessage(out);
`;

type CheckAnswer = { verdict: string } | { error: string; code: string };

/**
 * quick_check of `file` on a worker thread: 'ok', or what is wrong. Rejects when the thread
 * itself could not run the check (the caller then checks on its own connection).
 */
export function quickCheckInBackground(file: string, nativeBinding?: string): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    let settled = false;
    const w = new Worker(CHECK_THREAD, {
      eval: true,
      workerData: { file, module: createRequire(import.meta.url).resolve('better-sqlite3'), ...(nativeBinding ? { nativeBinding } : {}) },
    });
    w.unref();
    w.once('message', (m: CheckAnswer) => {
      settled = true;
      if ('verdict' in m) resolve(m.verdict);
      else if (m.code === 'SQLITE_CORRUPT' || m.code === 'SQLITE_NOTADB') resolve(m.error);
      else reject(new Error(m.error));
    });
    w.once('error', (e) => {
      if (!settled) reject(e);
    });
    w.once('exit', (code) => {
      if (!settled) reject(new Error(`integrity check thread exited with code ${code}`));
    });
  });
}

/** What the recovery screen says when the check after start finds damage. */
export function damagedMessage(file: string, verdict: string): string {
  return `Tệp dữ liệu ${file} bị hỏng (${verdict}). Từ lúc này ứng dụng không ghi thêm vào tệp; tệp được giữ nguyên, không bị xóa. Hãy khôi phục bản sao lưu gần nhất hoặc mở ở chế độ chỉ đọc.`;
}

/**
 * Runs the start-up check that openWithHealth deferred, then settles `health`: unchanged when the
 * file is sound; otherwise 'corrupt', read-only, and the connection refuses every write from
 * then on (query_only), so the secretary is stopped and the recovery screen shows. Resolves when
 * done; never rejects.
 */
export async function finishDeferredCheck(
  file: string,
  db: Db,
  health: Health,
  opts: { nativeBinding?: string; current: () => Db; log?: (m: string, e?: unknown) => void; delayMs?: number },
): Promise<void> {
  // Leave the first screen the machine's cores while it loads (a laptop may have two).
  if (opts.delayMs) await new Promise((resolve) => setTimeout(resolve, opts.delayMs).unref());
  if (opts.current() !== db || !db.open) return;
  let verdict: string;
  try {
    verdict = await quickCheckInBackground(file, opts.nativeBinding);
  } catch (e) {
    opts.log?.('integrity check thread unavailable, checking on the core thread', e);
    try {
      verdict = String(Object.values((db.pragma('quick_check') as Record<string, string>[])[0] ?? {})[0]);
    } catch (err) {
      verdict = (err as Error).message;
    }
  }
  // A restore in the meantime replaced the connection, and its file was checked by the restore.
  if (opts.current() !== db || !db.open) return;
  delete health.checking;
  if (verdict === 'ok') return;
  opts.log?.(`quick_check failed after start: ${verdict}`);
  health.state = 'corrupt';
  health.readOnly = true;
  health.message = damagedMessage(file, verdict);
  db.pragma('query_only = ON');
}

/** An empty database in memory, so the core answers (health, backups, restore) while nothing real is open. */
export function placeholderDb(nativeBinding?: string): Db {
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
