import type { Database } from 'better-sqlite3';
import type { SearchHit } from '../../shared/domain';
import { fold, foldedWords } from '../../shared/vi/fold';
import { adjustDf, broadWords, hasDf, removeFromDf } from './df';

export type SearchEntity = SearchHit['entity'];

// Two layouts of the index rows.
// - Since migration 008: `search_rows` maps each (kind, item) to its index rowid, and rowids are
//   handed out downwards (-1, -2, …) each time an item is (re)indexed, so FTS5's ascending rowid
//   order is "most recently written first" and a query reads the newest matches first.
// - Before it (a file not yet migrated): rowid = code * 2^40 + id, one row per item addressable
//   without a scan.
const CODES: Record<SearchEntity, number> = { meeting: 1, attendee: 2, speech: 3, recommendation: 4, reply: 5 };
const SPAN = 2 ** 40;
const ENTITY_BY_CODE = Object.fromEntries(Object.entries(CODES).map(([k, v]) => [v, k])) as Record<number, SearchEntity>;

const legacyRowid = (entity: SearchEntity, id: number): number => CODES[entity] * SPAN + id;

const layout = new WeakMap<Database, boolean>();
/** True when migration 008's `search_rows` exists on this connection's file. */
function recencyLayout(db: Database): boolean {
  let v = layout.get(db);
  if (v === undefined) {
    v = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'search_rows'").get() !== undefined;
    layout.set(db, v);
  }
  return v;
}

/**
 * Removes one item's row; returns nothing to remove as a no-op. Returns the removed row's folded
 * body when migration 011's counts need it (null otherwise, or when there was no row).
 */
function dropRow(db: Database, entity: SearchEntity, id: number): string | null {
  if (!recencyLayout(db)) {
    db.prepare('DELETE FROM search_index WHERE rowid = ?').run(legacyRowid(entity, id));
    return null;
  }
  const old = db.prepare('SELECT rowid FROM search_rows WHERE kind = ? AND item_id = ?').pluck().get(CODES[entity], id) as number | undefined;
  if (old === undefined) return null;
  const body = hasDf(db) ? ((db.prepare('SELECT body FROM search_index WHERE rowid = ?').pluck().get(old) as string | undefined) ?? null) : null;
  db.prepare('DELETE FROM search_index WHERE rowid = ?').run(old);
  db.prepare('DELETE FROM search_rows WHERE rowid = ?').run(old);
  return body;
}

/** Puts (or replaces) one item's text in the index. Empty text removes it. */
export function indexItem(db: Database, entity: SearchEntity, id: number, meetingId: number, parts: string[]): void {
  const before = dropRow(db, entity, id);
  const original = parts.filter(Boolean).join(' \n ').normalize('NFC');
  const body = fold(original);
  if (!body.trim()) {
    adjustDf(db, before, null);
    return;
  }
  let rowid = legacyRowid(entity, id);
  if (recencyLayout(db)) {
    rowid = ((db.prepare('SELECT min(rowid) FROM search_rows').pluck().get() as number | null) ?? 0) - 1;
    if (rowid >= 0) rowid = -1;
    db.prepare('INSERT INTO search_rows (rowid, kind, item_id, meeting_id) VALUES (?, ?, ?, ?)').run(rowid, CODES[entity], id, meetingId);
  }
  db.prepare('INSERT INTO search_index (rowid, body, meeting_id, original) VALUES (?, ?, ?, ?)').run(rowid, body, meetingId, original);
  adjustDf(db, before, body);
}

export function unindexItem(db: Database, entity: SearchEntity, id: number): void {
  adjustDf(db, dropRow(db, entity, id), null);
}

export function unindexMeeting(db: Database, meetingId: number): void {
  if (recencyLayout(db)) {
    if (hasDf(db)) removeFromDf(db, db.prepare('SELECT body FROM search_index WHERE rowid IN (SELECT rowid FROM search_rows WHERE meeting_id = ?)').pluck().all(meetingId) as string[]);
    db.prepare('DELETE FROM search_index WHERE rowid IN (SELECT rowid FROM search_rows WHERE meeting_id = ?)').run(meetingId);
    db.prepare('DELETE FROM search_rows WHERE meeting_id = ?').run(meetingId);
    return;
  }
  db.prepare('DELETE FROM search_index WHERE meeting_id = ?').run(meetingId);
}

/**
 * Turns what the user typed into an FTS5 query: each folded word becomes a quoted prefix term, so
 * "song pheo" finds "sông Pheo" and "tuye" already finds "Tuyên". Quoting keeps FTS5 syntax
 * characters in the input from ever being read as operators.
 */
export function toFtsQuery(query: string): string | null {
  const words = queryWords(query);
  return words.length === 0 ? null : ftsOf(words);
}

/** The folded words a query is made of: at most 12. */
const queryWords = (query: string): string[] => foldedWords(query).slice(0, 12);
const ftsOf = (words: string[]): string => words.map((w) => `"${w.replace(/"/g, '')}"*`).join(' ');

