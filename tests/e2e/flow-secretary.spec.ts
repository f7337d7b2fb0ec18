// Issue 12, "the secretary's flow": every point a new user hit in the hall, driven from the
// keyboard at 1366×768, with a screenshot of each screen touched under test-results/flow/.
// What is stored is read back through the API, not from the screen.
import { test, expect, openApp } from './fixtures';
import { apiCall } from './live-helpers';
import { expectFocusNotOnBody, focusedTestId, meetingHash, meetingWith, shot } from './flow-helpers';

test('1. Tab then Enter from "Cụm tóm tắt" never deletes; deleting asks, keeps the focus in the entry panel, and undoes', async ({ page, baseURL }) => {
  const id = await meetingWith(baseURL!, 'Hội nghị thử xóa', [{ phase: 'during', content: 'Xử lý ô nhiễm sông Pheo' }]);
  await openApp(page, meetingHash(id, 'live'));
  await page.locator('.tl-row.tl-rec .tl-main').first().press('Enter');
  const phrase = page.getByTestId('rec-phrase');
  await phrase.focus();
  await page.keyboard.type(' ngay');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('confirm-delete')).toHaveCount(0);
  await expect(page.getByTestId('tl-row')).toHaveCount(1);
  expect((await apiCall(baseURL!, 'meeting.get', { id })).recommendations).toHaveLength(1);
  expect(await focusedTestId(page)).not.toBe('entry-delete');

  // Alt+Delete asks; the default answer (Enter) is "Không xóa", and the cursor goes back to the field.
  await phrase.focus();
  await page.keyboard.press('Alt+Delete');
  await expect(page.getByTestId('confirm-delete')).toBeVisible();
  await expect(page.getByTestId('confirm-delete-cancel')).toBeFocused();
  await shot(page, '1-live-confirm-delete');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('confirm-delete')).toHaveCount(0);
  await expect(phrase).toBeFocused();
  await expect(page.getByTestId('tl-row')).toHaveCount(1);

  // Confirmed on purpose: deleted, focus in the entry panel, and "Hoàn tác" brings it back.
  await page.keyboard.press('Alt+Delete');
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByTestId('confirm-delete-ok')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('tl-row')).toHaveCount(0);
  await expect(page.getByTestId('entry-empty')).toBeFocused();
  await expectFocusNotOnBody(page);
  expect((await apiCall(baseURL!, 'meeting.get', { id })).recommendations).toHaveLength(0);
  await shot(page, '1-live-deleted-undo');
  await page.getByTestId('undo').press('Enter');
  await expect(page.getByTestId('tl-row')).toHaveCount(1);
  await expect(page.getByTestId('rec-speaker')).toBeFocused();
  // The delete button is not in the Tab order at all.
  await expect(page.getByTestId('entry-delete')).toHaveAttribute('tabindex', '-1');
});

test('2. copying needs a confirm and gets its own title; any meeting goes to the trash, with undo and restore; locked minutes stay', async ({ page, baseURL }) => {
  const src = await meetingWith(baseURL!, 'Đối thoại với hội viên phụ nữ');
  await openApp(page);
  const count = async () => (await apiCall(baseURL!, 'meeting.list', {})).length;
  const before = await count();
  // Arrow keys on the select only choose (Chromium fires "change" on each): nothing is created.
  const select = page.getByTestId('copy-from');
  await select.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page).toHaveURL(/#\/$/);
  expect(await count()).toBe(before);
  await select.selectOption(String(src));
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('copy-create')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('confirm-copy')).toBeVisible();
  await expect(page.getByTestId('confirm-copy')).toContainText('Đối thoại với hội viên phụ nữ (bản sao)');
  await shot(page, '2-home-confirm-copy');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/meeting\/\d+\/prepare/);
  const copyId = Number(/meeting\/(\d+)/.exec(page.url())![1]);
  expect(copyId).not.toBe(src);
  expect((await apiCall(baseURL!, 'meeting.get', { id: copyId })).meeting.title).toBe('Đối thoại với hội viên phụ nữ (bản sao)');
  expect(await count()).toBe(before + 1);

  // Delete the copy from the keyboard: asks (default "Không xóa"), then undo is one Enter away.
  await openApp(page);
  const row = page.locator(`[data-testid="meeting-row"][data-id="${copyId}"]`);
  await row.getByTestId('remove-meeting').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('confirm-remove')).toBeVisible();
  await expect(page.getByTestId('confirm-remove-cancel')).toBeFocused();
  await shot(page, '2-home-confirm-remove');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(row).toHaveCount(0);
  await expect(page.getByTestId('meeting-undo')).toBeFocused();
  await expect(page.getByTestId('trash')).toContainText('(bản sao)');
  await shot(page, '2-home-deleted-trash');
  await page.keyboard.press('Enter');
  await expect(row).toHaveCount(1);
  await expect(row.locator('a')).toBeFocused();
  expect((await apiCall(baseURL!, 'meeting.get', { id: copyId })).meeting.id).toBe(copyId);

  // Deleted again, then restored from the trash.
  await row.getByTestId('remove-meeting').focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('confirm-remove-ok').press('Enter');
  await expect(row).toHaveCount(0);
  expect((await apiCall(baseURL!, 'meeting.trash', {})).map((t) => t.id)).toContain(copyId);
  await page.locator(`[data-testid="trash-row"][data-id="${copyId}"]`).getByTestId('trash-restore').press('Enter');
  await expect(row).toHaveCount(1);
  expect((await apiCall(baseURL!, 'meeting.trash', {})).map((t) => t.id)).not.toContain(copyId);

  // Locked minutes are not deleted; the message says how to unlock.
  await apiCall(baseURL!, 'meeting.finalize', { id: copyId });
  await page.reload();
  await row.getByTestId('remove-meeting').focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('confirm-remove-ok').press('Enter');
  await expect(page.getByTestId('home-error')).toContainText('mở khóa');
  await expect(row).toHaveCount(1);
});

