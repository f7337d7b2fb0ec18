// What the văn thư review of the notice and the report fixed (docs/documents.md, "Thông báo kết
// luận và báo cáo: review"): each assertion fails if its fix is undone.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempCore, type TestCore } from '../../helpers/core';
import { generateNotice } from '../../../electron/core/documents/notice';
import { attachedTo, reportBlocks } from '../../../electron/core/documents/report-docx';
import { reportWorkbook } from '../../../electron/core/documents/report-xlsx';
import type { DocBlock } from '../../../electron/shared/documents';
import type { MeetingRecord, OrgProfile } from '../../../electron/shared/domain';
import type { PeriodReport, ReportRow } from '../../../electron/shared/followup';
import { PARTY_PROFILE, STATE_PROFILE } from './helpers';

const texts = (blocks: DocBlock[]): string[] => blocks.map((b) => (b.type === 'heading' || b.type === 'paragraph' ? b.text : ''));

let core: TestCore;
let record: MeetingRecord;
let state: OrgProfile;
let party: OrgProfile;

beforeAll(async () => {
  core = tempCore();
  await core.call('profile.save', PARTY_PROFILE);
  party = (await core.call('profile.get', {}))!;
  await core.call('profile.save', STATE_PROFILE);
  state = (await core.call('profile.get', {}))!;
  const id = (await core.call('sample.load', { name: 'bac-tu-liem-2019' })).id;
  record = await core.call('meeting.get', { id });
});
afterAll(() => core.dispose());

describe('the notice body', () => {
  it('closes with the body of its header, in running text, whoever organised the meeting', () => {
    // The sample was organised by the quận; the notice is issued by the profile's body.
    expect(record.meeting.organizer).not.toMatch(/Tây Tựu/u);
    expect(texts(generateNotice(record, state)).at(-1)).toBe('UBND phường Tây Tựu thông báo để các cơ quan, đơn vị, cá nhân liên quan biết, thực hiện./.');
    expect(texts(generateNotice(record, party)).at(-1)).toBe('Đảng ủy phường Tây Tựu thông báo để các cơ quan, đơn vị, cá nhân liên quan biết, thực hiện./.');
  });

  it('names the issuer in running text when the meeting has no organiser, never in the header’s capitals', () => {
    const t = texts(generateNotice({ ...record, meeting: { ...record.meeting, organizer: '' } }, state));
    expect(t[1]).toMatch(/^Ngày 18\/10\/2019, tại .*, UBND phường Tây Tựu tổ chức /u);
    expect(t.join('\n')).not.toContain('PHƯỜNG TÂY TỰU');
  });

  it('says whose kiến nghị they were without the audience’s head count ("07 ý kiến… của hơn 100 đoàn viên")', () => {
    const t = texts(generateNotice({ ...record, meeting: { ...record.meeting, audience: 'hơn 100 đoàn viên thanh niên xã' } }, state));
    const heard = t.find((x) => x.startsWith('Sau khi nghe'))!;
    expect(heard).toContain('ý kiến, kiến nghị của đoàn viên thanh niên xã');
    expect(heard).not.toMatch(/\d+ đoàn viên/u);
    const t2 = texts(generateNotice({ ...record, meeting: { ...record.meeting, audience: '250 cử tri' } }, state));
    expect(t2.find((x) => x.startsWith('Sau khi nghe'))).toContain('kiến nghị của cử tri');
  });
});

const row = (label: string, r: Partial<ReportRow> = {}): ReportRow => ({ label, carriedOver: 0, received: 0, resolved: 0, inProgress: 0, notResolved: 0, answered: 0, ...r });

function report(over: Partial<PeriodReport> = {}): PeriodReport {
  const total = row('', { received: 10, resolved: 4, inProgress: 6, answered: 7 });
  return {
    from: '2025-01-01',
    to: '2025-12-31',
    label: 'năm 2025',
    total,
    byTopic: [row('Đất đai', { received: 3, inProgress: 3, answered: 1 }), row('Môi trường', { received: 1, resolved: 1, answered: 1 }), row('Chưa xác định lĩnh vực', { received: 6, resolved: 3, inProgress: 3, answered: 5 })],
    byAgency: [row('Phòng Kinh tế', { received: 4, resolved: 2, inProgress: 2, answered: 3 }), row('Chưa giao cơ quan, đơn vị', { received: 6, resolved: 2, inProgress: 4, answered: 4 })],
    answeredPct: 70,
    resolvedPct: 40,
    notResolved: [],
    ...over,
  };
}

