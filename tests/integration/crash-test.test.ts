// The crash test itself must be able to fail: a child that claims writes it never made is caught.
// (npm test also runs the real crash test, 20 kills, as its own step.)
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const run = (...args: string[]) => spawnSync('npx', ['tsx', 'scripts/crash-test.ts', ...args], { encoding: 'utf8', timeout: 120_000 });

describe('crash test', () => {
  it('reports lost writes when the child acknowledges more than it wrote', () => {
    const r = run('--kills', '2', '--sabotage');
    const last = r.stdout.trim().split('\n').pop() ?? '';
    expect(last).toMatch(/^kills: 2, corrupt: 0, lost: [1-9]\d*$/);
    expect(r.status).toBe(1);
  });

  it('finds nothing lost or corrupt with the real core', () => {
    const r = run('--kills', '3');
    expect(r.stdout.trim().split('\n').pop()).toBe('kills: 3, corrupt: 0, lost: 0');
    expect(r.status).toBe(0);
  });
});
