#!/usr/bin/env node
// `npm start`: build and launch the desktop app, on a machine that has Electron's binary.
// Where Electron cannot run (its binary was never downloaded, or it cannot execute), it says so
// in ONE line, points to `npm run web`, and exits 1 — it never triggers the electron package's
// own download-on-first-use, which on a closed network only prints a stack trace.
//
// Usage: node scripts/start.mjs [--check]   (--check: only report whether Electron can run)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));

export const NO_ELECTRON_LINE = 'Không khởi động được Electron trên máy này (chưa tải được bản chạy Electron). Hãy dùng: npm run web';

/**
 * The Electron executable, found the way the electron package finds it but WITHOUT calling
 * require('electron'), which would start a download. Null when it is not on disk.
 */
export function findElectronBinary() {
  let pkgDir;
  try {
    pkgDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = path.join(pkgDir, 'path.txt');
  const rel = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const bin = path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, rel || 'electron');
    return existsSync(bin) ? bin : null;
  }
  if (!rel) return null;
  const bin = path.join(pkgDir, 'dist', rel);
  return existsSync(bin) ? bin : null;
}

// ELECTRON_RUN_AS_NODE in the caller's environment would turn Electron into plain Node.
function electronEnv() {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  return env;
}

/** True when the binary executes and reports a version within a short time. */
export function electronRuns(bin) {
  const r = spawnSync(bin, ['--version'], { encoding: 'utf8', timeout: 15_000, env: electronEnv() });
  return r.status === 0 && /^v?\d+\.\d+\.\d+/.test((r.stdout ?? '').trim());
}

function main() {
  const bin = findElectronBinary();
  if (!bin || !electronRuns(bin)) {
    console.error(NO_ELECTRON_LINE);
    process.exit(1);
  }
  if (process.argv.includes('--check')) {
    console.log(`Electron chạy được: ${bin}`);
    return;
  }
  const node = process.execPath;
  const step = (label, args) => {
    const r = spawnSync(node, args, { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) {
      console.error(`npm start dừng ở bước: ${label}.`);
      process.exit(r.status ?? 1);
    }
  };
  step('dựng better-sqlite3 cho Electron', [path.join(root, 'scripts', 'build-native-electron.mjs')]);
  step('electron-vite build', [path.join(path.dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js'), 'build']);
  // '.' makes Electron read package.json's "main" (out/main/index.js), as a packaged app would.
  const child = spawn(bin, ['.'], { cwd: root, stdio: 'inherit', env: electronEnv() });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
