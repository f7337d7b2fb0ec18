// The directory's type-ahead index (migration 008): names folded once, kept in SQLite, and read
// in protocol order so one keystroke over 200,000 people reads a few hundred rows, not all of them.
//
// The ranking is the one of `searchPrepared` (electron/shared/people-search.ts), which stays the
// reference: score classes first (1 initials in order, 2 the given name, 3 initials in another
// order, 4, 6 … one more middle or family name matched, 50 titles or unit), then rank, then the
// name in Vietnamese alphabetical order (`nameSortKey`), then id. Each class is an exact FTS5
// expression. A class with few members is read whole through FTS5 and sorted; a class with many
// is read in order from `people_index` with the same condition in SQL, which stops after the
// rows needed (members are then dense: about limit × people / CAP rows are read at most).
import type { Database, Statement } from 'better-sqlite3';
import type { Person } from '../../shared/domain';
import { fold, foldedWords } from '../../shared/vi/fold';
import { nameSortKey } from '../../shared/people-search';
import { parseStringList } from '../repo/json';

/** Created by migration 008. Kept here, next to the code that reads it. */
export const PEOPLE_INDEX_SCHEMA = `
  CREATE TABLE people_index (
    person_id INTEGER NOT NULL,
    rank INTEGER NOT NULL,
    skey TEXT NOT NULL,
    given TEXT NOT NULL,
    lead TEXT NOT NULL,
    init TEXT NOT NULL,
    isort TEXT NOT NULL,
    extra TEXT NOT NULL,
    PRIMARY KEY (rank, skey, person_id)
  ) WITHOUT ROWID;
  CREATE UNIQUE INDEX people_index_person ON people_index(person_id);
  CREATE VIRTUAL TABLE people_fts USING fts5(
    given, lead, init, isort,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 0', prefix = '1 2 3'
  );
  CREATE VIRTUAL TABLE people_extra USING fts5(extra, content = '', contentless_delete = 1, tokenize = 'trigram');
  CREATE TABLE people_index_dirty (person_id INTEGER PRIMARY KEY);
  CREATE TRIGGER people_index_on_insert AFTER INSERT ON people BEGIN
    INSERT OR IGNORE INTO people_index_dirty (person_id) VALUES (NEW.id);
  END;
  CREATE TRIGGER people_index_on_update AFTER UPDATE OF id, full_name, titles_json, organization, rank ON people BEGIN
    INSERT OR IGNORE INTO people_index_dirty (person_id) VALUES (OLD.id);
    INSERT OR IGNORE INTO people_index_dirty (person_id) VALUES (NEW.id);
  END;
  CREATE TRIGGER people_index_on_delete AFTER DELETE ON people BEGIN
    INSERT OR IGNORE INTO people_index_dirty (person_id) VALUES (OLD.id);
  END;
`;

/** Above this many members a class is read in protocol order with a filter instead of sorted whole. */
export const CLASS_CAP = 1000;

type PersonRow = { id: number; full_name: string; titles_json: string; organization: string; rank: number };

const hasIndex = new WeakMap<Database, boolean>();

/** False on a database migrated before 008 (a read-only or older file): the caller searches in memory. */
export function peopleIndexReady(db: Database): boolean {
  let ready = hasIndex.get(db);
  if (ready === undefined) {
    ready = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'people_index'").get() !== undefined;
    hasIndex.set(db, ready);
  }
  return ready;
}

/** The folded fields of one person, as stored. */
export function indexFields(p: { fullName: string; titles: string[]; organization: string }): {
  skey: string;
  given: string;
  lead: string;
  init: string;
  isort: string;
  extra: string;
} {
  const words = foldedWords(p.fullName);
  const init = words.map((w) => w[0]).join('');
  return {
    skey: nameSortKey(p.fullName),
    given: words.at(-1) ?? '',
    lead: words.slice(0, -1).join(' '),
    init,
    isort: [...init].sort().join(''),
    extra: fold(`${p.titles.join(' ')} ${p.organization}`),
  };
}

