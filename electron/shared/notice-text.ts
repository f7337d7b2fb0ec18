// The fixed lines of the documents with a type name (NĐ 30/2020 Phụ lục III Mẫu 1.4): the
// conclusion notice (THÔNG BÁO) and the period report (BÁO CÁO). Shared by the .docx and the
// on-screen sheet, like minutes-text.ts is for the minutes.
import type { OrgProfile } from './domain';
import type { NoticeOptions } from './documents';
import { docNumberLine } from './minutes-text';
import { fold } from './vi/fold';

/** The type abbreviations of Phụ lục III: TB thông báo, BC báo cáo, BB biên bản. */
export type TypeCode = 'TB' | 'BC' | 'BB';

/**
 * The office's code with the type abbreviation of this document: "BB-UBND" → "TB-UBND",
 * "BB/ĐU" → "TB/ĐU"; a code without a type ("UBND") gets one ("TB-UBND", Party "TB/ĐU").
 */
export function typedDocCode(profile: Pick<OrgProfile, 'isParty' | 'docCode'>, type: TypeCode): string {
  const code = profile.docCode.trim().replace(/^[/-]+/, '');
  const m = /^([A-ZĐ]{1,4})([-/])(.+)$/u.exec(code);
  if (m && ['BB', 'TB', 'BC', 'KL', 'QĐ', 'KH', 'CV'].includes(m[1]!)) return `${type}${m[2]}${m[3]}`;
  if (!code) return type;
  return `${type}${profile.isParty ? '/' : '-'}${code}`;
}

/** "Số: 12/TB-UBND" (State) or "Số 12-TB/ĐU" (Party), or the blank to fill by hand. */
export function typedNumberLine(profile: Pick<OrgProfile, 'isParty' | 'docCode'>, type: TypeCode, n: number | null | undefined): string {
  return docNumberLine({ isParty: profile.isParty, docCode: typedDocCode(profile, type) }, n ?? null);
}

/**
 * The collective a "TM." signs for: "ỦY BAN NHÂN DÂN" for a UBND, "BAN THƯỜNG VỤ" for a Party
 * committee (HD 36 writes "T/M"), else the issuing body's name without its place.
 */
export function defaultAuthority(profile: Pick<OrgProfile, 'isParty' | 'issuingBody'>): string {
  if (profile.isParty) return 'T/M BAN THƯỜNG VỤ';
  const body = profile.issuingBody.trim().toLocaleUpperCase('vi');
  if (/^(UBND|ỦY BAN NHÂN DÂN)\b/u.test(body)) return 'TM. ỦY BAN NHÂN DÂN';
  if (/^(HĐND|HỘI ĐỒNG NHÂN DÂN)\b/u.test(body)) return 'TM. HỘI ĐỒNG NHÂN DÂN';
  return '';
}

export function defaultSignerTitle(profile: Pick<OrgProfile, 'isParty'>): string {
  return profile.isParty ? 'BÍ THƯ' : 'CHỦ TỊCH';
}

/** Someone who may sign: the meeting's attendees (the chair first) or one name given outright. */
export type SignerCandidate = { fullName: string; titles: readonly string[]; role?: string };

const ACRONYMS: [RegExp, string][] = [
  [/\buy ban nhan dan\b/g, 'ubnd'],
  [/\bhoi dong nhan dan\b/g, 'hdnd'],
];
const folded = (s: string): string => ACRONYMS.reduce((t, [re, to]) => t.replace(re, to), fold(s).replace(/\s+/g, ' ').trim());

/**
 * The signing rank a title gives in this office, or null: "Chủ tịch UBND phường" signs for "UBND
 * PHƯỜNG TÂY TỰU" as head, "Phó Chủ tịch UBND" as deputy; "Bí thư Quận ủy" does not sign for
 * "ĐẢNG ỦY PHƯỜNG …" (another body), nor for a UBND. The words after the rank must all be in the
 * issuing body's name, so a title of another body or level never signs.
 */
