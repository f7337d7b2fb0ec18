// The minutes .docx paragraph by paragraph, built from hand-written blocks (so it does not depend
// on the generator's wording): every size, weight, spacing and keep-with-next the decree's
// layout needs, for the state form (Mẫu 1.9) and the Party form (HD 36), and the pure helpers
// behind the number, revision and place-and-date lines. Written against the mutants Stryker found
// in electron/core/documents/docx-minutes.ts.
import { describe, expect, it } from 'vitest';
import { convertMillimetersToTwip } from 'docx';
import { blockLines, DEFAULT_RECIPIENTS, docNumberLine, headerLines, placeDateLine, revisionLine } from '../../../electron/core/documents/docx-minutes';
import { renderDocx } from '../../../electron/core/documents/docx-render';
import { FIRST_LINE, TEXT_WIDTH, textWidth } from '../../../electron/core/documents/docx-common';
import type { DocBlock, DocOptions } from '../../../electron/shared/documents';
import type { MeetingRecord, OrgProfile } from '../../../electron/shared/domain';
import { DEFAULT_STYLE } from '../../../electron/shared/domain';
import { seedRecord, SEED_PROFILE } from '../../fixtures/documents/seed-record';
import { tables, unpack } from '../documents/helpers';

type Para = { text: string; bold: boolean; italic: boolean; size: number | null; center: boolean; justified: boolean; keepNext: boolean; before: number | null; after: number | null; firstLine: number | null; left: number | null; right: number | null; rule: boolean };

function paragraphs(xml: string): Para[] {
  return (xml.match(/<w:p>[\s\S]*?<\/w:p>/g) ?? []).map((p) => {
    const ppr = /<w:pPr>[\s\S]*?<\/w:pPr>/.exec(p)?.[0] ?? '';
    const num = (re: RegExp): number | null => (re.exec(ppr) ? Number(re.exec(ppr)![1]) : null);
    const sz = /<w:sz w:val="(\d+)"\/>/.exec(p.replace(ppr, ''));
    return {
      text: [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''),
      bold: /<w:b\/>/.test(p),
      italic: /<w:i\/>/.test(p),
      size: sz ? Number(sz[1]) / 2 : null,
      center: ppr.includes('<w:jc w:val="center"/>'),
      justified: ppr.includes('<w:jc w:val="both"/>'),
      keepNext: /<w:keepNext\/>/.test(ppr),
      before: num(/w:before="(\d+)"/),
      after: num(/w:after="(\d+)"/),
      firstLine: num(/w:firstLine="(\d+)"/),
      left: num(/<w:ind [^>]*w:left="(\d+)"/),
      right: num(/<w:ind [^>]*w:right="(\d+)"/),
      rule: ppr.includes('<w:pBdr><w:bottom w:val="single"'),
    };
  });
}

const BLOCKS: DocBlock[] = [
  { type: 'heading', text: 'HỘI NGHỊ ĐỐI THOẠI' },
  { type: 'paragraph', text: 'Một\r\n  \nHai  ' },
  { type: 'heading', text: 'I. Phần một' },
  { type: 'table', rows: [['a', 'b']] } as DocBlock,
  { type: 'paragraph', text: 'Cuối.' },
];

async function render(record: MeetingRecord, profile: OrgProfile, options: DocOptions = {}, blocks: DocBlock[] = BLOCKS) {
  const parts = unpack(await renderDocx('minutes', blocks, record, profile, () => null, options));
  const doc = parts.xml('word/document.xml');
  const [header, signature] = tables(doc);
  const body = doc.replace(header!, '').replace(signature!, '');
  return { parts, doc, header: paragraphs(header!), body: paragraphs(body), signature: paragraphs(signature!), core: parts.xml('docProps/core.xml'), headerXml: header! };
}

const byText = (ps: Para[], text: string): Para => {
  const p = ps.find((x) => x.text === text);
  if (!p) throw new Error(`no paragraph "${text}" in ${JSON.stringify(ps.map((x) => x.text))}`);
  return p;
};

