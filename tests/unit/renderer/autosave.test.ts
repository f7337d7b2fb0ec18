// Autosave's promises, each with the break that would go unnoticed without it: a keystroke is
// written at once (no debounce), at most one write per field is in flight and only the newest
// text waits behind it; a page hide or unload flushes at once; a failed write is retried and the
// field's text is never dropped; the unsaved count the e2e tests wait on is true. Fake timers, a
// writer that fails (or holds its answer) on demand, no DOM (fake targets).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FieldRegistry, FieldSaver, fields, flushAllFields, installPageFlush, type PageDocument, type PageTarget } from '../../../renderer/src/lib/autosave';
import { RETRY_MS, SaveQueue, saveQueue } from '../../../renderer/src/lib/save-queue';
import type { Result } from '../../../electron/shared/result';

const OK: Result<unknown> = { ok: true, value: null };

function setup(opts: { check?: (v: string) => string | null } = {}) {
  const queue = new SaveQueue();
  const registry = new FieldRegistry(queue);
  const stored: string[] = [];
  const calls: string[] = [];
  const failures: Result<unknown>[] = [];
  const problems: (string | null)[] = [];
  let gate: Promise<void> | null = null;
  /** Holds every write's answer until release(): a write "in flight". */
  const hold = () => {
    let release = () => undefined as void;
    gate = new Promise<void>((r) => (release = () => r()));
    return {
      release: () => {
        gate = null;
        release();
      },
    };
  };
  const save = async (v: string): Promise<Result<unknown>> => {
    calls.push(v);
    await Promise.resolve();
    if (gate) await gate;
    const f = failures.shift();
    if (f) return f;
    stored.push(v);
    return OK;
  };
  const field = (key: string, value = '') => {
    const f = new FieldSaver(key, value, save, opts.check, registry, (p) => problems.push(p));
    registry.add(f);
    return f;
  };
  return { queue, registry, stored, calls, failures, problems, field, hold };
}