export function signingRank(profile: Pick<OrgProfile, 'isParty' | 'issuingBody'>, title: string): 'head' | 'deputy' | null {
  const t = folded(title);
  const m = (profile.isParty ? /^(pho )?bi thu( thuong truc)?\b\s*(.*)$/ : /^(pho )?chu tich\b\s*(.*)$/).exec(t);
  if (!m) return null;
  const rest = (profile.isParty ? m[3] : m[2]) ?? '';
  const body = ` ${folded(profile.issuingBody)} `;
  if (!profile.isParty && !/\b(ubnd|hdnd)\b/.test(body)) return null;
  if (rest.split(' ').some((w) => w && !body.includes(` ${w} `))) return null;
  return m[1] ? 'deputy' : 'head';
}

/**
 * Who signs by default and as what: the chair when they hold the office's head or deputy title,
 * else an attendee who is its head; a deputy signs "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" (Party: "T/M BAN
 * THƯỜNG VỤ / PHÓ BÍ THƯ", HD 36 has no KT.). Nobody fits: the default title and no name, for the
 * clerk to fill, never a name under a title that person does not hold.
 */
function defaultSigner(profile: Pick<OrgProfile, 'isParty' | 'issuingBody'>, people: readonly SignerCandidate[]): { authority: string; title: string; name: string } {
  const authority = defaultAuthority(profile);
  const title = defaultSignerTitle(profile);
  const rankOf = (p: SignerCandidate) => p.titles.map((t) => signingRank(profile, t)).find((r) => r != null) ?? null;
  const ordered = [...people.filter((p) => p.role === 'chair'), ...people.filter((p) => p.role !== 'chair')];
  const chair = ordered[0] && ordered[0].role === 'chair' ? ordered[0] : undefined;
  const chairRank = chair ? rankOf(chair) : null;
  const head = chairRank === 'head' ? chair : ordered.find((p) => rankOf(p) === 'head');
  const signer = chairRank === 'deputy' ? chair : head;
  if (!signer) return { authority, title, name: '' };
  if (signer === head) return { authority, title, name: signer.fullName.trim() };
  if (profile.isParty) return { authority, title: `PHÓ ${title}`, name: signer.fullName.trim() };
  return { authority: authority ? `KT. ${title}` : '', title: `PHÓ ${title}`, name: signer.fullName.trim() };
}

/**
 * The signature as printed: authority line (may be empty), title, name. `people` is the meeting's
 * attendees (who signs is worked out from their titles) or a name given outright (that person signs
 * with the default title). A title chosen without a name leaves the name to fill: the chair's name
 * under another person's title would be wrong.
 */
export function noticeSignature(profile: Pick<OrgProfile, 'isParty' | 'issuingBody'>, options: NoticeOptions | undefined, people: string | readonly SignerCandidate[]): { authority: string; title: string; name: string } {
  const o = options ?? {};
  const d = typeof people === 'string' ? { authority: defaultAuthority(profile), title: defaultSignerTitle(profile), name: people.trim() } : defaultSigner(profile, people);
  const title = (o.signerTitle?.trim() || d.title).toLocaleUpperCase('vi');
  return {
    authority: (o.authority ?? d.authority).trim().toLocaleUpperCase('vi'),
    title,
    name: o.signerName?.trim() || (title === d.title ? d.name : ''),
  };
}

const UNIT_NOUNS = ['thành phố', 'đặc khu', 'thị trấn', 'thị xã', 'phường', 'huyện', 'quận', 'tỉnh', 'xã'];
const COMMITTEES: Record<string, string> = { 'tỉnh ủy': 'Tỉnh ủy', 'thành ủy': 'Thành ủy', 'quận ủy': 'Quận ủy', 'huyện ủy': 'Huyện ủy', 'thị ủy': 'Thị ủy' };
const HEADS: [string, string][] = [
  ['ủy ban nhân dân', 'Ủy ban nhân dân'],
  ['hội đồng nhân dân', 'Hội đồng nhân dân'],
  ['đảng ủy', 'Đảng ủy'],
  ['đảng bộ', 'Đảng bộ'],
  ['ubnd', 'UBND'],
  ['hđnd', 'HĐND'],
];
const titleWords = (s: string): string => s.replace(/(^|\s)(\p{L})/gu, (_m, sp: string, c: string) => `${sp}${c.toLocaleUpperCase('vi')}`);

