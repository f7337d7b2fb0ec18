// The article and summary .docx, read back from the real files: each block type's paragraph
// (size, weight, alignment, spacing), the photo sizes (landscape, tall, unknown size), the summary
// table's column widths, shading, spans and repeated header, the page, and the document's
// author and title. Written for the mutants of docx-article.ts and docx-summary.ts (issue 13).
import { beforeAll, describe, expect, it } from 'vitest';
import { columnWidths } from '../../../electron/core/documents/docx-summary';
import { renderDocx, type PhotoData } from '../../../electron/core/documents/docx-render';
import type { DocBlock } from '../../../electron/shared/documents';
import { meeting, profile, RecordBuilder } from '../../fixtures/documents/build';
import { tables, unpack } from '../documents/helpers';

// A 1×1 JPEG: the document only needs real bytes, its size is what the loader says.
const JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwSExIQEw8QEBD/wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAACf/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AVN//2Q==',
  'base64',
);
const EMU = 9525;

/** The body's paragraphs (outside tables too), in order. */
const paragraphs = (xml: string): string[] => xml.match(/<w:p>[\s\S]*?<\/w:p>/g) ?? [];
const textOf = (p: string): string => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
const pPr = (p: string): string => /<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(p)?.[1] ?? '';
const rPr = (p: string): string => /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(p)?.[1]?.replace(/<w:rFonts[^>]*\/>/, '') ?? '';
const core = (parts: ReturnType<typeof unpack>, tag: string): string | undefined => new RegExp(`<dc:${tag}>([^<]*)</dc:${tag}>`).exec(parts.xml('docProps/core.xml'))?.[1];

