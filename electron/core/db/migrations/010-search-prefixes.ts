import type { Migration } from '../migrate';

// Search's FTS5 prefix indexes, one to six characters (issue 15). Every typed word is a prefix
// term ("nhan"*), and a prefix longer than the longest prefix index is answered by merging the
// doclists of every word that starts with it into one list in memory, all of it, before the first
// match comes out — and again for bm25's IDF, which counts each term's matches. Migration 008
// indexed prefixes up to three characters; a Vietnamese syllable has up to seven letters and the
// words people type are mostly four to six ("nguoi", "truong", "chung"). Measured on the 1×
// archive (151,000 rows, 200 queries, CPU time): search p50 4.6 → 3.3 ms, p99 12.7 → 7.1 ms, the
// same hits in the same order; the index grows from 102 to 123 MB. FTS5 cannot change `prefix`
// in place, so the table is rebuilt with its rowids (migration 008's recency order) kept.
export const m010SearchPrefixes: Migration = {
  version: 10,
  name: 'search: prefix indexes of one to six characters',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE search_index_010 USING fts5(
        body,
        meeting_id UNINDEXED,
        original UNINDEXED,
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '1 2 3 4 5 6'
      );
      INSERT INTO search_index_010 (rowid, body, meeting_id, original)
        SELECT rowid, body, meeting_id, original FROM search_index ORDER BY rowid;
      DROP TABLE search_index;
      ALTER TABLE search_index_010 RENAME TO search_index;
      INSERT INTO search_index (search_index) VALUES ('optimize');
    `);
  },
};
