// Offline, proven from the build: what `electron-vite build` ships (out/renderer, out/main,
// out/preload) names no remote address for a script, a style, a font or an image. Every absolute
// URL found in the output must be on the allowlist below, each with the reason it is harmless
// (namespace identifiers and error-message text are strings, never fetched). The UI font is
// bundled: the CSS's @font-face sources are relative files that exist, Vietnamese subset included.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve('.');
const out = (...p: string[]): string => path.join(root, 'out', ...p);
const SHIPPED = [out('renderer'), out('main'), out('preload')];
const TEXT = /\.(js|cjs|mjs|css|html|json|svg|txt|map)$/i;

beforeAll(() => {
  // npm test builds before Vitest; this is for running the file on its own.
  if (existsSync(out('renderer', 'index.html')) && existsSync(out('main', 'index.js')) && existsSync(out('preload', 'index.cjs'))) return;
  const bin = path.join(path.dirname(createRequire(import.meta.url).resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
  execFileSync(process.execPath, [bin, 'build'], { cwd: root, stdio: 'pipe' });
}, 180_000);

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : [p];
  });
}

/** Absolute URLs that may appear in the shipped code, and why each is harmless. Prefix match. */
const ALLOWED: { prefix: string; why: string }[] = [
  { prefix: 'http://www.w3.org/2000/svg', why: 'SVG namespace URI: React DOM passes it to createElementNS; an identifier, never fetched' },
  { prefix: 'http://www.w3.org/1999/xlink', why: 'XLink namespace URI for xlink:* attributes in React DOM; never fetched' },
  { prefix: 'http://www.w3.org/XML/1998/namespace', why: 'XML namespace URI for xml:* attributes in React DOM; never fetched' },
  { prefix: 'http://www.w3.org/1998/Math/MathML', why: 'MathML namespace URI in React DOM; never fetched' },
  { prefix: 'https://react.dev/errors/', why: 'text of React production error messages ("visit https://react.dev/errors/N"); shown, never requested' },
  { prefix: 'http://127.0.0.1', why: "browser mode's own loopback address, if the server code is ever bundled" },
  { prefix: 'http://[${', why: "zod's IPv6 check parses the typed text as the host of a URL object (new URL) to validate it; nothing is fetched" },
  { prefix: 'https://json-schema.org/', why: "zod's JSON Schema output names its dialect by this identifier ($schema); a string, never fetched" },
  { prefix: 'http://json-schema.org/', why: "the same, for the older JSON Schema dialects zod can name" },
  {
    prefix: 'https://${typed}',
    why: "the province's hub address an office types in Thiết lập, without its scheme, gets https:// (electron/core/hub/settings.ts); the only address the core ever contacts, and only once an office has entered it",
  },
];

const URL_RE = /\b(?:https?|wss?|ftp):\/\/[^\s"'`)<>\\]+/gi;

/** Places where a protocol-relative or absolute address would make the page fetch something. */
const FETCHING: { name: string; re: RegExp }[] = [
  { name: 'src/href/poster/action attribute', re: /\b(?:src|href|poster|action|srcset)\s*=\s*["']?\s*(?:[a-z]+:)?\/\//gi },
  { name: 'CSS url()', re: /url\(\s*["']?\s*(?:[a-z][a-z0-9+.-]*:)?\/\//gi },
  { name: 'CSS @import', re: /@import\s+(?:url\()?\s*["']?\s*(?:[a-z]+:)?\/\//gi },
  { name: 'dynamic import', re: /\bimport\s*\(\s*["'`](?:[a-z]+:)?\/\//gi },
  { name: 'font service', re: /\/\/fonts\.(?:googleapis|gstatic)\.com|\/\/use\.typekit|\/\/fonts\.bunny/gi },
  { name: 'fetch of an absolute address', re: /\bfetch\(\s*["'`](?:https?:)?\/\//gi },
];

describe('the build ships no remote reference', () => {
  it('has output to scan', () => {
    for (const d of SHIPPED) expect(files(d).filter((f) => TEXT.test(f)).length, d).toBeGreaterThan(0);
  });

  it('every absolute URL in renderer, main and preload is on the allowlist', () => {
    const found: string[] = [];
    for (const f of SHIPPED.flatMap(files).filter((x) => TEXT.test(x))) {
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(URL_RE)) {
        if (!ALLOWED.some((a) => m[0].startsWith(a.prefix))) found.push(`${path.relative(root, f)}: ${m[0]}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('no script, style, font or image position names a remote or protocol-relative address', () => {
    const found: string[] = [];
    for (const f of SHIPPED.flatMap(files).filter((x) => TEXT.test(x))) {
      const text = readFileSync(f, 'utf8');
      for (const { name, re } of FETCHING) for (const m of text.matchAll(re)) found.push(`${path.relative(root, f)}: ${name}: ${m[0]}`);
    }
    expect(found).toEqual([]);
  });

  it('index.html loads only files of its own', () => {
    const html = readFileSync(out('renderer', 'index.html'), 'utf8');
    const refs = [...html.matchAll(/\b(?:src|href)\s*=\s*["']([^"']+)["']/gi)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(0);
    for (const r of refs) {
      expect(r, r).not.toMatch(/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i);
      expect(existsSync(path.join(out('renderer'), r.replace(/^\.?\//, ''))), `${r} exists`).toBe(true);
    }
  });

  it('the CSS takes its fonts from bundled files, Be Vietnam Pro with its Vietnamese subset', () => {
    const assets = out('renderer', 'assets');
    const css = files(assets).filter((f) => f.endsWith('.css'));
    expect(css.length).toBeGreaterThan(0);
    const faces: string[] = [];
    for (const f of css) {
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(/@font-face\s*{[^}]*}/g)) faces.push(m[0]);
      for (const m of text.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) {
        const u = m[1];
        if (u.startsWith('data:')) continue;
        expect(u, `${path.basename(f)}: ${u}`).not.toMatch(/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i);
        expect(existsSync(path.resolve(path.dirname(f), u.split(/[?#]/)[0])), `${u} exists`).toBe(true);
      }
    }
    expect(faces.some((f) => /font-family:\s*["']?Be Vietnam Pro/.test(f))).toBe(true);
    // The Vietnamese subset covers the stacked tone marks (U+1EA0–1EF9: ạ ả ấ … ỹ).
    expect(faces.some((f) => /Be Vietnam Pro/.test(f) && /U\+1EA0-1EF9/i.test(f))).toBe(true);
    const woff2 = readdirSync(assets).filter((n) => n.endsWith('.woff2'));
    for (const want of [/^be-vietnam-pro-vietnamese-400-normal-.*\.woff2$/, /^be-vietnam-pro-vietnamese-400-italic-.*\.woff2$/, /^be-vietnam-pro-vietnamese-600-normal-.*\.woff2$/])
      expect(woff2.some((n) => want.test(n)), String(want)).toBe(true);
    for (const n of woff2) expect(statSync(path.join(assets, n)).size, n).toBeGreaterThan(1_000);
  });

  it('the allowlist says why for each entry', () => {
    for (const a of ALLOWED) expect(a.why.length, a.prefix).toBeGreaterThan(20);
  });
});
