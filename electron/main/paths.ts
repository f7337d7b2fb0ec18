// Where the app keeps and finds its files, as pure functions of what Electron reports, so the
// packaged and development layouts are both covered by tests.
import path from 'node:path';

/** Copied next to app.asar by electron-builder's extraResources (see electron-builder.config.cjs). */
export const PACKAGED_RESOURCES_DIR = 'resources';

/**
 * Electron's userData folder (appData/productName), the same folder the browser mode and the
 * CLI default to (electron/core/data-dir.ts), so all three open the same database on one
 * laptop. THUKY_DATA_DIR wins, as it does there; an end-to-end test uses it for a throwaway folder.
 */
export function resolveDataDir(userDataDir: string, env: Readonly<Record<string, string | undefined>>): string {
  const override = env['THUKY_DATA_DIR'];
  return override ? path.resolve(override) : userDataDir;
}

/** The repository's resources/ in development, its packaged copy otherwise (sample meeting, help). */
export function appResourcesDir(appRoot: string, isPackaged: boolean, resourcesPath: string): string {
  return isPackaged ? path.join(resourcesPath, PACKAGED_RESOURCES_DIR) : path.join(appRoot, 'resources');
}


/** The built files, relative to the directory of the built main (out/main). */
export function builtPaths(mainDir: string): { preload: string; renderer: string; worker: string } {
  return {
    preload: path.join(mainDir, '..', 'preload', 'index.cjs'),
    renderer: path.join(mainDir, '..', 'renderer'),
    worker: path.join(mainDir, 'core-worker.js'),
  };
}
