// The hall's sound, end to end in Debian's Chromium with a fake microphone that plays Vietnamese
// speech synthesised by espeak-ng (with known silences) into the test's own folder: the recording
// indicator, voice detection on the strip under the timeline (each spoken stretch within 0.3 s),
// entries typed while recording stamped within 0.5 s of when they were created, "Nghe lại" seeking
// to a few seconds before the entry, and a server or a page killed mid-recording losing at most a
// second while the recording still plays.
import { chromium, type Browser, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect, freePort, startOwnServer, stopOwnServer, E2E_PROFILE, type OwnServer } from './fixtures';
import { apiCall } from './live-helpers';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../helpers/chromium';
import { synthesise, type SpeechWav } from '../helpers/speech';

const TOKEN = process.env.THUKY_WEB_TOKEN ?? '';

let dir: string;
let wav: SpeechWav;
let browser: Browser;
const servers: OwnServer[] = [];

test.beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'thuky-hall-audio-'));
  // Leading and trailing quiet are long: the fake device loops the file, and the tests are over
  // before it comes round again.
  wav = synthesise(
    dir,
    [
      { silenceMs: 2_000 },
      { say: 'Kính thưa các đồng chí, tôi xin kiến nghị về việc sửa đường làng' },
      { silenceMs: 3_000 },
      { say: 'Đề nghị ủy ban nhân dân xã giải quyết sớm' },
      { silenceMs: 3_000 },
      { say: 'Xin trân trọng cảm ơn' },
      { silenceMs: 60_000 },
    ],
    48_000,
    'hall.wav',
  );
  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', `--use-file-for-fake-audio-capture=${wav.file}`, '--autoplay-policy=no-user-gesture-required'],
  });
});

