// The whole seed meeting (Bắc Từ Liêm, 18/10/2019) typed through the UI the way a secretary
// does it: details, pre-meeting recommendations, the live recommendations and replies, the
// report, the conclusion with its directions, a photo; mixing key-by-key typing, IME
// composition and Unikey's Backspace-and-retype. Halfway the page is reloaded and everything
// is read back from the database (not the screen), character for character.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, openApp } from './fixtures';
import { apiCall, countCompositionEnds, compositionEnds, hugePng, imeType, makeJpeg, saved, unikeyType } from './live-helpers';
import { suggestShortPhrase } from '../../renderer/src/lib/short-phrase';
import type { MeetingRecord } from '../../electron/shared/domain';

type SeedRec = { phase: 'before' | 'during'; raisedBy: string; summary: string; topic: string };
type Seed = {
  meeting: { title: string; organizer: string; audience: string; locality: string; date: string };
  people: { key: string; name: string; titles: string[]; organization: string; role: 'guest' | 'chair' | 'host' | 'reporter' }[];
  speeches: { kind: 'report' | 'conclusion'; summary: string; directions: string[] }[];
  recommendations: SeedRec[];
  replies: { byText: string; summary: string }[];
};

const seed = JSON.parse(readFileSync(path.resolve(process.cwd(), 'tests/fixtures/records/00-seed-bac-tu-liem-2019.json'), 'utf8')) as Seed;

// The article lists 5 + 7 phrases but counts 8 + 8; the secretary records all 16 and lists the
// article's phrases only.
const EXTRA_BEFORE: SeedRec[] = [
  { phase: 'before', raisedBy: 'cán bộ, hội viên phụ nữ trên địa bàn Quận', summary: 'hỗ trợ kinh phí mở lớp dạy nghề ngắn hạn cho phụ nữ lao động tự do', topic: 'việc làm' },
  { phase: 'before', raisedBy: 'cán bộ, hội viên phụ nữ trên địa bàn Quận', summary: 'tăng cường kiểm tra an toàn thực phẩm tại các chợ dân sinh', topic: 'an toàn thực phẩm' },
  { phase: 'before', raisedBy: 'cán bộ, hội viên phụ nữ trên địa bàn Quận', summary: 'bố trí thêm điểm sinh hoạt cộng đồng cho các tổ dân phố mới', topic: 'thiết chế văn hóa' },
];
const EXTRA_DURING: SeedRec[] = [
  { phase: 'during', raisedBy: 'cán bộ, hội viên phụ nữ trong Quận', summary: 'lắp đặt thêm đèn chiếu sáng trên các tuyến ngõ xóm', topic: 'hạ tầng đô thị' },
];

type Typed = SeedRec & { content: string; inArticle: boolean; raisedAt?: string };
const how = ['keys', 'ime', 'unikey'] as const;

const nfc = (s: string) => s.normalize('NFC');

async function typeAs(page: Page, mode: (typeof how)[number], text: string, cdp: import('@playwright/test').CDPSession): Promise<void> {
  if (mode === 'keys') await page.keyboard.type(text);
  else if (mode === 'ime') await imeType(page, cdp, text);
  else await unikeyType(page, text);
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `tests/artifacts/${name}.png` });
}

/**
 * Adds each person on the Prepare tab the way a secretary does: types the name in "Thêm đại
 * biểu", chooses "Thêm người mới", types the titles (separated by ";") and the unit, picks the
 * role, presses Enter. Returns each person's attendee id by key, read off the roster rows.
 */
async function addRosterOnPrepare(page: Page, people: Seed['people']): Promise<Record<string, number>> {
  const search = page.getByTestId('person-search');
  for (const p of people) {
    await search.click();
    await page.keyboard.type(p.name);
    await page.getByTestId('person-search-create').click();
    await expect(page.getByTestId('np-name')).toHaveValue(p.name);
    await page.getByTestId('np-titles').click();
    await page.keyboard.type(p.titles.join('; '));
    await page.getByTestId('np-org').click();
    await page.keyboard.type(p.organization);
    await page.getByTestId('np-role').selectOption(p.role);
    await page.getByTestId('np-org').press('Enter');
    await expect(page.getByTestId('new-person')).toHaveCount(0);
    await expect(page.getByTestId('roster-name').last()).toHaveText(p.name);
  }
  const rows = page.getByTestId('roster-row');
  await expect(rows).toHaveCount(people.length);
  const ids: Record<string, number> = {};
  for (const [i, p] of people.entries()) {
    await expect(rows.nth(i).getByTestId('roster-name')).toHaveText(p.name);
    ids[p.key] = Number(await rows.nth(i).getAttribute('data-id'));
  }
  return ids;
}

