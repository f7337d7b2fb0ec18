// The corpus test's machinery: every meeting record in tests/fixtures/records becomes a meeting in a
// real core (record.import), its documents are exported as .docx through the registry (doc.export),
// read back as text (mammoth) and XML (fflate), and laid out by LibreOffice (PDF, then pdftotext
// -bbox-layout) so that positions on the page can be checked, not only the XML that asks for them.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import type { z } from 'zod';
import type { ProfileInput } from '../../../electron/shared/contract';
import type { DateStyle, MeetingRecord, NameStyle } from '../../../electron/shared/domain';
import { REPO_ROOT, tempCore } from '../../helpers/core';
import { unpack, type DocxParts } from './helpers';

export const RECORDS_DIR = path.join(REPO_ROOT, 'tests', 'fixtures', 'records');

/** The part of a meeting record (format: ../shared/seed/README.md) these tests read. */
export type RecordJson = {
  meeting: { title: string | null; organizer: string | null; locality: string | null; date: string | null };
  people: { key: string; name: string | null; titles: string[]; role: string }[];
  facts: string[];
  byline: string | null;
};

type Profile = z.input<typeof ProfileInput>;

/** The newsroom's house style, read off the record's own article (its facts show the date and name forms). */
type Newsroom = { dateStyle: DateStyle; dateYear: boolean; padDayMonth: boolean; padCounts: boolean; nameStyle: NameStyle };

/**
 * The office that would use the app for each record: issuing body, parent, place, level, and the
 * house style of the site that published the article. Written out per record rather than derived,
 * so that a wrong derivation cannot hide a generator defect.
 */
