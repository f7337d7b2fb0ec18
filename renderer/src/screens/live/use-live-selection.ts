// Which item is open in the entry panel (and since when), and which recommendations are marked
// for the next reply.
import { useCallback, useState } from 'react';
import { flushAllFields } from '../../lib/autosave';
import type { ItemKind, Sel } from './model';

/** The item the address opens (a link from the Close tab's checklist: #/meeting/1/live/rec-5), if any. */
export function selFromHash(hash: string = window.location.hash): Sel | null {
  const m = /\/live\/(rec|reply|speech)-(\d+)/.exec(hash);
  return m ? { kind: m[1] as ItemKind, id: Number(m[2]) } : null;
}

export function useLiveSelection() {
  const [sel, setSel] = useState<Sel | null>(() => selFromHash());
  const [fresh, setFresh] = useState(false);
  const [since, setSince] = useState<number | null>(null);
  const [marked, setMarked] = useState<Set<number>>(() => new Set());

  const select = useCallback((s: Sel | null, isNew = false) => {
    flushAllFields();
    setSel(s);
    setFresh(isNew);
    setSince(s ? Date.now() : null);
  }, []);
  const onSelect = useCallback((s: Sel) => select(s), [select]);
  const onMark = useCallback((id: number, on: boolean) => {
    setMarked((m) => {
      const n = new Set(m);
      if (on) n.add(id);
      else n.delete(id);
      return n;
    });
  }, []);
  const clearMarks = () => setMarked(new Set());

  return { sel, setSel, fresh, since, select, onSelect, marked, onMark, clearMarks };
}
