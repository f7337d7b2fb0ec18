// Issue 10, on screen: the meeting's new details typed on Prepare ("Thông tin cho tin bài"), the
// new speech and reply kinds on Live, a meeting record imported from Home, and the unit's level
// and house style on the first-run setup and in Thiết lập. Everything typed goes key by key, and
// what is stored is read back through the app's API, never from the screen.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { test, expect, openApp, freePort, startOwnServer, stopOwnServer } from './fixtures';
import { apiCall, saved, unikeyType } from './live-helpers';
import type { Channel, ChannelInput, ChannelOutput } from '../../electron/shared/contract';

const SHOTS = 'test-results/F';
const RECORD = path.resolve('tests/fixtures/records/06-chi-minh-thanh-nien-2025.json');

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

/** Clicks into the field and types as a person does: one key at a time. */
async function typeInto(field: Locator, text: string): Promise<void> {
  await field.click();
  await field.pressSequentially(text, { delay: 4 });
}

const DETAILS = {
  headline: 'Lãnh đạo phường Tây Tựu đối thoại với thanh niên',
  legalBasis: ['Kế hoạch số 12-KH/ĐU ngày 05/3/2025 của Đảng ủy phường Tây Tựu', 'Công văn số 45/UBND ngày 10/3/2025'],
  purpose: 'nhằm lắng nghe tâm tư, nguyện vọng của đoàn viên',
  compiledBy: 'Ủy ban MTTQ Việt Nam phường',
  attendance: { text: 'gần 150 đại biểu', count: 150 },
  counts: { before: 12, during: 9, speakers: 14, contents: 20, fields: 5, received: 25, selected: 8 },
  byline: 'Thu Hà – Đài Truyền thanh phường',
  publishedAt: '01/12/2025',
};

