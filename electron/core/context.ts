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
