// The fixed lines of the minutes that both the .docx (electron/core/documents/docx-minutes.ts) and
// the on-screen sheet and its PDF (renderer/src/screens/documents/sheet-text.ts) print. One
// implementation, so the page on screen and the Word file cannot drift apart.
import type { OrgProfile } from './domain';

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/**
 * "ngày 18 tháng 10 năm 2019". The decree zero-pads days below 10 and months 1 and 2 (so that
 * nobody can add a digit by hand); months 3–12 are written as they are.
 */
export function longDate(iso: string | null | undefined): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return `ngày ${pad2(d)} tháng ${mo <= 2 ? pad2(mo) : String(mo)} năm ${y}`;
}

/** The blank form of `longDate`, for a record whose date is not known yet: filled in by hand. */
export const LONG_DATE_BLANK = 'ngày …… tháng …… năm ……';

/** "Số: 05/BB-UBND", "Số 12-BB/QU", or the blank to fill by hand when no number is given yet. */
export function docNumberLine(profile: Pick<OrgProfile, 'isParty' | 'docCode'>, n: number | null): string {
  const num = n == null ? '' : pad2(n);
  const code = profile.docCode.trim().replace(/^[/-]+/, '');
  if (profile.isParty) return n == null ? `Số      -${code}` : `Số ${num}-${code}`;
  return n == null ? `Số:      /${code}` : `Số: ${num}/${code}`;
}

/** "Bắc Từ Liêm, ngày 18 tháng 10 năm 2019", or the date alone (capitalised) without a place. */
export function placeDateLine(profile: Pick<OrgProfile, 'placeName'>, isoDate: string | null): string {
  const place = profile.placeName.trim();
  const date = longDate(isoDate) ?? LONG_DATE_BLANK;
  return place ? `${place}, ${date}` : date.charAt(0).toLocaleUpperCase('vi') + date.slice(1);
}

/**
 * "Lần sửa đổi: 2" under the number, from the first change after chốt biên bản on. Revision 1 is
 * the minutes as first finalised, so it carries no line (a reader would take "sửa đổi" for an
 * amendment); every file still carries its revision in the document properties.
 */
export function revisionLine(revision: number): string | null {
  return revision >= 2 ? `Lần sửa đổi: ${revision}` : null;
}

export const DEFAULT_RECIPIENTS = ['Các thành phần dự hội nghị', 'Lưu: VT, hồ sơ hội nghị'];
