// The first-run form's rules, kept pure so a unit test can pin them: the document code that goes
// with the kind of issuing body, the Vietnamese validation messages, and the header lines exactly
// as the minutes will print them (electron/core/documents/minutes.ts, docs/documents.md).
import { LIMITS } from '../../../../electron/shared/limits';
import { docNumberLine, placeDateLine as minutesPlaceDateLine } from '../../../../electron/shared/minutes-text';
import { DEFAULT_STYLE, type Attendee, type DateStyle, type HouseStyle, type NameStyle, type OrgProfile, type UnitLevel } from '../../../../electron/shared/domain';

export type ProfileField = 'issuingBody' | 'parentBody' | 'docCode' | 'placeName' | 'secretaryName' | 'byline';
export type ProfileErrors = Partial<Record<ProfileField, string>>;

export const STATE_DOC_CODE = 'BB-UBND';
/** The Party code of a committee of each level: Đảng ủy xã/phường, Tỉnh ủy/Thành ủy, Quận ủy. */
export const PARTY_DOC_CODES: Record<UnitLevel, string> = { commune: 'BB/ĐU', province: 'BB/TU', district: 'BB/QU' };
export const PARTY_DOC_CODE = PARTY_DOC_CODES.commune;

/**
 * The examples the setup and settings screens show, by level and kind of body. Since 1/7/2025 local
 * government has two tiers (tỉnh/thành phố, xã/phường/đặc khu): only the old district level, kept
 * for meetings before that date, ever shows a quận or a huyện.
 */
export type LevelExamples = {
  issuingBody: string;
  parentBody: string;
  docCode: string;
  placeName: string;
  byline: string;
  /** "Quận ủy, Huyện ủy" — the Party committees of this level, for the checkbox. */
  partyBodies: string;
  /** A person as the article names them, for the name-style example. */
  person: Pick<Attendee, 'fullName' | 'titles'>;
};

export function levelExamples(level: UnitLevel, isParty: boolean): LevelExamples {
  switch (level) {
    case 'province':
      return {
        issuingBody: isParty ? 'TỈNH ỦY BẮC NINH' : 'UBND TỈNH BẮC NINH',
        parentBody: '',
        docCode: isParty ? PARTY_DOC_CODES.province : STATE_DOC_CODE,
        placeName: 'Bắc Ninh',
        byline: 'Hội Liên hiệp phụ nữ tỉnh Bắc Ninh',
        partyBodies: 'Tỉnh ủy, Thành ủy',
        person: { fullName: 'Nguyễn Văn An', titles: ['Phó Bí thư Tỉnh ủy', 'Chủ tịch UBND tỉnh'] },
      };
    case 'district':
      return {
        issuingBody: isParty ? 'QUẬN ỦY BẮC TỪ LIÊM' : 'UBND QUẬN BẮC TỪ LIÊM',
        parentBody: isParty ? 'ĐẢNG BỘ THÀNH PHỐ HÀ NỘI' : 'UBND THÀNH PHỐ HÀ NỘI',
        docCode: isParty ? PARTY_DOC_CODES.district : STATE_DOC_CODE,
        placeName: 'Bắc Từ Liêm',
        byline: 'Hội Liên hiệp phụ nữ quận Bắc Từ Liêm',
        partyBodies: 'Quận ủy, Huyện ủy, Thị ủy',
        person: { fullName: 'Nguyễn Văn An', titles: ['Bí thư Quận ủy', 'Chủ tịch HĐND quận'] },
      };
    default:
      return {
        issuingBody: isParty ? 'ĐẢNG ỦY PHƯỜNG TÂY TỰU' : 'UBND PHƯỜNG TÂY TỰU',
        parentBody: isParty ? 'ĐẢNG BỘ THÀNH PHỐ HÀ NỘI' : 'UBND THÀNH PHỐ HÀ NỘI',
        docCode: isParty ? PARTY_DOC_CODES.commune : STATE_DOC_CODE,
        placeName: 'Tây Tựu',
        byline: 'Hội Liên hiệp phụ nữ phường Tây Tựu',
        partyBodies: 'Đảng ủy xã, phường, đặc khu',
        person: { fullName: 'Nguyễn Văn An', titles: ['Bí thư Đảng ủy', 'Chủ tịch UBND phường'] },
      };
  }
}

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
 * "BB-UBND", or "BB-HĐND" for a People's Council. A name that tells no committee takes the one
 * of the chosen level. Only a suggestion: the field stays editable.
 */
export function suggestDocCode(isParty: boolean, issuingBody: string, level: UnitLevel = 'commune'): string {
  const b = fold(issuingBody);
  if (isParty) {
    if (/\bQUAN UY\b/.test(b)) return 'BB/QU';
    if (/\bHUYEN UY\b/.test(b)) return 'BB/HU';
    if (/\b(THANH|THI|TINH) UY\b/.test(b)) return 'BB/TU';
    if (/\bDANG UY\b/.test(b)) return 'BB/ĐU';
    // A State body's name (ticked as Party by mistake, or not yet retyped) still tells the unit.
    if (/\bQUAN\b/.test(b)) return 'BB/QU';
    if (/\bHUYEN\b/.test(b)) return 'BB/HU';
    if (/\b(TINH|THANH PHO|THI XA)\b/.test(b)) return 'BB/TU';
    if (/\b(PHUONG|XA|DAC KHU|THI TRAN)\b/.test(b)) return 'BB/ĐU';
    return PARTY_DOC_CODES[level];
  }
  if (/^(HDND|HOI DONG NHAN DAN)\b/.test(b)) return 'BB-HĐND';
  return STATE_DOC_CODE;
}

