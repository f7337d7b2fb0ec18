// The period report (issue 14) through the real core, on a register whose history is written at
// known moments: its numbers equal a count made straight from the tables in SQL, the .docx says
// them per NĐ 30 Mẫu 1.4 with answered and resolved kept apart (XML and LibreOffice positions),
// the .xlsx reads back with exceljs, and the register's own .xlsx keeps the screen's filters.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/app';
import { runCli } from '../../../electron/cli/main';
import type { Channel, ChannelInput, ChannelOutput } from '../../../electron/shared/contract';
import type { RegisterItem } from '../../../electron/shared/followup';
import { reportFileName } from '../../../electron/core/handlers/followup-docs';
import { pct, share } from '../../../electron/core/documents/report-docx';
import { tempDir } from '../../helpers/tmp';
import { hasLibreOffice, tables, unpack } from '../documents/helpers';
import { findPhrase, locate, pdfLayout, toPdf } from '../documents/corpus-helpers';
import { PARTY_PROFILE, STATE_PROFILE, byText, paragraphs, startingWith } from './helpers';

let dir: string;
let core: Core;
let clock = '2026-08-20T05:00:00.000Z';

async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const r = await core.registry.dispatch(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code}: ${r.error.message}`);
  return r.value as ChannelOutput<C>;
}

/** A meeting on `date` with one kiến nghị per topic; returns the register items, in order. */
async function meeting(date: string, topics: string[]): Promise<RegisterItem[]> {
  const m = await call('meeting.create', { fields: { title: `Hội nghị đối thoại ngày ${date}`, date } });
  for (const [i, topic] of topics.entries()) await call('rec.create', { meetingId: m.id, phase: 'during', content: `Kiến nghị ${i + 1} về ${topic} (${date})`, topic, raisedByText: 'Cử tri' });
  const items = (await call('register.query', { meetingId: m.id, today: date })).items;
  return topics.map((_, i) => items.find((x) => x.content.startsWith(`Kiến nghị ${i + 1} `))!);
}

const Q4 = { from: '2026-10-01', to: '2026-12-31' };
const AGENCY = 'Phòng Kinh tế, Hạ tầng và Đô thị';

beforeAll(async () => {
  dir = tempDir();
  core = createCore({ dataDir: dir, mode: 'cli', log: () => {}, now: () => new Date(clock) });
  await call('profile.save', STATE_PROFILE);
  const at = (iso: string) => {
    clock = `${iso}T05:00:00.000Z`;
  };
  at('2026-08-20');
  const [a1, a2, a3] = await meeting('2026-08-15', ['Đất đai', 'Môi trường', 'Giao thông']);
  await call('register.change', { uid: a1!.uid, status: 'resolved', note: '' });
  await call('register.change', { uid: a2!.uid, status: 'in_progress', agency: AGENCY, deadline: '2026-11-30', note: '' });
  at('2026-10-25');
  const [b1, b2, b3, b4] = await meeting('2026-10-20', ['Đất đai', 'Đất đai', 'Môi trường', 'Giao thông']);
  await call('register.change', { uid: b1!.uid, status: 'resolved', agency: AGENCY, note: '' });
  await call('register.change', { uid: b2!.uid, status: 'unresolvable', agency: 'UBND phường', note: 'Vướng quy hoạch của thành phố' });
  await call('register.change', { uid: b4!.uid, document: { number: '15/UBND-KT', date: '2026-11-01' }, note: '' });
  at('2026-10-26');
  const b = (await call('meeting.list', {})).find((m) => m.date === '2026-10-20')!;
  await call('notice.saveTasks', { meetingId: b.id, tasks: [{ content: 'Kiểm tra hiện trạng sử dụng đất', agency: AGENCY, deadline: '2026-12-15' }] });
  at('2026-11-10');
  const [c1] = await meeting('2026-11-05', ['Môi trường', 'Y tế']);
  await call('register.change', { uid: c1!.uid, status: 'resolved', agency: 'Trạm Y tế phường', note: '' });
  await call('register.change', { uid: a2!.uid, status: 'resolved', note: 'Đã nạo vét xong' });
  at('2027-01-05');
  await call('register.change', { uid: b3!.uid, status: 'resolved', note: 'sau kỳ báo cáo' });
  await meeting('2027-01-03', ['Đất đai']);
  void a3;
}, 60_000);

afterAll(() => {
  core.close();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * The count made without the app's report code: every item (kiến nghị of a live meeting, task not
 * removed) with its received day, its status at a moment (the last status event before it, by
 * time then uid; else the status a meeting without replies starts in), and the status's category.
 */
function sqlCounts(from: string, to: string) {
  const endOf = (d: string) => `${d}T23:59:59.999Z`;
  const dayBefore = new Date(Date.parse(`${from}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const stateAt = (moment: string) => `
    WITH items AS (
      SELECT r.uid, m.date AS received FROM recommendations r JOIN meetings m ON m.id = r.meeting_id WHERE r.deleted_at IS NULL AND m.deleted_at IS NULL
      UNION ALL
      SELECT i.uid, i.created_on FROM followup_items i JOIN meetings m ON m.id = i.meeting_id WHERE i.deleted_at IS NULL AND m.deleted_at IS NULL
    )
    SELECT it.uid, it.received,
      COALESCE((SELECT e.value FROM followup_events e WHERE e.item_uid = it.uid AND e.field = 'status' AND e.at <= '${moment}' ORDER BY e.at DESC, e.uid DESC LIMIT 1), 'unanswered') AS status,
      EXISTS (SELECT 1 FROM followup_events e WHERE e.item_uid = it.uid AND e.field = 'document' AND json_extract(e.value, '$.date') <= '${to}') AS documented
    FROM items it`;
  const rows = (moment: string) =>
    core.db.prepare(`SELECT x.uid, x.received, x.status, x.documented, s.category, s.answered FROM (${stateAt(moment)}) x JOIN followup_statuses s ON s.key = x.status`).all() as {
      uid: string;
      received: string;
      status: string;
      documented: number;
      category: string;
      answered: number;
    }[];
  const atStart = new Map(rows(endOf(dayBefore)).map((r) => [r.uid, r]));
  const atEnd = rows(endOf(to));
  const carried = atEnd.filter((r) => r.received < from && atStart.get(r.uid)?.category !== 'resolved');
  const received = atEnd.filter((r) => r.received >= from && r.received <= to);
  const counted = [...carried, ...received];
  return {
    carriedOver: carried.length,
    received: received.length,
    resolved: counted.filter((r) => r.category === 'resolved').length,
    inProgress: counted.filter((r) => r.category === 'open').length,
    notResolved: counted.filter((r) => r.category === 'not_resolved').length,
    answered: counted.filter((r) => r.answered === 1 || r.documented === 1).length,
  };
}

