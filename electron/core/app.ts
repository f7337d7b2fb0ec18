// Builds the core for one data folder: opens the database and registers every feature's
// handlers. Electron's main process, the browser-mode server and the CLI all start here, so the
// three never diverge.
import type { Database } from 'better-sqlite3';
import { dbPathFor, type OpenOptions } from './db/open';
import { openWithHealth, type Health } from './health';
import { backupHandlers } from './handlers/backup';
import type { CoreContext } from './context';
import { Registry, type Logger } from './registry';
import { meetingHandlers } from './handlers/meetings';
import { rosterHandlers } from './handlers/roster';
import { itemHandlers } from './handlers/items';
import { photoHandlers } from './handlers/photos';
import { meetingFileHandlers } from './handlers/meeting-file';
import { documentHandlers } from './handlers/documents';
import { importHandlers } from './handlers/imports';
import { shellHandlers } from './handlers/shell';
import { sampleHandlers } from './handlers/sample';
import { APP_VERSION } from './version';

export type Core = {
  ctx: CoreContext;
  registry: Registry;
  /** The current connection (a restore replaces it). */
  readonly db: Database;
  health: Health;
  close: () => void;
};

export type CoreOptions = {
  dataDir: string;
  mode: CoreContext['mode'];
  now?: () => Date;
  log?: Logger;
  db?: OpenOptions;
};

export function createCore(opts: CoreOptions): Core {
  const dbPath = dbPathFor(opts.dataDir);
  const { db, health } = openWithHealth(dbPath, opts.db);
  const ctx: CoreContext = { db, dataDir: opts.dataDir, version: APP_VERSION, mode: opts.mode, now: opts.now ?? (() => new Date()) };
  const registry = new Registry(ctx, opts.log)
    .register({
      'app.info': (c) => ({ version: c.version, dataDir: c.dataDir, dbPath, mode: c.mode === 'electron' ? 'electron' : 'web' }),
    })
    .register(meetingHandlers)
    .register(rosterHandlers)
    .register(itemHandlers)
    .register(photoHandlers)
    .register(meetingFileHandlers)
    .register(documentHandlers)
    .register(importHandlers)
    .register(shellHandlers)
    .register(sampleHandlers)
    .register(backupHandlers(health));
  return {
    ctx,
    registry,
    get db() {
      return ctx.db;
    },
    health,
    close: () => {
      if (ctx.db.open) ctx.db.close();
    },
  };
}
