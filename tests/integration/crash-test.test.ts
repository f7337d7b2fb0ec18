// The crash test itself must be able to fail: a child that changes an acknowledged value behind
// the core's back (same length, so only a content comparison notices), or removes a recommendation
// of an imported meeting, is caught. (npm test also runs the real crash test, 20 kills, as its own
// step.)
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const run = (...args: string[]) => spawnSync('npx', ['tsx', 'scripts/crash-test.ts', ...args], { encoding: 'utf8', timeout: 150_000 });
const lastLine = (out: string) => out.trim().split('\n').pop() ?? '';
const phaseOrder = (out: string) =>
  (/^phases \(kills, of which inside the operation\): (.*)$/m.exec(out)?.[1] ?? '')
    .split(', ')
    .map((p) => p.split(' ')[0]);

describe('crash test', () => {
  it('reports an acknowledged value changed behind the core, even at the same length', () => {
    const r = run('--kills', '2', '--phases', 'typing', '--sabotage');
    expect(lastLine(r.stdout)).toMatch(/^kills: 2, corrupt: 0, lost: [1-9]\d*$/);
    expect(r.stderr).toMatch(/rec:\d+: acked "[^"]{3}", found "XXX"/);
    expect(r.status).toBe(1);
  }, 150_000);

  it('reports a half-imported meeting as corrupt', () => {
    const r = run('--kills', '2', '--phases', 'import', '--sabotage');
    expect(lastLine(r.stdout)).toMatch(/^kills: 2, corrupt: [1-9]\d*, lost: [1-9]\d*$/);
    expect(r.stderr).toMatch(/half-imported: (\d+) of (?!\1)\d+ recommendations/);
    expect(r.status).toBe(1);
  }, 150_000);

  it('finds nothing lost or corrupt with the real core, killed once in every phase', () => {
    const r = run('--kills', '7', '--seed', '7');
    expect(r.stderr).toBe('');
    expect(phaseOrder(r.stdout).sort()).toEqual(['backup', 'import', 'migration', 'open', 'photo', 'restore', 'typing']);
    expect(r.stdout).toMatch(/^migrations killed: \d+ left at version 3, \d+ done \(version \d+\)$/m);
    expect(lastLine(r.stdout)).toBe('kills: 7, corrupt: 0, lost: 0');
    expect(r.status).toBe(0);
  }, 150_000);

  it('replays the same kill phases from the same seed', () => {
    const a = run('--kills', '4', '--seed', '42', '--phases', 'open,typing,backup');
    const b = run('--kills', '4', '--seed', '42', '--phases', 'open,typing,backup');
    expect(a.stdout).toMatch(/^seed: 42 /);
    expect(phaseOrder(a.stdout)).toHaveLength(3);
    expect(phaseOrder(b.stdout)).toEqual(phaseOrder(a.stdout));
    expect([a.status, b.status]).toEqual([0, 0]);
  }, 150_000);
});
