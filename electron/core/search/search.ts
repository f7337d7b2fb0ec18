import type { Database } from 'better-sqlite3';
import type { SearchHit } from '../../shared/domain';
import { fold, foldedWords } from '../../shared/vi/fold';

export type SearchEntity = SearchHit['entity'];

// rowid = code * 2^40 + id keeps one index row per item addressable without a scan.
const CODES: Record<SearchEntity, number> = { meeting: 1, attendee: 2, speech: 3, recommendation: 4, reply: 5 };
const SPAN = 2 ** 40;
const ENTITY_BY_CODE = Object.fromEntries(Object.entries(CODES).map(([k, v]) => [v, k])) as Record<number, SearchEntity>;

const rowidOf = (entity: SearchEntity, id: number): number => CODES[entity] * SPAN + id;

/** Puts (or replaces) one item's text in the index. Empty text removes it. */
export function indexItem(db: Database, entity: SearchEntity, id: number, meetingId: number, parts: string[]): void {
  const rowid = rowidOf(entity, id);
  db.prepare('DELETE FROM search_index WHERE rowid = ?').run(rowid);
  const original = parts.filter(Boolean).join(' \n ').normalize('NFC');
  const body = fold(original);
  if (body.trim()) db.prepare('INSERT INTO search_index (rowid, body, meeting_id, original) VALUES (?, ?, ?, ?)').run(rowid, body, meetingId, original);
}

export function unindexItem(db: Database, entity: SearchEntity, id: number): void {
  db.prepare('DELETE FROM search_index WHERE rowid = ?').run(rowidOf(entity, id));
}

export function unindexMeeting(db: Database, meetingId: number): void {
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

export function searchAll(db: Database, query: string, limit = 50): SearchHit[] {
  const fts = toFtsQuery(query);
  if (!fts) return [];
  const rows = db
    .prepare(
      `SELECT s.rowid AS rowid, s.meeting_id AS meeting_id, m.title AS title, m.date AS date,
              s.body AS body, s.original AS original
         FROM search_index s JOIN meetings m ON m.id = s.meeting_id AND m.deleted_at IS NULL
        WHERE search_index MATCH ?
        ORDER BY rank LIMIT ?`,
    )
    .all(fts, limit) as { rowid: number; meeting_id: number; title: string; date: string | null; body: string; original: string }[];
  const words = foldedWords(query);
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
    const i = body.search(new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(w)}`, 'u'));
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  if (at < 0) at = 0;
  // Fields are joined with " \n " in the index: keep the excerpt inside the one field that
  // matched, so the result never runs a name, a unit and a content together.
  const fieldStart = src.lastIndexOf('\n', at) + 1;
  const nextBreak = src.indexOf('\n', at);
  const fieldEnd = nextBreak < 0 ? src.length : nextBreak;
  const start = Math.max(fieldStart, at - radius);
  const end = Math.min(fieldEnd, at + radius * 2);
  return `${start > fieldStart ? '…' : ''}${src.slice(start, end).replace(/\s+/g, ' ').trim()}${end < fieldEnd ? '…' : ''}`;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