describe('the report’s numbers', () => {
  it('equal a count straight from the tables, for the quarter and for other periods', async () => {
    const q4 = await call('report.build', { ...Q4, kind: 'quarter' });
    const sql = sqlCounts(Q4.from, Q4.to);
    // The dataset was written so each number is known: 2 carried over, 7 received (6 kiến nghị + 1 task)…
    expect(sql).toEqual({ carriedOver: 2, received: 7, resolved: 3, inProgress: 5, notResolved: 1, answered: 5 });
    expect({ ...q4.total, label: undefined }).toEqual({ ...sql, label: undefined });
    for (const [from, to, kind] of [
      ['2026-10-01', '2026-10-31', 'month'],
      ['2026-11-01', '2026-11-30', 'month'],
      ['2026-07-01', '2026-12-31', 'half'],
      ['2026-01-01', '2026-12-31', 'year'],
      ['2026-10-21', '2027-01-31', 'custom'],
    ] as const) {
      const r = await call('report.build', { from, to, kind });
      const { label: _l, ...total } = r.total;
      expect(total, `${from}..${to}`).toEqual(sqlCounts(from, to));
    }
  });
});

describe('the report as .docx', () => {
  let stateDocx: Buffer;
  let partyDocx: Buffer;
  beforeAll(async () => {
    const x = await call('report.export', { ...Q4, kind: 'quarter', format: 'docx' });
    expect(x.fileName).toBe(reportFileName(Q4.from, Q4.to, 'docx'));
    stateDocx = Buffer.from(x.dataBase64, 'base64');
    await call('profile.save', PARTY_PROFILE);
    partyDocx = Buffer.from((await call('report.export', { ...Q4, kind: 'quarter', format: 'docx' })).dataBase64, 'base64');
    await call('profile.save', STATE_PROFILE);
  }, 60_000);

  it('says the numbers, answered apart from resolved, and prints the tables by field and by agency', () => {
    const doc = unpack(stateDocx).xml('word/document.xml');
    const [header, signature, byTopic, byAgency] = tables(doc);
    const h = paragraphs(header!);
    expect(byText(h, 'Số:      /BC-UBND')).toMatchObject({ size: 13 });
    expect(byText(h, 'UBND PHƯỜNG TÂY TỰU')).toMatchObject({ bold: true });
    const body = paragraphs(doc.replace(header!, '').replace(signature!, '').replace(byTopic!, '').replace(byAgency!, ''));
    expect(byText(body, 'BÁO CÁO')).toMatchObject({ bold: true, center: true, size: 14 });
    const subject = body[body.findIndex((p) => p.text === 'BÁO CÁO') + 1]!;
    expect(subject).toMatchObject({ bold: true, center: true });
    expect(subject.text.replace(/\u00a0/g, ' ')).toBe('Kết quả giải quyết kiến nghị của Nhân dân qua hội nghị đối thoại Quý IV năm 2026');
    expect(startingWith(body, 'Quý IV năm 2026 (từ ngày 01/10/2026 đến ngày 31/12/2026)').text).toContain(
      'đã tiếp nhận 7 kiến nghị qua các hội nghị đối thoại và nhiệm vụ được giao tại các thông báo kết luận; kỳ trước chuyển sang 2 kiến nghị chưa giải quyết xong. Tổng số kiến nghị phải giải quyết trong kỳ là 9.',
    );
    expect(startingWith(body, 'Đến ngày 31/12/2026').text).toBe(
      'Đến ngày 31/12/2026, đã giải quyết xong 3/9 kiến nghị, đạt 33,3%; đang giải quyết 5 kiến nghị; chưa giải quyết được 1 kiến nghị do nguyên nhân khách quan.',
    );
    expect(startingWith(body, 'Số kiến nghị đã được trả lời').text).toBe(
      'Số kiến nghị đã được trả lời (tại hội nghị hoặc bằng văn bản) là 5/9, đạt 55,6%. Trả lời chưa phải là giải quyết xong: trong số kiến nghị đã được trả lời, còn 2 kiến nghị chưa được giải quyết dứt điểm.',
    );
    // The reason after "Nguyên nhân:", lower case as after any colon (the note was typed "Vướng…").
    expect(startingWith(body, '1. Kiến nghị 2 về Đất đai (2026-10-20)').text).toBe('1. Kiến nghị 2 về Đất đai (2026-10-20) (UBND phường). Nguyên nhân: vướng quy hoạch của thành phố.');
    // Each table says what it is attached to (number blank until issued, the export's date, the
    // issuer in running text) and its unit, above the table.
    // (The export ran on the test's clock, 05/01/2027.)
    expect(body.filter((p) => p.text === '(Kèm theo Báo cáo số      /BC-UBND ngày 05/01/2027 của UBND phường Tây Tựu)')).toHaveLength(2);
    expect(body.filter((p) => p.text === 'Đơn vị tính: kiến nghị')).toHaveLength(2);
    const rows = (t: string) => (t.match(/<w:tr>[\s\S]*?<\/w:tr>|<w:tr [^>]*>[\s\S]*?<\/w:tr>/g) ?? []).map((r) => paragraphs(r).map((p) => p.text));
    const topicRows = rows(byTopic!);
    expect(topicRows[0]).toEqual(['STT', 'Lĩnh vực', 'Kỳ trước chuyển sang', 'Tiếp nhận trong kỳ', 'Tổng số phải giải quyết', 'Đã giải quyết xong', 'Đang giải quyết', 'Chưa giải quyết được', 'Đã trả lời', 'Tỷ lệ đã trả lời', 'Tỷ lệ đã giải quyết']);
    expect(topicRows.at(-1)).toEqual(['', 'Tổng cộng', '2', '7', '9', '3', '5', '1', '5', '55,6%', '33,3%']);
    const dat = topicRows.find((r) => r[1] === 'Đất đai')!;
    expect(dat.slice(2, 9)).toEqual(['0', '2', '2', '1', '0', '1', '2']);
    const agencyRows = rows(byAgency!);
    expect(agencyRows[0]![1]).toBe('Cơ quan, đơn vị giải quyết');
    const agency = agencyRows.find((r) => r[1] === AGENCY)!;
    // A2 (carried, resolved), B1 (resolved), the task (open).
    expect(agency.slice(2, 9)).toEqual(['1', '2', '3', '2', '1', '0', '2']);
    // The header row repeats on every page; the tables sit in a landscape section.
    expect(byTopic).toContain('<w:tblHeader/>');
    expect(doc).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    const s = paragraphs(signature!);
    expect(byText(s, 'TM. ỦY BAN NHÂN DÂN')).toMatchObject({ bold: true });
    expect(byText(s, 'Nơi nhận:')).toMatchObject({ bold: true, italic: true, size: 12 });
    // Sent up by name, not to "lãnh đạo cấp trên".
    expect(s.map((p) => p.text)).toEqual(expect.arrayContaining(['- UBND thành phố Hà Nội (để báo cáo);', '- Thường trực Đảng ủy, HĐND phường (để báo cáo);', '- Lưu: VT.']));
  });

  it('Party: Số -BC/ĐU and T/M BAN THƯỜNG VỤ', () => {
    const doc = unpack(partyDocx).xml('word/document.xml');
    const [header, signature] = tables(doc);
    expect(paragraphs(header!).map((p) => p.text)).toEqual(expect.arrayContaining(['ĐẢNG CỘNG SẢN VIỆT NAM', 'ĐẢNG ỦY PHƯỜNG TÂY TỰU', 'Số      -BC/ĐU']));
    expect(paragraphs(signature!).map((p) => p.text)).toContain('T/M BAN THƯỜNG VỤ');
    // A Party body reports to the committee of its parent Đảng bộ.
    expect(paragraphs(signature!).map((p) => p.text)).toContain('- Thành ủy Hà Nội (để báo cáo);');
    expect(byText(paragraphs(doc), 'BÁO CÁO')).toMatchObject({ size: 16 });
  });

  it('percentages with a decimal comma; nothing of nothing is 0', () => {
    expect(pct(33.3)).toBe('33,3%');
    expect(pct(100)).toBe('100%');
    expect(share(1, 3)).toBe(33.3);
    expect(share(2, 3)).toBe(66.7);
    expect(share(0, 0)).toBe(0);
  });

  it.runIf(hasLibreOffice())(
    'by position: portrait body with the signature, then landscape tables with their total row',
    () => {
      const out = mkdtempSync(path.join(tmpdir(), 'report-pdf-'));
      try {
        const file = path.join(out, 'bao-cao.docx');
        writeFileSync(file, stateDocx);
        const pages = pdfLayout(toPdf(out, [file])[0]!);
        const p1 = pages[0]!;
        expect(Math.round(p1.width)).toBe(210);
        const type = findPhrase(p1, 'BÁO CÁO')!;
        expect(Math.abs((type.x0 + type.x1) / 2 - 112.5)).toBeLessThan(3);
        const sign = locate(pages, 'TM. ỦY BAN NHÂN DÂN')!;
        expect(sign.box.x0).toBeGreaterThan(112.5);
        expect(Math.round(sign.page.width)).toBe(210);
        const table = locate(pages, 'Biểu 01. Kết quả giải quyết kiến nghị theo lĩnh vực')!;
        expect(table.page.n).toBeGreaterThan(sign.page.n);
        expect(Math.round(table.page.width)).toBe(297);
        const total = locate(pages, 'Tổng cộng')!;
        expect(total.page.n).toBeGreaterThanOrEqual(table.page.n);
        // Each table fits the landscape text width: nothing past the right margin (297 − 15 mm).
        for (const p of pages.filter((x) => Math.round(x.width) === 297)) for (const l of p.lines) expect(l.x1).toBeLessThan(283);
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    },
    300_000,
  );
});

describe('spreadsheets', () => {
  it('the report’s tables read back with exceljs: numbers as numbers, shares as percentages', async () => {
    const x = await call('report.export', { ...Q4, kind: 'quarter', format: 'xlsx' });
    expect(x.fileName).toBe('Bao-cao-ket-qua-giai-quyet-kien-nghi-2026-10-01-2026-12-31.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.dataBase64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Theo lĩnh vực', 'Theo cơ quan', 'Chưa giải quyết được']);
    const ws = wb.getWorksheet('Theo lĩnh vực')!;
    expect(String(ws.getCell('A1').value)).toContain('Quý IV năm 2026');
    expect(ws.getRow(3).values).toEqual([undefined, 'STT', 'Lĩnh vực', 'Kỳ trước chuyển sang', 'Tiếp nhận trong kỳ', 'Tổng số phải giải quyết', 'Đã giải quyết xong', 'Đang giải quyết', 'Chưa giải quyết được', 'Đã trả lời', 'Tỷ lệ đã trả lời', 'Tỷ lệ đã giải quyết']);
    const last = ws.getRow(ws.rowCount);
    expect(last.getCell(2).value).toBe('Tổng cộng');
    expect([3, 4, 5, 6, 7, 8, 9].map((c) => last.getCell(c).value)).toEqual([2, 7, 9, 3, 5, 1, 5]);
    expect(last.getCell(11).value).toBeCloseTo(0.333, 3);
    expect(last.getCell(11).numFmt).toBe('0.0%');
    const nr = wb.getWorksheet('Chưa giải quyết được')!;
    expect(nr.getRow(2).values).toEqual([undefined, 1, 'Kiến nghị 2 về Đất đai (2026-10-20)', 'UBND phường', 'Vướng quy hoạch của thành phố']);
  });

  it('the register as .xlsx: the filters applied, Vietnamese headers, frozen header, dates as dates', async () => {
    const filter = { status: ['resolved', 'unresolvable'], today: '2026-12-31' };
    const page = await call('register.query', { ...filter, limit: 1000 });
    // The register shows the state now: A1, A2, B1, C1 and B3 (resolved after the quarter), B2.
    expect(page.total).toBe(6);
    const x = await call('register.export', filter);
    expect(x.fileName).toBe('So-theo-doi-kien-nghi-2026-12-31.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.dataBase64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Sổ theo dõi')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const headers = (ws.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual(expect.arrayContaining(['STT', 'Ngày hội nghị', 'Hội nghị', 'Nội dung', 'Lĩnh vực', 'Trạng thái', 'Đã trả lời', 'Cơ quan giải quyết', 'Thời hạn', 'Quá hạn', 'Số, ký hiệu văn bản trả lời']));
    const col = (name: string) => headers.indexOf(name) + 1;
    expect(ws.rowCount - 1).toBe(page.total);
    const contents = new Set<string>();
    for (let r = 2; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      contents.add(String(row.getCell(col('Nội dung')).value));
      expect(['Đã giải quyết xong', 'Chưa giải quyết được do nguyên nhân khách quan']).toContain(row.getCell(col('Trạng thái')).value);
      const d = row.getCell(col('Ngày hội nghị'));
      expect(d.value).toBeInstanceOf(Date);
      expect(d.numFmt).toBe('dd/mm/yyyy');
    }
    expect(contents).toEqual(new Set(page.items.map((i) => i.content)));
    const b1 = page.items.find((i) => i.content.startsWith('Kiến nghị 1 về Đất đai (2026-10-20)'))!;
    const row = ws.getRow(2 + page.items.indexOf(b1));
    expect((row.getCell(col('Ngày hội nghị')).value as Date).toISOString()).toBe('2026-10-20T00:00:00.000Z');
    expect(row.getCell(col('Cơ quan giải quyết')).value).toBe(AGENCY);
    const info = wb.getWorksheet('Điều kiện lọc')!;
    const lines = (info.getColumn(1).values as unknown[]).filter(Boolean).map(String);
    expect(lines).toContain('Trạng thái: Đã giải quyết xong, Chưa giải quyết được do nguyên nhân khách quan');
    expect(lines.some((l) => l.includes('6 mục'))).toBe(true);
  });
});

describe('the CLI', () => {
  it('thuky report --from --to --out F.docx|F.xlsx; wrong arguments say what to do', async () => {
    core.close();
    try {
      const docx = path.join(dir, 'bc.docx');
      const r = await runCli(['report', '--from', Q4.from, '--to', Q4.to, '--kind', 'quarter', '--out', docx, '--data', dir]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(unpack(readFileSync(docx)).xml('word/document.xml')).toContain('đã giải quyết xong 3/9 kiến nghị');
      const xlsx = path.join(dir, 'bc.xlsx');
      const j = await runCli(['report', '--from', Q4.from, '--to', Q4.to, '--out', xlsx, '--json', '--data', dir]);
      expect(JSON.parse(j.stdout)).toMatchObject({ format: 'xlsx', kind: 'custom', from: Q4.from, to: Q4.to });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(xlsx) as unknown as ArrayBuffer);
      expect(String(wb.getWorksheet('Theo lĩnh vực')!.getCell('A1').value)).toContain('từ ngày 01/10/2026 đến ngày 31/12/2026');
      for (const [args, msg] of [
        [['report', '--to', Q4.to, '--out', xlsx], /Hãy ghi kỳ báo cáo/],
        [['report', '--from', Q4.from, '--to', Q4.to], /--out/],
        [['report', '--from', Q4.from, '--to', Q4.to, '--out', path.join(dir, 'x.pdf')], /\.docx \(Word\) hoặc \.xlsx/],
        [['report', '--from', '2026-12-31', '--to', '2026-10-01', '--out', xlsx], /Từ ngày phải trước/],
        [['report', '--from', Q4.from, '--to', Q4.to, '--kind', 'week', '--out', xlsx], /Loại kỳ "week" không có/],
      ] as const) {
        const bad = await runCli([...args, '--data', dir]);
        expect(bad.code).toBe(2);
        expect(bad.stderr).toMatch(msg);
      }
    } finally {
      core = createCore({ dataDir: dir, mode: 'cli', log: () => {}, now: () => new Date(clock) });
    }
  }, 120_000);
});
