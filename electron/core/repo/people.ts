import type { Database } from 'better-sqlite3';
import type { Person } from '../../shared/domain';
import { UserError } from '../../shared/result';
import { fold } from '../../shared/vi/fold';
import { prepareDirectory, searchPrepared, type PreparedPerson } from '../../shared/people-search';
import { parseStringList } from './json';
import { peopleIndexReady, searchPeopleIndexed } from '../search/people-index';

type PersonRow = { id: number; full_name: string; titles_json: string; organization: string; rank: number };

const toPerson = (r: PersonRow): Person => ({
  id: r.id,
  fullName: r.full_name,
  titles: parseStringList(r.titles_json),
  organization: r.organization,
  rank: r.rank,
});

export type NewPerson = { fullName: string; titles: string[]; organization: string; rank?: number };

export function createPerson(db: Database, at: string, p: NewPerson): Person {
  const info = db
    .prepare('INSERT INTO people (full_name, titles_json, organization, rank, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(p.fullName.trim(), JSON.stringify(p.titles), p.organization, p.rank ?? rankFromTitles(p.titles), at, at);
  forgetDirectory(db);
  return getPerson(db, Number(info.lastInsertRowid));
}

export function getPerson(db: Database, id: number): Person {
  const r = db.prepare('SELECT id, full_name, titles_json, organization, rank FROM people WHERE id = ?').get(id) as PersonRow | undefined;
  if (!r) throw new UserError('not_found', 'Không tìm thấy người này trong danh bạ.');
  return toPerson(r);
}

export function updatePerson(db: Database, at: string, id: number, patch: Partial<NewPerson>): Person {
  const cur = getPerson(db, id);
  const next = { ...cur, ...patch };
  db.prepare('UPDATE people SET full_name = ?, titles_json = ?, organization = ?, rank = ?, updated_at = ? WHERE id = ?').run(
    next.fullName.trim(),
    JSON.stringify(next.titles),
    next.organization,
    next.rank,
    at,
    id,
  );
  forgetDirectory(db);
  return getPerson(db, id);
}

/** Finds an existing person with the same name and organisation (imports reuse the directory). */
export function findPerson(db: Database, fullName: string, organization: string): Person | null {
  const r = db
    .prepare('SELECT id, full_name, titles_json, organization, rank FROM people WHERE full_name = ? AND organization = ? ORDER BY id LIMIT 1')
    .get(fullName.trim(), organization) as PersonRow | undefined;
  return r ? toPerson(r) : null;
}

/**
 * Type-ahead over the directory, best first (see searchPrepared for the order). With migration
 * 008 it reads the index in electron/core/search/people-index.ts, kept current by triggers on
 * `people`. Without it, the folded directory is kept per connection and dropped on every write to
 * `people` through this file (reading and folding 2,000 people takes ~25 ms; 200,000 seconds).
 */
export function searchPeople(db: Database, query: string, limit = 20): Person[] {
  // Migration 008's index answers in a few milliseconds at any size; a file not yet migrated
  // (read-only, opened by an older schema) falls back to the folded copy in memory.
  if (peopleIndexReady(db)) return searchPeopleIndexed(db, query, limit);
  return searchPrepared(directory(db), query, limit).map((p) => ({ ...p, titles: [...p.titles] }));
}

const directories = new WeakMap<Database, PreparedPerson[]>();

function directory(db: Database): PreparedPerson[] {
  let d = directories.get(db);
  if (!d) {
    d = prepareDirectory(allPeople(db));
    directories.set(db, d);
  }
  return d;
}

/** Called after every write to `people`; a rolled-back write is covered too, since it only forgets. */
function forgetDirectory(db: Database): void {
  directories.delete(db);
}

export function allPeople(db: Database): Person[] {
  return (db.prepare('SELECT id, full_name, titles_json, organization, rank FROM people').all() as PersonRow[]).map(toPerson);
}


// Protocol order: Party posts before the People's Council before the People's Committee, heads
// before deputies. The rank is only a default; the secretary can reorder by hand.
const RANK_RULES: [RegExp, number][] = [
  [/^(tuv|uy vien trung uong)/, 5],
  [/^bi thu/, 10],
  [/^pho bi thu thuong truc/, 20],
  [/^chu tich hdnd/, 40],
  // A plain Phó Bí thư usually also chairs the UBND; the HĐND chair is listed first (seed article).
  [/^pho bi thu/, 45],
  [/^chu tich ubnd/, 50],
  [/^pho chu tich hdnd/, 60],
  [/^pho chu tich ubnd/, 70],
  [/^(uvtv|uy vien ban thuong vu)/, 80],
  [/^chu tich (uy ban )?mttq/, 90],
  [/^truong ban/, 100],
  [/^pho truong ban/, 110],
  [/^chu tich hoi/, 120],
  [/^(truong phong|chanh van phong|giam doc)/, 130],
  [/^(pho truong phong|pho chanh van phong|pho giam doc)/, 140],
];

/** A default protocol rank from the titles (lowest rule that matches any title). */
export function rankFromTitles(titles: string[]): number {
  let best = 1000;
  for (const t of titles) {
    const f = fold(t).trim();
    for (const [re, rank] of RANK_RULES) if (re.test(f)) best = Math.min(best, rank);
  }
  // A TUV or UVTV alone says the person also holds a leading post; keep them above plain titles.
  return best;
}
