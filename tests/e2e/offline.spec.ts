// Offline, proven. A new user's whole first session in the browser mode: first-run setup, the
// sample meeting (opened, marked "Mẫu", deleted and restored), then a first meeting of their own
// prepared, captured live, closed, and its three documents exported to Word. Every request the
// browser makes is logged, from the page and from the context (workers, downloads, anything), and
// the test fails if one goes anywhere but the app's own origin (or data:/blob:, which never leave
// the machine). Chromium is also told that no host name resolves except 127.0.0.1, so a stray
// remote font or script could not even be looked up.
//
// The setup screen appears only on an empty data folder, and the shared e2e server's folder is
// filled by the other specs; so this spec starts its own server on a fresh folder and a free port.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { saved } from './live-helpers';
import type { Channel, ChannelInput, ChannelOutput } from '../../electron/shared/contract';
import type { MeetingRecord, OrgProfile } from '../../electron/shared/domain';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../helpers/chromium';

const TOKEN = 'offline-spec-token-not-secret';

test.use({
  launchOptions: {
    executablePath: CHROMIUM_PATH,
    args: [
      ...CHROMIUM_ARGS,
      // Nothing but loopback resolves: a remote asset would fail to load even if it slipped past the log.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  },
  acceptDownloads: true,
});

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = addr && typeof addr === 'object' ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

type Server = { base: string; dataDir: string; child: ChildProcess; output: () => string };

/** `npm run web` without the build step (the renderer is built before e2e), on a fresh data folder. */
async function startServer(): Promise<Server> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'thuky-offline-'));
  const port = await freePort();
  // One process (node --import tsx), so stopping it is one signal to a pid this test owns.
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/server/main.ts', '--data', dataDir, '--port', String(port)], {
    cwd: process.cwd(),
    env: { ...process.env, THUKY_WEB_TOKEN: TOKEN },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr?.on('data', (b: Buffer) => (out += b.toString()));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (!out.includes(`${base}/?token=`)) {
    if (child.exitCode !== null) throw new Error(`the server stopped: ${out}`);
    if (Date.now() > deadline) throw new Error(`the server did not start in 60 s: ${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { base, dataDir, child, output: () => out };
}

async function stopServer(s: Server): Promise<void> {
  if (s.child.exitCode === null) {
    const exited = new Promise((r) => s.child.once('exit', r));
    s.child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
    if (s.child.exitCode === null) s.child.kill('SIGKILL');
  }
  rmSync(s.dataDir, { recursive: true, force: true });
}

/** Reads what is stored, from the test's side (Node's fetch: not a browser request, not logged). */
async function stored<C extends Channel>(base: string, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const res = await fetch(`${base}/api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-thuky-token': TOKEN },
    body: JSON.stringify(input),
  });
  const r = (await res.json()) as { ok: true; value: ChannelOutput<C> } | { ok: false; error: { message: string } };
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value;
}

async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  // From the top, so the sticky bar stays at the top of a full-page picture.
  if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `tests/artifacts/${name}.png`, fullPage });
}

/** The text of every part of a .docx, to check what the Word file really says. */
function docxText(bytes: Buffer): string {
  const files = unzipSync(new Uint8Array(bytes));
  return Object.entries(files)
    .filter(([name]) => name.endsWith('.xml'))
    .map(([, data]) => strFromU8(data).replace(/<[^>]+>/g, ''))
    .join('\n');
}

let server: Server;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  if (server) await stopServer(server);
});

