#!/usr/bin/env node
// Builds better-sqlite3 for Electron's ABI into native/electron/better_sqlite3.node, working
// on a COPY of the package so node_modules keeps the Node-ABI build that Vitest, the CLI and the
// browser-mode server load. Electron loads the copy through better-sqlite3's `nativeBinding`
// option (electron/main/native-binding.ts). See docs/native-modules.md.
//
// Tries, in order: a prebuilt binary (prebuild-install, from better-sqlite3's GitHub releases),
// then a compile with node-gyp against Electron's headers. Both need the network. On failure it
// prints ONE line, keeps the details in native/electron/build.log, and exits 1 without touching
// anything else.
//
// Usage: node scripts/build-native-electron.mjs [--force] [--arch=x64|arm64|ia32]
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, appendFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));

const args = process.argv.slice(2);
const force = args.includes('--force');
const arch = (args.find((a) => a.startsWith('--arch=')) ?? `--arch=${process.arch}`).slice('--arch='.length);

const outDir = path.join(root, 'native', 'electron');
const outFile = path.join(outDir, 'better_sqlite3.node');
const infoFile = path.join(outDir, 'build-info.json');
const logFile = path.join(outDir, 'build.log');
const workDir = path.join(root, 'native', '.build', 'better-sqlite3');

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const electronVersion = readJson(require.resolve('electron/package.json')).version;
const bsqlDir = path.dirname(require.resolve('better-sqlite3/package.json'));
const bsqlVersion = readJson(path.join(bsqlDir, 'package.json')).version;
const want = { electron: electronVersion, betterSqlite3: bsqlVersion, platform: process.platform, arch };

function upToDate() {
  if (!existsSync(outFile) || !existsSync(infoFile)) return false;
  try {
    const have = readJson(infoFile);
    return Object.entries(want).every(([k, v]) => have[k] === v);
  } catch {
    return false;
  }
}

if (!force && upToDate()) {
  console.log(`better-sqlite3 cho Electron ${electronVersion} đã có sẵn: ${path.relative(root, outFile)}`);
  process.exit(0);
}

mkdirSync(outDir, { recursive: true });
writeFileSync(logFile, `build-native-electron ${new Date().toISOString()} ${JSON.stringify(want)}\n`);

// npm is set up here with `nodedir` (Node's headers). Under `npm start` that arrives as
// npm_config_nodedir and would make node-gyp compile against Node's ABI, silently producing a
// module Electron refuses. Drop every setting that steers the target.
const env = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !/^npm_config_(nodedir|target|target_arch|runtime|disturl|dist_url|arch|build_from_source|devdir)$/i.test(k)),
);

function run(label, cmd, cmdArgs, timeoutMs) {
  appendFileSync(logFile, `\n$ ${label}: ${cmd} ${cmdArgs.join(' ')}\n`);
  const r = spawnSync(cmd, cmdArgs, { cwd: workDir, env, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
  appendFileSync(logFile, `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? `\n${String(r.error)}` : ''}\nexit ${r.status}\n`);
  return r.status === 0 && existsSync(path.join(workDir, 'build', 'Release', 'better_sqlite3.node'));
}

function resolveBin(request) {
  try {
    return require.resolve(request);
  } catch {
    try {
      return createRequire(path.join(bsqlDir, 'package.json')).resolve(request);
    } catch {
      return null;
    }
  }
}

// A fresh copy of the package without its Node-ABI build output.
rmSync(workDir, { recursive: true, force: true });
mkdirSync(path.dirname(workDir), { recursive: true });
cpSync(bsqlDir, workDir, { recursive: true, filter: (src) => path.relative(bsqlDir, src).split(path.sep)[0] !== 'build' });

const common = [`--runtime=electron`, `--target=${electronVersion}`, `--arch=${arch}`];
let ok = false;

const prebuild = resolveBin('prebuild-install/bin.js');
if (prebuild) ok = run('prebuilt', process.execPath, [prebuild, ...common, `--platform=${process.platform}`, '--verbose'], 3 * 60_000);

if (!ok) {
  const gyp = resolveBin('node-gyp/bin/node-gyp.js');
  if (gyp) {
    ok = run(
      'compile',
      process.execPath,
      [gyp, 'rebuild', '--release', ...common, '--dist-url=https://electronjs.org/headers', `--devdir=${path.join(os.homedir(), '.electron-gyp')}`],
      20 * 60_000,
    );
  } else {
    appendFileSync(logFile, '\nnode-gyp not found (it comes with electron-builder → @electron/rebuild)\n');
  }
}

if (!ok) {
  rmSync(path.join(root, 'native', '.build'), { recursive: true, force: true });
  console.error(
    `Không dựng được better-sqlite3 cho Electron ${electronVersion} (cần mạng để tải bản dựng sẵn hoặc tiêu đề Electron); chi tiết: ${path.relative(root, logFile)}`,
  );
  process.exit(1);
}

copyFileSync(path.join(workDir, 'build', 'Release', 'better_sqlite3.node'), outFile);
writeFileSync(infoFile, `${JSON.stringify({ ...want, bytes: statSync(outFile).size, builtAt: new Date().toISOString() }, null, 2)}\n`);
rmSync(path.join(root, 'native', '.build'), { recursive: true, force: true });
console.log(`Đã dựng better-sqlite3 ${bsqlVersion} cho Electron ${electronVersion} (${process.platform}-${arch}): ${path.relative(root, outFile)}`);