/** A fake window/document: enough EventTarget to dispatch pagehide, visibilitychange, beforeunload. */
function page() {
  const listeners = new Map<string, ((e: { preventDefault(): void }) => void)[]>();
  const target = (prefix: string): PageTarget => ({
    addEventListener: (type, fn) => listeners.set(prefix + type, [...(listeners.get(prefix + type) ?? []), fn]),
  });
  const doc: PageDocument & { visibilityState: string } = {
    ...target('doc:'),
    visibilityState: 'visible',
    documentElement: { dataset: {} },
  };
  const fire = (name: string) => {
    let prevented = false;
    for (const fn of listeners.get(name) ?? []) fn({ preventDefault: () => (prevented = true) });
    return prevented;
  };
  return { win: target('win:'), doc, fire };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('autosave as the secretary types', () => {
  it('writes the first key at once, with no timer to wait for', async () => {
    const t = setup();
    const f = t.field('rec:1:content');
    f.change('Đ');
    expect(t.calls).toEqual(['Đ']); // started synchronously, in the keystroke's own task
    await vi.advanceTimersByTimeAsync(0);
    expect(t.stored).toEqual(['Đ']);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('keeps one write in flight per field and only the newest text behind it', async () => {
    const t = setup();
    const held = t.hold();
    const f = t.field('k');
    f.change('a');
    f.change('ab');
    f.change('abc');
    f.change('abcd');
    expect(t.calls).toEqual(['a']); // one in flight; 'ab' and 'abc' were replaced by 'abcd'
    held.release();
    await vi.advanceTimersByTimeAsync(0);
    expect(t.calls).toEqual(['a', 'abcd']);
    expect(t.stored).toEqual(['a', 'abcd']);
    expect(t.registry.unsaved()).toBe(0);
  });

  it('writes every key typed at a steady rhythm, each one round trip after the key', async () => {
    const t = setup();
    const f = t.field('k');
    let text = '';
    for (let i = 0; i < 10; i++) {
      text += 'a';
      f.change(text);
      await vi.advanceTimersByTimeAsync(0);
      expect(t.stored.at(-1)).toBe(text);
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(t.stored).toHaveLength(10);
  });

  it('saves NFC, whatever the keyboard sent, and keeps the field as typed', async () => {
    const t = setup();
    const f = t.field('k');
    const nfd = 'Tiếng Việt'.normalize('NFD');
    f.change(nfd);
    await vi.advanceTimersByTimeAsync(0);
    expect(t.stored).toEqual(['Tiếng Việt'.normalize('NFC')]);
    expect(f.latest).toBe(nfd);
  });

  it('flush() after the write changes nothing: no second write of the same text', async () => {
    const t = setup();
    const f = t.field('k');
    f.change('abc');
    f.flush();
    await vi.advanceTimersByTimeAsync(1000);
    expect(t.calls).toEqual(['abc']);
    expect(f.dirty).toBe(false);
  });
});

describe('page hide and unload', () => {
  it('pagehide writes at once a field whose write failed, without waiting for the retry', async () => {
    const t = setup();
    const p = page();
    installPageFlush(p.win, p.doc, { warnBeforeUnload: true }, t.registry);
    t.failures.push({ ok: false, error: { code: 'offline', message: 'x' } });
    t.field('a').change('một');
    await vi.advanceTimersByTimeAsync(0);
    expect(t.stored).toEqual([]);
    p.fire('win:pagehide');
    await vi.advanceTimersByTimeAsync(0);
    expect(t.stored).toEqual(['một']);
    expect(t.calls).toEqual(['một', 'một']);
  });

  it('a hidden page (tab switched, window minimised, closing) writes at once; a visible one waits for the retry', async () => {
    const t = setup();
    const p = page();
    installPageFlush(p.win, p.doc, { warnBeforeUnload: true }, t.registry);
    t.failures.push({ ok: false, error: { code: 'offline', message: 'x' } });
    t.field('a').change('x');
    await vi.advanceTimersByTimeAsync(0);
    p.fire('doc:visibilitychange');
    await vi.advanceTimersByTimeAsync(0);
    expect(t.calls).toEqual(['x']);
    p.doc.visibilityState = 'hidden';
    p.fire('doc:visibilitychange');
    await vi.advanceTimersByTimeAsync(0);
    expect(t.stored).toEqual(['x']);
  });

  it('beforeunload writes every field and, in the browser, warns while writes are in flight', async () => {
    const t = setup();
    const p = page();
    installPageFlush(p.win, p.doc, { warnBeforeUnload: true }, t.registry);
    t.field('a').change('x');
    expect(p.fire('win:beforeunload')).toBe(true);
    expect(t.calls).toEqual(['x']);
    await vi.advanceTimersByTimeAsync(0);
    expect(p.fire('win:beforeunload')).toBe(false); // nothing pending: no warning
  });

  it('in Electron it never vetoes the unload (main asks the page to flush instead)', () => {
    const t = setup();
    const p = page();
    installPageFlush(p.win, p.doc, { warnBeforeUnload: false }, t.registry);
    t.field('a').change('x');
    expect(p.fire('win:beforeunload')).toBe(false);
    expect(t.calls).toEqual(['x']);
  });
});

describe('a failing store', () => {
  it('retries a failed write until it is stored; the text is never dropped', async () => {
    const t = setup();
    const f = t.field('rec:1:content');
    t.failures.push({ ok: false, error: { code: 'offline', message: 'Không kết nối được' } });
    f.change('Kiến nghị');
    await vi.advanceTimersByTimeAsync(0);
    expect(t.stored).toEqual([]);
    expect(t.problems.at(-1)).toBe('Không kết nối được');
    expect(t.registry.unsaved()).toBe(1);
    await vi.advanceTimersByTimeAsync(RETRY_MS);
    expect(t.stored).toEqual(['Kiến nghị']);
    expect(t.registry.unsaved()).toBe(0);
  });

  it('a value the core refuses is not retried, and the field is not left dirty forever', async () => {
    const t = setup();
    const f = t.field('k');
    t.failures.push({ ok: false, error: { code: 'validation', message: 'Không hợp lệ' } });
    f.change('x');
    await vi.advanceTimersByTimeAsync(0 + RETRY_MS * 2);
    expect(t.calls).toEqual(['x']);
    expect(f.dirty).toBe(false);
    expect(t.problems.at(-1)).toBe('Không hợp lệ');
  });

  it('text refused by the field check stays unsaved (held) and is written once acceptable', async () => {
    const t = setup({ check: (v) => (v.length > 5 ? 'Quá dài' : null) });
    const f = t.field('k');
    f.change('abcdefgh');
    await vi.advanceTimersByTimeAsync(0);
    f.flush();
    expect(t.calls).toEqual([]);
    expect(t.registry.unsaved()).toBe(1);
    expect(t.registry.held()).toBe(1);
    f.change('abc');
    await vi.advanceTimersByTimeAsync(0);
    expect(t.stored).toEqual(['abc']);
    expect(t.registry.held()).toBe(0);
    expect(t.problems.at(-1)).toBe(null);
  });
});

describe('the unsaved count on <html>', () => {
  it('counts a debounced field, a field being written and a failing one; 0 only when all are stored', async () => {
    const t = setup();
    const p = page();
    installPageFlush(p.win, p.doc, { warnBeforeUnload: true }, t.registry);
    const ds = p.doc.documentElement.dataset;
    expect(ds.unsaved).toBe('0');
    const a = t.field('a');
    const b = t.field('b');
    a.change('1');
    expect(ds.unsaved).toBe('1'); // typed, waiting for the debounce: not saved yet
    t.failures.push({ ok: false, error: { code: 'offline', message: 'x' } });
    await vi.advanceTimersByTimeAsync(0);
    expect(t.calls).toEqual(['1']);
    expect(ds.unsaved).toBe('1'); // a failed and waits for its retry
    b.change('2');
    expect(ds.unsaved).toBe('2');
    await vi.advanceTimersByTimeAsync(0); // b's write also retries a, first
    expect(t.stored).toEqual(['1', '2']);
    expect(ds.unsaved).toBe('0');
    a.change('13');
    t.failures.push({ ok: false, error: { code: 'offline', message: 'x' } });
    await vi.advanceTimersByTimeAsync(0);
    expect(ds.unsaved).toBe('1');
    await vi.advanceTimersByTimeAsync(RETRY_MS);
    expect(ds.unsaved).toBe('0');
    expect(t.stored).toEqual(['1', '2', '13']);
  });

  it('a field typed into again while its write is in flight counts once', async () => {
    const t = setup();
    const f = t.field('a');
    f.change('1');
    f.flush();
    f.change('12');
    expect(t.registry.unsaved()).toBe(1);
    await vi.advanceTimersByTimeAsync(0);
    expect(t.registry.unsaved()).toBe(0);
    expect(t.stored).toEqual(['1', '12']);
  });

  it('an unmounted field is no longer counted once its last text is written', async () => {
    const t = setup();
    const f = t.field('a');
    f.change('x');
    t.registry.delete(f);
    f.flush();
    expect(t.registry.unsaved()).toBe(1);
    await vi.advanceTimersByTimeAsync(0);
    expect(t.registry.unsaved()).toBe(0);
    expect(t.stored).toEqual(['x']);
  });

  it('an outside value is taken only when the field holds no unsaved text', () => {
    const t = setup({ check: (v) => (v.length > 10 ? 'Quá dài' : null) });
    const f = t.field('a', 'cũ');
    expect(f.takeOutside('mới')).toBe(true);
    expect(f.latest).toBe('mới');
    f.change('rất dài, quá mười chữ');
    expect(f.takeOutside('khác')).toBe(false); // held by the check
    expect(f.latest).toBe('rất dài, quá mười chữ');
  });

  it('an older answer never replaces text still being written, and the saved NFC never replaces the typed NFD', async () => {
    const t = setup();
    const held = t.hold();
    const f = t.field('a', '');
    f.change('ab');
    f.change('abc');
    // The answer to 'ab' comes back to the screen while 'abc' waits behind it.
    expect(f.takeOutside('ab')).toBe(false);
    held.release();
    await vi.advanceTimersByTimeAsync(0);
    expect(t.stored).toEqual(['ab', 'abc']);
    const nfd = 'Việt'.normalize('NFD');
    f.change(nfd);
    await vi.advanceTimersByTimeAsync(0);
    expect(f.takeOutside('Việt'.normalize('NFC'))).toBe(false);
    expect(f.takeOutside(nfd)).toBe(false); // the very text the field holds: nothing to take
    expect(f.latest).toBe(nfd);
    expect(f.takeOutside('khác')).toBe(true); // written and idle: another screen's value shows
  });
});

describe('the registry and the field, each promise on its own', () => {
  it('tells its listeners when a field is added or removed, and stops once unsubscribed', () => {
    const t = setup();
    let n = 0;
    const off = t.registry.subscribe(() => n++);
    const f = new FieldSaver('x', '', async () => OK, undefined, t.registry);
    t.registry.add(f);
    expect(n).toBe(1);
    t.registry.delete(f);
    expect(n).toBe(2);
    off();
    t.registry.add(f);
    expect(n).toBe(2);
  });

  it('tells its listeners when the queue changes (a write finished), so the count on <html> follows', async () => {
    const t = setup();
    let n = 0;
    t.registry.subscribe(() => n++);
    t.queue.enqueue('q', async () => OK);
    const afterEnqueue = n;
    expect(afterEnqueue).toBeGreaterThan(0);
    await vi.advanceTimersByTimeAsync(0);
    expect(n).toBeGreaterThan(afterEnqueue);
    expect(t.registry.unsaved()).toBe(0);
  });

  it('flushAll writes every field holding unsaved text, and only those', async () => {
    const t = setup();
    const a = t.field('a');
    const b = t.field('b');
    t.failures.push({ ok: false, error: { code: 'offline', message: 'x' } }, { ok: false, error: { code: 'offline', message: 'x' } });
    a.change('1');
    await vi.advanceTimersByTimeAsync(0); // a failed; b's change would retry it, so b stays clean
    expect(t.calls).toEqual(['1']);
    expect(b.dirty).toBe(false);
    t.registry.flushAll();
    await vi.advanceTimersByTimeAsync(0);
    expect(t.calls).toEqual(['1', '1']);
    expect(t.stored).toEqual([]);
  });

  it('held() counts only fields whose text a check refuses; a value the core refused is not held', async () => {
    const t = setup({ check: (v) => (v.length > 3 ? 'Quá dài' : null) });
    const a = t.field('a');
    t.failures.push({ ok: false, error: { code: 'validation', message: 'Không hợp lệ' } });
    a.change('ab');
    await vi.advanceTimersByTimeAsync(0);
    expect(a.problem).toBe('Không hợp lệ');
    expect(t.registry.held()).toBe(0);
    expect(t.registry.unsaved()).toBe(0);
    a.change('abcd');
    expect(t.registry.held()).toBe(1);
  });

  it('a new field holds nothing until a check refuses its text', () => {
    const t = setup({ check: (v) => (v.length > 3 ? 'Quá dài' : null) });
    const a = t.field('a', 'quá dài từ trước');
    expect(a.held).toBe(false);
    expect(t.registry.held()).toBe(0);
  });

  it('a field held by its check shows on <html> at once', () => {
    const t = setup({ check: (v) => (v.length > 3 ? 'Quá dài' : null) });
    const p = page();
    installPageFlush(p.win, p.doc, { warnBeforeUnload: true }, t.registry);
    const a = t.field('a');
    a.change('abcdef');
    expect(p.doc.documentElement.dataset.held).toBe('1');
    expect(p.doc.documentElement.dataset.unsaved).toBe('1');
    expect(t.problems.at(-1)).toBe('Quá dài');
  });

  it('the answer to an older write never clears the problem or the held state of newer text', async () => {
    const t = setup({ check: (v) => (v.length > 3 ? 'Quá dài' : null) });
    const held = t.hold();
    const a = t.field('a');
    a.change('abc'); // in flight
    a.change('abcdef'); // too long: held in the field
    held.release();
    await vi.advanceTimersByTimeAsync(0);
    expect(t.stored).toEqual(['abc']);
    expect(a.problem).toBe('Quá dài');
    expect(t.registry.held()).toBe(1);
  });

  it('a refusal of an older write leaves newer held text held', async () => {
    const t = setup({ check: (v) => (v.length > 3 ? 'Quá dài' : null) });
    const held = t.hold();
    const a = t.field('a');
    t.failures.push({ ok: false, error: { code: 'validation', message: 'Không hợp lệ' } });
    a.change('abc');
    a.change('abcdef');
    held.release();
    await vi.advanceTimersByTimeAsync(0);
    expect(t.registry.held()).toBe(1);
    expect(a.dirty).toBe(true);
  });

  it('a failed write followed by newer typing: the newer text is written, the field ends clean and problem-free', async () => {
    const t = setup();
    const held = t.hold();
    const a = t.field('a');
    t.failures.push({ ok: false, error: { code: 'offline', message: 'Mất kết nối' } });
    a.change('ab');
    a.change('abc');
    held.release();
    await vi.advanceTimersByTimeAsync(0);
    expect(a.problem).toBe('Mất kết nối');
    expect(a.dirty).toBe(false); // the newer text is queued, not the field's to hold
    expect(t.registry.unsaved()).toBe(1);
    await vi.advanceTimersByTimeAsync(RETRY_MS);
    expect(t.stored).toEqual(['abc']);
    expect(a.problem).toBe(null);
    expect(t.registry.unsaved()).toBe(0);
  });

  it('a retried write that succeeds clears the message and the dirty mark', async () => {
    const t = setup();
    const a = t.field('a');
    t.failures.push({ ok: false, error: { code: 'offline', message: 'Mất kết nối' } });
    a.change('x');
    await vi.advanceTimersByTimeAsync(0);
    expect(a.dirty).toBe(true);
    expect(a.problem).toBe('Mất kết nối');
    // Unsaved, but not held: nothing is wrong with the text, the retry will store it.
    expect(t.registry.unsaved()).toBe(1);
    expect(t.registry.held()).toBe(0);
    await vi.advanceTimersByTimeAsync(RETRY_MS);
    expect(a.dirty).toBe(false);
    expect(a.problem).toBe(null);
    expect(t.problems.at(-1)).toBe(null);
  });

  it('bind() swaps in the component\'s newest save, check and message callback', async () => {
    const t = setup();
    const a = t.field('a');
    const other: string[] = [];
    const seen: (string | null)[] = [];
    a.bind(
      async (v) => {
        other.push(v);
        return OK;
      },
      (v) => (v === 'bad' ? 'Sai' : null),
      (p) => seen.push(p),
    );
    a.change('good');
    await vi.advanceTimersByTimeAsync(0);
    expect(other).toEqual(['good']);
    expect(t.calls).toEqual([]);
    a.change('bad');
    expect(seen.at(-1)).toBe('Sai');
    expect(a.check?.('bad')).toBe('Sai');
  });

  it('installPageFlush returns a way to stop updating <html>', () => {
    const t = setup({ check: (v) => (v.length > 3 ? 'Quá dài' : null) });
    const p = page();
    const off = installPageFlush(p.win, p.doc, { warnBeforeUnload: true }, t.registry);
    off();
    t.field('a').change('abcdef');
    expect(p.doc.documentElement.dataset.held).toBe('0');
  });
});

describe("the page's own registry", () => {
  it('flushAllFields writes what every mounted field of the page holds (closing, navigating)', async () => {
    expect(fields.queue).toBe(saveQueue);
    const calls: string[] = [];
    let fail = true;
    const f = new FieldSaver(
      'global:1',
      '',
      async (v) => {
        calls.push(v);
        await Promise.resolve();
        if (fail) {
          fail = false;
          return { ok: false, error: { code: 'offline', message: 'x' } };
        }
        return OK;
      },
      undefined,
      fields,
    );
    fields.add(f);
    f.change('một');
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual(['một']);
    flushAllFields();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual(['một', 'một']);
    expect(fields.unsaved()).toBe(0);
    fields.delete(f);
    await vi.advanceTimersByTimeAsync(RETRY_MS);
  });
});

