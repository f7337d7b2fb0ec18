// Where the time goes between "open the web app" and "live screen interactive" (issue 15, the
// start at 10× and 100×): the core's reads (time, size, JSON), then the page's waterfall (script,
// each API call, first render, first key) and, with --profile, the page's hottest functions.
// A diagnostic, not a figure of BENCHMARKS.md (that is `npm run bench -- --only browser`); it is
// not part of `npm test`. Its data folders live in bench/tmp/start-probe and are reused.
//   npx tsx bench/start-probe.ts [--sizes 10,100] [--reps 3] [--profile] [--peer] [--no-browser] [--port 4232]
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { execFileSync } from 'node:child_process';
import { build, type Plugin } from 'vite';
import { chromium, type Page } from '@playwright/test';
import viteConfig from '../electron.vite.config';
import { createCore } from '../electron/core/app';
import { DB_FILE_NAME, openDatabase } from '../electron/core/db/open';
import { listRecommendations, listReplies, listSpeeches } from '../electron/core/repo/items';
import { listAttendees } from '../electron/core/repo/roster';
import { openLive } from '../electron/core/repo/live';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/helpers/chromium';
import { seedDirectory, seedLiveMeeting } from './seed';
import { median, round } from './stats';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    sizes: { type: 'string' },
    reps: { type: 'string' },
    profile: { type: 'boolean' },
    'no-browser': { type: 'boolean' },
    port: { type: 'string' },
    reseed: { type: 'boolean' },
    // Also measure the page as committed (HEAD's MeetingScreen and LiveTab: one meeting.get), in the same run.
    peer: { type: 'boolean' },
  },
});
const sizes = (values.sizes ?? '10,100').split(',').map(Number);
const reps = Number(values.reps ?? 3);
process.env.THUKY_BENCH_PORT = values.port ?? process.env.THUKY_BENCH_PORT ?? '4232';
const work = path.join(root, 'bench', 'tmp', 'start-probe');

type Meta = { meetingId: number; recIds: number[] };

function seed(k: number): { dir: string; meta: Meta } {
  const dir = path.join(work, `live-${k}x`);
  const metaFile = path.join(dir, 'meta.json');
  if (!values.reseed && existsSync(metaFile)) return { dir, meta: JSON.parse(readFileSync(metaFile, 'utf8')) as Meta };
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const db = openDatabase(path.join(dir, DB_FILE_NAME));
  const people = seedDirectory(db, 2000 * k, 10 + k);
  const live = seedLiveMeeting(db, { entries: 300 * k, attendees: 150, people, seed: 20 + k });
  db.close();
  const meta = { meetingId: live.meetingId, recIds: live.recIds };
  writeFileSync(metaFile, JSON.stringify(meta));
  return { dir, meta };
}

function ms(t0: number): number {
  return round(performance.now() - t0, 1)!;
}

async function core(k: number, dir: string, meta: Meta): Promise<void> {
  const t0 = performance.now();
  const c = createCore({ dataDir: dir, mode: 'web' });
  const createMs = ms(t0);
  const db = c.ctx.db;
  const parts: Record<string, number> = {};
  for (const [name, fn] of [
    ['attendees', () => listAttendees(db, meta.meetingId)],
    ['speeches', () => listSpeeches(db, meta.meetingId)],
    ['recommendations', () => listRecommendations(db, meta.meetingId)],
    ['replies', () => listReplies(db, meta.meetingId)],
  ] as const) {
    const t = performance.now();
    fn();
    parts[name] = ms(t);
  }
  const focus = { kind: 'rec' as const, id: meta.recIds[0] };
  const channels: [string, unknown][] = [['meeting.get', { id: meta.meetingId }]];
  if (c.registry.channels().includes('meeting.live' as never)) channels.push(['meeting.live', { id: meta.meetingId, focus }]);
  for (const [channel, input] of channels) {
    const runs: number[] = [];
    let value: unknown = null;
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      value = await c.registry.dispatch(channel, input);
      runs.push(performance.now() - t);
    }
    const ts = performance.now();
    const json = JSON.stringify(value);
    const stringifyMs = ms(ts);
    const tp = performance.now();
    JSON.parse(json);
    const parseMs = ms(tp);
    console.log(
      `core ${k}×: ${channel} ${round(median(runs), 1)} ms (runs ${runs.map((x) => Math.round(x)).join(', ')}), ${round(Buffer.byteLength(json) / 1e6, 2)} MB JSON, stringify ${stringifyMs} ms, parse ${parseMs} ms`,
    );
  }
  console.log(`core ${k}×: createCore ${createMs} ms; parts of getRecord: ${JSON.stringify(parts)}`);
  // The first answer with no item whole but the one opened: the skeleton's own cost.
  const t = performance.now();
  const json = JSON.stringify(openLive(db, meta.meetingId, focus, 0));
  console.log(`core ${k}×: openLive, window 0: ${round(Buffer.byteLength(json) / 1e6, 2)} MB, ${ms(t)} ms with stringify`);
  c.close();
}

type Waterfall = { visibleAt: number; keyAt: number; nav: Record<string, number>; api: { name: string; start: number; end: number; kb: number }[]; scripts: { name: string; start: number; end: number }[] };

