// `npm start` where Electron's binary is missing (this machine, and any closed network): one
// clear line pointing to `npm run web`, exit code 1, no download attempt, no stack trace.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const script = path.resolve('scripts/start.mjs');
const { findElectronBinary, electronRuns, NO_ELECTRON_LINE } = (await import(script)) as {
  findElectronBinary: () => string | null;
  electronRuns: (bin: string) => boolean;
  NO_ELECTRON_LINE: string;
};
const electronAvailable = (() => {
  const bin = findElectronBinary();
  return bin !== null && electronRuns(bin);
})();

describe('npm start without a runnable Electron', () => {
  it.skipIf(electronAvailable)('prints one Vietnamese line pointing to npm run web and exits 1', () => {
    const r = spawnSync(process.execPath, [script, '--check'], { encoding: 'utf8', timeout: 30_000 });
    expect(r.status).toBe(1);
    const lines = `${r.stdout}${r.stderr}`.trim().split('\n');
    expect(lines).toEqual([NO_ELECTRON_LINE]);
    expect(NO_ELECTRON_LINE).toMatch(/npm run web/);
    expect(`${r.stdout}${r.stderr}`).not.toMatch(/Downloading|at .*\(.*:\d+:\d+\)/);
  });

  it('does not treat a missing ELECTRON_OVERRIDE_DIST_PATH binary as present', () => {
    const r = spawnSync(process.execPath, [script, '--check'], {
      encoding: 'utf8',
      timeout: 30_000,
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: path.resolve('no-such-dir') },
    });
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(NO_ELECTRON_LINE);
  });
});
