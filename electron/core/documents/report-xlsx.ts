// The period report's tables as a spreadsheet: by field, by agency (the columns of the .docx
// tables, numbers as numbers, shares as percentages), and the items not resolved with their reasons.
import ExcelJS from 'exceljs';
import type { PeriodReport, ReportRow } from '../../shared/followup';
import { dmy } from '../../shared/period';
import { REPORT_COLUMNS, share } from './report-docx';
import { upperFirst } from './vi-text';

const FONT = { name: 'Times New Roman', size: 12 } as const;

function header(ws: ExcelJS.Worksheet, titles: readonly string[]): void {
  const row = ws.addRow([...titles]);
  row.font = { ...FONT, bold: true };
  row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  row.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
  });
}

function tableSheet(wb: ExcelJS.Workbook, name: string, first: string, rows: readonly ReportRow[], total: ReportRow, fallback: string, report: PeriodReport): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 3 }] });
  ws.addRow([`${name}: ${report.label} (từ ngày ${dmy(report.from)} đến ngày ${dmy(report.to)})`]).font = { ...FONT, bold: true, size: 13 };
  ws.addRow([]);
  const titles = [...REPORT_COLUMNS] as string[];
  titles[1] = first;
  header(ws, titles);
  const add = (r: ReportRow, n: number | string, label: string, bold = false) => {
    const all = r.carriedOver + r.received;
    const row = ws.addRow([n, label, r.carriedOver, r.received, all, r.resolved, r.inProgress, r.notResolved, r.answered, share(r.answered, all) / 100, share(r.resolved, all) / 100]);
    row.font = { ...FONT, bold };
    row.getCell(10).numFmt = '0.0%';
    row.getCell(11).numFmt = '0.0%';
  };
  // Labels as the .docx tables print them: a capital first ("Đất đai" however the topic was typed).
  rows.forEach((r, i) => add(r, i + 1, upperFirst(r.label) || fallback));
  add(total, '', 'Tổng cộng', true);
  ws.columns.forEach((c, i) => {
    c.width = i === 1 ? 40 : i === 0 ? 6 : 14;
  });
  ws.getRow(3).height = 45;
}

export async function reportWorkbook(report: PeriodReport, issuer = ''): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = issuer || 'Thư ký Hội nghị';
  wb.created = new Date(0);
  tableSheet(wb, 'Theo lĩnh vực', 'Lĩnh vực', report.byTopic, report.total, 'Chưa phân loại', report);
  tableSheet(wb, 'Theo cơ quan', 'Cơ quan, đơn vị giải quyết', report.byAgency, report.total, 'Chưa giao cơ quan', report);
  const ws = wb.addWorksheet('Chưa giải quyết được', { views: [{ state: 'frozen', ySplit: 1 }] });
  header(ws, ['STT', 'Nội dung', 'Cơ quan, đơn vị', 'Nguyên nhân']);
  report.notResolved.forEach((n, i) => {
    const row = ws.addRow([i + 1, upperFirst(n.content.trim()), n.agency, upperFirst(n.reason.trim())]);
    row.font = FONT;
    row.alignment = { vertical: 'top', wrapText: true };
  });
  [6, 70, 30, 50].forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
