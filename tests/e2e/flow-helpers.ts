// Shared by the flow-*.spec.ts files (issue 12): screenshots under test-results/flow/, meetings
// made through the API (the screens under test are the ones after), and where the focus is.
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect } from './fixtures';
import { apiCall } from './live-helpers';

export const SHOTS = 'test-results/flow';

/** A screenshot of the screen as the user sees it at 1366×768, to be looked at. */
export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

export const focusedTestId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName ?? '');

/** The focus is somewhere real (a control or a panel), never dropped on the page body. */
export async function expectFocusNotOnBody(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(() => document.activeElement !== document.body && document.activeElement !== null)).toBe(true);
}

/** A meeting with a chair, a reporter, and `recs` recommendations, made through the API. */
export async function meetingWith(baseURL: string, title: string, recs: { phase: 'before' | 'during'; content: string; raisedByText?: string; unit?: string }[] = []): Promise<number> {
  const m = await apiCall(baseURL, 'meeting.create', { fields: { title } });
  for (const r of recs) await apiCall(baseURL, 'rec.create', { meetingId: m.id, ...r });
  return m.id;
}

export const meetingHash = (id: number, tab: 'prepare' | 'live' | 'close' | 'documents' | 'audit') => `#/meeting/${id}/${tab}`;
