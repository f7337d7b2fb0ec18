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

// The collator's order as a plain string, so SQLite can keep the directory sorted in an index
// (the core's type-ahead reads the first matches in order instead of sorting every match).
// Vietnamese collation: ă â đ ê ô ơ ư are letters of their own (primary), the five tones come
// after all letters (secondary: none, huyền, hỏi, ngã, sắc, nặng), then case (lower first). The
// three levels are concatenated, each ended by U+0000, which sorts below every character.
const TONES: Readonly<Record<string, string>> = { '\u0300': '1', '\u0309': '2', '\u0303': '3', '\u0301': '4', '\u0323': '5' };
const LETTER_MARKS: Readonly<Record<string, string>> = { '\u0306': '1', '\u0302': '2', '\u031b': '3' };
const MARK = /\p{M}/u;

/** A key whose code-point order is Intl.Collator('vi') order for names (tests/unit/people-sort-key.test.ts). */
export function nameSortKey(name: string): string {
  let primary = '';
  let secondary = '';
  let tertiary = '';
  const chars = [...name.normalize('NFD')];
  for (let i = 0; i < chars.length; i++) {
    let c = chars[i]!;
    let letter = '0';
    let tone = '0';
    while (i + 1 < chars.length && MARK.test(chars[i + 1]!)) {
      const m = chars[++i]!;
      if (LETTER_MARKS[m]) letter = LETTER_MARKS[m];
      else tone = TONES[m] ?? tone + m;
    }
    if (c === 'đ' || c === 'Đ') {
      letter = '1';
      c = c === 'đ' ? 'd' : 'D';
    }
    const lower = c.toLowerCase();
    primary += lower + letter;
    secondary += tone;
    tertiary += lower === c ? '0' : '1';
  }
  return `${primary}\u0000${secondary}\u0000${tertiary}`;
}

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
