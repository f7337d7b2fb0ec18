// The DOCUMENTS tab end to end on the sample meeting (Bắc Từ Liêm, 18/10/2019): the article's
// preview, an edit typed key by key that survives a reload, the "data changed" notice with both
// answers, the .docx export (unzipped), copying HTML and text, printing the minutes to an A4 PDF
// with the .docx margins, the landscape summary, and chốt biên bản with unlock and revision.
// What is stored is read back through the API, not from the screen.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from '@playwright/test';
import { test, expect, openApp } from './fixtures';
import { saved } from './live-helpers';
import type { Channel, ChannelInput, ChannelOutput } from '../../electron/shared/contract';
import type { Result } from '../../electron/shared/result';

const TOKEN = process.env.THUKY_WEB_TOKEN ?? '';
const ARTIFACTS = path.resolve('tests/artifacts');
const SAMPLE = path.resolve('resources/sample/bac-tu-liem-2019.json');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'thuky-docs-e2e-'));

async function call<C extends Channel>(page: Page, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const res = await page.request.post(`/api/${channel}`, { headers: { 'x-thuky-token': TOKEN }, data: input ?? {} });
  const r = (await res.json()) as Result<ChannelOutput<C>>;
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

/** Imports the sample meeting's record, as "Nhập bản ghi hội nghị" would, and returns its id. */
async function importSample(page: Page): Promise<number> {
  await openApp(page);
  const m = await call(page, 'record.import', { json: readFileSync(SAMPLE, 'utf8') });
  return m.id;
}

/** The textarea holding `text`, among the sheet's blocks. */
async function blockWith(page: Page, text: string): Promise<string> {
  const handles = page.locator('[data-testid^="block-"]');
  const n = await handles.count();
  for (let i = 0; i < n; i++) {
    const v = await handles.nth(i).inputValue();
    if (v.includes(text)) return (await handles.nth(i).getAttribute('data-testid'))!;
  }
  throw new Error(`no block contains "${text}"`);
}

function pdfInfo(file: string): { pages: number; width: number; height: number } {
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(out)!;
  return { pages: Number(/Pages:\s+(\d+)/.exec(out)![1]), width: Math.round(Number(size[1])), height: Math.round(Number(size[2])) };
}

/** Words on one page with their boxes (pdftotext -bbox), in points. */
function words(file: string, page: number): { text: string; xMin: number; yMin: number; xMax: number }[] {
  const html = execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-bbox', file, '-'], { encoding: 'utf8' });
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map((m) => ({
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    text: m[4],
  }));
}

const MM = 72 / 25.4;

test('article: preview, key-by-key edit kept, stale notice (keep / regenerate), .docx, HTML and text copies', async ({ page, context }) => {
  const meetingId = await importSample(page);
  await openApp(page, `#/meeting/${meetingId}/documents`);
  const sheet = page.getByTestId('sheet');
  await expect(sheet).toContainText('Chiều ngày 18/10/2019');
  await expect(sheet).toContainText('08 kiến nghị');
  await expect(page.getByTestId('doc-kind-article')).toHaveAttribute('aria-selected', 'true');
  await expect(page).toHaveURL(new RegExp(`#/meeting/${meetingId}/documents/article$`));
  await page.screenshot({ path: path.join(ARTIFACTS, 'documents-article.png') });

  // Key by key at the end of the lead, as Unikey users type (no fill()).
  const lead = await blockWith(page, 'Chiều ngày 18/10/2019');
  const field = page.getByTestId(lead);
  await field.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Hội nghị diễn ra sôi nổi, thẳng thắn.', { delay: 8 });
  await saved(page);
  await expect(page.locator('.docs-status')).toHaveText('Bản đã sửa');

  await page.reload();
  await expect(page.getByTestId(lead)).toHaveValue(/Hội nghị diễn ra sôi nổi, thẳng thắn\.$/);
  const stored = await call(page, 'doc.get', { meetingId, kind: 'article' });
  expect(stored?.edited).toBe(true);
  expect(JSON.stringify(stored?.blocks)).toContain('Hội nghị diễn ra sôi nổi, thẳng thắn.');
  await expect(page.getByTestId('stale-banner')).toHaveCount(0);

  // The meeting data changes after the draft (a recommendation's short phrase is reworded).
  const record = await call(page, 'meeting.get', { id: meetingId });
  const rec = record.recommendations.find((r) => r.inArticle && r.phase === 'during')!;
  await call(page, 'rec.update', { id: rec.id, patch: { shortPhrase: 'lắp đặt đèn chiếu sáng ngõ 102 Phúc Diễn' } });
  await page.reload();
  const banner = page.getByTestId('stale-banner');
  await expect(banner).toContainText('Dữ liệu hội nghị đã thay đổi sau khi tạo bản này.');
  await page.screenshot({ path: path.join(ARTIFACTS, 'documents-stale.png') });
  // Keep: the banner goes, the edit stays, nothing is regenerated.
  await page.getByTestId('stale-keep').click();
  await expect(banner).toHaveCount(0);
  await expect(page.getByTestId(lead)).toHaveValue(/sôi nổi, thẳng thắn\.$/);
  expect(JSON.stringify((await call(page, 'doc.get', { meetingId, kind: 'article' }))?.blocks)).toContain('sôi nổi, thẳng thắn.');

  // Regenerate: asks first (the draft was edited), then replaces it with the current data.
  await page.reload();
  await page.getByTestId('stale-regenerate').click();
  await expect(page.getByTestId('confirm-replace')).toBeVisible();
  await page.getByTestId('confirm-replace-ok').click();
  await expect(banner).toHaveCount(0);
  // The first phrase after the colon is capitalised by the generator.
  await expect(sheet).toContainText(/lắp đặt đèn chiếu sáng ngõ 102 Phúc Diễn/i);
  await expect(sheet).not.toContainText('sôi nổi, thẳng thắn');
  expect((await call(page, 'doc.get', { meetingId, kind: 'article' }))?.edited).toBe(false);

  // An edit, then the .docx: the file carries exactly what is on screen, photos included.
  const byline = page.locator('[data-block-type="byline"]');
  await byline.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' (Thu Hà)', { delay: 8 });
  const download = page.waitForEvent('download');
  await page.getByTestId('export-docx').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('Tin-bai-2019-10-18.docx');
  const docxPath = path.join(tmp, 'tin-bai.docx');
  await file.saveAs(docxPath);
  const zip = unzipSync(readFileSync(docxPath));
  const xml = strFromU8(zip['word/document.xml']);
  expect(xml).toContain('(Thu Hà)');
  expect(xml).toMatch(/lắp đặt đèn chiếu sáng ngõ 102 Phúc Diễn/i);
  expect(Object.keys(zip).filter((k) => k.startsWith('word/media/')).length).toBeGreaterThan(0);
  await expect(page.getByTestId('docs-notice')).toContainText('Đã xuất tệp Word');

  // Copies for the website's CMS: HTML (with a text fallback), and plain text.
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByTestId('copy-html').click();
  await expect(page.getByTestId('docs-notice')).toContainText('Đã sao chép tin bài (HTML');
  const clip = await page.evaluate(async () => {
    // Unsanitized: Chromium's sanitizer would parse the byline's style="" inside this page and
    // trip its CSP; a CMS page reading the clipboard does its own parsing.
    const read = navigator.clipboard.read.bind(navigator.clipboard) as (o: { unsanitized: string[] }) => Promise<ClipboardItems>;
    const [item] = await read({ unsanitized: ['text/html'] });
    return { types: item.types, html: await (await item.getType('text/html')).text(), text: await (await item.getType('text/plain')).text() };
  });
  expect(clip.types).toEqual(expect.arrayContaining(['text/html', 'text/plain']));
  expect(clip.html).toContain('<article>');
  expect(clip.html).toContain('(Thu Hà)');
  expect(clip.html).toContain('<figcaption>');
  expect(clip.html).not.toContain('<body');
  expect(clip.text).toContain('Chiều ngày 18/10/2019');
  await page.getByTestId('copy-text').click();
  await expect(page.getByTestId('docs-notice')).toContainText('văn bản thuần');
  const text = await page.evaluate(() => navigator.clipboard.readText());
  expect(text).toContain('(Thu Hà)');
  expect(text).not.toContain('<');
});

