// The crash test is the lead's (scripts/crash-test.ts); the benchmark runs it and reads its last
// line, "kills: N, corrupt: C, lost: L". Missing script: the figure is skipped with a note.
// The kills run as one crash test per core (each in its own temporary data folder, with its own
// seed and its own child; the HTTP phase listens on port 0): each kill is a process start, a
// kill and a check, mostly one core's work, so two runs side by side take about half the time.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Figure } from './report';

type Run = { code: number | null; out: string; err: string };

/** `kills` split into `parts` shares that add up to it (the first ones one larger). */
export function splitKills(kills: number, parts: number): number[] {
  const n = Math.max(1, Math.min(parts, kills));
  return Array.from({ length: n }, (_, i) => Math.floor(kills / n) + (i < kills % n ? 1 : 0));
}

/** Adds the last lines "kills: N, corrupt: C, lost: L" of several runs; null if one did not finish. */
export function sumVerdicts(lasts: string[]): { kills: number; corrupt: number; lost: number } | null {
  let kills = 0;
  let corrupt = 0;
  let lost = 0;
  for (const last of lasts) {
    const m = /kills: (\d+), corrupt: (\d+), lost: (\d+)/.exec(last);
    if (!m) return null;
    kills += Number(m[1]);
    corrupt += Number(m[2]);
    lost += Number(m[3]);
  }
  return { kills, corrupt, lost };
}

function runOne(root: string, script: string, kills: number, onKills: (done: number) => void): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, '--kills', String(kills)], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const progress = /… (\d+)\/(\d+) kills/.exec(c.toString());
      if (progress) onKills(Number(progress[1]));
    });
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('exit', (c) => resolve({ code: c, out, err }));
  });
}

export async function benchCrash(root: string, kills: number, log: (s: string) => void): Promise<Figure[]> {
  const script = path.join(root, 'scripts', 'crash-test.ts');
  const size = `${kills} kills`;
  if (!existsSync(script)) return [{ section: 'crash', name: 'crash test', value: null, unit: '', size, note: 'skipped: scripts/crash-test.ts does not exist yet' }];
  const shares = splitKills(kills, Math.min(2, os.availableParallelism()));
  const done = shares.map(() => 0);
  let logged = 0;
  const t0 = performance.now();
  const runs = await Promise.all(
    shares.map((k, i) =>
      runOne(root, script, k, (n) => {
        done[i] = n;
        const total = done.reduce((a, b) => a + b, 0);
        if (total >= logged + 50) {
          logged = total - (total % 50);
          log(`  crash test: ${total}/${kills} kills`);
        }
      }),
    ),
  );
  const seconds = (performance.now() - t0) / 1000;
  const lasts = runs.map((r) => r.out.trim().split('\n').pop() ?? '');
  const sum = sumVerdicts(lasts);
  if (!sum) {
    const bad = runs.find((r, i) => !/kills: \d+/.test(lasts[i] ?? '')) ?? runs[0]!;
    const last = bad.out.trim().split('\n').pop() ?? '';
    return [{ section: 'crash', name: 'crash test', value: null, unit: '', size, note: `the crash test did not finish (exit ${bad.code}): ${(bad.err || last).trim().slice(-300)}` }];
  }
  const seeds = runs.map((r) => /seed: (\d+)/.exec(r.out)?.[1] ?? '?').join(', ');
  log(`  crash test: kills: ${sum.kills}, corrupt: ${sum.corrupt}, lost: ${sum.lost} in ${seconds.toFixed(0)} s (${shares.length} runs side by side, seeds ${seeds})`);
  return [
    { section: 'crash', name: 'kills survived', value: sum.kills, unit: 'kills', size, note: `SIGKILL during typing, open, migration, backup, restore, record import and photo writes, over IPC dispatch and HTTP; acknowledged text compared; ${shares.length} runs of ${shares.join(' + ')} kills side by side (seeds ${seeds}), ${seconds.toFixed(0)} s` },
    { section: 'crash', name: 'corrupt databases after a kill', value: sum.corrupt, unit: '', target: { op: '==', value: 0 }, size },
    { section: 'crash', name: 'acknowledged writes lost', value: sum.lost, unit: '', target: { op: '==', value: 0 }, size },
  ];
}
