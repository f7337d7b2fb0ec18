import { copyFileSync, existsSync, renameSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../../shared/result';
import type { CoreContext } from '../context';
import { dbPathFor, openDatabase } from '../db/open';
import { backupDir, backupPath, checkFile, createBackup } from './backups';

function stampNow(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

/**
 * Puts a verified backup in place of the current database. The current file is never deleted or
 * overwritten: a healthy one is first backed up ("before-restore"), a damaged one is moved aside
 * whole (with its -wal and -shm) as "damaged". Then the backup is copied in and opened.
 */
export async function restoreBackup(ctx: CoreContext, fileName: string, damaged: boolean): Promise<{ keptAside: string }> {
  const src = backupPath(ctx.dataDir, fileName);
  const verdict = checkFile(src);
  if (verdict !== 'ok') throw new UserError('backup_bad', `Bản sao lưu ${fileName} không đạt kiểm tra (${verdict}). Hãy chọn bản khác.`);
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
    keptAside = `thuky-${stampNow(ctx.now())}-damaged.sqlite3`;
    for (const suffix of ['', '-wal', '-shm'])
      if (existsSync(dbFile + suffix)) renameSync(dbFile + suffix, path.join(backupDir(ctx.dataDir), keptAside + suffix));
  }
  const incoming = `${dbFile}.restoring`;
  copyFileSync(src, incoming);
  renameSync(incoming, dbFile);
  ctx.db = openDatabase(dbFile);
  return { keptAside };
}
