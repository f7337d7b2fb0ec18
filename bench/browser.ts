// Figures felt in the browser: Debian's Chromium driven by Playwright against the browser-mode
// server (the same core and HTTP layer as `npm run web`) on port 4231, with the live screen of a
// seeded meeting open. In-page probes are plain JavaScript strings: this file is type-checked
// for Node, without the DOM library, and the probes run in the page, not here.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import type { Figure } from './report';
import { median, percentile, round, sleep } from './stats';
import { rng, type Rng } from './data';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/helpers/chromium';
import { benchProjector } from './projector';

// THUKY_BENCH_PORT: another port, so two engineers' runs on one machine do not collide.
export const PORT = Number(process.env.THUKY_BENCH_PORT ?? 4231);
const TOKEN = 'bench-token-loopback-only';
const CHROMIUM = CHROMIUM_PATH;
// The e2e tests' flags, plus precise heap figures. Frames are not throttled to the display's
// 60 Hz: headless there is no display, and without vsync "key to next paint" measures the app's
// own work instead of up to 16.7 ms of waiting for a refresh that a real screen would add anyway.
const ARGS = [
  ...CHROMIUM_ARGS,
  '--enable-precise-memory-info',
  '--disable-gpu-vsync',
  '--disable-frame-rate-limit',
];

export type BrowserSize = {
  label: string;
  dataDir: string;
  meetingId: number;
  recIds: number[];
};

export type BrowserOptions = {
  root: string;
  rendererDir: string;
  quick: boolean;
  log: (s: string) => void;
};

export type Server = { proc: ChildProcess; pid: number; coreMs: number };

export function startServer(o: Pick<BrowserOptions, 'root' | 'rendererDir'>, dataDir: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', path.join(o.root, 'bench', 'web-server.ts'), '--data', dataDir, '--port', String(PORT), '--renderer', o.rendererDir], {
      cwd: o.root,
      env: { ...process.env, THUKY_WEB_TOKEN: TOKEN },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`server did not start in 120 s: ${err.slice(-1000)}`)), 120_000);
    proc.stderr!.on('data', (c: Buffer) => (err += c.toString()));
    proc.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /ready core=([\d.]+)ms pid=(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ proc, pid: Number(m[2]), coreMs: Number(m[1]) });
      }
    });
    proc.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before it was ready: ${err.slice(-1000)}`));
    });
  });
}

export async function stopServer(s: Server): Promise<void> {
  if (s.proc.exitCode !== null) return;
  const gone = new Promise<void>((r) => s.proc.once('exit', () => r()));
  s.proc.kill('SIGTERM');
  await Promise.race([gone, sleep(5000)]);
  if (s.proc.exitCode === null) s.proc.kill('SIGKILL');
}

function rssMb(pid: number): number | null {
  try {
    return Math.round(Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim()) / 1024);
  } catch {
    return null;
  }
}

export function chromiumVersion(): string {
  try {
    return execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'not found';
  }
}

const url = (s: BrowserSize, recId: number): string => `http://127.0.0.1:${PORT}/?token=${TOKEN}#/meeting/${s.meetingId}/live/rec-${recId}`;

// Probe installed in the page: for each keystroke (keydown, or beforeinput for characters that
// Chromium inserts without a key event), the time to the end of the next frame, plus the Event
// Timing entries that Chromium itself reports over 16 ms.
const PROBE = `(() => {
  const b = (window.__bench = { keys: [], slow: [], lastKd: null, ta: [], taSnap: '' });
  document.addEventListener('keydown', (e) => { b.lastKd = e.timeStamp; }, true);
  document.addEventListener('beforeinput', (e) => {
    const t0 = b.lastKd !== null && e.timeStamp - b.lastKd < 50 ? b.lastKd : e.timeStamp;
    b.lastKd = null;
    const k = { t0, paint: -1 };
    b.keys.push(k);
    requestAnimationFrame(() => setTimeout(() => { k.paint = performance.now() - t0; }, 0));
  }, true);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) b.slow.push({ name: e.name, start: e.startTime, duration: e.duration });
  }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  return true;
})()`;

type PageKeys = { keys: { t0: number; paint: number }[]; slow: { name: string; start: number; duration: number }[] };

async function readProbe(page: Page): Promise<PageKeys> {
  return (await page.evaluate(`(() => { const b = window.__bench; const r = { keys: b.keys.slice(), slow: b.slow.slice() }; b.keys.length = 0; b.slow.length = 0; return r; })()`)) as PageKeys;
}

