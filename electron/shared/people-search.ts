// Type-ahead over the people directory, one implementation for the core ('people.search') and
// the renderer (which searches its own copy of the directory to answer within a frame).
import type { Person } from './domain';
import { fold, foldedWords, matchPrepared, prepareName, type PreparedName } from './vi/fold';

export type PreparedPerson = { p: Person; name: PreparedName; extra: string };

/** Folds names, titles and units once, so each keystroke only compares. */
export function prepareDirectory(people: Person[]): PreparedPerson[] {
  return people.map((p) => ({ p, name: prepareName(p.fullName), extra: fold(`${p.titles.join(' ')} ${p.organization}`) }));
}

// One collator: String#localeCompare builds one per call, which made a one-letter query on a large
// directory (most people match) take ~10 ms just to sort.
const collator = new Intl.Collator('vi');
export const byRank = (a: Person, b: Person): number => a.rank - b.rank || collator.compare(a.fullName, b.fullName);

/** Name matches first (by score), then matches in titles or unit; ties in protocol order. */
export function searchPrepared(dir: PreparedPerson[], query: string, limit: number): Person[] {
  const q = foldedWords(query);
  if (q.length === 0) return dir.map((d) => d.p).sort(byRank).slice(0, limit);
  const needle = fold(query).trim();
  const scored: { p: Person; s: number }[] = [];
  for (const d of dir) {
    const s = matchPrepared(q, d.name);
    if (s >= 0) scored.push({ p: d.p, s });
    else if (d.extra.includes(needle)) scored.push({ p: d.p, s: 50 });
  }
  return scored
    .sort((a, b) => a.s - b.s || byRank(a.p, b.p))
    .slice(0, limit)
    .map((x) => x.p);
}
