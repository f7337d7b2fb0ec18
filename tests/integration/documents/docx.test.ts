// The .docx files as Word and LibreOffice read them: page, margins, fonts, borderless layout
// tables, sizes and styles per Nghị định 30/2020 (and HD 36 for the Party variant).
import { suggestHeadline } from '../../../electron/core/documents/article';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mammoth from 'mammoth';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocKind, MeetingRecord, OrgProfile } from '../../../electron/shared/domain';
import type { DocBlock, DocOptions } from '../../../electron/shared/documents';
import { generateArticle } from '../../../electron/core/documents/article';
import { generateMinutes } from '../../../electron/core/documents/minutes';
import { generateSummary } from '../../../electron/core/documents/summary';
import { renderDocx } from '../../../electron/core/documents/docx-render';
import { lastRenderThread, renderInWorker, stopRenderWorker } from '../../../electron/core/documents/render-worker';
import { seedRecord, SEED_PROFILE } from '../../fixtures/documents/seed-record';
import { OTHER_FIXTURES, phucDienYouth } from '../../fixtures/documents/other-meetings';
import { hasLibreOffice, isBold, isItalic, paragraphOf, runOf, sizeOf, tables, unpack } from './helpers';

let jpeg: Buffer;
beforeAll(async () => {
  jpeg = await sharp({ create: { width: 1200, height: 800, channels: 3, background: { r: 40, g: 90, b: 140 } } }).jpeg().toBuffer();
});
afterAll(async () => {
  await stopRenderWorker();
});

function blocksFor(kind: DocKind, record: MeetingRecord, profile: OrgProfile): DocBlock[] {
  return kind === 'article' ? generateArticle(record, profile, {}) : kind === 'minutes' ? generateMinutes(record, profile) : generateSummary(record, profile);
}

async function render(kind: DocKind, record: MeetingRecord, profile: OrgProfile, options: DocOptions = {}, blocks = blocksFor(kind, record, profile)) {
  const buf = await renderDocx(kind, blocks, record, profile, (id) => (record.photos.some((p) => p.id === id) ? { data: jpeg, width: 1200, height: 800 } : null), options);
  return { buf, blocks, ...unpack(buf) };
}

const twipToMm = (t: number) => (t / 1440) * 25.4;

function margins(doc: string): Record<'top' | 'bottom' | 'left' | 'right', number> {
  const m = /<w:pgMar ([^>]*)\/>/.exec(doc)![1];
  const get = (k: string) => twipToMm(Number(new RegExp(`w:${k}="(\\d+)"`).exec(m)![1]));
  return { top: get('top'), bottom: get('bottom'), left: get('left'), right: get('right') };
}

/** Every w:rFonts in a part names Times New Roman in all four slots. */
function expectTimesEverywhere(xml: string) {
  const fonts = xml.match(/<w:rFonts [^>]*\/>/g) ?? [];
  for (const f of fonts) for (const slot of ['ascii', 'hAnsi', 'eastAsia', 'cs']) expect(f, f).toContain(`w:${slot}="Times New Roman"`);
}

