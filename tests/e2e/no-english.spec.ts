// Issue 12, point 7: every word a user sees is Vietnamese. Each screen and dialog is opened with
// real content (the sample meeting, a generated document, a change log with status changes and
// field edits), and its visible text, placeholders, titles and labels are scanned for words
// written in plain ASCII letters that are neither a Vietnamese syllable written without marks
// ("tin", "cho", "Thanh") nor an allowed abbreviation or name (HĐND, UBND, PDF, Word, Unikey…).
import type { Page } from '@playwright/test';
import { test, expect, openApp } from './fixtures';
import { apiCall } from './live-helpers';
import { meetingHash, shot } from './flow-helpers';

/** Abbreviations, product names and key names that are the same in Vietnamese. */
const ALLOWED = new Set([
  // Vietnamese official abbreviations
  // TM: "thay mặt" in a signature block; II–IV: quarters as offices write them ("Quý IV")
  'TM', 'II', 'III', 'IV',
  'UBND', 'MTTQ', 'LHPN', 'TUV', 'UVTV', 'HN', 'KN', 'TN', 'MT', 'CP', 'NQ', 'TW', 'HD', 'BB', 'QH', 'CT', 'UB', 'TT', 'ND', 'BCH', 'BTV', 'BTC', 'QU', 'HU', 'TU', 'TP', 'VN',
  // file kinds and programs a secretary knows by these names
  'PDF', 'Word', 'Excel', 'CSV', 'XLSX', 'DOCX', 'JPEG', 'JPG', 'PNG', 'HTML', 'LibreOffice', 'SQLite', 'Zalo', 'Email', 'email',
  'thukyhn', 'docx', 'xlsx', 'csv', 'pdf', 'jpg', 'png',
  // Vietnamese typing tools and their methods
  'Unikey', 'EVKey', 'OpenKey', 'Telex', 'VNI',
  // operating systems and folders the help page names
  'Windows', 'macOS', 'Linux', 'APPDATA', 'AppData', 'Library', 'Application', 'Support', 'config',
  // keys, as printed on the keyboard
  'Ctrl', 'Alt', 'Shift', 'Esc', 'Enter', 'Tab', 'Delete', 'Home', 'End', 'PgUp', 'PgDn',
  // units and Vietnamese abbreviations used in the documents and the sample meeting
  'KB', 'MB', 'GB', 'USB', 'VT', 'GPMB', 'STT', 'vd',
  // examples of typing without marks or by initials, as the secretary would type them
  'hdnd', 'ttq', 'ttc', 'tqt',
]);

/** Names of more than one word that are the same in Vietnamese. */
const PHRASES = ['Times New Roman'];

// A Vietnamese syllable written without marks: optional onset, one to three vowels, optional coda.
const SYLLABLE = /^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(ch|ng|nh|[cmnpt])?$/;

export function foreignWords(texts: string[]): string[] {
  const out = new Set<string>();
  for (const t of texts)
    for (const token of PHRASES.reduce((acc, p) => acc.split(p).join(' '), t).split(/\s+/)) {
      // Paths, file names, addresses and times are data, not words; so is the elided end of a
      // key ("Đã có khóa (…OcgA)": the unit key's last letters, random).
      if (/[/\\@]|\.[a-z][a-z0-9]{1,8}\b|^https?:|…[A-Za-z0-9_-]/i.test(token)) continue;
      for (const w of token.split(/[^\p{L}]+/u)) {
        if (w.length < 2 || !/^[A-Za-z]+$/.test(w)) continue;
        if (ALLOWED.has(w) || SYLLABLE.test(w.toLowerCase())) continue;
        out.add(w);
      }
    }
  return [...out].sort();
}

