// The register's rows, fetched a page at a time as the list scrolls: at 100,000 items the screen
// holds only what has been looked at, and the first answer (page 0) carries the total that sizes
// the scroll bar. A new filter starts a new generation; answers of an older one are dropped.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RegisterFilter, RegisterItem } from '../../../../electron/shared/followup';
import { api } from '../../lib/api';

export const PAGE_SIZE = 200;

export type RegisterPages = {
  /** null until the first page has answered. */
  total: number | null;
  error: string | null;
  item: (index: number) => RegisterItem | undefined;
  /** Asks for the pages covering rows [start, end] that are not here yet. */
  ensure: (start: number, end: number) => void;
  /** An item changed on this screen: show its new state at once, where it is. */
  replace: (item: RegisterItem) => void;
  /** Reads the list again (same filter), keeping the rows on screen until the answer comes. */
  refresh: () => void;
};

export function useRegisterPages(filter: RegisterFilter): RegisterPages {
  const key = JSON.stringify(filter);
  const pages = useRef(new Map<number, RegisterItem[]>());
  const pending = useRef(new Set<number>());
  const generation = useRef(0);
  // The total with the filter it answers, so a new filter never shows the old one's count.
  const [answer, setAnswer] = useState<{ key: string; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The rows live in a ref (no copy of 100,000 items per answer); this tick re-renders the list.
  const [, setTick] = useState(0);

  const load = useCallback(
    async (page: number, gen: number) => {
      pending.current.add(page);
      const r = await api.call('register.query', { ...(JSON.parse(key) as RegisterFilter), limit: PAGE_SIZE, offset: page * PAGE_SIZE });
      if (gen !== generation.current) return;
      pending.current.delete(page);
      if (!r.ok) return setError(r.error.message);
      setError(null);
      pages.current.set(page, r.value.items);
      setAnswer({ key, total: r.value.total });
      setTick((t) => t + 1);
    },
    [key],
  );

  const start = useCallback(
    (keepRows: boolean) => {
      const gen = ++generation.current;
      const wanted = keepRows ? [...pages.current.keys()] : [0];
      if (!keepRows) pages.current = new Map();
      pending.current = new Set();
      for (const p of wanted.length ? wanted : [0]) void load(p, gen);
    },
    [load],
  );

  useEffect(() => {
    start(false);
  }, [start]);

  const ensure = useCallback(
    (from: number, to: number) => {
      for (let p = Math.floor(Math.max(0, from) / PAGE_SIZE); p <= Math.floor(Math.max(0, to) / PAGE_SIZE); p++)
        if (!pages.current.has(p) && !pending.current.has(p)) void load(p, generation.current);
    },
    [load],
  );

  const item = useCallback((index: number) => pages.current.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE], []);

  const replace = useCallback((next: RegisterItem) => {
    for (const rows of pages.current.values()) {
      const i = rows.findIndex((r) => r.uid === next.uid);
      if (i >= 0) rows[i] = next;
    }
    setTick((t) => t + 1);
  }, []);

  const refresh = useCallback(() => start(true), [start]);

  return { total: answer?.key === key ? answer.total : null, error, item, ensure, replace, refresh };
}
