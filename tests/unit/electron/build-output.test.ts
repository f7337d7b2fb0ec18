// Checks the artifacts of `electron-vite build` that Electron will load: the CSP in the built
// index.html (checklist 7), the sandbox-ready preload bundle, and the core worker. Builds first
// when the output is missing, so the file also passes on its own.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { startWorkerCoreHost } from '../../../electron/main/core-host';
import { CONTENT_SECURITY_POLICY_META } from '../../../electron/main/security';
import { CHANNEL_NAMES } from '../../../electron/shared/channels';

const root = path.resolve('.');
const out = (...p: string[]): string => path.join(root, 'out', ...p);
const NEEDED = [out('renderer', 'index.html'), out('preload', 'index.cjs'), out('main', 'index.js'), out('main', 'core-worker.js'), out('main', 'docx-worker.js')];

/** Newest modification time under a folder (sources), to tell a stale build from a fresh one. */
function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

beforeAll(() => {
  const fresh =
    NEEDED.every((f) => existsSync(f)) &&
    Math.min(...NEEDED.map((f) => statSync(f).mtimeMs)) >= Math.max(newest(path.join(root, 'electron')), newest(path.join(root, 'renderer')));
  if (fresh) return;
  const bin = path.join(path.dirname(createRequire(import.meta.url).resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
  execFileSync(process.execPath, [bin, 'build'], { cwd: root, stdio: 'pipe' });
}, 180_000);

describe('built renderer index.html', () => {
  it('carries exactly the app CSP in a meta tag, before any script or stylesheet', () => {
    const html = readFileSync(out('renderer', 'index.html'), 'utf8');
    const metas = [...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/gi)];
    expect(metas).toHaveLength(1);
    expect(metas[0]![1]).toBe(CONTENT_SECURITY_POLICY_META);
    expect(metas[0]![1]).toMatch(/(^|;\s*)default-src 'self'(;|$)/);
    const at = html.indexOf(metas[0]![0]);
    for (const tag of ['<script', '<link', '<style']) {
      const i = html.indexOf(tag);
      if (i >= 0) expect(at, tag).toBeLessThan(i);
    }
  });

  it('loads nothing remote and nothing inline', () => {
    const html = readFileSync(out('renderer', 'index.html'), 'utf8');
    expect(html).not.toMatch(/(src|href)=["'](https?:)?\/\//i);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i); // no inline script
    expect(html).not.toMatch(/<style[\s>]/i);
    expect(html).not.toMatch(/\sstyle=/i);
    expect(html).not.toMatch(/\son[a-z]+=/i); // no inline event handlers
  });
});

type Exposed = { call: (channel: unknown, input: unknown) => Promise<unknown> };
type IpcRendererExtras = { on?: (channel: string, fn: (event: unknown, ...args: unknown[]) => void) => void; send?: (channel: string, ...args: unknown[]) => void };

/** Runs the built preload the way a sandboxed renderer does: a script with only require('electron'). */
function loadPreload(invoke: (channel: string, input: unknown) => Promise<unknown>, extras: IpcRendererExtras = {}): { exposed: Map<string, Exposed>; required: string[] } {
  const code = readFileSync(out('preload', 'index.cjs'), 'utf8');
  const exposed = new Map<string, Exposed>();
  const required: string[] = [];
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: Exposed) => exposed.set(key, api) },
    ipcRenderer: { invoke, ...extras },
  };
  const fakeRequire = (id: string): unknown => {
    required.push(id);
    if (id === 'electron') return electron;
    throw new Error(`a sandboxed preload cannot require ${id}`);
  };
  const module = { exports: {} };
  vm.runInNewContext(`(function (require, module, exports) {${code}\n})`, { Promise, Set, Object, Error })(fakeRequire, module, module.exports);
  return { exposed, required };
}