test('3. the reply form lists the linked kiến nghị first, then the current phase; its footer hint is visible', async ({ page, baseURL }) => {
  const recs = [
    ...Array.from({ length: 8 }, (_, i) => ({ phase: 'before' as const, content: `Kiến nghị gửi trước số ${i + 1} về hạ tầng và môi trường` })),
    ...Array.from({ length: 6 }, (_, i) => ({ phase: 'during' as const, content: `Kiến nghị tại hội trường số ${i + 1}` })),
  ];
  const id = await meetingWith(baseURL!, 'Hội nghị thử trả lời', recs);
  await apiCall(baseURL!, 'meeting.start', { id, startTime: '08:00' });
  const rec = await apiCall(baseURL!, 'meeting.get', { id });
  const target = rec.recommendations.filter((r) => r.phase === 'during')[4];
  await openApp(page, meetingHash(id, 'live'));
  await page.getByTestId(`tl-rec-${target.id}`).press('Enter');
  await page.keyboard.press('F3');
  await expect(page.getByTestId('reply-form')).toBeVisible();
  const rows = page.getByTestId('link-row');
  await expect(rows).toHaveCount(14);
  await expect(rows.nth(0)).toContainText('Kiến nghị tại hội trường số 5');
  await expect(rows.nth(0).locator('input')).toBeChecked();
  // Then the other in-hall ones, and only then the pre-meeting ones.
  for (let i = 1; i <= 5; i++) await expect(rows.nth(i)).toContainText('Kiến nghị tại hội trường');
  await expect(rows.nth(6)).toContainText('Kiến nghị gửi trước số 1');
  const hint = page.getByTestId('entry-hint');
  await hint.scrollIntoViewIfNeeded();
  await expect(hint).toBeInViewport({ ratio: 1 });
  expect(await hint.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
  await shot(page, '3-live-reply-form');
});

test('4. after "Chốt biên bản" every step is read-only, says why and how to unlock, and nothing red follows to Home', async ({ page, baseURL }) => {
  const id = await meetingWith(baseURL!, 'Hội nghị đã chốt', [{ phase: 'during', content: 'Nạo vét sông Pheo' }]);
  await apiCall(baseURL!, 'meeting.update', { id, patch: { organizer: 'Quận Bắc Từ Liêm' } });
  await apiCall(baseURL!, 'meeting.finalize', { id });
  await openApp(page, meetingHash(id, 'prepare'));
  await expect(page.getByTestId('locked-note')).toContainText('Mở khóa để sửa');
  await expect(page.getByTestId('f-organizer')).toBeDisabled();
  await shot(page, '4-prepare-locked');

  await page.keyboard.press('Alt+2');
  await expect(page).toHaveURL(/\/live$/);
  await expect(page.getByTestId('locked-note')).toBeVisible();
  await expect(page.getByTestId('new-rec')).toBeDisabled();
  await page.keyboard.press('F2');
  await expect(page.getByTestId('tl-row')).toHaveCount(1);
  await page.locator('.tl-row .tl-main').first().press('Enter');
  await expect(page.getByTestId('rec-content')).toBeDisabled();
  await expect(page.getByTestId('rec-content')).toHaveValue('Nạo vét sông Pheo');
  await shot(page, '4-live-locked');

  await page.keyboard.press('Alt+3');
  await expect(page.getByTestId('f-end')).toBeDisabled();
  await expect(page.getByTestId('reopen-meeting')).toBeDisabled();
  await shot(page, '4-close-locked');

  // The link in the note leads to the unlock button.
  await page.getByTestId('locked-goto-unlock').press('Enter');
  await expect(page.getByTestId('unlock')).toBeFocused();

  // Home: no error anywhere, and the save indicator is not red.
  await page.locator('.topnav a').first().press('Enter');
  await expect(page.getByTestId('meeting-list')).toBeVisible();
  await expect(page.locator('.banner.error, [role="alert"]')).toHaveCount(0);
  await expect(page.locator('.save-indicator.error')).toHaveCount(0);
  expect((await apiCall(baseURL!, 'meeting.get', { id })).meeting.organizer).toBe('Quận Bắc Từ Liêm');
});

test('5. keys switch steps, start and end the meeting; F1 lists them; fields come in typing order; composition is never a shortcut', async ({ page, baseURL }) => {
  const id = await meetingWith(baseURL!, 'Hội nghị thử phím');
  await openApp(page, meetingHash(id, 'prepare'));
  // Prepare: "Tên hội nghị" right after the place, before the date and time.
  await page.getByTestId('f-location').focus();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('f-title')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('f-date')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('f-start')).toBeFocused();
  await shot(page, '5-prepare-order');

  // An Alt+2 that belongs to the input method (composition) does nothing.
  await page.evaluate(() => window.dispatchEvent(new KeyboardEvent('keydown', { key: '2', code: 'Digit2', altKey: true, isComposing: true, bubbles: true })));
  await expect(page).toHaveURL(/\/prepare$/);

  await page.keyboard.press('Alt+2');
  await expect(page).toHaveURL(/\/live$/);
  await expect(page.getByTestId('start-meeting')).toBeFocused();
  await page.keyboard.press('Alt+3');
  await expect(page).toHaveURL(/\/close$/);
  await page.keyboard.press('Alt+4');
  await expect(page).toHaveURL(/\/documents/);
  await page.keyboard.press('Alt+1');
  await expect(page).toHaveURL(/\/prepare$/);

  // Alt+S asks, Esc keeps the meeting as it was, Enter starts it.
  await page.keyboard.press('Alt+S');
  await expect(page.getByTestId('confirm-start')).toBeVisible();
  await shot(page, '5-confirm-start');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('confirm-start')).toHaveCount(0);
  expect((await apiCall(baseURL!, 'meeting.get', { id })).meeting.status).toBe('draft');
  await page.keyboard.press('Alt+S');
  await page.getByTestId('confirm-start-ok').press('Enter');
  await expect(page).toHaveURL(/\/live$/);
  await expect.poll(async () => (await apiCall(baseURL!, 'meeting.get', { id })).meeting.status).toBe('live');

  // Live: "Thời điểm" comes after "Nội dung", not between the unit and the content.
  await page.keyboard.press('F2');
  await expect(page.getByTestId('rec-speaker')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('rec-unit')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('rec-content')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('rec-time')).toBeFocused();

  // F1 lists the meeting keys and the multi-select for a joint reply.
  await page.keyboard.press('F1');
  const map = page.getByTestId('keyboard-map');
  await expect(map.locator('[data-testid="kmap-meeting-entry"]')).toHaveCount(6);
  await expect(map.locator('[data-id="mark"]')).toContainText('Alt');
  await expect(map.locator('[data-id="remove"]')).toBeVisible();
  await shot(page, '5-live-keyboard-map');
  await page.keyboard.press('Escape');

  // Alt+M marks the selected kiến nghị for a joint reply.
  await page.keyboard.press('Control+Enter');
  await page.keyboard.press('Alt+M');
  await expect(page.locator('.tl-mark input').first()).toBeChecked();
  await expect(page.getByTestId('new-reply')).toContainText('(1)');

  // Alt+X asks, then ends the meeting and shows the Close step.
  await page.keyboard.press('Alt+X');
  await expect(page.getByTestId('confirm-end')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/close$/);
  await expect.poll(async () => (await apiCall(baseURL!, 'meeting.get', { id })).meeting.status).toBe('closed');
  await expect(page.getByTestId('closed-note')).toBeVisible();
  await shot(page, '5-close-ended');
});

