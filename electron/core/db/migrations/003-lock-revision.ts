import type { Migration } from '../migrate';

// Finalising the minutes (chốt biên bản) locks a meeting. Editing afterwards needs an unlock with a
// reason; the first change after an unlock raises the revision printed on the exported minutes.
export const m003LockRevision: Migration = {
  version: 3,
  name: 'lock and revision bookkeeping',
  up(db) {
    db.exec(`
      ALTER TABLE meetings ADD COLUMN locked_at TEXT;
      ALTER TABLE meetings ADD COLUMN revision_pending INTEGER NOT NULL DEFAULT 0 CHECK (revision_pending IN (0, 1));
    `);
  },
};
