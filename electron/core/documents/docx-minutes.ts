// The minutes as a Word document: Nghị định 30/2020 Mẫu 1.9, or the Party variant of Hướng dẫn
// 36-HD/VPTW when the organisation profile says the issuing body is a Party committee.
import {
  AlignmentType,
  Document,
  Header,
  PageNumber,
  Paragraph,
  Table,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  convertMillimetersToTwip,
} from 'docx';
import type { MeetingRecord, OrgProfile } from '../../shared/domain';
import { DEFAULT_STYLE } from '../../shared/domain';
import type { DocBlock, DocOptions } from '../../shared/documents';
import {
  A4,
  BODY_SPACING,
  FIRST_LINE,
  FONT,
  MARGINS,
  NO_TABLE_BORDERS,
  TEXT_WIDTH,
  centred,
  layoutCell,
  pt,
  rule,
  run,
  styles,
  textWidth,
} from './docx-common';
import { DEFAULT_RECIPIENTS, docNumberLine, placeDateLine, revisionLine } from '../../shared/minutes-text';

// The fixed lines are shared with the on-screen sheet (one implementation, no drift).
export { DEFAULT_RECIPIENTS, docNumberLine, placeDateLine, revisionLine } from '../../shared/minutes-text';

const BODY = 14;

// The common noun of an administrative unit: a long body name breaks before it, so the unit's own
// name stays on one line ("ĐẢNG ỦY" / "PHƯỜNG QUAN HOA", never "ĐẢNG ỦY PHƯỜNG QUAN" / "HOA").
const UNIT_WORDS = /\s(?=(PHƯỜNG|XÃ|ĐẶC KHU|THỊ TRẤN|THỊ XÃ|QUẬN|HUYỆN|TỈNH|THÀNH PHỐ)\s)/gu;

/**
 * A body's name in the header as lines that fit `width`: whole when it fits, else broken before the
 * last administrative unit word, else at the space nearest the middle. Never inside a word.
 */
export function headerLines(name: string, width: number, size: number, bold: boolean): string[] {
  const n = name.trim().replace(/\s+/g, ' ');
  if (!n || textWidth(n, size, bold) <= width) return n ? [n] : [];
  const cuts = [...n.matchAll(UNIT_WORDS)].map((m) => m.index ?? -1).filter((i) => i > 0);
  const unitCut = cuts.reverse().find((i) => textWidth(n.slice(i + 1), size, bold) <= width && textWidth(n.slice(0, i), size, bold) <= width);
  if (unitCut !== undefined) return [n.slice(0, unitCut), n.slice(unitCut + 1)];
  const spaces = [...n.matchAll(/ /g)].map((m) => m.index ?? 0);
  if (!spaces.length) return [n];
  const mid = n.length / 2;
  const at = spaces.reduce((best, i) => (Math.abs(i - mid) < Math.abs(best - mid) ? i : best), spaces[0]!);
  return [n.slice(0, at), n.slice(at + 1)];
}

function headerTable(record: MeetingRecord, profile: OrgProfile, withDate: boolean): Table {
  const date = placeDateLine(profile, record.meeting.date);
  return headerTableOf(profile, docNumberLine(profile, record.meeting.docNumber), revisionLine(record.meeting.revision), withDate ? date : null);
}

/**
 * The header of every NĐ 30 document the app writes (minutes, notice, report): parent and issuing
 * body, number and revision on the left; national title and motto (or "ĐẢNG CỘNG SẢN VIỆT NAM")
 * and the place-and-date line (null: none) on the right.
 */
