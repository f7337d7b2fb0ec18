// Every real meeting in tests/fixtures/records (the seed and the nine corpus records) goes through
// record.import and doc.export as a new user's meeting would, and its documents must read and look
// right: no artifacts in the text, every fact of the record in the article, the NĐ 30/2020 and
// HD 36 format in the .docx XML, and the same rules measured on the page LibreOffice lays out.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/tmp';
import {
  artifacts,
  buildCase,
  findPhrase,
  locate,
  midSentenceCapitals,
  OFFICES,
  placeNames,
  pdfLayout,
  profileFor,
  recordNames,
  recordStrings,
  repeatedPlaces,
  SECRETARY,
  toPdf,
  type CorpusCase,
  type Doc,
  type Page,
  type Word,
} from './corpus-helpers';
import { hasLibreOffice, isBold, isItalic, runOf, sizeOf, tables } from './helpers';

const NAMES = recordNames();

/**
 * Facts of a record that depend on wording the app cannot know from the record's fields. Each is
 * asserted to be ABSENT, so that the day the generator learns it the list must shrink with it.
 */
const UNKNOWABLE: Record<string, Record<string, string>> = {
  '02-phuong-doi-thoai-dai-bieu-nhan-dan-2025': {
    '143 ý kiến': 'the count is `counts.before`; the article calls those items "ý kiến", the app writes "kiến nghị" and no field holds the noun',
  },
  '05-tinh-gap-go-doi-thoai-nong-dan': {
    '39 câu hỏi': 'the farmers\' items are "câu hỏi" (questions) in this article; the record has only counts, the app writes "kiến nghị"',
    '18 câu hỏi': 'same noun for `counts.selected`; the app writes "ý kiến, kiến nghị"',
  },
};

const dir = tempDir('thuky-corpus-');
const cases = new Map<string, CorpusCase>();
const layouts = new Map<string, Page[]>();

