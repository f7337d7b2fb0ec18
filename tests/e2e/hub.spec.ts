// The province's hub, end to end in Chromium: a ward's secretary enters the hub's address and key
// in Thiết lập and sends (the real outbox of the real app), then the province's user signs in to
// the hub's own screens, finds the ward's kiến nghị by a search without diacritics, reads the
// quarter's numbers with answered and resolved apart and downloads the report as .docx.
import { expect, test } from '@playwright/test';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, openApp } from './fixtures';
import { startHubProcess } from '../helpers/hub-process';
import { openHub } from '../../hub/src/hub';
import { createUnit, issueKey } from '../../hub/src/units';
import { createUser } from '../../hub/src/accounts';

const TOKEN = process.env.THUKY_WEB_TOKEN ?? '';
let hub: ChildProcess | null = null;
let hubUrl = '';
let unitKey = '';
const hubDir = mkdtempSync(path.join(os.tmpdir(), 'thuky-hub-e2e-'));

test.beforeAll(async () => {
  const db = await openHub({ dataDir: hubDir });
  const unit = await createUnit(db, 'e2e', 'phuong-tay-tuu', 'Phường Tây Tựu');
  unitKey = (await issueKey(db, 'e2e', unit.id)).key;
  await createUser(db, 'e2e', { username: 'vanphong', displayName: 'Văn phòng UBND tỉnh', password: 'mat-khau-tinh-1', role: 'province' });
  await db.close();
  const port = await freePort();
  hubUrl = `http://127.0.0.1:${port}`;
  hub = await startHubProcess(hubDir, port);
});

test.afterAll(() => {
  hub?.kill('SIGKILL');
  rmSync(hubDir, { recursive: true, force: true });
});

test('a ward sends from Thiết lập; the province finds it, reads the quarter and downloads the report', async ({ page, browser }) => {
  // The ward's closed meeting, of this spec's own (the samples belong to other specs, which
  // edit them after this one): made and finalised through the app's API, whose screens are
  // tested elsewhere.
  const headers = { 'x-thuky-token': TOKEN };
  const call = async <T,>(channel: string, data: unknown): Promise<T> => {
    const r = (await (await page.request.post(`/api/${channel}`, { headers, data })).json()) as { ok: boolean; value: T };
    expect(r.ok, channel).toBe(true);
    return r.value;
  };
  const m = await call<{ id: number }>('meeting.create', { fields: { title: 'Hội nghị đối thoại với đoàn viên thanh niên phường Tây Tựu', date: '2025-11-20' } });
  for (const content of ['Đề nghị sửa chữa đường giao thông nội đồng tổ dân phố số 5', 'Đề nghị mở lớp tập huấn kỹ năng chuyển đổi số cho thanh niên', 'Đề nghị bố trí sân chơi thể thao cho thiếu nhi'])
    await call('rec.create', { meetingId: m.id, phase: 'during', content, topic: 'Đời sống' });
  await call('meeting.finalize', { id: m.id });

  await openApp(page, '#/settings');
  const box = page.getByTestId('hub-settings');
  await box.getByTestId('hub-url').fill(hubUrl);
  await box.getByTestId('hub-key').fill(unitKey);
  await box.getByRole('button', { name: 'Lưu' }).click();
  await expect(box.getByRole('status')).toContainText('Đã lưu');
  // Every closed meeting of this data folder goes (other specs close theirs too), 20 a round.
  for (let round = 0; round < 10; round++) {
    await box.getByRole('button', { name: 'Gửi ngay' }).click();
    await expect(box.getByRole('status')).toContainText(/Đã gửi \d+ hội nghị|Không có gì cần gửi/);
    if (((await box.getByTestId('hub-state').textContent()) ?? '').includes('Không có gì đang chờ gửi')) break;
  }
  await expect(box.getByTestId('hub-state')).toContainText('Không có gì đang chờ gửi');
  // The key is never shown back.
  await expect(box.getByTestId('hub-key')).toHaveValue('');
  await expect(page.locator('body')).not.toContainText(unitKey);

  // The province, in its own browser context, on the hub's screens.
  const ctx = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', acceptDownloads: true });
  const hubPage = await ctx.newPage();
  await hubPage.goto(hubUrl);
  await hubPage.getByLabel('Tên đăng nhập').fill('vanphong');
  await hubPage.getByLabel('Mật khẩu').fill('sai mật khẩu');
  await hubPage.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(hubPage.getByRole('alert')).toContainText('không đúng');
  await hubPage.getByLabel('Mật khẩu').fill('mat-khau-tinh-1');
  await hubPage.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(hubPage.getByRole('heading', { name: 'Sổ theo dõi kiến nghị của các đơn vị' })).toBeVisible();
  await expect(hubPage.getByText(/\d+ kiến nghị/)).toBeVisible();
  const rows = hubPage.locator('.hub-table tbody tr');
  const all = await rows.count();
  expect(all).toBeGreaterThan(0);
  await expect(rows.first()).toContainText('Phường Tây Tựu');
  // A search typed without diacritics, as a hurried user types.
  // The longest word with a diacritic in the contents shown, so the search is not a bare prefix.
  const contents = await hubPage.locator('.hub-table tbody tr td:nth-child(3)').allTextContents();
  const word = contents.flatMap((c) => c.split(/[^\p{L}\p{N}]+/u)).filter((w) => /[^\x00-\x7f]/.test(w)).sort((a, b) => b.length - a.length)[0] ?? '';
  expect(word.length).toBeGreaterThanOrEqual(4);
  const plain = word.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
  await hubPage.getByLabel('Tìm (gõ có dấu hoặc không dấu)').fill(plain);
  await expect.poll(() => rows.count()).toBeLessThan(all);
  // Every row found has a word that starts with the typed letters once marks are set aside
  // ("chuyen" finds "chuyển" and "chuyên" alike), as the app's folding promises.
  const fold = (t: string) => t.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
  for (const t of await rows.allTextContents()) expect(fold(t).split(/[^\p{L}\p{N}]+/u).some((w) => w.startsWith(plain)), t).toBe(true);
  await hubPage.screenshot({ path: test.info().outputPath('hub-register.png'), fullPage: true });

  await hubPage.getByRole('button', { name: 'Báo cáo theo kỳ' }).click();
  await hubPage.getByLabel('Kỳ báo cáo').selectOption('custom');
  await hubPage.getByLabel('Từ ngày', { exact: true }).fill('01/01/2025');
  await hubPage.getByLabel('Đến ngày', { exact: true }).fill('31/12/2026');
  await expect(hubPage.getByText('Từ ngày 01/01/2025 đến ngày 31/12/2026: tổng số')).toBeVisible();
  await expect(hubPage.getByText(/đã trả lời \d+/)).toBeVisible();
  await expect(hubPage.getByText(/đã giải quyết xong \d+/)).toBeVisible();
  const [download] = await Promise.all([hubPage.waitForEvent('download'), hubPage.getByRole('button', { name: 'Tải báo cáo (.docx)' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^Bao-cao-giai-quyet-kien-nghi-.*\.docx$/);
  await hubPage.screenshot({ path: test.info().outputPath('hub-report.png'), fullPage: true });
  // No English on the hub's screens.
  await expect(hubPage.locator('body')).not.toContainText(/\b(Report|Register|Login|Error|Units)\b/);
  await ctx.close();
});