/** The messages shown beside the fields; empty when the profile can be saved. */
export function validateProfile(p: OrgProfile): ProfileErrors {
  const e: ProfileErrors = {};
  const tooLong = (label: string, v: string, max: number = LIMITS.shortText) =>
    v.length > max ? `${label} quá dài: tối đa ${max} ký tự, hiện có ${v.length}.` : undefined;
  const ex = levelExamples(p.level, p.isParty);
  if (!p.issuingBody.trim()) e.issuingBody = `Hãy ghi tên cơ quan ban hành, ví dụ ${ex.issuingBody}.`;
  else e.issuingBody = tooLong('Tên cơ quan ban hành', p.issuingBody);
  e.parentBody = tooLong('Tên cơ quan chủ quản', p.parentBody);
  const code = p.docCode.trim();
  if (!code) e.docCode = `Hãy ghi ký hiệu biên bản, ví dụ ${ex.docCode}.`;
  else if (/\s/.test(code)) e.docCode = `Ký hiệu viết liền, không có dấu cách, ví dụ ${ex.docCode}.`;
  else if (!/^BB/i.test(code)) e.docCode = `Ký hiệu biên bản bắt đầu bằng BB, ví dụ ${ex.docCode}.`;
  else e.docCode = tooLong('Ký hiệu biên bản', code, 50);
  if (!p.placeName.trim()) e.placeName = `Hãy ghi địa danh cho dòng ngày tháng, ví dụ ${ex.placeName}.`;
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

/** "Số: 05/BB-UBND", or for the Party (HD 36) "Số 05-BB/QU": the minutes' own line, not a copy. */
export const numberLine = docNumberLine;

/** "Bắc Từ Liêm, ngày 18 tháng 10 năm 2019" for a day of this computer's calendar: the minutes' own line. */
export function placeDateLine(place: string, d: Date): string {
  return minutesPlaceDateLine({ placeName: place }, `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}`);
}

/** "08 kiến nghị" or "8 kiến nghị", as the article will count. */
export function countExample(padCounts: boolean, n = 8): string {
  return `${padCounts && n > 0 && n < 10 ? pad2(n) : n} kiến nghị`;
}

const UNIT_RE = /(?:^|\s)(QUẬN|HUYỆN|THỊ XÃ|THÀNH PHỐ|TỈNH|PHƯỜNG|XÃ|THỊ TRẤN|ĐẶC KHU|THÀNH(?=\s+(?:ỦY|UỶ))|THỊ(?=\s+(?:ỦY|UỶ)))(?:\s+(?:ỦY|UỶ))?\s+(.+)$/u;

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

// ---- The article's house style, previewed as the article prints it. Mirrors newsDate
// (electron/core/documents/vi-text.ts) and nameWithTitles (core/documents/people.ts), which the
// renderer may not import; tests/unit/setup-profile.test.ts pins them equal. ----

/** The example meeting of the previews: an afternoon, with a day and a month below 10. */
export const EXAMPLE_DATE = { y: 2025, m: 8, d: 5, session: 'Chiều' } as const;

/** "Chiều ngày 5/8/2025", "Chiều 05/08", "Chiều 5-8-2025", "Chiều ngày 5 tháng 8 năm 2025". */
export function articleDateExample(style: Pick<HouseStyle, 'dateStyle' | 'dateYear' | 'padDayMonth'>, date: { y: number; m: number; d: number; session: string } = EXAMPLE_DATE): string {
  const dd = style.padDayMonth ? pad2(date.d) : String(date.d);
  const mm = style.padDayMonth ? pad2(date.m) : String(date.m);
  if (style.dateStyle === 'long') return `${date.session} ngày ${dd} tháng ${mm}${style.dateYear ? ` năm ${date.y}` : ''}`;
  const sep = style.dateStyle === 'dash' ? '-' : '/';
  const day = `${dd}${sep}${mm}${style.dateYear ? `${sep}${date.y}` : ''}`;
  return style.dateStyle === 'ngay' ? `${date.session} ngày ${day}` : `${date.session} ${day}`;
}

export const DATE_STYLE_LABELS: Record<DateStyle, string> = { ngay: 'Có chữ “ngày”', plain: 'Không có chữ “ngày”', dash: 'Gạch ngang', long: 'Có chữ “ngày”, “tháng”' };

/** "đồng chí Nguyễn Văn An – Bí thư Đảng ủy, Chủ tịch UBND phường" in each name style (comrade() in the core). */
export function nameExample(style: NameStyle, person: Pick<Attendee, 'fullName' | 'titles'>): string {
  const name = person.fullName;
  const titles = person.titles.join(', ');
  // With the title first, the title is the honorific ("Chủ tịch UBND tỉnh Lê Văn Hẳn"), as in comrade().
  if (style === 'title-first' && name && titles) return `${titles} ${name}`;
  if (!titles || !name) return `đồng chí ${name || titles}`;
  const sep = style === 'comma' ? ', ' : style === 'hyphen' ? ' - ' : ' – ';
  return `đồng chí ${name}${sep}${titles}`;
}

export const NAME_STYLE_LABELS: Record<NameStyle, string> = { dash: 'Gạch dài', hyphen: 'Gạch nối', comma: 'Dấu phẩy', 'title-first': 'Chức danh trước tên' };
