import type { Migration } from '../migrate';
import { rebuildDf } from '../../search/df';

// How many index rows hold each word prefix of one to six characters (issue 15), kept at every
// write by electron/core/search/df.ts. bm25's IDF made FTS5 count every match of every query word
// on each search; a word in at least half the rows gets FTS5's floor IDF, and this table proves it
// without counting, so the ranking leaves that word out (the hits stay the same). Counted here once
// from the rows already indexed; '' holds the number of rows.
export const m011SearchDf: Migration = {
  version: 11,
  name: 'search: rows per word prefix',
  up(db) {
    db.exec('CREATE TABLE search_df (term TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID');
    rebuildDf(db);
  },
};