test('Thông tin cho tin bài: every field typed key by key is stored and comes back after a reload', async ({ page, baseURL }) => {
  await openApp(page);
  const m = await apiCall(baseURL!, 'meeting.create', { fields: { title: 'Hội nghị đối thoại với thanh niên' } });
  await page.goto(`/?token=${process.env.THUKY_WEB_TOKEN ?? ''}#/meeting/${m.id}/prepare`);
  const section = page.getByTestId('article-details');
  await section.scrollIntoViewIfNeeded();
  await expect(page.getByTestId('f-headline')).toHaveAttribute('placeholder', 'Để trống: ứng dụng tự đề xuất tít từ đơn vị tổ chức và đối tượng');

  // Selects by keyboard: a letter picks the first option that starts with it.
  await page.getByTestId('f-kind').focus();
  await page.keyboard.press('t');
  await expect(page.getByTestId('f-kind')).toHaveValue('tiếp xúc cử tri');
  await page.getByTestId('f-session').focus();
  await page.keyboard.press('c');
  await expect(page.getByTestId('f-session')).toHaveValue('chiều');

  await typeInto(page.getByTestId('f-headline'), DETAILS.headline);
  await typeInto(page.getByTestId('f-legal-basis'), DETAILS.legalBasis[0]);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter'); // a blank line is dropped, never stored as an empty document
  await page.getByTestId('f-legal-basis').pressSequentially(DETAILS.legalBasis[1], { delay: 4 });
  // The purpose the way Unikey types it: letters, the tone key, Backspaces, the corrected letters.
  await page.getByTestId('f-purpose').click();
  await unikeyType(page, DETAILS.purpose);
  await typeInto(page.getByTestId('f-compiled-by'), DETAILS.compiledBy);
  await typeInto(page.getByTestId('f-attendance-text'), DETAILS.attendance.text);
  await typeInto(page.getByTestId('f-attendance-count'), String(DETAILS.attendance.count));
  for (const [key, n] of Object.entries(DETAILS.counts)) await typeInto(page.getByTestId(`f-count-${key}`), String(n));
  await typeInto(page.getByTestId('f-byline'), DETAILS.byline);
  await typeInto(page.getByTestId('f-published-at'), DETAILS.publishedAt);

  // A number field refuses what is not a number, keeps it on screen, and says what to do.
  const fields = page.getByTestId('f-count-fields');
  await fields.press('x');
  await expect(section.getByRole('alert')).toContainText('Hãy gõ một số nguyên');
  await saved(page, { held: 1 });
  await fields.press('Backspace');
  await fields.blur();
  await saved(page);
  await shot(page, 'prepare-article-details');

  const stored = (await apiCall(baseURL!, 'meeting.get', { id: m.id })).meeting;
  expect(stored.kind).toBe('tiếp xúc cử tri');
  expect(stored.session).toBe('chiều');
  expect(stored.headline).toBe(DETAILS.headline);
  expect(stored.legalBasis).toEqual(DETAILS.legalBasis);
  expect(stored.purpose).toBe(DETAILS.purpose.normalize('NFC'));
  expect(stored.compiledBy).toBe(DETAILS.compiledBy);
  expect(stored.attendance).toEqual(DETAILS.attendance);
  expect(stored.counts).toEqual(DETAILS.counts);
  expect(stored.byline).toBe(DETAILS.byline);
  expect(stored.publishedAt).toBe(DETAILS.publishedAt);

  // Emptying a count means "count what was recorded" again: null, not 0.
  const selected = page.getByTestId('f-count-selected');
  await selected.click();
  await selected.press('End');
  await selected.press('Backspace');
  await selected.blur();
  await saved(page);
  expect((await apiCall(baseURL!, 'meeting.get', { id: m.id })).meeting.counts).toEqual({ ...DETAILS.counts, selected: null });

  await page.reload();
  await page.getByTestId('article-details').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('f-kind')).toHaveValue('tiếp xúc cử tri');
  await expect(page.getByTestId('f-session')).toHaveValue('chiều');
  await expect(page.getByTestId('f-headline')).toHaveValue(DETAILS.headline);
  await expect(page.getByTestId('f-legal-basis')).toHaveValue(DETAILS.legalBasis.join('\n'));
  await expect(page.getByTestId('f-purpose')).toHaveValue(DETAILS.purpose);
  await expect(page.getByTestId('f-compiled-by')).toHaveValue(DETAILS.compiledBy);
  await expect(page.getByTestId('f-attendance-text')).toHaveValue(DETAILS.attendance.text);
  await expect(page.getByTestId('f-attendance-count')).toHaveValue('150');
  for (const [key, n] of Object.entries({ ...DETAILS.counts, selected: '' })) await expect(page.getByTestId(`f-count-${key}`)).toHaveValue(String(n));
  await expect(page.getByTestId('f-byline')).toHaveValue(DETAILS.byline);
  await expect(page.getByTestId('f-published-at')).toHaveValue(DETAILS.publishedAt);
});

