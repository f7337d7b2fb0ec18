import type { PartialHandlers } from '../registry';
import { nowIso } from '../context';
import { createBackup, listBackups } from '../backup/backups';
import { restoreBackup } from '../backup/restore';
import { finalizeMeeting, unlockMeeting } from '../repo/meetings';
import type { Health } from '../health';

export function backupHandlers(health: Health): PartialHandlers {
  return {
    'app.health': ({ dataDir }) => ({ ...health, backups: listBackups(dataDir) }),
    'backup.list': ({ dataDir }) => listBackups(dataDir),
    'backup.create': (ctx) => createBackup(ctx.db, ctx.dataDir, 'manual', ctx.now()),
    'backup.restore': async (ctx, { fileName }) => {
      const r = await restoreBackup(ctx, fileName, health.state !== 'ok');
      health.state = 'ok';
      health.message = '';
      return r;
    },
    'meeting.finalize': async (ctx, { id }) => {
      const m = ctx.db.transaction(() => finalizeMeeting(ctx.db, nowIso(ctx), id))();
      await createBackup(ctx.db, ctx.dataDir, 'close', ctx.now());
      return m;
    },
    'meeting.unlock': (ctx, { id, reason }) => ctx.db.transaction(() => unlockMeeting(ctx.db, nowIso(ctx), id, reason))(),
  };
}