describe('pure lines', () => {
  const state: OrgProfile = { ...SEED_PROFILE, docCode: ' /BB-UBND ' };
  const party: OrgProfile = { ...SEED_PROFILE, isParty: true, docCode: '-BB/ĐU' };
  it('number line', () => {
    expect(docNumberLine(state, 5)).toBe('Số: 05/BB-UBND');
    expect(docNumberLine(state, 9)).toBe('Số: 09/BB-UBND');
    expect(docNumberLine(state, 10)).toBe('Số: 10/BB-UBND');
    expect(docNumberLine(state, 123)).toBe('Số: 123/BB-UBND');
    expect(docNumberLine(state, null)).toBe('Số:      /BB-UBND');
    expect(docNumberLine(party, 5)).toBe('Số 05-BB/ĐU');
    expect(docNumberLine(party, 12)).toBe('Số 12-BB/ĐU');
    expect(docNumberLine(party, null)).toBe('Số      -BB/ĐU');
  });
  it('revision line from revision 2 on', () => {
    expect(revisionLine(0)).toBeNull();
    expect(revisionLine(1)).toBeNull();
    expect(revisionLine(2)).toBe('Lần sửa đổi: 2');
    expect(revisionLine(11)).toBe('Lần sửa đổi: 11');
  });
  it('place and date line', () => {
    expect(placeDateLine({ ...SEED_PROFILE, placeName: ' Bắc Từ Liêm ' }, '2019-10-18')).toBe('Bắc Từ Liêm, ngày 18 tháng 10 năm 2019');
    expect(placeDateLine({ ...SEED_PROFILE, placeName: '' }, '2019-10-18')).toBe('Ngày 18 tháng 10 năm 2019');
    expect(placeDateLine({ ...SEED_PROFILE, placeName: '  ' }, null)).toBe('Ngày …… tháng …… năm ……');
    expect(placeDateLine({ ...SEED_PROFILE, placeName: 'Hà Nội' }, null)).toBe('Hà Nội, ngày …… tháng …… năm ……');
  });
  it('header lines: whole when it fits, else before the last unit word, else near the middle, never inside a word', () => {
    expect(headerLines('  ', 3000, 13, true)).toEqual([]);
    expect(headerLines(' UBND  QUẬN ', 3000, 13, true)).toEqual(['UBND QUẬN']);
    const w = Math.max(textWidth('ĐẢNG ỦY', 14, true), textWidth('PHƯỜNG QUAN HOA', 14, true)) + 10;
    expect(headerLines('ĐẢNG ỦY PHƯỜNG QUAN HOA', w, 14, true)).toEqual(['ĐẢNG ỦY', 'PHƯỜNG QUAN HOA']);
    expect(headerLines('AAAA BBBB CCCC DDDD', textWidth('AAAA BBBB', 13, true) + 5, 13, true)).toEqual(['AAAA BBBB', 'CCCC DDDD']);
    expect(headerLines('AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 500, 13, true)).toEqual(['AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA']);
  });
  it('block lines', () => {
    expect(blockLines({ type: 'paragraph', text: ' a \r\n\n b ' })).toEqual(['a', 'b']);
    expect(blockLines({ type: 'heading', text: 'H' })).toEqual(['H']);
    expect(blockLines({ type: 'photo', photoId: 1, caption: '  Ảnh  ' } as DocBlock)).toEqual(['Ảnh']);
    expect(blockLines({ type: 'photo', photoId: 1, caption: '  ' } as DocBlock)).toEqual([]);
    expect(blockLines({ type: 'table', rows: [['x']] } as DocBlock)).toEqual([]);
  });
});

describe('state form (Mẫu 1.9)', () => {
  it('header: sizes, weights and spacing of each line', async () => {
    const r = seedRecord();
    r.meeting.revision = 2;
    const { header, headerXml } = await render(r, { ...SEED_PROFILE, parentBody: 'UBND Thành phố Hà Nội' });
    expect(byText(header, 'UBND THÀNH PHỐ HÀ NỘI')).toMatchObject({ size: 13, bold: false, center: true });
    expect(byText(header, 'UBND QUẬN BẮC TỪ LIÊM')).toMatchObject({ size: 13, bold: true, center: true });
    expect(byText(header, 'Số: 05/BB-UBND')).toMatchObject({ size: 13, bold: false, before: 180 });
    expect(byText(header, 'Lần sửa đổi: 2')).toMatchObject({ size: 12, italic: true, bold: false });
    expect(byText(header, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')).toMatchObject({ size: 12, bold: true });
    expect(byText(header, 'Độc lập - Tự do - Hạnh phúc')).toMatchObject({ size: 13, bold: true });
    expect(byText(header, 'Bắc Từ Liêm, ngày 18 tháng 10 năm 2019')).toMatchObject({ size: 14, italic: true, before: 180 });
    expect(header.filter((p) => p.rule)).toHaveLength(2);
    expect(header.map((p) => p.text)).not.toContain('*');
    // The left column: between 60 and 72 mm.
    const left = Number(/<w:gridCol w:w="(\d+)"\/>/.exec(headerXml)![1]);
    expect(left).toBeGreaterThanOrEqual(convertMillimetersToTwip(60) - 1);
    expect(left).toBeLessThanOrEqual(convertMillimetersToTwip(72) + 1);
  });

  it('no revision line before revision 2, no date line when the options say so', async () => {
    const r = seedRecord();
    r.meeting.revision = 1;
    const { header } = await render(r, SEED_PROFILE, { minutes: { placeDateLine: false } });
    expect(header.map((p) => p.text).join('|')).not.toMatch(/Lần sửa đổi|ngày 18/);
    const styleOff = await render(seedRecord(), { ...SEED_PROFILE, style: { ...DEFAULT_STYLE, placeDateLine: false } });
    expect(styleOff.header.map((p) => p.text).join('|')).not.toContain('ngày 18');
    const optionOn = await render(seedRecord(), { ...SEED_PROFILE, style: { ...DEFAULT_STYLE, placeDateLine: false } }, { minutes: { placeDateLine: true } });
    expect(optionOn.header.map((p) => p.text)).toContain('Bắc Từ Liêm, ngày 18 tháng 10 năm 2019');
  });

  it('title, first heading with its 30 mm rule, then the body', async () => {
    const { body } = await render(seedRecord(), SEED_PROFILE);
    const texts = body.map((p) => p.text);
    const at = texts.indexOf('BIÊN BẢN');
    expect(body[at]).toMatchObject({ size: 14, bold: true, center: true, before: 480 });
    expect(body[at + 1]).toMatchObject({ text: 'HỘI NGHỊ ĐỐI THOẠI', size: 14, bold: true, center: true });
    const rule = body[at + 2]!;
    expect(rule.rule).toBe(true);
    expect(TEXT_WIDTH - rule.left! - rule.right!).toBeCloseTo(convertMillimetersToTwip(30), -1);
    expect(body[at + 3]).toMatchObject({ text: '', after: 120, rule: false });
    expect(texts.slice(at + 4)).toEqual(['Một', 'Hai', 'I. Phần một', 'Cuối.']);
  });

  it('body paragraphs: justified 14 pt, first-line indent, spacing; headings bold and kept with the next; the last one kept with the signatures', async () => {
    const { body } = await render(seedRecord(), SEED_PROFILE);
    for (const t of ['Một', 'Hai', 'I. Phần một', 'Cuối.']) expect(byText(body, t)).toMatchObject({ size: 14, justified: true, firstLine: FIRST_LINE, after: 120, before: 0 });
    expect(byText(body, 'Một')).toMatchObject({ bold: false, keepNext: false });
    expect(byText(body, 'Hai')).toMatchObject({ bold: false, keepNext: false });
    expect(byText(body, 'I. Phần một')).toMatchObject({ bold: true, keepNext: true });
    expect(byText(body, 'Cuối.')).toMatchObject({ bold: false, keepNext: true });
    // The closing paragraph is the last one before the signature table (no empty paragraph between).
    expect(body[body.length - 1]).toMatchObject({ text: 'Cuối.', keepNext: true });
  });

  it('a first block that is not a heading is an ordinary paragraph, and later headings get no rule', async () => {
    const { body } = await render(seedRecord(), SEED_PROFILE, {}, [
      { type: 'paragraph', text: 'Mở đầu' },
      { type: 'heading', text: 'II. Phần hai' },
    ]);
    expect(byText(body, 'Mở đầu')).toMatchObject({ justified: true, bold: false, center: false });
    expect(byText(body, 'II. Phần hai')).toMatchObject({ justified: true, bold: true, keepNext: true });
    expect(body.filter((p) => p.rule)).toEqual([]);
  });

  it('signatures: the chair label of the house style, the meeting secretary or else the profile one, and Nơi nhận', async () => {
    const r = seedRecord();
    r.meeting.secretary = '  ';
    const { signature } = await render(r, { ...SEED_PROFILE, secretaryName: ' Phạm Thu Hà ', style: { ...DEFAULT_STYLE, chairLabel: 'CHỦ TỌA' } }, { minutes: { recipients: [' - Ban Dân vận; ', '', '– Lưu: VT.'] } });
    const texts = signature.map((p) => p.text);
    expect(texts).toContain('Phạm Thu Hà');
    expect(texts).toContain('CHỦ TỌA');
    for (const t of ['THƯ KÝ', 'Phạm Thu Hà', 'CHỦ TỌA']) expect(byText(signature, t)).toMatchObject({ size: 14, bold: true, center: true });
    expect(byText(signature, 'Nơi nhận:')).toMatchObject({ size: 12, bold: true, italic: true, before: 240, keepNext: true });
    expect(byText(signature, '- Ban Dân vận;')).toMatchObject({ size: 11, keepNext: true });
    expect(byText(signature, '- Lưu: VT.')).toMatchObject({ size: 11, keepNext: false });
    expect(texts.filter((t) => t.startsWith('- '))).toEqual(['- Ban Dân vận;', '- Lưu: VT.']);
  });

  it('default recipients, and no chair means an empty name under the label', async () => {
    const r = seedRecord();
    r.attendees = r.attendees.filter((a) => a.role !== 'chair');
    const { signature } = await render(r, SEED_PROFILE);
    expect(signature.map((p) => p.text).filter((t) => t.startsWith('- '))).toEqual([`- ${DEFAULT_RECIPIENTS[0]};`, `- ${DEFAULT_RECIPIENTS[1]}.`]);
    const texts = signature.map((p) => p.text);
    expect(texts.slice(texts.indexOf('CHỦ TRÌ'))).toEqual(['CHỦ TRÌ', '', '']);
  });

  it('document properties: title, creator, revision', async () => {
    const r = seedRecord();
    r.meeting.revision = 3;
    const { core } = await render(r, SEED_PROFILE);
    expect(core).toContain(`<dc:title>Biên bản ${r.meeting.title}</dc:title>`);
    expect(core).toContain('<dc:creator>UBND QUẬN BẮC TỪ LIÊM</dc:creator>');
    expect(core).toContain('<cp:revision>3</cp:revision>');
    const r0 = seedRecord();
    r0.meeting.revision = 0;
    r0.meeting.title = '';
    const none = await render(r0, { ...SEED_PROFILE, issuingBody: '' });
    expect(none.core).toContain('<dc:title>Biên bản</dc:title>');
    expect(none.core).toContain('<dc:creator>Thư ký Hội nghị</dc:creator>');
    expect(none.core).not.toMatch(/<cp:revision>[02-9]/);
  });

  it('A4, the decree margins, and a first page without a page number', async () => {
    const { doc, parts } = await render(seedRecord(), SEED_PROFILE);
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(doc).toContain('<w:titlePg/>');
    const m = /<w:pgMar ([^>]*)\/>/.exec(doc)![1]!;
    const v = (k: string) => Number(new RegExp(`w:${k}="(\\d+)"`).exec(m)![1]);
    expect([v('top'), v('bottom'), v('left'), v('right')]).toEqual([20, 20, 30, 15].map((mm) => convertMillimetersToTwip(mm)));
    const rels = parts.xml('word/_rels/document.xml.rels');
    const firstId = /<w:headerReference w:type="first" r:id="(\w+)"\/>/.exec(doc)![1]!;
    const target = new RegExp(`Id="${firstId}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${firstId}"`).exec(rels)![1]!;
    expect(parts.xml(`word/${target}`)).not.toMatch(/PAGE|<w:t/);
  });
});

describe('Party form (HD 36)', () => {
  const party: OrgProfile = { ...SEED_PROFILE, isParty: true, issuingBody: 'Đảng ủy phường Phúc Diễn', parentBody: 'Đảng bộ quận Bắc Từ Liêm', docCode: 'BB/ĐU', placeName: 'Phúc Diễn' };

  it('header: parent and issuing body at 14 pt, the star, the number, the Party title at 15 pt with its rule, the date', async () => {
    const r = seedRecord();
    r.meeting.revision = 2;
    const { header, headerXml } = await render(r, party);
    const texts = header.map((p) => p.text);
    expect(byText(header, 'ĐẢNG BỘ QUẬN BẮC TỪ LIÊM')).toMatchObject({ size: 14, bold: false });
    expect(byText(header, 'ĐẢNG ỦY PHƯỜNG PHÚC DIỄN')).toMatchObject({ size: 14, bold: true });
    expect(byText(header, '*')).toMatchObject({ size: 14, bold: false });
    expect(byText(header, 'Số 05-BB/ĐU')).toMatchObject({ size: 14, before: 60 });
    expect(byText(header, 'Lần sửa đổi: 2')).toMatchObject({ size: 12, italic: true });
    expect(texts.indexOf('*')).toBe(texts.indexOf('ĐẢNG ỦY PHƯỜNG PHÚC DIỄN') + 1);
    expect(texts.indexOf('Số 05-BB/ĐU')).toBe(texts.indexOf('*') + 1);
    expect(byText(header, 'ĐẢNG CỘNG SẢN VIỆT NAM')).toMatchObject({ size: 15, bold: true });
    expect(byText(header, 'Phúc Diễn, ngày 18 tháng 10 năm 2019')).toMatchObject({ size: 14, italic: true, before: 240 });
    expect(texts).not.toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    // One rule, under the Party title, about its width.
    const rules = header.filter((p) => p.rule);
    expect(rules).toHaveLength(1);
    expect(texts.indexOf('ĐẢNG CỘNG SẢN VIỆT NAM')).toBe(header.indexOf(rules[0]!) - 1);
    const [left, right] = [...headerXml.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(left).toBeGreaterThanOrEqual(convertMillimetersToTwip(65) - 1);
    expect(left).toBeLessThanOrEqual(convertMillimetersToTwip(88) + 1);
    expect(right! - rules[0]!.left! - rules[0]!.right!).toBeCloseTo(textWidth('ĐẢNG CỘNG SẢN VIỆT NAM', 15, true), -1);
  });

  it('the title at 16 pt', async () => {
    const { body } = await render(seedRecord(), party);
    expect(byText(body, 'BIÊN BẢN')).toMatchObject({ size: 16, bold: true });
  });

  it('a long body name is broken into two lines between words', async () => {
    const { header } = await render(seedRecord(), { ...party, issuingBody: 'Đảng ủy cơ quan Ủy ban nhân dân phường Phúc Diễn' });
    const lines = header.filter((p) => p.bold && p.size === 14).map((p) => p.text);
    expect(lines).toHaveLength(2);
    expect(lines.join(' ')).toBe('ĐẢNG ỦY CƠ QUAN ỦY BAN NHÂN DÂN PHƯỜNG PHÚC DIỄN');
  });
});