async function waterfall(page: Page, url: string, timeoutMs: number): Promise<Waterfall> {
  await page.goto(url, { waitUntil: 'commit', timeout: timeoutMs });
  const visibleAt = (await (await page.waitForFunction(`(() => { const el = document.querySelector('[data-testid="rec-content"]'); return el && el.offsetParent !== null ? performance.now() : 0; })()`, undefined, { timeout: timeoutMs, polling: 'raf' })).jsonValue()) as number;
  const field = page.getByTestId('rec-content');
  await field.focus();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('.');
  const keyAt = (await (await page.waitForFunction(`document.querySelector('[data-testid="rec-content"]').value.endsWith('.') ? performance.now() : 0`, undefined, { timeout: timeoutMs, polling: 'raf' })).jsonValue()) as number;
  const data = (await page.evaluate(`(() => {
    const n = performance.getEntriesByType('navigation')[0];
    const r = performance.getEntriesByType('resource');
    return {
      nav: { responseEnd: n.responseEnd, domInteractive: n.domInteractive, dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd },
      api: r.filter((e) => e.name.includes('/api/')).map((e) => ({ name: e.name.split('/api/')[1], start: e.startTime, end: e.responseEnd, kb: Math.round(e.encodedBodySize / 1024) })),
      scripts: r.filter((e) => !e.name.includes('/api/')).map((e) => ({ name: e.name.split('/').pop(), start: e.startTime, end: e.responseEnd })),
    };
  })()`)) as Omit<Waterfall, 'visibleAt' | 'keyAt'>;
  return { visibleAt, keyAt, ...data };
}

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] };

function topSelf(profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }, n: number): string[] {
  const self = new Map<string, number>();
  const byId = new Map(profile.nodes.map((x) => [x.id, x]));
  profile.samples.forEach((id, i) => {
    const node = byId.get(id)!;
    const f = node.callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `${v.toFixed(1).padStart(8)} ms  ${k}`);
}

async function browserPart(k: number, dir: string, meta: Meta, rendererDir: string): Promise<void> {
  const { startServer, stopServer, PORT } = await import('./browser');
  const server = await startServer({ root, rendererDir }, dir);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS], headless: true });
  try {
    const totals: number[] = [];
    for (let i = 0; i < reps; i++) {
      const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', bypassCSP: true });
      const page = await ctx.newPage();
      const profiling = values.profile && i === reps - 1;
      const cdp = profiling ? await ctx.newCDPSession(page) : null;
      if (cdp) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
        await cdp.send('Profiler.start');
      }
      const t0 = performance.now();
      const w = await waterfall(page, `http://127.0.0.1:${PORT}/?token=bench-token-loopback-only#/meeting/${meta.meetingId}/live/rec-${meta.recIds[i % meta.recIds.length]}`, 180_000);
      const total = performance.now() - t0;
      totals.push(total);
      const api = w.api.map((a) => `${a.name} ${Math.round(a.start)}→${Math.round(a.end)} (${a.kb} KB)`).join('; ');
      const js = w.scripts.filter((s) => /\.(js|css)$/.test(s.name ?? '')).map((s) => `${s.name} →${Math.round(s.end)}`).join(', ');
      console.log(`page ${k}× #${i + 1}: total ${Math.round(total)} ms (node clock); page clock: response ${Math.round(w.nav.responseEnd)}, DCL ${Math.round(w.nav.dcl)}, visible ${Math.round(w.visibleAt)}, key ${Math.round(w.keyAt)}`);
      console.log(`   files: ${js}`);
      console.log(`   api: ${api}`);
      if (cdp) {
        const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
        const file = path.join(work, `page-${k}x.cpuprofile`);
        writeFileSync(file, JSON.stringify(profile));
        console.log(`   profile (${path.relative(root, file)}), top self time:\n   ${topSelf(profile, 30).join('\n   ')}`);
      }
      await ctx.close();
    }
    console.log(`page ${k}×: median ${Math.round(median(totals)!)} ms of ${totals.map((x) => Math.round(x)).join(', ')}`);
  } finally {
    await browser.close();
    await stopServer(server);
  }
}

/** Serves these files as committed (git HEAD), the rest of the tree as it is. */
function headFiles(files: string[]): Plugin {
  return {
    name: 'start-probe:head-files',
    enforce: 'pre',
    load(id) {
      const rel = path.relative(root, id.split('?')[0]!).replace(/\\/g, '/');
      return files.includes(rel) ? execFileSync('git', ['show', `HEAD:${rel}`], { cwd: root, encoding: 'utf8' }) : null;
    },
  };
}

async function main(): Promise<void> {
  console.log(`load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  mkdirSync(work, { recursive: true });
  const seeded = sizes.map((k) => ({ k, ...seed(k) }));
  for (const s of seeded) await core(s.k, s.dir, s.meta);
  if (values['no-browser']) return;
  const c = viteConfig as unknown as { renderer: Record<string, unknown> & { build: Record<string, unknown>; plugins?: Plugin[] } };
  const builds: [string, Plugin[]][] = [['this tree', []]];
  if (values.peer) builds.push(['HEAD (peer)', [headFiles(['renderer/src/screens/MeetingScreen.tsx', 'renderer/src/screens/live/LiveTab.tsx'])]]);
  for (const [name, extra] of builds) {
    const rendererDir = path.join(work, `renderer-${builds.findIndex((b) => b[0] === name)}`);
    await build({ ...c.renderer, plugins: [...(c.renderer.plugins ?? []), ...extra], configFile: false, logLevel: 'warn', base: './', build: { ...c.renderer.build, outDir: rendererDir } });
    console.log(`--- renderer: ${name}`);
    for (const s of seeded) await browserPart(s.k, s.dir, s.meta, rendererDir);
  }
  console.log(`load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