describe('article .docx', () => {
  const record = new RecordBuilder(meeting(1, { title: 'Hội nghị đối thoại' })).record;
  const photos: Record<number, PhotoData> = {
    5: { data: JPEG, width: 4000, height: 3000 },
    6: { data: JPEG, width: 1000, height: 3000 },
    8: { data: JPEG, width: 0, height: 0 },
  };
  const blocks: DocBlock[] = [
    { type: 'heading', text: 'Tít bài\nDòng hai' },
    { type: 'paragraph', text: 'Đoạn một.' },
    { type: 'photo', photoId: 5, caption: ' Chú thích ảnh ' },
    { type: 'photo', photoId: 6, caption: '   ' },
    { type: 'photo', photoId: 7, caption: 'Ảnh đã xóa' },
    { type: 'photo', photoId: 8, caption: '' },
    { type: 'dateline', text: 'Ngày đăng' },
    { type: 'table', rows: [['ô bảng bị bỏ qua']] },
    { type: 'byline', text: 'Phóng viên' },
  ];
  let parts: ReturnType<typeof unpack>;
  let doc: string;
  beforeAll(async () => {
    parts = unpack(await renderDocx('article', blocks, record, profile({ byline: 'Ban Tuyên giáo' }), (id) => photos[id] ?? null));
    doc = parts.xml('word/document.xml');
  });

  it('one paragraph per line and per photo, in order; a missing photo, an empty caption and a table add nothing', () => {
    const ps = paragraphs(doc);
    expect(ps.map(textOf)).toEqual(['Tít bài', 'Dòng hai', 'Đoạn một.', '', 'Chú thích ảnh', '', '', 'Ngày đăng', 'Phóng viên']);
    expect(doc).not.toContain('ô bảng bị bỏ qua');
    expect(doc).not.toContain('Ảnh đã xóa');
  });

  it('heading: centred, 16 pt bold, 12 pt after', () => {
    const [h] = paragraphs(doc);
    expect(pPr(h!)).toBe('<w:spacing w:after="240"/><w:jc w:val="center"/>');
    expect(rPr(h!)).toBe('<w:b/><w:bCs/><w:sz w:val="32"/><w:szCs w:val="32"/>');
  });

  it('body: justified, first-line indent, 14 pt, the body spacing', () => {
    const p = paragraphs(doc)[2]!;
    expect(pPr(p)).toBe('<w:spacing w:after="120" w:before="0" w:line="276" w:lineRule="auto"/><w:ind w:firstLine="720"/><w:jc w:val="both"/>');
    expect(rPr(p)).toBe('<w:sz w:val="28"/><w:szCs w:val="28"/>');
  });

  it('photos: 15 cm wide when landscape, at most 18 cm tall, 4:3 when the size is unknown; kept with the caption', () => {
    const extents = [...doc.matchAll(/<wp:extent cx="(\d+)" cy="(\d+)"\/>/g)].map((m) => [Number(m[1]) / EMU, Number(m[2]) / EMU]);
    expect(extents).toEqual([
      [567, 425],
      [227, 680],
      [567, 425],
    ]);
    const ps = paragraphs(doc);
    for (const i of [3, 5, 6]) expect(pPr(ps[i]!)).toBe('<w:keepNext/><w:spacing w:after="60" w:before="120"/><w:jc w:val="center"/>');
    const docPr = doc.match(/<wp:docPr [^>]*\/>/g) ?? [];
    expect(docPr.map((d) => /name="([^"]*)"/.exec(d)?.[1])).toEqual(['Ảnh 5', 'Ảnh 6', 'Ảnh 8']);
    expect(docPr[0]).toContain('descr=" Chú thích ảnh " title=" Chú thích ảnh "');
    expect(docPr[1]).toContain('descr="   " title="   "');
    // The JPEG itself, as given.
    const media = Object.keys(parts.files).filter((n) => n.startsWith('word/media/'));
    expect(media).toHaveLength(3);
    for (const n of media) expect(Buffer.from(parts.files[n]!).equals(JPEG)).toBe(true);
  });

  it('caption: centred, 13 pt italic, 10 pt after, trimmed', () => {
    const c = paragraphs(doc)[4]!;
    expect(pPr(c)).toBe('<w:spacing w:after="200"/><w:jc w:val="center"/>');
    expect(rPr(c)).toBe('<w:i/><w:iCs/><w:sz w:val="26"/><w:szCs w:val="26"/>');
  });

  it('dateline: 13 pt italic, 6 pt after; byline: right, 14 pt bold, 12 pt before', () => {
    const ps = paragraphs(doc);
    expect(pPr(ps[7]!)).toBe('<w:spacing w:after="120"/>');
    expect(rPr(ps[7]!)).toBe('<w:i/><w:iCs/><w:sz w:val="26"/><w:szCs w:val="26"/>');
    expect(pPr(ps[8]!)).toBe('<w:spacing w:before="240"/><w:jc w:val="right"/>');
    expect(rPr(ps[8]!)).toBe('<w:b/><w:bCs/><w:sz w:val="28"/><w:szCs w:val="28"/>');
  });

  it('A4 portrait with the decree margins; author is the byline, title the meeting’s', () => {
    expect(doc).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(doc).toContain('<w:pgMar w:top="1133" w:right="850" w:bottom="1133" w:left="1700"');
    expect(core(parts, 'creator')).toBe('Ban Tuyên giáo');
    expect(core(parts, 'title')).toBe('Hội nghị đối thoại');
    expect(parts.xml('word/styles.xml')).toContain('<w:sz w:val="28"/>');
  });

  it('with no byline and no title: the app as author, "Tin bài" as title', async () => {
    const bare = unpack(await renderDocx('article', [{ type: 'paragraph', text: 'x' }], new RecordBuilder(meeting(2, {})).record, null, () => null));
    expect(core(bare, 'creator')).toBe('Thư ký Hội nghị');
    expect(core(bare, 'title')).toBe('Tin bài');
  });
});

