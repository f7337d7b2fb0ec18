import type { CoreContext } from '../context';
import { createBackup, listBackups, type BackupInfo } from './backups';
import { startHubSync } from '../hub/sync';

export const PERIODIC_MS = 10 * 60 * 1000;

/**
 * During a live meeting, a backup every 10 minutes when something changed since the last one.
 * Checked once a minute; the check is one indexed query. Returns a stop function.
 */
export function startBackupScheduler(ctx: CoreContext, log: (m: string, e?: unknown) => void, tickMs = 60_000): () => void {
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    void periodicBackupIfDue(ctx)
      .catch((e: unknown) => log('periodic backup failed', e))
      .finally(() => {
        busy = false;
      });
  }, tickMs);
  timer.unref?.();
  return () => clearInterval(timer);
}

export async function periodicBackupIfDue(ctx: CoreContext): Promise<boolean> {
  const now = ctx.now();
  const last = listBackups(ctx.dataDir)[0];
  const lastAt = last ? Date.parse(last.at) : 0;
  if (now.getTime() - lastAt < PERIODIC_MS) return false;
  const changed = ctx.db.prepare("SELECT 1 FROM meetings WHERE status = 'live' AND deleted_at IS NULL AND updated_at > ? LIMIT 1").get(new Date(lastAt).toISOString());
  if (!changed) return false;
  await createBackup(ctx.db, ctx.dataDir, 'periodic', now);
  return true;
}

/**
 * The start-up backup: one a day, when there is data and no backup from the last 24 hours.
 * Decided synchronously when called; resolves to the backup made, or null when none was due (a
 * promise the caller may await, so "nothing was made" is known, not waited for).
 */
export async function startupBackupIfDue(ctx: CoreContext): Promise<BackupInfo | null> {
  const newest = listBackups(ctx.dataDir)[0];
  const hasData = ctx.db.prepare('SELECT 1 FROM meetings LIMIT 1').get();
  if (hasData && (!newest || ctx.now().getTime() - Date.parse(newest.at) > 24 * 3600 * 1000)) return createBackup(ctx.db, ctx.dataDir, 'start', ctx.now());
  return null;
}

/**
 * What a long-running app (desktop or browser mode) does once it has opened a healthy database:
 * one backup a day at start-up, then the periodic ones, and the hub's outbox every minute. The CLI
 * does not call this.
 */
export function startMaintenance(ctx: CoreContext, log: (m: string, e?: unknown) => void): () => void {
  void startupBackupIfDue(ctx).catch((e: unknown) => log('start-up backup failed', e));
  const stopBackups = startBackupScheduler(ctx, log);
  // The outbox to the province's hub (does nothing until Thiết lập has an address and a key).
  const stopHub = startHubSync(ctx, log);
  return () => {
    stopBackups();
    stopHub();
  };
}