test('Live: an opening, a guest’s direction and remarks; a reply forwarded to a higher level with its agency and deadline', async ({ page, baseURL }) => {
  await openApp(page);
  const m = await apiCall(baseURL!, 'meeting.create', { fields: { title: 'Hội nghị đối thoại' } });
  const rec = await apiCall(baseURL!, 'rec.create', { meetingId: m.id, phase: 'during', content: 'Đề nghị cải tạo tuyến mương thoát nước', raisedByText: 'Bà Lan' });
  await page.goto(`/?token=${process.env.THUKY_WEB_TOKEN ?? ''}#/meeting/${m.id}/live`);

  await page.getByTestId('new-opening').click();
  await expect(page.getByTestId('speech-form').locator('h2')).toHaveText('Khai mạc');
  await typeInto(page.getByTestId('speech-summary'), 'Đồng chí Chủ tịch UBND phường phát biểu khai mạc');

  await page.getByTestId('new-direction').click();
  await expect(page.getByTestId('speech-form').locator('h2')).toHaveText('Phát biểu chỉ đạo');
  await typeInto(page.getByTestId('speech-summary'), 'Đồng chí Phó Chủ tịch UBND Thành phố phát biểu chỉ đạo');
  await typeInto(page.getByTestId('speech-directions'), 'Giải quyết dứt điểm kiến nghị về thoát nước');

  await page.getByTestId('new-remarks').click();
  await expect(page.getByTestId('speech-form').locator('h2')).toHaveText('Phát biểu');
  await typeInto(page.getByTestId('speech-summary'), 'Đại diện Đoàn Thanh niên phát biểu');
  // Remarks come several times: each press records a new one; an opening is only ever one.
  await page.getByTestId('new-remarks').click();
  // The new, empty form has replaced the first remarks' form (same heading).
  await expect(page.getByTestId('speech-summary')).toHaveValue('');
  await typeInto(page.getByTestId('speech-summary'), 'Đại diện Hội Cựu chiến binh phát biểu');
  await page.getByTestId('new-opening').click();
  await expect(page.getByTestId('speech-summary')).toHaveValue('Đồng chí Chủ tịch UBND phường phát biểu khai mạc');

  await page.getByTestId(`tl-rec-${rec.id}`).click();
  await page.getByTestId('new-reply').click();
  await expect(page.getByTestId('reply-form')).toBeVisible();
  await expect(page.getByTestId('reply-agency')).toHaveCount(0);
  await page.getByTestId('reply-kind').selectOption({ label: 'Chuyển cơ quan có thẩm quyền, cấp trên' });
  await expect(page.getByText('Chuyển đến cơ quan')).toBeVisible();
  await typeInto(page.getByTestId('reply-agency'), 'UBND Thành phố');
  await typeInto(page.getByTestId('reply-deadline'), '31/12/2025');
  await typeInto(page.getByTestId('reply-content'), 'Chuyển kiến nghị lên UBND Thành phố xem xét');
  await page.getByTestId('reply-content').blur();
  await saved(page);
  await shot(page, 'live-forwarded-reply');

  const r = await apiCall(baseURL!, 'meeting.get', { id: m.id });
  expect(r.speeches.map((s) => [s.kind, s.summary])).toEqual([
    ['opening', 'Đồng chí Chủ tịch UBND phường phát biểu khai mạc'],
    ['direction', 'Đồng chí Phó Chủ tịch UBND Thành phố phát biểu chỉ đạo'],
    ['remarks', 'Đại diện Đoàn Thanh niên phát biểu'],
    ['remarks', 'Đại diện Hội Cựu chiến binh phát biểu'],
  ]);
  expect(r.speeches[1].directions).toEqual(['Giải quyết dứt điểm kiến nghị về thoát nước']);
  expect(r.replies).toHaveLength(1);
  expect(r.replies[0]).toMatchObject({ kind: 'forwarded', agency: 'UBND Thành phố', deadline: '2025-12-31', recommendationIds: [rec.id] });
  expect(r.replies[0].content).toBe('Chuyển kiến nghị lên UBND Thành phố xem xét');

  // Back on the direction from the timeline: its "ý chỉ đạo" are there.
  await page.getByTestId(`tl-speech-${r.speeches[1].id}`).click();
  await expect(page.getByTestId('speech-directions')).toHaveValue('Giải quyết dứt điểm kiến nghị về thoát nước');
  await shot(page, 'live-direction');
});