type Writers = { index: Statement; fts: Statement; extra: Statement };

function writers(db: Database): Writers {
  return {
    index: db.prepare('INSERT INTO people_index (person_id, rank, skey, given, lead, init, isort, extra) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
    fts: db.prepare('INSERT INTO people_fts (rowid, given, lead, init, isort) VALUES (?, ?, ?, ?, ?)'),
    extra: db.prepare('INSERT INTO people_extra (rowid, extra) VALUES (?, ?)'),
  };
}

function indexRow(w: Writers, r: PersonRow): void {
  const f = indexFields({ fullName: r.full_name, titles: parseStringList(r.titles_json), organization: r.organization });
  // A leading space, so "a word of lead starts with p" is instr(lead, ' ' || p) in SQL.
  w.index.run(r.id, r.rank, f.skey, f.given, f.lead ? ` ${f.lead}` : '', f.init, f.isort, f.extra);
  w.fts.run(r.id, f.given, f.lead, f.init, f.isort);
  w.extra.run(r.id, f.extra);
}

function unindex(db: Database, id: number): void {
  db.prepare('DELETE FROM people_index WHERE person_id = ?').run(id);
  db.prepare('DELETE FROM people_fts WHERE rowid = ?').run(id);
  db.prepare('DELETE FROM people_extra WHERE rowid = ?').run(id);
}

const SELECT_PERSON = 'SELECT id, full_name, titles_json, organization, rank FROM people';

/**
 * Brings the index up to date with the people the triggers marked (every write to `people`, by
 * any code path). Usually nothing is marked and this is one empty read. On a read-only
 * connection the marks cannot be cleared: the search then answers from the index as it is.
 */
export function refreshPeopleIndex(db: Database): void {
  const dirty = db.prepare('SELECT person_id FROM people_index_dirty').pluck().all() as number[];
  if (dirty.length === 0 || db.readonly) return;
  // Most of the directory changed at once (an import straight into the table): rebuild whole.
  if (dirty.length > 5000 && dirty.length * 2 > (db.prepare('SELECT count(*) FROM people').pluck().get() as number)) {
    rebuildPeopleIndex(db);
    return;
  }
  const get = db.prepare(`${SELECT_PERSON} WHERE id = ?`);
  const w = writers(db);
  db.transaction(() => {
    for (const id of dirty) {
      unindex(db, id);
      const r = get.get(id) as PersonRow | undefined;
      if (r) indexRow(w, r);
    }
    db.prepare('DELETE FROM people_index_dirty').run();
  })();
}

/** Fills the index from `people` (the migration; a bulk import). */
export function rebuildPeopleIndex(db: Database): void {
  db.transaction(() => {
    db.exec('DELETE FROM people_index; DELETE FROM people_fts; DELETE FROM people_extra; DELETE FROM people_index_dirty;');
    const w = writers(db);
    // In pages by id: a connection cannot write while it iterates.
    const page = db.prepare(`${SELECT_PERSON} WHERE id > ? ORDER BY id LIMIT 5000`);
    for (let last = -Infinity; ; ) {
      const rows = page.all(last) as PersonRow[];
      if (rows.length === 0) break;
      for (const r of rows) {
        const f = indexFields({ fullName: r.full_name, titles: parseStringList(r.titles_json), organization: r.organization });
        w.index.run(r.id, r.rank, f.skey, f.given, f.lead ? ` ${f.lead}` : '', f.init, f.isort, f.extra);
      }
      last = rows.at(-1)!.id;
    }
    // The full-text indexes in two statements, from the rows just written.
    db.exec(`
      INSERT INTO people_fts (rowid, given, lead, init, isort) SELECT person_id, given, ltrim(lead), init, isort FROM people_index;
      INSERT INTO people_extra (rowid, extra) SELECT person_id, extra FROM people_index;
    `);
  })();
}

/** One score class: its exact FTS5 expression (to count and to list a small class) and the same condition in SQL. */
type Klass = { table: 'people_fts' | 'people_extra' | null; match: string; where: string; params: (string | number)[] };

const ORDER = 'ORDER BY i.rank, i.skey, i.person_id';
const phrase = (s: string): string => `"${s.replace(/"/g, '""')}"`;

function classIds(db: Database, k: Klass, need: number, seen: ReadonlySet<number>): number[] {
  const lim = need + seen.size;
  let small = false;
  if (k.table) {
    const n = db.prepare(`SELECT count(*) FROM (SELECT 1 FROM ${k.table} WHERE ${k.table} MATCH ? LIMIT ?)`).pluck().get(k.match, CLASS_CAP + 1) as number;
    if (n === 0) return [];
    small = n <= CLASS_CAP;
  }
  const ids = small
    ? (db
        .prepare(`SELECT i.person_id FROM ${k.table} JOIN people_index i ON i.person_id = ${k.table}.rowid WHERE ${k.table} MATCH ? ${ORDER} LIMIT ?`)
        .pluck()
        .all(k.match, lim) as number[])
    : (db.prepare(`SELECT i.person_id FROM people_index i WHERE ${k.where} ${ORDER} LIMIT ?`).pluck().all(...k.params, lim) as number[]);
  return ids.filter((id) => !seen.has(id)).slice(0, need);
}

/** Every subset of {0 … n-1} with `size` members. */
function subsets(n: number, size: number): number[][] {
  const out: number[][] = [];
  const walk = (from: number, acc: number[]): void => {
    if (acc.length === size) {
      out.push(acc);
      return;
    }
    for (let i = from; i < n; i++) walk(i + 1, [...acc, i]);
  };
  walk(0, []);
  return out;
}

/** Parts matched only through the given name must all be prefixes of that one word. */
const chain = (parts: string[]): boolean => parts.every((a) => parts.every((b) => a.startsWith(b) || b.startsWith(a)));

/**
 * The classes of a query of k words (k ≤ MAX_SUBSET_WORDS), best first. Word class j (score
 * 2 + 2j): every word is a prefix of a word of the name, and exactly j of them of a word before
 * the given name (searchPrepared scores the first word that matches).
 */
function nameClasses(q: string[]): Klass[] {
  const k = q.length;
  const out: Klass[] = [];
  const single = k === 1 && q[0]!.length >= 2;
  const sorted = single ? [...q[0]!].sort().join('') : '';
  const inLead = (p: string): string => `lead : ${phrase(p)}*`;
  const onlyGiven = (p: string): string => `((given : ${phrase(p)}*) NOT (lead : ${phrase(p)}*))`;
  if (single) out.push({ table: 'people_fts', match: `init : ${phrase(q[0]!)}*`, where: 'substr(i.init, 1, ?) = ?', params: [q[0]!.length, q[0]!] });
  const leadSql = "(instr(i.lead, ' ' || ?) > 0)";
  const givenSql = 'substr(i.given, 1, ?) = ?';
  for (let j = 0; j <= k; j++) {
    const combos = subsets(k, j).filter((s) => chain(q.filter((_, i) => !s.includes(i))));
    if (combos.length > 0) {
      let match = combos.map((s) => `(${q.map((p, i) => (s.includes(i) ? inLead(p) : onlyGiven(p))).join(' AND ')})`).join(' OR ');
      const params: (string | number)[] = [];
      let where = q
        .map((p) => {
          params.push(p, p.length, p);
          return `(${leadSql} OR ${givenSql})`;
        })
        .join(' AND ');
      where += ` AND (${q.map(() => leadSql).join(' + ')}) = ?`;
      params.push(...q, j);
      // A single word whose letters are the initials in another order scores 3, not 2
      // (searchPrepared tests the initials first), so it leaves the given-name class.
      if (single && j === 0) {
        match = `(${match}) NOT (isort : ${phrase(sorted)})`;
        where += ' AND i.isort <> ?';
        params.push(sorted);
      }
      out.push({ table: 'people_fts', match, where, params });
    }
    if (single && j === 0) out.push({ table: 'people_fts', match: `isort : ${phrase(sorted)}`, where: 'i.isort = ?', params: [sorted] });
  }
  return out;
}

const MAX_SUBSET_WORDS = 4;

/** Type-ahead over the directory through the index; the same answer as searchPrepared. */
export function searchPeopleIndexed(db: Database, query: string, limit: number): Person[] {
  refreshPeopleIndex(db);
  const q = foldedWords(query);
  let ids: number[];
  if (q.length === 0) {
    ids = db.prepare(`SELECT i.person_id FROM people_index i ${ORDER} LIMIT ?`).pluck().all(limit) as number[];
  } else {
    const seen = new Set<number>();
    const add = (more: number[]): void => more.forEach((id) => seen.add(id));
    // Several words: usually few people have them all, and one read lists and scores them.
    const few = q.length > 1 ? candidates(db, q, q.length > MAX_SUBSET_WORDS ? Infinity : CLASS_CAP) : null;
    if (few) add(few.slice(0, limit));
    else {
      for (const k of nameClasses(q)) {
        if (seen.size >= limit) break;
        add(classIds(db, k, limit - seen.size, seen));
      }
    }
    const needle = fold(query).trim();
    if (seen.size < limit) {
      const where = 'instr(i.extra, ?) > 0';
      // The trigram index finds substrings of three characters or more; a shorter one is read in
      // order with the filter (one or two letters match many units, so that read stops early).
      const k: Klass = needle.length >= 3 ? { table: 'people_extra', match: phrase(needle), where, params: [needle] } : { table: null, match: '', where, params: [needle] };
      add(classIds(db, k, limit - seen.size, seen));
    }
    ids = [...seen];
  }
  return peopleByIds(db, ids);
}

/**
 * Everyone in whose name every word of `q` starts a word, in searchPrepared's order, or null
 * when there are more than `cap` of them (the classes are then read one by one, in order).
 */
function candidates(db: Database, q: string[], cap: number): number[] | null {
  const match = q.map((p) => `{given lead} : ${phrase(p)}*`).join(' AND ');
  const rows = db
    .prepare(`SELECT i.person_id AS id, i.rank AS rank, i.skey AS skey, i.given AS given, i.lead AS lead FROM people_fts JOIN people_index i ON i.person_id = people_fts.rowid WHERE people_fts MATCH ? LIMIT ?`)
    .all(match, Number.isFinite(cap) ? cap + 1 : -1) as { id: number; rank: number; skey: string; given: string; lead: string }[];
  if (rows.length > cap) return null;
  const scored = rows.map((r) => {
    const words = [...r.lead.split(' ').filter(Boolean), r.given];
    let s = 2;
    for (const p of q) s += words.findIndex((w) => w.startsWith(p)) === words.length - 1 ? 0 : 2;
    return { r, s };
  });
  scored.sort((a, b) => a.s - b.s || a.r.rank - b.r.rank || (a.r.skey < b.r.skey ? -1 : a.r.skey > b.r.skey ? 1 : 0) || a.r.id - b.r.id);
  return scored.map((x) => x.r.id);
}

function peopleByIds(db: Database, ids: number[]): Person[] {
  if (ids.length === 0) return [];
  const rows = db.prepare(`${SELECT_PERSON} WHERE id IN (${ids.map(() => '?').join(',')})`).all(...ids) as PersonRow[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    return r ? [{ id: r.id, fullName: r.full_name, titles: parseStringList(r.titles_json), organization: r.organization, rank: r.rank }] : [];
  });
}
