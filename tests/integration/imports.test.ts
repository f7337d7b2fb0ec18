// Spreadsheet imports through the real core on a real SQLite file: what the preview reports for
// good and broken files, and that a commit writes every valid row or nothing.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempCore, REPO_ROOT, type TestCore } from '../helpers/core';
import { fingerprint } from '../helpers/fingerprint';
import type { ImportKind } from '../../electron/shared/imports';
import { searchPeople } from '../../electron/core/repo/people';

const SAMPLES = path.join(REPO_ROOT, 'resources', 'samples-import');
const b64 = (b: Uint8Array | string) => Buffer.from(b).toString('base64');
const utf8 = (s: string) => Buffer.from(s, 'utf8');

let core: TestCore;
let meetingId: number;

beforeEach(async () => {
  core = tempCore();
  meetingId = (await core.call('meeting.create', { fields: { title: 'Hội nghị thử' } })).id;
});
afterEach(() => core.dispose());

const preview = (kind: ImportKind, fileName: string, bytes: Uint8Array) => core.call('import.preview', { meetingId, kind, fileName, dataBase64: b64(bytes) });
const commit = (kind: ImportKind, fileName: string, bytes: Uint8Array, rows?: number[]) =>
  core.registry.dispatch('import.commit', { meetingId, kind, fileName, dataBase64: b64(bytes), rows });

