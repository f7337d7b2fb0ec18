import type { Migration } from '../migrate';
import { PEOPLE_INDEX_SCHEMA, rebuildPeopleIndex } from '../../search/people-index';

// The rowid layout before this migration: code * 2^40 + id.
const SPAN = 2 ** 40;

// Speed at every size (issue 15).
// 1. The search index gets FTS5 prefix indexes for one, two and three characters (every typed
//    word is a prefix term, "thi"*, and without them a short prefix is the union of every word
//    that starts with it), and its rowids now say how recently a row was written: `search_rows`
//    maps (kind, item) to the rowid, handed out downwards, so a query reads the newest matches
//    first and ranks a bounded window of them (electron/core/search/search.ts). Existing rows
//    are numbered by meeting, newest meeting first. Rebuilt once (seconds for 150,000 rows).
// 2. The directory's type-ahead index (electron/core/search/people-index.ts): folded names, given
//    name, initials, titles and unit, in protocol order, with FTS5 (prefix) and trigram indexes;
//    triggers on `people` mark each changed person, so no code path can leave it stale.
export const m008SpeedIndexes: Migration = {
  version: 8,
  name: 'speed indexes: search by recency with prefixes, the directory type-ahead index',
  up(db) {
    db.exec(`
      CREATE TABLE search_rows (
        rowid INTEGER PRIMARY KEY,
        kind INTEGER NOT NULL,
        item_id INTEGER NOT NULL,
        meeting_id INTEGER NOT NULL,
        UNIQUE (kind, item_id)
      );
      CREATE INDEX search_rows_meeting ON search_rows(meeting_id);
      INSERT INTO search_rows (rowid, kind, item_id, meeting_id)
        SELECT -row_number() OVER (ORDER BY meeting_id, rowid), rowid / ${SPAN}, rowid % ${SPAN}, meeting_id FROM search_index;
      CREATE VIRTUAL TABLE search_index_008 USING fts5(
        body,
        meeting_id UNINDEXED,
        original UNINDEXED,
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '1 2 3'
      );
      INSERT INTO search_index_008 (rowid, body, meeting_id, original)
        SELECT r.rowid, s.body, s.meeting_id, s.original
          FROM search_index s JOIN search_rows r ON r.kind = s.rowid / ${SPAN} AND r.item_id = s.rowid % ${SPAN}
         ORDER BY r.rowid;
      DROP TABLE search_index;
      ALTER TABLE search_index_008 RENAME TO search_index;
      INSERT INTO search_index (search_index) VALUES ('optimize');
    `);
    db.exec(PEOPLE_INDEX_SCHEMA);
    rebuildPeopleIndex(db);
  },
};
