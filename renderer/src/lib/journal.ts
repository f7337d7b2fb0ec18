// The page's one journal of unacknowledged edits (see journal-core.ts), kept in IndexedDB, and
// what the last start recovered from it, for the save indicator to show.
import { Journal, memoryStore, type Call, type RecoveryReport } from './journal-core';
import { idbStore } from './journal-idb';

export const journal = new Journal(typeof indexedDB === 'undefined' ? memoryStore() : idbStore(), undefined, (e) =>
  console.warn('[journal] IndexedDB unavailable; unsaved edits are kept in memory only', e),
);

let report: RecoveryReport | null = null;
const listeners = new Set<(r: RecoveryReport | null) => void>();

export function recoveryReport(): RecoveryReport | null {
  return report;
}

export function subscribeRecovery(fn: (r: RecoveryReport | null) => void): () => void {
  listeners.add(fn);
  fn(report);
  return () => listeners.delete(fn);
}

export function dismissRecovery(): void {
  report = null;
  for (const fn of listeners) fn(report);
}

const RECOVERY_BOUND_MS = 10_000;

/**
 * Replays what an earlier page left unacknowledged, before the screens load their data (so they
 * show it). Bounded: a journal that does not answer never keeps the app from opening.
 */
export async function recoverJournal(call: Call): Promise<void> {
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), RECOVERY_BOUND_MS));
  try {
    const r = await Promise.race([journal.recover(call), timeout]);
    if (r && (r.recovered.length > 0 || r.refused.length > 0)) {
      report = r;
      for (const fn of listeners) fn(report);
    }
  } catch (e) {
    console.warn('[journal] recovery failed', e);
  }
}
