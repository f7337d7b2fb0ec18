// The benchmark's seeded generator (mulberry32), so a failing random case can be replayed.
export { rng } from '../../../bench/data';

/** A date `days` after 2024-01-01. */
export function dayOf(days: number): string {
  const d = new Date(Date.UTC(2024, 0, 1 + days));
  return d.toISOString().slice(0, 10);
}
