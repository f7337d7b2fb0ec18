// The save queue: one write at a time, newest value per field, a failed write kept and retried
// (never dropped), a refused one not retried. Fake timers, a writer that fails on demand.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RETRY_MS, SaveQueue, type SaveStatus } from '../../../renderer/src/lib/save-queue';
import type { Result } from '../../../electron/shared/result';

const OK: Result<unknown> = { ok: true, value: null };
const OFFLINE: Result<unknown> = { ok: false, error: { code: 'offline', message: 'Không kết nối được' } };
const REFUSED: Result<unknown> = { ok: false, error: { code: 'validation', message: 'Quá dài' } };

/** A store that records what reached it, and fails the next `failures` writes. */
function writer() {
  const stored: string[] = [];
  const calls: string[] = [];
  let failures: Result<unknown>[] = [];
  return {
    stored,
    calls,
    failNext(...rs: Result<unknown>[]) {
      failures = rs;
    },
    write(v: string) {
      return async (): Promise<Result<unknown>> => {
        calls.push(v);
        await Promise.resolve();
        const f = failures.shift();
        if (f) return f;
        stored.push(v);
        return OK;
      };
    },
  };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('save queue', () => {
  it('writes each queued value and reports saved, then nothing is pending', async () => {
    const q = new SaveQueue();
    const w = writer();
    const statuses: SaveStatus['state'][] = [];
    q.subscribe((s) => statuses.push(s.state));
    q.enqueue('a', w.write('1'));
    q.enqueue('b', w.write('2'));
    expect(q.pendingKeys()).toEqual(new Set(['a', 'b']));
    await q.idle();
    expect(w.stored).toEqual(['1', '2']);
    expect(q.pending).toBe(0);
    expect(q.pendingKeys().size).toBe(0);
    expect(statuses).toEqual(['idle', 'saving', 'saving', 'saved']);
  });

  it('keeps only the newest value of a field that is not started yet', async () => {
    const q = new SaveQueue();
    const w = writer();
    q.enqueue('a', w.write('a1')); // starts at once
    q.enqueue('b', w.write('b1'));
    q.enqueue('b', w.write('b2'));
    q.enqueue('b', w.write('b3'));
    await q.idle();
    expect(w.calls).toEqual(['a1', 'b3']);
  });

  it('keeps a failed write and retries it after RETRY_MS until it is stored', async () => {
    const q = new SaveQueue();
    const w = writer();
    const statuses: SaveStatus[] = [];
    q.subscribe((s) => statuses.push(s));
    w.failNext(OFFLINE, OFFLINE);
    q.enqueue('content', w.write('Đề nghị'));
    await vi.advanceTimersByTimeAsync(0);
    expect(w.calls).toEqual(['Đề nghị']);
    expect(w.stored).toEqual([]);
    expect(q.pendingKeys()).toEqual(new Set(['content']));
    expect(statuses.at(-1)).toMatchObject({ state: 'error', message: 'Không kết nối được', pending: 1 });

    await vi.advanceTimersByTimeAsync(RETRY_MS - 1);
    expect(w.calls).toHaveLength(1); // not before the retry delay
    await vi.advanceTimersByTimeAsync(1);
    expect(w.calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(RETRY_MS);
    expect(w.calls).toHaveLength(3);
    expect(w.stored).toEqual(['Đề nghị']);
    expect(q.pending).toBe(0);
    expect(statuses.at(-1)?.state).toBe('saved');
  });

  it('idle() waits through a retry: it resolves only once the failed value is stored', async () => {
    const q = new SaveQueue();
    const w = writer();
    w.failNext(OFFLINE);
    q.enqueue('k', w.write('v'));
    let idle = false;
    void q.idle().then(() => (idle = true));
    await vi.advanceTimersByTimeAsync(RETRY_MS - 1);
    expect(idle).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(idle).toBe(true);
    expect(w.stored).toEqual(['v']);
  });

  it('retries the newest value when the field changed while its write was failing', async () => {
    const q = new SaveQueue();
    const w = writer();
    w.failNext(OFFLINE);
    q.enqueue('k', w.write('old'));
    await vi.advanceTimersByTimeAsync(0);
    q.enqueue('k', w.write('new')); // pumps at once: the queue is not running
    await vi.advanceTimersByTimeAsync(RETRY_MS * 2);
    expect(w.stored).toEqual(['new']);
    expect(w.calls.filter((c) => c === 'old')).toHaveLength(1);
  });

  it('does not retry a value the core refused; the field shows the message instead', async () => {
    const q = new SaveQueue();
    const w = writer();
    const answers: Result<unknown>[] = [];
    w.failNext(REFUSED);
    q.enqueue('k', w.write('x'), (r) => answers.push(r));
    await vi.advanceTimersByTimeAsync(RETRY_MS * 3);
    expect(w.calls).toEqual(['x']);
    expect(answers).toEqual([REFUSED]);
    expect(q.pending).toBe(0);
  });

  it('tells listeners when the pending set changes, and stops when unsubscribed', async () => {
    const q = new SaveQueue();
    const w = writer();
    const seen: number[] = [];
    const off = q.onChange(() => seen.push(q.pendingKeys().size));
    q.enqueue('a', w.write('1'));
    await q.idle();
    expect(seen[0]).toBe(1);
    expect(seen.at(-1)).toBe(0);
    off();
    const before = seen.length;
    q.enqueue('a', w.write('2'));
    await q.idle();
    expect(seen).toHaveLength(before);
  });

  it('has(key): true while the field has a value queued, being written or waiting for a retry; false once stored', async () => {
    const q = new SaveQueue();
    const w = writer();
    expect(q.has('a')).toBe(false);
    w.failNext(OFFLINE);
    q.enqueue('a', w.write('1')); // running
    q.enqueue('b', w.write('2')); // queued behind it
    expect(q.has('a')).toBe(true);
    expect(q.has('b')).toBe(true);
    expect(q.has('c')).toBe(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(q.has('a')).toBe(true); // failed, waiting for its retry
    await vi.advanceTimersByTimeAsync(RETRY_MS);
    expect(w.stored.sort()).toEqual(['1', '2']);
    expect(q.has('a')).toBe(false);
    expect(q.has('b')).toBe(false);
  });

  it('says how many writes are pending while it saves: the one in flight and those queued', async () => {
    const q = new SaveQueue();
    const w = writer();
    const statuses: SaveStatus[] = [];
    q.subscribe((st) => statuses.push(st));
    q.enqueue('a', w.write('1'));
    q.enqueue('b', w.write('2'));
    expect(q.pending).toBe(2);
    expect(statuses[1]).toEqual({ state: 'saving', pending: 1 }); // published when a started, b not yet queued
    await q.idle();
    expect(statuses.slice(2, 3)).toEqual([{ state: 'saving', pending: 1 }]);
    expect(q.pending).toBe(0);
  });

  it('a refused value is reported as an error with the core\'s message, and the queue goes on', async () => {
    const q = new SaveQueue();
    const w = writer();
    const statuses: SaveStatus[] = [];
    q.subscribe((st) => statuses.push(st));
    w.failNext(REFUSED);
    q.enqueue('a', w.write('x'));
    await vi.advanceTimersByTimeAsync(0);
    expect(statuses.at(-1)).toEqual({ state: 'error', message: 'Quá dài', pending: 0 });
    q.enqueue('b', w.write('y'));
    await q.idle();
    expect(w.stored).toEqual(['y']);
    expect(statuses.at(-1)?.state).toBe('saved');
  });

  it('writes fields in the order of their newest change: a field typed again goes behind the others', async () => {
    const q = new SaveQueue();
    const w = writer();
    q.enqueue('a', w.write('a1')); // starts at once
    q.enqueue('b', w.write('b1'));
    q.enqueue('c', w.write('c1'));
    q.enqueue('b', w.write('b2'));
    await q.idle();
    expect(w.calls).toEqual(['a1', 'c1', 'b2']);
  });

  it('tells listeners after each write, not only at the end: the count follows write by write', async () => {
    const q = new SaveQueue();
    const w = writer();
    const seen: string[] = [];
    q.onChange(() => seen.push([...q.pendingKeys()].join(',')));
    q.enqueue('a', w.write('1'));
    q.enqueue('b', w.write('2'));
    await q.idle();
    expect(seen).toContain('b'); // a written, b in flight
    expect(seen.at(-1)).toBe('');
  });

  it('one retry timer at a time, however many writes fail meanwhile', async () => {
    const q = new SaveQueue();
    const w = writer();
    w.failNext(OFFLINE, OFFLINE, OFFLINE);
    q.enqueue('a', w.write('1')); // fails at 0; retry due at RETRY_MS
    await vi.advanceTimersByTimeAsync(RETRY_MS / 2);
    q.enqueue('b', w.write('2')); // pumps now: a again (fails), no second timer
    await vi.advanceTimersByTimeAsync(0);
    expect(w.calls).toEqual(['1', '1']);
    // The one timer: the first write in line (b, a failed behind it) fails a third time; next retry at 2 × RETRY_MS.
    await vi.advanceTimersByTimeAsync(RETRY_MS / 2);
    expect(w.calls).toEqual(['1', '1', '2']);
    await vi.advanceTimersByTimeAsync(RETRY_MS / 2 + 1);
    expect(w.calls).toEqual(['1', '1', '2']); // no stray timer from the failure at RETRY_MS / 2
    await vi.advanceTimersByTimeAsync(RETRY_MS);
    expect(w.stored.sort()).toEqual(['1', '2']);
  });

  it('subscribe() gives the current status at once and stops once unsubscribed', async () => {
    const q = new SaveQueue();
    const w = writer();
    const seen: SaveStatus['state'][] = [];
    const off = q.subscribe((st) => seen.push(st.state));
    expect(seen).toEqual(['idle']);
    off();
    q.enqueue('a', w.write('1'));
    await q.idle();
    expect(seen).toEqual(['idle']);
    const late: SaveStatus['state'][] = [];
    q.subscribe((st) => late.push(st.state));
    expect(late).toEqual(['saved']);
  });

  it('idle() resolves at once when nothing is pending, and waits for a write in flight otherwise', async () => {
    const q = new SaveQueue();
    const w = writer();
    let done = false;
    await q.idle();
    q.enqueue('a', w.write('1'));
    void q.idle().then(() => (done = true));
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toBe(true);
    expect(w.stored).toEqual(['1']);
  });

  it('idle() asked while a failed write waits for its retry resolves only once it is stored', async () => {
    const q = new SaveQueue();
    const w = writer();
    w.failNext(OFFLINE);
    q.enqueue('k', w.write('v'));
    await vi.advanceTimersByTimeAsync(0); // failed; nothing runs now, the value waits for the retry
    let idle = false;
    void q.idle().then(() => (idle = true));
    await vi.advanceTimersByTimeAsync(RETRY_MS - 1);
    expect(idle).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(idle).toBe(true);
    expect(w.stored).toEqual(['v']);
  });
});
