import path from 'node:path';
import type { PartialHandlers } from '../registry';
import { write } from '../context';
import { backupDir, checkFile, createBackup, listBackups, type BackupInfo } from '../backup/backups';
import { restoreBackup, type RestoreOptions } from '../backup/restore';
import { finalizeMeeting, unlockMeeting } from '../repo/meetings';
import type { Health } from '../health';

/**
 * For the recovery screen: the newest backup that passes integrity_check comes first, so the
 * backup it offers is one that will restore. Older ones are listed as they are (a restore checks
 * each again); failing ones newer than the first good one are left out.
 */
export function newestVerifiedFirst(dataDir: string, backups: BackupInfo[]): BackupInfo[] {
  const usable = backups.filter((b) => b.reason !== 'damaged');
  const i = usable.findIndex((b) => checkFile(path.join(backupDir(dataDir), b.fileName)) === 'ok');
  return i < 0 ? backups : usable.slice(i);
}

export function backupHandlers(health: Health, restore: RestoreOptions) {
  return {
    'app.health': ({ dataDir }) => {
      const backups = listBackups(dataDir);
      return { ...health, backups: health.state === 'ok' ? backups : newestVerifiedFirst(dataDir, backups) };
    },
    'backup.list': ({ dataDir }) => listBackups(dataDir),
    'backup.create': (ctx) => createBackup(ctx.db, ctx.dataDir, 'manual', ctx.now()),
    'backup.restore': async (ctx, { fileName }) => {
      let r: Awaited<ReturnType<typeof restoreBackup>>;
      try {
        r = await restoreBackup(ctx, fileName, health.state !== 'ok', restore);
      } catch (e) {
        // Nothing real could be reopened after the failure (restore.ts fell back to an empty
        // database in memory): the data is as good as damaged until a backup is restored.
        if (ctx.db.memory) {
          health.state = 'corrupt';
          health.readOnly = false;
          health.message = e instanceof Error ? e.message : String(e);
        }
        throw e;
      }
      health.state = 'ok';
      health.message = '';
      health.readOnly = false;
      return { keptAside: r.keptAside, message: r.message };
    },
    'meeting.finalize': async (ctx, { id }) => {
      const m = write(ctx, (db, now) => finalizeMeeting(db, now, id));
      await createBackup(ctx.db, ctx.dataDir, 'close', ctx.now());
      return m;
    },
    'meeting.unlock': (ctx, { id, reason }) => write(ctx, (db, now) => unlockMeeting(db, now, id, reason)),
  } satisfies PartialHandlers;
}
