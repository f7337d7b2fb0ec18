import { test as base, expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';

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