/**
 * How many of the most recently written matches are ranked. bm25 reads every ranked row's
 * positions and length: ranking all of a common word's matches (20–30 % of a 150,000-row
 * archive) took 60–100 ms; the newest 1,000 cost 1–2 ms over reading the query's doclists, which
 * is the rest. A query with fewer matches is ranked whole, so on any archive a secretary builds
 * in years the order is exact.
 */
export const RANK_WINDOW = 1000;

/** Characters of an excerpt before the matching word (twice as many after it). */
const SNIPPET_RADIUS = 60;

type Ranked = { rowid: number; score: number };
type PickedRow = { rowid: number; kind: number; item_id: number; meeting_id: number; title: string; date: string | null; body: string; original: string };

/** The ranked window of a query: the best `limit` of its newest RANK_WINDOW matches in live meetings. */
export function rankWindow(db: Database, fts: string, limit: number): Ranked[] {
  // The window: FTS5 reads matches newest first (ascending rowids) and stops at RANK_WINDOW; bm25
  // ranks them inside SQLite and only the best `limit` come back. Best first; equal scores newest
  // first. The work it cannot bound is bm25's IDF: FTS5 counts every match of each word once per
  // query (a common short prefix, "co"*, is 120,000 rows of a 151,000-row archive: 2–3 ms CPU);
  // migration 010's prefix indexes (one to six characters) let it read each word's list as stored
  // instead of merging every word that starts with it first.
  const allSql = `SELECT rowid, score FROM (
       SELECT rowid, bm25(search_index) AS score FROM search_index
        WHERE search_index MATCH ? ORDER BY rowid LIMIT ?)
     ORDER BY score, rowid LIMIT ?`;
  // The same with the trashed meetings' rows left out before the window is counted. The two joins
  // cost two lookups per windowed row (≈ 20 % of a common query's time), so they run only while the
  // trash holds a meeting; without one, both statements return the same rows.
  const liveSql = `SELECT rowid, score FROM (
       SELECT s.rowid AS rowid, bm25(search_index) AS score
         FROM search_index s
         JOIN search_rows r ON r.rowid = s.rowid
         JOIN meetings m ON m.id = r.meeting_id AND m.deleted_at IS NULL
        WHERE search_index MATCH ?
        ORDER BY s.rowid LIMIT ?)
     ORDER BY score, rowid LIMIT ?`;
  return db.prepare(trashHolds(db) ? liveSql : allSql).all(fts, RANK_WINDOW, limit) as Ranked[];
}

/** Whether a meeting is in the trash: a scan of the meetings table, 0.04 ms for 1,000 meetings, far below what the joins cost. */
const trashHolds = (db: Database): boolean => db.prepare('SELECT 1 FROM meetings WHERE deleted_at IS NOT NULL LIMIT 1').get() !== undefined;

/**
 * The best `limit` of a query's ranked window, ranked by its informative words: those not proven
 * (migration 011's counts) to be in at least half the index rows. FTS5 gives such a common word
 * the floor IDF, 1e-6, so it moves no score by more than 2.2e-6; ranked without it, FTS5 does not
 * count its matches (122,527 rows for "co"* in a 151,000-row archive, 3 ms). The window is still
 * the newest RANK_WINDOW matches of every word. What changes: rows whose informative words score
 * exactly the same were told apart by how often the common word occurs (a millionth of a point);
 * they now come newest first, as equal scores always did. A query of common words only is ranked
 * by all of them, as before: there the millionths are the whole order.
 */
export function rankQuery(db: Database, query: string, limit: number): Ranked[] {
  const words = queryWords(query);
  if (words.length === 0) return [];
  const broad = broadWords(db, words);
  const informative = words.filter((w) => !broad.has(w));
  if (broad.size === 0 || informative.length === 0) return rankWindow(db, ftsOf(words), limit);
  const windowSql = trashHolds(db)
    ? `SELECT s.rowid FROM search_index s
         JOIN search_rows r ON r.rowid = s.rowid
         JOIN meetings m ON m.id = r.meeting_id AND m.deleted_at IS NULL
        WHERE search_index MATCH ? ORDER BY s.rowid LIMIT ?`
    : 'SELECT rowid FROM search_index WHERE search_index MATCH ? ORDER BY rowid LIMIT ?';
  const ids = db.prepare(windowSql).pluck().all(ftsOf(words), RANK_WINDOW) as number[];
  if (ids.length === 0) return [];
  // The informative words' matches from the window's first rowid on, scored only when they are
  // one of the window's rows: bm25 costs ≈ 1.3 µs a row (its length lookup), and between the
  // window's rows lie others that lack a common word. `+rowid` keeps the list a filter: as an
  // index constraint it would make FTS5 start over, IDF counts included, for each rowid. No
  // `rowid <= last`: with an upper bound FTS5 reads far more of each prefix's list (3.5 ms instead
  // of 0.4 measured); the LIMIT stops it at the window's last row.
  const scoreSql = `SELECT rowid, score FROM (
       SELECT rowid, bm25(search_index) AS score FROM search_index
        WHERE search_index MATCH ? AND rowid >= ? AND +rowid IN (SELECT value FROM json_each(?))
        ORDER BY rowid LIMIT ?)
     ORDER BY score, rowid LIMIT ?`;
  return db.prepare(scoreSql).all(ftsOf(informative), ids[0], JSON.stringify(ids), ids.length, limit) as Ranked[];
}

