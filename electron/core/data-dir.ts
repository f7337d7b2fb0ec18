import os from 'node:os';
import path from 'node:path';

export const PRODUCT_NAME = 'Thư ký Hội nghị';

/**
 * The folder Electron would call userData (appData/productName), so the desktop app, the browser
 * mode and the CLI all find the same database on one laptop unless told otherwise.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = os.homedir()): string {
  if (platform === 'win32') return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return path.posix.join(env.XDG_CONFIG_HOME ?? path.posix.join(home, '.config'), PRODUCT_NAME);
}

/** `--data DIR` wins, then THUKY_DATA_DIR, then the default. */
export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (flag) return path.resolve(flag);
  if (env.THUKY_DATA_DIR) return path.resolve(env.THUKY_DATA_DIR);
  return defaultDataDir(env);
}
