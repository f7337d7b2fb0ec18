// The security scan gate CI runs: electronegativity on the built app, failing on any finding
// not justified in scripts/electronegativity.mjs (and docs/security.md).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve('.');
const script = path.join(root, 'scripts', 'electronegativity.mjs');

beforeAll(() => {
  if (existsSync(path.join(root, 'out', 'main', 'index.js')) && existsSync(path.join(root, 'out', 'renderer', 'index.html'))) return;
  const bin = path.join(path.dirname(createRequire(import.meta.url).resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
  spawnSync(process.execPath, [bin, 'build'], { cwd: root, stdio: 'pipe' });
}, 180_000);

describe('electronegativity gate', () => {
  it('passes on the built app: every finding is a justified one', () => {
    const r = spawnSync(process.execPath, [script], { cwd: root, encoding: 'utf8', timeout: 120_000 });
    expect(r.stderr).not.toMatch(/FINDING/);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/0 not justified/);
  }, 120_000);

  it('fails on an app with real problems (insecure window, openExternal, no guards)', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'thuky-eneg-'));
    try {
      mkdirSync(path.join(dir, 'main'));
      cpSync(path.join(root, 'out', 'renderer'), path.join(dir, 'renderer'), { recursive: true });
      writeFileSync(
        path.join(dir, 'main', 'index.js'),
        "const { BrowserWindow, shell } = require('electron');\n" +
          "const w = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });\n" +
          "w.webContents.on('new-window', (e, url) => shell.openExternal(url));\n",
      );
      const r = spawnSync(process.execPath, [script, `--input=${dir}`], { cwd: root, encoding: 'utf8', timeout: 120_000 });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/FINDING\s+CONTEXT_ISOLATION_JS_CHECK/);
      expect(r.stderr).toMatch(/FINDING\s+LIMIT_NAVIGATION_GLOBAL_CHECK/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
