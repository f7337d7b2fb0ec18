import { test as base, expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';

const TOKEN = process.env.THUKY_WEB_TOKEN ?? '';
const DATA = process.env.THUKY_E2E_DATA ?? '';

/** Opens the app the way a user does: the address `npm run web` printed, token included. */
export async function openApp(page: Page, hash = '#/'): Promise<void> {
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
