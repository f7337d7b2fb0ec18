// The crash test is the lead's (scripts/crash-test.ts); the benchmark runs it and reads its last
// line, "kills: N, corrupt: C, lost: L". Missing script: the figure is skipped with a note.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Figure } from './report';

export async function benchCrash(root: string, kills: number, log: (s: string) => void): Promise<Figure[]> {
  const script = path.join(root, 'scripts', 'crash-test.ts');
  const size = `${kills} kills`;
  if (!existsSync(script)) return [{ section: 'crash', name: 'crash test', value: null, unit: '', size, note: 'skipped: scripts/crash-test.ts does not exist yet' }];
  const t0 = performance.now();
  const { code, out, err } = await new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, '--kills', String(kills)], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const progress = /… (\d+)\/(\d+) kills/.exec(c.toString());
      if (progress && Number(progress[1]) % 100 === 0) log(`  crash test: ${progress[1]}/${progress[2]} kills`);
    });
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('exit', (c) => resolve({ code: c, out, err }));
  });
  const seconds = (performance.now() - t0) / 1000;
  const last = out.trim().split('\n').pop() ?? '';
  const m = /kills: (\d+), corrupt: (\d+), lost: (\d+)/.exec(last);
  if (!m) return [{ section: 'crash', name: 'crash test', value: null, unit: '', size, note: `the crash test did not finish (exit ${code}): ${(err || last).trim().slice(-300)}` }];
  log(`  crash test: ${last} in ${seconds.toFixed(0)} s`);
  return [
    { section: 'crash', name: 'kills survived', value: Number(m[1]), unit: 'kills', size, note: `SIGKILL during typing, open, migration, backup, restore, record import and photo writes, over IPC dispatch and HTTP; acknowledged text compared; ${seconds.toFixed(0)} s` },
    { section: 'crash', name: 'corrupt databases after a kill', value: Number(m[2]), unit: '', target: { op: '==', value: 0 }, size },
    { section: 'crash', name: 'acknowledged writes lost', value: Number(m[3]), unit: '', target: { op: '==', value: 0 }, size },
  ];
}