/** Intervals between keystrokes of a secretary typing a spoken sentence: quick within a word, a beat between words, now and then a pause to listen. */
function cadence(r: Rng, ch: string, i: number): number {
  let ms = 90 + r.next() * 110;
  if (ch === ' ') ms += r.next() * 250;
  if (i > 0 && i % 45 === 0) ms += 600 + r.next() * 900;
  return Math.round(ms);
}

type Durable = { at: number; durableAt: number | null };

/** Polls the row in SQLite (a read-only connection of its own; WAL lets it read beside the writer). */
function poller(dbFile: string, recId: number) {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  const q = db.prepare('SELECT content FROM recommendations WHERE id = ?').pluck();
  const pending: { expect: string; d: Durable }[] = [];
  let stop = false;
  let stopAt = 0;
  const loop = (async () => {
    while (!stop || pending.length) {
      const content = (q.get(recId) as string | undefined) ?? '';
      const now = performance.now();
      for (let i = pending.length - 1; i >= 0; i--) {
        if (content.startsWith(pending[i].expect)) {
          pending[i].d.durableAt = now;
          pending.splice(i, 1);
        }
      }
      if (stop && pending.length) {
        // Give the last debounce and save a generous while, then give up on what is left.
        if (performance.now() - stopAt > 10_000) break;
      }
      await sleep(1);
    }
    db.close();
  })();
  return {
    /** Registers a keystroke: durable once the row starts with `expect`. */
    watch(expect: string, at: number): Durable {
      const d: Durable = { at, durableAt: null };
      pending.push({ expect, d });
      return d;
    },
    async finish(): Promise<void> {
      stop = true;
      stopAt = performance.now();
      await loop;
    },
  };
}

async function typeOne(page: Page, ch: string): Promise<void> {
  await page.keyboard.type(ch);
}

export async function openLive(ctx: BrowserContext, s: BrowserSize, recId: number, timeoutMs: number): Promise<{ page: Page; ms: number }> {
  const page = await ctx.newPage();
  const t0 = performance.now();
  await page.goto(url(s, recId), { waitUntil: 'commit', timeout: timeoutMs });
  const field = page.getByTestId('rec-content');
  await field.waitFor({ state: 'visible', timeout: timeoutMs });
  // Interactive: a key typed now lands in the field.
  await field.focus();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('.');
  await page.waitForFunction(`document.querySelector('[data-testid="rec-content"]').value.endsWith('.')`, undefined, { timeout: timeoutMs, polling: 'raf' });
  return { page, ms: performance.now() - t0 };
}

async function heap(page: Page): Promise<{ usedMb: number; afterGcMb: number }> {
  const cdp = await page.context().newCDPSession(page);
  const before = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.send('HeapProfiler.collectGarbage');
  const after = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return { usedMb: round(before.usedSize / 1024 / 1024, 1)!, afterGcMb: round(after.usedSize / 1024 / 1024, 1)! };
}

/** Issue 15: typed text on disk within 0.1 s at 1× and 10×, 0.2 s at 100×. */
function durableWithin(sizeLabel: string): number {
  return sizeLabel.startsWith('100×') ? 200 : 100;
}

export async function benchBrowser(o: BrowserOptions, sizes: BrowserSize[]): Promise<Figure[]> {
  const figs: Figure[] = [];
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
    figs.push(...(await floor(browser, o.quick ? 30 : 80)));
    for (const [si, s] of sizes.entries()) {
      o.log(`  browser ${s.label}: starting the server`);
      const server = await startServer(o, s.dataDir);
      try {
        figs.push(...(await oneSize(o, browser, s, server, si)));
      } catch (e) {
        o.log(`  browser ${s.label}: FAILED ${(e as Error).message.split('\n')[0]}`);
        figs.push({ section: 'start', name: 'live screen interactive', value: null, unit: 'ms', size: s.label, note: `the browser run failed at this size: ${(e as Error).message.split('\n')[0].slice(0, 200)}` });
      } finally {
        await stopServer(server);
      }
    }
  } finally {
    await browser?.close();
  }
  return figs;
}

