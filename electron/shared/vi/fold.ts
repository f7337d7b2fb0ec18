// Vietnamese folding for search and type-ahead. SQLite's remove_diacritics does not fold đ/Đ,
// so the index and every query go through this one function.

const COMBINING = /[\u0300-\u036f]/g;

/** "Sông Pheo, HĐND" -> "song pheo, hdnd". Lower case, no tone or vowel marks, đ -> d. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(COMBINING, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase().normalize('NFC');
}

/** Words of the folded text: letters and digits only. */
export function foldedWords(text: string): string[] {
  return fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** "Trương Quang Thiều" -> "tqt": the initials a secretary types to find a name quickly. */
export function initials(text: string): string {
  return foldedWords(text)
    .map((w) => w[0])
    .join('');
}

/** A name folded once, so a type-ahead over thousands of people does not fold each on every keystroke. */
export type PreparedName = { words: string[]; init: string };

export function prepareName(name: string): PreparedName {
  const words = foldedWords(name);
  return { words, init: words.map((w) => w[0]).join('') };
}

/**
 * Does a folded query match a name? Every query word must be a prefix of some word of the name,
 * or the whole query must be a prefix of the name's initials ("ttq" -> Trương ... no; "tqt" -> yes).
 * Returns a score (lower is better) or -1 for no match, so callers can sort.
 */
export function matchName(query: string, name: string): number {
  return matchPrepared(foldedWords(query), prepareName(name));
}

/** matchName with both sides already folded: `q` is foldedWords(query). */
export function matchPrepared(q: string[], name: PreparedName): number {
  if (q.length === 0) return 0;
  const { words, init } = name;
  const joined = q.join('');
  // Initials in order, and also in any order of the given name first ("ttq": Thiều Trương Quang).
  if (q.length === 1 && joined.length >= 2 && init.startsWith(joined)) return 1;
  if (q.length === 1 && joined.length >= 2 && isSubsequenceBag(joined, init)) return 3;
  let score = 0;
  for (const part of q) {
    const idx = words.findIndex((w) => w.startsWith(part));
    if (idx < 0) return -1;
    // The given name (last word in Vietnamese) is what people search by most.
    score += idx === words.length - 1 ? 0 : 2;
  }
  return score + 2;
}

/** Every letter of `letters` appears among `pool` (as a multiset): initials typed in another order. */
function isSubsequenceBag(letters: string, pool: string): boolean {
  if (letters.length !== pool.length) return false;
  const counts = new Map<string, number>();
  for (const c of pool) counts.set(c, (counts.get(c) ?? 0) + 1);
  for (const c of letters) {
    const n = counts.get(c) ?? 0;
    if (n === 0) return false;
    counts.set(c, n - 1);
  }
  return true;
}