test('a new user goes from first run to exported Word files without one request leaving the machine', async ({ page, context }) => {
  test.setTimeout(300_000);
  const { base } = server;
  const requests: string[] = [];
  const log = (url: string) => requests.push(url);
  context.on('request', (r) => log(r.url()));
  page.on('request', (r) => log(r.url()));
  page.on('websocket', (ws) => log(ws.url()));
  context.on('serviceworker', (w) => log(w.url()));

  // ---- first run ------------------------------------------------------------------------------
  await page.goto(`${base}/?token=${TOKEN}#/`);
  await expect(page.getByTestId('setup')).toBeVisible();
  await expect(page.getByTestId('setup-issuingBody')).toBeFocused();
  await shot(page, 'setup-1-empty');

  // "Bắt đầu" on an empty form: Vietnamese messages on the required fields, focus on the first.
  await page.getByTestId('setup-start').click();
  await expect(page.getByTestId('setup-errors')).toContainText('Còn 2 mục cần sửa');
  await expect(page.getByTestId('setup-error-issuingBody')).toContainText('Hãy ghi tên cơ quan ban hành');
  await expect(page.getByTestId('setup-error-placeName')).toContainText('Hãy ghi địa danh');
  await expect(page.getByTestId('setup-issuingBody')).toBeFocused();
  await shot(page, 'setup-2-errors');

  // A secretary starting today works for a phường (two tiers since 1/7/2025), the default level.
  // Typed in lower case: upper-cased on leaving the field; the place is read off the name.
  await expect(page.getByTestId('setup-level-commune')).toBeChecked();
  await page.getByTestId('setup-issuingBody').pressSequentially('ubnd phường tây tựu', { delay: 5 });
  await page.getByTestId('setup-parentBody').click();
  await expect(page.getByTestId('setup-issuingBody')).toHaveValue('UBND PHƯỜNG TÂY TỰU');
  await page.getByTestId('setup-parentBody').pressSequentially('UBND THÀNH PHỐ HÀ NỘI', { delay: 5 });
  await expect(page.getByTestId('setup-placeName')).toHaveValue('Tây Tựu');
  await expect(page.getByTestId('setup-docCode')).toHaveValue('BB-UBND');
  await expect(page.getByTestId('setup-errors')).toHaveCount(0);
  await expect(page.getByTestId('preview-national')).toHaveText('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  await expect(page.getByTestId('preview-number')).toHaveText('Số: 05/BB-UBND');

  // The Party switch changes the header and the code; switching back restores both.
  await page.getByTestId('setup-isParty').check();
  await expect(page.getByTestId('preview-national')).toHaveText('ĐẢNG CỘNG SẢN VIỆT NAM');
  await expect(page.getByTestId('setup-docCode')).toHaveValue('BB/ĐU');
  await expect(page.getByTestId('preview-number')).toHaveText('Số 05-BB/ĐU');
  // A State body's name under a Party header is almost certainly a slip: said, not blocked.
  await expect(page.getByTestId('setup-party-warning')).toBeVisible();
  await shot(page, 'setup-3-party');
  await page.getByTestId('setup-isParty').uncheck();
  await expect(page.getByTestId('setup-docCode')).toHaveValue('BB-UBND');

  await page.getByTestId('setup-secretaryName').pressSequentially('Nguyễn Thị Thu Hà', { delay: 5 });
  await page.getByTestId('setup-byline').pressSequentially('Hội Liên hiệp Phụ nữ phường Tây Tựu', { delay: 5 });
  await page.getByTestId('setup-chair-toa').check();
  await expect(page.getByTestId('preview-date')).toContainText(/^Tây Tựu, ngày \d{2} tháng \d{1,2} năm \d{4}$/);
  await shot(page, 'setup-4-filled', true);
  await page.getByTestId('setup-start').click();
  await expect(page.getByTestId('welcome')).toBeVisible();
  await expect(page.getByTestId('open-sample')).toBeFocused();
  await shot(page, 'setup-5-welcome');

  const profile = (await stored(base, 'profile.get', {})) as OrgProfile;
  expect(profile).toEqual({
    issuingBody: 'UBND PHƯỜNG TÂY TỰU',
    level: 'commune',
    parentBody: 'UBND THÀNH PHỐ HÀ NỘI',
    isParty: false,
    docCode: 'BB-UBND',
    placeName: 'Tây Tựu',
    byline: 'Hội Liên hiệp Phụ nữ phường Tây Tựu',
    secretaryName: 'Nguyễn Thị Thu Hà',
    style: { padCounts: true, placeDateLine: true, chairLabel: 'CHỦ TỌA', dateStyle: 'ngay', dateYear: true, padDayMonth: false, nameStyle: 'dash' },
  });

  // ---- the sample meeting ---------------------------------------------------------------------
  await page.getByTestId('open-sample').click();
  await expect(page).toHaveURL(/#\/meeting\/\d+\/prepare/);
  const sampleId = Number(/meeting\/(\d+)/.exec(page.url())![1]);
  await expect(page.getByTestId('meeting-title')).toContainText('Hội nghị đối thoại giữa đồng chí Bí thư Quận ủy');
  await expect(page.getByTestId('roster-name').first()).toBeVisible();
  expect(await stored(base, 'sample.ids', {})).toEqual([sampleId]);

  await page.getByRole('link', { name: 'Trang chủ' }).click();
  const sampleRow = page.getByTestId('meeting-list').locator('tr', { has: page.getByTestId('sample-badge') });
  await expect(sampleRow).toHaveCount(1);
  await expect(sampleRow).toContainText('18/10/2019');
  await shot(page, 'home-sample');
  await sampleRow.getByTestId('remove-sample').click();
  await expect(page.getByTestId('sample-undo-bar')).toContainText('Đã xóa hội nghị mẫu.');
  await expect(page.getByTestId('sample-badge')).toHaveCount(0);
  await page.getByTestId('sample-undo').click();
  await expect(page.getByTestId('sample-badge')).toHaveCount(1);
  expect(await stored(base, 'sample.ids', {})).toEqual([sampleId]);

  // ---- the help page, offline -----------------------------------------------------------------
  await page.getByRole('link', { name: 'Hướng dẫn' }).click();
  await expect(page.getByTestId('help')).toBeVisible();
  await expect(page.getByTestId('help-data-dir')).toHaveText(server.dataDir);
  await expect(page.getByTestId('help-backup-dir')).toHaveText(path.join(server.dataDir, 'backups'));
  await expect(page.getByTestId('help-shortcut').first()).toContainText('F2');
  await shot(page, 'help');
  await page.getByRole('navigation', { name: 'Mục lục hướng dẫn' }).getByRole('link', { name: 'Dữ liệu nằm ở đâu' }).click();
  await expect(page.getByRole('heading', { name: 'Dữ liệu nằm ở đâu' })).toBeFocused();
  await shot(page, 'help-data');
  // Printable: the app's bar and the table of contents drop out on paper.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.topbar')).toBeHidden();
  await shot(page, 'help-print');
  await page.emulateMedia({ media: 'screen' });

  // ---- a first meeting of their own: prepare --------------------------------------------------
  await page.getByRole('link', { name: 'Trang chủ' }).click();
  await page.getByTestId('new-meeting').click();
  await expect(page).toHaveURL(/#\/meeting\/\d+\/prepare/);
  const meetingId = Number(/meeting\/(\d+)/.exec(page.url())![1]);
  // The secretary from the profile is filled in.
  await expect(page.getByTestId('f-secretary')).toHaveValue('Nguyễn Thị Thu Hà');
  const title = page.getByTestId('f-title');
  await title.fill('');
  await title.pressSequentially('Hội nghị đối thoại với hội viên phụ nữ phường Tây Tựu', { delay: 2 });
  await page.getByTestId('f-date').fill('20/11/2026');
  await page.getByTestId('f-start').fill('08:00');
  await page.getByTestId('f-location').fill('Hội trường UBND phường Tây Tựu');
  await page.getByTestId('f-location').blur();
  const search = page.getByTestId('person-search');
  await search.pressSequentially('Nguyễn Thị Lan', { delay: 5 });
  await page.getByTestId('person-search-create').click();
  await page.getByTestId('np-titles').fill('Chủ tịch UBND phường');
  await page.getByTestId('np-org').fill('phường Tây Tựu');
  await page.getByTestId('np-role').selectOption('chair');
  await page.getByTestId('np-add').click();
  await expect(page.getByTestId('roster-name')).toHaveText(['Nguyễn Thị Lan']);
  await saved(page);

  // ---- live: start, one recommendation, one reply ---------------------------------------------
  await page.getByTestId('tab-live').click();
  await expect(page.getByTestId('live')).toBeVisible();
  await page.getByTestId('start-meeting').click();
  await expect(page.getByTestId('start-meeting')).toHaveCount(0);
  await page.keyboard.press('F2');
  await expect(page.getByTestId('rec-form')).toBeVisible();
  await expect(page.getByTestId('rec-speaker')).toBeFocused();
  await page.keyboard.type('Bà Trần Thị Hoa, tổ dân phố số 3');
  await page.getByTestId('rec-content').click();
  await page.keyboard.type('Đề nghị sớm lắp đèn chiếu sáng tại ngõ 12 đường Tây Tựu vì buổi tối rất tối, chị em đi lại không an toàn.');
  await page.keyboard.press('Control+Enter');
  await saved(page);
  let rec: MeetingRecord = await stored(base, 'meeting.get', { id: meetingId });
  expect(rec.recommendations).toHaveLength(1);
  await page.locator(`[data-key="rec${rec.recommendations[0].id}"] .tl-mark input`).check();
  await page.keyboard.press('F3');
  await expect(page.getByTestId('reply-form')).toBeVisible();
  await page.keyboard.type('Nguyễn Thị Lan');
  await page.getByTestId('reply-content').click();
  await page.keyboard.type('UBND phường tiếp thu, sẽ lắp đèn trong tháng 12/2026.');
  await page.getByTestId('reply-content').blur();
  await saved(page);

  // ---- close ----------------------------------------------------------------------------------
  await page.getByTestId('tab-close').click();
  await page.getByTestId('f-end').fill('10:30');
  await page.getByTestId('f-end').blur();
  await saved(page);
  // The Close tab decides "no end time yet → now" from the record it last loaded; wait until that
  // record has the 10:30 just saved (its hint about the current time goes away).
  await expect(page.getByText('Nếu chưa ghi giờ kết thúc')).toHaveCount(0);
  await page.getByTestId('close-meeting').click();
  await expect(page.getByTestId('closed-note')).toContainText('10:30');
  rec = await stored(base, 'meeting.get', { id: meetingId });
  expect(rec.meeting.status).toBe('closed');
  expect(rec.replies).toHaveLength(1);
  expect(rec.replies[0].recommendationIds).toEqual([rec.recommendations[0].id]);

  // ---- documents: generate and export all three to Word ---------------------------------------
  await page.getByTestId('tab-documents').click();
  await expect(page.getByTestId('documents')).toBeVisible();
  const words: Record<string, string> = {};
  for (const kind of ['article', 'minutes', 'summary'] as const) {
    await page.getByTestId(`doc-kind-${kind}`).click();
    await expect(page.getByTestId('export-docx')).toBeEnabled({ timeout: 30_000 });
    const download = page.waitForEvent('download');
    await page.getByTestId('export-docx').click();
    const file = await (await download).path();
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 2).toString('latin1'), `${kind} is a .docx (zip)`).toBe('PK');
    words[kind] = docxText(bytes);
  }
  // What the setup asked for is what the documents print.
  expect(words.minutes).toContain('UBND PHƯỜNG TÂY TỰU');
  expect(words.minutes).toContain('UBND THÀNH PHỐ HÀ NỘI');
  expect(words.minutes).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  expect(words.minutes).toMatch(/Số:\s+\/BB-UBND/);
  expect(words.minutes).toContain('Tây Tựu, ngày 20 tháng 11 năm 2026');
  expect(words.minutes).toContain('CHỦ TỌA');
  expect(words.minutes).toContain('Nguyễn Thị Thu Hà');
  expect(words.article).toContain('Hội Liên hiệp Phụ nữ phường Tây Tựu');
  expect(words.summary).toContain('lắp đèn chiếu sáng');
  await shot(page, 'offline-documents');

  // ---- the proof ------------------------------------------------------------------------------
  expect(requests.length, 'requests were logged at all').toBeGreaterThan(20);
  const foreign = [...new Set(requests)].filter((u) => {
    if (u.startsWith('data:') || u.startsWith('blob:')) return false;
    try {
      return new URL(u).origin !== base;
    } catch {
      return true;
    }
  });
  expect(foreign, 'requests to anywhere but the app itself').toEqual([]);
  // The UI font came from the app, not a font service.
  expect(requests.some((u) => u.startsWith(`${base}/assets/`) && /be-vietnam-pro-vietnamese-.*\.woff2$/.test(u))).toBe(true);
});