/** Everything a user can read on the screen now: text, placeholders, tooltips, labels, options. */
async function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    // Commands, paths and key caps (<code>, <kbd>, <samp>) are data the user types, not prose.
    // They are hidden for the moment of reading (innerText leaves out what is not displayed).
    const data = [...document.querySelectorAll<HTMLElement>('code, kbd, samp')];
    const was = data.map((el) => el.style.display);
    data.forEach((el) => (el.style.display = 'none'));
    const body = document.body.innerText;
    data.forEach((el, i) => (el.style.display = was[i]));
    const out: string[] = [body, document.title];
    for (const el of document.querySelectorAll<HTMLElement>('[placeholder], [title], [aria-label], option, input[type="button"], input[type="submit"]')) {
      if (el.closest('[hidden]')) continue;
      for (const a of ['placeholder', 'title', 'aria-label']) {
        const v = el.getAttribute(a);
        if (v) out.push(v);
      }
      if (el instanceof HTMLOptionElement) out.push(el.text);
    }
    return out;
  });
}

async function scan(page: Page, where: string, found: Map<string, string[]>): Promise<void> {
  // Let the screen's reads settle; a screen that keeps asking (a live meeting's clock, the hall
  // audio's state) never goes quiet, and its text is on screen by then all the same.
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
  const words = foreignWords(await visibleTexts(page));
  if (words.length) found.set(where, words);
  await shot(page, `7-${where}`);
}

