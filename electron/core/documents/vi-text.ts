// Vietnamese text helpers shared by the three documents. Everything here is pure: the same
// input gives the same sentence, so a generated draft only changes when the data changes.
import type { DateStyle, Session } from '../../shared/domain';
import { fold } from '../../shared/vi/fold';

/** "08" with the seed's house style, "8" with the style of most news sites. */
export function formatCount(n: number, padCounts: boolean): string {
  return padCounts && n > 0 && n < 10 ? `0${n}` : String(n);
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

type Ymd = { y: number; m: number; d: number };

function parseIsoDate(iso: string | null | undefined): Ymd | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  if (!m) return null;
  return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
}

/** 18/10/2019, as news articles write it. */
export function shortDate(iso: string | null | undefined): string | null {
  const p = parseIsoDate(iso);
  return p ? `${pad2(p.d)}/${pad2(p.m)}/${p.y}` : null;
}

export { LONG_DATE_BLANK, longDate } from '../../shared/minutes-text';

/** "14 giờ 00 phút", or null. */
export function clockTime(hhmm: string | null | undefined): string | null {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm ?? '');
  return m ? `${Number(m[1])} giờ ${m[2]} phút` : null;
}

/**
 * The article's date in the office's style: "Chiều ngày 18/10/2019" (ngay), "Chiều 18/10/2019"
 * (plain), "Chiều 18-10" (dash), "Chiều ngày 18 tháng 10 năm 2019" (long). The session (buổi)
 * comes from the start time, else from the session recorded; without either the date stands
 * alone ("Ngày 18/10/2019"). Days and months are padded only when the house style says so.
 */
export function newsDate(
  iso: string | null | undefined,
  session: Session | null,
  startTime: string | null | undefined,
  style: { dateStyle: DateStyle; dateYear: boolean; padDayMonth: boolean },
): string | null {
  const p = parseIsoDate(iso);
  if (!p) return null;
  const tod = timeOfDay(startTime) ?? (session ? upperFirst(session) : null);
  const dd = style.padDayMonth ? pad2(p.d) : String(p.d);
  const mm = style.padDayMonth ? pad2(p.m) : String(p.m);
  if (style.dateStyle === 'long') {
    const long = `ngày ${dd} tháng ${mm}${style.dateYear ? ` năm ${p.y}` : ''}`;
    return tod ? `${tod} ${long}` : upperFirst(long);
  }
  const sep = style.dateStyle === 'dash' ? '-' : '/';
  const date = `${dd}${sep}${mm}${style.dateYear ? `${sep}${p.y}` : ''}`;
  if (style.dateStyle === 'ngay') return tod ? `${tod} ngày ${date}` : `Ngày ${date}`;
  return tod ? `${tod} ${date}` : `Ngày ${date}`;
}

/** Sáng before noon, Chiều before 18:00, Tối after; null when the start time is unknown. */
export function timeOfDay(hhmm: string | null | undefined): 'Sáng' | 'Chiều' | 'Tối' | null {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm ?? '');
  if (!m) return null;
  const h = Number(m[1]);
  return h < 12 ? 'Sáng' : h < 18 ? 'Chiều' : 'Tối';
}

// Words that begin a proper name or an institution, so they keep their capital mid-sentence
// ("Quận tập trung …", "Đảng ủy khối …", and per Phụ lục II "Nhân dân", "Nhà nước"). Words that
// also start ordinary phrases ("Ban hành", "Công tác", "Hội viên") are only kept in the pairs below.
const KEEP_WORD = new Set(['Quận', 'Huyện', 'Tỉnh', 'Phường', 'Đảng']);
// Compared folded, so "Uỷ ban" (the old tone placement many offices still type) is "Ủy ban".
const KEEP_PAIR = new Set(
  [
    'Nhân dân', 'Nhà nước', 'Thường trực', 'Chủ tịch', 'Bí thư', 'Công an', 'Văn phòng', 'Trung ương', 'Chính phủ', 'Quốc hội',
    'Mặt trận', 'Liên đoàn', 'Ngân hàng', 'Bệnh viện', 'Chi bộ', 'Thành ủy', 'Thành phố', 'Thành đoàn', 'Hội phụ', 'Hội nông',
    'Hội cựu', 'Hội nghị', 'Ủy ban', 'Tòa án', 'Viện kiểm', 'Đoàn thanh', 'Thị xã', 'Thị trấn', 'Xã đoàn', 'Hợp tác',
    'Hội liên', 'Hội đồng', 'Huyện ủy', 'Tỉnh ủy', 'Quận ủy', 'Đảng ủy', 'Ban thường', 'Ban dân', 'Ban tuyên', 'Ban tổ',
  ].map((w) => fold(w)),
);

