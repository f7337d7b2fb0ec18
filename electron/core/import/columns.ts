// Which column is which. Offices name their columns every which way ("Họ tên", "Họ và tên",
// "HO TEN", "Chức danh"), so headers are folded (no diacritics, no punctuation) and matched
// against known variants, exact match first, then the longest known phrase the header contains.
import { fold } from '../../shared/vi/fold';
import type { ImportKind } from '../../shared/imports';
import type { Role } from '../../shared/domain';
import { LIMITS } from '../../shared/limits';
import type { Cell } from './read';

export type FieldSpec = { key: string; label: string; required: boolean; max: number; aliases: string[] };

export const ROSTER_FIELDS: FieldSpec[] = [
  { key: 'fullName', label: 'Họ tên', required: true, max: LIMITS.shortText, aliases: ['ho ten', 'ho va ten', 'ten', 'ho ten dai bieu', 'ten dai bieu', 'ho va ten dai bieu', 'full name', 'name'] },
  { key: 'titles', label: 'Chức vụ', required: false, max: LIMITS.shortText, aliases: ['chuc vu', 'chuc danh', 'chuc vu chuc danh', 'chuc danh chuc vu', 'chuc vu hien tai', 'title', 'titles'] },
  { key: 'organization', label: 'Đơn vị', required: false, max: LIMITS.shortText, aliases: ['don vi', 'co quan', 'don vi cong tac', 'co quan don vi', 'noi cong tac', 'to chuc', 'organization'] },
  { key: 'role', label: 'Vai trò', required: false, max: LIMITS.shortText, aliases: ['vai tro', 'vai tro tai hoi nghi', 'thanh phan', 'role'] },
];

export const REC_FIELDS: FieldSpec[] = [
  { key: 'raisedByText', label: 'Người kiến nghị', required: false, max: LIMITS.shortText, aliases: ['nguoi kien nghi', 'nguoi neu', 'nguoi neu kien nghi', 'nguoi de xuat', 'nguoi gui', 'cu tri', 'ho ten', 'ho va ten', 'ho ten nguoi kien nghi', 'nguoi kien nghi de xuat'] },
  { key: 'unit', label: 'Đơn vị', required: false, max: LIMITS.shortText, aliases: ['don vi', 'co quan', 'dia ban', 'don vi dia ban', 'noi cong tac', 'dia chi', 'don vi cong tac'] },
  { key: 'topic', label: 'Lĩnh vực', required: false, max: LIMITS.shortText, aliases: ['linh vuc', 'chu de', 'nhom van de', 'van de', 'nhom linh vuc'] },
  { key: 'content', label: 'Nội dung kiến nghị', required: true, max: LIMITS.longText, aliases: ['noi dung', 'noi dung kien nghi', 'kien nghi', 'y kien kien nghi', 'y kien', 'noi dung y kien kien nghi'] },
  { key: 'shortPhrase', label: 'Cụm tóm tắt', required: false, max: 1_000, aliases: ['cum tom tat', 'tom tat', 'tom tat ngan', 'cum tu tom tat', 'noi dung tom tat'] },
  { key: 'responderText', label: 'Người / cơ quan trả lời', required: false, max: LIMITS.shortText, aliases: ['nguoi tra loi', 'co quan tra loi', 'nguoi co quan tra loi', 'don vi tra loi', 'co quan don vi tra loi', 'nguoi co quan don vi tra loi', 'don vi co quan tra loi'] },
  { key: 'replyContent', label: 'Nội dung trả lời', required: false, max: LIMITS.longText, aliases: ['noi dung tra loi', 'tra loi', 'y kien tra loi', 'ket qua tra loi', 'ket qua giai quyet', 'noi dung tra loi bang van ban'] },
];

/** Headers that are expected and carry nothing to import (row numbers, notes). */
const IGNORED = new Set(['stt', 'tt', 'so tt', 'so thu tu', 'ghi chu', 'no']);

export const fieldsFor = (kind: ImportKind): FieldSpec[] => (kind === 'roster' ? ROSTER_FIELDS : REC_FIELDS);

export const normHeader = (h: string): string =>
  fold(h)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

export type HeaderMatch = { byField: Map<string, number>; ignored: string[]; duplicates: string[] };

/** Maps each field to the index of the first column whose header names it. */
export function matchHeaders(kind: ImportKind, header: Cell[]): HeaderMatch {
  const fields = fieldsFor(kind);
  const byField = new Map<string, number>();
  const ignored: string[] = [];
  const duplicates: string[] = [];
  header.forEach((cell, col) => {
    const h = normHeader(cell.text);
    if (!h) return;
    let best: { key: string; len: number } | null = null;
    for (const f of fields)
      for (const a of f.aliases) {
        if (h === a) best = { key: f.key, len: Number.MAX_SAFE_INTEGER };
        else if ((` ${h} `).includes(` ${a} `) && (!best || a.length > best.len)) best = { key: f.key, len: a.length };
      }
    if (!best) {
      if (!IGNORED.has(h)) ignored.push(cell.text);
      return;
    }
    if (byField.has(best.key)) duplicates.push(cell.text);
    else byField.set(best.key, col);
  });
  return { byField, ignored, duplicates };
}

/** The first of the top rows that names every required column (files often start with a title row). */
export function findHeaderRow(kind: ImportKind, rows: Cell[][]): { index: number; match: HeaderMatch } | null {
  const required = fieldsFor(kind).filter((f) => f.required);
  for (let i = 0; i < Math.min(rows.length, 10); i++) {
    const match = matchHeaders(kind, rows[i]!);
    if (required.every((f) => match.byField.has(f.key))) return { index: i, match };
  }
  return null;
}

// Role words as secretaries write them. Checked in this order: "lãnh đạo chủ trì địa phương" is
// the label for a host, so "lãnh đạo" must win over "chủ trì".
const ROLE_WORDS: [string, Role][] = [
  ['khach moi', 'guest'],
  ['lanh dao', 'host'],
  ['chu tri', 'chair'],
  ['chu toa', 'chair'],
  ['bao cao', 'reporter'],
  ['tra loi', 'responder'],
  ['giai trinh', 'responder'],
  ['dai bieu', 'delegate'],
];
const ROLE_KEYS: Role[] = ['guest', 'host', 'chair', 'reporter', 'delegate', 'responder'];

export const ROLE_WORDS_HINT = 'khách mời, chủ trì, lãnh đạo, báo cáo, đại biểu, trả lời';

/** A Vietnamese role word to a role; '' means the default (delegate); null means not understood. */
export function parseRole(text: string): Role | null {
  const f = normHeader(text);
  if (!f) return 'delegate';
  if ((ROLE_KEYS as string[]).includes(f)) return f as Role;
  for (const [word, role] of ROLE_WORDS) if (` ${f} `.includes(` ${word} `)) return role;
  return null;
}

/**
 * Titles as written. With a semicolon the file separates titles by ";" and commas stay inside a
 * title ("Trưởng phòng Tài nguyên, Môi trường"); without one, ", " separates them the way the
 * article prints them ("TUV, Bí thư Quận ủy").
 */
export function splitTitles(text: string): string[] {
  const parts = text.includes(';') ? text.split(';') : text.split(/,\s+/);
  return parts.map((t) => t.trim()).filter(Boolean);
}
