// Helpers for typing the way Vietnamese secretaries' tools type, and for reading what is stored.
import { expect, type CDPSession, type Page } from '@playwright/test';
import type { Channel, ChannelInput, ChannelOutput } from '../../electron/shared/contract';

const TOKEN = process.env.THUKY_WEB_TOKEN ?? '';

/** Calls the app's API from the test's Node side (token header, no Origin): what is stored. */
export async function apiCall<C extends Channel>(baseURL: string, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const res = await fetch(`${baseURL}/api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-thuky-token': TOKEN },
    body: JSON.stringify(input),
  });
  const r = (await res.json()) as { ok: true; value: ChannelOutput<C> } | { ok: false; error: { message: string } };
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value;
}

/** The letters a Telex user presses before the tone keys: marks stripped, đ as d. */
export function baseLetters(word: string): string {
  return word.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

const hasMarks = (w: string) => baseLetters(w) !== w.normalize('NFC');

/**
 * Built-in IME path (Windows/macOS Vietnamese input): each word is composed (compositionstart,
 * compositionupdate with the raw letters) and committed with insertText (compositionend).
 */
export async function imeType(page: Page, cdp: CDPSession, text: string): Promise<void> {
  for (const part of text.split(/(\s+)/)) {
    if (!part) continue;
    if (/^\s+$/.test(part) || !hasMarks(part)) {
      await page.keyboard.insertText(part);
      continue;
    }
    const raw = baseLetters(part);
    const half = raw.slice(0, Math.max(1, Math.ceil(raw.length / 2)));
    await cdp.send('Input.imeSetComposition', { text: half, selectionStart: half.length, selectionEnd: half.length });
    await cdp.send('Input.imeSetComposition', { text: raw, selectionStart: raw.length, selectionEnd: raw.length });
    await cdp.send('Input.insertText', { text: part.normalize('NFC') });
  }
}

/**
 * Unikey/EVKey path: the plain letters and the tone key arrive as keystrokes, then the tool
 * sends Backspaces back to the first changed letter and the corrected letters, fast.
 * "Tiếng" is "Tieng" + "s", 4 × Backspace, "ếng".
 */
export async function unikeyType(page: Page, text: string): Promise<void> {
  for (const part of text.split(/(\s+)/)) {
    if (!part) continue;
    if (!hasMarks(part)) {
      await page.keyboard.type(part);
      continue;
    }
    const word = part.normalize('NFC');
    const raw = baseLetters(word);
    let i = 0;
    while (i < raw.length && raw[i] === word[i]) i++;
    await page.keyboard.type(`${raw}s`);
    for (let k = 0; k < raw.length + 1 - i; k++) await page.keyboard.press('Backspace');
    await page.keyboard.type(word.slice(i));
  }
}

/** Counts compositionend events, to prove the IME path really ran through composition. */
export async function countCompositionEnds(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __ce?: number };
    w.__ce = 0;
    document.addEventListener('compositionend', () => (w.__ce = (w.__ce ?? 0) + 1), true);
  });
}

export async function compositionEnds(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __ce?: number }).__ce ?? 0);
}

/**
 * Waits until every field's text is in the database: the page's own count of unsaved fields
 * (`<html data-unsaved>`: queued, being written, waiting for a retry or held) is 0. Never a sleep,
 * never the "Đã lưu" label (it can still show an earlier save while a newer one is queued). `held`: that many
 * fields are expected to keep text their check refuses (e.g. too long), everything else saved.
 */
export async function saved(page: Page, opts: { held?: number; timeout?: number } = {}): Promise<void> {
  const held = String(opts.held ?? 0);
  const timeout = opts.timeout ?? 15_000;
  await expect(page.locator('html')).toHaveAttribute('data-held', held, { timeout });
  await expect(page.locator('html')).toHaveAttribute('data-unsaved', held, { timeout });
}

/** A tiny real JPEG made on the Node side. */
export async function makeJpeg(width = 96, height = 64): Promise<Buffer> {
  const sharp = (await import('sharp')).default;
  return sharp({ create: { width, height, channels: 3, background: { r: 155, g: 28, b: 28 } } })
    .jpeg()
    .toBuffer();
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** A PNG whose header claims 20000×20000 pixels (a decompression bomb's shape), a few bytes long. */
export function hugePng(): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(20000, 0);
  ihdr.writeUInt32BE(20000, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', Buffer.alloc(0)), chunk('IEND', Buffer.alloc(0))]);
}
