// The fixed parts of the minutes page that are not in the draft's blocks (the header, the
// signatures, "Nơi nhận"), for the on-screen sheet and the printed PDF. The .docx is built in the
// core from the same data (electron/core/documents/docx-minutes.ts); the renderer may not import
// core code, so these few lines are repeated here and a unit test keeps the two equal.
import type { MeetingRecord, OrgProfile } from '../../../../electron/shared/domain';
import { DEFAULT_STYLE } from '../../../../electron/shared/domain';
import type { DocBlock, DocOptions } from '../../../../electron/shared/documents';
import { LIMITS } from '../../../../electron/shared/limits';

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** "ngày 18 tháng 10 năm 2019": days below 10 and months 1–2 zero-padded (Nghị định 30/2020). */
export function longDate(iso: string | null): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return `ngày ${pad2(d)} tháng ${mo <= 2 ? pad2(mo) : String(mo)} năm ${y}`;
}
export const LONG_DATE_BLANK = 'ngày …… tháng …… năm ……';

export function docNumberLine(profile: OrgProfile, n: number | null): string {
  const num = n == null ? '' : n < 10 ? `0${n}` : String(n);
  const code = profile.docCode.trim().replace(/^[/-]+/, '');
  if (profile.isParty) return n == null ? `Số      -${code}` : `Số ${num}-${code}`;
  return n == null ? `Số:      /${code}` : `Số: ${num}/${code}`;
}

export function placeDateLine(profile: OrgProfile, isoDate: string | null): string {
  const place = profile.placeName.trim();
  const date = longDate(isoDate) ?? LONG_DATE_BLANK;
  return place ? `${place}, ${date}` : date.charAt(0).toLocaleUpperCase('vi') + date.slice(1);
}

export function revisionLine(revision: number): string | null {
  return revision >= 2 ? `Lần sửa đổi: ${revision}` : null;
}

export const DEFAULT_RECIPIENTS = ['Các thành phần dự hội nghị', 'Lưu: VT, hồ sơ hội nghị'];

export type MinutesFrame = {
  party: boolean;
  parent: string;
  issuing: string;
  number: string;
  revision: string | null;
  dateLine: string | null;
  signatures: { title: string; name: string }[];
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
