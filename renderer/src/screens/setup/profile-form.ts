// The first-run form's rules, kept pure so a unit test can pin them: the document code that goes
// with the kind of issuing body, the Vietnamese validation messages, and the header lines exactly
// as the minutes will print them (electron/core/documents/minutes.ts, docs/documents.md).
import { LIMITS } from '../../../../electron/shared/limits';
import { DEFAULT_STYLE, type OrgProfile } from '../../../../electron/shared/domain';

export type ProfileField = 'issuingBody' | 'parentBody' | 'docCode' | 'placeName' | 'secretaryName' | 'byline';
export type ProfileErrors = Partial<Record<ProfileField, string>>;

export const STATE_DOC_CODE = 'BB-UBND';
export const PARTY_DOC_CODE = 'BB/QU';

export const EMPTY_PROFILE: OrgProfile = {
  issuingBody: '',
  level: 'commune',
  parentBody: '',
  isParty: false,
  docCode: STATE_DOC_CODE,
  placeName: '',
  byline: '',
  secretaryName: '',
  style: { ...DEFAULT_STYLE },
};

/** Upper case the Vietnamese way, as the header prints the bodies' names; NFC so Unikey's combining marks do not linger. */
export function headerCase(s: string): string {
  return s.normalize('NFC').toLocaleUpperCase('vi-VN').replace(/\s+/g, ' ').trim();
}

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'D').toUpperCase();

/**
 * The usual code for the issuing body: a Party committee's minutes are "BB/QU" (Quận ủy),
 * "BB/HU" (Huyện ủy), "BB/TU" (Thành ủy, Thị ủy, Tỉnh ủy), "BB/ĐU" (Đảng ủy); a State body's are
 * "BB-UBND", or "BB-HĐND" for a People's Council. Only a suggestion: the field stays editable.
 */
export function suggestDocCode(isParty: boolean, issuingBody: string): string {
  const b = fold(issuingBody);
  if (isParty) {
    if (/\bQUAN UY\b/.test(b)) return 'BB/QU';
    if (/\bHUYEN UY\b/.test(b)) return 'BB/HU';
    if (/\b(THANH|THI|TINH) UY\b/.test(b)) return 'BB/TU';
    if (/\bDANG UY\b/.test(b)) return 'BB/ĐU';
    return PARTY_DOC_CODE;
  }
  if (/^(HDND|HOI DONG NHAN DAN)\b/.test(b)) return 'BB-HĐND';
  return STATE_DOC_CODE;
}

/** The messages shown beside the fields; empty when the profile can be saved. */
export function validateProfile(p: OrgProfile): ProfileErrors {
  const e: ProfileErrors = {};
  const tooLong = (label: string, v: string, max: number = LIMITS.shortText) =>
    v.length > max ? `${label} quá dài: tối đa ${max} ký tự, hiện có ${v.length}.` : undefined;
  if (!p.issuingBody.trim()) e.issuingBody = 'Hãy ghi tên cơ quan ban hành, ví dụ UBND QUẬN BẮC TỪ LIÊM.';
  else e.issuingBody = tooLong('Tên cơ quan ban hành', p.issuingBody);
  e.parentBody = tooLong('Tên cơ quan chủ quản', p.parentBody);
  const code = p.docCode.trim();
  if (!code) e.docCode = `Hãy ghi ký hiệu biên bản, ví dụ ${p.isParty ? PARTY_DOC_CODE : STATE_DOC_CODE}.`;
  else if (/\s/.test(code)) e.docCode = `Ký hiệu viết liền, không có dấu cách, ví dụ ${p.isParty ? PARTY_DOC_CODE : STATE_DOC_CODE}.`;
  else if (!/^BB/i.test(code)) e.docCode = `Ký hiệu biên bản bắt đầu bằng BB, ví dụ ${p.isParty ? PARTY_DOC_CODE : STATE_DOC_CODE}.`;
  else e.docCode = tooLong('Ký hiệu biên bản', code, 50);
  if (!p.placeName.trim()) e.placeName = 'Hãy ghi địa danh cho dòng ngày tháng, ví dụ Bắc Từ Liêm.';
  else e.placeName = tooLong('Địa danh', p.placeName);
  e.secretaryName = tooLong('Tên thư ký', p.secretaryName);
  e.byline = tooLong('Tác giả tin bài', p.byline);
  for (const k of Object.keys(e) as ProfileField[]) if (!e[k]) delete e[k];
  return e;
}

/** What is saved: trimmed, names of bodies in upper case, the code without spaces. */
export function normaliseProfile(p: OrgProfile): OrgProfile {
  return {
    ...p,
    issuingBody: headerCase(p.issuingBody),
    parentBody: headerCase(p.parentBody),
    docCode: p.docCode.replace(/\s+/g, ''),
    placeName: p.placeName.normalize('NFC').trim(),
    byline: p.byline.normalize('NFC').trim(),
    secretaryName: p.secretaryName.normalize('NFC').trim(),
  };
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** "Số: 05/BB-UBND", or for the Party (HD 36) "Số 05-BB/QU". */
export function numberLine(p: Pick<OrgProfile, 'isParty' | 'docCode'>, n: number | null): string {
  const num = n === null ? '     ' : pad2(n);
  return p.isParty ? `Số ${num}-${p.docCode}` : `Số: ${num}/${p.docCode}`;
}

/** "Bắc Từ Liêm, ngày 18 tháng 10 năm 2019": day below 10 and months 1–2 zero-padded (Nghị định 30). */
export function placeDateLine(place: string, d: Date): string {
  const day = pad2(d.getDate());
  const month = d.getMonth() + 1;
  return `${place}, ngày ${day} tháng ${month <= 2 ? pad2(month) : month} năm ${d.getFullYear()}`;
}

/** "08 kiến nghị" or "8 kiến nghị", as the article will count. */
export function countExample(padCounts: boolean, n = 8): string {
  return `${padCounts && n > 0 && n < 10 ? pad2(n) : n} kiến nghị`;
}

const UNIT_RE = /(?:^|\s)(QUẬN|HUYỆN|THỊ XÃ|THÀNH PHỐ|TỈNH|PHƯỜNG|XÃ|THỊ TRẤN)(?:\s+(?:ỦY|UỶ))?\s+(.+)$/u;

const titleCase = (s: string) =>
  s
    .toLocaleLowerCase('vi-VN')
    .split(' ')
    .map((w) => w.charAt(0).toLocaleUpperCase('vi-VN') + w.slice(1))
    .join(' ');

/**
 * The place for the date line, read off the issuing body: "UBND QUẬN BẮC TỪ LIÊM" → "Bắc Từ Liêm",
 * "QUẬN ỦY BẮC TỪ LIÊM" → "Bắc Từ Liêm"; a numbered unit keeps its noun: "UBND QUẬN 1" → "Quận 1".
 * Empty when nothing fits; the secretary can always type another.
 */
export function suggestPlaceName(issuingBody: string): string {
  const m = UNIT_RE.exec(headerCase(issuingBody));
  if (!m) return '';
  const [, unit, name] = m;
  return /^\d+$/.test(name) ? `${titleCase(unit)} ${name}` : titleCase(name);
}
