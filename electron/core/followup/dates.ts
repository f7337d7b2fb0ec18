// Calendar dates for the register. Deadlines and received dates are the secretary's local
// calendar dates (YYYY-MM-DD); events carry UTC instants. "The end of day D" is local midnight
// after D, so an event belongs to the day the secretary saw on the clock.

const pad = (n: number): string => String(n).padStart(2, '0');

/** The local calendar date of an instant. */
export function localDate(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Parses YYYY-MM-DD as a local date (noon, so a DST shift never moves it to another day). */
function parseLocal(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 12);
}

export function addDays(iso: string, days: number): string {
  const d = parseLocal(iso);
  d.setDate(d.getDate() + days);
  return localDate(d);
}

/** Whole days from `a` to `b` (negative when b is before a). */
export function daysBetween(a: string, b: string): number {
  const [ya, ma, da] = a.split('-').map(Number) as [number, number, number];
  const [yb, mb, db] = b.split('-').map(Number) as [number, number, number];
  return Math.round((Date.UTC(yb, mb - 1, db) - Date.UTC(ya, ma - 1, da)) / 86_400_000);
}

/** The UTC instant (ISO) at which local day `iso` ends: events before it happened on or before that day. */
export function endOfDayIso(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + 1, 0, 0, 0, 0).toISOString();
}

/** dd/mm/yyyy, as every date on screen. */
export function viDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}
