// The screen's keyboard shortcuts: one window listener for the screen's life, running the
// latest `run` so it sees the current state.
import { useEffect, useRef } from 'react';
import { isTextTarget, matchShortcut, type ShortcutId } from './shortcuts';

export function useLiveShortcuts(run: (id: ShortcutId) => void, mapOpen: boolean) {
  const runRef = useRef(run);
  runRef.current = run;
  const mapOpenRef = useRef(mapOpen);
  mapOpenRef.current = mapOpen;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const id = matchShortcut(e, isTextTarget(e.target));
      if (!id) return;
      if (id === 'escape' && !mapOpenRef.current) return; // Esc elsewhere keeps its usual meaning
      if (mapOpenRef.current && id !== 'escape' && id !== 'map') return;
      // A question is open (delete, start, end): its own keys only.
      if (document.querySelector('dialog[open]')) return;
      e.preventDefault();
      runRef.current(id);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