test('the seed meeting typed through the live screen survives a reload, character for character', async ({ page, baseURL }) => {
  test.setTimeout(600_000);
  const base = baseURL!;
  const cdp = await page.context().newCDPSession(page);
  await openApp(page);
  await page.getByTestId('new-meeting').click();
  await expect(page).toHaveURL(/#\/meeting\/\d+\/prepare/);
  const meetingId = Number(/meeting\/(\d+)/.exec(page.url())![1]);
  await countCompositionEnds(page);

  // ---- details, through the Prepare tab ------------------------------------------------------
  const m = seed.meeting;
  await page.getByTestId('f-organizer').click();
  await imeType(page, cdp, m.organizer);
  await page.getByTestId('f-audience').click();
  await unikeyType(page, m.audience);
  await page.getByTestId('f-locality').click();
  await page.keyboard.type(m.locality);
  await page.getByTestId('f-location').click();
  await imeType(page, cdp, 'Hội trường UBND Quận');
  await page.getByTestId('f-date').fill('18/10/2019');
  await page.getByTestId('f-start').fill('14:00');
  await page.getByTestId('f-title').click();
  await page.keyboard.press('Control+A');
  await imeType(page, cdp, m.title);
  await page.getByTestId('f-title').blur();
  expect(await compositionEnds(page)).toBeGreaterThan(10);
  await saved(page);

  // ---- roster: through the Prepare screen, as a secretary adds people she has not met before --
  const ids = await addRosterOnPrepare(page, seed.people);

  // ---- live ---------------------------------------------------------------------------------
  await page.getByTestId('tab-live').click();
  await expect(page.getByTestId('live')).toBeVisible();
  await expect(page.getByTestId('roster')).toContainText('Trương Quang Thiều');
  await shot(page, 'live-1-empty');
  await page.getByTestId('start-meeting').click();
  await expect(page.getByTestId('start-meeting')).toHaveCount(0);

  // Check-in: Nguyễn Công Khanh is late to sign in; Space on his row toggles him absent and back.
  await page.getByTestId(`presence-${ids.p3}`).focus();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('count-present')).toHaveText('4/5');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('count-present')).toHaveText('5/5');

  // Report (Alt+B): the reporter on the roster is proposed; the speaker is then re-picked by
  // type-ahead ("cuong" finds Trần Thế Cương) to prove the picker.
  const report = seed.speeches.find((s) => s.kind === 'report')!;
  await page.keyboard.press('Alt+B');
  await expect(page.getByTestId('speech-form')).toBeVisible();
  const spk = page.getByTestId('speech-speaker');
  await expect(spk).toHaveValue('Trần Thế Cương');
  await spk.fill('');
  await spk.pressSequentially('cuong');
  await expect(page.getByTestId('speech-speaker-list')).toContainText('Trần Thế Cương');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('speech-speaker')).toHaveValue('Trần Thế Cương');
  await page.getByTestId('speech-summary').click();
  await imeType(page, cdp, report.summary);
  await saved(page);
  await shot(page, 'live-2-report');

  // Pre-meeting recommendations (Alt+Shift+N), 8 of them.
  const before: Typed[] = [...seed.recommendations.filter((r) => r.phase === 'before'), ...EXTRA_BEFORE].map((r, i) => ({
    ...r,
    content: `Kiến nghị ${r.summary}.${i === 1 ? ' Hiện nhiều cháu phải học trường tư thục, chi phí cao.' : ''}`,
    inArticle: i < 5,
  }));
  const during: Typed[] = [...seed.recommendations.filter((r) => r.phase === 'during'), ...EXTRA_DURING].map((r, i) => ({
    ...r,
    content: `Đề nghị ${r.summary}.`,
    inArticle: i < 7,
  }));

  async function typeRec(r: Typed, i: number): Promise<void> {
    await page.keyboard.press(r.phase === 'before' ? 'Alt+Shift+N' : i % 2 ? 'Alt+N' : 'F2');
    await expect(page.getByTestId('rec-form')).toBeVisible();
    await expect(page.getByTestId('rec-phase')).toHaveValue(r.phase);
    await expect(page.getByTestId('rec-speaker')).toBeFocused();
    await typeAs(page, how[i % 3], r.raisedBy, cdp);
    await page.getByTestId('rec-content').click();
    await typeAs(page, i % 2 ? 'ime' : 'keys', r.content, cdp);
    await page.getByTestId('rec-topic').click();
    await typeAs(page, how[(i + 2) % 3], r.topic, cdp);
    // The phrase was suggested from the content; the secretary corrects it where it reads badly.
    const suggested = suggestShortPhrase(r.content);
    await expect(page.getByTestId('rec-phrase')).toHaveValue(suggested);
    if (suggested !== r.summary) {
      await page.getByTestId('rec-phrase').click();
      await page.keyboard.press('Control+A');
      await typeAs(page, i % 2 ? 'keys' : 'ime', r.summary, cdp);
    }
    if (!r.inArticle) await page.getByTestId('rec-inarticle').uncheck();
    if (r.raisedAt) {
      await page.getByTestId('rec-time').fill(r.raisedAt);
    }
    await page.keyboard.press('Control+Enter');
  }

  for (const [i, r] of before.entries()) await typeRec(r, i);
  await saved(page);
  await expect(page.getByTestId('count-before')).toHaveText('8');

  // Reply 1: mark the 8 pre-meeting recommendations on the timeline, F3.
  let rec = await apiCall(base, 'meeting.get', { id: meetingId });
  for (const r of rec.recommendations) await page.locator(`[data-key="rec${r.id}"] .tl-mark input`).check();
  await page.keyboard.press('F3');
  await expect(page.getByTestId('reply-form')).toBeVisible();
  await expect(page.getByTestId('reply-kind')).toHaveValue('written_before');
  await typeAs(page, 'ime', seed.replies[0].byText, cdp);
  await page.getByTestId('reply-content').click();
  await typeAs(page, 'unikey', seed.replies[0].summary, cdp);
  await saved(page);
  await expect(page.getByTestId('count-answered')).toHaveText('8');
  await shot(page, 'live-3-reply');

  // A photo of the hall (Alt+P opens the picker), and a document renamed .jpg that is refused.
  const jpeg = await makeJpeg();
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Alt+P');
  await (await chooser).setFiles({ name: 'quang-canh.jpg', mimeType: 'image/jpeg', buffer: jpeg });
  await expect(page.getByTestId('thumb')).toHaveCount(1);
  await expect(page.getByTestId('thumb').locator('img')).toBeVisible();
  await page.getByTestId('photo-caption').click();
  await imeType(page, cdp, 'Quang cảnh Hội nghị đối thoại');
  await page.getByTestId('photo-caption').blur();
  await page.getByTestId('photo-input').setInputFiles({ name: 'bao-cao.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('%PDF-1.4 not an image at all') });
  await expect(page.getByTestId('photo-error')).toContainText('không phải ảnh');
  await page.getByTestId('photo-input').setInputFiles({ name: 'qua-lon.png', mimeType: 'image/png', buffer: hugePng() });
  await expect(page.getByTestId('photo-error')).toContainText('qua-lon.png');
  await expect(page.getByTestId('thumb')).toHaveCount(1);
  await saved(page);
  await shot(page, 'live-4-photos');

  // ---- halfway: reload, and read everything back from the database ----------------------------
  const expectBefore = async (r: MeetingRecord) => {
    expect(r.meeting.organizer).toBe(nfc(m.organizer));
    expect(r.meeting.audience).toBe(nfc(m.audience));
    expect(r.meeting.locality).toBe(nfc(m.locality));
    expect(r.meeting.location).toBe(nfc('Hội trường UBND Quận'));
    expect(r.meeting.title).toBe(nfc(m.title));
    expect(r.meeting.date).toBe('2019-10-18');
    expect(r.meeting.startTime).toBe('14:00');
    expect(r.meeting.status).toBe('live');
    const rep = r.speeches.find((s) => s.kind === 'report')!;
    expect(rep.summary).toBe(nfc(report.summary));
    expect(rep.speakerAttendeeId).toBe(ids.p5);
    const bs = r.recommendations.filter((x) => x.phase === 'before');
    expect(bs.map((x) => [x.raisedByText, x.content, x.topic, x.shortPhrase, x.inArticle])).toEqual(
      before.map((x) => [nfc(x.raisedBy), nfc(x.content), nfc(x.topic), nfc(x.summary), x.inArticle]),
    );
    const r1 = r.replies[0];
    expect([r1.responderText, r1.content, r1.kind]).toEqual([nfc(seed.replies[0].byText), nfc(seed.replies[0].summary), 'written_before']);
    expect(r1.recommendationIds).toEqual(bs.map((x) => x.id).sort((a, b) => a - b));
    expect(r.photos.map((p) => [p.caption, p.event])).toEqual([[nfc('Quang cảnh Hội nghị đối thoại'), 'replies']]);
  };
  await expectBefore(await apiCall(base, 'meeting.get', { id: meetingId }));
  await page.reload();
  await expect(page.getByTestId('live')).toBeVisible();
  await countCompositionEnds(page);
  // The meeting is live: the timeline opens with the pre-meeting items folded (8 recommendations
  // and their written reply); the report stays. Unfolded, everything is there.
  await expect(page.getByTestId('tl-row')).toHaveCount(1);
  await page.getByTestId('tl-fold').click();
  await expect(page.getByTestId('tl-row')).toHaveCount(1 + 8 + 1);
  await expectBefore(await apiCall(base, 'meeting.get', { id: meetingId }));
  // And on screen after the reload: the first pre-meeting recommendation's text, as typed.
  rec = await apiCall(base, 'meeting.get', { id: meetingId });
  await page.getByTestId(`tl-rec-${rec.recommendations[0].id}`).click();
  await expect(page.getByTestId('rec-content')).toHaveValue(nfc(before[0].content));

  // ---- recommendations in the hall ------------------------------------------------------------
  during[2].raisedAt = '15:05';
  for (const [i, r] of during.entries()) await typeRec(r, i);
  await saved(page);
  await expect(page.getByTestId('count-during')).toHaveText('8');
  await shot(page, 'live-5-recommendation');

  // Reply 2: the leaders answer every recommendation raised in the hall, on the spot.
  rec = await apiCall(base, 'meeting.get', { id: meetingId });
  for (const r of rec.recommendations.filter((x) => x.phase === 'during')) await page.locator(`[data-key="rec${r.id}"] .tl-mark input`).check();
  await page.keyboard.press('Alt+T');
  await expect(page.getByTestId('reply-kind')).toHaveValue('on_spot');
  await typeAs(page, 'keys', seed.replies[1].byText, cdp);
  await page.getByTestId('reply-content').click();
  await typeAs(page, 'ime', seed.replies[1].summary, cdp);
  await saved(page);
  await expect(page.getByTestId('count-unanswered')).toHaveText('0');

  // Conclusion (Alt+K): the chair is proposed; directions one per line.
  const concl = seed.speeches.find((s) => s.kind === 'conclusion')!;
  await page.keyboard.press('Alt+K');
  await expect(page.getByTestId('speech-speaker')).toHaveValue('Trương Quang Thiều');
  await page.getByTestId('speech-summary').click();
  await typeAs(page, 'ime', concl.summary, cdp);
  await page.getByTestId('speech-directions').click();
  for (const [i, d] of concl.directions.entries()) {
    if (i > 0) await page.keyboard.press('Enter');
    await typeAs(page, (['ime', 'keys', 'ime', 'unikey', 'ime'] as const)[i], d, cdp);
  }
  await page.getByTestId('speech-directions').blur();
  await saved(page);
  await expect(page.getByTestId('directions-preview').locator('li')).toHaveCount(5);
  expect(await compositionEnds(page)).toBeGreaterThan(10);
  await shot(page, 'live-6-conclusion');

  // ---- close ----------------------------------------------------------------------------------
  await page.getByTestId('tab-close').click();
  await expect(page.getByTestId('checklist')).toContainText('Chưa ghi giờ kết thúc');
  await shot(page, 'close-1-checklist');
  await page.getByTestId('f-end').fill('13:30');
  await page.getByTestId('f-end').blur();
  await expect(page.getByTestId('close').locator('.field-error')).toContainText('Giờ kết thúc (13:30) đang trước giờ bắt đầu (14:00)');
  await page.getByTestId('f-end').fill('17:00');
  await page.getByTestId('f-end').blur();
  await expect(page.getByTestId('checklist-ok')).toBeVisible();
  await page.getByTestId('close-meeting').click();
  await expect(page.getByTestId('closed-note')).toContainText('17:00');
  await shot(page, 'close-2-closed');

  // ---- everything, from the database ----------------------------------------------------------
  const fin = await apiCall(base, 'meeting.get', { id: meetingId });
  await expectBefore({ ...fin, meeting: { ...fin.meeting, status: 'live' } });
  expect(fin.meeting.status).toBe('closed');
  expect(fin.meeting.endTime).toBe('17:00');
  const ds = fin.recommendations.filter((x) => x.phase === 'during');
  expect(ds.map((x) => [x.raisedByText, x.content, x.topic, x.shortPhrase, x.inArticle])).toEqual(
    during.map((x) => [nfc(x.raisedBy), nfc(x.content), nfc(x.topic), nfc(x.summary), x.inArticle]),
  );
  expect(ds[2].raisedAt).toBe('15:05');
  expect(ds.every((x) => /^\d{2}:\d{2}$/.test(x.raisedAt ?? ''))).toBe(true);
  const r2 = fin.replies[1];
  expect([r2.responderText, r2.content, r2.kind]).toEqual([nfc(seed.replies[1].byText), nfc(seed.replies[1].summary), 'on_spot']);
  expect(r2.recommendationIds).toEqual(ds.map((x) => x.id).sort((a, b) => a - b));
  const c = fin.speeches.find((s) => s.kind === 'conclusion')!;
  expect(c.speakerAttendeeId).toBe(ids.p2);
  expect(c.summary).toBe(nfc(concl.summary));
  expect(c.directions).toEqual(concl.directions.map(nfc));
  // Timeline order: report, 8 before, reply, 8 during, reply, conclusion.
  const order = [...fin.speeches, ...fin.recommendations, ...fin.replies].sort((a, b) => a.seq - b.seq).map((x) => ('kind' in x && 'directions' in x ? x.kind : 'phase' in x ? x.phase : 'reply'));
  expect(order).toEqual(['report', ...Array(8).fill('before'), 'reply', ...Array(8).fill('during'), 'reply', 'conclusion']);
});

