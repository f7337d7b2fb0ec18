// electron-builder afterPack hook: flips Electron's fuses in the packaged binary (security
// checklist item 18), after the files are in place and before electron-builder signs, which is
// the order the fuses require. The settings are a plain exported constant so a unit test can
// check each one without packaging anything.
'use strict';

const { FuseV1Options, FuseVersion } = require('@electron/fuses');

/** Each fuse and the value this app ships with. */
const FUSES = Object.freeze({
  // No `ELECTRON_RUN_AS_NODE=1 ThuKy.exe evil.js`: the signed binary runs only this app.
  [FuseV1Options.RunAsNode]: false,
  // NODE_OPTIONS (e.g. --require) cannot inject code into the main process.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect / --inspect-brk / SIGUSR1 cannot attach a debugger to a shipped app.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // Electron loads app.asar and nothing else (no loose `app/` folder next to it) …
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // … and checks app.asar against the hash electron-builder embeds (macOS; Windows since
  // Electron 30; Linux has no embedded-integrity support and ignores it).
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // Chromium's cookie store encrypted with the OS keychain, like Chrome (the app sets none, but
  // this costs nothing and is one-way, so it is on from the first release).
  [FuseV1Options.EnableCookieEncryption]: true,
  // The app is served from app://, so file:// needs none of its legacy extra powers.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
});

/** The full @electron/fuses config for one packaged platform/arch. */
function fuseConfig(electronPlatformName, arch) {
  return {
    version: FuseVersion.V1,
    // Apple Silicon refuses to run a binary whose ad-hoc signature no longer matches; when the
    // build is not signed with a real identity, re-sign ad hoc after flipping.
    resetAdHocDarwinSignature: electronPlatformName === 'darwin' && arch === 'arm64',
    ...FUSES,
  };
}

// electron-builder's Arch enum: 0 ia32, 1 x64, 2 armv7l, 3 arm64, 4 universal.
const ARCH_NAMES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];

/** @param {import('app-builder-lib').AfterPackContext} context */
async function afterPack(context) {
  const arch = ARCH_NAMES[context.arch] ?? String(context.arch);
  // The packager knows the executable's final name on every platform (productFilename, or
  // linux.executableName), so let it locate the binary and call @electron/fuses.
  await context.packager.addElectronFuses(context, fuseConfig(context.electronPlatformName, arch));
}

module.exports = afterPack;
module.exports.afterPack = afterPack;
module.exports.FUSES = FUSES;
module.exports.fuseConfig = fuseConfig;