/** The same probe on a bare textarea: what this browser on this machine costs with no app at all. */
async function floor(browser: Browser, n: number): Promise<Figure[]> {
  const page = await browser.newPage();
  await page.setContent('<!doctype html><textarea id="t" rows="8" cols="80"></textarea>');
  await page.evaluate(PROBE);
  await page.focus('#t');
  for (let i = 0; i < n; i++) {
    await page.keyboard.type('abcdefgh '[i % 9]);
    await sleep(60 + (i % 5) * 30);
  }
  await sleep(200);
  const paints = (await readProbe(page)).keys.map((k) => k.paint).filter((x) => x >= 0);
  await page.close();
  return [
    { section: 'input', name: 'floor: bare <textarea>, keypress → next paint p50', value: round(percentile(paints, 50), 1), unit: 'ms', size: 'no app', note: `${paints.length} keys; the probe's own floor on this machine and browser` },
    { section: 'input', name: 'floor: bare <textarea>, keypress → next paint p95', value: round(percentile(paints, 95), 1), unit: 'ms', size: 'no app' },
  ];
}

async function oneSize(o: BrowserOptions, browser: Browser, s: BrowserSize, server: Server, sizeIndex: number): Promise<Figure[]> {
  const figs: Figure[] = [];
  const big = sizeIndex >= 2;
  const timeout = big ? 180_000 : 60_000;
  const ctxOpts = { viewport: { width: 1366, height: 768 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' };
  figs.push({ section: 'start', name: 'core: createCore in the server (open, migrations check; quick_check after, on its thread)', value: round(server.coreMs, 1), unit: 'ms', size: s.label });

  // 6. Start: a fresh browser context each time (no cache, no cookie), page load to first key accepted.
  const starts: number[] = [];
  const startReps = o.quick ? 1 : big ? 2 : 4;
  for (let i = 0; i < startReps; i++) {
    const ctx = await browser.newContext(ctxOpts);
    const { ms } = await openLive(ctx, s, s.recIds[i % s.recIds.length], timeout);
    starts.push(ms);
    await ctx.close();
  }
  figs.push({ section: 'start', name: 'open the web app → live screen interactive', value: round(median(starts), 0), unit: 'ms', target: { op: '<=', value: big ? 1500 : 1000 }, size: s.label, note: `median of ${starts.length}: ${starts.map((x) => Math.round(x)).join(', ')} ms; fresh context, token redirect included, first key accepted` });
  o.log(`  browser ${s.label}: start ${starts.map((x) => Math.round(x)).join(', ')} ms`);

  // Issue 16: the projector page (a second tab, BroadcastChannel) follows the secretary's page.
  if (sizeIndex === 0) {
    const pctx = await browser.newContext(ctxOpts);
    try {
      figs.push(...(await benchProjector(pctx, `http://127.0.0.1:${PORT}/?token=${TOKEN}`, s.meetingId, { quick: o.quick, size: s.label, timeoutMs: timeout })));
    } catch (e) {
      o.log(`  browser ${s.label}: projector FAILED ${(e as Error).message.split('\n')[0]}`);
    } finally {
      await pctx.close();
    }
  }

  // The page the remaining figures use.
  const ctx = await browser.newContext(ctxOpts);
  const recId = s.recIds[Math.floor(s.recIds.length / 2)];
  const { page } = await openLive(ctx, s, recId, timeout);
  await sleep(500);
  const mem = await heap(page);
  const rss = rssMb(server.pid);
  figs.push(
    { section: 'memory', name: 'renderer JS heap on the live screen (after GC)', value: mem.afterGcMb, unit: 'MB', target: { op: '<=', value: 150 }, size: s.label, note: `${mem.usedMb} MB before GC (CDP Runtime.getHeapUsage)` },
    { section: 'memory', name: 'core RSS (browser-mode server process)', value: rss, unit: 'MB', size: s.label, note: 'ps -o rss of the server, after the live screen loaded' },
  );
  o.log(`  browser ${s.label}: heap ${mem.afterGcMb} MB (before GC ${mem.usedMb}), core RSS ${rss} MB`);
  await page.evaluate(PROBE);

  // 1 + 2. Type a spoken sentence into the recommendation at a secretary's rhythm.
  const field = page.getByTestId('rec-content');
  await field.focus();
  await page.keyboard.press('Control+End');
  await sleep(400); // lets the "." from openLive reach the disk first
  const dbFile = path.join(s.dataDir, 'thuky.sqlite3');
  const r = rng(77 + sizeIndex);
  const sentence = ' Đề nghị quận sớm xử lý dứt điểm tình trạng ô nhiễm nguồn nước sông Pheo, nước thải chưa qua xử lý vẫn xả thẳng ra sông; bà con trong ngõ rất bức xúc và mong lãnh đạo xuống tận nơi kiểm tra.';
  const nType = o.quick ? 40 : big ? 90 : sentence.length;
  const base = (await field.inputValue()).normalize('NFC');
  const p = poller(dbFile, recId);
  const typed: Durable[] = [];
  let prefix = base;
  for (let i = 0; i < nType; i++) {
    const ch = sentence[i % sentence.length];
    prefix += ch;
    const at = performance.now();
    await typeOne(page, ch);
    typed.push(p.watch(prefix, at));
    await sleep(cadence(r, ch, i));
  }
  // Then key by key with a pause after each: the delay when the secretary stops typing.
  const nIsolated = o.quick ? 8 : big ? 20 : 40;
  await sleep(1500);
  const isolated: Durable[] = [];
  for (let i = 0; i < nIsolated; i++) {
    const ch = 'abcdefghik'[i % 10];
    prefix += ch;
    const at = performance.now();
    await typeOne(page, ch);
    const d = p.watch(prefix, at);
    isolated.push(d);
    const until = performance.now() + 5000;
    while (d.durableAt === null && performance.now() < until) await sleep(2);
    await sleep(150);
  }
  await p.finish();
  const keys = await readProbe(page);

  const lat = (ds: Durable[]) => ds.map((d) => (d.durableAt === null ? Number.POSITIVE_INFINITY : d.durableAt - d.at));
  const cad = lat(typed);
  const iso = lat(isolated);
  const lost = [...typed, ...isolated].filter((d) => d.durableAt === null).length;
  const lostNote = lost ? `; ${lost} keystroke(s) not on disk after 10 s` : '';
  const pct = (xs: number[], q: number) => {
    const v = percentile(xs, q);
    return v === null || !Number.isFinite(v) ? null : round(v, 0);
  };
  figs.push(
    { section: 'durability', name: 'typing at a secretary’s rhythm: p50', value: pct(cad, 50), unit: 'ms', size: s.label, note: `${cad.length} keystrokes, 90–200 ms apart, longer at spaces and every 45th key${lostNote}` },
    { section: 'durability', name: 'typing at a secretary’s rhythm: p95', value: pct(cad, 95), unit: 'ms', size: s.label },
    { section: 'durability', name: 'typing at a secretary’s rhythm: p99', value: pct(cad, 99), unit: 'ms', target: { op: '<=', value: durableWithin(s.label) }, size: s.label, note: 'max ' + (pct(cad, 100) ?? '∞') + ' ms' },
    { section: 'durability', name: 'one key, then a pause: p50', value: pct(iso, 50), unit: 'ms', size: s.label, note: `${iso.length} keystrokes; debounce 250 ms included` },
    { section: 'durability', name: 'one key, then a pause: p95', value: pct(iso, 95), unit: 'ms', size: s.label },
    { section: 'durability', name: 'one key, then a pause: p99', value: pct(iso, 99), unit: 'ms', target: { op: '<=', value: durableWithin(s.label) }, size: s.label },
  );
  o.log(`  browser ${s.label}: durable rhythm p50/p95/p99 ${pct(cad, 50)}/${pct(cad, 95)}/${pct(cad, 99)} ms; isolated ${pct(iso, 50)}/${pct(iso, 95)}/${pct(iso, 99)} ms`);

  const paints = keys.keys.map((k) => k.paint).filter((x) => x >= 0);
  // A keystroke is slow when Chromium reports any of its events (keydown … input) over 16 ms.
  const slowKeys = keys.slow.filter((e) => ['keydown', 'keypress', 'beforeinput', 'input', 'keyup'].includes(e.name));
  const slowCount = keys.keys.filter((k) => slowKeys.some((e) => e.start >= k.t0 - 2 && e.start <= k.t0 + 30)).length;
  figs.push(
    { section: 'input', name: 'keypress → next paint p50', value: round(percentile(paints, 50), 1), unit: 'ms', size: s.label, note: `${paints.length} keystrokes in the recommendation's content field while the saves run` },
    { section: 'input', name: 'keypress → next paint p95', value: round(percentile(paints, 95), 1), unit: 'ms', target: { op: '<=', value: 16 }, size: s.label, note: `max ${round(percentile(paints, 100), 1)} ms` },
    { section: 'input', name: 'keystrokes Chromium’s Event Timing reports over 16 ms', value: slowCount, unit: 'keys', size: s.label, note: `of ${paints.length}; longest ${slowKeys.length ? Math.max(...slowKeys.map((e) => e.duration)) : 0} ms (Event Timing durations are rounded to 8 ms)` },
  );
  o.log(`  browser ${s.label}: paint p50/p95 ${round(percentile(paints, 50), 1)}/${round(percentile(paints, 95), 1)} ms, Event Timing > 16 ms: ${slowCount}/${paints.length}`);

  // 3. Type-ahead in "Người kiến nghị": from the key to the last change of the suggestion list
  // it causes (the roster part answers at once, the directory part after a core round trip).
  const speaker = page.getByTestId('rec-speaker');
  await speaker.focus();
  await page.evaluate(`(() => {
    const b = window.__bench;
    const input = document.querySelector('[data-testid="rec-speaker"]');
    const box = input.closest('.picker') || input.parentElement;
    b.ta = [];
    b.taSnap = '';
    // Every edit of the field closes the previous keystroke's window (clearing the field between
    // queries empties the list, which is not the answer to the last letter typed); only typed
    // letters are counted.
    document.addEventListener('beforeinput', (e) => { if (e.target === input) b.ta.push({ t0: e.timeStamp, first: -1, last: -1, typed: e.inputType === 'insertText' }); }, true);
    new MutationObserver(() => {
      const list = box.querySelector('[role="listbox"]');
      const snap = list ? list.textContent : '';
      if (snap === b.taSnap) return;
      b.taSnap = snap;
      const cur = b.ta[b.ta.length - 1];
      if (cur) { cur.last = performance.now() - cur.t0; if (cur.first < 0) cur.first = cur.last; }
    }).observe(box, { subtree: true, childList: true, characterData: true });
    return true;
  })()`);
  const queries = o.quick ? ['nguyen van', 'tqt'] : big ? ['nguyen van', 'hdnd', 'tqt', 'hoang thu'] : ['nguyen van', 'tran thi', 'hdnd', 'le minh', 'tqt', 'pham', 'hoang thu', 'to truong'];
  for (const q of queries) {
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await sleep(400);
    for (const ch of q) {
      await typeOne(page, ch);
      await sleep(big ? 700 : 350);
    }
  }
  // Read before Escape: closing the list is not the answer to the last letter typed.
  const taAll = (await page.evaluate(`window.__bench.ta.filter((x) => x.typed && x.last >= 0)`)) as { first: number; last: number }[];
  await page.keyboard.press('Escape');
  if (process.env.THUKY_BENCH_DEBUG) o.log(`  type-ahead raw (first, last ms): ${JSON.stringify(taAll.map((x) => [Math.round(x.first), Math.round(x.last)]))}`);
  const ta = taAll.map((x) => x.last);
  const taFirst = taAll.map((x) => x.first);
  const taKeys = queries.join('').length;
  figs.push(
    { section: 'typeahead', name: 'type-ahead keystroke → list updated p50', value: round(percentile(ta, 50), 1), unit: 'ms', size: s.label, note: `${ta.length} keystrokes that changed the list, of ${taKeys}; live screen, "Người kiến nghị"` },
    { section: 'typeahead', name: 'type-ahead keystroke → list updated p95', value: round(percentile(ta, 95), 1), unit: 'ms', target: { op: '<=', value: sizeIndex >= 2 ? 50 : 30 }, size: s.label, note: `max ${round(percentile(ta, 100), 1)} ms; until the directory's answer (people.search round trip) is shown` },
    { section: 'typeahead', name: 'type-ahead keystroke → first change of the list (roster part) p95', value: round(percentile(taFirst, 95), 1), unit: 'ms', size: s.label, note: `p50 ${round(percentile(taFirst, 50), 1)} ms; the roster is filtered in the page, the directory in the core` },
  );
  o.log(`  browser ${s.label}: type-ahead p50/p95 ${round(percentile(ta, 50), 1)}/${round(percentile(ta, 95), 1)} ms (${ta.length}/${taKeys})`);
  const rssAfter = rssMb(server.pid);
  figs.push({ section: 'memory', name: 'core RSS after typing and type-ahead', value: rssAfter, unit: 'MB', size: s.label });
  await ctx.close();
  return figs;
}
