// Documents with a type name (NĐ 30/2020 Phụ lục III Mẫu 1.4; HD 36 for a Party committee): the
// chair's conclusion notice (THÔNG BÁO) and the period report (BÁO CÁO). The header, the body
// paragraphs, the signature and "Nơi nhận" are the minutes' own (docx-minutes.ts), so the three
// documents of an office look alike; only the type name, the subject line and the signature's
// authority line differ.
import { AlignmentType, Document, Header, PageNumber, PageOrientation, Paragraph, Table, TextRun, convertMillimetersToTwip, type ISectionOptions } from 'docx';
import type { MeetingRecord, OrgProfile } from '../../shared/domain';
import type { DocBlock, DocOptions } from '../../shared/documents';
import { longDate, revisionLine } from '../../shared/minutes-text';
import { NOTICE_RECIPIENTS, noticeSignature, typedNumberLine } from '../../shared/notice-text';
import { A4, FONT, MARGINS, TEXT_WIDTH, centred, pt, rule, run, styles } from './docx-common';
import { blockLines, bodyParagraph, headerTableOf, recipientLines, signatureColumn, twoColumnSignature } from './docx-minutes';

const BODY = 14;

export type TypedDocument = {
  profile: OrgProfile;
  typeName: 'THÔNG BÁO' | 'BÁO CÁO';
  number: string;
  revision: string | null;
  /** The place-and-date line; the documents with a type name always carry one. */
  dateLine: string;
  /** The first heading is the subject line (trích yếu); the rest as the minutes' blocks. */
  blocks: DocBlock[];
  signature: { authority: string; title: string; name: string };
  recipients: readonly string[] | undefined;
  defaultRecipients: readonly string[];
  title: string;
  revisionNumber?: number;
  /** Tables after the signature, on landscape pages (the report's statistics). */
  appendix?: (Paragraph | Table)[];
};

/** "Hà Nội, ngày 14 tháng 10 năm 2025", or the date alone; the blank form when no date is given. */
export function typedDateLine(profile: Pick<OrgProfile, 'placeName'>, isoDate: string | null | undefined): string {
  const place = profile.placeName.trim();
  const date = longDate(isoDate ?? null) ?? 'ngày …… tháng …… năm ……';
  return place ? `${place}, ${date}` : date.charAt(0).toLocaleUpperCase('vi') + date.slice(1);
}

function pageNumberHeader(): Header {
  return new Header({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: pt(14) })] })],
  });
}

export function typedDocument(d: TypedDocument): Document {
  const p = d.profile;
  const children: (Paragraph | Table)[] = [headerTableOf(p, d.number, d.revision, d.dateLine)];
  children.push(centred([run(d.typeName, { size: p.isParty ? 16 : 14, bold: true })], { spacing: { before: 480 }, keepNext: true }));
  let first = true;
  const lastText = d.blocks.map((b, i) => (blockLines(b).length ? i : -1)).reduce((a, b) => Math.max(a, b), -1);
  for (const [i, b] of d.blocks.entries()) {
    if (b.type === 'heading' && first) {
      first = false;
      // The subject line (trích yếu): bold, centred, a short rule under it (Mẫu 1.4).
      for (const line of blockLines(b)) children.push(centred([run(line, { size: BODY, bold: true })], { keepNext: true }));
      children.push(rule(TEXT_WIDTH, convertMillimetersToTwip(30)));
      children.push(new Paragraph({ spacing: { after: 120 }, children: [] }));
      continue;
    }
    first = false;
    if (b.type === 'table') continue;
    for (const line of blockLines(b)) children.push(bodyParagraph(line, b.type === 'heading', i === lastText));
  }
  const sig = d.signature;
  children.push(twoColumnSignature(recipientLines(d.recipients, d.defaultRecipients), signatureColumn([sig.authority, sig.title], sig.name)));

  const page = { size: { width: A4.width, height: A4.height }, margin: MARGINS };
  const sections: ISectionOptions[] = [
    {
      properties: { titlePage: true, page },
      // Page numbers from page 2: the first page has its own, empty, header.
      headers: { default: pageNumberHeader(), first: new Header({ children: [new Paragraph({ children: [] })] }) },
      children,
    },
  ];
  if (d.appendix?.length) {
    sections.push({
      properties: {
        titlePage: false,
        // docx swaps width and height itself for a landscape page: the size stays portrait.
        page: { size: { width: A4.width, height: A4.height, orientation: PageOrientation.LANDSCAPE }, margin: { ...MARGINS, left: convertMillimetersToTwip(20), right: convertMillimetersToTwip(15) } },
      },
      headers: { default: pageNumberHeader(), first: pageNumberHeader() },
      children: d.appendix,
    });
  }
  return new Document({
    creator: p.issuingBody || 'Thư ký Hội nghị',
    title: d.title,
    ...(d.revisionNumber && d.revisionNumber > 0 ? { revision: d.revisionNumber } : {}),
    styles: styles(BODY),
    sections,
  });
}

/** The conclusion notice as a Word document. */
export function noticeDocument(blocks: DocBlock[], record: MeetingRecord, p: OrgProfile, options: DocOptions = {}): Document {
  const o = options.notice ?? {};
  return typedDocument({
    profile: p,
    typeName: 'THÔNG BÁO',
    number: typedNumberLine(p, 'TB', o.number ?? null),
    revision: revisionLine(record.meeting.revision),
    dateLine: typedDateLine(p, o.date ?? null),
    blocks,
    signature: noticeSignature(p, o, record.attendees),
    recipients: o.recipients,
    defaultRecipients: NOTICE_RECIPIENTS,
    title: `Thông báo kết luận ${record.meeting.title}`.trim(),
    revisionNumber: record.meeting.revision,
  });
}
