// The fixed parts of the minutes page that are not in the draft's blocks (the header, the
// signatures, "Nơi nhận"), for the on-screen sheet and the printed PDF. The .docx is built in the
// core from the same data (electron/core/documents/docx-minutes.ts); the lines both print come from
// one module in electron/shared (minutes-text.ts), so they cannot drift apart.
import type { MeetingRecord, OrgProfile } from '../../../../electron/shared/domain';
import { DEFAULT_STYLE } from '../../../../electron/shared/domain';
import type { DocBlock, DocOptions } from '../../../../electron/shared/documents';
import { LIMITS } from '../../../../electron/shared/limits';
import { NOTICE_RECIPIENTS, noticeSignature, typedNumberLine } from '../../../../electron/shared/notice-text';

import { DEFAULT_RECIPIENTS, LONG_DATE_BLANK, docNumberLine, longDate, placeDateLine, revisionLine } from '../../../../electron/shared/minutes-text';

export { DEFAULT_RECIPIENTS, LONG_DATE_BLANK, docNumberLine, longDate, placeDateLine, revisionLine };

export type MinutesFrame = {
  party: boolean;
  parent: string;
  issuing: string;
  number: string;
  revision: string | null;
  dateLine: string | null;
  /** `authority`: the line above the title ("TM. ỦY BAN NHÂN DÂN"), for the notice's single signature. */
  signatures: { title: string; name: string; authority?: string }[];
  recipients: string[];
};

/** What the minutes print around the blocks, from the record and the organisation profile. */
export function minutesFrame(record: MeetingRecord, profile: OrgProfile | null, options: DocOptions): MinutesFrame {
  const p: OrgProfile = profile ?? { issuingBody: '', level: 'commune', parentBody: '', isParty: false, docCode: 'BB', placeName: '', byline: '', secretaryName: '', style: DEFAULT_STYLE };
  const style = p.style ?? DEFAULT_STYLE;
  const withDate = options.minutes?.placeDateLine ?? style.placeDateLine;
  const chair = record.attendees.find((a) => a.role === 'chair');
  const list = (options.minutes?.recipients?.length ? options.minutes.recipients : DEFAULT_RECIPIENTS)
    .map((s) => s.trim().replace(/^[-–\s]+/, '').replace(/[;.,\s]+$/, ''))
    .filter(Boolean);
  return {
    party: p.isParty,
    parent: p.parentBody.trim().toLocaleUpperCase('vi'),
    issuing: p.issuingBody.trim().toLocaleUpperCase('vi'),
    number: docNumberLine(p, record.meeting.docNumber),
    revision: revisionLine(record.meeting.revision),
    dateLine: withDate ? placeDateLine(p, record.meeting.date) : null,
    signatures: [
      { title: 'THƯ KÝ', name: record.meeting.secretary.trim() || p.secretaryName.trim() },
      { title: style.chairLabel.toLocaleUpperCase('vi'), name: chair?.fullName.trim() ?? '' },
    ],
    recipients: list.map((s, i) => `- ${s}${i === list.length - 1 ? '.' : ';'}`),
  };
}

/**
 * What the chair's notice prints around its blocks (NĐ 30 Mẫu 1.4): the minutes' header with the
 * notice's own number ("Số: …/TB-UBND") and date, one signature (authority, title, name), and its
 * recipients; the .docx (electron/core/documents/notice-docx.ts) prints the same lines.
 */
export function noticeFrame(record: MeetingRecord, profile: OrgProfile | null, options: DocOptions): MinutesFrame {
  const p: OrgProfile = profile ?? { issuingBody: '', level: 'commune', parentBody: '', isParty: false, docCode: 'BB', placeName: '', byline: '', secretaryName: '', style: DEFAULT_STYLE };
  const o = options.notice ?? {};
  const sig = noticeSignature(p, o, record.attendees);
  const list = (o.recipients?.length ? o.recipients : NOTICE_RECIPIENTS).map((s) => s.trim().replace(/^[-–\s]+/, '').replace(/[;.,\s]+$/, '')).filter(Boolean);
  const place = p.placeName.trim();
  const date = longDate(o.date ?? null) ?? LONG_DATE_BLANK;
  return {
    party: p.isParty,
    parent: p.parentBody.trim().toLocaleUpperCase('vi'),
    issuing: p.issuingBody.trim().toLocaleUpperCase('vi'),
    number: typedNumberLine(p, 'TB', o.number ?? null),
    revision: revisionLine(record.meeting.revision),
    dateLine: place ? `${place}, ${date}` : date.charAt(0).toLocaleUpperCase('vi') + date.slice(1),
    signatures: [{ authority: sig.authority, title: sig.title, name: sig.name }],
    recipients: list.map((s, i) => `- ${s}${i === list.length - 1 ? '.' : ';'}`),
  };
}

/** The most a block's text may hold: the same limits doc.save checks. */
export function blockLimit(b: DocBlock): number {
  if (b.type === 'heading') return LIMITS.title;
  if (b.type === 'paragraph') return LIMITS.longText;
  return LIMITS.shortText;
}

const nf = new Intl.NumberFormat('vi-VN');

/** A Vietnamese message for the first over-long block, or null. */
export function blocksProblem(blocks: DocBlock[]): string | null {
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    const t = b.type === 'photo' ? b.caption : b.type === 'table' ? '' : b.text;
    const max = blockLimit(b);
    if (t.length > max)
      return `Đoạn thứ ${i + 1} quá dài: tối đa ${nf.format(max)} ký tự, hiện có ${nf.format(t.length)}. Hãy chia thành nhiều đoạn.`;
  }
  return null;
}

/** The body of the HTML page doc.export makes: a CMS editor wants the article, not a page. */
export function htmlBody(page: string): string {
  const m = /<body[^>]*>([\s\S]*)<\/body>/i.exec(page);
  return (m ? m[1] : page).trim();
}
