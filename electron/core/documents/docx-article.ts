// The news article as a Word document: headline, justified paragraphs, photos with an italic
// caption below, byline on the right.
import { AlignmentType, Document, ImageRun, Paragraph } from 'docx';
import type { MeetingRecord, OrgProfile } from '../../shared/domain';
import type { DocBlock } from '../../shared/documents';
import { A4, BODY_SPACING, FIRST_LINE, MARGINS, TEXT_WIDTH, centred, run, styles } from './docx-common';
import { blockLines } from './docx-minutes';

export type PhotoData = { data: Uint8Array; width: number; height: number };
export type PhotoLoader = (id: number) => PhotoData | null;

const BODY = 14;
/** 15 cm wide photos (the text is 16.5 cm), at 96 px per inch as docx measures them. */
const PHOTO_WIDTH_PX = Math.round((150 / 25.4) * 96);
/** Keep a tall photo on one page with its caption. */
const PHOTO_MAX_HEIGHT_PX = Math.round((180 / 25.4) * 96);

export function articleDocument(blocks: DocBlock[], record: MeetingRecord, profile: OrgProfile | null, loadPhoto: PhotoLoader): Document {
  const children: Paragraph[] = [];
  for (const b of blocks) {
    switch (b.type) {
      case 'heading':
        for (const line of blockLines(b))
          children.push(centred([run(line, { size: 16, bold: true })], { spacing: { after: 240 } }));
        break;
      case 'paragraph':
        for (const line of blockLines(b))
          children.push(new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: FIRST_LINE }, spacing: BODY_SPACING, children: [run(line, { size: BODY })] }));
        break;
      case 'photo': {
        const p = loadPhoto(b.photoId);
        if (!p) break;
        let w = Math.min(PHOTO_WIDTH_PX, Math.round((TEXT_WIDTH / 1440) * 96));
        let h = Math.round((w * (p.height || 3)) / (p.width || 4));
        if (h > PHOTO_MAX_HEIGHT_PX) {
          w = Math.round((w * PHOTO_MAX_HEIGHT_PX) / h);
          h = PHOTO_MAX_HEIGHT_PX;
        }
        children.push(
          new Paragraph({
            alignment: AlignmentType.CENTER,
            keepNext: true,
            spacing: { before: 120, after: 60 },
            // Explicit type: without it Word reports unreadable content.
            children: [new ImageRun({ type: 'jpg', data: p.data, transformation: { width: w, height: h }, altText: { name: `Ảnh ${b.photoId}`, description: b.caption, title: b.caption } })],
          }),
        );
        if (b.caption.trim()) children.push(centred([run(b.caption.trim(), { size: 13, italics: true })], { spacing: { after: 200 } }));
        break;
      }
      case 'dateline':
        for (const line of blockLines(b)) children.push(new Paragraph({ spacing: { after: 120 }, children: [run(line, { size: 13, italics: true })] }));
        break;
      case 'byline':
        for (const line of blockLines(b))
          children.push(new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { before: 240 }, children: [run(line, { size: BODY, bold: true })] }));
        break;
      case 'table':
        break;
    }
  }
  return new Document({
    creator: profile?.byline || 'Thư ký Hội nghị',
    title: record.meeting.title || 'Tin bài',
    styles: styles(BODY),
    sections: [{ properties: { page: { size: { width: A4.width, height: A4.height }, margin: MARGINS } }, children }],
  });
}
