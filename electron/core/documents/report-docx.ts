// The period report, "Báo cáo kết quả giải quyết kiến nghị" (NĐ 30/2020 Phụ lục III Mẫu 1.4; HD 36
// for a Party committee), from a PeriodReport (electron/core/followup: the numbers) and the
// office profile. The body says the numbers in the sentences a leader reads, keeping "đã trả lời"
// apart from "đã giải quyết xong" (one national report: 99.87 % answered, 8.79 % resolved); the
// tables offices keep (by field, by agency) follow on landscape pages.
import { AlignmentType, Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow, VerticalAlign, WidthType, convertMillimetersToTwip, type Document } from 'docx';
import type { OrgProfile } from '../../shared/domain';
import type { DocBlock } from '../../shared/documents';
import type { PeriodReport, ReportRow } from '../../shared/followup';
import { bodyInText, defaultAuthority, defaultSignerTitle, reportRecipients, typedNumberLine } from '../../shared/notice-text';
import { dmy } from '../../shared/period';
import { A4, GRID_TABLE_BORDERS, centred, run } from './docx-common';
import { typedDateLine, typedDocument } from './notice-docx';
import { lowerFirst, upperFirst } from './vi-text';

/** What the report prints around its numbers: number, date, signer, recipients. */
export type ReportOptions = {
  number?: number | null;
  /** The report's date (ISO); the blank form when absent. */
  date?: string | null;
  signerName?: string;
  recipients?: string[];
};

/** "8,8 %": Vietnamese decimals take a comma. */
export function pct(n: number): string {
  return `${(Math.round(n * 10) / 10).toLocaleString('vi-VN', { minimumFractionDigits: 0, maximumFractionDigits: 1 })}%`;
}

/** The share of `part` in `whole`, one decimal; 0 of 0 is 0. */
export function share(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0;
}

const totalOf = (r: ReportRow): number => r.carriedOver + r.received;

/** The subject line (trích yếu): "Kết quả giải quyết kiến nghị của cử tri và Nhân dân Quý IV năm 2026". */
export function reportSubject(report: Pick<PeriodReport, 'label'>): string {
  // "Quý IV", "tháng 11", "năm 2026" never break across lines.
  const label = report.label.replace(/(Quý|tháng|năm|ngày) (\S+)/gu, '$1\u00a0$2');
  return `Kết quả giải quyết kiến nghị của Nhân dân qua hội nghị đối thoại ${label}`;
}

/** The rows that are not a field or an agency: the report builder's "not classified" buckets. */
const UNCLASSIFIED = /^chưa (xác định lĩnh vực|phân loại|giao cơ quan)/iu;

/**
 * The body: situation, results (answered and resolved apart), what is not resolved and why. `asOf`
 * is the report's date: a report made before the period ends gives its numbers as of that day.
 */
