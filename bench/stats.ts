// Percentiles by the nearest-rank method: with 200 samples, p99 is the second largest, a real
// observed value rather than an interpolation between two.

export function percentile(xs: readonly number[], p: number): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * s.length);
  return s[Math.min(s.length - 1, Math.max(0, rank - 1))];
}

export const round = (x: number | null, digits = 1): number | null => (x === null || !Number.isFinite(x) ? null : Math.round(x * 10 ** digits) / 10 ** digits);

export const median = (xs: readonly number[]): number | null => percentile(xs, 50);

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Time of a synchronous call in milliseconds, with its result. */
export function timed<T>(fn: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = fn();
  return { ms: performance.now() - t0, value };
}
