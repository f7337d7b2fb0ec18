import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronNativeBindingPath } from '../../../electron/main/native-binding';
import { appResourcesDir, builtPaths, resolveDataDir } from '../../../electron/main/paths';

describe('where Electron finds its better-sqlite3 (Electron ABI)', () => {
  it('uses native/electron in the repository during development', () => {
    expect(electronNativeBindingPath('/repo', false, '/ignored')).toBe(path.join('/repo', 'native', 'electron', 'better_sqlite3.node'));
  });
  it('uses resources/native next to app.asar when packaged (matches electron-builder extraResources)', async () => {
    expect(electronNativeBindingPath('/opt/ThuKy/resources/app.asar', true, '/opt/ThuKy/resources')).toBe(
      path.join('/opt/ThuKy/resources', 'native', 'better_sqlite3.node'),
    );
    const { createRequire } = await import('node:module');
    const config = createRequire(import.meta.url)('../../../electron-builder.config.cjs') as { extraResources: { from: string; to: string }[] };
    expect(config.extraResources).toContainEqual({ from: 'native/electron/better_sqlite3.node', to: 'native/better_sqlite3.node' });
  });
});

describe('data and resource folders', () => {
  it('uses userData, the folder browser mode and the CLI also default to', () => {
    expect(resolveDataDir('/home/u/.config/Thư ký Hội nghị', {})).toBe('/home/u/.config/Thư ký Hội nghị');
  });
  it('lets THUKY_DATA_DIR override it (end-to-end tests)', () => {
    expect(resolveDataDir('/u', { THUKY_DATA_DIR: '/tmp/e2e' })).toBe(path.resolve('/tmp/e2e'));
  });
  it('finds resources/ in the repository or next to app.asar', () => {
    expect(appResourcesDir('/repo', false, '/x')).toBe(path.join('/repo', 'resources'));
    expect(appResourcesDir('/x/app.asar', true, '/x')).toBe(path.join('/x', 'resources'));
  });
  it('derives the built preload, renderer and worker from out/main', () => {
    expect(builtPaths('/repo/out/main')).toEqual({
      preload: path.join('/repo/out/preload/index.cjs'),
      renderer: path.join('/repo/out/renderer'),
      worker: path.join('/repo/out/main/core-worker.js'),
    });
  });
});