const firstWord = (s: string): string => /^[^\s,;:.]+/u.exec(s)?.[0] ?? '';
const isAllCaps = (w: string): boolean => w.length > 1 && w === w.toLocaleUpperCase('vi') && w !== w.toLocaleLowerCase('vi');

/**
 * Lower-cases the first letter when the phrase is joined into a sentence, unless it starts with
 * an abbreviation (UBND), a proper name (two capitalised words: "Tây Tựu", "Hà Nội") or a word
 * that begins an institution's name ("Quận", "Hội", "Nhân dân").
 */
export function lowerFirst(s: string): string {
  const t = s.trimStart();
  const w = firstWord(t);
  const w0 = w[0];
  if (!w0 || w0 === w0.toLocaleLowerCase('vi')) return t;
  const second = /^[^\s]+\s+([^\s,;:.]+)/u.exec(t)?.[1] ?? '';
  if (isAllCaps(w) || KEEP_WORD.has(w.normalize('NFC')) || KEEP_PAIR.has(fold(`${w} ${second}`))) return t;
  const s0 = second[0];
  if (s0 && s0 !== s0.toLocaleLowerCase('vi')) return t;
  return w0.toLocaleLowerCase('vi') + t.slice(1);
}

// Words that begin a common noun phrase a secretary types with a sentence capital out of habit
// ("Các đồng chí lãnh đạo …", "Đại diện …", "Đông đảo cử tri …"): lowered mid-sentence. A group
// or body typed with any other capital is taken as a name and kept ("Trưởng các ngành", "Hội Nông dân").
const COMMON_STARTERS = ['các', 'những', 'đại diện', 'lãnh đạo', 'toàn thể', 'đông đảo', 'hơn', 'gần', 'trên', 'khoảng', 'cùng', 'một số', 'nhiều', 'cán bộ', 'đoàn viên', 'hội viên', 'cử tri', 'nhân dân các'];

/** Lowers the first letter only when the phrase begins with a common-noun starter (see above). */
export function lowerCommonStart(s: string): string {
  const t = s.trimStart();
  const lower = t.toLocaleLowerCase('vi');
  if (!COMMON_STARTERS.some((w) => lower.startsWith(`${w} `) || lower === w)) return t;
  return lowerFirst(t);
}

/**
 * Continues `summary` with the longer `direction` when the summary ends with the direction's
 * start: "… đề nghị thanh niên tiếp tục phát huy …" + "Thanh niên tiếp tục phát huy …, đặc biệt là …"
 * gives one sentence with the whole direction, not the same words twice. Null when they do not overlap.
 */
export function extendWith(summary: string, direction: string): string | null {
  const s = stripEnd(summary.normalize('NFC'));
  const d = stripEnd(direction.normalize('NFC'));
  const fs = fold(s);
  const fd = fold(d);
  const probe = fd.split(/\s+/u).slice(0, 5).join(' ');
  if (probe.split(' ').length < 4) return null;
  const at = fs.lastIndexOf(probe);
  if (at < 0) return null;
  const tail = fs.slice(at);
  if (!fd.startsWith(tail) || fd.length <= tail.length) return null;
  return `${s.slice(0, at)}${lowerFirst(d)}`;
}

export function upperFirst(s: string): string {
  const t = s.trimStart();
  const c = t[0];
  return c ? c.toLocaleUpperCase('vi') + t.slice(1) : t;
}

/** Whether `needle` stands in `hay`, ignoring case, tone marks and đ (for "said already?" checks). */
export function containsFolded(hay: string, needle: string): boolean {
  const n = fold(needle).trim();
  return n.length > 0 && fold(hay).includes(n);
}

/** Removes what a phrase should not end with once it sits inside a list: ; , . … : and spaces. */
export function stripEnd(s: string): string {
  return s.replace(/[\s;,.…:]+$/u, '');
}

/** Collapses whitespace and the doubled or misplaced punctuation that joining phrases can leave. */
export function cleanSentence(s: string): string {
  return s
    .normalize('NFC')
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ +([,;:.])/g, '$1')
    .replace(/,{2,}/g, ',')
    .replace(/;{2,}/g, ';')
    .replace(/[;,]\s*\./g, '.')
    .replace(/([,;])(?=[^\s\d…/])/gu, '$1 ')
    .replace(/\.{3,}/g, '…')
    .replace(/\.\.(?!\/)/g, '.')
    .replace(/…\./g, '…')
    .trim();
}