export function headerTableOf(profile: OrgProfile, number: string, revision: string | null, dateLine: string | null): Table {
  const withDate = dateLine != null;
  const date = dateLine ?? '';
  const leftCol: Paragraph[] = [];
  const rightCol: Paragraph[] = [];
  // State: the number and the place-and-date line in a second row, so they share one line (NĐ 30
  // Phụ lục I, ô 3 and ô 4) however many lines the names above them take.
  const leftLow: Paragraph[] = [];
  const rightLow: Paragraph[] = [];
  const parent = profile.parentBody.trim().toLocaleUpperCase('vi');
  const issuing = profile.issuingBody.trim().toLocaleUpperCase('vi');
  // The left column is as wide as its longest line needs (so "ĐẢNG BỘ QUẬN BẮC TỪ LIÊM" does not
  // wrap), but leaves the right column room for the national title or "ĐẢNG CỘNG SẢN VIỆT NAM".
  const leftSize = profile.isParty ? 14 : 13;
  const need = Math.max(textWidth(parent, leftSize, false), textWidth(issuing, leftSize, true)) + convertMillimetersToTwip(4);
  const [minL, maxL] = profile.isParty ? [65, 88] : [60, 72];
  const left = Math.round(Math.min(convertMillimetersToTwip(maxL), Math.max(convertMillimetersToTwip(minL), need)));
  const right = TEXT_WIDTH - left;
  // Inside the cell's margins (layoutCell keeps about 2 mm a side).
  const inner = left - convertMillimetersToTwip(4);
  const lines = (text: string, size: number, bold: boolean) => headerLines(text, inner, size, bold).map((l) => centred([run(l, { size, bold })]));
  const issuingWidth = Math.max(...headerLines(issuing, inner, leftSize, true).map((l) => textWidth(l, leftSize, true)), 0);
  if (profile.isParty) {
    if (parent) leftCol.push(...lines(parent, 14, false));
    leftCol.push(...lines(issuing, 14, true));
    leftCol.push(centred([run('*', { size: 14 })]));
    leftCol.push(centred([run(number, { size: 14 })], { spacing: { before: 60 } }));
    if (revision) leftCol.push(centred([run(revision, { size: 12, italics: true })]));
    const party = 'ĐẢNG CỘNG SẢN VIỆT NAM';
    rightCol.push(centred([run(party, { size: 15, bold: true })]));
    rightCol.push(rule(right, textWidth(party, 15, true)));
    if (withDate) rightCol.push(centred([run(date, { size: 14, italics: true })], { spacing: { before: 240 } }));
  } else {
    if (parent) leftCol.push(...lines(parent, 13, false));
    leftCol.push(...lines(issuing, 13, true));
    // A short rule, about 40 % of the name's width (the decree asks for 1/3 to 1/2).
    leftCol.push(rule(left, Math.min(issuingWidth, left) * 0.4));
    leftLow.push(centred([run(number, { size: 13 })], { spacing: { before: 180 } }));
    if (revision) leftLow.push(centred([run(revision, { size: 12, italics: true })]));
    const motto = 'Độc lập - Tự do - Hạnh phúc';
    rightCol.push(centred([run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { size: 12, bold: true })]));
    rightCol.push(centred([run(motto, { size: 13, bold: true })]));
    rightCol.push(rule(right, textWidth(motto, 13, true)));
    if (withDate) rightLow.push(centred([run(date, { size: 14, italics: true })], { spacing: { before: 180 } }));
  }
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: NO_TABLE_BORDERS,
    rows: [
      new TableRow({ children: [layoutCell(left, leftCol), layoutCell(right, rightCol)] }),
      ...(leftLow.length || rightLow.length ? [new TableRow({ children: [layoutCell(left, leftLow), layoutCell(right, rightLow)] })] : []),
    ],
  });
}

export function bodyParagraph(text: string, bold = false, keepNext = false): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: FIRST_LINE },
    spacing: BODY_SPACING,
    // A section heading never ends a page alone; the closing line stays with the signatures.
    keepNext: bold || keepNext,
    children: [run(text, { size: BODY, bold })],
  });
}

/**
 * THƯ KÝ on the left, CHỦ TRÌ on the right, each with room to sign and the full name; "Nơi nhận"
 * under the left signature. One row that cannot split: the signatures and the recipients always
 * share a page, and the closing line before them keeps with them.
 */
function signatureTable(record: MeetingRecord, profile: OrgProfile, options: DocOptions): Table {
  const chair = record.attendees.find((a) => a.role === 'chair');
  const secretary = record.meeting.secretary.trim() || profile.secretaryName.trim();
  const label = (profile.style ?? DEFAULT_STYLE).chairLabel.toLocaleUpperCase('vi');
  return twoColumnSignature(
    [...signatureColumn(['THƯ KÝ'], secretary), ...recipientLines(options.minutes?.recipients, DEFAULT_RECIPIENTS)],
    signatureColumn([label], chair?.fullName.trim() ?? ''),
  );
}

