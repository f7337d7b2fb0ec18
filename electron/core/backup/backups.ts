// Backups of the one database file: online (db.backup, no pause in typing), verified with
// integrity_check before they are renamed into place (so a half-written copy never looks like a
// backup), and rotated: the newest 20, plus the newest of each day for 30 days. Copies kept aside
// before a restore are never rotated away, and neither is any backup holding a meeting (or a
// newer version of one) that no newer kept backup holds: a database reset followed by many
// backups must not push the old meetings out.
import type { Database } from 'better-sqlite3';
import BetterSqlite from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../../shared/result';
import { nativeOptions } from '../db/open';

export const BACKUP_DIR = 'backups';
export const KEEP_LATEST = 20;
export const KEEP_DAYS = 30;

export const BACKUP_REASONS = ['start', 'open', 'close', 'periodic', 'manual', 'before-restore', 'damaged'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

export type BackupInfo = { fileName: string; at: string; reason: BackupReason; bytes: number };

const NAME = /^thuky-(\d{8})-(\d{6})(\d{3})?-([a-z-]+)\.sqlite3$/;
const KEPT_ASIDE: BackupReason[] = ['before-restore', 'damaged'];

export const backupDir = (dataDir: string): string => path.join(dataDir, BACKUP_DIR);

function stamp(d: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}${p(d.getMilliseconds(), 3)}`;
}

export function parseBackupName(fileName: string): { at: Date; reason: BackupReason } | null {
  const m = NAME.exec(fileName);
  const [, d, t, ms = '000', reason] = m ?? [];
  if (!d || !t || !reason || !(BACKUP_REASONS as readonly string[]).includes(reason)) return null;
  const at = new Date(Number(d.slice(0, 4)), Number(d.slice(4, 6)) - 1, Number(d.slice(6, 8)), Number(t.slice(0, 2)), Number(t.slice(2, 4)), Number(t.slice(4, 6)), Number(ms));
  return { at, reason: reason as BackupReason };
}

/**
 * Runs `fn` on a read-only connection to a backup. A read-only connection to a WAL-mode file
 * creates -wal/-shm side files it cannot remove on close; those it created are removed here, so
 * checking or listing backups never litters the folder.
 */
export function withReadOnly<T>(file: string, fn: (db: Database) => T): T {
  const sides = ['-wal', '-shm'].map((s) => file + s).filter((f) => !existsSync(f));
  let db: Database | null = null;
  try {
    db = new BetterSqlite(file, { readonly: true, fileMustExist: true, ...nativeOptions() });
    return fn(db);
  } finally {
    db?.close();
    // Only what this connection left empty: a -wal with frames belongs to a writer elsewhere
    // (a path given to `thuky restore` may be another live database), so it and its -shm stay.
    const wal = `${file}-wal`;
    const walInUse = existsSync(wal) && statSync(wal).size > 0;
    for (const f of sides) if (!walInUse) rmSync(f, { force: true });
  }
}

/** integrity_check on a file, opened read-only: 'ok' or the first problem SQLite reports. */
export function checkFile(file: string, kind: 'integrity_check' | 'quick_check' = 'integrity_check'): string {
  try {
    return withReadOnly(file, (db) => {
      const rows = db.pragma(kind) as Record<string, string>[];
      const first = rows[0] ? Object.values(rows[0])[0] : 'no result';
      return first === 'ok' ? 'ok' : String(first);
    });
  } catch (e) {
    return (e as Error).message;
  }
}

/** Partial copies being written by this process right now; any other `.partial*` file is debris. */
const inProgress = new Set<string>();

/** Removes leftovers of interrupted backups (`.partial`, `.partial-wal`, `.partial-shm`, …). */
export function removePartials(dataDir: string): string[] {
  const dir = backupDir(dataDir);
  if (!existsSync(dir)) return [];
  const removed: string[] = [];
  for (const name of readdirSync(dir)) {
    const at = name.indexOf('.partial');
    if (at < 0 || inProgress.has(name.slice(0, at + '.partial'.length))) continue;
    rmSync(path.join(dir, name), { force: true });
    removed.push(name);
  }
  return removed;
}

/**
 * The copy keeps the live file's WAL flag in its header; switched to the rollback journal it is
 * one self-contained file, and opening it read-only (checks, rotation, restore) needs no
 * -wal/-shm beside it.
 */
export function makeSelfContained(file: string): void {
  const db = new BetterSqlite(file, { fileMustExist: true, ...nativeOptions() });
  try {
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
}

export async function createBackup(db: Database, dataDir: string, reason: BackupReason, now = new Date()): Promise<BackupInfo> {
  const dir = backupDir(dataDir);
  mkdirSync(dir, { recursive: true });
  const fileName = `thuky-${stamp(now)}-${reason}.sqlite3`;
  const final = path.join(dir, fileName);
  const partial = `${final}.partial`;
  inProgress.add(path.basename(partial));
  try {
    removePartials(dataDir);
    await db.backup(partial);
    makeSelfContained(partial);
    const verdict = checkFile(partial);
    if (verdict !== 'ok') throw new UserError('backup_failed', `Bản sao lưu vừa tạo không đạt kiểm tra (${verdict}); đã bỏ bản này, dữ liệu chính không bị ảnh hưởng.`);
    renameSync(partial, final);
  } catch (e) {
    for (const side of ['', '-journal', '-wal', '-shm']) rmSync(partial + side, { force: true });
    if (e instanceof UserError) throw e;
    const code = (e as { code?: string }).code ?? '';
    if (code === 'ENOSPC' || code === 'SQLITE_FULL')
      throw new UserError('disk_full', 'Ổ đĩa đầy nên chưa tạo được bản sao lưu. Dữ liệu chính vẫn an toàn; hãy giải phóng dung lượng.');
    throw new UserError('backup_failed', `Chưa tạo được bản sao lưu (${(e as Error).message}). Dữ liệu chính không bị ảnh hưởng.`);
  } finally {
    inProgress.delete(path.basename(partial));
  }
  rotateBackups(dataDir, now);
  return { fileName, at: now.toISOString(), reason, bytes: statSync(final).size };
}

export function listBackups(dataDir: string): BackupInfo[] {
  const dir = backupDir(dataDir);
  if (!existsSync(dir)) return [];
  const out: BackupInfo[] = [];
  for (const fileName of readdirSync(dir)) {
    const parsed = parseBackupName(fileName);
    if (!parsed) continue;
    out.push({ fileName, at: parsed.at.toISOString(), reason: parsed.reason, bytes: statSync(path.join(dir, fileName)).size });
  }
  return out.sort((a, b) => b.at.localeCompare(a.at) || b.fileName.localeCompare(a.fileName));
}

/** Which backups the rotation keeps: pure, so the policy is tested without files. */
export function selectKept(backups: BackupInfo[], now: Date): Set<string> {
  const keep = new Set<string>();
  const sorted = [...backups].sort((a, b) => b.at.localeCompare(a.at));
  for (const b of sorted) if (KEPT_ASIDE.includes(b.reason)) keep.add(b.fileName);
  sorted.filter((b) => !KEPT_ASIDE.includes(b.reason)).slice(0, KEEP_LATEST).forEach((b) => keep.add(b.fileName));
  const seenDays = new Set<string>();
  const horizon = now.getTime() - KEEP_DAYS * 24 * 3600 * 1000;
  for (const b of sorted) {
    const t = new Date(b.at);
    if (KEPT_ASIDE.includes(b.reason) || t.getTime() < horizon) continue;
    const day = `${t.getFullYear()}-${t.getMonth()}-${t.getDate()}`;
    if (!seenDays.has(day)) {
      seenDays.add(day);
      keep.add(b.fileName);
    }
  }
  return keep;
}

/** What a backup holds, for rotation: meeting identity (id + creation time) → its updated_at. */
export type BackupContents = Map<string, string>;

const contentsCache = new Map<string, { stamp: string; contents: BackupContents | null }>();

/** The meetings a backup holds, or null when it cannot be read (then it vouches for nothing). */
export function backupContents(file: string): BackupContents | null {
  let stamp: string;
  try {
    const st = statSync(file);
    stamp = `${st.size}:${st.mtimeMs}`;
  } catch {
    return null;
  }
  const hit = contentsCache.get(file);
  if (hit && hit.stamp === stamp) return hit.contents;
  let contents: BackupContents | null;
  try {
    contents = withReadOnly(file, (db) => {
      const rows = db.prepare('SELECT id, created_at AS c, updated_at AS u FROM meetings').all() as { id: number; c: string; u: string }[];
      return new Map(rows.map((r) => [`${r.id}|${r.c}`, r.u]));
    });
  } catch {
    contents = null;
  }
  contentsCache.set(file, { stamp, contents });
  return contents;
}

/**
 * Rotation's invariant, pure: walking from the newest, a backup the policy would drop is kept
 * anyway when it holds a meeting, or a newer version of one, that no newer *kept* backup holds.
 * Only kept backups vouch, so two old copies never excuse each other's deletion.
 */
export function protectUnique(backups: BackupInfo[], keep: Set<string>, contentsOf: (b: BackupInfo) => BackupContents | null): Set<string> {
  const out = new Set(keep);
  const covered = new Map<string, string>();
  for (const b of [...backups].sort((x, y) => y.at.localeCompare(x.at) || y.fileName.localeCompare(x.fileName))) {
    const contents = contentsOf(b);
    if (!contents) continue;
    let unique = false;
    for (const [k, u] of contents) {
      const seen = covered.get(k);
      if (seen === undefined || seen < u) {
        unique = true;
        break;
      }
    }
    if (unique) out.add(b.fileName);
    if (!out.has(b.fileName)) continue;
    for (const [k, u] of contents) {
      const seen = covered.get(k);
      if (seen === undefined || seen < u) covered.set(k, u);
    }
  }
  return out;
}

export function rotateBackups(dataDir: string, now = new Date()): string[] {
  removePartials(dataDir);
  const all = listBackups(dataDir);
  const keep = protectUnique(all, selectKept(all, now), (b) => backupContents(path.join(backupDir(dataDir), b.fileName)));
  const removed: string[] = [];
  for (const b of all)
    if (!keep.has(b.fileName)) {
      rmSync(path.join(backupDir(dataDir), b.fileName), { force: true });
      removed.push(b.fileName);
    }
  return removed;
}

/** A backup file name from the outside (IPC), resolved only inside the backup folder. */
export function backupPath(dataDir: string, fileName: string): string {
  if (!parseBackupName(fileName) || fileName !== path.basename(fileName)) throw new UserError('validation', 'Tên bản sao lưu không hợp lệ.');
  const full = path.join(backupDir(dataDir), fileName);
  if (!existsSync(full)) throw new UserError('not_found', 'Không tìm thấy bản sao lưu này (có thể đã bị xóa khỏi thư mục).');
  return full;
}