test('minutes: A4 page and PDF with the .docx margins; chốt biên bản, unlock with a reason, revision 2', async ({ page }) => {
  const meetingId = await importSample(page);
  await openApp(page, `#/meeting/${meetingId}/documents/minutes`);
  const sheet = page.getByTestId('sheet');
  await expect(page.getByTestId('doc-kind-minutes')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('minutes-header')).toContainText('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  await expect(page.getByTestId('minutes-header')).toContainText('Bắc Từ Liêm, ngày 18 tháng 10 năm 2019');
  await expect(sheet).toContainText('BIÊN BẢN');
  await expect(sheet).toContainText('Nơi nhận:');
  await page.screenshot({ path: path.join(ARTIFACTS, 'documents-minutes.png') });

  // Keyboard: the document chooser moves with the arrow keys.
  await page.getByTestId('doc-kind-minutes').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('doc-kind-summary')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('doc-kind-summary')).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('doc-kind-minutes')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('minutes-header')).toBeVisible();

  // Print view: only the sheet, as paragraphs (not text boxes).
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.topbar')).toBeHidden();
  await expect(page.getByTestId('export-docx')).toBeHidden();
  await expect(page.locator('.sheet-input').first()).toBeHidden();
  await page.screenshot({ path: path.join(ARTIFACTS, 'documents-print.png') });
  // null, not 'screen': an emulated 'screen' would also apply to page.pdf() below.
  await page.emulateMedia({ media: null });

  // "Lưu PDF" (Chromium's printer, as Electron's printToPDF): A4 portrait, the .docx margins.
  const pdfPath = path.join(tmp, 'bien-ban.pdf');
  writeFileSync(pdfPath, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  const info = pdfInfo(pdfPath);
  expect({ width: info.width, height: info.height }).toEqual({ width: 595, height: 842 });
  expect(info.pages).toBeGreaterThanOrEqual(2);
  const p1 = words(pdfPath, 1);
  const text1 = p1.map((w) => w.text).join(' ');
  expect(text1).toContain('BIÊN BẢN');
  expect(text1).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  const left = Math.min(...p1.map((w) => w.xMin));
  const top = Math.min(...p1.map((w) => w.yMin));
  const right = Math.max(...p1.map((w) => w.xMax));
  expect(left / MM, 'left margin (mm)').toBeGreaterThan(29);
  expect(left / MM, 'left margin (mm)').toBeLessThan(33);
  expect(top / MM, 'top margin (mm)').toBeGreaterThan(19);
  expect(top / MM, 'top margin (mm)').toBeLessThan(24);
  expect((595.28 - right) / MM, 'right margin (mm)').toBeGreaterThan(14);
  // No page number on page 1; "2" centred in the top margin of page 2.
  expect(p1.filter((w) => w.yMin < 15 * MM)).toEqual([]);
  const num = words(pdfPath, 2).find((w) => w.text === '2' && w.yMin < 15 * MM);
  expect(num, 'page number on page 2').toBeDefined();
  expect(Math.abs((num!.xMin + num!.xMax) / 2 - (30 * MM + (595.28 - 45 * MM) / 2))).toBeLessThan(12);

  // Chốt biên bản: asks first, then the record is locked and the minutes read-only.
  await page.getByTestId('finalize').click();
  await expect(page.getByTestId('confirm-finalize')).toContainText('toàn bộ hồ sơ bị khóa');
  await page.getByTestId('confirm-finalize-ok').click();
  await expect(page.getByTestId('lock-state')).toHaveText(/Đã chốt — lần sửa đổi 1$/);
  await expect(page.getByTestId('locked-banner')).toBeVisible();
  const para = await blockWith(page, 'Thời gian bắt đầu');
  await expect(page.getByTestId(para)).toHaveAttribute('readonly', '');
  await expect(page.getByTestId('sheet-revision')).toHaveCount(0);
  await page.screenshot({ path: path.join(ARTIFACTS, 'documents-locked.png') });
  expect((await call(page, 'meeting.get', { id: meetingId })).meeting).toMatchObject({ locked: true, revision: 1 });

  // Unlock needs a reason.
  await page.getByTestId('unlock').click();
  await expect(page.getByTestId('confirm-unlock-ok')).toBeDisabled();
  await page.getByTestId('confirm-unlock-input').pressSequentially('Bổ sung giờ kết thúc theo ý kiến chủ trì', { delay: 5 });
  await page.getByTestId('confirm-unlock-ok').click();
  await expect(page.getByTestId('lock-state')).toContainText('Đang mở khóa để sửa');
  await expect(page.getByTestId(para)).not.toHaveAttribute('readonly', '');
  const audit = await call(page, 'audit.list', { meetingId });
  expect(audit.some((a) => a.detail.includes('Bổ sung giờ kết thúc theo ý kiến chủ trì'))).toBe(true);

  // An edit of the minutes after the unlock is revision 2, printed under the number.
  await page.getByTestId(para).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Khai mạc đúng giờ.', { delay: 8 });
  await saved(page);
  expect((await call(page, 'meeting.get', { id: meetingId })).meeting.revision).toBe(2);
  await page.getByTestId('finalize').click();
  await page.getByTestId('confirm-finalize-ok').click();
  await expect(page.getByTestId('lock-state')).toHaveText(/Đã chốt — lần sửa đổi 2$/);
  await expect(page.getByTestId('sheet-revision')).toHaveText('Lần sửa đổi: 2');
  const download = page.waitForEvent('download');
  await page.getByTestId('export-docx').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('Bien-ban-2019-10-18.docx');
  const docxPath = path.join(tmp, 'bien-ban.docx');
  await file.saveAs(docxPath);
  const xml = strFromU8(unzipSync(readFileSync(docxPath))['word/document.xml']);
  expect(xml).toContain('Lần sửa đổi: 2');
  expect(xml).toContain('2019. Khai mạc đúng giờ.');
  await page.screenshot({ path: path.join(ARTIFACTS, 'documents-revision.png') });
});

test('summary: landscape table, on screen and in the PDF', async ({ page }) => {
  const meetingId = await importSample(page);
  await openApp(page, `#/meeting/${meetingId}/documents/summary`);
  const table = page.getByTestId('summary-table');
  await expect(table).toContainText('STT');
  await expect(table).toContainText('I. KIẾN NGHỊ GỬI TRƯỚC HỘI NGHỊ');
  await page.screenshot({ path: path.join(ARTIFACTS, 'documents-summary.png') });
  const pdfPath = path.join(tmp, 'tong-hop.pdf');
  writeFileSync(pdfPath, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  const info = pdfInfo(pdfPath);
  expect({ width: info.width, height: info.height }).toEqual({ width: 842, height: 595 });
  const p1 = words(pdfPath, 1);
  expect(Math.min(...p1.map((w) => w.xMin)) / MM).toBeGreaterThan(19);
  expect(p1.map((w) => w.text).join(' ')).toContain('STT');
});
