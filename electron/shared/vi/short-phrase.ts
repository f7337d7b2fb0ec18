// The short phrase is what the article and the summary table list for a recommendation
// ("xử lý vấn đề ô nhiễm nguồn nước sông Pheo"). Secretaries type the full content as it is said;
// this suggests the phrase from it, and the secretary edits it when it reads badly. One
// implementation for the screen (a suggestion while typing) and the documents (a phrase left empty).

/** Openers a speaker says before the substance; the article's list never repeats them. */
const OPENERS = ['kính đề nghị', 'đề nghị', 'kiến nghị', 'đề xuất', 'mong muốn', 'xin'];

/** Capitalised words that name an institution in official writing and keep their capital. */
const KEEP_CAPITAL = new Set(['quận', 'huyện', 'tỉnh', 'thành', 'phường', 'xã', 'đảng', 'hội']);

/**
 * About this many syllables make a phrase a reader takes in at a glance. Vietnamese words are
 * several syllables ("phát triển", "cương vị"), so a phrase is never cut at a syllable count: a
 * longer first clause is cut only at a comma, and kept whole when it has none before this length.
 */
export const PHRASE_SYLLABLES = 24;

/** Drops "Đề nghị", "Kiến nghị:" and the like from the start, however many are stacked. */
export function stripOpeners(text: string): string {
  let s = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  for (let changed = true; changed; ) {
    changed = false;
    const lower = s.toLocaleLowerCase('vi');
    for (const o of OPENERS) {
      if (lower.startsWith(o) && (lower.length === o.length || /[\s,:–-]/u.test(lower[o.length] ?? ''))) {
        s = s.slice(o.length).replace(/^[\s,:–-]+/u, '');
        changed = true;
        break;
      }
    }
  }
  return s;
}

export function suggestShortPhrase(content: string): string {
  let s = stripOpeners(content);
  // First clause: a sentence end, a semicolon or a colon ends it. Commas do not,
  // because "cán bộ, hội viên phụ nữ" is one noun phrase.
  s = s.split(/[.;:!?…](?:\s|$)|[;:…]/u)[0] ?? '';
  const words = s.split(' ').filter(Boolean);
  if (words.length > PHRASE_SYLLABLES) {
    // The last comma that leaves a phrase of substance (at least 8 syllables) and not much more than
    // the target closes a whole part of the clause; with no such comma the clause stays whole.
    let cut = -1;
    for (let i = 7; i < Math.min(words.length - 1, PHRASE_SYLLABLES + 8); i++) if (words[i]!.endsWith(',')) cut = i;
    if (cut >= 0) s = words.slice(0, cut + 1).join(' ');
  }
  s = s.replace(/[\s.,;:!?…–-]+$/u, '');
  return lowerFirstWord(s);
}

function lowerFirstWord(s: string): string {
  const [first = '', second = ''] = s.split(' ');
  if (!first) return s;
  const letters = first.replace(/[^\p{L}]/gu, '');
  // UBND, GPMB, HĐND: acronyms keep their capitals.
  if (letters.length >= 2 && letters === letters.toLocaleUpperCase('vi')) return s;
  // "Tây Tựu", "Hà Nội": two capitalised words in a row make a proper noun.
  if (/^\p{Lu}/u.test(second) && /^\p{Lu}/u.test(first)) return s;
  // "Quận tập trung …": in official writing the capital means this district, not a sentence start.
  if (KEEP_CAPITAL.has(first.toLocaleLowerCase('vi')) && first !== first.toLocaleLowerCase('vi')) return s;
  return first.charAt(0).toLocaleLowerCase('vi') + s.slice(1);
}