function expectBorderless(tbl: string) {
  const tblBorders = /<w:tblBorders>([\s\S]*?)<\/w:tblBorders>/.exec(tbl)?.[1] ?? '';
  for (const side of ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']) expect(tblBorders).toMatch(new RegExp(`<w:${side} w:val="none"`));
  const cells = tbl.match(/<w:tcBorders>[\s\S]*?<\/w:tcBorders>/g) ?? [];
  expect(cells.length).toBe((tbl.match(/<w:tc>/g) ?? []).length);
  for (const c of cells) for (const side of ['top', 'left', 'bottom', 'right']) expect(c).toMatch(new RegExp(`<w:${side} w:val="none"`));
  expect(tbl).not.toMatch(/w:type="pct"/);
  expect(tbl).toMatch(/<w:tblW w:type="dxa" w:w="\d+"\/>/);
}

describe('minutes .docx (Nghị định 30/2020, Mẫu 1.9)', () => {
  const record = seedRecord();
  let doc: string, styles: string, parts: Awaited<ReturnType<typeof render>>;
  beforeAll(async () => {
    parts = await render('minutes', record, SEED_PROFILE);
    doc = parts.xml('word/document.xml');
    styles = parts.xml('word/styles.xml');
  });

  it('is A4 portrait with margins inside the decree ranges', () => {
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const m = margins(doc);
    expect(m.top).toBeGreaterThanOrEqual(19.9);
    expect(m.top).toBeLessThanOrEqual(25.1);
    expect(m.bottom).toBeGreaterThanOrEqual(19.9);
    expect(m.bottom).toBeLessThanOrEqual(25.1);
    expect(m.left).toBeGreaterThanOrEqual(29.9);
    expect(m.left).toBeLessThanOrEqual(35.1);
    expect(m.right).toBeGreaterThanOrEqual(14.9);
    expect(m.right).toBeLessThanOrEqual(20.1);
  });

  it('uses Times New Roman in all four slots, in the defaults and in every run', () => {
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)![0];
    for (const slot of ['ascii', 'hAnsi', 'eastAsia', 'cs']) expect(defaults).toContain(`w:${slot}="Times New Roman"`);
    expectTimesEverywhere(doc);
    expectTimesEverywhere(styles);
    const runs = doc.match(/<w:r>[\s\S]*?<\/w:r>/g) ?? [];
    for (const r of runs.filter((x) => x.includes('<w:t'))) expect(r).toContain('<w:rFonts w:ascii="Times New Roman"');
  });

  it('has a borderless two-column header table with the expected lines', () => {
    const [header, signature] = tables(doc);
    expectBorderless(header);
    expect((header.match(/<w:gridCol /g) ?? []).length).toBe(2);
    const issuing = runOf(header, 'UBND QUẬN BẮC TỪ LIÊM')!;
    expect(isBold(issuing)).toBe(true);
    expect(sizeOf(issuing)).toBeGreaterThanOrEqual(12);
    expect(sizeOf(issuing)).toBeLessThanOrEqual(13);
    const number = runOf(header, 'Số: 05/BB-UBND')!;
    expect(sizeOf(number)).toBe(13);
    expect(isBold(number)).toBe(false);
    const nation = runOf(header, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')!;
    expect(isBold(nation)).toBe(true);
    expect([12, 13]).toContain(sizeOf(nation));
    const motto = runOf(header, 'Độc lập - Tự do - Hạnh phúc')!;
    expect(isBold(motto)).toBe(true);
    expect([13, 14]).toContain(sizeOf(motto));
    const date = runOf(header, 'Bắc Từ Liêm, ngày 18 tháng 10 năm 2019')!;
    expect(isItalic(date)).toBe(true);
    expect([13, 14]).toContain(sizeOf(date));
    // Rules are paragraph borders, never underlined text.
    expect((header.match(/<w:pBdr><w:bottom w:val="single"/g) ?? []).length).toBe(2);
    expect(doc).not.toMatch(/<w:u /);
    expectBorderless(signature);
  });

  it('has the title, the body format and the closing line', () => {
    const title = runOf(doc, 'BIÊN BẢN')!;
    expect(isBold(title)).toBe(true);
    expect([13, 14]).toContain(sizeOf(title));
    expect(paragraphOf(doc, '>BIÊN BẢN<')).toContain('<w:jc w:val="center"/>');
    const name = runOf(doc, record.meeting.title)!;
    expect(isBold(name)).toBe(true);
    const body = paragraphOf(doc, 'Thời gian bắt đầu: 14 giờ 00 phút')!;
    expect(body).toContain('<w:jc w:val="both"/>');
    const indent = Number(/w:firstLine="(\d+)"/.exec(body)![1]);
    expect(indent).toBeGreaterThanOrEqual(567);
    expect(indent).toBeLessThanOrEqual(720);
    expect(Number(/w:after="(\d+)"/.exec(body)![1])).toBeGreaterThanOrEqual(120);
    const line = Number(/w:line="(\d+)"/.exec(body)![1]);
    expect(line).toBeGreaterThanOrEqual(240);
    expect(line).toBeLessThanOrEqual(360);
    expect([13, 14]).toContain(sizeOf(runOf(doc, 'Thời gian bắt đầu: 14 giờ 00 phút, ngày 18 tháng 10 năm 2019.')!));
    expect(doc).toContain('Hội nghị kết thúc vào 16 giờ 30 phút, ngày 18 tháng 10 năm 2019./.');
  });

  it('has the signature block and "Nơi nhận" as the guide says', () => {
    const signature = tables(doc)[1];
    for (const label of ['THƯ KÝ', 'CHỦ TRÌ', 'Nguyễn Thị Lan', 'Trương Quang Thiều']) {
      const r = runOf(signature, label)!;
      expect(r, label).not.toBeNull();
      expect(isBold(r)).toBe(true);
      expect([13, 14]).toContain(sizeOf(r));
    }
    const noi = runOf(doc, 'Nơi nhận:')!;
    expect(sizeOf(noi)).toBe(12);
    expect(isBold(noi) && isItalic(noi)).toBe(true);
    // "Nơi nhận" stands under the left signature (THƯ KÝ), inside the row that cannot split, so the
    // signatures and the recipients always share a page.
    const cells = signature.split('</w:tc>');
    expect(cells[0]).toContain('Nơi nhận:');
    expect(cells[0]!.indexOf('Nơi nhận:')).toBeGreaterThan(cells[0]!.indexOf('Nguyễn Thị Lan</w:t>'));
    expect(cells[1]).not.toContain('Nơi nhận:');
    expect(signature).toMatch(/<w:cantSplit\/>/);
    expect(sizeOf(runOf(doc, '- Các thành phần dự hội nghị;')!)).toBe(11);
    expect(sizeOf(runOf(doc, '- Lưu: VT, hồ sơ hội nghị.')!)).toBe(11);
  });

  it('numbers pages from page 2, centred in the top margin', () => {
    expect(doc).toContain('<w:titlePg/>');
    const refs = [...doc.matchAll(/<w:headerReference w:type="(\w+)" r:id="(\w+)"\/>/g)];
    expect(refs.map((r) => r[1]).sort()).toEqual(['default', 'first']);
    const rels = parts.xml('word/_rels/document.xml.rels');
    const target = (id: string) => new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)![1];
    const def = parts.xml(`word/${target(refs.find((r) => r[1] === 'default')![2])}`);
    const first = parts.xml(`word/${target(refs.find((r) => r[1] === 'first')![2])}`);
    expect(def).toMatch(/PAGE/);
    expect(def).toContain('<w:jc w:val="center"/>');
    expectTimesEverywhere(def);
    expect(first).not.toMatch(/PAGE/);
  });

  it('prints a blank number, and drops the place-and-date line when asked', async () => {
    const r = seedRecord();
    r.meeting.docNumber = null;
    const { xml } = await render('minutes', r, SEED_PROFILE, { minutes: { placeDateLine: false } });
    const d = xml('word/document.xml');
    expect(d).toContain('Số:      /BB-UBND');
    expect(d).not.toContain('Bắc Từ Liêm, ngày 18 tháng 10 năm 2019');
    const nine = seedRecord();
    nine.meeting.docNumber = 12;
    expect((await render('minutes', nine, SEED_PROFILE)).xml('word/document.xml')).toContain('Số: 12/BB-UBND');
  });

  it('mammoth reads the Vietnamese back exactly (NFC)', async () => {
    const { value } = await mammoth.extractRawText({ buffer: parts.buf });
    expect(value).toBe(value.normalize('NFC'));
    for (const b of parts.blocks) if (b.type === 'paragraph' || b.type === 'heading') expect(value).toContain(b.text.normalize('NFC'));
    expect(value).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  });
});

