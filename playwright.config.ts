import { defineConfig } from '@playwright/test';
import os from 'node:os';
import path from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './tests/helpers/chromium';

// End-to-end tests drive Debian's Chromium (never a downloaded browser) against `npm run web`,
// the real renderer over the real core, on loopback, with a fresh data folder per run.
export const E2E_PORT = Number(process.env.THUKY_E2E_PORT ?? 4173);
export const E2E_TOKEN = process.env.THUKY_WEB_TOKEN ?? 'e2e-token-not-secret-but-required';
export const E2E_DATA = process.env.THUKY_E2E_DATA ?? path.join(os.tmpdir(), `thuky-e2e-${process.pid}`);

process.env.THUKY_E2E_DATA = E2E_DATA;
process.env.THUKY_WEB_TOKEN = E2E_TOKEN;

export default defineConfig({
  testDir: 'tests',
  outputDir: 'test-results',
  timeout: 120_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    viewport: { width: 1366, height: 768 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    // An action or a load that cannot happen fails in 30 s with its own message, instead of
    // hanging until the test's whole timeout says only "timed out".
    actionTimeout: 30_000,
    navigationTimeout: 30_000,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: [...CHROMIUM_ARGS],
    },
  },
  projects: [
    { name: 'web', testMatch: 'e2e/**/*.spec.ts' },
    { name: 'electron', testMatch: 'e2e-electron/**/*.spec.ts' },
  ],
  webServer: {
    command: `npx tsx electron/server/main.ts --data "${E2E_DATA}" --port ${E2E_PORT}`,
    url: `http://127.0.0.1:${E2E_PORT}/?token=${E2E_TOKEN}`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    env: { THUKY_WEB_TOKEN: E2E_TOKEN },
  },
});
