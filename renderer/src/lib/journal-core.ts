// The unacknowledged-edits journal. Every write the save queue sends is recorded in the page's
// own storage (IndexedDB in the app, a Map in tests) before it leaves, and removed only when the
// core has answered it: saved, or refused for good. So text typed while the backend is gone (the
// web server killed, the core worker restarting) is still on this machine when the page is
// reloaded, and `recover()` sends it again on the next start and says what came back.
// DOM-free on purpose: the storage is injected, so this file is unit-tested in Node.
import type { Result } from '../../../electron/shared/result';

/** Errors that a retry cannot fix: the value itself is refused. The field shows the message. */
const PERMANENT = new Set(['validation', 'locked', 'not_found', 'duplicate']);

export function isPermanent(code: string): boolean {
  return PERMANENT.has(code);
}

export type JournalEntry = {
  /** The save queue's key: one entry per field, only its newest unacknowledged value. */
  key: string;
  /** Which write this is, so an answer to an older write never removes a newer one. */
  id: string;
  channel: string;
  input: unknown;
  /** Date.now() when sent: replay order. */
  at: number;
};

export type JournalStore = {
  put(entry: JournalEntry): Promise<void>;
  /** Removes the entry for `key` only if it is still the write `id`. */
  remove(key: string, id: string): Promise<void>;
  list(): Promise<JournalEntry[]>;
};

export type RecoveredEdit = { key: string; text: string };
export type RecoveryReport = {
  /** Written now: they had not reached the database before. */
  recovered: RecoveredEdit[];
  /** Refused by the core (e.g. the meeting was deleted): shown so the secretary can copy them. */
  refused: (RecoveredEdit & { message: string })[];
  /** The backend could not be reached again: kept for the next start. */
  kept: number;
};

export type Call = (channel: string, input: unknown) => Promise<Result<unknown>>;

/** How long a write waits for its journal entry to be stored before it is sent anyway. */
export const STORE_WAIT_MS = 1_000;

// The key of the save-queue job being started. The queue sets it around the synchronous start of
// a job, so api.call knows which field a write belongs to without every caller passing it along.
let currentKey: string | null = null;

export function withJournalKey<T>(key: string, start: () => T): T {
  const previous = currentKey;
  currentKey = key;
  try {
    return start();
  } finally {
    currentKey = previous;
  }
}

export function currentJournalKey(): string | null {
  return currentKey;
}

// Set while the save queue looks ahead at a job that must wait behind a write in flight.
let peeking = false;
let peekRecorded = false;

/**
 * Journals the write a queued job will send, before it is sent. The queue keeps one write in
 * flight per field and the newest text waiting behind it; if the backend hangs or dies, that
 * waiting text would otherwise be in no journal and a reload would lose it. `start` runs with a
 * journaled transport that records its first call under `key` (replacing the field's entry) and
 * sends nothing: the call's promise never settles, so nothing chained on it runs. So a queued
 * job must make its write as its first, synchronous `api.call` (every job in the renderer does).
 * Returns whether a write was recorded.
 */
export function journalAhead(key: string, start: () => unknown): boolean {
  const outer = { peeking, peekRecorded };
  peeking = true;
  peekRecorded = false;
  let recorded = false;
  try {
    withJournalKey(key, start);
  } catch {
    // A job that throws before sending is reported when it really runs.
  } finally {
    recorded = peekRecorded;
    peeking = outer.peeking;
    peekRecorded = outer.peekRecorded;
  }
  return recorded;
}

/** The words of an edit, for the message that says what was recovered: its strings, longest first. */
export function editText(input: unknown): string {
  const strings: string[] = [];
  const walk = (v: unknown, depth: number): void => {
    if (depth > 6) return;
    if (typeof v === 'string') strings.push(v);
    else if (Array.isArray(v)) v.forEach((x) => walk(x, depth + 1));
    else if (v && typeof v === 'object') Object.values(v).forEach((x) => walk(x, depth + 1));
  };
  walk(input, 0);
  return strings
    .filter((s) => s.trim() !== '')
    .sort((a, b) => b.length - a.length)
    .join(' · ');
}

export class Journal {
  private n = 0;
  // Store operations run one after another, in the order they were asked for: a removal can
  // never overtake the put it answers.
  private chain: Promise<void> = Promise.resolve();
  private failedOnce = false;

