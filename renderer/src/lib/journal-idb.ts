// The journal's store in IndexedDB: the page's own storage, which outlives the page, the tab and
// the browser. IndexedDB belongs to an origin (scheme, host and port): in the browser mode the
// entries come back only on the same address, which is why the README says to restart
// `npm run web` with the same `--port` (and THUKY_WEB_TOKEN to keep the open tab working).
import type { JournalEntry, JournalStore } from './journal-core';

const DB_NAME = 'thuky-journal';
const STORE = 'edits';

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

export function idbStore(factory: IDBFactory = indexedDB): JournalStore {
  let opened: Promise<IDBDatabase> | null = null;
  const db = (): Promise<IDBDatabase> => {
    opened ??= new Promise<IDBDatabase>((resolve, reject) => {
      const req = factory.open(DB_NAME, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'key' });
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('IndexedDB open failed'));
    });
    return opened;
  };
  return {
    async put(entry) {
      // 'strict' durability: the entry is on disk, not only in the OS cache, when this resolves.
      const tx = (await db()).transaction(STORE, 'readwrite', { durability: 'strict' });
      tx.objectStore(STORE).put(entry);
      await done(tx);
    },
    async remove(key, id) {
      const tx = (await db()).transaction(STORE, 'readwrite');
      const store = tx.objectStore(STORE);
      const current = (await request(store.get(key))) as JournalEntry | undefined;
      if (current?.id === id) store.delete(key);
      await done(tx);
    },
    async list() {
      const tx = (await db()).transaction(STORE, 'readonly');
      const all = (await request(tx.objectStore(STORE).getAll())) as JournalEntry[];
      await done(tx);
      return all;
    },
  };
}
