// The journal of unacknowledged edits: every write the save queue starts is kept until the core
// answers it for good, an older answer never removes a newer write, a failing store never stops a
// save, and the next start replays what is left, oldest first, and says what it recovered.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { editText, Journal, journalAhead, journaled, memoryStore, STORE_WAIT_MS, withJournalKey, currentJournalKey, type Call, type JournalStore } from '../../../renderer/src/lib/journal-core';
import { FieldRegistry, FieldSaver } from '../../../renderer/src/lib/autosave';
import { RETRY_MS, SaveQueue, saveQueue } from '../../../renderer/src/lib/save-queue';
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

  // The server dies with a write in flight that is never answered (a hung request): the text typed
  // after it waits in the queue behind it. A reload now must still find the newest text.
  it('journals the newest text waiting behind a write that is never answered', async () => {
    const store = memoryStore();
    const journal = new Journal(store, 'p');
    const sent: string[] = [];
    const hang: Call = (_channel, input) => {
      sent.push((input as { patch: { content: string } }).patch.content);
      return new Promise<Result<unknown>>(() => undefined);
    };
    const call = journaled(journal, hang);
    const queue = new SaveQueue({ journalAhead: true });
    const fields = new FieldRegistry(queue);
    const f = new FieldSaver('rec:1:content', '', (v) => call('rec.update', { id: 1, patch: { content: v } }), undefined, fields);
    fields.add(f);
    f.change('sau!');
    f.change('sau!!');
    await journal.persisted();
    expect(sent).toEqual(['sau!']); // one write in flight per field; the newer one is not sent yet
    expect([...store.entries.values()]).toMatchObject([{ key: 'rec:1:content', input: { id: 1, patch: { content: 'sau!!' } } }]);
    expect(fields.unsaved()).toBe(1);
    // A later keystroke replaces it: still one entry, the newest text.
    f.change('sau!!!');
    await journal.persisted();
    expect([...store.entries.values()].map((e) => (e.input as { patch: { content: string } }).patch.content)).toEqual(['sau!!!']);
    expect(sent).toEqual(['sau!']);
  });

  it('the answer to the write in flight does not remove the newer text journaled behind it', async () => {
    const store = memoryStore();
    const journal = new Journal(store, 'p');
    const answers: ((r: Result<unknown>) => void)[] = [];
    const slow: Call = () => new Promise<Result<unknown>>((resolve) => answers.push(resolve));
    const call = journaled(journal, slow);
    const queue = new SaveQueue({ journalAhead: true });
    const after: string[] = [];
    const job = (v: string) => () => call('rec.update', { id: 2, patch: { content: v } }).then((r) => (after.push(v), r));
    queue.enqueue('rec:2:content', job('a'));
    queue.enqueue('rec:2:content', job('ab'));
    await journal.persisted();
    expect(after).toEqual([]); // looking ahead sends nothing and runs nothing chained on the call
    answers[0]!(OK); // 'a' is stored; 'ab' is still only in the queue and the journal
    await vi.advanceTimersByTimeAsync(0);
    await journal.persisted();
    expect(after).toEqual(['a']);
    expect([...store.entries.values()].map((e) => (e.input as { patch: { content: string } }).patch.content)).toEqual(['ab']);
    expect(answers).toHaveLength(2); // now 'ab' is sent
    answers[1]!(OK);
    await vi.advanceTimersByTimeAsync(0);
    await journal.persisted();
    expect(after).toEqual(['a', 'ab']);
    expect(store.entries.size).toBe(0);
  });

  it("the app's queue journals ahead; a queue of plain jobs never runs one twice", async () => {
    const store = memoryStore();
    const journal = new Journal(store, 'p');
    const call = journaled(journal, () => new Promise<Result<unknown>>(() => undefined));
    saveQueue.enqueue('probe:1', () => call('rec.update', { id: 1, patch: { content: 'x' } }));
    saveQueue.enqueue('probe:1', () => call('rec.update', { id: 1, patch: { content: 'xy' } }));
    await journal.persisted();
    expect([...store.entries.values()].map((e) => (e.input as { patch: { content: string } }).patch.content)).toEqual(['xy']);

    let runs = 0;
    const plain = new SaveQueue();
    plain.enqueue('k', () => new Promise<Result<unknown>>(() => undefined));
    plain.enqueue('k', () => {
      runs++;
      return Promise.resolve(OK);
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(runs).toBe(0);
  });

  it('looking ahead records only the first call, under the key, and a job that throws records nothing', async () => {
    const store = memoryStore();
    const journal = new Journal(store, 'p');
    const sent: unknown[] = [];
    const call = journaled(journal, (c, i) => (sent.push(i), Promise.resolve(OK)));
    expect(journalAhead('k', () => (void call('rec.update', { n: 1 }), call('rec.update', { n: 2 })))).toBe(true);
    expect(journalAhead('t', () => {
      throw new Error('không gửi');
    })).toBe(false);
    expect(journalAhead('none', () => 1)).toBe(false);
    await journal.persisted();
    expect(sent).toEqual([]);
    expect([...store.entries.values()].map((e) => [e.key, e.input])).toEqual([['k', { n: 1 }]]);
    expect(currentJournalKey()).toBe(null);
    // Outside a look-ahead the transport sends again.
    await withJournalKey('k', () => call('rec.update', { n: 3 }));
    expect(sent).toEqual([{ n: 3 }]);
  });

  // The page can die between any two store operations (a closed tab, a reload, a power cut). What
  // the store holds then is replayed at the next start, over what the server has: it must never be
  // older than the newest text the server acknowledged, or the replay would undo typing (seen once
  // in documents.spec: "… sôi nổi, t" replayed over "… sôi nổi, thẳng thắn.").
  it('a page that dies at any point of the journal never leaves an older text to replay over a newer one', async () => {
    const typed = ['Đề', 'Đề n', 'Đề ng', 'Đề nghị', 'Đề nghị s', 'Đề nghị sửa', 'Đề nghị sửa đường'];
    for (let cut = 0; cut <= 16; cut++) {
      const inner = memoryStore();
      let ops = 0;
      let dead = false;
      // Each store operation takes 5 ms (an IndexedDB transaction with strict durability), the
      // server answers at once. After `cut` store operations the page is gone: nothing more
      // reaches the store or the server.
      const gate = async <T,>(op: () => Promise<T>): Promise<T> => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        if (dead || ops++ >= cut) {
          dead = true;
          return new Promise<T>(() => undefined);
        }
        return op();
      };
      const dying: JournalStore = { put: (e) => gate(() => inner.put(e)), remove: (k, id) => gate(() => inner.remove(k, id)), list: () => inner.list() };
      const be = backend();
      const journal = new Journal(dying, 'p');
      const call = journaled(journal, (c, i) => (dead ? new Promise<Result<unknown>>(() => undefined) : be.call(c, i)));
      const queue = new SaveQueue({ journalAhead: true });
      const f = new FieldSaver('rec:1:content', '', (v) => call('rec.update', { id: 1, patch: { content: v } }), undefined, new FieldRegistry(queue));
      for (const t of typed) {
        f.change(t);
        await vi.advanceTimersByTimeAsync(1);
      }
      await vi.advanceTimersByTimeAsync(2 * STORE_WAIT_MS);
      const before = be.db.get('rec.update:1') ?? '';
      await new Journal(inner, 'next-start').recover(be.call);
      const after = be.db.get('rec.update:1') ?? '';
      expect(typed.indexOf(after), `page dead after ${cut} store operations: "${before}" became "${after}"`).toBeGreaterThanOrEqual(typed.indexOf(before));
    }
  });

  it('a write waits for its entry to be stored before it is sent; a store that never answers delays it at most STORE_WAIT_MS', async () => {
    let release: () => void = () => undefined;
    const inner = memoryStore();
    let hang = false;
    const slow: JournalStore = {
      put: (e) => (hang ? new Promise<void>(() => undefined) : new Promise<void>((resolve) => (release = () => void inner.put(e).then(resolve)))),
      remove: (k, id) => inner.remove(k, id),
      list: () => inner.list(),
    };
    const journal = new Journal(slow, 'p');
    const sent: unknown[] = [];
    const call = journaled(journal, (_c, i) => (sent.push(i), Promise.resolve(OK)));
    const r = withJournalKey('k', () => call('rec.update', { n: 1 }));
    await vi.advanceTimersByTimeAsync(STORE_WAIT_MS - 1);
    expect(sent).toEqual([]);
    release();
    await r;
    expect(sent).toEqual([{ n: 1 }]);

    hang = true;
    const r2 = withJournalKey('k', () => call('rec.update', { n: 2 }));
    await vi.advanceTimersByTimeAsync(STORE_WAIT_MS - 1);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect((await r2).ok).toBe(true);
    expect(sent).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it('a burst of keystrokes is one store write per turn, not one per keystroke, and the store ends empty', async () => {
    const inner = memoryStore();
    let puts = 0;
    const counting: JournalStore = { put: (e) => (puts++, inner.put(e)), remove: (k, id) => inner.remove(k, id), list: () => inner.list() };
    const journal = new Journal(counting, 'p');
    const be = backend();
    const call = journaled(journal, be.call);
    const queue = new SaveQueue({ journalAhead: true });
    const f = new FieldSaver('rec:1:content', '', (v) => call('rec.update', { id: 1, patch: { content: v } }), undefined, new FieldRegistry(queue));
    let t = '';
    for (const ch of 'Hai mươi ký tự liền nhau') {
      t += ch;
      f.change(t);
    }
    await vi.advanceTimersByTimeAsync(0);
    await queue.idle();
    await journal.persisted();
    expect(be.db.get('rec.update:1')).toBe(t);
    expect(puts).toBeLessThanOrEqual(3);
    expect(inner.entries.size).toBe(0);
  });

  it("describes an edit by its words, longest first, skipping ids and blanks", () => {
    expect(editText({ id: 3, patch: { content: 'Nội dung dài hơn', shortPhrase: 'ngắn', topic: ' ' } })).toBe('Nội dung dài hơn · ngắn');
    expect(editText({ blocks: [{ text: 'a' }, { text: 'bb' }] })).toBe('bb · a');
    expect(editText(null)).toBe('');
  });
});
