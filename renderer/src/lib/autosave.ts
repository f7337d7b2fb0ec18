// Autosave for live text. Rules from the guide on Vietnamese input (Unikey/EVKey send Backspace
// then the corrected letters; the IME path uses composition events):
// - the field's value is updated synchronously from e.target.value and never reset while typing;
// - the save is a side effect, started at the keystroke itself (no debounce): the save queue runs
//   at most one write per field and keeps only the newest text behind it, so a fast typist costs
//   one write per round trip, and what was typed is on disk one round trip after the key
//   (a debounce set a 250 ms floor). Also at once on blur, compositionend, switching items
//   (unmount), page hide and window close (Electron's main process asks the renderer to flush
//   and waits for the answer: electron/main/close-sequence.ts);
// - text is normalised to NFC only when saved, never in the field.
// The logic is in FieldSaver, a plain class (no React, no DOM), so it is unit-tested with fake
// timers; the hook only ties one to a component's life.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Result } from '../../../electron/shared/result';
import { saveQueue, type SaveQueue } from './save-queue';

type Save = (value: string) => Promise<Result<unknown>>;
type Check = (value: string) => string | null;

/** Every mounted field, to flush them all and to count the unsaved ones. */
export class FieldRegistry {
  private readonly fields = new Set<FieldSaver>();
  private readonly listeners = new Set<() => void>();

  constructor(readonly queue: SaveQueue) {
    queue.onChange(() => this.changed());
  }

  add(f: FieldSaver): void {
    this.fields.add(f);
    this.changed();
  }

  delete(f: FieldSaver): void {
    this.fields.delete(f);
    this.changed();
  }

  /** Writes every field's unsaved text now (page hidden, closing, before navigation). */
  flushAll(): void {
    for (const f of this.fields) f.flush();
  }

  /**
   * The true number of fields whose text is not yet in the database: held back by a check (too
   * long), refused by the core after newer typing, queued, being written or waiting for a retry.
   */
  unsaved(): number {
    const keys = this.queue.pendingKeys();
    for (const f of this.fields) if (f.dirty) keys.add(f.key);
    return keys.size;
  }

  /** Fields whose text a check refuses (e.g. too long): unsaved until the secretary shortens it. */
  held(): number {
    let n = 0;
    for (const f of this.fields) if (f.held) n++;
    return n;
  }

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  changed(): void {
    for (const fn of this.listeners) fn();
  }
}

export class FieldSaver {
  latest: string;
  dirty = false;
  /** The check's message for the newest text, or the core's message after a refused save. */
  problem: string | null = null;
  /** The newest text is refused by the field's own check (too long): kept unsaved on purpose. */
  held = false;
  constructor(
    readonly key: string,
    value: string,
    public save: Save,
    public check: Check | undefined,
    private readonly registry: FieldRegistry,
    /** Told whenever `problem` changes, to show it under the field. */
    public onProblem: (message: string | null) => void = () => undefined,
  ) {
    this.latest = value;
  }

  /** The component's newest callbacks (they close over its newest props). */
  bind(save: Save, check: Check | undefined, onProblem: (message: string | null) => void): void {
    this.save = save;
    this.check = check;
    this.onProblem = onProblem;
  }

  /** A value from outside (another screen, a reload): taken unless the field holds unsaved text. Returns whether it was. */
  takeOutside(value: string): boolean {
    // Not while a newer text is queued or in flight (an older save's answer would undo typing),
    // and not the saved NFC of what the field holds (the field keeps what was typed).
    if (this.dirty || this.registry.queue.has(this.key) || value === this.latest || value === this.latest.normalize('NFC')) return false;
    this.latest = value;
    return true;
  }

  private setProblem(p: string | null): void {
    this.problem = p;
    this.onProblem(p);
  }

  private setDirty(d: boolean): void {
    if (this.dirty === d) return;
    this.dirty = d;
    this.registry.changed();
  }

  /** A keystroke (or paste): keep it and write it now (the queue coalesces behind a write in flight). */
  change(value: string): void {
    this.latest = value;
    this.dirty = true;
    this.flush();
  }

