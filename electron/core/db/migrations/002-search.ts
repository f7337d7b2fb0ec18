import type { Migration } from '../migrate';

// Full-text search over every meeting. The body is stored already folded (see shared/vi/fold.ts)
// because FTS5's remove_diacritics leaves đ alone; `original` keeps the text as typed for snippets. The rowid encodes (entity, id), so keeping the
// index current on each autosave is a rowid delete plus an insert, not a scan.
export const m002Search: Migration = {
  version: 2,
  name: 'full-text search index',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE search_index USING fts5(
        body,
        meeting_id UNINDEXED,
        original UNINDEXED,
        tokenize = 'unicode61 remove_diacritics 2'
      );
    `);
  },
};