test('Home: a meeting record (.json) becomes a meeting; a bad record is refused in Vietnamese and writes nothing', async ({ page, baseURL }) => {
  await openApp(page);
  await expect(page.getByTestId('import-record')).toHaveText('Nhập bản ghi hội nghị (.json)…');
  const before = (await apiCall(baseURL!, 'meeting.list', { limit: 500 })).length;

  // The same record with the date written the way people write it, not the record's YYYY-MM-DD.
  const source = JSON.parse(readFileSync(RECORD, 'utf8')) as { meeting: { title: string; date: string; purpose: string; attendance: { text: string; count: number } } };
  const bad = { ...source, meeting: { ...source.meeting, date: '30/11/2025' } };
  await page.getByTestId('import-record-file').setInputFiles({ name: 'sai-ngay.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
  const error = page.getByTestId('home-error');
  await expect(error).toContainText('Không nhập được tệp “sai-ngay.json”.');
  await expect(error).toContainText('"meeting.date"');
  await expect(error).toContainText('Chưa có gì được ghi');
  await expect(page).toHaveURL(/#\/$/);
  expect((await apiCall(baseURL!, 'meeting.list', { limit: 500 })).length).toBe(before);
  await shot(page, 'home-import-refused');

  await page.getByTestId('import-record-file').setInputFiles(RECORD);
  await expect(page).toHaveURL(/#\/meeting\/\d+\/prepare/);
  const id = Number(/meeting\/(\d+)/.exec(page.url())![1]);
  const stored = (await apiCall(baseURL!, 'meeting.get', { id })).meeting;
  expect(stored.title).toBe(source.meeting.title);
  expect(stored.date).toBe(source.meeting.date);
  expect(stored.session).toBe('sáng');
  expect(stored.purpose).toBe(source.meeting.purpose);
  expect(stored.attendance).toEqual(source.meeting.attendance);
  // And the screen shows it, in the new section.
  await page.getByTestId('article-details').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('f-attendance-text')).toHaveValue(source.meeting.attendance.text);
  await expect(page.getByTestId('f-session')).toHaveValue('sáng');
  await shot(page, 'prepare-imported-record');

  // The help page tells where the button is and what the new Prepare section holds.
  await page.goto(`/?token=${process.env.THUKY_WEB_TOKEN ?? ''}#/help`);
  const prepareHelp = page.locator('section[aria-labelledby="help-chuan-bi"]');
  await expect(prepareHelp).toContainText('Nhập bản ghi hội nghị (.json)');
  await expect(prepareHelp).toContainText('Thông tin cho tin bài');
  await prepareHelp.scrollIntoViewIfNeeded();
  await shot(page, 'help-prepare');
});

/** A call to a server this test started (its own token). */
async function call<C extends Channel>(base: string, token: string, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const res = await fetch(`${base}/api/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-thuky-token': token }, body: JSON.stringify(input) });
  const r = (await res.json()) as { ok: true; value: ChannelOutput<C> } | { ok: false; error: { message: string } };
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value;
}

/** Every example the setup page shows a secretary: placeholders, hints, previews, style examples. */
const examplesOnPage = (page: Page) =>
  page.evaluate(() => {
    const texts = [...document.querySelectorAll('input[placeholder]')].map((e) => e.getAttribute('placeholder') ?? '');
    // The level's own hint names the old level on purpose; it is the choice, not an example.
    for (const e of document.querySelectorAll('.field-hint, .style-example, [data-testid="header-preview"], .setup-party, [role="status"]'))
      if (!e.closest('[data-testid="setup-level"]')) texts.push(e.textContent ?? '');
    return texts.join('\n');
  });

test('Setup and Thiết lập: examples follow the level, the house style previews as the article prints', async ({ page }) => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'thuky-F-setup-'));
  const token = 'setup-level-token';
  const server = await startOwnServer({ dataDir, port: await freePort(), token });
  try {
    await page.goto(`${server.base}/?token=${token}#/`);
    await expect(page.getByTestId('setup')).toBeVisible();
    // Since 1/7/2025 a new office is most likely a commune-level one.
    await expect(page.getByTestId('setup-level-commune')).toBeChecked();
    await expect(page.getByTestId('setup-issuingBody')).toHaveAttribute('placeholder', 'Ví dụ: UBND PHƯỜNG TÂY TỰU');
    await expect(page.getByTestId('setup-parentBody')).toHaveAttribute('placeholder', 'Ví dụ: UBND THÀNH PHỐ HÀ NỘI');
    expect(await examplesOnPage(page)).not.toMatch(/quận|huyện/iu);

    await page.getByTestId('setup-isParty').check();
    await expect(page.getByTestId('setup-issuingBody')).toHaveAttribute('placeholder', 'Ví dụ: ĐẢNG ỦY PHƯỜNG TÂY TỰU');
    await expect(page.getByTestId('setup-parentBody')).toHaveAttribute('placeholder', 'Ví dụ: ĐẢNG BỘ THÀNH PHỐ HÀ NỘI');
    await expect(page.getByTestId('setup-docCode')).toHaveValue('BB/ĐU');
    await expect(page.getByTestId('preview-number')).toHaveText('Số 05-BB/ĐU');
    expect(await examplesOnPage(page)).not.toMatch(/quận|huyện/iu);
    await shot(page, 'setup-commune-party');

    await page.getByTestId('setup-level-province').check();
    await expect(page.getByTestId('setup-issuingBody')).toHaveAttribute('placeholder', /^Ví dụ: TỈNH ỦY /);
    await expect(page.getByTestId('setup-docCode')).toHaveValue('BB/TU');
    expect(await examplesOnPage(page)).not.toMatch(/quận|huyện/iu);
    await page.getByTestId('setup-isParty').uncheck();
    await expect(page.getByTestId('setup-issuingBody')).toHaveAttribute('placeholder', /^Ví dụ: UBND TỈNH /);
    await expect(page.getByTestId('setup-docCode')).toHaveValue('BB-UBND');

    // Only the old level speaks of a quận.
    await page.getByTestId('setup-level-district').check();
    await expect(page.getByTestId('setup-issuingBody')).toHaveAttribute('placeholder', 'Ví dụ: UBND QUẬN BẮC TỪ LIÊM');
    await page.getByTestId('setup-level-commune').check();

    // The house style, each change shown as the article will print it.
    const dateEx = page.getByTestId('style-date-example');
    await expect(dateEx).toContainText('“Chiều ngày 5/8/2025, tại hội trường …”');
    await page.getByTestId('style-date-plain').check();
    await expect(dateEx).toContainText('“Chiều 5/8/2025,');
    await page.getByTestId('style-date-year').uncheck();
    await expect(dateEx).toContainText('“Chiều 5/8,');
    await page.getByTestId('style-pad-day-month').check();
    await expect(dateEx).toContainText('“Chiều 05/08,');
    const nameEx = page.getByTestId('style-name-example');
    await expect(nameEx).toContainText('đồng chí Nguyễn Văn An – Bí thư Đảng ủy, Chủ tịch UBND phường');
    await page.getByTestId('style-name-title-first').check();
    await expect(nameEx).toContainText('“Dự hội nghị có Bí thư Đảng ủy, Chủ tịch UBND phường Nguyễn Văn An.”');
    await page.getByTestId('setup-pad-off').check();

    await typeInto(page.getByTestId('setup-issuingBody'), 'ubnd phường tây tựu');
    await typeInto(page.getByTestId('setup-parentBody'), 'UBND THÀNH PHỐ HÀ NỘI');
    await expect(page.getByTestId('setup-placeName')).toHaveValue('Tây Tựu');
    await page.getByTestId('style-name').scrollIntoViewIfNeeded();
    await shot(page, 'setup-style');
    await page.getByTestId('setup-start').click();
    await expect(page.getByTestId('welcome')).toBeVisible();

    const profile = await call(server.base, token, 'profile.get', {});
    expect(profile).toMatchObject({
      issuingBody: 'UBND PHƯỜNG TÂY TỰU',
      level: 'commune',
      docCode: 'BB-UBND',
      placeName: 'Tây Tựu',
      style: { dateStyle: 'plain', dateYear: false, padDayMonth: true, nameStyle: 'title-first', padCounts: false },
    });

    // Thiết lập shows and changes the same.
    await page.getByTestId('welcome-home').click();
    await page.goto(`${server.base}/?token=${token}#/settings`);
    await expect(page.getByTestId('p-level')).toHaveValue('commune');
    await expect(page.getByTestId('style-date-plain')).toBeChecked();
    await expect(page.getByTestId('style-date-example')).toContainText('“Chiều 05/08,');
    await page.getByTestId('p-level').selectOption('province');
    await expect(page.getByTestId('p-issuing')).toHaveAttribute('placeholder', /^Ví dụ: UBND TỈNH /);
    await page.getByTestId('style-date-dash').check();
    await expect(page.getByTestId('style-date-example')).toContainText('“Chiều 05-08,');
    await page.getByTestId('style-name-comma').check();
    await expect(page.getByTestId('style-name-example')).toContainText('đồng chí Nguyễn Văn An, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh');
    await expect.poll(async () => (await call(server.base, token, 'profile.get', {}))?.style.nameStyle).toBe('comma');
    const after = await call(server.base, token, 'profile.get', {});
    expect(after).toMatchObject({ level: 'province', style: { dateStyle: 'dash', nameStyle: 'comma', dateYear: false, padDayMonth: true } });
    await shot(page, 'settings');
    await page.getByTestId('style-name').scrollIntoViewIfNeeded();
    await shot(page, 'settings-style');
  } finally {
    await stopOwnServer(server);
    rmSync(dataDir, { recursive: true, force: true });
  }
});
