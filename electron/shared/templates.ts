// Templates for a new meeting, for the two tiers of local government since 1/7/2025 (tỉnh/thành phố
// and xã/phường/đặc khu): the kind, a working title, the audience and the usual groups, worded for
// the office's own unit ("phường Tây Tựu", "tỉnh Lai Châu"). The secretary edits all of it.
import type { GroupRole, MeetingKind, OrgProfile, UnitLevel } from './domain';

export const TEMPLATE_IDS = ['doi-thoai-co-so', 'doi-thoai-tinh', 'tiep-xuc-cu-tri'] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

export type MeetingTemplate = {
  id: TemplateId;
  label: string;
  /** The levels the template is offered for first; every level may still pick it. */
  levels: UnitLevel[];
  kind: MeetingKind;
  title: (unit: string) => string;
  audience: (unit: string) => string;
  groups: (unit: string) => { text: string; role: GroupRole }[];
};

export const MEETING_TEMPLATES: Record<TemplateId, MeetingTemplate> = {
  'doi-thoai-co-so': {
    id: 'doi-thoai-co-so',
    label: 'Đối thoại của người đứng đầu cấp ủy, chính quyền xã, phường với Nhân dân',
    levels: ['commune', 'district'],
    kind: 'đối thoại',
    title: (u) => `Hội nghị đối thoại giữa người đứng đầu cấp ủy, chính quyền với Nhân dân ${u}`.trim(),
    audience: (u) => `đại diện Nhân dân các thôn, tổ dân phố ${u}`.trim(),
    groups: (u) => [
      { text: 'các đồng chí Ủy viên Ban Thường vụ Đảng ủy', role: 'host' },
      { text: `lãnh đạo HĐND, UBND, Ủy ban MTTQ Việt Nam ${u}`.trim(), role: 'host' },
      { text: 'trưởng các ban, ngành, đoàn thể', role: 'host' },
      { text: 'bí thư chi bộ, trưởng thôn, tổ trưởng tổ dân phố', role: 'participant' },
    ],
  },
  'doi-thoai-tinh': {
    id: 'doi-thoai-tinh',
    label: 'Đối thoại của lãnh đạo tỉnh, thành phố với Nhân dân, doanh nghiệp hoặc đoàn viên, hội viên',
    levels: ['province'],
    kind: 'đối thoại',
    title: (u) => `Hội nghị đối thoại giữa lãnh đạo ${u || 'tỉnh'} với …`,
    audience: () => '',
    groups: (u) => [
      { text: 'lãnh đạo các sở, ban, ngành, đoàn thể tỉnh', role: 'host' },
      { text: `lãnh đạo Đảng ủy, UBND các xã, phường ${u ? `thuộc ${u}` : ''}`.trim(), role: 'host' },
    ],
  },
  'tiep-xuc-cu-tri': {
    id: 'tiep-xuc-cu-tri',
    label: 'Tiếp xúc cử tri của đại biểu HĐND trước (sau) kỳ họp',
    levels: ['commune', 'province', 'district'],
    kind: 'tiếp xúc cử tri',
    title: (u) => `Hội nghị tiếp xúc cử tri ${u} của đại biểu HĐND trước kỳ họp …`.replace(/\s{2,}/gu, ' '),
    audience: (u) => `cử tri ${u}`.trim(),
    groups: (u) => [
      { text: `Thường trực Đảng ủy, HĐND, UBND, Ủy ban MTTQ Việt Nam ${u}`.trim(), role: 'host' },
      { text: 'các ban, ngành, đoàn thể', role: 'host' },
    ],
  },
};

const NOUN_OF_LEVEL: Record<UnitLevel, string[]> = {
  commune: ['PHƯỜNG', 'XÃ', 'ĐẶC KHU', 'THỊ TRẤN'],
  province: ['THÀNH PHỐ', 'TỈNH'],
  district: ['QUẬN', 'HUYỆN', 'THỊ XÃ'],
};

const titleCase = (s: string): string =>
  s
    .toLocaleLowerCase('vi')
    .split(/\s+/u)
    .filter(Boolean)
    .map((w) => w[0]!.toLocaleUpperCase('vi') + w.slice(1))
    .join(' ');

/**
 * The office's own unit as prose: "UBND PHƯỜNG TÂY TỰU" → "phường Tây Tựu", "TỈNH ỦY LAI CHÂU" →
 * "tỉnh Lai Châu", "UBND PHƯỜNG 10" → "Phường 10" (a numbered unit keeps its capital, Phụ lục II).
 * Empty when the issuing body names no unit.
 */
export function unitOfProfile(p: Pick<OrgProfile, 'issuingBody' | 'level'> | null): string {
  if (!p) return '';
  const body = p.issuingBody.normalize('NFC').toLocaleUpperCase('vi').trim();
  const nouns = [...NOUN_OF_LEVEL[p.level], ...Object.values(NOUN_OF_LEVEL).flat()];
  for (const noun of nouns) {
    const m = new RegExp(`(?:^|\\s)${noun}(?:\\s+(?:ỦY|UỶ))?\\s+(.+)$`, 'u').exec(body);
    if (m?.[1]) {
      const name = titleCase(m[1]);
      const prose = noun.toLocaleLowerCase('vi');
      return /^\d/u.test(name) ? `${titleCase(noun)} ${name}` : `${prose} ${name}`;
    }
  }
  return '';
}

/** The templates in the order an office of this level is offered them. */
export function templatesFor(level: UnitLevel): MeetingTemplate[] {
  const all = Object.values(MEETING_TEMPLATES);
  return [...all.filter((t) => t.levels[0] === level || t.levels.includes(level)), ...all.filter((t) => !t.levels.includes(level))];
}
