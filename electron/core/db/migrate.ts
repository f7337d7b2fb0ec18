import type { Database } from 'better-sqlite3';
import { UserError } from '../../shared/result';

export type Migration = {
  version: number;
  name: string;
  up: (db: Database) => void;
  /** Rebuilds a table (to widen a CHECK): foreign keys are off while it runs and checked before commit. */
  rebuildsTables?: boolean;
};

/** Checks the list is 1, 2, 3 … with no gap, so a mis-merged migration fails loudly at start. */
export function assertOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migration list out of order at index ${i}: version ${m.version}`);
  });
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the database to `target` (default: the newest) in one transaction: either every pending
 * migration applies, or none does. A database written by a newer app is refused untouched.
 */
export function migrate(db: Database, migrations: readonly Migration[], target = migrations.length): number {
  assertOrdered(migrations);
  const current = schemaVersion(db);
  if (current > migrations.length) {
    throw new UserError(
      'db_from_future',
      `Dữ liệu này được tạo bởi phiên bản mới hơn của Thư ký Hội nghị (lược đồ ${current}, phiên bản này chỉ đọc được đến ${migrations.length}). Hãy cập nhật ứng dụng; dữ liệu được giữ nguyên, không bị thay đổi.`,
    );
  }
  if (current >= target) return current;
  const pending = migrations.slice(current, target);
  // PRAGMA foreign_keys is a no-op inside a transaction, so it is switched around it.
  const fkWasOn = db.pragma('foreign_keys', { simple: true }) === 1;
  const rebuilds = pending.some((m) => m.rebuildsTables);
  if (rebuilds && fkWasOn) db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      for (const m of pending) {
        m.up(db);
        db.pragma(`user_version = ${m.version}`);
      }
      if (rebuilds) {
        const broken = db.pragma('foreign_key_check') as unknown[];
        if (broken.length) throw new Error(`Migration left ${broken.length} broken foreign key(s)`);
      }
    })();
  } finally {
    if (rebuilds && fkWasOn) db.pragma('foreign_keys = ON');
  }
  return target;
}
