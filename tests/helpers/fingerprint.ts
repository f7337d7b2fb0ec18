import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';

/** A hash of every row of every table: equal before and after means "the database is unchanged". */
export function fingerprint(db: Database): string {
  const h = createHash('sha256');
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
  for (const { name } of tables) {
    h.update(name);
    for (const row of db.prepare(`SELECT * FROM "${name}"`).raw().all() as unknown[][])
      h.update(JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? createHash('sha1').update(v).digest('hex') : typeof v === 'bigint' ? String(v) : v)));
  }
  return h.digest('hex');
}