test('6. while the meeting is live the timeline folds the pre-meeting items away', async ({ page, baseURL }) => {
  const recs = [
    ...Array.from({ length: 8 }, (_, i) => ({ phase: 'before' as const, content: `Kiến nghị trước hội nghị ${i + 1}` })),
    ...Array.from({ length: 3 }, (_, i) => ({ phase: 'during' as const, content: `Kiến nghị trong hội trường ${i + 1}` })),
  ];
  const id = await meetingWith(baseURL!, 'Hội nghị thử dòng thời gian', recs);
  const all = await apiCall(baseURL!, 'meeting.get', { id });
  for (const r of all.recommendations.filter((x) => x.phase === 'before'))
    await apiCall(baseURL!, 'reply.create', { meetingId: id, kind: 'written_before', content: 'Đã trả lời bằng văn bản', recommendationIds: [r.id] });
  // Before the meeting starts everything shows: it is the preparation.
  await openApp(page, meetingHash(id, 'live'));
  await expect(page.getByTestId('tl-row')).toHaveCount(19);
  await expect(page.getByTestId('tl-fold')).toHaveCount(0);
  await page.getByTestId('start-meeting').press('Enter');
  await expect(page.getByTestId('tl-row')).toHaveCount(3);
  await expect(page.getByTestId('tl-fold')).toContainText('16 mục trước hội nghị');
  await expect(page.getByTestId('timeline')).toContainText('Kiến nghị trong hội trường 1');
  await shot(page, '6-live-timeline-folded');
  // Alt+↑/↓ walk only what is shown.
  await page.keyboard.press('Alt+ArrowDown');
  await expect(page.locator('.tl-row[aria-current="true"]')).toContainText('trong hội trường 1');
  // A pre-meeting item typed during the meeting stays in view after it is done.
  await page.keyboard.press('Alt+Shift+N');
  await expect(page.getByTestId('rec-phase')).toHaveValue('before');
  await page.keyboard.press('Control+Enter');
  await page.keyboard.press('Alt+ArrowUp');
  await expect(page.getByTestId('tl-row')).toHaveCount(4);
  await page.getByTestId('tl-fold').press('Enter');
  await expect(page.getByTestId('tl-row')).toHaveCount(20);
});

