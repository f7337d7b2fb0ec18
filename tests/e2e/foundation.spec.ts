// Foundation: open the app, create a meeting through the UI, reload, and find it still there.
import { test, expect, openApp } from './fixtures';

test('a meeting created through the UI survives a reload', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('new-meeting').click();
  await expect(page).toHaveURL(/#\/meeting\/\d+\/prepare/);
  const title = page.getByTestId('f-title');
  await title.fill('');
  await title.pressSequentially('Hội nghị đối thoại với hội viên nông dân huyện Đông Anh', { delay: 5 });
  await page.getByTestId('f-location').pressSequentially('Hội trường UBND huyện', { delay: 5 });
  await page.getByTestId('f-date').fill('20/11/2026');
  await page.getByTestId('f-date').blur();
  await expect(page.getByTestId('save-status')).toContainText('Đã lưu');
  await page.reload();
  await expect(page.getByTestId('f-title')).toHaveValue('Hội nghị đối thoại với hội viên nông dân huyện Đông Anh');
  await expect(page.getByTestId('f-date')).toHaveValue('20/11/2026');
  await page.goto('/#/');
  await expect(page.getByTestId('meeting-list')).toContainText('Hội nghị đối thoại với hội viên nông dân huyện Đông Anh');
  await page.screenshot({ path: 'tests/artifacts/home.png' });

  // Search folds Vietnamese: "dong anh" finds Đông Anh.
  await page.getByTestId('global-search').pressSequentially('dong anh', { delay: 10 });
  await expect(page.getByTestId('search-hits')).toContainText('Đông Anh');
});

test('a meeting file exported from the meeting screen imports back from Home', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('new-meeting').click();
  await page.getByTestId('f-title').fill('Đối thoại với đoàn viên thanh niên phường Phúc Diễn');
  await page.getByTestId('f-location').fill('Nhà văn hóa phường');
  await page.getByTestId('f-location').blur();
  await expect(page.getByTestId('save-status')).toContainText('Đã lưu');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-meeting').click()]);
  expect(download.suggestedFilename()).toMatch(/^Doi-thoai-voi-doan-vien-thanh-nien-phuong-Phuc-Dien\.thukyhn$/);
  const file = await download.path();

  await page.goto('/#/');
  await page.getByTestId('import-meeting-file').setInputFiles(file);
  await expect(page).toHaveURL(/#\/meeting\/\d+\/prepare/);
  await expect(page.getByTestId('f-title')).toHaveValue('Đối thoại với đoàn viên thanh niên phường Phúc Diễn');
  await expect(page.getByTestId('f-location')).toHaveValue('Nhà văn hóa phường');

  // A file that is not a meeting file: a Vietnamese message, and nothing imported.
  await page.goto('/#/');
  await page.getByTestId('import-meeting-file').setInputFiles({ name: 'bien-ban.thukyhn', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7 không phải tệp hội nghị') });
  await expect(page.getByRole('alert')).toContainText('không phải tệp hội nghị');
});
