// Autosave for live text. Rules from the guide on Vietnamese input (Unikey/EVKey send Backspace
// then the corrected letters; the IME path uses composition events):
// - the field's value is updated synchronously from e.target.value and never reset while typing;
// - the save is a side effect on a short debounce with a maximum wait, plus at once on blur, compositionend,
//   switching items (unmount), page hide and window close;
// - text is normalised to NFC only when saved, never in the field.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Result } from '../../../electron/shared/result';
import { saveQueue } from './save-queue';

export const DEBOUNCE_MS = 250;

const flushers = new Set<() => void>();

/** Writes every field's unsaved text now (page hidden, closing, before navigation). */
export function flushAllFields(): void {
  for (const f of flushers) f();
}

let installed = false;
export function installPageFlush(): void {
  if (installed) return;
  installed = true;
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flushAllFields();
  });
  window.addEventListener('pagehide', flushAllFields);
  window.addEventListener('beforeunload', (e) => {
    flushAllFields();
    // In the browser, warn while writes are still in flight. (Electron's main process asks the
    // renderer to flush before closing instead: a beforeunload veto there would silently block.)
    if (!window.thuky && saveQueue.pending > 0) e.preventDefault();
  });
}

export type AutosaveOptions = {
  /** Identifies the field in the save queue: only its newest value is written. */
  saveKey: string;
  value: string;
  save: (value: string) => Promise<Result<unknown>>;
  /** Refuse (with this message) before sending, e.g. over the length limit. */
  check?: (value: string) => string | null;
};

export function useAutosave({ saveKey, value, save, check }: AutosaveOptions) {
  const [local, setLocal] = useState(value);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(value);
  const dirty = useRef(false);
  const focused = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // When the unsaved text began: a secretary taking down a speech rarely pauses, so the debounce
  // alone would keep everything in the page until she does (measured: 2.5 s at p99).
  const firstDirtyAt = useRef<number | null>(null);
  const saveRef = useRef(save);
  saveRef.current = save;
  const checkRef = useRef(check);
  checkRef.current = check;

  // A value that changes from outside (another screen, a reload) shows here, but never over
  // what the user is typing.
  useEffect(() => {
    if (!dirty.current && !focused.current && value !== latest.current) {
      latest.current = value;
      setLocal(value);
    }
  }, [value]);

  const flush = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    firstDirtyAt.current = null;
    if (!dirty.current) return;
    const v = latest.current.normalize('NFC');
    const problem = checkRef.current?.(v) ?? null;
    if (problem) {
      setError(problem);
      return; // stays dirty: the text stays on screen and is saved once it is acceptable
    }
    dirty.current = false;
    saveQueue.enqueue(saveKey, () => saveRef.current(v), (r) => {
      if (r.ok) setError(null);
      else {
        setError(r.error.message);
        if (latest.current.normalize('NFC') === v) dirty.current = r.error.code !== 'validation';
      }
    });
  }, [saveKey]);

  useEffect(() => {
    flushers.add(flush);
    return () => {
      flushers.delete(flush);
      flush(); // switching items: what was typed is written before the field goes away
    };
  }, [flush]);

  const onChange = useCallback(
    (e: { target: { value: string } }) => {
      latest.current = e.target.value;
      setLocal(e.target.value);
      dirty.current = true;
      const problem = checkRef.current?.(e.target.value) ?? null;
      setError(problem);
      // Debounced, but never later than DEBOUNCE_MS after the first unsaved key.
      const now = Date.now();
      firstDirtyAt.current ??= now;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(flush, Math.max(0, Math.min(DEBOUNCE_MS, firstDirtyAt.current + DEBOUNCE_MS - now)));
    },
    [flush],
  );

  const onFocus = useCallback(() => {
    focused.current = true;
  }, []);
  const onBlur = useCallback(() => {
    focused.current = false;
    flush();
  }, [flush]);

  return { value: local, error, onChange, onBlur, onFocus, onCompositionEnd: flush, flush };
}