describe('minutes .docx, Party variant (HD 36)', () => {
  it('has the Party header, number form and sizes', async () => {
    const f = phucDienYouth();
    const { xml } = await render('minutes', f.record, f.profile);
    const doc = xml('word/document.xml');
    const header = tables(doc)[0];
    expectBorderless(header);
    const party = runOf(header, 'ĐẢNG CỘNG SẢN VIỆT NAM')!;
    expect(sizeOf(party)).toBe(15);
    expect(isBold(party)).toBe(true);
    expect(sizeOf(runOf(header, 'ĐẢNG BỘ QUẬN BẮC TỪ LIÊM')!)).toBe(14);
    const issuing = runOf(header, 'ĐẢNG ỦY PHƯỜNG PHÚC DIỄN')!;
    expect(sizeOf(issuing)).toBe(14);
    expect(isBold(issuing)).toBe(true);
    expect(runOf(header, '*')).not.toBeNull();
    expect(runOf(header, 'Số 12-BB/ĐU')).not.toBeNull();
    const date = runOf(header, 'Phúc Diễn, ngày 03 tháng 02 năm 2023')!;
    expect(sizeOf(date)).toBe(14);
    expect(isItalic(date)).toBe(true);
    expect(header).not.toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    const title = runOf(doc, 'BIÊN BẢN')!;
    expect([15, 16]).toContain(sizeOf(title));
    expect([14, 15]).toContain(sizeOf(runOf(doc, 'Thời gian bắt đầu: 19 giờ 30 phút, ngày 03 tháng 02 năm 2023.')!));
  });
});