export function searchAll(db: Database, query: string, limit = 50): SearchHit[] {
  const fts = toFtsQuery(query);
  if (!fts) return [];
  const words = foldedWords(query);
  if (!recencyLayout(db)) return legacySearch(db, fts, words, limit);
  const best = rankQuery(db, query, limit);
  // Only the rows shown are read whole and given a snippet, in one statement (a third cheaper
  // than one per row), then put back in the ranking's order.
  const pickSql = `SELECT r.rowid AS rowid, r.kind AS kind, r.item_id AS item_id, r.meeting_id AS meeting_id, m.title AS title, m.date AS date, s.body AS body, s.original AS original
       FROM search_rows r JOIN search_index s ON s.rowid = r.rowid JOIN meetings m ON m.id = r.meeting_id AND m.deleted_at IS NULL
      WHERE r.rowid IN (SELECT value FROM json_each(?))`;
  const rows = new Map((db.prepare(pickSql).all(JSON.stringify(best.map((b) => b.rowid))) as PickedRow[]).map((r) => [r.rowid, r]));
  const starts = wordStarts(words);
  return best.flatMap(({ rowid }) => {
    const r = rows.get(rowid);
    if (!r) return [];
    return [
      {
        meetingId: r.meeting_id,
        meetingTitle: r.title,
        meetingDate: r.date,
        entity: ENTITY_BY_CODE[r.kind] ?? 'meeting',
        entityId: r.item_id,
        snippet: excerpt(r.original, r.body, starts, SNIPPET_RADIUS),
      },
    ];
  });
}

/** Before migration 008: every match ranked. */
function legacySearch(db: Database, fts: string, words: string[], limit: number): SearchHit[] {
  const rows = db
    .prepare(
      `SELECT s.rowid AS rowid, s.meeting_id AS meeting_id, m.title AS title, m.date AS date,
              s.body AS body, s.original AS original
         FROM search_index s JOIN meetings m ON m.id = s.meeting_id AND m.deleted_at IS NULL
        WHERE search_index MATCH ?
        ORDER BY rank LIMIT ?`,
    )
    .all(fts, limit) as { rowid: number; meeting_id: number; title: string; date: string | null; body: string; original: string }[];
  const starts = wordStarts(words);
  return rows.map((r) => {
    const code = Math.floor(r.rowid / SPAN);
    return {
      meetingId: r.meeting_id,
      meetingTitle: r.title,
      meetingDate: r.date,
      entity: ENTITY_BY_CODE[code] ?? 'meeting',
      entityId: r.rowid - code * SPAN,
      snippet: excerpt(r.original, r.body, starts, SNIPPET_RADIUS),
    };
  });
}

/**
 * An excerpt of the text as typed around the first matching word. Folding NFC Vietnamese keeps
 * one character per character, so positions found in the folded body hold in the original.
 */
export function snippetOf(original: string, body: string, words: string[], radius = SNIPPET_RADIUS): string {
  return excerpt(original, body, wordStarts(words), radius);
}

/** Where each word starts a word of the folded body: compiled once per query, not once per hit and word. */
function wordStarts(words: string[]): RegExp[] {
  // A look-behind, so a match is where the word starts, not the separator before it: a word that
  // starts a line inside a field ("…\nSông Pheo") would otherwise put the excerpt on the line
  // break and it would come out empty.
  return words.map((w) => new RegExp(`(?<=^|[^\\p{L}\\p{N}])${escapeRegExp(w)}`, 'u'));
}

function excerpt(original: string, body: string, starts: RegExp[], radius: number): string {
  const src = original.length === body.length ? original : body;
  let at = -1;
  for (const re of starts) {
    const i = body.search(re);
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  if (at < 0) at = 0;
  // Fields are joined with " \n " in the index: keep the excerpt inside the one field that
  // matched, so the result never runs a name, a unit and a content together.
  const fieldStart = src.lastIndexOf('\n', at) + 1;
  // From the field's start, not from `at`: with no word found, `at` is 0 and may sit on a line
  // break (a text that begins with one), which must not end the field before it starts.
  const nextBreak = src.indexOf('\n', fieldStart);
  const fieldEnd = nextBreak < 0 ? src.length : nextBreak;
  const start = Math.max(fieldStart, at - radius);
  const end = Math.min(fieldEnd, at + radius * 2);
  return `${start > fieldStart ? '…' : ''}${src.slice(start, end).replace(/\s+/g, ' ').trim()}${end < fieldEnd ? '…' : ''}`;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
