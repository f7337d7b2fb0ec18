// The summary table as a landscape Word document. Unlike the header and signature tables this
// is a data table, so its borders are wanted; the header row repeats on every page.
import { AlignmentType, Document, PageOrientation, Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow, WidthType, convertMillimetersToTwip } from 'docx';
import type { MeetingRecord, OrgProfile } from '../../shared/domain';
import type { DocBlock } from '../../shared/documents';
import { A4, GRID_TABLE_BORDERS, centred, run, styles } from './docx-common';

const SIZE = 12;
const MARGIN = {
  top: convertMillimetersToTwip(20),
  bottom: convertMillimetersToTwip(20),
  left: convertMillimetersToTwip(20),
  right: convertMillimetersToTwip(15),
  header: convertMillimetersToTwip(10),
  footer: convertMillimetersToTwip(10),
};
const WIDTH = A4.height - MARGIN.left - MARGIN.right;
/** STT, người/đơn vị, nội dung, lĩnh vực, trả lời, hình thức, đơn vị giải quyết, thời hạn (shares of the width). */
const SHARES = [5, 14, 25, 9, 24, 9, 9, 7];

export function columnWidths(total = WIDTH): number[] {
  const sum = SHARES.reduce((a, b) => a + b, 0);
  const ws = SHARES.map((s) => Math.floor((total * s) / sum));
  // The content column takes what rounding left over.
  ws[2] = (ws[2] ?? 0) + total - ws.reduce((a, b) => a + b, 0);
  return ws;
}

function cell(text: string, width: number, opts: { bold?: boolean; center?: boolean; span?: number; shade?: string; keepNext?: boolean }): TableCell {
  const lines = text.split(/\r?\n/).map((s) => s.trim());
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: opts.span,
    shading: opts.shade ? { type: ShadingType.CLEAR, color: 'auto', fill: opts.shade } : undefined,
    children: (lines.length ? lines : ['']).map(
      (l) =>
        new Paragraph({
          alignment: opts.center ? AlignmentType.CENTER : AlignmentType.LEFT,
          // A group row stays on the page of its first recommendation.
          keepNext: opts.keepNext,
          spacing: { before: 20, after: 20 },
          children: [run(l, { size: SIZE, bold: opts.bold })],
        }),
    ),
  });
}

function table(rows: string[][]): Table {
  const ws = columnWidths();
  const total = ws.reduce((a, b) => a + b, 0);
  const cols = ws.length;
  const out: TableRow[] = rows.map((r, i) => {
    if (i === 0) return new TableRow({ tableHeader: true, cantSplit: true, children: ws.map((w, j) => cell(r[j] ?? '', w, { bold: true, center: true, shade: 'E7E6E6' })) });
    // A single-cell row is a group (phase or topic) spanning the whole table.
    if (r.length === 1) return new TableRow({ cantSplit: true, children: [cell(r[0] ?? '', total, { bold: true, keepNext: true, span: cols, shade: /^[IVX]+\./.test(r[0] ?? '') ? 'D9D9D9' : 'F2F2F2' })] });
    return new TableRow({ cantSplit: true, children: ws.map((w, j) => cell(r[j] ?? '', w, { center: j === 0 || j === 7 })) });
  });
  return new Table({
    width: { size: total, type: WidthType.DXA },
    columnWidths: ws,
    layout: TableLayoutType.FIXED,
    // Borders and cell margins once for the table: per-cell copies make a 300-row table slow to build.
    borders: GRID_TABLE_BORDERS,
    margins: { left: 80, right: 80, top: 40, bottom: 40 },
    rows: out,
  });
}

export function summaryDocument(blocks: DocBlock[], record: MeetingRecord, profile: OrgProfile | null): Document {
  const children: (Paragraph | Table)[] = [];
  const issuing = profile?.issuingBody.trim().toLocaleUpperCase('vi') ?? '';
  if (issuing) children.push(new Paragraph({ children: [run(issuing, { size: 13, bold: true })] }));
  let firstHeading = true;
  for (const b of blocks) {
    if (b.type === 'heading') {
      children.push(centred([run(b.text, { size: 14, bold: true })], { spacing: { before: firstHeading ? 240 : 120 } }));
      firstHeading = false;
    } else if (b.type === 'paragraph') {
      children.push(centred([run(b.text, { size: 13, italics: true })], { spacing: { after: 240 } }));
    } else if (b.type === 'table' && b.rows.length) {
      children.push(table(b.rows));
    }
  }
  return new Document({
    creator: profile?.issuingBody || 'Thư ký Hội nghị',
    title: `Tổng hợp kiến nghị ${record.meeting.title}`.trim(),
    styles: styles(SIZE),
    sections: [
      {
        properties: {
          // Portrait measures with a landscape orientation: docx swaps them when writing w:pgSz.
          page: { size: { width: A4.width, height: A4.height, orientation: PageOrientation.LANDSCAPE }, margin: MARGIN },
        },
        children,
      },
    ],
  });
}