test('no English on any screen or dialog', async ({ page, baseURL }) => {
  test.setTimeout(300_000);
  const found = new Map<string, string[]>();
  await openApp(page); // sets up the organisation, which the documents need
  const sample = await apiCall(baseURL!, 'sample.load', {});
  const id = sample.id;
  // A change log with every kind of entry a user makes: field edits, a status change, documents.
  const other = await apiCall(baseURL!, 'meeting.create', { copyFromId: id, fields: { title: 'Đối thoại thử nhật ký' } });
  await apiCall(baseURL!, 'meeting.update', { id: other.id, patch: { startTime: '08:00', endTime: '11:30', location: 'Hội trường' } });
  const rec = await apiCall(baseURL!, 'rec.create', { meetingId: other.id, phase: 'during', content: 'Nạo vét sông Pheo' });
  await apiCall(baseURL!, 'rec.update', { id: rec.id, patch: { content: 'Nạo vét, kè bờ sông Pheo', shortPhrase: 'nạo vét sông Pheo' } });
  await apiCall(baseURL!, 'speech.create', { meetingId: other.id, kind: 'report', summary: 'Báo cáo' });
  await apiCall(baseURL!, 'meeting.start', { id: other.id, startTime: '08:00' });
  for (const kind of ['article', 'minutes', 'summary'] as const) await apiCall(baseURL!, 'doc.generate', { meetingId: other.id, kind });
  await apiCall(baseURL!, 'meeting.setStatus', { id: other.id, status: 'closed' });
  await apiCall(baseURL!, 'meeting.finalize', { id: other.id });
  await apiCall(baseURL!, 'meeting.unlock', { id: other.id, reason: 'Bổ sung ý kiến trả lời' });
  const trashMe = await apiCall(baseURL!, 'meeting.create', { fields: { title: 'Hội nghị trong thùng rác' } });
  await apiCall(baseURL!, 'meeting.remove', { id: trashMe.id });

  // Home, with search hits, the copy question and the delete question.
  await openApp(page);
  await page.getByTestId('global-search').fill('song pheo');
  await expect(page.getByTestId('search-hit').first()).toBeVisible();
  await scan(page, 'home', found);
  await page.getByTestId('copy-from').selectOption(String(id));
  await page.getByTestId('copy-create').press('Enter');
  await scan(page, 'home-confirm-copy', found);
  await page.keyboard.press('Escape');
  await page.locator(`[data-testid="meeting-row"][data-id="${other.id}"]`).getByTestId('remove-meeting').press('Enter');
  await scan(page, 'home-confirm-remove', found);
  await page.keyboard.press('Escape');

  for (const [name, hash] of [
    ['settings', '#/settings'],
    ['backups', '#/backups'],
    ['help', '#/help'],
  ] as const) {
    await openApp(page, hash);
    await scan(page, name, found);
  }

  // The follow-up register (issue 14): the list with an item open, the status filter, the period
  // report; the office's statuses and agencies are on the settings screen scanned above.
  await openApp(page, '#/register');
  await expect(page.getByTestId('reg-row').first()).toBeVisible();
  await page.getByTestId('reg-list').press('Enter');
  await expect(page.getByTestId('reg-form')).toBeVisible();
  await page.getByTestId('reg-status-filter').locator('summary').press('Enter');
  await scan(page, 'register', found);
  await page.keyboard.press('Alt+B');
  await expect(page.getByTestId('report-preview')).toBeVisible();
  await scan(page, 'register-report', found);
  await page.keyboard.press('Escape');
  // The conclusion's tasks editor, above the notice, with the directions taken from the conclusion.
  await openApp(page, `${meetingHash(id, 'documents')}/notice`);
  await page.getByTestId('tasks-from-conclusion').press('Enter');
  await expect(page.getByTestId('task-row').first()).toBeVisible();
  await scan(page, 'notice-tasks', found);

  // The meeting's steps, on the sample meeting (full of content) and on the logged one.
  await openApp(page, meetingHash(id, 'prepare'));
  await expect(page.getByTestId('f-organizer')).toBeVisible();
  await scan(page, 'prepare', found);
  await openApp(page, meetingHash(id, 'live'));
  await page.locator('.tl-row.tl-rec .tl-main').first().press('Enter');
  await scan(page, 'live-rec', found);
  await page.locator('.tl-row.tl-reply .tl-main').first().press('Enter');
  await scan(page, 'live-reply', found);
  await page.locator('.tl-row.tl-speech .tl-main').first().press('Enter');
  await scan(page, 'live-speech', found);
  await page.keyboard.press('F1');
  await scan(page, 'live-keyboard-map', found);
  await page.keyboard.press('Escape');
  await page.locator('.tl-row.tl-rec .tl-main').first().press('Enter');
  await page.keyboard.press('Alt+Delete');
  await scan(page, 'live-confirm-delete', found);
  await page.keyboard.press('Escape');
  await openApp(page, meetingHash(id, 'close'));
  await scan(page, 'close', found);
  await openApp(page, meetingHash(id, 'documents'));
  // The kinds in the order of their buttons: article, minutes, summary; the minutes last (the lock).
  for (const [n, kind] of [
    [0, 'article'],
    [2, 'summary'],
    [1, 'minutes'],
  ] as const) {
    await page.locator('.docs-kinds button').nth(n).press('Enter');
    await expect(page).toHaveURL(new RegExp(`/documents/${kind}$`));
    await scan(page, `documents-${kind}`, found);
  }
  await page.getByTestId('finalize').press('Enter');
  await scan(page, 'confirm-finalize', found);
  await page.keyboard.press('Escape');
  await openApp(page, meetingHash(other.id, 'audit'));
  await expect(page.getByTestId('audit-list')).toContainText('tạo văn bản');
  await scan(page, 'audit', found);
  // The start and end questions, on a meeting not started yet.
  const draft = await apiCall(baseURL!, 'meeting.create', { fields: { title: 'Hội nghị chưa bắt đầu' } });
  await openApp(page, meetingHash(draft.id, 'prepare'));
  await expect(page.getByTestId('f-organizer')).toBeVisible();
  await page.keyboard.press('Alt+S');
  await expect(page.getByTestId('confirm-start')).toBeVisible();
  await scan(page, 'confirm-start', found);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Alt+X');
  await expect(page.getByTestId('confirm-end')).toBeVisible();
  await scan(page, 'confirm-end', found);
  await page.keyboard.press('Escape');

  expect(Object.fromEntries(found), 'words that are not Vietnamese, by screen').toEqual({});
});

test('the scan itself catches English and lets Vietnamese through', () => {
  expect(foreignWords(['generate summary closed endTime content'])).toEqual(['closed', 'content', 'endTime', 'generate', 'summary']);
  expect(foreignWords(['Tin bài cho hội nghị Thanh Xuân, UBND quận, xuất PDF, gõ Telex, Ctrl+Enter'])).toEqual([]);
  expect(foreignWords(['Lưu tại /home/thu/Thư ký/thuky.sqlite3 lúc 14:00'])).toEqual([]);
  expect(foreignWords(['Đã có khóa (…OcgA); nhập khóa mới để thay'])).toEqual([]);
  expect(foreignWords(['Đã có khóa … password'])).toEqual(['password']);
});
