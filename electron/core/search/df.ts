import type { Database } from 'better-sqlite3';

// How many index rows hold each word prefix (migration 011's `search_df`), kept at every write.
// Why: bm25's IDF makes FTS5 count every match of every query word, once per query; for a short
// common prefix ("co"*, 122,527 rows of a 151,000-row archive) that count was most of a search's
// time. A word in at least half the rows gets FTS5's floor IDF (1e-6): it cannot change the order
// beyond a millionth of a point, so once this table proves a word that common, the ranking leaves
// it out and FTS5 never counts it. The table only has to prove "at least half"; it never replaces
// a count FTS5 makes.

/** The longest prefix counted: the longest prefix index (migration 010). */
export const DF_MAX = 6;

// FTS5's unicode61 token characters: letters, digits, private use.
const TOKEN = /[\p{L}\p{N}\p{Co}]+/gu;

/**
 * Every distinct prefix of one to DF_MAX characters of the folded body's words, and '' for the row
 * itself (its count is the number of rows). A word matches the query word `w`* exactly when it
 * starts with `w`, so a row counts for `w` when `w` (of at most DF_MAX characters) is in its set.
 */
export function prefixesOf(body: string): Set<string> {
  const out = new Set<string>(['']);
  for (const word of new Set(body.match(TOKEN))) {
    for (let k = Math.min(DF_MAX, word.length); k >= 1; k--) out.add(word.slice(0, k));
  }
  return out;
}

const present = new WeakMap<Database, boolean>();
/** True once migration 011's table exists on this connection's file. */
export function hasDf(db: Database): boolean {
  let v = present.get(db);
  if (v === undefined) {
    v = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'search_df'").get() !== undefined;
    present.set(db, v);
  }
  return v;
}

/**
 * One row replaced: `before` and `after` are the folded bodies (null: no row). Only the prefixes
 * that differ are written, so an autosave that changes one word writes a few counts.
 */
export function adjustDf(db: Database, before: string | null, after: string | null): void {
  if (!hasDf(db)) return;
  const old = before === null ? new Set<string>() : prefixesOf(before);
  const now = after === null ? new Set<string>() : prefixesOf(after);
  const added = [...now].filter((p) => !old.has(p));
  const removed = [...old].filter((p) => !now.has(p));
  if (added.length) addDf(db, added, 1);
  if (removed.length) addDf(db, removed, -1);
}

/** Adds `by` to the count of each prefix (one statement, the loop inside SQLite). */
function addDf(db: Database, prefixes: string[], by: number): void {
  db.prepare('INSERT INTO search_df (term, n) SELECT value, ? FROM json_each(?) WHERE true ON CONFLICT (term) DO UPDATE SET n = n + excluded.n').run(by, JSON.stringify(prefixes));
}

/** Rows removed together (a meeting's): their counts taken off at once. */
export function removeFromDf(db: Database, bodies: string[]): void {
  if (!hasDf(db) || bodies.length === 0) return;
  const total = new Map<string, number>();
  for (const b of bodies) for (const p of prefixesOf(b)) total.set(p, (total.get(p) ?? 0) + 1);
  const dec = db.prepare('UPDATE search_df SET n = n - ? WHERE term = ?');
  for (const [p, k] of total) dec.run(k, p);
}

/** Counts every row of the index from scratch (migration 011, and a repair). */
export function rebuildDf(db: Database): void {
  const total = new Map<string, number>();
  for (const body of db.prepare('SELECT body FROM search_index').pluck().iterate() as IterableIterator<string>) {
    for (const p of prefixesOf(body)) total.set(p, (total.get(p) ?? 0) + 1);
  }
  db.prepare('DELETE FROM search_df').run();
  const put = db.prepare('INSERT INTO search_df (term, n) VALUES (?, ?)');
  for (const [p, k] of total) put.run(p, k);
}

/**
 * The query words proven to be in at least half the index rows: FTS5 gives each the floor IDF,
 * so leaving them out of the ranking changes no score by more than 2.2 millionths (1e-6 times
 * bm25's largest term weight, k1 + 1). A word longer than DF_MAX is never proven (not counted).
 */
export function broadWords(db: Database, words: string[]): Set<string> {
  const out = new Set<string>();
  if (!hasDf(db)) return out;
  const get = db.prepare('SELECT n FROM search_df WHERE term = ?').pluck();
  const rows = (get.get('') as number | undefined) ?? 0;
  for (const w of words) {
    if (w.length > DF_MAX) continue;
    const n = (get.get(w) as number | undefined) ?? 0;
    // FTS5: idf = log((N - n + 0.5) / (n + 0.5)), floored at 1e-6 when it is not positive,
    // i.e. when 2n >= N.
    if (rows > 0 && 2 * n >= rows) out.add(w);
  }
  return out;
}
