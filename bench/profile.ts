// A profiling aid for the live screen, used to explain the benchmark's misses (bench/findings.md):
//   npx tsx bench/profile.ts [--k 10] [--keys 80] [--field rec-content|rec-speaker] [--patch NAME]
// Builds the live data at k× (300·k entries, 2,000·k people), opens the live screen, records a
// CPU profile of the page (CDP Profiler) while typing at a secretary's rhythm, and prints the
// functions with the most self time, plus each keystroke's key → next-paint time.
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { spawn } from 'node:child_process';
import { build, type Plugin } from 'vite';
import { patchPlugin } from './patches';
import { chromium } from '@playwright/test';
import viteConfig from '../electron.vite.config';
import { openDatabase, DB_FILE_NAME } from '../electron/core/db/open';
import { seedDirectory, seedLiveMeeting } from './seed';
import { PORT } from './browser';
import { percentile, sleep } from './stats';

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number };
type TraceEvent = { name: string; ph: string; dur?: number; args?: { beginData?: { totalObjects?: number }; elementCount?: number } };
type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { k: { type: 'string' }, keys: { type: 'string' }, field: { type: 'string' }, patch: { type: 'string' } } });
const k = Number(values.k ?? 1);
const nKeys = Number(values.keys ?? 80);
const field = values.field ?? 'rec-content';
const work = path.join(root, 'bench', 'tmp', `profile-${k}x`);

async function main(): Promise<void> {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const db = openDatabase(path.join(work, DB_FILE_NAME));
  const people = seedDirectory(db, 2000 * k);
  const live = seedLiveMeeting(db, { entries: 300 * k, attendees: 150, people });
  db.close();
  const c = viteConfig as unknown as { renderer: Record<string, unknown> & { build: Record<string, unknown> } };
  const rendererDir = path.join(work, 'renderer');
  const plugins = [...((c.renderer.plugins as Plugin[] | undefined) ?? []), ...(values.patch ? [patchPlugin(values.patch.split(','))] : [])];
  await build({ ...c.renderer, plugins, configFile: false, logLevel: 'warn', base: './', build: { ...c.renderer.build, outDir: rendererDir } });
  const server = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'bench', 'web-server.ts'), '--data', work, '--port', String(PORT), '--renderer', rendererDir], {
    cwd: root,
    env: { ...process.env, THUKY_WEB_TOKEN: 'p' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((r) => server.stdout.once('data', () => r()));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-gpu-vsync', '--disable-frame-rate-limit'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(`http://127.0.0.1:${PORT}/?token=p#/meeting/${live.meetingId}/live/rec-${live.recIds[Math.floor(live.recIds.length / 2)]}`);
    await page.getByTestId(field).waitFor({ timeout: 180_000 });
    await page.getByTestId(field).focus();
    await page.keyboard.press('Control+End');
    await page.evaluate(`(() => {
      const b = (window.__p = []);
      document.addEventListener('keydown', (e) => { const t0 = e.timeStamp; requestAnimationFrame(() => setTimeout(() => b.push(performance.now() - t0), 0)); }, true);
    })()`);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
    const text = field === 'rec-speaker' ? 'nguyen van an tran thi ha le minh ' : ' de nghi quan som xu ly dut diem tinh trang o nhiem nguon nuoc song pheo ';
    for (let i = 0; i < nKeys; i++) {
      await page.keyboard.type(text[i % text.length]);
      await sleep(90 + ((i * 37) % 110) + (text[i % text.length] === ' ' ? 150 : 0));
    }
    await sleep(600);
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
    const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
    const phases = new Map<string, { ms: number; n: number; objects: number }>();
    for (const e of trace.traceEvents) {
      if (e.ph !== 'X' || !e.dur) continue;
      if (!['Layout', 'UpdateLayoutTree', 'Paint', 'PrePaint', 'Layerize', 'HitTest', 'RasterTask', 'Commit', 'FunctionCall', 'EventDispatch', 'ParseHTML', 'MajorGC', 'MinorGC', 'RunTask'].includes(e.name)) continue;
      const p = phases.get(e.name) ?? { ms: 0, n: 0, objects: 0 };
      p.ms += e.dur / 1000;
      p.n += 1;
      p.objects += e.args?.beginData?.totalObjects ?? e.args?.elementCount ?? 0;
      phases.set(e.name, p);
    }
    const paints = (await page.evaluate('window.__p')) as number[];
    const self = new Map<string, number>();
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    profile.samples.forEach((id, i) => {
      const n = byId.get(id)!;
      const f = n.callFrame;
      const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
      self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
    });
    const total = [...self.values()].reduce((a, b) => a + b, 0);
    console.log(`${k}× (${300 * k} entries, ${2000 * k} people), field ${field}, ${paints.length} keys`);
    console.log(`key → next paint: p50 ${percentile(paints, 50)?.toFixed(1)} p95 ${percentile(paints, 95)?.toFixed(1)} max ${percentile(paints, 100)?.toFixed(1)} ms`);
    console.log('rendering phases (trace, all threads of the page):');
    for (const [name, p] of [...phases.entries()].sort((a, b) => b[1].ms - a[1].ms)) console.log(`  ${name.padEnd(18)} ${p.ms.toFixed(0).padStart(7)} ms in ${p.n} events${p.objects ? `, avg ${(p.objects / p.n).toFixed(0)} objects/elements` : ''}`);
    console.log(`profile: ${total.toFixed(0)} ms sampled; top self time:`);
    for (const [name, ms] of [...self.entries()].filter(([n]) => !n.startsWith('(idle)')).sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${ms.toFixed(1).padStart(8)} ms  ${name}`);
  } finally {
    await browser.close();
    server.kill('SIGTERM');
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