describe('built preload (sandboxed)', () => {
  it('is one CommonJS file that requires nothing but electron, and bundles no zod', () => {
    const code = readFileSync(out('preload', 'index.cjs'), 'utf8');
    expect(code).not.toMatch(/^\s*import\s/m);
    expect(code).not.toMatch(/\bzod\b/);
    const { required } = loadPreload(async () => null);
    expect(new Set(required)).toEqual(new Set(['electron']));
  });

  it('exposes window.thuky with a single frozen call(), window.thukyClose with one frozen onFlushRequest(), and nothing of ipcRenderer', () => {
    const { exposed } = loadPreload(async () => null);
    expect([...exposed.keys()]).toEqual(['thuky', 'thukyClose']);
    const api = exposed.get('thuky')!;
    expect(Object.keys(api)).toEqual(['call']);
    expect(Object.isFrozen(api)).toBe(true);
    const close = exposed.get('thukyClose')!;
    expect(Object.keys(close)).toEqual(['onFlushRequest']);
    expect(Object.isFrozen(close)).toBe(true);
  });

  it("answers main's flush request with the same number once the page's flush has settled, and registers only once", async () => {
    const listeners = new Map<string, (event: unknown, ...args: unknown[]) => void>();
    const sent: unknown[][] = [];
    const { exposed } = loadPreload(async () => null, {
      on: (channel, fn) => listeners.set(channel, fn),
      send: (channel, ...args) => sent.push([channel, ...args]),
    });
    const bridge = exposed.get('thukyClose') as unknown as { onFlushRequest(fn: () => Promise<void>): void };
    let release: () => void = () => undefined;
    const flushed: string[] = [];
    bridge.onFlushRequest(() => new Promise<void>((r) => (release = () => (flushed.push('first'), r()))));
    bridge.onFlushRequest(async () => void flushed.push('second')); // ignored
    expect([...listeners.keys()]).toEqual(['app:flush-request']);
    listeners.get('app:flush-request')!({}, 3);
    await new Promise((r) => setTimeout(r, 10));
    expect(sent).toEqual([]); // not before the flush is done
    release();
    await new Promise((r) => setTimeout(r, 10));
    expect(flushed).toEqual(['first']);
    expect(sent).toEqual([['app:flush-done', 3]]);
  });

  it('forwards contract channels to ipcRenderer.invoke and refuses others without sending', async () => {
    const sent: [string, unknown][] = [];
    const { exposed } = loadPreload(async (channel, input) => {
      sent.push([channel, input]);
      return { ok: true, value: channel };
    });
    const api = exposed.get('thuky')!;
    for (const channel of CHANNEL_NAMES) await expect(api.call(channel, { a: 1 })).resolves.toEqual({ ok: true, value: channel });
    expect(sent.map(([c]) => c)).toEqual([...CHANNEL_NAMES]);
    for (const bad of ['evil', 'app.info ', '__proto__', 'constructor', 42, null]) {
      const r = (await api.call(bad, {})) as { ok: boolean; error: { code: string; message: string } };
      expect(r.ok).toBe(false);
      expect(r.error.code).toBe('unknown_channel');
      expect(r.error.message).toMatch(/không hợp lệ/);
    }
    expect(sent).toHaveLength(CHANNEL_NAMES.length);
  });

  it('turns a failed invoke into a Result, never a rejection', async () => {
    const { exposed } = loadPreload(() => Promise.reject(new Error('No handler registered')));
    await expect(exposed.get('thuky')!.call('app.info', {})).resolves.toMatchObject({ ok: false, error: { code: 'ipc_failed' } });
  });
});

describe('built main process', () => {
  it('keeps native dependencies as run-time imports (not bundled)', () => {
    const worker = readFileSync(out('main', 'core-worker.js'), 'utf8');
    expect(worker).toMatch(/from ["']better-sqlite3["']/);
    const main = readFileSync(out('main', 'index.js'), 'utf8');
    expect(main).toMatch(/from ["']electron["']/);
    expect(main).not.toMatch(/from ["']better-sqlite3["']/); // main never opens the database itself
  });

  it('puts the Word-rendering and audio workers next to the core worker, where worker-thread.ts looks for them', () => {
    // worker-thread.ts looks for `<name>.js` beside the bundle that calls it.
    const core = readFileSync(out('main', 'core-worker.js'), 'utf8');
    expect(core).toContain('new URL(`./${name}.js`, callerUrl)');
    for (const name of ['docx-worker', 'audio-worker']) {
      expect(existsSync(out('main', `${name}.js`)), name).toBe(true);
      expect(core).toMatch(new RegExp(`startSiblingWorker\\(import\\.meta\\.url, ["']${name}["']\\)`));
    }
  });

  it('the built core worker runs in a worker thread and answers calls', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'thuky-built-worker-'));
    try {
      const host = await startWorkerCoreHost({ workerFile: out('main', 'core-worker.js'), init: { dataDir: dir } });
      expect(host.startupError).toBeNull();
      expect(await host.dispatch('app.info', {})).toMatchObject({ ok: true, value: { mode: 'electron' } });
      await host.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
