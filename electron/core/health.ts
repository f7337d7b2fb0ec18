import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { UserError } from '../shared/result';
import type { Health as HealthView } from '../shared/contract';
import { MIGRATIONS } from './db/migrations';
import { migrate } from './db/migrate';
import { openDatabase, type OpenOptions } from './db/open';

/** What the start-up check found. The renderer shows the recovery screen unless state is 'ok'. */
export type Health = Omit<HealthView, 'backups'>;

/**
 * Opens the database for the core. A damaged file is never deleted, rewritten or migrated: the
 * core then runs read-only on it when SQLite can still read it, or on an empty in-memory
 * database, and reports 'corrupt' so the user can restore a backup or read what is left.
 */
export function openWithHealth(file: string, opts: OpenOptions = {}): { db: Db; health: Health } {
  try {
    return { db: openDatabase(file, { ...opts, check: true }), health: { state: 'ok', readOnly: false, message: '' } };
  } catch (e) {
    if (!(e instanceof UserError) || e.code !== 'db_corrupt') throw e;
    let db: Db | null = null;
    if (existsSync(file)) {
      try {
        db = openDatabase(file, { ...opts, readonly: true });
        const v = db.pragma('user_version', { simple: true }) as number;
        if (v !== MIGRATIONS.length) {
          db.close();
          db = null;
        } else db.prepare('SELECT count(*) FROM meetings').get();
      } catch {
        db?.close();
        db = null;
      }
    }
    const readOnly = db !== null;
    if (!db) {
      db = new Database(':memory:', opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
      migrate(db, MIGRATIONS);
    }
    return { db, health: { state: 'corrupt', readOnly, message: e.message } };
  }
}
