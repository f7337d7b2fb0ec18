import type { Database } from 'better-sqlite3';
import type { SearchHit } from '../../shared/domain';
import { fold, foldedWords } from '../../shared/vi/fold';

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

/** Removes one item's row; returns nothing to remove as a no-op. */
function dropRow(db: Database, entity: SearchEntity, id: number): void {
  if (!recencyLayout(db)) {
    db.prepare('DELETE FROM search_index WHERE rowid = ?').run(legacyRowid(entity, id));
    return;
  }
  const old = db.prepare('SELECT rowid FROM search_rows WHERE kind = ? AND item_id = ?').pluck().get(CODES[entity], id) as number | undefined;
  if (old === undefined) return;
  db.prepare('DELETE FROM search_index WHERE rowid = ?').run(old);
  db.prepare('DELETE FROM search_rows WHERE rowid = ?').run(old);
}

/** Puts (or replaces) one item's text in the index. Empty text removes it. */
export function indexItem(db: Database, entity: SearchEntity, id: number, meetingId: number, parts: string[]): void {
  dropRow(db, entity, id);
  const original = parts.filter(Boolean).join(' \n ').normalize('NFC');
  const body = fold(original);
  if (!body.trim()) return;
  let rowid = legacyRowid(entity, id);
  if (recencyLayout(db)) {
    rowid = ((db.prepare('SELECT min(rowid) FROM search_rows').pluck().get() as number | null) ?? 0) - 1;
    if (rowid >= 0) rowid = -1;
    db.prepare('INSERT INTO search_rows (rowid, kind, item_id, meeting_id) VALUES (?, ?, ?, ?)').run(rowid, CODES[entity], id, meetingId);
  }
  db.prepare('INSERT INTO search_index (rowid, body, meeting_id, original) VALUES (?, ?, ?, ?)').run(rowid, body, meetingId, original);
}

export function unindexItem(db: Database, entity: SearchEntity, id: number): void {
  dropRow(db, entity, id);
}

export function unindexMeeting(db: Database, meetingId: number): void {
  if (recencyLayout(db)) {
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
  const words = foldedWords(query).slice(0, 12);
  if (words.length === 0) return null;
  return words.map((w) => `"${w.replace(/"/g, '')}"*`).join(' ');
}

/**
 * How many of the most recently written matches are ranked. bm25 reads every ranked row's
 * positions and length: ranking all of a common word's matches (20–30 % of a 150,000-row
 * archive) took 60–100 ms; the newest 1,000 cost 1–2 ms over reading the query's doclists, which
 * is the rest. A query with fewer matches is ranked whole, so on any archive a secretary builds
 * in years the order is exact.
 */
export const RANK_WINDOW = 1000;

type Ranked = { rowid: number; score: number };
type PickedRow = { kind: number; item_id: number; meeting_id: number; title: string; date: string | null; body: string; original: string };

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
  // A scan of the meetings table: 0.04 ms for 1,000 meetings, far below what the joins cost.
  const trashSql = 'SELECT 1 FROM meetings WHERE deleted_at IS NOT NULL LIMIT 1';
  const trashed = db.prepare(trashSql).get() !== undefined;
  return db.prepare(trashed ? liveSql : allSql).all(fts, RANK_WINDOW, limit) as Ranked[];
}

export function searchAll(db: Database, query: string, limit = 50): SearchHit[] {
  const fts = toFtsQuery(query);
  if (!fts) return [];
  const words = foldedWords(query);
  if (!recencyLayout(db)) return legacySearch(db, fts, words, limit);
  const best = rankWindow(db, fts, limit);
  // Only the rows shown are read whole and given a snippet.
  const pickSql = `SELECT r.kind AS kind, r.item_id AS item_id, r.meeting_id AS meeting_id, m.title AS title, m.date AS date, s.body AS body, s.original AS original
       FROM search_rows r JOIN search_index s ON s.rowid = r.rowid JOIN meetings m ON m.id = r.meeting_id AND m.deleted_at IS NULL
      WHERE r.rowid = ?`;
  const pick = db.prepare(pickSql);
  return best.flatMap(({ rowid }) => {
    const r = pick.get(rowid) as PickedRow | undefined;
    if (!r) return [];
    return [
      {
        meetingId: r.meeting_id,
        meetingTitle: r.title,
        meetingDate: r.date,
        entity: ENTITY_BY_CODE[r.kind] ?? 'meeting',
        entityId: r.item_id,
        snippet: snippetOf(r.original, r.body, words),
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
  return rows.map((r) => {
    const code = Math.floor(r.rowid / SPAN);
    return {
      meetingId: r.meeting_id,
      meetingTitle: r.title,
      meetingDate: r.date,
      entity: ENTITY_BY_CODE[code] ?? 'meeting',
      entityId: r.rowid - code * SPAN,
      snippet: snippetOf(r.original, r.body, words),
    };
  });
}

/**
 * An excerpt of the text as typed around the first matching word. Folding NFC Vietnamese keeps
 * one character per character, so positions found in the folded body hold in the original.
 */
export function snippetOf(original: string, body: string, words: string[], radius = 60): string {
  const src = original.length === body.length ? original : body;
  let at = -1;
  for (const w of words) {
    // A look-behind, so `i` is where the word starts, not the separator before it: a word that
    // starts a line inside a field ("…\nSông Pheo") would otherwise put `at` on the line break
    // and the excerpt would come out empty.
    const i = body.search(new RegExp(`(?<=^|[^\\p{L}\\p{N}])${escapeRegExp(w)}`, 'u'));
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