export const OFFICES: Record<string, { state: string; party: string; parentState: string; parentParty: string; place: string; level: Profile['level']; style: Newsroom }> = {
  // "Chiều ngày 18/10/2019", "08 kiến nghị", "Trương Quang Thiều – TUV, Bí thư Quận ủy".
  '00-seed-bac-tu-liem-2019': { state: 'UBND QUẬN BẮC TỪ LIÊM', party: 'QUẬN ỦY BẮC TỪ LIÊM', parentState: 'UBND THÀNH PHỐ HÀ NỘI', parentParty: 'ĐẢNG BỘ THÀNH PHỐ HÀ NỘI', place: 'Bắc Từ Liêm', level: 'district', style: { dateStyle: 'ngay', dateYear: true, padDayMonth: false, padCounts: true, nameStyle: 'dash' } },
  // "Tối 10/5/2019", "10 lượt ý kiến".
  '01-phuong-10-quan-4-2019': { state: 'UBND PHƯỜNG 10', party: 'ĐẢNG ỦY PHƯỜNG 10', parentState: 'UBND QUẬN 4', parentParty: 'ĐẢNG BỘ QUẬN 4', place: 'Quận 4', level: 'commune', style: { dateStyle: 'plain', dateYear: true, padDayMonth: false, padCounts: false, nameStyle: 'dash' } },
  // "Chiều ngày 14/10" (the year comes later: "năm 2025").
  '02-phuong-doi-thoai-dai-bieu-nhan-dan-2025': { state: 'UBND PHƯỜNG PHÚ LIÊN', party: 'ĐẢNG ỦY PHƯỜNG PHÚ LIÊN', parentState: 'UBND THÀNH PHỐ HẢI PHÒNG', parentParty: 'ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG', place: 'Phú Liên', level: 'commune', style: { dateStyle: 'ngay', dateYear: false, padDayMonth: false, padCounts: false, nameStyle: 'comma' } },
  // "Sáng ngày 18/3/2020", "HUV, Chủ tịch Hội Liên hiệp Phụ nữ huyện".
  '03-cat-tien-phu-nu-2020': { state: 'UBND THỊ TRẤN CÁT TIÊN', party: 'ĐẢNG ỦY THỊ TRẤN CÁT TIÊN', parentState: 'UBND HUYỆN CÁT TIÊN', parentParty: 'ĐẢNG BỘ HUYỆN CÁT TIÊN', place: 'Cát Tiên', level: 'commune', style: { dateStyle: 'ngay', dateYear: true, padDayMonth: false, padCounts: false, nameStyle: 'comma' } },
  // "Sáng 19/9/2022", "Nguyễn Thành Tiễn - Tỉnh ủy viên, Bí thư Huyện ủy Châu Thành".
  '04-chau-thanh-tay-ninh-phu-nu-2022': { state: 'UBND HUYỆN CHÂU THÀNH', party: 'HUYỆN ỦY CHÂU THÀNH', parentState: 'UBND TỈNH TÂY NINH', parentParty: 'ĐẢNG BỘ TỈNH TÂY NINH', place: 'Châu Thành', level: 'district', style: { dateStyle: 'plain', dateYear: true, padDayMonth: false, padCounts: false, nameStyle: 'hyphen' } },
  // "Trần Tiến Dũng - Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh"; the record has no date.
  '05-tinh-gap-go-doi-thoai-nong-dan': { state: 'UBND TỈNH LAI CHÂU', party: 'TỈNH ỦY LAI CHÂU', parentState: '', parentParty: '', place: 'Lai Châu', level: 'province', style: { dateStyle: 'ngay', dateYear: true, padDayMonth: false, padCounts: false, nameStyle: 'hyphen' } },
  // "Sáng ngày 30/11", "Dương Hà Hải, Bí thư Đảng ủy, Chủ tịch HĐND xã".
  '06-chi-minh-thanh-nien-2025': { state: 'UBND XÃ CHÍ MINH', party: 'ĐẢNG ỦY XÃ CHÍ MINH', parentState: 'UBND THÀNH PHỐ HẢI PHÒNG', parentParty: 'ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG', place: 'Chí Minh', level: 'commune', style: { dateStyle: 'ngay', dateYear: false, padDayMonth: false, padCounts: false, nameStyle: 'comma' } },
  // "sáng ngày 31/5/2024", "Chủ tịch UBND tỉnh Lê Văn Hẳn".
  '07-tra-vinh-doanh-nghiep-2024': { state: 'UBND TỈNH TRÀ VINH', party: 'TỈNH ỦY TRÀ VINH', parentState: '', parentParty: '', place: 'Trà Vinh', level: 'province', style: { dateStyle: 'ngay', dateYear: true, padDayMonth: false, padCounts: false, nameStyle: 'title-first' } },
  // "Chiều 4-11", "Phó Bí thư Đảng ủy, Chủ tịch UBND xã Võ Văn Lượng".
  '08-loc-quang-tiep-xuc-cu-tri-2025': { state: 'UBND XÃ LỘC QUANG', party: 'ĐẢNG ỦY XÃ LỘC QUANG', parentState: 'UBND TỈNH ĐỒNG NAI', parentParty: 'ĐẢNG BỘ TỈNH ĐỒNG NAI', place: 'Lộc Quang', level: 'commune', style: { dateStyle: 'dash', dateYear: false, padDayMonth: false, padCounts: false, nameStyle: 'title-first' } },
  // "Ngày 24 tháng 6 năm 2022", "Mã Văn Vô, phó Bí thư TT Đảng ủy".
  '09-thanh-hung-doi-thoai-2022': { state: 'UBND XÃ THẠNH HƯNG', party: 'ĐẢNG ỦY XÃ THẠNH HƯNG', parentState: 'UBND HUYỆN GIỒNG RIỀNG', parentParty: 'ĐẢNG BỘ HUYỆN GIỒNG RIỀNG', place: 'Thạnh Hưng', level: 'commune', style: { dateStyle: 'long', dateYear: true, padDayMonth: false, padCounts: false, nameStyle: 'comma' } },
};

/** The secretary named in every profile, so the signature block has a name to place. */
export const SECRETARY = 'Lê Thị Thu Hương';