async function xlsx(rows: unknown[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách');
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('roster CSV', () => {
  it('reads UTF-8 with a BOM, header variants, roles and titles as written', async () => {
    const csv = '\uFEFFHọ và tên;Chức danh;Cơ quan;Vai trò\nTrương Quang Thiều;TUV, Bí thư Quận ủy;quận Bắc Từ Liêm;Chủ trì\nNguyễn Kim Hoàng;Phó trưởng Ban Dân vận Thành ủy;Thành ủy Hà Nội;khách mời\n';
    const p = await preview('roster', 'ds.csv', utf8(csv));
    expect(p.fileErrors).toEqual([]);
    expect(p.format).toBe('csv');
    expect(p.columns.map((c) => c.header)).toEqual(['Họ và tên', 'Chức danh', 'Cơ quan', 'Vai trò']);
    expect(p.rows.map((r) => r.values.fullName)).toEqual(['Trương Quang Thiều', 'Nguyễn Kim Hoàng']);
    expect(p.validCount).toBe(2);
    const r = await commit('roster', 'ds.csv', utf8(csv));
    expect(r.ok).toBe(true);
    const rec = await core.call('meeting.get', { id: meetingId });
    expect(rec.attendees.map((a) => [a.fullName, a.titles, a.role])).toEqual([
      ['Trương Quang Thiều', ['TUV', 'Bí thư Quận ủy'], 'chair'],
      ['Nguyễn Kim Hoàng', ['Phó trưởng Ban Dân vận Thành ủy'], 'guest'],
    ]);
  });

  it('keeps commas inside a title when the file separates titles with ";"', async () => {
    const csv = 'Họ tên,Chức vụ\nPhạm Văn Long,"Trưởng phòng Tài nguyên, Môi trường; Ủy viên UBND Quận"\n';
    await commit('roster', 'a.csv', utf8(csv));
    const [a] = (await core.call('meeting.get', { id: meetingId })).attendees;
    expect(a.titles).toEqual(['Trưởng phòng Tài nguyên, Môi trường', 'Ủy viên UBND Quận']);
  });

  it('reuses people already in the directory and finds them again by initials', async () => {
    const bytes = readFileSync(path.join(SAMPLES, 'danh-sach-dai-bieu.csv'));
    const first = await commit('roster', 'danh-sach-dai-bieu.csv', bytes);
    expect(first).toMatchObject({ ok: true, value: { imported: 9, createdPeople: 9, reusedPeople: 0 } });
    const other = (await core.call('meeting.create', {})).id;
    const again = await core.registry.dispatch('import.commit', { meetingId: other, kind: 'roster', fileName: 'x.csv', dataBase64: b64(bytes) });
    expect(again).toMatchObject({ ok: true, value: { imported: 9, createdPeople: 0, reusedPeople: 9 } });
    expect(searchPeople(core.db, 'ttq')[0].fullName).toBe('Trương Quang Thiều');
    expect(searchPeople(core.db, 'thieu')[0].fullName).toBe('Trương Quang Thiều');
  });

  it('refuses a file without the name column, saying which columns it needs', async () => {
    const fp = fingerprint(core.db);
    const p = await preview('roster', 'sai.csv', utf8('Tên cơ quan,Số điện thoại\nUBND,0241234567\n'));
    expect(p.fileErrors[0]).toMatch(/Không tìm thấy cột "Họ tên"/);
    expect(p.rows).toEqual([]);
    const r = await commit('roster', 'sai.csv', utf8('Tên cơ quan,Số điện thoại\nUBND,0241234567\n'));
    expect(r.ok).toBe(false);
    expect(fingerprint(core.db)).toBe(fp);
  });

  it('marks each bad row and imports only the good ones', async () => {
    const csv = [
      'Họ tên,Chức vụ,Đơn vị,Vai trò',
      'Nguyễn Hữu Tuyên,"UVTV, Chủ tịch HĐND Quận",quận Bắc Từ Liêm,lãnh đạo',
      ',Trưởng phòng,UBND,đại biểu',
      '12345,Chủ tịch,UBND,đại biểu',
      'Trần Thế Cương,Chủ tịch UBND Quận,quận Bắc Từ Liêm,thư ký riêng',
      'Nguyễn Hữu Tuyên,"UVTV, Chủ tịch HĐND Quận",quận Bắc Từ Liêm,lãnh đạo',
      `<img src=x onerror=alert(1)>,${'x'.repeat(100_000)},,`,
    ].join('\r\n');
    const p = await preview('roster', 'loi.csv', utf8(csv));
    const byRow = Object.fromEntries(p.rows.map((r) => [r.index, r.errors.join(' ')]));
    expect(byRow[2]).toBe('');
    expect(byRow[3]).toMatch(/Họ tên không được để trống/);
    expect(byRow[4]).toMatch(/con số/);
    expect(byRow[5]).toMatch(/Vai trò "thư ký riêng" không rõ/);
    expect(byRow[6]).toMatch(/Trùng với dòng 2/);
    expect(byRow[7]).toMatch(/quá dài: tối đa 500 ký tự, hiện có 100\.000/);
    // The preview never ships a 100,000-character cell to the screen.
    expect(p.rows[5].values.titles.length).toBeLessThan(2_100);
    expect(p.validCount).toBe(1);
    const r = await commit('roster', 'loi.csv', utf8(csv));
    expect(r).toMatchObject({ ok: true, value: { imported: 1, skipped: 5 } });
  });

  it('reads a non-UTF-8 (Windows-1258) CSV with a warning that suggests "CSV UTF-8"', async () => {
    // "Lê Văn Bình" in cp1258: ê = 0xEA, ă = 0xE3, and the grave tone is a combining mark (0xCC).
    const bytes = Buffer.concat([utf8('Ho ten,Don vi\nL'), Buffer.from([0xea]), utf8(' V'), Buffer.from([0xe3]), utf8('n Bi'), Buffer.from([0xcc]), utf8('nh,UBND\n')]);
    const p = await preview('roster', 'cp1258.csv', bytes);
    expect(p.fileErrors).toEqual([]);
    expect(p.warnings.join(' ')).toMatch(/CSV UTF-8/);
    expect(p.rows[0].values.fullName).toBe('Lê Văn Bình');
  });

  it('says clearly when a CSV is cut off inside a quoted cell', async () => {
    const p = await preview('roster', 'cut.csv', utf8('Họ tên,Chức vụ\nTrần Thế Cương,"Phó Bí thư Quận ủy, Chủ t'));
    expect(p.fileErrors[0]).toMatch(/ngoặc kép.*cắt cụt/);
  });
});

describe('XLSX and broken files', () => {
  it('imports the sample recommendations with their written answers, linked', async () => {
    const bytes = readFileSync(path.join(SAMPLES, 'kien-nghi-truoc-hoi-nghi.xlsx'));
    const p = await preview('recommendations', 'kien-nghi.xlsx', bytes);
    expect(p.format).toBe('xlsx');
    expect(p.fileErrors).toEqual([]);
    expect(p.validCount).toBe(8);
    const r = await commit('recommendations', 'kien-nghi.xlsx', bytes);
    expect(r).toMatchObject({ ok: true, value: { imported: 8, replies: 8 } });
    const rec = await core.call('meeting.get', { id: meetingId });
    expect(rec.recommendations).toHaveLength(8);
    expect(rec.recommendations.every((x) => x.phase === 'before')).toBe(true);
    expect(rec.recommendations[4].shortPhrase).toBe('Quận tập trung đẩy nhanh tiến độ thực hiện các dự án để hạn chế tình trạng ô nhiễm môi trường, mất mỹ quan đô thị');
    for (const [i, reply] of rec.replies.entries()) {
      expect(reply.kind).toBe('written_before');
      expect(reply.recommendationIds).toEqual([rec.recommendations[i].id]);
    }
  });

  it('marks wrong types and empty required cells per row in an XLSX', async () => {
    const bytes = await xlsx([
      ['Danh sách đại biểu dự hội nghị'],
      ['STT', 'Họ tên', 'Chức vụ', 'Đơn vị', 'Vai trò'],
      [1, 'Nguyễn Công Khanh', 'Phó Bí thư Thường trực Quận ủy', 'quận Bắc Từ Liêm', 'lãnh đạo'],
      [2, 42, 'Chủ tịch', 'UBND', 'đại biểu'],
      [3, new Date(Date.UTC(2019, 9, 18)), 'Chủ tịch', 'UBND', ''],
      [4, null, 'Chủ tịch', 'UBND', ''],
      [5, { formula: '1/0', result: { error: '#DIV/0!' } }, '', '', ''],
    ]);
    const p = await preview('roster', 'ds.xlsx', bytes);
    expect(p.fileErrors).toEqual([]);
    expect(p.rows.map((r) => r.index)).toEqual([3, 4, 5, 6, 7]);
    expect(p.rows[0].errors).toEqual([]);
    expect(p.rows[1].errors.join()).toMatch(/một con số \(42\)/);
    expect(p.rows[2].errors.join()).toMatch(/ngày tháng \(18\/10\/2019\)/);
    expect(p.rows[3].errors.join()).toMatch(/Họ tên không được để trống/);
    expect(p.rows[4].errors.join()).toMatch(/lỗi công thức \(#DIV\/0!\)/);
  });

  it('refuses a truncated XLSX, a renamed PDF, an old .xls and random bytes, and stores nothing', async () => {
    const fp = fingerprint(core.db);
    const good = readFileSync(path.join(SAMPLES, 'kien-nghi-truoc-hoi-nghi.xlsx'));
    const cases: [string, Uint8Array, RegExp][] = [
      ['cut.xlsx', good.subarray(0, Math.floor(good.length / 2)), /bị hỏng hoặc bị cắt cụt/],
      ['report.xlsx', utf8('%PDF-1.7\n%âãÏÓ\n1 0 obj\n'), /là tệp PDF/],
      ['old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]), /Excel đời cũ/],
      ['photo.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), /là ảnh/],
      ['bin.csv', Buffer.from([0x41, 0x00, 0x42, 0x00, 0x00, 0x13, 0x37]), /không phải bảng tính/],
      ['empty.csv', new Uint8Array(), /trống/],
    ];
    for (const [name, bytes, message] of cases) {
      const p = await preview('recommendations', name, bytes);
      expect(p.fileErrors[0], name).toMatch(message);
      const r = await commit('recommendations', name, bytes);
      expect(r.ok, name).toBe(false);
      if (!r.ok) expect(r.error.message, name).toMatch(message);
    }
    expect(fingerprint(core.db)).toBe(fp);
  });

  it('refuses a file over 10 MB before reading it', async () => {
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0x41);
    const fp = fingerprint(core.db);
    const p = await preview('roster', 'big.csv', big);
    expect(p.fileErrors[0]).toMatch(/Tệp quá lớn.*Tối đa 10 MB/);
    // Far larger uploads are refused by the contract before any decoding.
    const r = await core.registry.dispatch('import.preview', { meetingId, kind: 'roster', fileName: 'big.csv', dataBase64: 'A'.repeat(15_000_000) });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/Tệp quá lớn để nhập: tối đa 10 MB/);
    expect(fingerprint(core.db)).toBe(fp);
  });

  it('a 100,000-character recommendation is marked, never truncated into the database', async () => {
    const long = 'kiến nghị.'.repeat(10_000);
    const bytes = await xlsx([
      ['Người kiến nghị', 'Nội dung kiến nghị', 'Cụm tóm tắt'],
      ['Hội LHPN phường', long, 'quá dài'],
      ['Hội LHPN phường', 'Nạo vét sông Pheo', 'xử lý ô nhiễm sông Pheo'],
    ]);
    const p = await preview('recommendations', 'dai.xlsx', bytes);
    expect(p.rows[0].errors.join()).toMatch(/Nội dung kiến nghị quá dài: tối đa 20\.000 ký tự, hiện có 100\.000/);
    await commit('recommendations', 'dai.xlsx', bytes);
    const rec = await core.call('meeting.get', { id: meetingId });
    expect(rec.recommendations.map((r) => r.content)).toEqual(['Nạo vét sông Pheo']);
  });
});

describe('commit is all or nothing', () => {
  it('rolls back every row when one write fails midway', async () => {
    const csv = 'Họ tên,Vai trò\nNguyễn Kim Hoàng,khách mời\nTrương Quang Thiều,chủ trì\nNguyễn Công Khanh,lãnh đạo\n';
    const fp = fingerprint(core.db);
    // A trigger makes the third attendee's insert fail, the way a full disk would.
    core.db.exec(`CREATE TEMP TRIGGER fail_third BEFORE INSERT ON attendees WHEN (SELECT count(*) FROM attendees) >= 2 BEGIN SELECT RAISE(ABORT, 'disk full'); END;`);
    const r = await commit('roster', 'ds.csv', utf8(csv));
    expect(r.ok).toBe(false);
    core.db.exec('DROP TRIGGER fail_third');
    expect(fingerprint(core.db)).toBe(fp);
    expect((await core.call('meeting.get', { id: meetingId })).attendees).toEqual([]);
    // The directory cache is not left holding people from the rolled-back transaction.
    expect(searchPeople(core.db, 'thieu')).toEqual([]);
  });

  it('imports only the rows the user kept, and the preview itself writes nothing', async () => {
    const bytes = readFileSync(path.join(SAMPLES, 'danh-sach-dai-bieu.csv'));
    const fp = fingerprint(core.db);
    await preview('roster', 'ds.csv', bytes);
    expect(fingerprint(core.db)).toBe(fp);
    const r = await commit('roster', 'ds.csv', bytes, [2, 3]);
    expect(r).toMatchObject({ ok: true, value: { imported: 2, skipped: 7 } });
    // Already on the roster now: a second import of the same file marks those two rows.
    const p = await preview('roster', 'ds.csv', bytes);
    expect(p.rows.filter((x) => x.errors.length).map((x) => x.index)).toEqual([2, 3]);
    expect(p.rows[0].errors[0]).toMatch(/đã có trong danh sách đại biểu/);
  });
});

describe('roster undo', () => {
  it('attendee.restore and group.restore bring back what was removed', async () => {
    const a = await core.call('attendee.add', { meetingId, newPerson: { fullName: 'Trần Thế Cương', titles: ['Chủ tịch UBND Quận'], organization: '' }, role: 'reporter' });
    await core.call('attendee.remove', { id: a.id });
    expect((await core.call('meeting.get', { id: meetingId })).attendees).toEqual([]);
    expect((await core.call('attendee.restore', { id: a.id })).fullName).toBe('Trần Thế Cương');
    const g = await core.call('group.add', { meetingId, text: 'lãnh đạo Đảng, chính quyền các phường', role: 'host' });
    await core.call('group.remove', { id: g.id });
    expect((await core.call('group.restore', { id: g.id })).text).toBe('lãnh đạo Đảng, chính quyền các phường');
    expect((await core.call('meeting.get', { id: meetingId })).groups).toHaveLength(1);
  });
});