test.afterAll(async () => {
  for (const s of servers) await stopOwnServer(s);
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function server(dataDir = mkdtempSync(path.join(dir, 'data-')), port?: number): Promise<OwnServer> {
  const s = await startOwnServer({ dataDir, port: port ?? (await freePort()), token: TOKEN });
  servers.push(s);
  return s;
}

async function liveMeeting(s: OwnServer): Promise<number> {
  await apiCall(s.base, 'profile.save', E2E_PROFILE);
  const m = await apiCall(s.base, 'meeting.create', { fields: { title: 'Hội nghị đối thoại có ghi âm' } });
  await apiCall(s.base, 'meeting.start', { id: m.id, startTime: '08:00' });
  return m.id;
}

async function openLive(s: OwnServer, meetingId: number): Promise<Page> {
  const ctx = await browser.newContext({ permissions: ['microphone'], viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => console.error('pageerror', e));
  await page.goto(`${s.base}/?token=${TOKEN}#/meeting/${meetingId}/live`);
  // A cold server compiles the core on its first requests: on a busy machine that takes a while.
  try {
    await expect(page.getByTestId('live')).toBeVisible({ timeout: 30_000 });
  } catch (e) {
    throw new Error(`the live screen did not open; the page shows: ${await page.locator('body').innerText()}`, { cause: e });
  }
  return page;
}

/** The part's start and the bytes acknowledged, as the core has them. */
const parts = async (s: OwnServer, meetingId: number) => (await apiCall(s.base, 'audio.state', { meetingId })).parts;

/** Decodes a stored part in the page (as a player would) and returns its duration in ms. */
async function decodedMs(page: Page, s: OwnServer, meetingId: number, part: number): Promise<number> {
  const { dataBase64 } = await apiCall(s.base, 'audio.read', { meetingId, part });
  return page.evaluate(async (b64) => {
    const bin = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const ctx = new OfflineAudioContext(1, 16_000, 16_000);
    const buf = await ctx.decodeAudioData(bin.buffer);
    return buf.duration * 1000;
  }, dataBase64);
}

test('records with an indicator, marks speech within 0.3 s, stamps entries within 0.5 s, and "Nghe lại" seeks to the moment', async () => {
  const s = await server();
  const meetingId = await liveMeeting(s);
  const page = await openLive(s, meetingId);
  await expect(page.getByTestId('audio-indicator')).toHaveCount(0);
  await page.keyboard.press('Alt+R');
  await expect(page.getByTestId('audio-indicator')).toContainText('Đang ghi âm · phần 1');
  const [p1] = await parts(s, meetingId);
  const startedAt = Date.parse(p1!.startedAt);

  // Two kiến nghị typed while the hall speaks. Each is created between the F2 press and its row
  // showing on the timeline (on a busy machine that round trip alone can take most of a second).
  const created: { from: number; to: number }[] = [];
  for (const [i, [wait, text]] of ([
    [3_500, 'Sửa đường làng'],
    [4_000, 'Giải quyết sớm'],
  ] as const).entries()) {
    await page.waitForTimeout(wait);
    const from = await page.evaluate(() => Date.now());
    await page.keyboard.press('F2');
    await expect(page.getByTestId('tl-row')).toHaveCount(i + 1);
    created.push({ from, to: await page.evaluate(() => Date.now()) });
    await page.getByTestId('rec-content').click();
    await page.keyboard.type(text);
  }
  // Let the whole plan play (about 17 s of it), then stop.
  await expect.poll(() => page.evaluate(() => Date.now()), { timeout: 30_000 }).toBeGreaterThan(startedAt + wav.stretches.at(-1)!.endMs + 2_000);
  await page.keyboard.press('Alt+R');
  await expect(page.getByTestId('audio-indicator')).toHaveCount(0);

  // Voice detection: each spoken stretch of the file, within 0.3 s, on the strip.
  const strip = page.getByTestId('strip-speech');
  await expect(strip).toHaveCount(wav.stretches.length, { timeout: 20_000 });
  const found = await strip.evaluateAll((els) => els.map((e) => ({ startMs: Number(e.getAttribute('data-start-ms')), endMs: Number(e.getAttribute('data-end-ms')) })));
  found.forEach((f, i) => {
    expect(Math.abs(f.startMs - wav.stretches[i]!.startMs), `start of stretch ${i + 1}`).toBeLessThanOrEqual(300);
    expect(Math.abs(f.endMs - wav.stretches[i]!.endMs), `end of stretch ${i + 1}`).toBeLessThanOrEqual(300);
  });

  // Each entry's moment: within 0.5 s of when it was created.
  const rec = (await apiCall(s.base, 'meeting.get', { id: meetingId })).recommendations;
  expect(rec).toHaveLength(2);
  for (const [i, r] of rec.entries()) {
    const btn = page.getByTestId(`listen-rec-${r.id}`);
    await expect(btn).toBeVisible();
    const offset = Number(await btn.getAttribute('data-offset-ms'));
    expect(offset, `offset of kiến nghị ${i + 1}`).toBeGreaterThanOrEqual(created[i]!.from - startedAt - 500);
    expect(offset, `offset of kiến nghị ${i + 1}`).toBeLessThanOrEqual(created[i]!.to - startedAt + 500);
  }

  // "Nghe lại" plays part 1 from three seconds before the second kiến nghị.
  const second = page.getByTestId(`listen-rec-${rec[1]!.id}`);
  const target = (Number(await second.getAttribute('data-offset-ms')) - 3_000) / 1000;
  const clickedAt = Date.now();
  await second.click();
  const player = page.getByTestId('audio-player');
  await expect.poll(() => player.evaluate((a: HTMLAudioElement) => a.dataset.part)).toBe('1');
  const at = await player.evaluate((a: HTMLAudioElement) => a.currentTime);
  // It plays from the moment it seeked to: by the time it is read it may have played on, by at
  // most the time since the click (on a busy machine that is most of a second).
  const playedAtMost = (Date.now() - clickedAt) / 1000;
  expect(at).toBeGreaterThanOrEqual(target - 0.3);
  expect(at).toBeLessThanOrEqual(target + 0.3 + playedAtMost);
  // And it plays on from there.
  await expect.poll(() => player.evaluate((a: HTMLAudioElement) => a.currentTime), { timeout: 5_000 }).toBeGreaterThan(at + 0.5);
  // Alt+. jumps to the next speaker: the start of the next stretch of speech after where it plays.
  const now = (await player.evaluate((a: HTMLAudioElement) => a.currentTime)) * 1000;
  const next = found.find((f) => f.startMs > now + 500)!;
  await page.keyboard.press('Alt+.');
  await expect.poll(() => player.evaluate((a: HTMLAudioElement) => a.currentTime * 1000)).toBeGreaterThanOrEqual(next.startMs - 50);
  expect((await player.evaluate((a: HTMLAudioElement) => a.currentTime)) * 1000 - next.startMs).toBeLessThan(1_000);
  await page.screenshot({ path: 'test-results/d2-hall-audio.png' });

  // The documents screen lists the same moments.
  await page.getByTestId('tab-documents').click();
  await page.getByTestId('replay-list').locator('summary').click();
  await expect(page.getByTestId('replay-list').getByTestId(`listen-rec-${rec[0]!.id}`)).toBeVisible();
  await page.context().close();
});

test('a server killed mid-recording loses nothing the page held, and the recording still plays', async () => {
  const s = await server();
  const meetingId = await liveMeeting(s);
  const page = await openLive(s, meetingId);
  await page.getByTestId('audio-toggle').click();
  await expect(page.getByTestId('audio-indicator')).toBeVisible();
  await page.waitForTimeout(4_000);
  await stopOwnServer(s, 'SIGKILL');
  await page.waitForTimeout(3_000);
  await expect(page.getByTestId('audio-indicator')).toContainText('chưa lưu');
  const s2 = await server(s.dataDir, s.port);
  // The page sends what it held as soon as the core is back.
  await expect(page.getByTestId('audio-indicator')).not.toContainText('chưa lưu', { timeout: 15_000 });
  await page.waitForTimeout(1_000);
  const stopAt = await page.evaluate(() => Date.now());
  await page.getByTestId('audio-toggle').click();
  await expect(page.getByTestId('audio-indicator')).toHaveCount(0);
  const [p] = await parts(s2, meetingId);
  expect(p!.stoppedAt).not.toBeNull();
  const recordedMs = stopAt - Date.parse(p!.startedAt);
  const playable = await decodedMs(page, s2, meetingId, 1);
  expect(recordedMs - playable, 'ms lost').toBeLessThanOrEqual(1_000);
  await page.context().close();
});

test('a page killed mid-recording loses at most a second; the next page goes on as a new part', async () => {
  const s = await server();
  const meetingId = await liveMeeting(s);
  const page = await openLive(s, meetingId);
  await page.getByTestId('audio-toggle').click();
  await expect(page.getByTestId('audio-indicator')).toBeVisible();
  await page.waitForTimeout(5_000);
  const killAt = await page.evaluate(() => Date.now());
  await page.context().close();
  const [p1] = await parts(s, meetingId);
  expect(p1!.stoppedAt).toBeNull();

  const again = await openLive(s, meetingId);
  // The meeting is still live and its recording was never stopped: it goes on by itself.
  await expect(again.getByTestId('audio-indicator')).toContainText('phần 2');
  const lost = killAt - Date.parse(p1!.startedAt) - (await decodedMs(again, s, meetingId, 1));
  expect(lost, 'ms lost').toBeLessThanOrEqual(1_000);
  await again.keyboard.press('Alt+R');
  await expect(again.getByTestId('audio-indicator')).toHaveCount(0);
  expect((await parts(s, meetingId)).map((p) => p.part)).toEqual([1, 2]);
  await again.context().close();
});

test('shows the space used, deletes the recording with undo, and says in Vietnamese when there is no speech model', async () => {
  const s = await server();
  const meetingId = await liveMeeting(s);
  const page = await openLive(s, meetingId);
  await page.keyboard.press('Alt+R');
  await expect(page.getByTestId('audio-indicator')).toBeVisible();
  // Past the first phrase (2.0 s to about 5 s into the file).
  await page.waitForTimeout(7_000);
  await page.keyboard.press('Alt+R');
  await expect(page.getByTestId('audio-indicator')).toHaveCount(0);

  // Transcription without a model: said so, and the rest keeps working.
  await page.getByTestId('strip-speech').first().click();
  await page.getByTestId('transcribe').click();
  await expect(page.getByTestId('transcribe-message')).toContainText('Chưa có mô hình chuyển tiếng nói thành chữ');
  await page.getByTestId('audio-storage-open').click();
  await expect(page.getByTestId('model-status')).toContainText('Chưa có mô hình');
  await page.getByTestId('model-dir').fill(path.join(dir, 'khong-co-mo-hinh'));
  await page.getByTestId('model-check').click();
  await expect(page.getByTestId('model-status')).toContainText('Không tìm thấy thư mục');

  const bytes = (await apiCall(s.base, 'audio.state', { meetingId })).bytes;
  expect(bytes).toBeGreaterThan(0);
  await expect(page.getByTestId('audio-bytes')).toHaveText(/^\d+,\d MB$/);
  await page.getByTestId('audio-delete').click();
  await expect(page.getByTestId('audio-undo-banner')).toBeVisible();
  expect(await apiCall(s.base, 'audio.state', { meetingId })).toMatchObject({ parts: [], bytes: 0, trashed: true });
  await expect(page.getByTestId('strip-speech')).toHaveCount(0);
  await page.getByTestId('audio-undo').click();
  await expect(page.getByTestId('strip-speech')).not.toHaveCount(0);
  expect((await apiCall(s.base, 'audio.state', { meetingId })).bytes).toBe(bytes);
  await page.context().close();
});
