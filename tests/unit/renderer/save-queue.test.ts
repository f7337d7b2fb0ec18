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
});
