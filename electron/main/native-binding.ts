// Where the Electron-ABI build of better-sqlite3 lives. node_modules keeps the Node-ABI build
// that Vitest, the CLI and the browser-mode server load; Electron loads its own copy through
// better-sqlite3's `nativeBinding` option, so one `npm install` serves both without rebuilding
// back and forth. See docs/native-modules.md.
import path from 'node:path';

export const NATIVE_FILE = 'better_sqlite3.node';
/** In the repository, written by scripts/build-native-electron.mjs. */
export const DEV_NATIVE_DIR = path.join('native', 'electron');
/** In a packaged app, copied by electron-builder's extraResources (outside app.asar). */
export const PACKAGED_NATIVE_DIR = 'native';

export function electronNativeBindingPath(appRoot: string, isPackaged: boolean, resourcesPath: string): string {
  return isPackaged
    ? path.join(resourcesPath, PACKAGED_NATIVE_DIR, NATIVE_FILE)
    : path.join(appRoot, DEV_NATIVE_DIR, NATIVE_FILE);
}
