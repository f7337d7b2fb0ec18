// What can be proven about packaging without the network: the electron-builder configuration
// loads through electron-builder's own loader, passes its schema, names every target, keeps the
// native parts out of app.asar, and the afterPack hook flips every required fuse.
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import type { Configuration, TargetConfiguration } from 'electron-builder';
import { describe, expect, it, vi } from 'vitest';

const require = createRequire(import.meta.url);
const root = path.resolve('.');
const configPath = path.join(root, 'electron-builder.config.cjs');
// A copy: electron-builder normalises the object it loads (same require cache) in place.
const config = structuredClone(require(configPath)) as Configuration;

type FuseHook = {
  (context: unknown): Promise<void>;
  FUSES: Record<number, boolean>;
  fuseConfig: (platform: string, arch: string) => Record<string | number, unknown>;
};
const hook = require(path.join(root, 'scripts', 'after-pack-fuses.cjs')) as FuseHook;

const targetsOf = (platform: { target?: unknown } | null | undefined): string[] =>
  ((platform?.target ?? []) as (string | TargetConfiguration)[]).map((t) => (typeof t === 'string' ? t : t.target));

describe('electron-builder configuration', () => {
  it('loads with electron-builder and passes its configuration schema (offline)', async () => {
    const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
      getConfig: (dir: string, file: string, extra: null) => Promise<Configuration>;
      validateConfiguration: (c: Configuration, log: unknown) => Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    const loaded = await getConfig(root, configPath, null);
    await expect(validateConfiguration(loaded, new DebugLogger(false))).resolves.toBeUndefined();
    // The validator is live: a misspelt key is refused.
    await expect(validateConfiguration({ ...loaded, asarUnpak: [] } as Configuration, new DebugLogger(false))).rejects.toThrow();
  });

  it('names the app and every target: NSIS + portable first on Windows, AppImage + deb, dmg', () => {
    expect(config.appId).toBe('vn.thuky.hoinghi');
    expect(config.productName).toBe('Thư ký Hội nghị');
    expect(targetsOf(config.win)).toEqual(['nsis', 'portable']);
    expect(targetsOf(config.linux)).toEqual(['AppImage', 'deb']);
    expect(targetsOf(config.mac)).toEqual(['dmg']);
  });

  it('has an icon that exists and is 512×512', async () => {
    expect(config.icon).toBe('resources/icon.png');
    const sharp = (await import('sharp')).default;
    const meta = await sharp(path.join(root, 'resources', 'icon.png')).metadata();
    expect([meta.width, meta.height]).toEqual([512, 512]);
  });

  it('ships only the build output, and keeps native modules out of app.asar', () => {
    expect(config.files).toEqual(expect.arrayContaining(['out/**', 'package.json']));
    expect(config.asar).toBe(true);
    const unpack = config.asarUnpack as string[];
    expect(unpack.some((p) => p.includes('node_modules/better-sqlite3'))).toBe(true);
    expect(unpack.some((p) => p.includes('node_modules/sharp'))).toBe(true);
    expect(unpack.some((p) => p.includes('node_modules/@img'))).toBe(true);
  });

  it('ships the Electron-ABI better-sqlite3 and never rebuilds node_modules in place', () => {
    expect(config.npmRebuild).toBe(false);
    const extra = config.extraResources as { from: string; to: string }[];
    expect(extra).toContainEqual({ from: 'native/electron/better_sqlite3.node', to: 'native/better_sqlite3.node' });
    expect(extra.some((e) => e.from === 'resources')).toBe(true);
  });

  it('runs the fuse hook after packing', () => {
    expect(config.afterPack).toBe('./scripts/after-pack-fuses.cjs');
    expect(existsSync(path.join(root, config.afterPack as string))).toBe(true);
  });
});

describe('fuses (checklist 18)', () => {
  it('exports a hook function and the fuse settings', () => {
    expect(typeof hook).toBe('function');
    expect(typeof hook.fuseConfig).toBe('function');
  });

  it.each([
    ['RunAsNode', FuseV1Options.RunAsNode, false],
    ['EnableNodeOptionsEnvironmentVariable', FuseV1Options.EnableNodeOptionsEnvironmentVariable, false],
    ['EnableNodeCliInspectArguments', FuseV1Options.EnableNodeCliInspectArguments, false],
    ['OnlyLoadAppFromAsar', FuseV1Options.OnlyLoadAppFromAsar, true],
    ['EnableEmbeddedAsarIntegrityValidation', FuseV1Options.EnableEmbeddedAsarIntegrityValidation, true],
    ['EnableCookieEncryption', FuseV1Options.EnableCookieEncryption, true],
    ['GrantFileProtocolExtraPrivileges', FuseV1Options.GrantFileProtocolExtraPrivileges, false],
  ] as const)('%s is %s', (_name, fuse, value) => {
    expect(hook.FUSES[fuse]).toBe(value);
    expect(hook.fuseConfig('win32', 'x64')[fuse]).toBe(value);
  });

  it('uses fuse schema V1 and resets the ad-hoc signature only on Apple Silicon', () => {
    expect(hook.fuseConfig('linux', 'x64').version).toBe(FuseVersion.V1);
    expect(hook.fuseConfig('darwin', 'arm64').resetAdHocDarwinSignature).toBe(true);
    expect(hook.fuseConfig('darwin', 'x64').resetAdHocDarwinSignature).toBe(false);
  });

  it('asks electron-builder to flip them on the packaged binary', async () => {
    const addElectronFuses = vi.fn(async () => {});
    const context = { arch: 3, electronPlatformName: 'darwin', appOutDir: '/tmp/x', packager: { addElectronFuses } };
    await hook(context);
    expect(addElectronFuses).toHaveBeenCalledExactlyOnceWith(context, hook.fuseConfig('darwin', 'arm64'));
  });
});

describe('package scripts', () => {
  it('npm start runs scripts/start.mjs', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string>; main: string };
    expect(pkg.scripts.start).toBe('node scripts/start.mjs');
    expect(pkg.main).toBe('out/main/index.js');
  });
});