  constructor(
    private readonly store: JournalStore,
    private readonly loadId: string = Math.random().toString(36).slice(2),
    private readonly onStoreError: (e: unknown) => void = () => undefined,
  ) {}

  private run(op: () => Promise<void>): void {
    this.chain = this.chain.then(op).catch((e: unknown) => {
      // A journal that cannot write (private mode, full disk) must never stop a save: the
      // queue still holds the value in memory and retries it.
      if (!this.failedOnce) this.onStoreError(e);
      this.failedOnce = true;
    });
  }

  // The newest entry recorded for each field, and the one last written to the store. A put
  // writes the field's newest entry when its turn comes, so a burst of keystrokes costs one
  // store write per turn of the chain, not one per keystroke, and the chain never lags behind
  // the typing (see `journaled`: a write is sent only once its entry is stored).
  private readonly newest = new Map<string, JournalEntry>();
  private readonly stored = new Map<string, string>();

  /** Records a write about to be sent (or queued behind one in flight); returns its id for `settle`. */
  record(key: string, channel: string, input: unknown): string {
    const id = `${this.loadId}-${++this.n}`;
    this.newest.set(key, { key, id, channel, input, at: Date.now() });
    this.run(async () => {
      const e = this.newest.get(key);
      if (!e || this.stored.get(key) === e.id) return;
      await this.store.put(e);
      this.stored.set(key, e.id);
    });
    return id;
  }

  /** The core answered write `id`: forget it unless the answer says "try again later". */
  settle(key: string, id: string, r: Result<unknown>): void {
    if (!r.ok && !isPermanent(r.error.code)) return;
    this.run(async () => {
      await this.store.remove(key, id);
      if (this.newest.get(key)?.id === id) this.newest.delete(key);
      if (this.stored.get(key) === id) this.stored.delete(key);
    });
  }

  /** Resolves once every record and removal asked for so far has reached the store. */
  persisted(): Promise<void> {
    return this.chain;
  }

  /** `persisted()`, or after `ms` if the store takes longer (a stuck IndexedDB). */
  async persistedWithin(ms: number): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
    try {
      await Promise.race([this.chain, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Sends every entry left by an earlier page (oldest first) and reports what happened. */
  async recover(call: Call): Promise<RecoveryReport> {
    await this.chain;
    const report: RecoveryReport = { recovered: [], refused: [], kept: 0 };
    const entries = (await this.store.list()).sort((a, b) => a.at - b.at);
    for (const e of entries) {
      const r = await call(e.channel, e.input);
      const text = editText(e.input);
      if (r.ok) report.recovered.push({ key: e.key, text });
      else if (isPermanent(r.error.code)) report.refused.push({ key: e.key, text, message: r.error.message });
      else {
        report.kept++;
        continue;
      }
      await this.store.remove(e.key, e.id);
    }
    return report;
  }
}

/**
 * Wraps a transport so that a write started by the save queue (inside withJournalKey) is in the
 * journal from before it is sent until the core answers it for good.
 */
export function journaled(journal: Journal, call: Call): Call {
  return async (channel, input) => {
    const key = currentJournalKey();
    if (peeking) {
      if (key !== null && !peekRecorded) {
        journal.record(key, channel, input);
        peekRecorded = true;
      }
      return new Promise<never>(() => undefined);
    }
    if (key === null) return call(channel, input);
    const id = journal.record(key, channel, input);
    // Sent only once its entry is stored: then the newest acknowledged write of a field is never
    // older than the field's entry in the store, so a page closed with the store still catching up
    // can never leave an older text there for the next start to replay over a newer one. Bounded:
    // a store that never answers must not stop the saves.
    await journal.persistedWithin(STORE_WAIT_MS);
    const r = await call(channel, input);
    journal.settle(key, id, r);
    return r;
  };
}

/** A store in memory: for tests, and the fallback where the browser offers no IndexedDB. */
export function memoryStore(): JournalStore & { entries: Map<string, JournalEntry> } {
  const entries = new Map<string, JournalEntry>();
  return {
    entries,
    put: (e) => {
      entries.set(e.key, structuredClone(e));
      return Promise.resolve();
    },
    remove: (key, id) => {
      if (entries.get(key)?.id === id) entries.delete(key);
      return Promise.resolve();
    },
    list: () => Promise.resolve([...entries.values()].map((e) => structuredClone(e))),
  };
}