test('every shortcut on the keyboard map works', async ({ page }) => {
  test.setTimeout(180_000);
  await openApp(page);
  await page.getByTestId('new-meeting').click();
  await expect(page).toHaveURL(/#\/meeting\/\d+\/prepare/);
  await addRosterOnPrepare(page, [
    { key: 'chair', name: 'Trương Quang Thiều', titles: [], organization: 'quận Bắc Từ Liêm', role: 'chair' },
    { key: 'reporter', name: 'Trần Thế Cương', titles: [], organization: 'quận Bắc Từ Liêm', role: 'reporter' },
  ]);
  await page.getByTestId('tab-live').click();
  await expect(page.getByTestId('roster')).toContainText('Trần Thế Cương');

  // The map lists the shortcuts; the test presses exactly what it lists.
  await page.keyboard.press('F1');
  const entries = await page.getByTestId('kmap-entry').evaluateAll((els) => els.map((e) => ({ id: (e as HTMLElement).dataset.id!, keys: (e as HTMLElement).dataset.keys!.split(' ') })));
  await shot(page, 'live-7-keyboard-map');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('keyboard-map')).toHaveCount(0);
  expect(entries.length).toBeGreaterThanOrEqual(12);

  const rows = page.getByTestId('tl-row');
  const selectedKey = () => page.locator('.tl-row[aria-current="true"]').getAttribute('data-key');
  const focusedTestId = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? '');

  const checks: Record<string, (key: string) => Promise<void>> = {
    newRec: async (key) => {
      const n = await rows.count();
      if (n) await page.getByTestId('new-rec').focus();
      await page.keyboard.press(key);
      await expect(rows).toHaveCount(n + 1);
      await expect(page.getByTestId('rec-phase')).toHaveValue('during');
      await expect(page.getByTestId('rec-speaker')).toBeFocused();
      // Pressed from inside a text field too: shortcuts work while typing.
      await page.getByTestId('rec-content').click();
      await page.keyboard.type('Kiến nghị');
    },
    newRecBefore: async (key) => {
      await page.getByTestId('rec-content').click();
      await page.keyboard.press(key);
      await expect(page.getByTestId('rec-phase')).toHaveValue('before');
    },
    reply: async (key) => {
      await page.locator('.tl-row.tl-rec .tl-main').first().click();
      const recKey = await selectedKey();
      await page.keyboard.press(key);
      await expect(page.getByTestId('reply-form')).toBeVisible();
      await expect(page.getByTestId(`link-${recKey!.replace('rec', '')}`)).toBeChecked();
    },
    report: async (key) => {
      await page.keyboard.press(key);
      await expect(page.getByTestId('speech-form').locator('h2')).toHaveText('Báo cáo');
      await expect(page.getByTestId('speech-speaker')).toHaveValue('Trần Thế Cương');
    },
    conclusion: async (key) => {
      await page.keyboard.press(key);
      await expect(page.getByTestId('speech-form').locator('h2')).toHaveText('Kết luận của chủ trì');
      await expect(page.getByTestId('speech-speaker')).toHaveValue('Trương Quang Thiều');
    },
    photo: async (key) => {
      const chooser = page.waitForEvent('filechooser');
      await page.keyboard.press(key);
      await (await chooser).setFiles({ name: 'anh.jpg', mimeType: 'image/jpeg', buffer: await makeJpeg() });
      await expect(page.getByTestId('thumb')).toHaveCount(1);
    },
    roster: async (key) => {
      await page.keyboard.press(key);
      await expect.poll(focusedTestId).toMatch(/^presence-/);
      await page.keyboard.press('Space');
      await expect(page.getByTestId('count-present')).toHaveText('1/2');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Space');
      await expect(page.getByTestId('count-present')).toHaveText('0/2');
      await page.keyboard.press('Space');
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('Space');
      await expect(page.getByTestId('count-present')).toHaveText('2/2');
    },
    prev: async (key) => {
      const before = await selectedKey();
      await page.keyboard.press(key);
      await expect.poll(selectedKey).not.toBe(before);
    },
    next: async (key) => {
      await page.keyboard.press('Alt+ArrowUp');
      const before = await selectedKey();
      await page.keyboard.press(key);
      await expect.poll(selectedKey).not.toBe(before);
    },
    mark: async (key) => {
      await page.locator('.tl-row.tl-rec .tl-main').first().click();
      const box = page.locator('.tl-row.tl-rec .tl-mark input').first();
      const was = await box.isChecked();
      await page.keyboard.press(key);
      await expect(box).toBeChecked({ checked: !was });
      await page.keyboard.press(key);
      await expect(box).toBeChecked({ checked: was });
    },
    remove: async (key) => {
      // Asks first; "Không xóa" is the default answer.
      const n = await rows.count();
      await page.keyboard.press(key);
      await expect(page.getByTestId('confirm-delete')).toBeVisible();
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('confirm-delete')).toHaveCount(0);
      await expect(rows).toHaveCount(n);
    },
    finish: async (key) => {
      const before = await selectedKey();
      await page.keyboard.press('F2');
      // Type into the new item's form, not the previous one still on screen while rec.create answers.
      await expect.poll(selectedKey).not.toBe(before);
      await expect(page.getByTestId('rec-speaker')).toBeFocused();
      await page.getByTestId('rec-content').click();
      await page.keyboard.type('Xong mục');
      await page.keyboard.press(key);
      await expect.poll(focusedTestId).toMatch(/^tl-rec-\d+$/);
      await saved(page);
      await expect(page.getByTestId('rec-content')).toHaveValue('Xong mục');
    },
    map: async (key) => {
      if (key === '?') {
        // In a text field "?" is just a character…
        await page.getByTestId('rec-content').click();
        await page.keyboard.press('?');
        await expect(page.getByTestId('keyboard-map')).toHaveCount(0);
        await expect(page.getByTestId('rec-content')).toHaveValue('Xong mục?');
        await page.keyboard.press('Control+Enter');
        // …and outside one (Ctrl+Enter puts the focus on the item's timeline row) it opens the map.
        await expect(page.getByTestId('rec-content')).not.toBeFocused();
      } else await page.getByTestId('rec-content').click();
      await page.keyboard.press(key);
      await expect(page.getByTestId('keyboard-map')).toBeVisible();
      await page.getByTestId('kmap-close').click();
    },
    escape: async (key) => {
      await page.keyboard.press('F1');
      await expect(page.getByTestId('keyboard-map')).toBeVisible();
      await page.keyboard.press(key);
      await expect(page.getByTestId('keyboard-map')).toHaveCount(0);
    },
  };
  for (const e of entries) {
    expect(Object.keys(checks), `a check for shortcut ${e.id}`).toContain(e.id);
    for (const key of e.keys) await test.step(`${e.id}: ${key}`, () => checks[e.id](key));
  }
});