export function profileFor(name: string, party: boolean): Profile {
  const o = OFFICES[name];
  if (!o) throw new Error(`No office for record ${name}: add it to OFFICES.`);
  return {
    issuingBody: party ? o.party : o.state,
    parentBody: party ? o.parentParty : o.parentState,
    level: o.level,
    isParty: party,
    docCode: party ? 'BB/ĐU' : 'BB-UBND',
    placeName: o.place,
    byline: '',
    secretaryName: SECRETARY,
    style: { ...o.style, placeDateLine: true, chairLabel: 'CHỦ TRÌ' },
  };
}

export function recordNames(): string[] {
  return readdirSync(RECORDS_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''))
    .sort();
}

export type Doc = { name: string; file: string; buf: Buffer; text: string; parts: DocxParts };
export type CorpusCase = {
  name: string;
  json: RecordJson;
  raw: string;
  /** The meeting as the app holds it after the import. */
  record: MeetingRecord;
  article: Doc;
  minutesState: Doc;
  minutesParty: Doc;
  summary: Doc;
};

async function readDoc(dir: string, name: string, dataBase64: string): Promise<Doc> {
  const buf = Buffer.from(dataBase64, 'base64');
  const file = path.join(dir, `${name}.docx`);
  writeFileSync(file, buf);
  const { value } = await mammoth.extractRawText({ buffer: buf });
  return { name, file, buf, text: value.normalize('NFC'), parts: unpack(buf) };
}

/** Imports one record into a fresh core and exports its four documents as .docx into `dir`. */
export async function buildCase(name: string, dir: string): Promise<CorpusCase> {
  const raw = readFileSync(path.join(RECORDS_DIR, `${name}.json`), 'utf8');
  const json = JSON.parse(raw) as RecordJson;
  const core = tempCore();
  try {
    await core.call('profile.save', profileFor(name, false));
    const meeting = await core.call('record.import', { json: raw });
    const record = await core.call('meeting.get', { id: meeting.id });
    const out = async (kind: 'article' | 'minutes' | 'summary', suffix: string) =>
      readDoc(dir, `${name}-${suffix}`, (await core.call('doc.export', { meetingId: meeting.id, kind, format: 'docx' })).dataBase64);
    const article = await out('article', 'article');
    const minutesState = await out('minutes', 'minutes-state');
    const summary = await out('summary', 'summary');
    // Same meeting, now issued by the Party committee: the minutes switch to HD 36.
    await core.call('profile.save', profileFor(name, true));
    const minutesParty = await out('minutes', 'minutes-party');
    return { name, json, raw, record, article, minutesState, minutesParty, summary };
  } finally {
    core.dispose();
  }
}