describe('summary .docx', () => {
  const record = new RecordBuilder(meeting(1, { title: 'Hội nghị tiếp xúc cử tri ' })).record;
  const rows = [
    ['STT', 'Người', 'Nội dung', 'Lĩnh vực', 'Trả lời', 'Hình thức', 'Đơn vị', 'Thời hạn'],
    ['I. TRƯỚC HỘI NGHỊ (1)'],
    ['1. Đất đai (1)'],
    ['1', ' Ông A \n Thôn 2 ', 'Nội dung', 'Đất đai', '', 'Tại hội nghị\r\nBằng văn bản', '', '30/06/2025'],
    ['II. TẠI HỘI NGHỊ (1)'],
    // A topic that merely contains a Roman numeral is still a topic.
    ['1. Khu tái định cư số IV. Nhà ở (1)'],
    // A row the secretary shortened in the editor: the missing cells are empty.
    ['2', 'Bà B'],
  ];
  const blocks: DocBlock[] = [
    { type: 'heading', text: 'BẢNG TỔNG HỢP' },
    { type: 'paragraph', text: 'Hội nghị, ngày 06/03/2025' },
    { type: 'heading', text: 'PHỤ LỤC' },
    { type: 'table', rows },
    { type: 'table', rows: [] },
  ];
  let parts: ReturnType<typeof unpack>;
  let doc: string;
  beforeAll(async () => {
    parts = unpack(await renderDocx('summary', blocks, record, profile({ issuingBody: ' Ủy ban nhân dân xã Tân Lập ' }), () => null));
    doc = parts.xml('word/document.xml');
  });
  const body = (): string[] => paragraphs(doc.replace(/<w:tbl>[\s\S]*<\/w:tbl>/g, ''));
  const rowsXml = (): string[] => tables(doc)[0]!.match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? [];
  const cellsOf = (row: string): string[] => row.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? [];

  it('the issuing body in capitals, 13 pt bold, then the headings and the line under the first', () => {
    const ps = body();
    expect(ps.map(textOf)).toEqual(['ỦY BAN NHÂN DÂN XÃ TÂN LẬP', 'BẢNG TỔNG HỢP', 'Hội nghị, ngày 06/03/2025', 'PHỤ LỤC']);
    expect(pPr(ps[0]!)).toBe('');
    expect(rPr(ps[0]!)).toBe('<w:b/><w:bCs/><w:sz w:val="26"/><w:szCs w:val="26"/>');
    expect(pPr(ps[1]!)).toBe('<w:spacing w:before="240"/><w:jc w:val="center"/>');
    expect(rPr(ps[1]!)).toBe('<w:b/><w:bCs/><w:sz w:val="28"/><w:szCs w:val="28"/>');
    expect(pPr(ps[2]!)).toBe('<w:spacing w:after="240"/><w:jc w:val="center"/>');
    expect(rPr(ps[2]!)).toBe('<w:i/><w:iCs/><w:sz w:val="26"/><w:szCs w:val="26"/>');
    expect(pPr(ps[3]!)).toBe('<w:spacing w:before="120"/><w:jc w:val="center"/>');
  });

  it('one table (an empty one is left out), fixed layout, full width, grid borders, cell margins', () => {
    expect(tables(doc)).toHaveLength(1);
    const t = tables(doc)[0]!;
    const total = columnWidths().reduce((a, b) => a + b, 0);
    expect(t).toContain(`<w:tblW w:type="dxa" w:w="${total}"/>`);
    expect(t).toContain('<w:tblLayout w:type="fixed"/>');
    expect(t).toContain('<w:insideV w:val="single" w:color="000000" w:sz="4"/>');
    expect(t).toContain('<w:tblCellMar><w:top w:type="dxa" w:w="40"/><w:left w:type="dxa" w:w="80"/><w:bottom w:type="dxa" w:w="40"/><w:right w:type="dxa" w:w="80"/></w:tblCellMar>');
    expect([...t.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]))).toEqual(columnWidths());
  });

  it('the header row repeats on each page: bold, centred, grey', () => {
    const [header] = rowsXml();
    expect(header).toMatch(/^<w:tr><w:trPr><w:cantSplit\/><w:tblHeader\/><\/w:trPr>/);
    const cs = cellsOf(header!);
    expect(cs.map(textOf)).toEqual(rows[0]);
    for (const c of cs) {
      expect(c).toContain('<w:shd w:fill="E7E6E6" w:color="auto" w:val="clear"/>');
      expect(pPr(c)).toBe('<w:spacing w:after="20" w:before="20"/><w:jc w:val="center"/>');
      expect(rPr(c)).toBe('<w:b/><w:bCs/><w:sz w:val="24"/><w:szCs w:val="24"/>');
    }
    expect(cs.map((c) => Number(/<w:tcW w:type="dxa" w:w="(\d+)"\/>/.exec(c)?.[1]))).toEqual(columnWidths());
  });

  it('a group row spans the table, stays with the next row, darker for a phase than for a topic', () => {
    const [, phase, topic, , phase2, romanTopic] = rowsXml();
    const total = columnWidths().reduce((a, b) => a + b, 0);
    expect([phase, topic, phase2, romanTopic].map((r) => textOf(r!))).toEqual(['I. TRƯỚC HỘI NGHỊ (1)', '1. Đất đai (1)', 'II. TẠI HỘI NGHỊ (1)', '1. Khu tái định cư số IV. Nhà ở (1)']);
    for (const [row, fill] of [
      [phase!, 'D9D9D9'],
      [topic!, 'F2F2F2'],
      [phase2!, 'D9D9D9'],
      [romanTopic!, 'F2F2F2'],
    ] as const) {
      expect(row).toMatch(/^<w:tr><w:trPr><w:cantSplit\/><\/w:trPr>/);
      const cs = cellsOf(row);
      expect(cs).toHaveLength(1);
      expect(cs[0]).toContain(`<w:tcW w:type="dxa" w:w="${total}"/><w:gridSpan w:val="8"/><w:shd w:fill="${fill}" w:color="auto" w:val="clear"/>`);
      expect(pPr(cs[0]!)).toBe('<w:keepNext/><w:spacing w:after="20" w:before="20"/><w:jc w:val="left"/>');
      expect(rPr(cs[0]!)).toBe('<w:b/><w:bCs/><w:sz w:val="24"/><w:szCs w:val="24"/>');
    }
  });

  it('a data row: never split, no shading, number and deadline centred, lines of a cell as paragraphs', () => {
    const data = rowsXml()[3]!;
    expect(data).toMatch(/^<w:tr><w:trPr><w:cantSplit\/><\/w:trPr>/);
    expect(data).not.toContain('<w:shd');
    expect(data).not.toContain('<w:keepNext/>');
    const cs = cellsOf(data);
    expect(cs.map((c) => (/<w:jc w:val="(\w+)"\/>/.exec(c) ?? [])[1])).toEqual(['center', 'left', 'left', 'left', 'left', 'left', 'left', 'center']);
    expect(paragraphs(cs[1]!).map(textOf)).toEqual(['Ông A', 'Thôn 2']);
    expect(paragraphs(cs[5]!).map(textOf)).toEqual(['Tại hội nghị', 'Bằng văn bản']);
    const short = cellsOf(rowsXml()[6]!);
    expect(short.map(textOf)).toEqual(['2', 'Bà B', '', '', '', '', '', '']);
    // An empty cell still holds one (empty) paragraph, as Word requires.
    expect(paragraphs(cs[4]!)).toHaveLength(1);
    expect(rPr(cs[2]!)).toBe('<w:sz w:val="24"/><w:szCs w:val="24"/>');
  });

  it('A4 landscape with its own margins; author is the issuing body, title names the meeting', () => {
    expect(doc).toContain('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>');
    expect(doc).toContain('<w:pgMar w:top="1133" w:right="850" w:bottom="1133" w:left="1133" w:header="566" w:footer="566"');
    expect(core(parts, 'creator')).toBe(' Ủy ban nhân dân xã Tân Lập ');
    expect(core(parts, 'title')).toBe('Tổng hợp kiến nghị Hội nghị tiếp xúc cử tri');
    expect(parts.xml('word/styles.xml')).toContain('<w:sz w:val="24"/>');
  });

  it('with no profile: no issuing-body line, the app as author', async () => {
    const bare = unpack(await renderDocx('summary', [{ type: 'heading', text: 'H' }], record, null, () => null));
    expect(paragraphs(bare.xml('word/document.xml')).map(textOf)).toEqual(['H']);
    expect(core(bare, 'creator')).toBe('Thư ký Hội nghị');
  });

  it('a header the secretary shortened keeps all eight columns, the missing ones empty', async () => {
    const doc2 = unpack(await renderDocx('summary', [{ type: 'table', rows: [['STT', 'Người']] }], record, null, () => null)).xml('word/document.xml');
    const header = tables(doc2)[0]!.match(/<w:tr>[\s\S]*?<\/w:tr>/g)![0]!;
    expect(cellsOf(header).map(textOf)).toEqual(['STT', 'Người', '', '', '', '', '', '']);
  });

  it('column widths: shares of the width, rounding left to the content column', () => {
    expect(columnWidths(1000)).toEqual([49, 137, 247, 88, 235, 88, 88, 68]);
    expect(columnWidths(1020)).toEqual([50, 140, 250, 90, 240, 90, 90, 70]);
    const ws = columnWidths();
    expect(ws.reduce((a, b) => a + b, 0)).toBe(16838 - 1133 - 850);
  });
});