export function reportBlocks(report: PeriodReport, asOf?: string | null): DocBlock[] {
  const t = report.total;
  const all = totalOf(t);
  const until = asOf && asOf < report.to && asOf >= report.from ? asOf : report.to;
  const blocks: DocBlock[] = [{ type: 'heading', text: reportSubject(report) }];
  const para = (text: string) => blocks.push({ type: 'paragraph', text });
  const heading = (text: string) => blocks.push({ type: 'heading', text });
  const range = `từ ngày ${dmy(report.from)} đến ngày ${dmy(report.to)}`;
  const label = report.label.startsWith('từ ngày') || report.label.startsWith('ngày') ? `Trong kỳ báo cáo (${report.label})` : `${upperFirst(report.label)} (${range})`;

  heading('I. TÌNH HÌNH TIẾP NHẬN KIẾN NGHỊ');
  // A zero is said once, in words, never "chuyển sang 0 kiến nghị".
  const received = t.received ? `đã tiếp nhận ${t.received} kiến nghị qua các hội nghị đối thoại và nhiệm vụ được giao tại các thông báo kết luận` : 'không tiếp nhận kiến nghị mới';
  const carried = t.carriedOver ? `kỳ trước chuyển sang ${t.carriedOver} kiến nghị chưa giải quyết xong` : 'không có kiến nghị nào của kỳ trước chuyển sang';
  para(`${label}, ${received}; ${carried}. Tổng số kiến nghị phải giải quyết trong kỳ là ${all}.`);
  const fields = [...report.byTopic].filter((r) => totalOf(r) > 0 && !UNCLASSIFIED.test(r.label.trim()) && r.label.trim()).sort((a, b) => totalOf(b) - totalOf(a));
  if (fields.length) {
    const top = fields.slice(0, 3).map((r) => `${lowerFirst(r.label)} (${totalOf(r)} kiến nghị)`);
    para(`Các lĩnh vực có nhiều kiến nghị nhất: ${top.join('; ')}.`);
  }

  heading('II. KẾT QUẢ GIẢI QUYẾT');
  if (!all) para(`Đến ngày ${dmy(until)}, không có kiến nghị nào phải giải quyết trong kỳ.`);
  else {
    const rest = [t.inProgress ? `đang giải quyết ${t.inProgress} kiến nghị` : '', t.notResolved ? `chưa giải quyết được ${t.notResolved} kiến nghị do nguyên nhân khách quan` : ''].filter(Boolean);
    para(`Đến ngày ${dmy(until)}, đã giải quyết xong ${t.resolved}/${all} kiến nghị, đạt ${pct(report.resolvedPct)}${rest.length ? `; ${rest.join('; ')}` : ''}.`);
    const open = Math.max(0, t.answered - t.resolved);
    para(
      `Số kiến nghị đã được trả lời (tại hội nghị hoặc bằng văn bản) là ${t.answered}/${all}, đạt ${pct(report.answeredPct)}. ${
        open ? `Trả lời chưa phải là giải quyết xong: trong số kiến nghị đã được trả lời, còn ${open} kiến nghị chưa được giải quyết dứt điểm.` : 'Các kiến nghị đã được trả lời đều đã được giải quyết xong.'
      }`,
    );
  }
  const named = (r: ReportRow) => r.label.trim() && !UNCLASSIFIED.test(r.label.trim());
  const agencies = report.byAgency.filter((r) => r.inProgress > 0 && named(r)).sort((a, b) => b.inProgress - a.inProgress);
  if (agencies.length) {
    para(`Các cơ quan, đơn vị còn nhiều kiến nghị đang giải quyết: ${agencies.slice(0, 3).map((r) => `${lowerFirst(r.label)} (${r.inProgress} kiến nghị)`).join('; ')}.`);
  }
  const unassigned = report.byAgency.filter((r) => !named(r)).reduce((n, r) => n + r.inProgress, 0);
  if (unassigned) para(`Còn ${unassigned} kiến nghị đang giải quyết chưa được giao cơ quan, đơn vị chủ trì.`);

  heading('III. KIẾN NGHỊ CHƯA GIẢI QUYẾT ĐƯỢC VÀ NGUYÊN NHÂN');
  if (!report.notResolved.length) para('Trong kỳ không có kiến nghị nào thuộc trường hợp chưa giải quyết được.');
  report.notResolved.forEach((n, i) => {
    const content = n.content.trim().replace(/[\s.;,]+$/u, '');
    const who = n.agency.trim() ? ` (${n.agency.trim()})` : '';
    // The reason as the secretary typed it, after a colon (lower case unless a name); none: a blank to fill.
    const why = n.reason.trim().replace(/[\s.;,]+$/u, '');
    para(`${i + 1}. ${upperFirst(content)}${who}. Nguyên nhân: ${why ? lowerFirst(why) : '……'}.`);
  });

  heading('IV. ĐỀ XUẤT, KIẾN NGHỊ');
  para('Đề nghị các cơ quan, đơn vị tiếp tục tập trung giải quyết dứt điểm các kiến nghị đang giải quyết, nhất là các kiến nghị đã quá thời hạn, và báo cáo kết quả trong kỳ báo cáo tiếp theo./.');
  blocks.push({ type: 'table', rows: tableRows(report, 'byTopic'), group: 'Biểu 01' });
  blocks.push({ type: 'table', rows: tableRows(report, 'byAgency'), group: 'Biểu 02' });
  return blocks;
}

export const REPORT_COLUMNS = [
  'STT',
  '',
  'Kỳ trước chuyển sang',
  'Tiếp nhận trong kỳ',
  'Tổng số phải giải quyết',
  'Đã giải quyết xong',
  'Đang giải quyết',
  'Chưa giải quyết được',
  'Đã trả lời',
  'Tỷ lệ đã trả lời',
  'Tỷ lệ đã giải quyết',
] as const;

/** A table of the report (header row first, the total last): by field or by agency. */
export function tableRows(report: PeriodReport, by: 'byTopic' | 'byAgency'): string[][] {
  const head = [...REPORT_COLUMNS] as string[];
  head[1] = by === 'byTopic' ? 'Lĩnh vực' : 'Cơ quan, đơn vị giải quyết';
  const row = (r: ReportRow, n: string, fallback: string): string[] => {
    const all = totalOf(r);
    return [n, upperFirst(r.label) || fallback, String(r.carriedOver), String(r.received), String(all), String(r.resolved), String(r.inProgress), String(r.notResolved), String(r.answered), pct(share(r.answered, all)), pct(share(r.resolved, all))];
  };
  const fallback = by === 'byTopic' ? 'Chưa phân loại' : 'Chưa giao cơ quan';
  return [head, ...report[by].map((r, i) => row(r, String(i + 1), fallback)), row(report.total, '', 'Tổng cộng').map((c, j) => (j === 1 ? 'Tổng cộng' : c))];
}