describe('the report body', () => {
  it('gives its numbers as of its own date when made before the period ends', () => {
    expect(texts(reportBlocks(report(), '2025-12-05')).some((x) => x.startsWith('Đến ngày 05/12/2025, đã giải quyết xong 4/10 kiến nghị, đạt 40%'))).toBe(true);
    expect(texts(reportBlocks(report(), '2026-01-06')).some((x) => x.startsWith('Đến ngày 31/12/2025,'))).toBe(true);
    expect(texts(reportBlocks(report())).some((x) => x.startsWith('Đến ngày 31/12/2025,'))).toBe(true);
  });

  it('never says "0 kiến nghị": a zero is said in words or left out', () => {
    const t = texts(reportBlocks(report())).join('\n');
    expect(t).not.toMatch(/\b0 kiến nghị|chuyển sang 0|được 0/u);
    expect(t).toContain('không có kiến nghị nào của kỳ trước chuyển sang');
    expect(t).toContain('đạt 40%; đang giải quyết 6 kiến nghị.');
    const none = texts(reportBlocks(report({ total: row('', {}), byTopic: [], byAgency: [], answeredPct: 0, resolvedPct: 0 }), '2025-12-31')).join('\n');
    expect(none).toContain('không tiếp nhận kiến nghị mới');
    expect(none).toContain('Đến ngày 31/12/2025, không có kiến nghị nào phải giải quyết trong kỳ.');
    expect(none).not.toMatch(/0\/0|đạt 0%/u);
  });

  it('does not count "chưa xác định lĩnh vực" as a field nor "chưa giao cơ quan" as an agency', () => {
    const t = texts(reportBlocks(report()));
    expect(t).toContain('Các lĩnh vực có nhiều kiến nghị nhất: đất đai (3 kiến nghị); môi trường (1 kiến nghị).');
    expect(t).toContain('Các cơ quan, đơn vị còn nhiều kiến nghị đang giải quyết: Phòng Kinh tế (2 kiến nghị).');
    expect(t).toContain('Còn 4 kiến nghị đang giải quyết chưa được giao cơ quan, đơn vị chủ trì.');
  });

  it('states answered apart from resolved, and says so when every answered one is resolved', () => {
    const t = texts(reportBlocks(report()));
    expect(t).toContain('Số kiến nghị đã được trả lời (tại hội nghị hoặc bằng văn bản) là 7/10, đạt 70%. Trả lời chưa phải là giải quyết xong: trong số kiến nghị đã được trả lời, còn 3 kiến nghị chưa được giải quyết dứt điểm.');
    const all = texts(reportBlocks(report({ total: row('', { received: 10, resolved: 4, inProgress: 6, answered: 4 }) })));
    expect(all.find((x) => x.startsWith('Số kiến nghị đã được trả lời'))).toMatch(/Các kiến nghị đã được trả lời đều đã được giải quyết xong\.$/u);
  });

  it('gives each unresolved item its reason after "Nguyên nhân:", a blank to fill when none was noted', () => {
    const t = texts(
      reportBlocks(
        report({
          notResolved: [
            { uid: 'a', content: 'mở rộng đường liên thôn.', agency: 'UBND xã', reason: 'Vướng giải phóng mặt bằng.' },
            { uid: 'b', content: 'Xây nhà văn hóa', agency: '', reason: '' },
            { uid: 'c', content: 'Cấp sổ đỏ', agency: '', reason: 'UBND tỉnh chưa phê duyệt quy hoạch' },
          ],
        }),
      ),
    );
    expect(t).toContain('1. Mở rộng đường liên thôn (UBND xã). Nguyên nhân: vướng giải phóng mặt bằng.');
    expect(t).toContain('2. Xây nhà văn hóa. Nguyên nhân: …….');
    expect(t).toContain('3. Cấp sổ đỏ. Nguyên nhân: UBND tỉnh chưa phê duyệt quy hoạch.');
  });

  it('names the report a table is attached to: number (or its blank), date, issuer', () => {
    expect(attachedTo(state, 15, '2027-01-05')).toBe('(Kèm theo Báo cáo số 15/BC-UBND ngày 05/01/2027 của UBND phường Tây Tựu)');
    expect(attachedTo(state, null, null)).toBe('(Kèm theo Báo cáo số      /BC-UBND ngày …/…/…… của UBND phường Tây Tựu)');
    expect(attachedTo(party, 3, '2027-01-05')).toBe('(Kèm theo Báo cáo số 03-BC/ĐU ngày 05/01/2027 của Đảng ủy phường Tây Tựu)');
  });
});

describe('the spreadsheets', () => {
  it('the report’s sheets write fields and items with a capital first, as the .docx tables do', async () => {
    const r = report({
      byTopic: [row('đất đai', { received: 3, inProgress: 3 })],
      notResolved: [{ uid: 'a', content: 'mở rộng đường liên thôn', agency: 'UBND xã', reason: 'vướng giải phóng mặt bằng' }],
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await reportWorkbook(r)) as unknown as ArrayBuffer);
    expect(wb.getWorksheet('Theo lĩnh vực')!.getRow(4).getCell(2).value).toBe('Đất đai');
    expect((wb.getWorksheet('Chưa giải quyết được')!.getRow(2).values as unknown[]).slice(1)).toEqual([1, 'Mở rộng đường liên thôn', 'UBND xã', 'Vướng giải phóng mặt bằng']);
  });

  it('the register’s "Còn lại (ngày)" is left empty for an item no longer open', async () => {
    const items = (await core.call('register.query', { meetingId: record.meeting.id, today: '2025-12-05' })).items;
    const [done, open] = [items[0]!, items[1]!];
    await core.call('register.change', { uid: done.uid, status: 'resolved', deadline: '2019-12-20', note: '' });
    await core.call('register.change', { uid: open.uid, status: 'in_progress', deadline: '2019-12-20', note: '' });
    const x = await core.call('register.export', { meetingId: record.meeting.id, today: '2025-12-05' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.dataBase64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Sổ theo dõi')!;
    const headers = (ws.getRow(1).values as unknown[]).slice(1);
    const col = (h: string) => headers.indexOf(h) + 1;
    const rowOf = (content: string) => {
      for (let i = 2; i <= ws.rowCount; i++) if (ws.getRow(i).getCell(col('Nội dung')).value === content) return ws.getRow(i);
      throw new Error(`no row ${content}`);
    };
    expect(rowOf(done.content || done.shortPhrase).getCell(col('Còn lại (ngày)')).value).toBeNull();
    const late = rowOf(open.content || open.shortPhrase);
    expect(late.getCell(col('Còn lại (ngày)')).value).toBeLessThan(-2000);
    expect(late.getCell(col('Quá hạn')).value).toBe('Quá hạn');
  });
});
