// Builds the core for one data folder: opens the database and registers every feature's
// handlers. Electron's main process, the browser-mode server and the CLI all start here, so the
// three never diverge.
import type { Database } from 'better-sqlite3';
import { dbPathFor, useNativeBinding, type OpenOptions } from './db/open';
import { finishDeferredCheck, openWithHealth, type Health } from './health';
import { backupHandlers } from './handlers/backup';
import type { RestoreOptions } from './backup/restore';
import type { CoreContext } from './context';
import { Registry, type Logger, type PartialHandlers } from './registry';
import { meetingHandlers } from './handlers/meetings';
import { liveHandlers } from './handlers/live';
import { rosterHandlers } from './handlers/roster';
import { itemHandlers } from './handlers/items';
import { photoHandlers } from './handlers/photos';
import { meetingFileHandlers } from './handlers/meeting-file';
import { documentHandlers } from './handlers/documents';
import { importHandlers } from './handlers/imports';
import { shellHandlers } from './handlers/shell';
import { sampleHandlers } from './handlers/sample';
import { followupHandlers } from './handlers/followup';
import { followupDocHandlers } from './handlers/followup-docs';
import { audioHandlers } from './handlers/audio';
import { timingHandlers } from './handlers/timing';
import { hubHandlers } from './handlers/hub';
import { APP_VERSION } from './version';
import { acquireDataLock, type DataLock } from './lock';

export type Core = {
  ctx: CoreContext;
  registry: Registry;
  /** The current connection (a restore replaces it). */
  readonly db: Database;
  health: Health;
  /** The data folder's writer lock; null when the core was opened read-only. */
  lock: DataLock | null;
  /** Settles when the start-up integrity check is done (at once when it ran before opening). */
  integrity: Promise<void>;
  close: () => void;
};

export type CoreOptions = {
  dataDir: string;
  mode: CoreContext['mode'];
  now?: () => Date;
  log?: Logger;
  db?: OpenOptions;
  /** Named in the refusal a second writer sees (the CLI passes its command). */
  command?: string;
  /** How long after opening the deferred integrity check starts (default 2 s, after the first screen). */
  checkDelayMs?: number;
};

/**
 * Takes the data folder's writer lock (unless opened read-only), then opens the database. A
 * second writer on the same folder gets UserError('locked') naming the holder, before it has
 * opened, migrated or written anything.
 */
export function createCore(opts: CoreOptions): Core {
  const dbPath = dbPathFor(opts.dataDir);
  useNativeBinding(opts.db?.nativeBinding);
  const lock = opts.db?.readonly ? null : acquireDataLock(opts.dataDir, opts.mode, { command: opts.command ?? '', ...(opts.now ? { now: opts.now } : {}) });
  let opened: ReturnType<typeof openWithHealth>;
  try {
    // The app's windows (Electron, the browser mode) open first and check the file right after,
    // on another thread; the CLI checks before it does anything, as a one-off command can wait.
    opened = openWithHealth(dbPath, opts.db, { deferCheck: opts.mode !== 'cli' });
  } catch (e) {
    lock?.release();
    throw e;
  }
  const { db, health } = opened;
  const ctx: CoreContext = { db, dataDir: opts.dataDir, version: APP_VERSION, mode: opts.mode, now: opts.now ?? (() => new Date()) };
  // Fails to compile when a contract channel has no handler in any feature map.
  const registry = new Registry(ctx, opts.log).registerAll(
    coreHandlers(dbPath, health, { lock, ...(opts.db ? { db: { nativeBinding: opts.db.nativeBinding } } : {}) }),
  );
  const integrity = opened.deferred
    ? finishDeferredCheck(dbPath, db, health, {
        ...(opts.db?.nativeBinding ? { nativeBinding: opts.db.nativeBinding } : {}),
        current: () => ctx.db,
        delayMs: opts.checkDelayMs ?? 2000,
        ...(opts.log ? { log: opts.log } : {}),
      })
    : Promise.resolve();
  return {
    ctx,
    registry,
    integrity,
    get db() {
      return ctx.db;
    },
    health,
    lock,
    close: () => {
      try {
        if (ctx.db.open) ctx.db.close();
      } finally {
        lock?.release();
      }
    },
  };
}

/** Every feature's handlers, in one tuple whose merged type must satisfy HandlerMap (registerAll). */
export function coreHandlers(dbPath: string, health: Health, restore: RestoreOptions) {
  const appHandlers = {
    'app.info': (c) => ({ version: c.version, dataDir: c.dataDir, dbPath, mode: c.mode === 'electron' ? 'electron' : 'web' }),
  } satisfies PartialHandlers;
  return [
    appHandlers,
    meetingHandlers,
    liveHandlers,
    rosterHandlers,
    itemHandlers,
    photoHandlers,
    meetingFileHandlers,
    documentHandlers,
    importHandlers,
    shellHandlers,
    sampleHandlers,
    followupHandlers,
    followupDocHandlers,
    audioHandlers,
    timingHandlers,
    hubHandlers,
    backupHandlers(health, restore),
  ] as const;
}