/**
 * A body's name as it stands in a sentence (Phụ lục II): "UBND PHƯỜNG TÂY TỰU" → "UBND phường Tây
 * Tựu", "ĐẢNG ỦY XÃ CHÍ MINH" → "Đảng ủy xã Chí Minh", "TỈNH ỦY NINH BÌNH" → "Tỉnh ủy Ninh Bình",
 * "UBND PHƯỜNG 10" → "UBND Phường 10". A name already in mixed case, or one of another shape, is
 * kept as typed.
 */
export function bodyInText(name: string): string {
  const n = name.trim().replace(/\s+/g, ' ').replace(/UỶ/gu, 'ỦY').replace(/uỷ/gu, 'ủy');
  if (!n || n !== n.toLocaleUpperCase('vi')) return name.trim();
  const low = n.toLocaleLowerCase('vi');
  for (const [k, v] of Object.entries(COMMITTEES)) if (low.startsWith(`${k} `)) return `${v} ${titleWords(low.slice(k.length + 1))}`;
  const head = HEADS.find(([k]) => low.startsWith(`${k} `));
  if (!head) return name.trim();
  const rest = low.slice(head[0].length + 1);
  const unit = UNIT_NOUNS.find((u) => rest.startsWith(`${u} `));
  if (!unit) return `${head[1]} ${titleWords(rest)}`;
  const place = rest.slice(unit.length + 1);
  // A numbered unit is a proper name: "Phường 10", "Quận 1".
  return /^\d/.test(place) ? `${head[1]} ${titleWords(unit)} ${place}` : `${head[1]} ${unit} ${titleWords(place)}`;
}

/**
 * Where the period report goes (NĐ 30: "để báo cáo" for the body above): the parent body by name
 * (a Party "ĐẢNG BỘ TỈNH X" reports to the "Tỉnh ủy X"), the standing committees of the same level
 * for a People's Committee, then the archive.
 */
export function reportRecipients(profile: Pick<OrgProfile, 'isParty' | 'issuingBody' | 'parentBody'>): string[] {
  const out: string[] = [];
  const parent = bodyInText(profile.parentBody);
  const committee = /^Đảng bộ (tỉnh|thành phố) (.+)$/u.exec(parent);
  if (committee) out.push(`${committee[1] === 'tỉnh' ? 'Tỉnh ủy' : 'Thành ủy'} ${committee[2]!} (để báo cáo)`);
  else if (parent) out.push(`${parent} (để báo cáo)`);
  const body = bodyInText(profile.issuingBody);
  const level = /^(?:UBND|Ủy ban nhân dân) (tỉnh|thành phố|xã|phường|đặc khu)\b/u.exec(body)?.[1];
  if (!profile.isParty && level) {
    const partyOf = level === 'tỉnh' ? 'Tỉnh ủy' : level === 'thành phố' ? 'Thành ủy' : 'Đảng ủy';
    out.push(`Thường trực ${partyOf}, HĐND ${level} (để báo cáo)`);
  }
  if (profile.isParty) out.push('Các đồng chí Ủy viên Ban Thường vụ');
  if (!out.length) out.push('Cơ quan cấp trên (để báo cáo)');
  out.push('Lưu: VT');
  return out;
}

export const NOTICE_RECIPIENTS = ['Các cơ quan, đơn vị được giao nhiệm vụ', 'Các thành phần dự hội nghị', 'Lưu: VT'];