beforeAll(async () => {
  for (const n of NAMES) cases.set(n, await buildCase(n, dir));
  if (!hasLibreOffice()) return;
  // The minutes in both variants and the article; the summary table is checked in its XML only.
  const docs = [...cases.values()].flatMap((c) => [c.article, c.minutesState, c.minutesParty]);
  const pdfs = toPdf(dir, docs.map((d) => d.file));
  docs.forEach((d, i) => layouts.set(d.name, pdfLayout(pdfs[i]!)));
}, 300_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const get = (name: string): CorpusCase => {
  const c = cases.get(name);
  if (!c) throw new Error(`record ${name} was not built`);
  return c;
};

// ---------------------------------------------------------------------------------------------
// The checker first: a check that cannot fail proves nothing.
describe('the artifact checker', () => {
  it('flags what a generator could leave behind', () => {
    const rules = (t: string) => artifacts(t, [], []).map((a) => a.rule);
    expect(rules('Ông undefined phát biểu.')).toContain('undefined/null/NaN/[object Object]');
    expect(rules('Số người: NaN.')).toContain('undefined/null/NaN/[object Object]');
    expect(rules('Nội dung [object Object].')).toContain('undefined/null/NaN/[object Object]');
    expect(rules('đường , điện.')).toContain('" ,"');
    expect(rules('đường,, điện.')).toContain('",,"');
    expect(rules('hết giờ .')).toContain('" ."');
    expect(rules('hết giờ..')).toContain('".."');
    expect(rules('ý kiến của của cử tri.')).toContain('doubled word');
    expect(rules('Dự hội nghị có Các đồng chí lãnh đạo.')).toContain('capital mid-sentence');
    expect(rules('đề nghị lãnh đạo Phường quan tâm.')).toEqual([]);
  });

  it('lets the forms official writing uses pass', () => {
    const clean = [
      'Hội nghị kết thúc vào 16 giờ 30 phút, ngày 18 tháng 10 năm 2019./.',
      'Dự hội nghị có đồng chí Trương Quang Thiều – TUV, Bí thư Quận ủy; đồng chí Nguyễn Hữu Tuyên – UVTV, Chủ tịch HĐND Quận.',
      'Chiều ngày 18/10/2019, UBND quận Bắc Từ Liêm tổ chức hội nghị đối thoại với hội viên phụ nữ…',
      'đề nghị lãnh đạo Quận ủy, HĐND, UBND quận quan tâm; chính sách của Đảng, pháp luật của Nhà nước và Nhân dân phường 10 tại Phường 10.',
      'Tại hội nghị, đại biểu Ủy ban Mặt trận Tổ quốc Việt Nam phường và Hội Liên hiệp Phụ nữ nêu ý kiến về dịch COVID-19.',
      'nhiều người người ý kiến', // a doubled word the record itself wrote (below) is the record's
    ];
    for (const t of clean.slice(0, -1)) expect(artifacts(t, [], []), t).toEqual([]);
    expect(artifacts(clean.at(-1)!, ['người người'], [])).toEqual([]);
  });

  it('leaves the record\'s own words alone, and only those', () => {
    const t = 'tập trung vào các vấn đề: đường giao thông; Vấn đề đất đai; Công tác hội.';
    expect(artifacts(t, [], []).map((a) => a.text)).toEqual(['thông; Vấn', 'đai; Công']);
    // A fact the article must carry verbatim, and a phrase the record wrote after the same word.
    expect(artifacts(t, ['thông; Vấn đề đất đai'], ['Công tác hội'])).toEqual([]);
    expect(midSentenceCapitals('ở quận Bắc Từ Liêm và UBND Phường 10').map((c) => c.context)).toEqual([]);
  });

  it('finds a place named more often in a sentence than the record names it', () => {
    expect(placeNames('huyện Châu Thành, tỉnh Tây Ninh')).toEqual(['Châu Thành', 'Tây Ninh']);
    expect(placeNames('Phường 10')).toEqual(['Phường 10']);
    expect(placeNames(null)).toEqual([]);
    const lead = 'Sáng 18/3, UBND thị trấn Cát Tiên tổ chức hội nghị với hội viên thị trấn Cát Tiên. Thị trấn Cát Tiên có 5 tổ.';
    expect(repeatedPlaces(lead, ['Cát Tiên'], []).map((f) => f.count)).toEqual([2]);
    expect(repeatedPlaces(lead, ['Cát Tiên'], ['hội nghị thị trấn Cát Tiên với hội viên thị trấn Cát Tiên'])).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
const twipToMm = (t: number) => (t / 1440) * 25.4;
const A4 = { width: 210, height: 297 };

function pgMar(doc: string): Record<'top' | 'bottom' | 'left' | 'right', number> {
  const m = /<w:pgMar ([^>]*)\/>/.exec(doc)![1]!;
  const get = (k: string) => twipToMm(Number(new RegExp(`w:${k}="(\\d+)"`).exec(m)![1]));
  return { top: get('top'), bottom: get('bottom'), left: get('left'), right: get('right') };
}

function expectTimesEverywhere(xml: string, what: string) {
  for (const f of xml.match(/<w:rFonts [^>]*\/>/g) ?? []) for (const slot of ['ascii', 'hAnsi', 'eastAsia', 'cs']) expect(f, `${what}: ${f}`).toContain(`w:${slot}="Times New Roman"`);
}

function expectBorderless(tbl: string, what: string) {
  const tblBorders = /<w:tblBorders>([\s\S]*?)<\/w:tblBorders>/.exec(tbl)?.[1] ?? '';
  for (const side of ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']) expect(tblBorders, `${what}: table border ${side}`).toMatch(new RegExp(`<w:${side} w:val="(none|nil)"`));
  const cells = tbl.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? [];
  expect(cells.length, `${what}: cells`).toBeGreaterThanOrEqual(2);
  for (const c of cells) {
    const b = /<w:tcBorders>([\s\S]*?)<\/w:tcBorders>/.exec(c)?.[1] ?? '';
    for (const side of ['top', 'left', 'bottom', 'right']) expect(b, `${what}: cell border ${side}`).toMatch(new RegExp(`<w:${side} w:val="(none|nil)"`));
    expect(c, `${what}: cell width in dxa`).toMatch(/<w:tcW w:type="dxa" w:w="\d+"\/>/);
  }
  expect(tbl, `${what}: no percentage widths`).not.toMatch(/w:type="pct"/);
  expect(tbl, `${what}: table width in dxa`).toMatch(/<w:tblW w:type="dxa" w:w="\d+"\/>/);
}

const paragraphs = (xml: string): string[] => xml.match(/<w:p>[\s\S]*?<\/w:p>|<w:p [^>]*>[\s\S]*?<\/w:p>|<w:p\/>/g) ?? [];
const textOf = (xml: string): string => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
const keepsNext = (p: string): boolean => /<w:keepNext\/>|<w:keepNext w:val="(true|1|on)"\/>/.test(p);

/** The part a header reference points at. */
function headerPart(doc: Doc, type: 'default' | 'first'): string {
  const xml = doc.parts.xml('word/document.xml');
  const id = new RegExp(`<w:headerReference w:type="${type}" r:id="(\\w+)"/>`).exec(xml)?.[1];
  if (!id) return '';
  const rels = doc.parts.xml('word/_rels/document.xml.rels');
  const target = new RegExp(`<Relationship [^>]*Id="${id}"[^>]*/>`).exec(rels)?.[0].match(/Target="([^"]+)"/)?.[1];
  return target ? doc.parts.xml(`word/${target}`) : '';
}

/** The chair names a record gives (role "chair"), as the signature block may print any of them. */
const chairNames = (c: CorpusCase): string[] => c.json.people.filter((p) => p.role === 'chair' && p.name).map((p) => p.name!);

/** The unit's own name inside the issuing body: "QUẬN ỦY BẮC TỪ LIÊM" → "BẮC TỪ LIÊM", "UBND PHƯỜNG 10" → "10". */
function unitName(issuing: string): string {
  const words = issuing.split(' ');
  let at = -1;
  words.forEach((w, i) => {
    if (['ỦY', 'UỶ', 'XÃ', 'PHƯỜNG', 'TRẤN', 'HUYỆN', 'TỈNH', 'QUẬN', 'PHỐ'].includes(w)) at = i;
  });
  return words.slice(at + 1).join(' ');
}

function checkMinutesXml(c: CorpusCase, doc: Doc, party: boolean) {
  const what = `${doc.name}`;
  const xml = doc.parts.xml('word/document.xml');
  const styles = doc.parts.xml('word/styles.xml');
  const profile = profileFor(c.name, party);

  // Page: A4 portrait, margins inside the decree's ranges.
  expect(xml, `${what}: A4 portrait`).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
  const m = pgMar(xml);
  expect(m.top, `${what}: top margin`).toBeGreaterThanOrEqual(19.9);
  expect(m.top).toBeLessThanOrEqual(25.1);
  expect(m.bottom, `${what}: bottom margin`).toBeGreaterThanOrEqual(19.9);
  expect(m.bottom).toBeLessThanOrEqual(25.1);
  expect(m.left, `${what}: left margin`).toBeGreaterThanOrEqual(29.9);
  expect(m.left).toBeLessThanOrEqual(35.1);
  expect(m.right, `${what}: right margin`).toBeGreaterThanOrEqual(14.9);
  expect(m.right).toBeLessThanOrEqual(20.1);

  // Times New Roman in all four slots, in the defaults and wherever a run names a font.
  const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)?.[0] ?? '';
  for (const slot of ['ascii', 'hAnsi', 'eastAsia', 'cs']) expect(defaults, `${what}: default font ${slot}`).toContain(`w:${slot}="Times New Roman"`);
  expectTimesEverywhere(xml, what);
  expectTimesEverywhere(styles, `${what} styles`);

  // Header: a borderless two-column table with the lines of the variant.
  const all = tables(xml);
  const header = all[0]!;
  expectBorderless(header, `${what} header`);
  expect((header.match(/<w:gridCol /g) ?? []).length, `${what}: header columns`).toBe(2);
  // The columns: a State header puts the number and the date in a second row (NĐ 30 ô 3 and ô 4 on one line).
  const headerCells = header.match(/<w:tc>[\s\S]*?<\/w:tc>/g)!;
  const leftCell = headerCells.filter((_, i) => i % 2 === 0).join('');
  const rightCell = headerCells.filter((_, i) => i % 2 === 1).join('');
  const issuing = runOf(leftCell!, profile.issuingBody);
  expect(issuing, `${what}: issuing body "${profile.issuingBody}" in the left column`).not.toBeNull();
  expect(isBold(issuing!), `${what}: issuing body bold`).toBe(true);
  if (profile.parentBody) expect(runOf(leftCell!, profile.parentBody), `${what}: parent body`).not.toBeNull();
  const dateRun = (rightCell!.match(/<w:r>(?:(?!<w:r>)[\s\S])*?<\/w:r>/g) ?? []).find((r) => textOf(r).startsWith(`${profile.placeName}, ngày`));
  if (party) {
    const p = runOf(rightCell!, 'ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(p, `${what}: ĐẢNG CỘNG SẢN VIỆT NAM top right`).not.toBeNull();
    expect(sizeOf(p!), `${what}: ĐẢNG CỘNG SẢN VIỆT NAM size`).toBe(15);
    expect(isBold(p!)).toBe(true);
    expect(sizeOf(issuing!), `${what}: issuing body size (HD 36)`).toBe(14);
    expect(runOf(leftCell!, '*'), `${what}: the star under the issuing body`).not.toBeNull();
    expect(textOf(leftCell!), `${what}: number "Số …-BB/…"`).toMatch(/Số [\s\d]*-BB\//);
    expect(header, `${what}: no State title in a Party header`).not.toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(dateRun, `${what}: place and date`).toBeDefined();
    expect(sizeOf(dateRun!)).toBe(14);
  } else {
    expect([12, 13], `${what}: issuing body size`).toContain(sizeOf(issuing!));
    const nation = runOf(rightCell!, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(nation, `${what}: national title`).not.toBeNull();
    expect(isBold(nation!)).toBe(true);
    const motto = runOf(rightCell!, 'Độc lập - Tự do - Hạnh phúc');
    expect(motto, `${what}: motto`).not.toBeNull();
    expect(isBold(motto!)).toBe(true);
    expect(textOf(leftCell!), `${what}: number "Số: …/BB-UBND"`).toMatch(/Số:[\s\d]*\/BB-UBND/);
    expect(dateRun, `${what}: place and date`).toBeDefined();
    expect([13, 14]).toContain(sizeOf(dateRun!));
  }
  expect(isItalic(dateRun!), `${what}: place and date italic`).toBe(true);

  // Signature block: THƯ KÝ left with the secretary under it, CHỦ TRÌ right with the chair.
  const signature = all.find((t) => t.includes('>THƯ KÝ<'));
  expect(signature, `${what}: signature table`).toBeDefined();
  expectBorderless(signature!, `${what} signature`);
  expect(signature, `${what}: signature row cannot split`).toMatch(/<w:trPr>[\s\S]*?<w:cantSplit\/>[\s\S]*?<\/w:trPr>/);
  const [sLeft, sRight] = signature!.match(/<w:tc>[\s\S]*?<\/w:tc>/g)!;
  const lt = textOf(sLeft!);
  const rt = textOf(sRight!);
  expect(lt.indexOf('THƯ KÝ'), `${what}: THƯ KÝ in the left column`).toBeGreaterThanOrEqual(0);
  expect(lt.indexOf(SECRETARY), `${what}: secretary's name under THƯ KÝ`).toBeGreaterThan(lt.indexOf('THƯ KÝ'));
  expect(rt, `${what}: no secretary under CHỦ TRÌ`).not.toContain(SECRETARY);
  expect(rt.indexOf('CHỦ TRÌ'), `${what}: CHỦ TRÌ in the right column`).toBeGreaterThanOrEqual(0);
  const chairs = chairNames(c);
  if (chairs.length) {
    const named = chairs.filter((n) => rt.includes(n));
    expect(named.length, `${what}: one chair (${chairs.join(' / ')}) under CHỦ TRÌ, got "${rt}"`).toBe(1);
    expect(rt.indexOf(named[0]!)).toBeGreaterThan(rt.indexOf('CHỦ TRÌ'));
    for (const n of chairs) expect(lt, `${what}: chair under THƯ KÝ`).not.toContain(n);
  }
  for (const label of ['THƯ KÝ', 'CHỦ TRÌ']) {
    const r = runOf(signature!, label)!;
    expect(isBold(r), `${what}: ${label} bold`).toBe(true);
    expect([13, 14, 15]).toContain(sizeOf(r));
  }

  // The closing line, the signatures and "Nơi nhận" stay together: the closing line and every
  // paragraph up to the table keep with the next, and "Nơi nhận" is in the unsplittable row or
  // kept with it.
  const ps = paragraphs(xml.slice(0, xml.indexOf(signature!)));
  const closingAt = ps.findIndex((p) => textOf(p).startsWith('Hội nghị kết thúc'));
  expect(closingAt, `${what}: closing line`).toBeGreaterThanOrEqual(0);
  for (const p of ps.slice(closingAt)) expect(keepsNext(p), `${what}: keep-with-next on "${textOf(p) || '(empty)'}" before the signatures`).toBe(true);
  if (!signature!.includes('Nơi nhận:')) {
    for (const p of paragraphs(signature!)) expect(keepsNext(p), `${what}: signature paragraphs keep with "Nơi nhận"`).toBe(true);
  }
  const noi = runOf(xml, 'Nơi nhận:');
  expect(noi, `${what}: Nơi nhận`).not.toBeNull();
  expect(sizeOf(noi!)).toBe(12);
  expect(isBold(noi!) && isItalic(noi!), `${what}: Nơi nhận bold italic`).toBe(true);

  // Page numbers in the header, 13–14 pt, centred, not on page 1.
  expect(xml, `${what}: different first page`).toContain('<w:titlePg/>');
  const def = headerPart(doc, 'default');
  expect(def, `${what}: PAGE field in the header`).toMatch(/PAGE/);
  expect(def).toContain('<w:jc w:val="center"/>');
  const sizes = [...def.matchAll(/<w:sz w:val="(\d+)"\/>/g)].map((s) => Number(s[1]) / 2);
  expect(sizes.length, `${what}: page number size set`).toBeGreaterThan(0);
  for (const s of sizes) expect([13, 14], `${what}: page number size`).toContain(s);
  expect(headerPart(doc, 'first'), `${what}: no page number on page 1`).not.toMatch(/PAGE/);

  // Document type, body size: NĐ 30 13–14, HD 36 type 15–16 and body 14–15.
  const title = runOf(xml, 'BIÊN BẢN')!;
  expect(isBold(title)).toBe(true);
  expect(party ? [15, 16] : [13, 14], `${what}: BIÊN BẢN size`).toContain(sizeOf(title));
  const start = (xml.match(/<w:r>(?:(?!<w:r>)[\s\S])*?<\/w:r>/g) ?? []).find((r) => textOf(r).startsWith('Thời gian bắt đầu'));
  expect(start, `${what}: "Thời gian bắt đầu"`).toBeDefined();
  expect(party ? [14, 15] : [13, 14], `${what}: body size`).toContain(sizeOf(start!));
}

// ---------- positions ----------
const centre = (w: Word) => (w.x0 + w.x1) / 2;
const isPageNumber = (page: Page, w: Word, top: number) => /^\d+$/.test(w.text) && w.y1 < top;

/** Every word LibreOffice set is a word of the document: a word split by layout ("B Ả N") is not. */
function expectWordsUnsplit(doc: Doc, pages: Page[]) {
  const strip = (s: string) => s.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  const tokens = new Set(doc.text.split(/\s+/u).map(strip).filter(Boolean));
  const odd = pages.flatMap((p) => p.words.map((w) => strip(w.text)).filter((t) => t && !/^\d+$/.test(t) && !tokens.has(t)).map((t) => `p${p.n}: ${t}`));
  expect(odd, `${doc.name}: words in the PDF that are not words of the document`).toEqual([]);
}

function checkMinutesPdf(c: CorpusCase, doc: Doc, party: boolean) {
  const what = doc.name;
  const pages = layouts.get(doc.name)!;
  const profile = profileFor(c.name, party);
  const m = pgMar(doc.parts.xml('word/document.xml'));
  const textLeft = m.left;
  const textRight = A4.width - m.right;
  const textCentre = (textLeft + textRight) / 2;
  for (const p of pages) {
    expect(p.width, `${what} p${p.n}: A4 width`).toBeCloseTo(A4.width, 0);
    expect(p.height, `${what} p${p.n}: A4 height`).toBeCloseTo(A4.height, 0);
  }

  // Margins as printed. A line's box starts at the font's ascent, a hair above the text area.
  const body = pages.flatMap((p) => p.words.filter((w) => !isPageNumber(p, w, 19)));
  const left = Math.min(...body.map((w) => w.x0));
  expect(left, `${what}: left margin of the text`).toBeGreaterThanOrEqual(29.5);
  expect(left).toBeLessThanOrEqual(35.5);
  expect(Math.max(...body.map((w) => w.x1)), `${what}: right margin at least 15 mm`).toBeLessThanOrEqual(A4.width - 14.5);
  for (const p of pages) {
    const top = Math.min(...p.words.filter((w) => !isPageNumber(p, w, 19)).map((w) => w.y0));
    expect(top, `${what} p${p.n}: top margin`).toBeGreaterThanOrEqual(19.5);
    expect(top, `${what} p${p.n}: top margin`).toBeLessThanOrEqual(25.5);
  }

  // Header columns on page 1: the issuing body left of the page centre, the national (or Party) title right.
  const p1 = pages[0]!;
  const title = findPhrase(p1, 'BIÊN BẢN');
  expect(title, `${what}: "BIÊN BẢN" as one line of words`).not.toBeNull();
  const head = p1.words.filter((w) => w.y1 <= title!.y0 + 0.1);
  const gridLeft = twipToMm(Number(/<w:gridCol w:w="(\d+)"/.exec(tables(doc.parts.xml('word/document.xml'))[0]!)![1]));
  const boundary = textLeft + gridLeft;
  const leftText = head.filter((w) => centre(w) < boundary).map((w) => w.text).join(' ');
  const rightText = head.filter((w) => centre(w) >= boundary).map((w) => w.text).join(' ');
  expect(leftText, `${what}: issuing body in the left column`).toContain(profile.issuingBody);
  const name = unitName(profile.issuingBody);
  if (name.includes(' ')) expect(findPhrase(p1, name), `${what}: "${name}" not broken across lines in the header`).not.toBeNull();
  // The issuing body sits left of the page centre and inside its own column (a long name may pass
  // the centre line by a little, never into the right column).
  const issuingWords = head.filter((w) => centre(w) < boundary && profile.issuingBody.split(' ').includes(w.text));
  const issuingBox = { x0: Math.min(...issuingWords.map((w) => w.x0)), x1: Math.max(...issuingWords.map((w) => w.x1)) };
  expect((issuingBox.x0 + issuingBox.x1) / 2, `${what}: issuing body left of the page centre`).toBeLessThan(A4.width / 2);
  expect(issuingBox.x1, `${what}: issuing body inside the left column (ends at ${boundary.toFixed(1)} mm)`).toBeLessThanOrEqual(boundary + 0.5);
  const national = findPhrase(p1, party ? 'ĐẢNG CỘNG SẢN VIỆT NAM' : 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  expect(national, `${what}: national or Party title on one line`).not.toBeNull();
  expect(centre(national!), `${what}: national title right of the page centre`).toBeGreaterThan(A4.width / 2);
  expect(rightText).not.toContain(profile.issuingBody);
  expect(national!.y0, `${what}: title at the top`).toBeLessThan(title!.y0);

  // Signatures: each name below its title and within its column.
  const secLabel = locate(pages, 'THƯ KÝ');
  const chairLabel = locate(pages, 'CHỦ TRÌ');
  expect(secLabel, `${what}: THƯ KÝ`).not.toBeNull();
  expect(chairLabel, `${what}: CHỦ TRÌ`).not.toBeNull();
  expect(centre(secLabel!.box), `${what}: THƯ KÝ left`).toBeLessThan(textCentre);
  expect(centre(chairLabel!.box), `${what}: CHỦ TRÌ right`).toBeGreaterThan(textCentre);
  const under = (label: { page: Page; box: Word }, person: string, side: 'left' | 'right') => {
    const box = findPhrase(label.page, person, label.box.y1);
    expect(box, `${what}: "${person}" on the page of its title`).not.toBeNull();
    expect(box!.y0, `${what}: "${person}" below its title`).toBeGreaterThan(label.box.y1);
    expect(Math.abs(centre(box!) - centre(label.box)), `${what}: "${person}" centred under its title`).toBeLessThan(10);
    if (side === 'left') expect(box!.x1, `${what}: "${person}" inside the left column`).toBeLessThan(textCentre);
    else expect(box!.x0, `${what}: "${person}" inside the right column`).toBeGreaterThan(textCentre);
  };
  under(secLabel!, SECRETARY, 'left');
  const chair = chairNames(c).find((n) => findPhrase(chairLabel!.page, n, chairLabel!.box.y1));
  if (chairNames(c).length) {
    expect(chair, `${what}: a chair's name under CHỦ TRÌ`).toBeDefined();
    under(chairLabel!, chair!, 'right');
  }

  // Page numbers at the top centre from page 2 on, none on page 1.
  expect(p1.words.filter((w) => isPageNumber(p1, w, m.top - 1)), `${what}: no page number on page 1`).toEqual([]);
  for (const p of pages.slice(1)) {
    const nums = p.words.filter((w) => isPageNumber(p, w, m.top - 1));
    expect(nums.map((w) => w.text), `${what} p${p.n}: page number`).toEqual([String(p.n)]);
    expect(Math.abs(centre(nums[0]!) - textCentre), `${what} p${p.n}: page number centred`).toBeLessThan(3);
  }

  // The closing line, the signatures and "Nơi nhận" on one page, never a page of signatures alone.
  const noi = locate(pages, 'Nơi nhận:');
  const closing = locate(pages, 'Hội nghị kết thúc');
  expect(noi, `${what}: Nơi nhận`).not.toBeNull();
  expect(closing, `${what}: closing line`).not.toBeNull();
  expect(`p${secLabel!.page.n} p${chairLabel!.page.n} p${noi!.page.n}`, `${what}: closing line (p${closing!.page.n}), signatures and Nơi nhận together`).toBe(
    `p${closing!.page.n} p${closing!.page.n} p${closing!.page.n}`,
  );
  expect(pages.length, `${what}: no empty trailing page`).toBe(closing!.page.n);

  expectWordsUnsplit(doc, pages);
}

// ---------------------------------------------------------------------------------------------
describe.each(NAMES)('record %s', (name) => {
  it('imports and exports the article, the minutes (State and Party) and the summary', () => {
    const c = get(name);
    for (const d of [c.article, c.minutesState, c.minutesParty, c.summary]) {
      expect(d.buf.subarray(0, 2).toString('latin1'), d.name).toBe('PK');
      expect(d.text.length, d.name).toBeGreaterThan(200);
      expect(d.text, d.name).toBe(d.text.normalize('NFC'));
    }
    expect(c.record.meeting.title).toBe(c.json.meeting.title ?? '');
    expect(c.minutesParty.parts.xml('word/document.xml')).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(c.minutesState.parts.xml('word/document.xml')).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  });

  it('has no artifacts the generator added, in any document', () => {
    const c = get(name);
    const sources = [...recordStrings(c.json), ...Object.values(profileFor(name, false)).filter((v): v is string => typeof v === 'string')];
    const found = [c.article, c.minutesState, c.minutesParty, c.summary].flatMap((d) => artifacts(d.text, sources, c.json.facts).map((a) => `${d.name}: ${a.rule}: «${a.text}»`));
    expect(found).toEqual([]);
  });

  it('names a place at most once a sentence in the article, beyond what the record itself repeats', () => {
    const c = get(name);
    const found = repeatedPlaces(c.article.text, placeNames(c.json.meeting.locality), recordStrings(c.json));
    expect(found.map((f) => `"${f.place}" ×${f.count}: «${f.sentence}»`)).toEqual([]);
  });

  it(`carries every fact of the record in the article, in the newsroom's house style (${OFFICES[name]?.style.dateStyle})`, () => {
    const c = get(name);
    const unknowable = UNKNOWABLE[name] ?? {};
    const missing = c.json.facts.filter((f) => !(f in unknowable) && !c.article.text.includes(f.normalize('NFC')));
    expect(missing, `${name}: facts missing from the article`).toEqual([]);
    // The list of unknowable facts stays true: one that starts passing must leave the list.
    for (const [fact, why] of Object.entries(unknowable)) {
      expect(c.json.facts, `${name}: "${fact}" is a fact of the record`).toContain(fact);
      expect(c.article.text.includes(fact), `${name}: "${fact}" now passes (${why}); remove it from UNKNOWABLE`).toBe(false);
    }
  });

  it('writes the minutes in the NĐ 30/2020 format (State office)', () => {
    const c = get(name);
    checkMinutesXml(c, c.minutesState, false);
  });

  it('writes the minutes in the HD 36 format (Party committee)', () => {
    const c = get(name);
    checkMinutesXml(c, c.minutesParty, true);
  });

  it('starts the meeting name under BIÊN BẢN and the article headline with a capital', () => {
    const c = get(name);
    for (const d of [c.minutesState, c.minutesParty]) {
      const lines = d.text.split('\n').map((l) => l.trim()).filter(Boolean);
      const at = lines.indexOf('BIÊN BẢN');
      expect(at, `${d.name}: BIÊN BẢN`).toBeGreaterThanOrEqual(0);
      const nameLine = lines[at + 1] ?? '';
      expect(nameLine[0] ?? '', `${d.name}: meeting name "${nameLine}"`).toBe((nameLine[0] ?? '').toLocaleUpperCase('vi'));
    }
    const headline = c.article.text.split('\n').map((l) => l.trim()).find(Boolean) ?? '';
    expect(headline[0] ?? '', `${name}: headline "${headline}"`).toBe((headline[0] ?? '').toLocaleUpperCase('vi'));
  });

  it('writes the article on A4 in Times New Roman', () => {
    const xml = get(name).article.parts.xml('word/document.xml');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expectTimesEverywhere(xml, `${name} article`);
  });

  describe.skipIf(!hasLibreOffice())('as LibreOffice lays it out', () => {
    it('minutes (State): margins, header columns, signatures, page numbers, closing together', () => {
      const c = get(name);
      checkMinutesPdf(c, c.minutesState, false);
    });
    it('minutes (Party): the same on the HD 36 header', () => {
      const c = get(name);
      checkMinutesPdf(c, c.minutesParty, true);
    });
    it('article: within its margins, words unsplit', () => {
      const c = get(name);
      const pages = layouts.get(c.article.name)!;
      const m = pgMar(c.article.parts.xml('word/document.xml'));
      const words = pages.flatMap((p) => p.words);
      expect(Math.min(...words.map((w) => w.x0))).toBeGreaterThanOrEqual(m.left - 0.5);
      expect(Math.max(...words.map((w) => w.x1))).toBeLessThanOrEqual(A4.width - m.right + 0.5);
      expectWordsUnsplit(c.article, pages);
    });
  });
});
if (!hasLibreOffice()) console.warn('LibreOffice is not installed: the layout checks of corpus.test.ts are skipped (CI installs libreoffice-writer-nogui).');
