// The last removal's undo: offered for a while, then gone quietly.
import { useEffect, useState } from 'react';

export type Undo = { message: string; restore: () => Promise<void> };

export function useLiveUndo() {
  const [undo, setUndo] = useState<Undo | null>(null);
  useEffect(() => {
    if (!undo) return;
    const t = setTimeout(() => setUndo(null), 15_000);
    return () => clearTimeout(t);
  }, [undo]);
  return { undo, setUndo };
}
