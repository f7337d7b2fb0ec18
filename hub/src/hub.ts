// Opens the hub's database (PGlite in a data folder, or PostgreSQL with DATABASE_URL), brings its
// schema up to date and seeds the default follow-up statuses. The server and the CLI both start here.
import { DEFAULT_STATUSES } from '../../electron/shared/followup';
import { openHubDb, type HubDb } from './db';
import { migrate } from './migrate';

export async function openHub(opts: { dataDir: string | null; databaseUrl?: string }): Promise<HubDb> {
  const db = await openHubDb(opts);
  try {
    await migrate(db);
    for (const s of DEFAULT_STATUSES)
      await db.query('INSERT INTO statuses (key, label, category, answered, sort_order, active) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (key) DO NOTHING', [
        s.key,
        s.label,
        s.category,
        s.answered,
        s.sortOrder,
        s.active,
      ]);
  } catch (e) {
    await db.close();
    throw e;
  }
  return db;
}