  /** Writes the newest text now, through the save queue. */
  flush(): void {
    if (!this.dirty) return;
    const v = this.latest.normalize('NFC');
    const problem = this.check?.(v) ?? null;
    this.setProblem(problem);
    this.held = problem !== null;
    if (problem) {
      this.registry.changed();
      return; // stays dirty: the text stays on screen and is saved once it is acceptable
    }
    this.dirty = false;
    const save = this.save;
    // enqueue tells the registry (the key is pending from now on), so the unsaved count never
    // drops to 0 between the field and the queue.
    this.registry.queue.enqueue(this.key, () => save(v), (r) => {
      const unchanged = this.latest.normalize('NFC') === v;
      if (r.ok) {
        // Stored (perhaps by a retry after a failure marked the field dirty again).
        if (unchanged) {
          this.setProblem(null);
          this.setDirty(false);
        }
      } else {
        this.setProblem(r.error.message);
        // A refused value (validation) is not retried; anything else is, by the queue. Typing
        // more then saves again from the field.
        if (unchanged) this.setDirty(r.error.code !== 'validation');
      }
    });
  }
}

export const fields = new FieldRegistry(saveQueue);

/** Writes every field's unsaved text now (page hidden, closing, before navigation). */
export function flushAllFields(): void {
  fields.flushAll();
}

/** What installPageFlush listens to and writes: the page's window and document, or fakes in a test. */
export type PageTarget = {
  addEventListener(type: string, listener: (e: { preventDefault(): void }) => void): void;
};
export type PageDocument = PageTarget & {
  readonly visibilityState: string;
  readonly documentElement: { dataset: Record<string, string | undefined> };
};

/**
 * Flushes every field when the page is hidden or goes away, and keeps
 * `<html data-unsaved="N" data-held="M">` true, so tests (and anyone) can wait on it.
 */
export function installPageFlush(win: PageTarget, doc: PageDocument, opts: { warnBeforeUnload: boolean }, registry: FieldRegistry = fields): () => void {
  const show = () => {
    doc.documentElement.dataset.unsaved = String(registry.unsaved());
    doc.documentElement.dataset.held = String(registry.held());
  };
  show();
  const unsubscribe = registry.subscribe(show);
  const flush = () => registry.flushAll();
  doc.addEventListener('visibilitychange', () => {
    if (doc.visibilityState === 'hidden') flush();
  });
  win.addEventListener('pagehide', flush);
  win.addEventListener('beforeunload', (e) => {
    flush();
    // In the browser, warn while writes are still in flight. (Electron's main process asks the
    // renderer to flush before closing instead: a beforeunload veto there would silently block.)
    if (opts.warnBeforeUnload && registry.queue.pending > 0) e.preventDefault();
  });
  return unsubscribe;
}

export type AutosaveOptions = {
  /** Identifies the field in the save queue: only its newest value is written. */
  saveKey: string;
  value: string;
  save: Save;
  /** Refuse (with this message) before sending, e.g. over the length limit. */
  check?: Check;
};

// Stryker disable all: the hook is React wiring around FieldSaver (state, effects, callbacks),
// and the unit tests run in Node without a DOM to render it. What it promises (the field keeps
// what was typed, an outside value never lands over typing, unmount and blur write at once) is
// checked in the browser by live-durability, live-seed and prepare (docs/testing.md).
export function useAutosave({ saveKey, value, save, check }: AutosaveOptions) {
  const [local, setLocal] = useState(value);
  const [error, setError] = useState<string | null>(null);
  // One saver per field identity; a new saveKey is a new field (the old one is flushed on cleanup).
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `value` seeds the saver once per key
  const saver = useMemo(() => new FieldSaver(saveKey, value, save, check, fields), [saveKey]);
  saver.bind(save, check, setError);
  const focused = useRef(false);

  // A value that changes from outside (another screen, a reload) shows here, but never over
  // what the user is typing.
  useEffect(() => {
    if (!focused.current && saver.takeOutside(value)) setLocal(value);
  }, [value, saver]);

  useEffect(() => {
    fields.add(saver);
    return () => {
      fields.delete(saver);
      saver.flush(); // switching items: what was typed is written before the field goes away
    };
  }, [saver]);

  const onChange = useCallback(
    (e: { target: { value: string } }) => {
      setLocal(e.target.value);
      saver.change(e.target.value);
    },
    [saver],
  );
  const flush = useCallback(() => saver.flush(), [saver]);
  const onFocus = useCallback(() => {
    focused.current = true;
  }, []);
  const onBlur = useCallback(() => {
    focused.current = false;
    saver.flush();
  }, [saver]);

  return { value: local, error, onChange, onBlur, onFocus, onCompositionEnd: flush, flush };
}
// Stryker restore all
