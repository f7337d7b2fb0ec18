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
});

test('search folds Vietnamese: "dong anh" finds Đông Anh', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('global-search').pressSequentially('dong anh', { delay: 10 });
  await expect(page.getByTestId('search-hits')).toContainText('Đông Anh');
});