test('8. search results show the meeting, the field and the match apart', async ({ page, baseURL }) => {
  await meetingWith(baseURL!, 'Hội nghị tìm kiếm', [{ phase: 'during', raisedByText: 'Nguyễn Thị Lan', unit: 'Hội LHPN phường Tây Tựu', content: 'Đề nghị xử lý ô nhiễm sông Pheo đoạn qua phường' }]);
  await openApp(page);
  await page.getByTestId('global-search').focus();
  await page.keyboard.type('song pheo');
  const hit = page.getByTestId('search-hit').filter({ hasText: 'Hội nghị tìm kiếm' });
  await expect(hit).toHaveCount(1);
  await expect(hit.getByTestId('hit-meeting')).toContainText('Hội nghị tìm kiếm');
  await expect(hit.getByTestId('hit-field')).toHaveText('Kiến nghị');
  // Only the field that matched: no name or unit run into it.
  await expect(hit.getByTestId('hit-snippet')).toHaveText('Đề nghị xử lý ô nhiễm sông Pheo đoạn qua phường');
  await expect(hit.locator('mark')).toHaveText(['sông', 'Pheo']);
  await shot(page, '8-home-search');
});

test('10. a start time typed just before "Bắt đầu hội nghị" is kept, even when its save is slow', async ({ page, baseURL }) => {
  const id = await meetingWith(baseURL!, 'Hội nghị thử giờ bắt đầu');
  await openApp(page, meetingHash(id, 'prepare'));
  // Every meeting.update answers late: the start time's save is still on its way when the
  // secretary starts the meeting.
  await page.route('**/api/meeting.update', async (route) => {
    await new Promise((r) => setTimeout(r, 1500));
    await route.continue();
  });
  await page.getByTestId('f-start').focus();
  await page.keyboard.type('07:45');
  await page.keyboard.press('Alt+2');
  await expect(page.getByTestId('start-meeting')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await apiCall(baseURL!, 'meeting.get', { id })).meeting.status).toBe('live');
  expect((await apiCall(baseURL!, 'meeting.get', { id })).meeting.startTime).toBe('07:45');
  await shot(page, '10-live-started');

  // The same through Alt+S from the Prepare step, with the time typed and not yet saved.
  const id2 = await meetingWith(baseURL!, 'Hội nghị thử giờ bắt đầu 2');
  await openApp(page, meetingHash(id2, 'prepare'));
  await page.getByTestId('f-start').focus();
  await page.keyboard.type('07:50');
  await page.keyboard.press('Alt+S');
  await expect(page.getByTestId('confirm-start')).toContainText('07:50');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await apiCall(baseURL!, 'meeting.get', { id: id2 })).meeting.status).toBe('live');
  expect((await apiCall(baseURL!, 'meeting.get', { id: id2 })).meeting.startTime).toBe('07:50');
});