/** Title lines (authority, title) in capitals bold, room to sign (about 3 cm), the full name bold. */
export function signatureColumn(titles: string[], name: string): Paragraph[] {
  const lines = titles.filter((t) => t.trim());
  return [
    ...lines.map((t, i) => centred([run(t, { size: BODY, bold: true })], i === 0 ? { spacing: { before: 240 } } : {})),
    // Room to sign: about 3 cm.
    new Paragraph({ spacing: { before: 0, after: 0, line: convertMillimetersToTwip(30), lineRule: 'exact' }, children: [] }),
    centred([run(name, { size: BODY, bold: true })]),
  ];
}

/** A borderless two-column row that never splits: signatures and recipients share a page. */
export function twoColumnSignature(left: Paragraph[], right: Paragraph[]): Table {
  const half = Math.floor(TEXT_WIDTH / 2);
  return new Table({
    width: { size: half * 2, type: WidthType.DXA },
    columnWidths: [half, half],
    layout: TableLayoutType.FIXED,
    borders: NO_TABLE_BORDERS,
    rows: [new TableRow({ cantSplit: true, children: [layoutCell(half, left), layoutCell(half, right)] })],
  });
}

/** "Nơi nhận:" (12 bold italic) and its lines (11), each "- …;", the last "- ….". */
export function recipientLines(given: readonly string[] | undefined, defaults: readonly string[]): Paragraph[] {
  const list = (given?.length ? given : defaults)
    .map((s) => s.trim().replace(/^[-–\s]+/, '').replace(/[;.,\s]+$/, ''))
    .filter(Boolean);
  return [
    new Paragraph({ spacing: { before: 240 }, keepNext: true, children: [run('Nơi nhận:', { size: 12, bold: true, italics: true })] }),
    ...list.map((s, i) => new Paragraph({ keepNext: i < list.length - 1, children: [run(`- ${s}${i === list.length - 1 ? '.' : ';'}`, { size: 11 })] })),
  ];
}

export function minutesDocument(blocks: DocBlock[], record: MeetingRecord, profile: OrgProfile, options: DocOptions = {}): Document {
  const style = profile.style ?? DEFAULT_STYLE;
  const withDate = options.minutes?.placeDateLine ?? style.placeDateLine;
  const children: (Paragraph | Table)[] = [headerTable(record, profile, withDate)];
  children.push(centred([run('BIÊN BẢN', { size: profile.isParty ? 16 : 14, bold: true })], { spacing: { before: 480 } }));
  let first = true;
  const lastText = blocks.map((b, i) => (blockLines(b).length ? i : -1)).reduce((a, b) => Math.max(a, b), -1);
  for (const [i, b] of blocks.entries()) {
    if (b.type === 'heading' && first) {
      first = false;
      children.push(centred([run(b.text, { size: BODY, bold: true })]));
      children.push(rule(TEXT_WIDTH, convertMillimetersToTwip(30)));
      children.push(new Paragraph({ spacing: { after: 120 }, children: [] }));
      continue;
    }
    first = false;
    for (const line of blockLines(b)) children.push(bodyParagraph(line, b.type === 'heading', i === lastText));
  }
  // No empty paragraph between the closing line and the signatures: LibreOffice does not carry
  // "keep with next" through an empty paragraph onto a table; the space is the title's own.
  children.push(signatureTable(record, profile, options));

  const pageNumber = new Header({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: pt(14) })] })],
  });
  return new Document({
    creator: profile.issuingBody || 'Thư ký Hội nghị',
    title: `Biên bản ${record.meeting.title}`.trim(),
    // Word shows it under File → Info; 0 (never finalised) is left out.
    ...(record.meeting.revision > 0 ? { revision: record.meeting.revision } : {}),
    styles: styles(BODY),
    sections: [
      {
        properties: {
          titlePage: true,
          page: { size: { width: A4.width, height: A4.height }, margin: MARGINS },
        },
        // Page numbers from page 2: the first page has its own, empty, header.
        headers: { default: pageNumber, first: new Header({ children: [new Paragraph({ children: [] })] }) },
        children,
      },
    ],
  });
}

/** A block's text split at the line breaks the secretary typed, one paragraph each. */
export function blockLines(b: DocBlock): string[] {
  if (b.type === 'heading' || b.type === 'paragraph' || b.type === 'byline' || b.type === 'dateline') return b.text.split(/\r?\n/).map((s) => s.trim()).filter(Boolean);
  if (b.type === 'photo') return b.caption.trim() ? [b.caption.trim()] : [];
  return [];
}
