// Opening on the live screen reads what the first screen shows (meeting.live, issue 15): the rows
// around the item opened whole, every other one as a skeleton, brought whole after the first
// paint. What must hold: the item the address opens is whole at once; an item opened before it
// arrived shows as loading, never as a form (a save would store its empty text); once it is there
// it is whole and typing at its end stores whole text + typed; the filter finds it; another tab
// never gets the partial record.
import type { Page, Route } from '@playwright/test';
import { test, expect, openApp } from './fixtures';
import { apiCall, saved } from './live-helpers';

// Past the window (60 rows on each side; a meeting of up to 121 items comes whole).
const N = 130;
const FIRST = Array.from({ length: 8 }, (_, i) => `Mở đầu ý ${i + 1}: đề nghị sửa cống thoát nước tổ dân phố số ${i + 1}.`).join(' ');
const LONG = Array.from({ length: 30 }, (_, i) => `Câu ${i + 1}: đề nghị làm rõ tiến độ giải phóng mặt bằng đoạn ${i + 1}.`).join(' ');
const LONG_REPLY = Array.from({ length: 12 }, (_, i) => `Ý ${i + 1}: phòng Tài nguyên và Môi trường đã kiểm tra thực địa lần ${i + 1}.`).join(' ');
const PRE = Array.from({ length: 10 }, (_, i) => `Trước hội nghị, ý ${i + 1}: đề nghị sửa đường liên thôn số ${i + 1}.`).join(' ');

/** r[0] … r[N-1] short (r[0] long), then the long one, the reply to it, and a pre-meeting one: 133 rows. */
async function meeting(baseURL: string) {
  const m = await apiCall(baseURL, 'meeting.create', { fields: { title: 'Hội nghị dài, kiến nghị dài' } });
  const recIds: number[] = [];
  for (let i = 0; i < N; i++) recIds.push((await apiCall(baseURL, 'rec.create', { meetingId: m.id, phase: 'during', content: i === 0 ? FIRST : `Kiến nghị ngắn ${i + 1}` })).id);
  const long = await apiCall(baseURL, 'rec.create', { meetingId: m.id, phase: 'during', content: LONG, shortPhrase: 'Tiến độ GPMB' });
  const reply = await apiCall(baseURL, 'reply.create', { meetingId: m.id, recommendationIds: [long.id], content: LONG_REPLY });
  await apiCall(baseURL, 'rec.create', { meetingId: m.id, phase: 'before', content: PRE });
  return { meetingId: m.id, recIds, longId: long.id, replyId: reply.id };
}

/** Holds every answer of a channel until `release` (the page sees it late, as on a slow machine). */
async function hold(page: Page, channel: string) {
  const held: Route[] = [];
  let open = false;
  let seen = 0;
  await page.route(`**/api/${channel}`, (route) => {
    seen++;
    if (open) return route.continue();
    held.push(route);
  });
  return {
    count: () => seen,
    release: async () => {
      open = true;
      for (const r of held.splice(0)) await r.continue();
    },
  };
}

test('the item the address opens is whole; one opened before it arrived waits, then is whole and saves whole', async ({ page, baseURL }) => {
  const { meetingId, recIds, longId, replyId } = await meeting(baseURL!);
  const items = await hold(page, 'meeting.liveItems');
  await openApp(page, `#/meeting/${meetingId}/live/rec-${recIds[0]}`);
  await expect(page.getByTestId('rec-content')).toHaveValue(FIRST);
  await expect(page.getByTestId('tl-count')).toHaveText(`(${N + 3} mục)`);
  await expect.poll(items.count).toBeGreaterThan(0);

  // The last row (the reply, far past the window) opened while it is still on its way: loading,
  // no form on its empty skeleton.
  await page.getByTestId(`tl-rec-${recIds[0]}`).focus();
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('entry-loading')).toBeVisible();
  await expect(page.getByTestId('reply-content')).toHaveCount(0);
  await items.release();
  await expect(page.getByTestId('reply-content')).toHaveValue(LONG_REPLY);

  // The long recommendation, brought whole: typing at its end stores the whole text and the typing.
  await page.getByTestId(`tl-rec-${longId}`).click();
  const field = page.getByTestId('rec-content');
  await expect(field).toHaveValue(LONG);
  await field.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Xin cảm ơn.');
  await saved(page);
  const stored = await apiCall(baseURL!, 'meeting.get', { id: meetingId });
  expect(stored.recommendations.find((r) => r.id === longId)?.content).toBe(`${LONG} Xin cảm ơn.`.normalize('NFC'));
  expect(stored.replies.find((r) => r.id === replyId)?.content).toBe(LONG_REPLY);
});

test('a reply opened first lists the recommendations not yet brought whole as loading, never as empty', async ({ page, baseURL }) => {
  const { meetingId, recIds, replyId } = await meeting(baseURL!);
  const items = await hold(page, 'meeting.liveItems');
  await openApp(page, `#/meeting/${meetingId}/live/reply-${replyId}`);
  await expect(page.getByTestId('reply-content')).toHaveValue(LONG_REPLY);
  // The first recommendation is far from the reply: a skeleton until the rest arrives.
  const row = page.getByTestId('link-row').filter({ has: page.getByTestId(`link-${recIds[0]}`) });
  await expect(row).toContainText('…');
  await expect(page.getByTestId('reply-links')).not.toContainText('chưa có nội dung');
  await items.release();
  await expect(row).toContainText('Mở đầu ý 1');
});

test('the other items arrive by themselves: the filter finds them; another tab never gets the partial record', async ({ page, baseURL }) => {
  const { meetingId, longId } = await meeting(baseURL!);
  await openApp(page, `#/meeting/${meetingId}/live`);
  await expect(page.getByTestId('tl-count')).toHaveText(`(${N + 3} mục)`);
  // "đoạn 29" is only in the long recommendation, far past the first rows: brought in the background.
  await page.getByTestId('tl-filter').fill('doan 29');
  await expect(page.getByTestId('tl-count')).toHaveText(`(1/${N + 3} mục)`);
  await expect(page.getByTestId(`tl-rec-${longId}`)).toContainText('Tiến độ GPMB');
  await page.getByTestId('tl-filter').fill('');

  // The Prepare tab edits the pre-meeting texts: while its whole record is on its way it shows
  // nothing editable (never the live screen's partial copy), then the whole text.
  const get = await hold(page, 'meeting.get');
  await page.getByTestId('tab-prepare').click();
  await expect.poll(get.count).toBeGreaterThan(0);
  await expect(page.getByText('Đang mở…')).toBeVisible();
  await expect(page.getByTestId('rec-1-content')).toHaveCount(0);
  await get.release();
  await expect(page.getByTestId('rec-1-content')).toHaveValue(PRE);
});