/** One LibreOffice run for all files (its start-up is most of the cost); returns the PDF paths. */
export function toPdf(dir: string, files: string[]): string[] {
  const office = spawnSync('sh', ['-c', 'command -v libreoffice']).status === 0 ? 'libreoffice' : 'soffice';
  execFileSync(office, [`-env:UserInstallation=file://${dir}/lo-profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...files], {
    stdio: 'pipe',
    timeout: 300_000,
  });
  return files.map((f) => f.replace(/\.docx$/, '.pdf'));
}

// ---------- positions in the PDF (pdftotext -bbox-layout) ----------

export type Word = { text: string; x0: number; y0: number; x1: number; y1: number };
export type Line = { words: Word[]; x0: number; y0: number; x1: number; y1: number; text: string };
export type Page = { n: number; width: number; height: number; lines: Line[]; words: Word[] };

export const PT_TO_MM = 25.4 / 72;

const decodeEntities = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** Pages with their lines and words, in millimetres from the top-left corner. */
export function pdfLayout(pdf: string): Page[] {
  const html = execFileSync('pdftotext', ['-bbox-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const num = (attrs: string, k: string) => Number(new RegExp(`${k}="([\\d.]+)"`).exec(attrs)![1]) * PT_TO_MM;
  const pages: Page[] = [];
  for (const [i, pm] of [...html.matchAll(/<page ([^>]*)>([\s\S]*?)<\/page>/g)].entries()) {
    const lines: Line[] = [];
    for (const lm of pm[2]!.matchAll(/<line ([^>]*)>([\s\S]*?)<\/line>/g)) {
      const words = [...lm[2]!.matchAll(/<word ([^>]*)>([\s\S]*?)<\/word>/g)].map((wm) => ({
        text: decodeEntities(wm[2]!).normalize('NFC'),
        x0: num(wm[1]!, 'xMin'),
        y0: num(wm[1]!, 'yMin'),
        x1: num(wm[1]!, 'xMax'),
        y1: num(wm[1]!, 'yMax'),
      }));
      lines.push({ words, x0: num(lm[1]!, 'xMin'), y0: num(lm[1]!, 'yMin'), x1: num(lm[1]!, 'xMax'), y1: num(lm[1]!, 'yMax'), text: words.map((w) => w.text).join(' ') });
    }
    pages.push({ n: i + 1, width: num(pm[1]!, 'width'), height: num(pm[1]!, 'height'), lines, words: lines.flatMap((l) => l.words) });
  }
  return pages;
}

/** The words of `phrase` found in order on one line of the page (below `minY` mm), as one box; null when absent. */
export function findPhrase(page: Page, phrase: string, minY = -Infinity): Word | null {
  const want = phrase.normalize('NFC').split(/\s+/u).filter(Boolean);
  for (const l of page.lines.filter((x) => x.y0 > minY))
    for (let i = 0; i + want.length <= l.words.length; i++) {
      const ws = l.words.slice(i, i + want.length);
      if (ws.every((w, j) => w.text === want[j])) return { text: phrase, x0: Math.min(...ws.map((w) => w.x0)), y0: Math.min(...ws.map((w) => w.y0)), x1: Math.max(...ws.map((w) => w.x1)), y1: Math.max(...ws.map((w) => w.y1)) };
    }
  return null;
}

/** Where the phrase first stands in the document: the page and its box. */
export function locate(pages: Page[], phrase: string): { page: Page; box: Word } | null {
  for (const page of pages) {
    const box = findPhrase(page, phrase);
    if (box) return { page, box };
  }
  return null;
}

// ---------- text artifacts ----------

export type Artifact = { rule: string; text: string };

/** Every string of a record (values at any depth), NFC: "the record's own words". */
export function recordStrings(json: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') out.push(v.normalize('NFC'));
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(json);
  return out;
}

/**
 * Lower case with the old tone placement many offices still type ("Uỷ ban", "hoà") brought to the
 * decree's ("Ủy ban", "hòa"); unlike `fold`, "Số" and "Sở" stay apart.
 */
export function tone(s: string): string {
  return s
    .normalize('NFC')
    .toLocaleLowerCase('vi')
    .replace(/uỷ/g, 'ủy')
    .replace(/uý/g, 'úy')
    .replace(/uỳ/g, 'ùy')
    .replace(/oà/g, 'òa')
    .replace(/oá/g, 'óa')
    .replace(/oả/g, 'ỏa');
}

// Institution words that begin a proper name mid-sentence (Phụ lục II), compared with `tone` so
// that "Uỷ ban" and "Ủy ban" are the same. A phrase matches at the start of the capitalised word.
const INSTITUTION_STARTS = [
  'Đảng', 'Nhà nước', 'Nhân dân', 'Quận ủy', 'Huyện ủy', 'Tỉnh ủy', 'Thành ủy', 'Đảng ủy', 'Ủy ban', 'Hội', 'Hội đồng', 'Mặt trận',
  'Ban', 'Chủ tịch', 'Bí thư', 'Phó', 'Thường trực', 'Trưởng', 'Chánh', 'Giám đốc', 'Tổ quốc', 'Quốc hội', 'Chính phủ', 'Trung ương',
  'Văn phòng', 'Công an', 'Quân sự', 'Ngân hàng', 'Bệnh viện', 'Đoàn', 'Chi bộ', 'Chi hội', 'Liên đoàn', 'Thành đoàn', 'Tỉnh đoàn',
  'Quận', 'Huyện', 'Tỉnh', 'Phường', 'Xã', 'Thị trấn', 'Thành phố', 'Sở', 'Phòng', 'Kế hoạch', 'Quyết định', 'Chỉ thị', 'Nghị quyết',
  'Quy định', 'Hướng dẫn', 'Luật', 'Nghị định', 'Thông tư', 'Hội nghị', 'Kỳ họp', 'Tỉnh ủy viên', 'Huyện ủy viên',
].map((w) => tone(w));

const isLetterUpper = (c: string) => c !== c.toLocaleLowerCase('vi') && c === c.toLocaleUpperCase('vi');
const isLetterLower = (c: string) => c !== c.toLocaleUpperCase('vi') && c === c.toLocaleLowerCase('vi');
const bare = (w: string) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');

/**
 * A capital letter after a lower-case word mid-sentence, unless the word is an abbreviation
 * (UBND, HĐND, COVID-19), starts a proper name (the next word is capitalised or a number:
 * "Bắc Từ Liêm", "Phường 10") or an institution's name (INSTITUTION_STARTS).
 */
export function midSentenceCapitals(paragraph: string): { word: string; context: string }[] {
  const words = paragraph.split(/\s+/u).filter(Boolean);
  const out: { word: string; context: string }[] = [];
  for (let i = 1; i < words.length; i++) {
    const prev = words[i - 1]!;
    const w = words[i]!;
    if (!isLetterUpper(w[0] ?? '')) continue;
    if (!isLetterLower(prev[0] ?? '') || /[.!?:…]["”)]?$/u.test(prev)) continue;
    const b = bare(w);
    if (b.length > 1 && b === b.toLocaleUpperCase('vi')) continue;
    if (/\d/.test(b)) continue;
    const next = words[i + 1] ?? '';
    if (!/[,;.:]$/u.test(w) && next && (isLetterUpper(next[0] ?? '') || /^\d/.test(next))) continue;
    // Inside a name begun a word or two before: "Hội Liên hiệp Phụ nữ", "Ban Thường vụ".
    if (i >= 2 && isLetterUpper(words[i - 2]![0] ?? '') && !/[,;.:]$/u.test(words[i - 2]!) && !/[,;]$/u.test(prev)) continue;
    const from = tone(words.slice(i, i + 3).join(' ').replace(/[,;.:()]/g, ''));
    if (INSTITUTION_STARTS.some((p) => from === p || from.startsWith(`${p} `))) continue;
    out.push({ word: w, context: `${prev} ${w}` });
  }
  return out;
}

/**
 * What a reader would frown at in a generated document's text, leaving out what the record itself
 * wrote that way (a phrase copied as written is the record's, not the generator's).
 */
export function artifacts(text: string, sources: string[], facts: string[]): Artifact[] {
  const src = sources.map((s) => s.normalize('NFC'));
  const inSource = (s: string) => src.some((x) => x.includes(s));
  const found: Artifact[] = [];
  const add = (rule: string, excerpt: string) => found.push({ rule, text: excerpt });
  const around = (p: string, at: number, len: number) => p.slice(Math.max(0, at - 30), at + len + 30);
  for (const p of text.normalize('NFC').split(/\n+/u).map((s) => s.trim()).filter(Boolean)) {
    for (const m of p.matchAll(/(^|[^\p{L}])(undefined|null|NaN)(?![\p{L}])|\[object Object\]/gu)) add('undefined/null/NaN/[object Object]', around(p, m.index, m[0].length));
    for (const m of p.matchAll(/ ,| \.(?!\/)|,,/gu)) {
      const ctx = p.slice(Math.max(0, m.index - 8), m.index + 3);
      if (!inSource(ctx.trim())) add(`"${m[0]}"`, around(p, m.index, m[0].length));
    }
    // ".." except the "./." that closes a document; "…" is one character and never matches.
    for (const m of p.matchAll(/\.\.(?!\/)/gu)) {
      const ctx = p.slice(Math.max(0, m.index - 8), m.index + 2);
      if (!inSource(ctx.trim())) add('".."', around(p, m.index, 2));
    }
    const ws = p.split(/\s+/u);
    for (let i = 1; i < ws.length; i++) {
      const a = bare(ws[i - 1]!).toLocaleLowerCase('vi');
      const b = bare(ws[i]!).toLocaleLowerCase('vi');
      // Only when nothing separates them: "…, Phó Bí thư; Phó …" is two items, not a doubled word.
      if (a && a === b && /\p{L}/u.test(a) && !/[,;.:–-]$/u.test(ws[i - 1]!) && !inSource(`${ws[i - 1]} ${ws[i]}`)) add('doubled word', `${ws[i - 1]} ${ws[i]}`);
    }
    // Phụ lục II: a Party committee's name is a proper name, "lãnh đạo Quận ủy", never "quận ủy".
    for (const m of p.matchAll(/(?<![\p{L}])(quận|huyện|tỉnh|thành|đảng) (ủy|uỷ)(?! viên)(?![\p{L}])/gu)) {
      const before = p.slice(Math.max(0, m.index - 12), m.index + m[0].length).trim();
      const after = p.slice(m.index, m.index + m[0].length + 12).trim();
      if (!inSource(before) && !inSource(after)) add('institution in lower case', around(p, m.index, m[0].length));
    }
    for (const c of midSentenceCapitals(p)) {
      const w = bare(c.word);
      // The record wrote this capital after this word, or the article must carry it verbatim (a fact).
      if (inSource(c.context) || inSource(`${bare(c.context.split(' ')[0]!)} ${w}`)) continue;
      if (facts.some((f) => f.startsWith(w) && p.includes(f))) continue;
      // An item of a ";" list that is one of the record's phrases as written ("…; Vấn đề đất đai;"):
      // the list keeps each phrase's case, as the newsroom wrote it.
      if (c.context.split(' ')[0]!.endsWith(';')) {
        const rest = p.slice(p.indexOf(c.context) + c.context.length - c.word.length);
        if (src.some((x) => x.length > w.length && rest.startsWith(x.replace(/[\s.;,…]+$/u, '')))) continue;
      }
      add('capital mid-sentence', c.context);
    }
  }
  return found;
}

/**
 * The place names of a record's locality: "quận Bắc Từ Liêm" → "Bắc Từ Liêm"; "huyện Châu Thành,
 * tỉnh Tây Ninh" → both names; a numbered unit keeps its noun ("Phường 10").
 */
export function placeNames(locality: string | null): string[] {
  return (locality ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const m = /^(quận|huyện|phường|xã|thị trấn|thị xã|thành phố|tỉnh|đặc khu)\s+(.+)$/iu.exec(part);
      return m && !/^\d/.test(m[2]!) ? m[2]! : part;
    });
}

const occurrences = (hay: string, needle: string): number => hay.split(needle).length - 1;

/**
 * Sentences that name a place more often than any single string of the record does: the record may
 * say "Hội nghị … thị trấn Cát Tiên với Hội viên phụ nữ thị trấn Cát Tiên" (twice, its own words),
 * but a sentence the generator builds around it should not add a third and a fourth.
 */
export function repeatedPlaces(text: string, places: string[], sources: string[]): { place: string; count: number; sentence: string }[] {
  const out: { place: string; count: number; sentence: string }[] = [];
  for (const p of text.normalize('NFC').split(/\n+/u))
    for (const sentence of p.split(/(?<=[.!?…])\s+/u))
      for (const place of places) {
        const n = occurrences(sentence, place);
        // A field quoted whole brings its own mentions: the sentence may repeat a place only as
        // often as the record's fields it quotes do together, or as the most repetitive field does.
        const quoted = sources.filter((x) => x.trim().length > 3 && sentence.includes(x.normalize('NFC').trim()));
        const allowed = Math.max(1, ...sources.map((x) => occurrences(x, place)), quoted.reduce((n, x) => n + occurrences(x, place), 0));
        if (n > allowed) out.push({ place, count: n, sentence });
      }
  return out;
}
