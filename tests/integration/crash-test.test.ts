// The crash test itself must be able to fail: a child that changes an acknowledged value behind
// the core's back (same length, so only a content comparison notices), removes a recommendation
// of an imported meeting, or a data folder whose lock stays held, is caught. (npm test also runs the real crash test, 20 kills, as its own
// step.)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireDataLock } from '../../electron/core/lock';

const run = (...args: string[]) => spawnSync('npx', ['tsx', 'scripts/crash-test.ts', ...args], { encoding: 'utf8', timeout: 150_000 });
const lastLine = (out: string) => out.trim().split('\n').pop() ?? '';
const phaseOrder = (out: string) =>
  (/^phases \(kills, of which inside the operation\): (.*)$/m.exec(out)?.[1] ?? '')
    .split(', ')
    .map((p) => p.split(' ')[0]);

describe('crash test', () => {
  it('reports an acknowledged value changed behind the core, even at the same length', () => {
    const r = run('--kills', '2', '--phases', 'typing', '--sabotage');
    expect(lastLine(r.stdout), r.stderr).toMatch(/^kills: 2, corrupt: 0, lost: [1-9]\d*$/);
    expect(r.stderr).toMatch(/rec:\d+: acked "[^"]{3}", found "XXX"/);
    expect(r.status).toBe(1);
  }, 150_000);

  it('checks the writes acknowledged over HTTP by a second process, not only in-process ones', () => {
    const bad = run('--kills', '1', '--phases', 'typing', '--transport', 'http', '--sabotage');
    expect(lastLine(bad.stdout), bad.stderr).toMatch(/^kills: 1, corrupt: 0, lost: [1-9]\d*$/);
    expect(bad.stdout).toContain('transports: 0 through Registry.dispatch, 1 through the browser-mode HTTP server');
    const good = run('--kills', '3', '--phases', 'typing,restore,photo', '--transport', 'http');
    expect(good.stderr).toBe('');
    expect(good.stdout).toMatch(/^… 3\/3 kills, [1-9]\d* acknowledged writes checked$/m);
    expect(lastLine(good.stdout), good.stderr).toBe('kills: 3, corrupt: 0, lost: 0');
  }, 150_000);

  it('reports a half-imported meeting as corrupt', () => {
    const r = run('--kills', '2', '--phases', 'import', '--sabotage');
    expect(lastLine(r.stdout), r.stderr).toMatch(/^kills: 2, corrupt: [1-9]\d*, lost: [1-9]\d*$/);
    expect(r.stderr).toMatch(/half-imported: (\d+) of (?!\1)\d+ recommendations/);
    expect(r.status).toBe(1);
  }, 150_000);

  it('reports a data folder whose lock is not free for the next writer', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'thuky-crash-lock-'));
    // Held by this process for the whole run, as a holder that outlived its kill would be.
    const lock = acquireDataLock(dir, 'cli', { command: 'crash-test.test' });
    try {
      const r = run('--kills', '1', '--phases', 'typing', '--transport', 'dispatch', '--data', dir);
      expect(lastLine(r.stdout), r.stderr).toBe('kills: 1, corrupt: 1, lost: 0');
      expect(r.stderr).toMatch(/the child stopped by itself before the kill/);
      expect(r.stderr).toMatch(/still locked after the kill/);
      expect(r.status).toBe(1);
    } finally {
      lock.release();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 150_000);

  it('finds nothing lost or corrupt with the real core, killed once in every phase', () => {
    const r = run('--kills', '7', '--seed', '7');
    expect(r.stderr).toBe('');
    expect(phaseOrder(r.stdout).sort()).toEqual(['backup', 'import', 'migration', 'open', 'photo', 'restore', 'typing']);
    expect(r.stdout).toMatch(/^migrations killed: \d+ left at version 3, \d+ done \(version \d+\)$/m);
    expect(lastLine(r.stdout), r.stderr).toBe('kills: 7, corrupt: 0, lost: 0');
    expect(r.status).toBe(0);
  }, 150_000);

  it('replays the same kill phases from the same seed', () => {
    const a = run('--kills', '4', '--seed', '42', '--phases', 'open,typing,backup');
    const b = run('--kills', '4', '--seed', '42', '--phases', 'open,typing,backup');
    expect(a.stdout).toMatch(/^seed: 42 /);
    expect(phaseOrder(a.stdout), a.stderr).toHaveLength(3);
    expect(phaseOrder(b.stdout)).toEqual(phaseOrder(a.stdout));
    expect([a.status, b.status]).toEqual([0, 0]);
  }, 150_000);
});
