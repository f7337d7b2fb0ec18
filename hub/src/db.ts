// One small interface over the two PostgreSQL engines the hub runs on: PGlite (PostgreSQL compiled
// to WebAssembly, in-process, in a data folder: `npm run hub` works on a fresh machine with
// nothing else installed) and a real PostgreSQL server through `pg` (DATABASE_URL), which is what
// a province runs on its own premises. Both speak the same SQL; the hub's code never knows which.
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import pg from 'pg';

export type Sql = {
  query<T extends object = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Several statements, no parameters (migrations). */
  exec(sql: string): Promise<void>;
};

export type HubDb = Sql & {
  readonly engine: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction: all of it is written, or none of it. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

export async function openPglite(dataDir: string | null): Promise<HubDb> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir ?? undefined, { extensions: { pg_trgm } });
  // PGlite runs one statement at a time; a queue keeps a transaction's statements from
  // interleaving with another request's.
  const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Sql => ({
    async query<T extends object>(sql: string, params: unknown[] = []) {
      return (await q.query<T>(sql, params)).rows;
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
  });
  return {
    engine: 'pglite',
    ...wrap(db),
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
    close: () => db.close(),
  };
}

export async function openPostgres(url: string): Promise<HubDb> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // Dates stay ISO strings (YYYY-MM-DD), as in the app, never shifted by a time zone.
  pg.types.setTypeParser(1082, (v: string) => v);
  const client = await pool.connect(); // fails now, with the server's message, if the URL is wrong
  client.release();
  const wrap = (q: Pick<pg.Pool | pg.PoolClient, 'query'>): Sql => ({
    async query<T extends object>(sql: string, params: unknown[] = []) {
      return (await q.query(sql, params)).rows as T[];
    },
    async exec(sql: string) {
      await q.query(sql);
    },
  });
  return {
    engine: 'postgres',
    ...wrap(pool),
    async transaction(fn) {
      const c = await pool.connect();
      try {
        await c.query('BEGIN');
        const out = await fn(wrap(c));
        await c.query('COMMIT');
        return out;
      } catch (e) {
        await c.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        c.release();
      }
    },
    close: () => pool.end(),
  };
}

/** DATABASE_URL chooses a PostgreSQL server; otherwise PGlite in the data folder (null: in memory, for tests). */
export function openHubDb(opts: { databaseUrl?: string; dataDir: string | null }): Promise<HubDb> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl) : openPglite(opts.dataDir);
}
