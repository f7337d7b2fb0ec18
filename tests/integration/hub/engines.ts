// The hub's tests run on both engines: PGlite always, and a real PostgreSQL server when
// THUKY_TEST_PG_URL names one (.ci/run installs and starts PostgreSQL 15 and sets it). Each test
// gets a database of its own on the server, dropped afterwards.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openHub } from '../../../hub/src/hub';
import type { HubDb } from '../../../hub/src/db';

export type Engine = { name: 'pglite' | 'postgres'; open: () => Promise<{ db: HubDb; url?: string; drop: () => Promise<void> }> };

const PG_URL = process.env.THUKY_TEST_PG_URL;

export const ENGINES: Engine[] = [
  {
    name: 'pglite',
    open: async () => {
      const db = await openHub({ dataDir: null });
      return { db, drop: () => db.close() };
    },
  },
  ...(PG_URL
    ? [
        {
          name: 'postgres' as const,
          open: async () => {
            const name = `thuky_hub_test_${randomBytes(6).toString('hex')}`;
            const admin = new pg.Client({ connectionString: PG_URL });
            await admin.connect();
            await admin.query(`CREATE DATABASE ${name}`);
            await admin.end();
            const url = new URL(PG_URL);
            url.pathname = `/${name}`;
            const db = await openHub({ dataDir: null, databaseUrl: url.toString() });
            return {
              db,
              url: url.toString(),
              drop: async () => {
                await db.close();
                const a = new pg.Client({ connectionString: PG_URL });
                await a.connect();
                await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
                await a.end();
              },
            };
          },
        },
      ]
    : []),
];

/** Said once in the test output, so a run without PostgreSQL is visible, not silent. */
export const ENGINE_NOTE = PG_URL ? 'hub tests on PGlite and PostgreSQL' : 'hub tests on PGlite only (THUKY_TEST_PG_URL not set)';