/**
 * Joins short phrases into the list the seed article writes: "p1; p2; …; pn…". Each phrase
 * keeps the case the secretary typed, except that later phrases lose a sentence capital
 * (see `lowerFirst`) and the first may be capitalised after a colon.
 */
export function joinPhrases(phrases: string[], opts: { capitaliseFirst: boolean; ending: '…' | '.' | '' }): string {
  const parts = phrases.map(stripEnd).filter((p) => p.length > 0);
  if (!parts.length) return '';
  const joined = parts.map((p, i) => (i === 0 ? (opts.capitaliseFirst ? upperFirst(p) : lowerFirst(p)) : lowerFirst(p))).join('; ');
  return joined + opts.ending;
}

/**
 * "A, B và C". With `sep: 'auto'`, items that themselves hold commas are kept apart with "; "
 * ("đồng chí A – T1, T2; đồng chí B – T3 và …"); the seed joins attendee groups with commas. When
 * the last item has a "và" of its own, a semicolon closes the list instead ("…; A và B", never "… và A và B").
 */
export function joinAnd(items: string[], sep: ', ' | '; ' | 'auto' = 'auto'): string {
  const xs = items.map((s) => stripEnd(s.trim())).filter(Boolean);
  if (xs.length <= 1) return xs[0] ?? '';
  if (sep === 'auto') sep = xs.some((x) => x.includes(',')) ? '; ' : ', ';
  const last = xs[xs.length - 1]!;
  const head = xs.slice(0, -1);
  if (/\svà\s/u.test(last) || /\svà\s/u.test(head[head.length - 1]!)) return [...head, last].join('; ');
  return `${head.join(sep)} và ${last}`;
}

/** Syllables of a phrase (Vietnamese writes one syllable per space-separated word). */
const syllables = (s: string): number => s.trim().split(/\s+/u).filter(Boolean).length;

/**
 * A list of recommendation phrases as reporters punctuate it: short topics ("GTNT", "điện",
 * "vệ sinh môi trường") run together with commas, longer items stand apart with semicolons.
 * Each phrase keeps the case the secretary typed.
 */
export function listPhrases(phrases: string[]): string {
  const xs = phrases.map((p) => stripEnd(p.trim())).filter(Boolean);
  const isShort = (p: string) => syllables(p) <= 4 && !p.includes(',');
  const runs: { short: boolean; items: string[] }[] = [];
  for (const p of xs) {
    const last = runs[runs.length - 1];
    if (last && last.short && isShort(p)) last.items.push(p);
    else runs.push({ short: isShort(p), items: [p] });
  }
  return runs.map((r) => r.items.join(', ')).join('; ');
}

/** Ends a sentence with one full stop, unless it already ends with … ! or ?. */
export function endSentence(s: string): string {
  const t = s.trim().replace(/[\s;,:]+$/u, '');
  if (!t) return '';
  return /[.…!?]$/u.test(t) ? t : `${t}.`;
}

/** The "./." that closes an official text or an article. */
export function endDocument(s: string): string {
  const t = s.trim().replace(/[\s;,:]+$/u, '');
  if (!t || t.endsWith('./.')) return t;
  if (t.endsWith('…')) return t;
  return `${t.replace(/\.+$/u, '')}./.`;
}

// "quận Bắc Từ Liêm" mid-sentence (Phụ lục II), but "Quận 1" (a numbered unit keeps its capital).
const ADMIN_UNIT = /^(Quận|Huyện|Phường|Xã|Thị xã|Thị trấn|Thành phố|Tỉnh)(\s+)(\S)/u;

export function adminLower(s: string): string {
  const m = ADMIN_UNIT.exec(s);
  if (!m || /\d/.test(m[3] ?? '')) return s;
  // "Quận ủy", "Huyện ủy", "Tỉnh ủy", "Thành ủy" name a Party committee: a proper name, kept (Phụ lục II).
  if (/^(Quận|Huyện|Tỉnh|Thành phố|Thị xã|Phường|Xã)\s+(ủy|uỷ)(?=$|[\s,.;:])/u.test(s)) return s;
  return s[0]!.toLocaleLowerCase('vi') + s.slice(1);
}

/**
 * A first short phrase for a recommendation typed in full: its first sentence, cut at about
 * twenty words. The secretary edits it; the article uses the phrase when one is set.
 */
export function suggestPhrase(content: string): string {
  const first = content.trim().split(/(?<=[.!?;])\s+|\n/u)[0] ?? '';
  const words = first.split(/\s+/u).filter(Boolean);
  const cut = words.length > 20 ? words.slice(0, 20).join(' ') : words.join(' ');
  return stripEnd(cut);
}

/** ASCII file-name part: "Biên bản" → "Bien-ban". */
export function asciiSlug(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
