// The register as a spreadsheet (exceljs): the columns the register screen shows, the filters the
// secretary applied, Vietnamese headers, the header row frozen and filterable, dates stored as
// real dates (so Excel sorts and filters them) shown as dd/mm/yyyy.
import ExcelJS from 'exceljs';
import type { RegisterFilter, RegisterItem } from '../../shared/followup';
import { dmy } from '../../shared/period';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Column = { header: string; width: number; value: (it: RegisterItem, i: number) => string | number | Date | null; date?: boolean; wrap?: boolean };

/** An ISO day as a Date at UTC midnight: Excel stores the day with no time and no zone shift. */
export function excelDate(iso: string | null | undefined): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
}

export const REGISTER_COLUMNS: readonly Column[] = [
  { header: 'STT', width: 6, value: (_it, i) => i + 1 },
  { header: 'Ngày hội nghị', width: 13, value: (it) => excelDate(it.meetingDate), date: true },
  { header: 'Hội nghị', width: 34, value: (it) => it.meetingTitle, wrap: true },
  { header: 'Loại', width: 11, value: (it) => (it.kind === 'direction' ? 'Nhiệm vụ' : 'Kiến nghị') },
  { header: 'Nội dung', width: 60, value: (it) => it.content || it.shortPhrase, wrap: true },
  { header: 'Tóm tắt', width: 34, value: (it) => it.shortPhrase, wrap: true },
  { header: 'Lĩnh vực', width: 18, value: (it) => it.topic },
  { header: 'Người kiến nghị', width: 22, value: (it) => it.raisedBy, wrap: true },
  { header: 'Đơn vị, địa bàn', width: 20, value: (it) => it.unit, wrap: true },
  { header: 'Trạng thái', width: 26, value: (it) => it.statusLabel, wrap: true },
  { header: 'Đã trả lời', width: 10, value: (it) => (it.answered ? 'Có' : 'Chưa') },
  { header: 'Cơ quan giải quyết', width: 30, value: (it) => it.agency, wrap: true },
  { header: 'Thời hạn', width: 12, value: (it) => excelDate(it.deadline), date: true },
  // Days left count for open items only: "-2177" beside a resolved item reads as a fault.
  { header: 'Còn lại (ngày)', width: 11, value: (it) => (it.category === 'open' ? it.daysLeft : null) },
  { header: 'Quá hạn', width: 9, value: (it) => (it.overdue ? 'Quá hạn' : '') },
  { header: 'Số, ký hiệu văn bản trả lời', width: 20, value: (it) => it.document?.number ?? '' },
  { header: 'Ngày văn bản trả lời', width: 13, value: (it) => excelDate(it.document?.date), date: true },
  { header: 'Ngày tiếp nhận', width: 13, value: (it) => excelDate(it.receivedOn), date: true },
  { header: 'Có sửa trùng', width: 11, value: (it) => (it.conflict ? 'Có' : '') },
];

/** The filters in words, for the sheet that says what the list holds. */
export function filterLines(f: RegisterFilter, statusLabel: (key: string) => string = (k) => k): string[] {
  const lines: string[] = [];
  if (f.status?.length) lines.push(`Trạng thái: ${f.status.map(statusLabel).join(', ')}`);
  if (f.agency) lines.push(`Cơ quan: ${f.agency}`);
  if (f.topic) lines.push(`Lĩnh vực: ${f.topic}`);
  if (f.meetingId != null) lines.push(`Hội nghị số ${f.meetingId}`);
  if (f.from || f.to) lines.push(`Tiếp nhận ${f.from ? `từ ngày ${dmy(f.from)}` : ''}${f.from && f.to ? ' ' : ''}${f.to ? `đến ngày ${dmy(f.to)}` : ''}`);
  if (f.dueWithinDays != null) lines.push(`Đến hạn trong ${f.dueWithinDays} ngày`);
  if (f.overdue) lines.push('Chỉ các mục quá hạn');
  if (f.query) lines.push(`Từ khóa: ${f.query}`);
  return lines.length ? lines : ['Không lọc: mọi kiến nghị và nhiệm vụ'];
}

function styleHeader(row: ExcelJS.Row): void {
  row.font = { name: 'Times New Roman', bold: true, size: 12 };
  row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  row.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
    c.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
  });
}

export async function registerWorkbook(items: readonly RegisterItem[], filter: RegisterFilter, opts: { today: string; statusLabel?: (key: string) => string; issuer?: string }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = opts.issuer || 'Thư ký Hội nghị';
  wb.created = new Date(0);
  const ws = wb.addWorksheet('Sổ theo dõi', { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  ws.columns = REGISTER_COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  styleHeader(ws.getRow(1));
  items.forEach((it, i) => {
    const row = ws.addRow(REGISTER_COLUMNS.map((c) => c.value(it, i)));
    row.font = { name: 'Times New Roman', size: 12 };
    REGISTER_COLUMNS.forEach((c, j) => {
      const cell = row.getCell(j + 1);
      if (c.date) cell.numFmt = 'dd/mm/yyyy';
      cell.alignment = { vertical: 'top', wrapText: c.wrap ?? false };
    });
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: REGISTER_COLUMNS.length } };

  const info = wb.addWorksheet('Điều kiện lọc');
  info.columns = [{ width: 90 }];
  info.addRow(['Sổ theo dõi kiến nghị']).font = { name: 'Times New Roman', bold: true, size: 14 };
  info.addRow([`Xuất ngày ${dmy(opts.today)}: ${items.length} mục`]).font = { name: 'Times New Roman', size: 12 };
  for (const l of filterLines(filter, opts.statusLabel)) info.addRow([l]).font = { name: 'Times New Roman', size: 12 };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