const TABLE_SIZE = 12;
const LANDSCAPE_WIDTH = A4.height - convertMillimetersToTwip(20) - convertMillimetersToTwip(15);
/** STT, label, then nine numbers. */
const SHARES = [5, 25, 8.5, 8.5, 8.5, 8.5, 8.5, 8.5, 8.5, 8, 8];

function widths(total = LANDSCAPE_WIDTH): number[] {
  const sum = SHARES.reduce((a, b) => a + b, 0);
  const ws = SHARES.map((s) => Math.floor((total * s) / sum));
  ws[1] = (ws[1] ?? 0) + total - ws.reduce((a, b) => a + b, 0);
  return ws;
}

function cell(text: string, width: number, opts: { bold?: boolean; align: 'left' | 'center' | 'right'; shade?: string }): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    shading: opts.shade ? { type: ShadingType.CLEAR, color: 'auto', fill: opts.shade } : undefined,
    children: [
      new Paragraph({
        alignment: opts.align === 'center' ? AlignmentType.CENTER : opts.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        spacing: { before: 20, after: 20 },
        children: [run(text, { size: TABLE_SIZE, bold: opts.bold })],
      }),
    ],
  });
}

/** A data table: borders wanted, header row repeated on each page, the total row bold. */
export function reportTable(rows: string[][]): Table {
  const ws = widths();
  const last = rows.length - 1;
  return new Table({
    width: { size: ws.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: ws,
    layout: TableLayoutType.FIXED,
    borders: GRID_TABLE_BORDERS,
    margins: { left: 60, right: 60, top: 40, bottom: 40 },
    rows: rows.map(
      (r, i) =>
        new TableRow({
          tableHeader: i === 0,
          cantSplit: true,
          children: ws.map((w, j) =>
            cell(r[j] ?? '', w, {
              bold: i === 0 || i === last,
              align: i === 0 || j === 0 ? 'center' : j === 1 ? 'left' : 'right',
              ...(i === 0 ? { shade: 'E7E6E6' } : {}),
            }),
          ),
        }),
    ),
  });
}

const TABLE_TITLES: Record<string, string> = {
  'Biểu 01': 'Biểu 01. Kết quả giải quyết kiến nghị theo lĩnh vực',
  'Biểu 02': 'Biểu 02. Kết quả giải quyết kiến nghị theo cơ quan, đơn vị',
};

/**
 * "(Kèm theo Báo cáo số 15/BC-UBND ngày 05/01/2027 của UBND phường Tây Tựu)": a table sent with a
 * report names the report by number, date and issuer, blanks left when the number or date is not
 * known yet (the văn thư numbers the report when it is issued).
 */
export function attachedTo(profile: Pick<OrgProfile, 'isParty' | 'docCode' | 'issuingBody'>, number: number | null | undefined, date: string | null | undefined): string {
  // "Số:      /BC-UBND" → "     /BC-UBND": the blank for the number stays, as on the header.
  const no = typedNumberLine(profile, 'BC', number ?? null).replace(/^Số:? /u, '');
  const day = date ? dmy(date) : '…/…/……';
  const issuer = bodyInText(profile.issuingBody);
  return `(Kèm theo Báo cáo số ${no} ngày ${day}${issuer ? ` của ${issuer}` : ''})`;
}

export function reportDocument(report: PeriodReport, profile: OrgProfile, options: ReportOptions = {}): Document {
  const blocks = reportBlocks(report, options.date ?? null);
  const appendix: (Paragraph | Table)[] = [];
  for (const b of blocks) {
    if (b.type !== 'table') continue;
    const title = TABLE_TITLES[b.group ?? ''] ?? b.group ?? '';
    appendix.push(centred([run(title, { size: 14, bold: true })], { spacing: { before: appendix.length ? 360 : 0 }, keepNext: true }));
    appendix.push(centred([run(attachedTo(profile, options.number, options.date), { size: 13, italics: true })], { keepNext: true }));
    // The unit of every number in the table, top right above it, as offices print their biểu.
    appendix.push(new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { after: 80 }, keepNext: true, children: [run('Đơn vị tính: kiến nghị', { size: 12, italics: true })] }));
    appendix.push(reportTable(b.rows));
  }
  return typedDocument({
    profile,
    typeName: 'BÁO CÁO',
    number: typedNumberLine(profile, 'BC', options.number ?? null),
    revision: null,
    dateLine: typedDateLine(profile, options.date ?? null),
    blocks: blocks.filter((b) => b.type !== 'table'),
    signature: { authority: defaultAuthority(profile), title: defaultSignerTitle(profile), name: options.signerName?.trim() ?? '' },
    recipients: options.recipients,
    defaultRecipients: reportRecipients(profile),
    title: `Báo cáo kết quả giải quyết kiến nghị ${report.label}`,
    appendix,
  });
}
