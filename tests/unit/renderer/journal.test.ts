// The journal of unacknowledged edits: every write the save queue starts is kept until the core
// answers it for good, an older answer never removes a newer write, a failing store never stops a
// save, and the next start replays what is left, oldest first, and says what it recovered.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { editText, Journal, journaled, memoryStore, withJournalKey, currentJournalKey, type Call, type JournalStore } from '../../../renderer/src/lib/journal-core';
import { FieldRegistry, FieldSaver } from '../../../renderer/src/lib/autosave';
import { RETRY_MS, SaveQueue } from '../../../renderer/src/lib/save-queue';
import type { Result } from '../../../electron/shared/result';

const OK: Result<unknown> = { ok: true, value: null };
const OFFLINE: Result<unknown> = { ok: false, error: { code: 'offline', message: 'Không kết nối được' } };

/** A backend that can be "killed": while down every call fails as the browser's fetch would. */
function backend() {
  const db = new Map<string, string>();
  let down = false;
  const call: Call = async (channel, input) => {
    await Promise.resolve();
    if (down) return OFFLINE;
    const { id, patch } = input as { id: number; patch: { content: string } };
    if (id === 404) return { ok: false, error: { code: 'not_found', message: 'Kiến nghị không còn.' } };
    db.set(`${channel}:${id}`, patch.content);
    return OK;
  };
  return {
    db,
    call,
    kill: () => (down = true),
    restart: () => (down = false),
  };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('journal of unacknowledged edits', () => {
  it('keeps the newest unacknowledged value of each field while the backend is down', async () => {
    const store = memoryStore();
    const journal = new Journal(store, 'p1');
    const be = backend();
    const call = journaled(journal, be.call);
    const queue = new SaveQueue();
    const fields = new FieldRegistry(queue);
    const f = new FieldSaver('rec:1:content', '', (v) => call('rec.update', { id: 1, patch: { content: v } }), undefined, fields);
    fields.add(f);

    be.kill();
    let typed = '';
    for (const ch of 'Hai mươi ký tự đã gõ') {
      typed += ch;
      f.change(typed);
      await vi.advanceTimersByTimeAsync(60);
    }
    await vi.advanceTimersByTimeAsync(300);
    await journal.persisted();
    expect(be.db.size).toBe(0);
    expect([...store.entries.values()]).toMatchObject([{ key: 'rec:1:content', channel: 'rec.update', input: { id: 1, patch: { content: typed } } }]);

    // A new page (a reload after the server came back): its journal replays what is left.
    be.restart();
    const next = new Journal(store, 'p2');
    const report = await next.recover(be.call);
    expect(be.db.get('rec.update:1')).toBe(typed);
    expect(report).toEqual({ recovered: [{ key: 'rec:1:content', text: typed }], refused: [], kept: 0 });
    expect(store.entries.size).toBe(0);
  });

  it('forgets a write once the core has stored it, and only that write', async () => {
    const store = memoryStore();
    const journal = new Journal(store, 'p');
    const a = journal.record('k', 'rec.update', { v: 1 });
    const b = journal.record('k', 'rec.update', { v: 2 });
    journal.settle('k', a, OK); // the answer to the older write arrives after the newer was sent
    await journal.persisted();
    expect(store.entries.get('k')?.input).toEqual({ v: 2 });
    journal.settle('k', b, OK);
    await journal.persisted();
    expect(store.entries.size).toBe(0);
  });

  it('keeps a write that failed for a reason a retry can fix, forgets one refused for good', async () => {
    const store = memoryStore();
    const journal = new Journal(store, 'p');
    const a = journal.record('a', 'c', {});
    const b = journal.record('b', 'c', {});
    journal.settle('a', a, OFFLINE);
    journal.settle('b', b, { ok: false, error: { code: 'validation', message: 'x' } });
    await journal.persisted();
    expect([...store.entries.keys()]).toEqual(['a']);
  });

  it('only writes started by the save queue are journaled', async () => {
    const store = memoryStore();
    const journal = new Journal(store, 'p');
    const be = backend();
    be.kill();
    const call = journaled(journal, be.call);
    await call('rec.update', { id: 1, patch: { content: 'x' } });
    expect(currentJournalKey()).toBe(null);
    await withJournalKey('rec:1:content', () => call('rec.update', { id: 1, patch: { content: 'y' } }));
    expect(currentJournalKey()).toBe(null);
    await journal.persisted();
    expect([...store.entries.values()].map((e) => e.key)).toEqual(['rec:1:content']);
  });

  it('the save queue names the field of each write it starts', async () => {
    const store = memoryStore();
    const journal = new Journal(store, 'p');
    const be = backend();
    be.kill();
    const call = journaled(journal, be.call);
    const q = new SaveQueue();
    q.enqueue('rec:7:content', () => call('rec.update', { id: 7, patch: { content: 'z' } }));
    await vi.advanceTimersByTimeAsync(0);
    await journal.persisted();
    expect([...store.entries.keys()]).toEqual(['rec:7:content']);
    be.restart();
    await vi.advanceTimersByTimeAsync(RETRY_MS);
    await journal.persisted();
    expect(store.entries.size).toBe(0);
    expect(be.db.get('rec.update:7')).toBe('z');
  });

  it('replays oldest first, reports refusals with their text, and keeps what still cannot be sent', async () => {
    const store = memoryStore();
    const now = Date.now();
    await store.put({ key: 'b', id: 'x-2', channel: 'rec.update', input: { id: 2, patch: { content: 'sau' } }, at: now + 1 });
    await store.put({ key: 'a', id: 'x-1', channel: 'rec.update', input: { id: 1, patch: { content: 'trước' } }, at: now });
    await store.put({ key: 'gone', id: 'x-3', channel: 'rec.update', input: { id: 404, patch: { content: 'của kiến nghị đã xoá' } }, at: now + 2 });
    const order: number[] = [];
    const be = backend();
    const report = await new Journal(store, 'y').recover((c, i) => {
      order.push((i as { id: number }).id);
      return be.call(c, i);
    });
    expect(order).toEqual([1, 2, 404]);
    expect(report.recovered.map((r) => r.text)).toEqual(['trước', 'sau']);
    expect(report.refused).toEqual([{ key: 'gone', text: 'của kiến nghị đã xoá', message: 'Kiến nghị không còn.' }]);
    expect(store.entries.size).toBe(0);

    await store.put({ key: 'a', id: 'x-4', channel: 'rec.update', input: { id: 1, patch: { content: 'chưa gửi được' } }, at: now });
    be.kill();
    const again = await new Journal(store, 'z').recover(be.call);
    expect(again).toEqual({ recovered: [], refused: [], kept: 1 });
    expect(store.entries.size).toBe(1);
  });

  it('a store that fails never stops a save, and is reported once', async () => {
    const broken: JournalStore = {
      put: () => Promise.reject(new Error('QuotaExceededError')),
      remove: () => Promise.reject(new Error('QuotaExceededError')),
      list: () => Promise.resolve([]),
    };
    const errors: unknown[] = [];
    const journal = new Journal(broken, 'p', (e) => errors.push(e));
    const be = backend();
    const call = journaled(journal, be.call);
    const r1 = await withJournalKey('k', () => call('rec.update', { id: 1, patch: { content: 'a' } }));
    const r2 = await withJournalKey('k', () => call('rec.update', { id: 1, patch: { content: 'b' } }));
    await journal.persisted();
    expect([r1.ok, r2.ok]).toEqual([true, true]);
    expect(be.db.get('rec.update:1')).toBe('b');
    expect(errors).toHaveLength(1);
  });

  it("describes an edit by its words, longest first, skipping ids and blanks", () => {
    expect(editText({ id: 3, patch: { content: 'Nội dung dài hơn', shortPhrase: 'ngắn', topic: ' ' } })).toBe('Nội dung dài hơn · ngắn');
    expect(editText({ blocks: [{ text: 'a' }, { text: 'bb' }] })).toBe('bb · a');
    expect(editText(null)).toBe('');
  });
});
