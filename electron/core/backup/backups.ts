// Backups of the one database file: online (db.backup, no pause in typing), verified with
// integrity_check before they are renamed into place (so a half-written copy never looks like a
// backup), and rotated: the newest 20, plus the newest of each day for 30 days. Copies kept aside
// before a restore are never rotated away.
import type { Database } from 'better-sqlite3';
import BetterSqlite from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../../shared/result';

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
  if (!m || !(BACKUP_REASONS as readonly string[]).includes(m[4])) return null;
  const [d, t, ms] = [m[1], m[2], m[3] ?? '000'];
  const at = new Date(Number(d.slice(0, 4)), Number(d.slice(4, 6)) - 1, Number(d.slice(6, 8)), Number(t.slice(0, 2)), Number(t.slice(2, 4)), Number(t.slice(4, 6)), Number(ms));
  return { at, reason: m[4] as BackupReason };
}

/** integrity_check on a file, opened read-only: 'ok' or the first problem SQLite reports. */
export function checkFile(file: string, kind: 'integrity_check' | 'quick_check' = 'integrity_check'): string {
  let db: Database | null = null;
  try {
    db = new BetterSqlite(file, { readonly: true, fileMustExist: true });
    const rows = db.pragma(kind) as Record<string, string>[];
    const first = rows[0] ? Object.values(rows[0])[0] : 'no result';
    return first === 'ok' ? 'ok' : String(first);
  } catch (e) {
    return (e as Error).message;
  } finally {
    db?.close();
  }
}

export async function createBackup(db: Database, dataDir: string, reason: BackupReason, now = new Date()): Promise<BackupInfo> {
  const dir = backupDir(dataDir);
  mkdirSync(dir, { recursive: true });
  const fileName = `thuky-${stamp(now)}-${reason}.sqlite3`;
  const final = path.join(dir, fileName);
  const partial = `${final}.partial`;
  try {
    await db.backup(partial);
    const verdict = checkFile(partial);
    if (verdict !== 'ok') throw new UserError('backup_failed', `Bản sao lưu vừa tạo không đạt kiểm tra (${verdict}); đã bỏ bản này, dữ liệu chính không bị ảnh hưởng.`);
    renameSync(partial, final);
  } catch (e) {
    rmSync(partial, { force: true });
    if (e instanceof UserError) throw e;
    const code = (e as { code?: string }).code ?? '';
    if (code === 'ENOSPC' || code === 'SQLITE_FULL')
      throw new UserError('disk_full', 'Ổ đĩa đầy nên chưa tạo được bản sao lưu. Dữ liệu chính vẫn an toàn; hãy giải phóng dung lượng.');
    throw new UserError('backup_failed', `Chưa tạo được bản sao lưu (${(e as Error).message}). Dữ liệu chính không bị ảnh hưởng.`);
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

export function rotateBackups(dataDir: string, now = new Date()): string[] {
  const all = listBackups(dataDir);
  const keep = selectKept(all, now);
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
