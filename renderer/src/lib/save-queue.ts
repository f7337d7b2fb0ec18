// Every keystroke's save goes through this queue. It coalesces by field (only the newest value
// of a field is written), runs one write at a time in order, and never drops a value: a failed
// write stays queued and is retried until it succeeds or a newer value replaces it. The status
// it publishes drives the quiet "Đã lưu hh:mm:ss" indicator and the error banner.
import type { Result } from '../../../electron/shared/result';
import { isPermanent, journalAhead, withJournalKey } from './journal-core';

export type SaveStatus =
  | { state: 'idle' }
  | { state: 'saving'; pending: number }
  | { state: 'saved'; at: Date }
  | { state: 'error'; message: string; pending: number };

type Job = { key: string; run: () => Promise<Result<unknown>>; onDone?: (r: Result<unknown>) => void };

export const RETRY_MS = 2000;

export type SaveQueueOptions = {
  /**
   * Journal a job that has to wait behind a write in flight when it is queued (journalAhead), not
   * only when it starts. The app's queue does: its jobs all write through the journaled api.
   * Off for a queue whose jobs are plain functions (running one ahead would send it twice).
   */
  journalAhead?: boolean;
};

export class SaveQueue {
  constructor(private readonly options: SaveQueueOptions = {}) {}

  private readonly jobs = new Map<string, Job>();
  private running = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private status: SaveStatus = { state: 'idle' };
  private readonly listeners = new Set<(s: SaveStatus) => void>();
  private idleWaiters: (() => void)[] = [];
  private runningKey: string | null = null;
  private readonly changeListeners = new Set<() => void>();

  subscribe(fn: (s: SaveStatus) => void): () => void {
    this.listeners.add(fn);
    fn(this.status);
    return () => this.listeners.delete(fn);
  }

  get pending(): number {
    return this.jobs.size + (this.running ? 1 : 0);
  }

  /** The fields with a value not yet written: queued, being written or waiting for a retry. */
  pendingKeys(): Set<string> {
    const keys = new Set(this.jobs.keys());
    if (this.runningKey !== null) keys.add(this.runningKey);
    return keys;
  }

  /** Whether `key` has a value not yet written (queued, being written or waiting for a retry). */
  has(key: string): boolean {
    return this.runningKey === key || this.jobs.has(key);
  }

  /** Called whenever the set of pending keys may have changed (for the page's unsaved count). */
  onChange(fn: () => void): () => void {
    this.changeListeners.add(fn);
    return () => this.changeListeners.delete(fn);
  }

  private changed(): void {
    for (const fn of this.changeListeners) fn();
  }

  /** Queues the newest write for `key`, replacing an older one not yet started. */
  enqueue(key: string, run: Job['run'], onDone?: Job['onDone']): void {
    this.jobs.delete(key);
    this.jobs.set(key, { key, run, onDone });
    // Behind a write in flight (perhaps one that will never be answered: the server died), the
    // newest text waits here; it goes into the journal now, replacing the field's older entry.
    if (this.running && this.options.journalAhead) journalAhead(key, run);
    this.changed();
    void this.pump();
  }

  /** Resolves once everything queued so far is written (or has failed permanently). */
  idle(): Promise<void> {
    if (!this.running && this.jobs.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private publish(s: SaveStatus): void {
    this.status = s;
    for (const fn of this.listeners) fn(s);
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.jobs.size > 0) {
        const [key, job] = this.jobs.entries().next().value as [string, Job];
        this.jobs.delete(key);
        this.runningKey = key;
        this.publish({ state: 'saving', pending: this.jobs.size + 1 });
        // The key tells the journal (via api.call) which field this write belongs to.
        const r = await withJournalKey(key, job.run);
        this.runningKey = null;
        job.onDone?.(r);
        if (!r.ok && !isPermanent(r.error.code)) {
          // Keep it unless the user has typed something newer for the same field meanwhile.
          if (!this.jobs.has(key)) this.jobs.set(key, job);
          this.publish({ state: 'error', message: r.error.message, pending: this.jobs.size });
          this.scheduleRetry();
          return;
        }
        if (!r.ok) this.publish({ state: 'error', message: r.error.message, pending: this.jobs.size });
        else if (this.jobs.size === 0) this.publish({ state: 'saved', at: new Date() });
        this.changed();
      }
    } finally {
      this.running = false;
      this.runningKey = null;
      this.changed();
      if (this.jobs.size === 0) {
        const waiters = this.idleWaiters;
        this.idleWaiters = [];
        waiters.forEach((w) => w());
      }
    }
  }

  private scheduleRetry(): void {
    if (this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.pump();
    }, RETRY_MS);
  }
}

export const saveQueue = new SaveQueue({ journalAhead: true });
