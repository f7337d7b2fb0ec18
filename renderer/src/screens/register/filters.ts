// The register's filters, kept in the address (#/register?overdue=1&status=a,b…) so a link from
// Home opens the filtered list, a reload keeps it, and Back walks through what was looked at.
// Pure functions: the screen holds a FilterState, the core receives a RegisterFilter.
import type { RegisterFilter } from '../../../../electron/shared/followup';
import { isoToVnDate, vnDateToIso } from '../../lib/format';

export type FilterState = {
  statuses: string[];
  agency: string;
  topic: string;
  meetingId: number | null;
  /** As typed, dd/mm/yyyy; a date that is not real is left out of the query and shown as an error. */
  from: string;
  to: string;
  dueWithinDays: number | null;
  overdue: boolean;
  query: string;
};

export const EMPTY_FILTER: FilterState = { statuses: [], agency: '', topic: '', meetingId: null, from: '', to: '', dueWithinDays: null, overdue: false, query: '' };

const STATUS_KEY = /^[a-z0-9_]{1,40}$/;

function positiveInt(v: string | null, max: number): number | null {
  if (v === null || !/^\d{1,6}$/.test(v)) return null;
  const n = Number(v);
  return n >= 0 && n <= max ? n : null;
}

/** The address's part after "?" → the screen's filters; anything unreadable is dropped, never an error. */
export function parseFilterParams(params: string): FilterState {
  const p = new URLSearchParams(params);
  const iso = (k: string) => {
    const v = p.get(k) ?? '';
    // Only a day that exists: the address may have been typed or cut short.
    return /^\d{4}-\d{2}-\d{2}$/.test(v) && vnDateToIso(isoToVnDate(v)) === v ? isoToVnDate(v) : '';
  };
  return {
    statuses: (p.get('status') ?? '').split(',').filter((s) => STATUS_KEY.test(s)),
    agency: p.get('agency') ?? '',
    topic: p.get('topic') ?? '',
    meetingId: positiveInt(p.get('meeting'), 1e9) || null,
    from: iso('from'),
    to: iso('to'),
    dueWithinDays: positiveInt(p.get('due'), 3650),
    overdue: p.get('overdue') === '1',
    query: p.get('q') ?? '',
  };
}

/** The screen's filters → the address's part after "?"; empty filters leave no trace. */
export function filterParams(f: FilterState): string {
  const p = new URLSearchParams();
  if (f.statuses.length) p.set('status', f.statuses.join(','));
  if (f.agency.trim()) p.set('agency', f.agency.trim());
  if (f.topic.trim()) p.set('topic', f.topic.trim());
  if (f.meetingId) p.set('meeting', String(f.meetingId));
  const from = vnDateToIso(f.from);
  const to = vnDateToIso(f.to);
  if (from) p.set('from', from);
  if (to) p.set('to', to);
  if (f.dueWithinDays !== null) p.set('due', String(f.dueWithinDays));
  if (f.overdue) p.set('overdue', '1');
  if (f.query.trim()) p.set('q', f.query.trim());
  return p.toString();
}

/** A date field's problem, or null: empty is fine, a day that does not exist is not. */
export function dateProblem(v: string): string | null {
  return v.trim() && !vnDateToIso(v) ? 'Ngày không có thật hoặc sai dạng. Hãy gõ ngày/tháng/năm, ví dụ 01/10/2026.' : null;
}

/** What the core is asked: only the filters that are set and valid. */
export function toRegisterFilter(f: FilterState): RegisterFilter {
  const out: RegisterFilter = {};
  if (f.statuses.length) out.status = f.statuses;
  if (f.agency.trim()) out.agency = f.agency.trim();
  if (f.topic.trim()) out.topic = f.topic.trim();
  if (f.meetingId) out.meetingId = f.meetingId;
  const from = vnDateToIso(f.from);
  const to = vnDateToIso(f.to);
  if (from) out.from = from;
  if (to) out.to = to;
  if (f.dueWithinDays !== null) out.dueWithinDays = f.dueWithinDays;
  if (f.overdue) out.overdue = true;
  if (f.query.trim()) out.query = f.query.trim();
  return out;
}

/** How many filters are on, for the "Bỏ lọc (3)" button. */
export function activeFilterCount(f: FilterState): number {
  const r = toRegisterFilter(f);
  return Object.keys(r).length;
}

/** "còn 5 ngày", "đến hạn hôm nay", "quá hạn 3 ngày": the deadline as the secretary reads it. */
export function dueText(daysLeft: number | null, overdue: boolean): string {
  if (daysLeft === null) return '';
  // A closed item's deadline is history, not a warning.
  if (daysLeft < 0) return overdue ? `quá hạn ${-daysLeft} ngày` : '';
  return daysLeft === 0 ? 'đến hạn hôm nay' : `còn ${daysLeft} ngày`;
}

/** A status key from a new status's name: "Đã chuyển Thanh tra" → "da_chuyen_thanh_tra", unique among `taken`. */
export function statusKeyFrom(label: string, taken: readonly string[]): string {
  const base =
    label
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 34) || 'trang_thai';
  if (!taken.includes(base)) return base;
  for (let i = 2; ; i++) if (!taken.includes(`${base}_${i}`)) return `${base}_${i}`;
}
