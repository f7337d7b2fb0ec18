// Three builds with this project's folders (electron/ and renderer/ at the top level, not src/),
// so every input is named explicitly:
// - main: the thin shell plus the core's worker threads as further entries, ES modules (the
//   package is "type": "module"), dependencies left as imports so native better-sqlite3 and
//   sharp load from node_modules at run time instead of being bundled;
// - preload: one self-contained CommonJS file, because a sandboxed preload can neither load an
//   ES module nor require any file of ours besides itself;
// - renderer: React, with the CSP meta injected from the same constant the app:// handler sends.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY_META } from './electron/main/security';

const root = path.dirname(fileURLToPath(import.meta.url));
const at = (...p: string[]): string => path.join(root, ...p);

const CSP_META_RE = /<meta\s+http-equiv=["']Content-Security-Policy["'][^>]*>\s*/gi;

/**
 * Puts the one CSP into index.html, first thing in <head> so it governs every tag after it.
 * A hand-written CSP meta in renderer/index.html is replaced, so the policy cannot drift.
 */
function cspMetaPlugin(): Plugin {
  return {
    name: 'thuky:csp-meta',
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        const stripped = html.replace(CSP_META_RE, '');
        const meta = `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY_META}" />`;
        // Right after <meta charset> (which must stay first), else right after <head>.
        const anchor = /<meta\s+charset=[^>]*>/i.test(stripped) ? /<meta\s+charset=[^>]*>/i : /<head[^>]*>/i;
        if (!anchor.test(stripped)) throw new Error('renderer/index.html has no <head>: cannot place the CSP meta');
        return stripped.replace(anchor, (tag) => `${tag}\n    ${meta}`);
      },
    },
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: at('out', 'main'),
      externalizeDeps: true,
      rolldownOptions: {
        input: {
          index: at('electron', 'main', 'index.ts'),
          'core-worker': at('electron', 'core', 'worker.ts'),
          // The core's own thread for Word rendering; render-worker.ts looks for it next to the
          // bundle that imports it (out/main/docx-worker.js).
          'docx-worker': at('electron', 'core', 'documents', 'docx-worker.ts'),
          // The hall's sound: voice detection and transcription off the core's thread
          // (electron/core/audio/worker-host.ts looks for out/main/audio-worker.js).
          'audio-worker': at('electron', 'core', 'audio', 'audio-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: at('out', 'preload'),
      // Bundle everything except 'electron' itself: the sandbox offers no node_modules.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: at('electron', 'preload', 'index.ts') },
        output: {
          format: 'cjs',
          entryFileNames: '[name].cjs',
          codeSplitting: false,
        },
      },
    },
  },
  renderer: {
    root: at('renderer'),
    plugins: [react(), cspMetaPlugin()],
    build: {
      outDir: at('out', 'renderer'),
      emptyOutDir: true,
      // Minified (electron-vite leaves the renderer as written): 1.4 MB of script is parsed and
      // compiled before the first screen, on a mid-range laptop too (issue 15, open → interactive).
      minify: true,
      // One chunk on purpose: it is read from the laptop's disk (or loopback), never a network, so
      // splitting would only add round trips before the first screen. 0.69 MB minified.
      chunkSizeWarningLimit: 1024,
      // Fonts and images stay files served from app://, never data: URLs, so the CSP needs no
      // data: source for fonts.
      assetsInlineLimit: 0,
      rolldownOptions: {
        input: { index: at('renderer', 'index.html') },
      },
    },
  },
});
