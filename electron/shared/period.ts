// The reporting periods Vietnamese offices use (báo cáo tháng, quý, 6 tháng, 9 tháng, năm, or
// between two dates): their first and last day, and the label a report prints. Pure date
// arithmetic on ISO strings (YYYY-MM-DD), no time zones: a period is a list of calendar days.
import type { PeriodKind } from './followup';

export type PeriodSpec =
  | { kind: 'month'; year: number; month: number }
  | { kind: 'quarter'; year: number; quarter: 1 | 2 | 3 | 4 }
  /** half 1: "6 tháng đầu năm" (01/01–30/06); half 2: "6 tháng cuối năm" (01/07–31/12). */
  | { kind: 'half'; year: number; half: 1 | 2 }
  /** "9 tháng năm": 01/01–30/09, as offices report it before the year's end. */
  | { kind: 'nine_months'; year: number }
  | { kind: 'year'; year: number }
  | { kind: 'custom'; from: string; to: string };

export type DateRange = { from: string; to: string };

const ROMAN = ['I', 'II', 'III', 'IV'] as const;

const pad2 = (n: number): string => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number): string => `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;

/** Days in a month of the Gregorian calendar (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Parses YYYY-MM-DD into its numbers, or null when it is not a real calendar day. */
export function parseIsoDate(s: string): { y: number; m: number; d: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return { y, m: mo, d };
}

/** The first and last day of a period. */
export function periodRange(p: PeriodSpec): DateRange {
  switch (p.kind) {
    case 'month':
      return { from: iso(p.year, p.month, 1), to: iso(p.year, p.month, daysInMonth(p.year, p.month)) };
    case 'quarter': {
      const last = p.quarter * 3;
      return { from: iso(p.year, last - 2, 1), to: iso(p.year, last, daysInMonth(p.year, last)) };
    }
    case 'half':
      return p.half === 1 ? { from: iso(p.year, 1, 1), to: iso(p.year, 6, 30) } : { from: iso(p.year, 7, 1), to: iso(p.year, 12, 31) };
    case 'nine_months':
      return { from: iso(p.year, 1, 1), to: iso(p.year, 9, 30) };
    case 'year':
      return { from: iso(p.year, 1, 1), to: iso(p.year, 12, 31) };
    case 'custom':
      return { from: p.from, to: p.to };
  }
}

/** "01/10/2026": the short form the decree's texts use inside a sentence. */
export function dmy(isoDate: string): string {
  const d = parseIsoDate(isoDate);
  return d ? `${pad2(d.d)}/${pad2(d.m)}/${d.y}` : isoDate;
}

/**
 * The period as a report names it: "tháng 11 năm 2026", "Quý IV năm 2026", "6 tháng đầu năm 2026",
 * "6 tháng cuối năm 2026", "9 tháng năm 2026", "năm 2026", "từ ngày 01/10/2026 đến ngày 15/11/2026".
 * Lower case except the quarter, which offices write with a capital ("Quý IV"); a caller that
 * starts a sentence with it capitalises it.
 */
export function periodLabel(p: PeriodSpec): string {
  switch (p.kind) {
    case 'month':
      return `tháng ${p.month} năm ${p.year}`;
    case 'quarter':
      return `Quý ${ROMAN[p.quarter - 1]} năm ${p.year}`;
    case 'half':
      return `6 tháng ${p.half === 1 ? 'đầu' : 'cuối'} năm ${p.year}`;
    case 'nine_months':
      return `9 tháng năm ${p.year}`;
    case 'year':
      return `năm ${p.year}`;
    case 'custom':
      return p.from === p.to ? `ngày ${dmy(p.from)}` : `từ ngày ${dmy(p.from)} đến ngày ${dmy(p.to)}`;
  }
}

/**
 * The named period a range is exactly, or a custom one. `kind` says which name the caller wants
 * when one range has two (01/01–30/06 is both "6 tháng đầu năm" and a custom range): a range that
 * does not fit the kind asked is custom.
 */
export function periodFromRange(from: string, to: string, kind: PeriodKind = 'custom'): PeriodSpec {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  const custom: PeriodSpec = { kind: 'custom', from, to };
  if (!a || !b || a.y !== b.y || a.d !== 1 || b.d !== daysInMonth(b.y, b.m)) return custom;
  const year = a.y;
  const candidates: PeriodSpec[] = [];
  if (a.m === b.m) candidates.push({ kind: 'month', year, month: a.m });
  if (b.m - a.m === 2 && a.m % 3 === 1) candidates.push({ kind: 'quarter', year, quarter: ((a.m + 2) / 3) as 1 | 2 | 3 | 4 });
  if (a.m === 1 && b.m === 6) candidates.push({ kind: 'half', year, half: 1 });
  if (a.m === 7 && b.m === 12) candidates.push({ kind: 'half', year, half: 2 });
  if (a.m === 1 && b.m === 9) candidates.push({ kind: 'nine_months', year });
  if (a.m === 1 && b.m === 12) candidates.push({ kind: 'year', year });
  return candidates.find((c) => c.kind === kind) ?? custom;
}

/** The label of a range, named as `kind` when it is exactly such a period. */
export function rangeLabel(from: string, to: string, kind: PeriodKind = 'custom'): string {
  return periodLabel(periodFromRange(from, to, kind));
}

/** The day before an ISO date ("2026-10-01" → "2026-09-30"): the end of the carried-over count. */
export function dayBefore(isoDate: string): string {
  const d = parseIsoDate(isoDate);
  if (!d) return isoDate;
  if (d.d > 1) return iso(d.y, d.m, d.d - 1);
  if (d.m > 1) return iso(d.y, d.m - 1, daysInMonth(d.y, d.m - 1));
  return iso(d.y - 1, 12, 31);
}

/** The period of a kind that contains a day (the report screen's default: the current quarter…). */
export function periodContaining(kind: Exclude<PeriodKind, 'custom'>, isoDate: string): PeriodSpec {
  const d = parseIsoDate(isoDate) ?? { y: 1970, m: 1, d: 1 };
  switch (kind) {
    case 'month':
      return { kind, year: d.y, month: d.m };
    case 'quarter':
      return { kind, year: d.y, quarter: (Math.floor((d.m - 1) / 3) + 1) as 1 | 2 | 3 | 4 };
    case 'half':
      return { kind, year: d.y, half: d.m <= 6 ? 1 : 2 };
    case 'nine_months':
      return { kind, year: d.y };
    case 'year':
      return { kind, year: d.y };
  }
}
