// Proposed fixes to app code, applied only to the benchmark's own renderer build (never to the
// working tree), so a fix's gain can be measured before anyone changes the real file:
//   npx tsx bench/run.ts --only browser --patch debounce200
// Each patch replaces exact source text; if the text has changed, the build fails loudly rather
// than measuring an unpatched app under a patched name.
import type { Plugin } from 'vite';

type Patch = { file: string; from: string; to: string; append?: string };

// Fixes measured this way and since applied to the app (53d5033): `maxwait` (autosave maximum
// wait), `entries` (one timeline Entry per item), `cv` (content-visibility on timeline rows) and
// `noreload` (no second meeting.get on opening). Their source text is gone, so they are not kept.
export const PATCHES: Record<string, Patch[]> = {
  // The key-then-pause p99 sits at 260–280 ms against a 300 ms target: the 250 ms debounce leaves
  // 50 ms for the HTTP call, the FULL commit and the screen. 200 ms leaves 100.
  debounce200: [
    {
      file: 'renderer/src/lib/autosave.ts',
      from: 'export const DEBOUNCE_MS = 250;',
      to: 'export const DEBOUNCE_MS = 200;',
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
