// Numbered SQL files in hub/migrations, applied once each, in order, each in its own transaction,
// recorded in hub_migrations. The same files run on PGlite and on PostgreSQL.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HubDb } from './db';

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'migrations');

export type Migration = { version: number; name: string; sql: string };

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const list = readdirSync(dir)
    .filter((f) => /^\d{3}-[a-z0-9-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 3)), name: f, sql: readFileSync(path.join(dir, f), 'utf8') }));
  list.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`hub migrations must be numbered 001, 002, … without gaps: ${m.name}`);
  });
  return list;
}

/** Applies what is missing; returns the versions applied now. */
export async function migrate(db: HubDb, migrations = readMigrations()): Promise<number[]> {
  await db.exec('CREATE TABLE IF NOT EXISTS hub_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)');
  const applied = new Set((await db.query<{ version: number }>('SELECT version FROM hub_migrations')).map((r) => r.version));
  const done: number[] = [];
  for (const m of migrations) {
    if (applied.has(m.version)) continue;
    await db.transaction(async (tx) => {
      // Two hubs starting on one server at once: the second waits here, then sees it applied.
      if (db.engine === 'postgres') await tx.query('SELECT pg_advisory_xact_lock(727001)');
      const again = await tx.query('SELECT 1 FROM hub_migrations WHERE version = $1', [m.version]);
      if (again.length) return;
      await tx.exec(m.sql);
      await tx.query('INSERT INTO hub_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, new Date().toISOString()]);
      done.push(m.version);
    });
  }
  return done;
}
