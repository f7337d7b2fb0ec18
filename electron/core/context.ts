import type { Database } from 'better-sqlite3';

/** What every handler receives: the one writing connection and the facts of this run. */
export type CoreContext = {
  db: Database;
  dataDir: string;
  version: string;
  mode: 'electron' | 'web' | 'cli';
  now: () => Date;
};

export const nowIso = (ctx: Pick<CoreContext, 'now'>): string => ctx.now().toISOString();

/**
 * Runs one change as one SQLite transaction, stamped with one time: `fn` gets the connection and
 * the ISO time to record. All of the change is written, or (when `fn` throws) none of it. `fn`
 * must be synchronous: better-sqlite3 commits when it returns, so an awaited step would run
 * outside the transaction. Reads `ctx.db` at call time, since a restore replaces the connection.
 */
export function write<T>(ctx: Pick<CoreContext, 'db' | 'now'>, fn: (db: Database, now: string) => T): T {
  const { db } = ctx;
  const now = nowIso(ctx);
  return db.transaction(() => fn(db, now))();
}