describe('article .docx', () => {
  it('embeds the photos as JPEG with captions, and ends with the byline', async () => {
    const record = seedRecord();
    const { xml, files, buf } = await render('article', record, SEED_PROFILE);
    const doc = xml('word/document.xml');
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expectTimesEverywhere(doc);
    // The same bytes are stored once (both fixture photos are the same test image).
    const media = Object.keys(files).filter((f) => f.startsWith('word/media/'));
    expect(media.length).toBeGreaterThanOrEqual(1);
    // The real photo bytes are in the file (they replace the stand-ins docx was built with).
    for (const m of media) expect(Buffer.from(files[m]).equals(jpeg)).toBe(true);
    expect(xml('[Content_Types].xml')).toMatch(/Extension="jpe?g"/);
    expect((doc.match(/<a:blip /g) ?? []).length).toBe(2);
    const caption = runOf(doc, 'Quang cảnh hội nghị')!;
    expect(isItalic(caption)).toBe(true);
    const byline = paragraphOf(doc, 'Hội Liên hiệp phụ nữ quận Bắc Từ Liêm</w:t>')!;
    expect(byline).toContain('<w:jc w:val="right"/>');
    expect(isBold(runOf(doc, 'Hội Liên hiệp phụ nữ quận Bắc Từ Liêm')!)).toBe(true);
    expect(isBold(runOf(doc, suggestHeadline(record))!)).toBe(true);
    const { value } = await mammoth.extractRawText({ buffer: buf });
    expect(value).toContain('Chiều ngày 18/10/2019');
    expect(value).toContain('08 ý kiến, kiến nghị');
  });

  it('writes a hostile name as literal text', async () => {
    const f = phucDienYouth();
    f.record.recommendations[1].raisedByText = '<img src=x onerror=alert(1)>';
    const blocks = generateArticle(f.record, f.profile, { listSpeakers: true });
    const { xml, buf } = await render('article', f.record, f.profile, {}, blocks);
    expect(xml('word/document.xml')).toContain('&lt;img src=x onerror=alert(1)&gt;');
    const { value } = await mammoth.extractRawText({ buffer: buf });
    expect(value).toContain('<img src=x onerror=alert(1)>');
  });
});

describe('summary .docx', () => {
  it('is a landscape table with a repeated header row and visible borders', async () => {
    const { xml } = await render('summary', seedRecord(), SEED_PROFILE);
    const doc = xml('word/document.xml');
    expect(doc).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/);
    const [tbl] = tables(doc);
    expect((tbl.match(/<w:gridCol /g) ?? []).length).toBe(8);
    expect(tbl).toContain('<w:tblHeader/>');
    expect(tbl).toMatch(/<w:tblBorders><w:top w:val="single"/);
    expect(tbl).not.toMatch(/w:type="pct"/);
    for (const h of ['STT', 'Người / đơn vị kiến nghị', 'Nội dung', 'Lĩnh vực', 'Trả lời (người trả lời, nội dung)', 'Hình thức', 'Đơn vị giải quyết', 'Thời hạn'])
      expect(isBold(runOf(tbl, h)!), h).toBe(true);
    expect(tbl).toContain('<w:gridSpan w:val="8"/>');
    expectTimesEverywhere(doc);
  });
});

describe('worker thread', () => {
  it('renders the same document off the calling thread', async () => {
    const record = seedRecord();
    const blocks = generateMinutes(record, SEED_PROFILE);
    const buf = await renderInWorker({ kind: 'minutes', blocks, record, profile: SEED_PROFILE, photos: [], options: {} });
    expect(lastRenderThread).toBe('worker');
    expect(unpack(buf).xml('word/document.xml')).toContain('BIÊN BẢN');
  }, 30_000);
});

describe.skipIf(!hasLibreOffice())('LibreOffice converts every generated .docx to PDF', () => {
  it('for the seed and every fixture, all three documents', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'docs-lo-'));
    try {
      const all = [{ name: 'seed', record: seedRecord(), profile: SEED_PROFILE }, ...OTHER_FIXTURES.map((f) => f())];
      const names: string[] = [];
      for (const f of all)
        for (const kind of ['article', 'minutes', 'summary'] as const) {
          const { buf } = await render(kind, f.record, f.profile);
          const name = `${f.name}-${kind}.docx`;
          writeFileSync(path.join(dir, name), buf);
          names.push(name);
        }
      execFileSync('libreoffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...names.map((n) => path.join(dir, n))], { stdio: 'pipe', timeout: 180_000 });
      for (const n of names) expect(existsSync(path.join(dir, n.replace(/\.docx$/, '.pdf'))), n).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});
if (!hasLibreOffice()) console.warn('LibreOffice is not installed: the PDF conversion test is skipped (CI installs libreoffice-writer-nogui).');
