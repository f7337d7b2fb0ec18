import { test as base, expect, type Page } from '@playwright/test';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

const TOKEN = process.env.THUKY_WEB_TOKEN ?? '';
const DATA = process.env.THUKY_E2E_DATA ?? '';

/** The organisation these specs run as; set before the app opens so the first-run setup (tested in offline.spec.ts on its own server) does not stand in their way. */
export const E2E_PROFILE = {
  issuingBody: 'UBND QUẬN BẮC TỪ LIÊM',
  parentBody: 'UBND THÀNH PHỐ HÀ NỘI',
  isParty: false,
  docCode: 'BB-UBND',
  placeName: 'Bắc Từ Liêm',
  byline: 'Hội Liên hiệp phụ nữ quận Bắc Từ Liêm',
  secretaryName: 'Nguyễn Thị Thu Hà',
  style: { padCounts: true, placeDateLine: true, chairLabel: 'CHỦ TRÌ' },
} as const;

async function ensureProfile(page: Page): Promise<void> {
  const headers = { 'x-thuky-token': TOKEN };
  const got = (await (await page.request.post('/api/profile.get', { headers, data: {} })).json()) as { ok: boolean; value: unknown };
  if (got.ok && got.value === null) {
    const saved = (await (await page.request.post('/api/profile.save', { headers, data: E2E_PROFILE })).json()) as { ok: boolean };
    expect(saved.ok, 'profile.save').toBe(true);
  }
}

/** Opens the app the way a user does: the address `npm run web` printed, token included. */
export async function openApp(page: Page, hash = '#/'): Promise<void> {
  await ensureProfile(page);
  await page.goto(`/?token=${TOKEN}${hash}`);
  await expect(page.locator('.brand')).toHaveText('Thư ký Hội nghị');
}

/** Reads the database back through the CLI (not the screen): what is stored, not what is shown. */
export function cliJson<T>(...args: string[]): T {
  const out = execFileSync('npx', ['tsx', 'electron/cli/main.ts', ...args, '--data', DATA, '--json'], { encoding: 'utf8' });
  return JSON.parse(out) as T;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = addr && typeof addr === 'object' ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export type OwnServer = { base: string; port: number; token: string; dataDir: string; child: ChildProcess };

/**
 * `npm run web` without the build step, for a spec that must stop and restart its server: one
 * process (node --import tsx), so stopping it is one signal to a pid the test owns.
 */
export async function startOwnServer(opts: { dataDir: string; port: number; token: string }): Promise<OwnServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/server/main.ts', '--data', opts.dataDir, '--port', String(opts.port)], {
    cwd: process.cwd(),
    env: { ...process.env, THUKY_WEB_TOKEN: opts.token },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr?.on('data', (b: Buffer) => (out += b.toString()));
  const base = `http://127.0.0.1:${opts.port}`;
  const deadline = Date.now() + 60_000;
  while (!out.includes(`${base}/?token=`)) {
    if (child.exitCode !== null) throw new Error(`the server stopped: ${out}`);
    if (Date.now() > deadline) throw new Error(`the server did not start in 60 s: ${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { base, port: opts.port, token: opts.token, dataDir: opts.dataDir, child };
}

/** Stops the server as a crash would (SIGKILL) or politely (SIGTERM), and waits for the exit. */
export async function stopOwnServer(s: OwnServer, signal: 'SIGKILL' | 'SIGTERM' = 'SIGTERM'): Promise<void> {
  if (s.child.exitCode !== null || s.child.signalCode !== null) return;
  const exited = new Promise((r) => s.child.once('exit', r));
  s.child.kill(signal);
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGKILL');
}

/** Fails a test on any console error or uncaught exception in the page. */
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(String(e)));
      await use(errors);
      expect(errors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
