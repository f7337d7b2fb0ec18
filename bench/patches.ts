// Proposed fixes to app code, applied only to the benchmark's own renderer build (never to the
// working tree), so a fix's gain can be measured before anyone changes the real file:
//   npx tsx bench/run.ts --only browser --patch entries,maxwait
// Each patch replaces exact source text; if the text has changed, the build fails loudly rather
// than measuring an unpatched app under a patched name.
import type { Plugin } from 'vite';

type Patch = { file: string; from: string; to: string; append?: string };

export const PATCHES: Record<string, Patch[]> = {
  // The timeline's rows are memoised, but timeline() wraps every item in a new Entry object on
  // each save, so every row re-renders. Reusing one Entry per item object lets memo() work.
  entries: [
    {
      file: 'renderer/src/screens/live/model.ts',
      from: `    ...d.speeches.map((item): Entry => ({ kind: 'speech', id: item.id, seq: item.seq, item })),
    ...d.recs.map((item): Entry => ({ kind: 'rec', id: item.id, seq: item.seq, item })),
    ...d.replies.map((item): Entry => ({ kind: 'reply', id: item.id, seq: item.seq, item })),`,
      to: `    ...d.speeches.map((item): Entry => wrapEntry('speech', item)),
    ...d.recs.map((item): Entry => wrapEntry('rec', item)),
    ...d.replies.map((item): Entry => wrapEntry('reply', item)),`,
      append: `
const wrapped = new WeakMap<object, Entry>();
function wrapEntry(kind: Entry['kind'], item: Recommendation | Reply | Speech): Entry {
  let e = wrapped.get(item);
  if (!e) {
    e = { kind, id: item.id, seq: item.seq, item } as Entry;
    wrapped.set(item, e);
  }
  return e;
}
`,
    },
  ],
  // Off-screen timeline rows still cost style, pre-paint and paint on every frame (48,000 layout
  // objects at 3,000 entries). content-visibility lets Blink skip the rows that are not visible.
  cv: [
    {
      file: 'renderer/src/screens/live/live.css',
      from: '',
      to: '',
      append: `
.tl-row { content-visibility: auto; contain-intrinsic-size: auto 64px; }
`,
    },
  ],
  // LiveTab reads the meeting afresh on mount (for a record left stale by another tab), which on
  // opening the app doubles meeting.get and the first render. Removing the reload measures the
  // most a fix (reload only when entered from another tab) can gain at start.
  noreload: [
    {
      file: 'renderer/src/screens/live/LiveTab.tsx',
      from: `    void saveQueue.idle().then(reload);`,
      to: `    void saveQueue.idle();`,
    },
  ],
  // The autosave debounce restarts on every key, so while the secretary types without a pause
  // nothing is written. A maximum wait writes at least every DEBOUNCE_MS during typing.
  maxwait: [
    {
      file: 'renderer/src/lib/autosave.ts',
      from: `      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(flush, DEBOUNCE_MS);`,
      to: `      const now = Date.now();
      if (firstDirtyAt.current === null) firstDirtyAt.current = now;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(flush, Math.max(0, Math.min(DEBOUNCE_MS, firstDirtyAt.current + DEBOUNCE_MS - now)));`,
    },
    {
      file: 'renderer/src/lib/autosave.ts',
      from: `    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (!dirty.current) return;`,
      to: `    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    firstDirtyAt.current = null;
    if (!dirty.current) return;`,
    },
    {
      file: 'renderer/src/lib/autosave.ts',
      from: `  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);`,
      to: `  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const firstDirtyAt = useRef<number | null>(null);`,
    },
  ],
};

export function patchPlugin(names: string[]): Plugin {
  const chosen = names.flatMap((n) => {
    const p = PATCHES[n];
    if (!p) throw new Error(`unknown patch "${n}"; known: ${Object.keys(PATCHES).join(', ')}`);
    return p;
  });
  return {
    name: 'thuky-bench:patches',
    enforce: 'pre',
    transform(code, id) {
      const mine = chosen.filter((p) => id.replace(/\\/g, '/').endsWith(p.file));
      if (!mine.length) return null;
      let out = code;
      for (const p of mine) {
        if (p.from && !out.includes(p.from)) throw new Error(`patch for ${p.file} no longer applies: the source changed`);
        out = (p.from ? out.replace(p.from, p.to) : out) + (p.append ?? '');
      }
      return { code: out, map: null };
    },
  };
}
