// The live timeline of a long meeting is virtualised: only the rows in view (and a margin) are in
// the page. What that must not break: the keyboard (↑/↓, Home/End between rows, Alt+↑/↓ from
// anywhere), the focus (a focused row stays in the page however far the list is scrolled), screen
// readers (each row says "n of N"), and finding an entry (the timeline's own filter replaces the
// browser's find-in-page, which only sees rendered rows). And typing while the list scrolls is
// saved as typed.
import type { Page } from '@playwright/test';
import { test, expect, openApp } from './fixtures';
import { apiCall, saved } from './live-helpers';

const N = 400;

async function longMeeting(baseURL: string): Promise<{ meetingId: number; recIds: number[] }> {
  const m = await apiCall(baseURL, 'meeting.create', { fields: { title: 'Hội nghị dài: kiểm tra dòng thời gian' } });
  const recIds: number[] = [];
  for (let i = 1; i <= N; i++) {
    const r = await apiCall(baseURL, 'rec.create', { meetingId: m.id, phase: 'during', raisedAt: null });
    recIds.push(r.id);
  }
  await apiCall(baseURL, 'rec.update', { id: recIds[320], patch: { content: 'Ô nhiễm nguồn nước sông Pheo kéo dài', shortPhrase: 'Ô nhiễm sông Pheo' } });
  await apiCall(baseURL, 'rec.update', { id: recIds[10], patch: { raisedByText: 'Bà Đỗ Thị Hường' } });
  return { meetingId: m.id, recIds };
}

const rows = (page: Page) => page.getByTestId('tl-row');
const focusedRow = (page: Page) => page.evaluate(() => document.activeElement?.closest('.tl-row')?.getAttribute('aria-posinset') ?? null);

test('a 400-entry timeline: a window of rows, "n of N" for screen readers, the keyboard and the focus survive scrolling', async ({ page, baseURL }) => {
  const { meetingId, recIds } = await longMeeting(baseURL!);
  await openApp(page, `#/meeting/${meetingId}/live`);
  await expect(page.getByTestId('tl-count')).toHaveText(`(${N} mục)`);
  await expect(rows(page).first()).toBeVisible();
  const rendered = await rows(page).count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(100); // virtualised: not all 400
  await expect(rows(page).first()).toHaveAttribute('aria-posinset', '1');
  await expect(rows(page).first()).toHaveAttribute('aria-setsize', String(N));

  // ↓ and End walk the rows; the one reached is rendered, focused and scrolled into view.
  await page.getByTestId(`tl-rec-${recIds[0]}`).focus();
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => focusedRow(page)).toBe('2');
  await page.keyboard.press('End');
  await expect.poll(() => focusedRow(page)).toBe(String(N));
  await expect(page.getByTestId(`tl-rec-${recIds[N - 1]}`)).toBeInViewport();
  await expect(rows(page).first()).not.toHaveAttribute('aria-posinset', '1'); // the top rows left the page
  await page.keyboard.press('ArrowUp');
  await expect.poll(() => focusedRow(page)).toBe(String(N - 1));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('rec-form').locator('h2')).toHaveText(`Kiến nghị tại hội nghị số ${N - 1}`);
  await page.keyboard.press('Home');
  await expect.poll(() => focusedRow(page)).toBe('1');

  // The focused row stays in the page however far the list is scrolled, and so does the selected one.
  await page.locator('.tl-scroll').evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(rows(page).last()).toHaveAttribute('aria-posinset', String(N));
  expect(await focusedRow(page)).toBe('1');
  await expect(page.locator(`.tl-row[aria-posinset="${N - 1}"]`)).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => focusedRow(page)).toBe('2');

  // Alt+↓ from the entry panel: the next row is selected and focused, even far from the view.
  await page.getByTestId('tl-rec-' + recIds[1]).press('Enter');
  await page.locator('.tl-scroll').evaluate((el) => (el.scrollTop = el.scrollHeight));
  await page.getByTestId('rec-content').click();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(page.getByTestId('rec-form').locator('h2')).toHaveText('Kiến nghị tại hội nghị số 3');
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(`tl-rec-${recIds[2]}`);
  await expect(page.getByTestId(`tl-rec-${recIds[2]}`)).toBeInViewport();
});

test('the timeline filter finds any entry by folded words, keeps the one being typed in, and typing while the list scrolls is saved', async ({ page, baseURL }) => {
  const { meetingId, recIds } = await longMeeting(baseURL!);
  await openApp(page, `#/meeting/${meetingId}/live`);
  await expect(page.getByTestId('tl-count')).toHaveText(`(${N} mục)`);
  const filter = page.getByTestId('tl-filter');

  await filter.fill('không có mục nào như thế này');
  await expect(page.getByTestId('tl-no-match')).toBeVisible();
  await expect(rows(page)).toHaveCount(0);
  // Without tone marks, đ as d: the row far down the list comes up alone.
  await filter.fill('song pheo');
  await expect(page.getByTestId('tl-count')).toHaveText(`(1/${N} mục)`);
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page)).toContainText('Ô nhiễm sông Pheo');
  await expect(rows(page)).toHaveAttribute('aria-setsize', '1');
  await filter.fill('do thi huong');
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page)).toContainText('Bà Đỗ Thị Hường');
  await filter.fill('KN 321');
  await expect(rows(page)).toHaveCount(1);
  await rows(page).locator('.tl-main').click();
  await expect(page.getByTestId('rec-content')).toHaveValue('Ô nhiễm nguồn nước sông Pheo kéo dài');
  await filter.fill('không có mục nào như thế này');
  // The selected entry stays on the timeline under any filter: the secretary never loses it.
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page)).toHaveAttribute('aria-current', 'true');
  await filter.fill('');
  await expect(page.getByTestId('tl-count')).toHaveText(`(${N} mục)`);
  await expect(page.locator('.tl-row[aria-current="true"]')).toHaveAttribute('aria-posinset', '321');

  // Type in the entry panel while the timeline scrolls under the mouse wheel: the field keeps
  // the focus and every letter, and the text is stored as typed.
  const content = page.getByTestId('rec-content');
  await content.click();
  await page.keyboard.press('Control+End');
  const more = ' ở phường Tây Tựu';
  for (const ch of more) {
    await page.keyboard.type(ch);
    await page.locator('.tl-scroll').evaluate((el) => (el.scrollTop += 900));
  }
  await expect(content).toBeFocused();
  await expect(content).toHaveValue(`Ô nhiễm nguồn nước sông Pheo kéo dài${more}`);
  await saved(page);
  const stored = await apiCall(baseURL!, 'meeting.get', { id: meetingId });
  expect(stored.recommendations.find((r) => r.id === recIds[320])?.content).toBe(`Ô nhiễm nguồn nước sông Pheo kéo dài${more}`.normalize('NFC'));
});
