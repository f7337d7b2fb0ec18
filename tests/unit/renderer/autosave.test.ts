// Autosave's promises, each with the break that would go unnoticed without it: the debounce is
// 250 ms and has a maximum wait; a page hide or unload flushes at once; a failed write is retried
// and the field's text is never dropped; the unsaved count the e2e tests wait on is true,
// debounced fields included. Fake timers, a writer that fails on demand, no DOM (fake targets).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEBOUNCE_MS, FieldRegistry, FieldSaver, installPageFlush, type PageDocument, type PageTarget } from '../../../renderer/src/lib/autosave';
import { RETRY_MS, SaveQueue } from '../../../renderer/src/lib/save-queue';
import type { Result } from '../../../electron/shared/result';

const OK: Result<unknown> = { ok: true, value: null };

function setup(opts: { check?: (v: string) => string | null } = {}) {
  const queue = new SaveQueue();
  const registry = new FieldRegistry(queue);
  const stored: string[] = [];
  const calls: string[] = [];
  const failures: Result<unknown>[] = [];
  const problems: (string | null)[] = [];
  const save = async (v: string): Promise<Result<unknown>> => {
    calls.push(v);
    await Promise.resolve();
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
  return { queue, registry, stored, calls, failures, problems, field };
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

describe('autosave debounce', () => {
  it('is 250 ms', () => {
    expect(DEBOUNCE_MS).toBe(250);
  });

  it('writes 250 ms after the last key, not before', async () => {
    const t = setup();
    const f = t.field('rec:1:content');
    f.change('Đ');
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS - 1);
    expect(t.calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(t.stored).toEqual(['Đ']);
  });

  it('never waits longer than 250 ms after the first unsaved key, however fast the typing', async () => {
    const t = setup();
    const f = t.field('k');
    let text = '';
    for (let i = 0; i < 10; i++) {
      text += 'a';
      f.change(text);
      await vi.advanceTimersByTimeAsync(100);
    }
    // Keys at 0, 100, … 900 ms: writes at 250, 500, 750 and 1000 ms at the latest, never one at the end only.
    expect(t.stored.length).toBeGreaterThanOrEqual(3);
    expect(t.stored[0]).toBe('aaa');
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    expect(t.stored.at(-1)).toBe(text);
  });

  it('saves NFC, whatever the keyboard sent, and keeps the field as typed', async () => {
    const t = setup();
    const f = t.field('k');
    const nfd = 'Tiếng Việt'.normalize('NFD');
    f.change(nfd);
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    expect(t.stored).toEqual(['Tiếng Việt'.normalize('NFC')]);
    expect(f.latest).toBe(nfd);
  });

  it('flush() writes at once (blur, compositionend, switching items)', async () => {
    const t = setup();
    const f = t.field('k');
    f.change('abc');
    f.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(t.stored).toEqual(['abc']);
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS * 4);
    expect(t.calls).toEqual(['abc']); // the debounce timer was cancelled: no second write
  });
});

describe('page hide and unload', () => {
  it('pagehide writes every field at once, before any debounce', async () => {
    const t = setup();
    const p = page();
    installPageFlush(p.win, p.doc, { warnBeforeUnload: true }, t.registry);
    t.field('a').change('một');
    t.field('b').change('hai');
    p.fire('win:pagehide');
    await vi.advanceTimersByTimeAsync(0);
    expect(t.stored.sort()).toEqual(['hai', 'một']);
  });

  it('a hidden page (tab switched, window minimised, closing) writes at once; a visible one waits', async () => {
    const t = setup();
    const p = page();
    installPageFlush(p.win, p.doc, { warnBeforeUnload: true }, t.registry);
    t.field('a').change('x');
    p.fire('doc:visibilitychange');
    await vi.advanceTimersByTimeAsync(0);
    expect(t.calls).toEqual([]);
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
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
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
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS + RETRY_MS * 2);
    expect(t.calls).toEqual(['x']);
    expect(f.dirty).toBe(false);
    expect(t.problems.at(-1)).toBe('Không hợp lệ');
  });

  it('text refused by the field check stays unsaved (held) and is written once acceptable', async () => {
    const t = setup({ check: (v) => (v.length > 5 ? 'Quá dài' : null) });
    const f = t.field('k');
    f.change('abcdefgh');
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    f.flush();
    expect(t.calls).toEqual([]);
    expect(t.registry.unsaved()).toBe(1);
    expect(t.registry.held()).toBe(1);
    f.change('abc');
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
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
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    expect(t.calls).toEqual(['1']);
    expect(ds.unsaved).toBe('1'); // a failed and waits for its retry
    b.change('2');
    expect(ds.unsaved).toBe('2');
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS); // b's write also retries a, first
    expect(t.stored).toEqual(['1', '2']);
    expect(ds.unsaved).toBe('0');
    a.change('13');
    t.failures.push({ ok: false, error: { code: 'offline', message: 'x' } });
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
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
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
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
    const t = setup();
    const f = t.field('a', 'cũ');
    expect(f.takeOutside('mới')).toBe(true);
    expect(f.latest).toBe('mới');
    f.change('đang gõ');
    expect(f.takeOutside('khác')).toBe(false);
    expect(f.latest).toBe('đang gõ');
  });
});
