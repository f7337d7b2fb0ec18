// The chair's conclusion notice in the Documents tab (issue 14), keyboard only: reached with the
// arrow keys from the minutes, shown with its NĐ 30 header, THÔNG BÁO and signature, its number,
// date and signer set without touching an edited text, read-only once the record is locked, and
// exported as .docx. What is stored is read back through the API, not from the screen.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from '@playwright/test';
import { test, expect, openApp } from './fixtures';
import type { Channel, ChannelInput, ChannelOutput } from '../../electron/shared/contract';
import type { Result } from '../../electron/shared/result';

const TOKEN = process.env.THUKY_WEB_TOKEN ?? '';
const SAMPLE = path.resolve('resources/sample/bac-tu-liem-2019.json');
const ARTIFACTS = path.resolve('tests/artifacts');

async function call<C extends Channel>(page: Page, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const res = await page.request.post(`/api/${channel}`, { headers: { 'x-thuky-token': TOKEN }, data: input ?? {} });
  const r = (await res.json()) as Result<ChannelOutput<C>>;
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

test('notice: tab by keyboard, header and signature, number and signer kept apart from the text, lock, .docx', async ({ page }) => {
  await openApp(page);
  const meetingId = (await call(page, 'record.import', { json: readFileSync(SAMPLE, 'utf8') })).id;
  const record = await call(page, 'meeting.get', { id: meetingId });
  const direction = record.speeches.filter((s) => s.kind === 'conclusion').flatMap((s) => s.directions)[0]!;
  await call(page, 'notice.saveTasks', { meetingId, tasks: [{ content: direction, agency: 'Phòng Kinh tế, Hạ tầng và Đô thị', deadline: '2019-12-31' }] });

  await openApp(page, `#/meeting/${meetingId}/documents/summary`);
  await page.getByTestId('doc-kind-summary').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('doc-kind-notice')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('doc-kind-notice')).toBeFocused();
  await expect(page).toHaveURL(new RegExp(`#/meeting/${meetingId}/documents/notice$`));
  const sheet = page.getByTestId('sheet');
  await expect(sheet).toContainText('THÔNG BÁO');
  await expect(sheet).toContainText('Kết luận của đồng chí Trương Quang Thiều');
  await expect(sheet).toContainText('Đơn vị thực hiện: Phòng Kinh tế, Hạ tầng và Đô thị; thời hạn: trước ngày 31/12/2019.');
  await expect(page.getByTestId('minutes-header')).toContainText('Số:      /TB-UBND');
  await expect(sheet).toContainText('TM. ỦY BAN NHÂN DÂN');
  await expect(sheet).toContainText('Nơi nhận:');
  await page.screenshot({ path: path.join(ARTIFACTS, 'documents-notice.png'), fullPage: true });

  // An edit typed key by key, then the number, date and signer: the edit stays.
  const last = page.locator('[data-testid^="block-"]').last();
  await last.focus();
  await page.keyboard.press('End');
  await page.keyboard.type(' Ghi thêm');
  await page.getByTestId('notice-number').focus();
  await expect.poll(async () => (await call(page, 'doc.get', { meetingId, kind: 'notice' }))?.edited).toBe(true);
  await page.keyboard.type('12');
  await page.keyboard.press('Tab');
  await page.keyboard.type('25/10/2019');
  await page.getByTestId('notice-signer-name').focus();
  await page.keyboard.type('Lê Văn Bình');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('docs-notice')).toContainText('Đã cập nhật số, ngày và người ký');
  await expect(page.getByTestId('minutes-header')).toContainText('Số: 12/TB-UBND');
  await expect(page.getByTestId('minutes-header')).toContainText('Bắc Từ Liêm, ngày 25 tháng 10 năm 2019');
  const stored = (await call(page, 'doc.get', { meetingId, kind: 'notice' }))!;
  expect(stored.options.notice).toMatchObject({ number: 12, date: '2019-10-25', signerName: 'Lê Văn Bình' });
  expect(JSON.stringify(stored.blocks)).toContain('Ghi thêm');

  // Export: the Word file has what the page shows.
  const download = page.waitForEvent('download');
  await page.getByTestId('export-docx').focus();
  await page.keyboard.press('Enter');
  const file = await (await download).path();
  const xml = strFromU8(unzipSync(readFileSync(file!))['word/document.xml']!);
  expect(xml).toContain('Số: 12/TB-UBND');
  expect(xml).toContain('Lê Văn Bình');
  expect(xml).toContain('Ghi thêm');

  // Locked with the record: read-only.
  await call(page, 'meeting.finalize', { id: meetingId });
  await page.reload();
  await expect(page.getByTestId('locked-banner')).toContainText('thông báo kết luận chỉ xem');
  await expect(page.locator('[data-testid^="block-"]').first()).toHaveAttribute('readonly', '');
});
