// The channels main answers itself (clipboard, PDF) and the download save dialog. Electron
// cannot start here, so its clipboard, printToPDF, dialog and fs are recorders; the core is the
// real one in a temporary folder, so "copy the article" copies what doc.export produces.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCore, type Core } from '../../../electron/core/app';
import { stopRenderWorker } from '../../../electron/core/documents/render-worker';
import { MARGIN_MM } from '../../../electron/core/documents/docx-common';
import { registerIpc, type InvokeEventLike, type IpcMainLike } from '../../../electron/main/ipc';
import { APP_ENTRY_URL, APP_ORIGIN, isTrustedSender } from '../../../electron/main/security';
import {
  COPY_FAILED,
  htmlBody,
  isAllowedDownload,
  MAIN_CHANNELS,
  pdfFileName,
  PRINT_FAILED,
  printToPdfOptions,
  saveDialogOptions,
  shellHandlers,
  type ClipboardData,
  type PdfOptions,
  type SaveDialogOptions,
  type ShellDeps,
} from '../../../electron/main/shell-actions';
import { CHANNEL_NAMES } from '../../../electron/shared/channels';
import { PRINT_LAYOUT } from '../../../electron/shared/print';
import type { Result } from '../../../electron/shared/result';

type Listener = (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>;
const appFrame: InvokeEventLike = { senderFrame: { url: APP_ENTRY_URL, parent: null } };

function recorder(): IpcMainLike & { handlers: Map<string, Listener> } {
  const handlers = new Map<string, Listener>();
  return { handlers, handle: (channel, listener) => void handlers.set(channel, listener) };
}

const PDF = new Uint8Array([0x25, 0x50, 0x44, 0x46]);

function fakes(core: Core, over: Partial<ShellDeps> = {}) {
  const copied: ClipboardData[] = [];
  const printed: PdfOptions[] = [];
  const dialogs: SaveDialogOptions[] = [];
  const written: { file: string; bytes: number }[] = [];
  const deps: ShellDeps = {
    dispatch: (c, i) => core.registry.dispatch(c, i),
    writeClipboard: async (d) => void copied.push(d),
    printToPdf: async (o) => {
      printed.push(o);
      return PDF;
    },
    askSavePath: async (o) => {
      dialogs.push(o);
      return '/home/thu-ky/Tài liệu/bien-ban';
    },
    writeFile: async (file, data) => void written.push({ file, bytes: data.length }),
    documentsDir: () => '/home/thu-ky/Tài liệu',
    log: () => {},
    ...over,
  };
  return { deps, copied, printed, dialogs, written };
}

describe('shell channels answered in main', () => {
  let dir: string;
  let core: Core;
  let meetingId: number;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'thuky-shell-'));
    core = createCore({ dataDir: dir, mode: 'electron', log: () => {} });
    const m = await core.registry.dispatch('meeting.create', { fields: { title: 'Hội nghị đối thoại', date: '2019-10-18', startTime: '14:00', organizer: 'Quận Bắc Từ Liêm' } });
    if (!m.ok) throw new Error(m.error.message);
    meetingId = (m.value as { id: number }).id;
    await core.registry.dispatch('rec.create', { meetingId, phase: 'during', content: 'Xử lý ô nhiễm <sông> Pheo', shortPhrase: 'xử lý ô nhiễm <sông> Pheo', inArticle: true });
  });
  afterAll(async () => {
    core.close();
    await stopRenderWorker();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the core answers both with done:false, so browser mode falls back to the browser', async () => {
    expect(await core.registry.dispatch('shell.copy', { meetingId, kind: 'article', format: 'html' })).toEqual({ ok: true, value: { done: false } });
    expect(await core.registry.dispatch('shell.printToPdf', { meetingId, kind: 'minutes' })).toEqual({ ok: true, value: { done: false } });
    expect(core.registry.missing()).toEqual([]);
  });

  it('registerIpc routes MAIN_CHANNELS to main, the rest to the core, behind the same sender check', async () => {
    const ipc = recorder();
    const dispatch = vi.fn(async (): Promise<Result<unknown>> => ({ ok: true, value: 'core' }));
    const local = vi.fn(async (): Promise<Result<unknown>> => ({ ok: true, value: 'main' }));
    registerIpc(ipc, CHANNEL_NAMES, dispatch, isTrustedSender, { 'shell.copy': local });
    expect(await ipc.handlers.get('shell.copy')!(appFrame, { meetingId: 1, kind: 'article', format: 'text' })).toEqual({ ok: true, value: 'main' });
    expect(await ipc.handlers.get('app.info')!(appFrame, {})).toEqual({ ok: true, value: 'core' });
    expect(dispatch).toHaveBeenCalledTimes(1);
    const refused = (await ipc.handlers.get('shell.copy')!({ senderFrame: { url: 'https://evil.example/' } }, {})) as Result<unknown>;
    expect(refused.ok).toBe(false);
    expect(local).toHaveBeenCalledTimes(1);
  });

  it('refuses a main handler for a channel that is not registered', () => {
    expect(() => registerIpc(recorder(), ['app.info'], async () => ({ ok: true, value: null }), isTrustedSender, { 'shell.copy': async () => ({ ok: true, value: null }) })).toThrow(
      /not in the channel list/,
    );
    for (const c of MAIN_CHANNELS) expect(CHANNEL_NAMES).toContain(c);
  });

  it('copies the article as HTML (body only, escaped) with its plain text, or as plain text alone', async () => {
    const f = fakes(core);
    const h = shellHandlers(f.deps);
    expect(await h['shell.copy']({ meetingId, kind: 'article', format: 'html' }, appFrame)).toEqual({ ok: true, value: { done: true } });
    expect(f.copied).toHaveLength(1);
    const { html, text } = f.copied[0];
    expect(html).toMatch(/^<article>/);
    expect(html).not.toMatch(/<html|<body|<head/);
    expect(html).toContain('&lt;sông&gt; Pheo');
    expect(text).toContain('Chiều ngày 18/10/2019');
    expect(text).toContain('<sông> Pheo');

    expect(await h['shell.copy']({ meetingId, kind: 'article', format: 'text' }, appFrame)).toEqual({ ok: true, value: { done: true } });
    expect(f.copied[1]).toEqual({ text });
  });

  it('passes the core’s Vietnamese refusal through, and validates its own input', async () => {
    const f = fakes(core);
    const h = shellHandlers(f.deps);
    const r = await h['shell.copy']({ meetingId, kind: 'minutes', format: 'html' }, appFrame);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/Chỉ tin bài/);
    const bad = await h['shell.copy']({ meetingId: 'một', kind: 'article', format: 'rtf' }, appFrame);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.code).toBe('validation');
    expect(f.copied).toHaveLength(0);
    const broken = fakes(core, { writeClipboard: () => Promise.reject(new Error('X11 clipboard gone')) });
    expect(await shellHandlers(broken.deps)['shell.copy']({ meetingId, kind: 'article', format: 'text' }, appFrame)).toEqual({ ok: false, error: { code: 'clipboard', message: COPY_FAILED } });
  });

  it('prints the minutes to an A4 PDF with the docx margins, and saves where the secretary says', async () => {
    const f = fakes(core);
    const r = await shellHandlers(f.deps)['shell.printToPdf']({ meetingId, kind: 'minutes' }, appFrame);
    expect(r).toEqual({ ok: true, value: { done: true, savedTo: '/home/thu-ky/Tài liệu/bien-ban.pdf' } });
    expect(f.printed[0]).toMatchObject({ pageSize: 'A4', landscape: false, preferCSSPageSize: true });
    expect(f.dialogs[0].defaultPath).toBe(path.join('/home/thu-ky/Tài liệu', 'Bien-ban-2019-10-18.pdf'));
    expect(f.dialogs[0].filters[0]).toEqual({ name: 'Tệp PDF', extensions: ['pdf'] });
    expect(f.written).toEqual([{ file: '/home/thu-ky/Tài liệu/bien-ban.pdf', bytes: PDF.length }]);
  });

  it('a cancelled dialog writes nothing; a failed print or write is a Vietnamese message', async () => {
    const cancelled = fakes(core, { askSavePath: async () => null });
    expect(await shellHandlers(cancelled.deps)['shell.printToPdf']({ meetingId, kind: 'article' }, appFrame)).toEqual({ ok: true, value: { done: true, savedTo: null } });
    expect(cancelled.written).toEqual([]);
    const noPrint = fakes(core, { printToPdf: () => Promise.reject(new Error('renderer gone')) });
    expect(await shellHandlers(noPrint.deps)['shell.printToPdf']({ meetingId, kind: 'minutes' }, appFrame)).toEqual({ ok: false, error: { code: 'print', message: PRINT_FAILED } });
    const noDisk = fakes(core, { writeFile: () => Promise.reject(Object.assign(new Error('EROFS'), { code: 'EROFS' })) });
    const r = await shellHandlers(noDisk.deps)['shell.printToPdf']({ meetingId, kind: 'minutes' }, appFrame);
    expect(r.ok).toBe(false);
    const missing = fakes(core);
    const nf = await shellHandlers(missing.deps)['shell.printToPdf']({ meetingId: 999_999, kind: 'minutes' }, appFrame);
    expect(nf.ok).toBe(false);
    expect(missing.printed).toEqual([]);
  });
});

describe('page layout of the PDF', () => {
  it('minutes and article use the .docx margins, in inches; the summary is landscape', () => {
    const m = printToPdfOptions('minutes');
    expect(PRINT_LAYOUT.minutes.margin).toEqual({ top: MARGIN_MM.top, right: MARGIN_MM.right, bottom: MARGIN_MM.bottom, left: MARGIN_MM.left });
    expect(m.margins.left).toBeCloseTo(30 / 25.4, 3);
    expect(m.margins.top).toBeCloseTo(20 / 25.4, 3);
    expect(m.margins.right).toBeCloseTo(15 / 25.4, 3);
    expect(printToPdfOptions('summary')).toMatchObject({ landscape: true, pageSize: 'A4' });
    expect(printToPdfOptions('summary').margins.left).toBeCloseTo(20 / 25.4, 3);
  });

  it('the renderer’s @page rules say the same as PRINT_LAYOUT', () => {
    const css = readFileSync(path.resolve('renderer/src/screens/documents/documents.css'), 'utf8');
    const rule = (name: string) => new RegExp(`@page ${name}\\s*\\{[^}]*?size:\\s*([^;]+);[^}]*?margin:\\s*([^;]+);`).exec(css);
    for (const kind of ['article', 'minutes', 'summary', 'notice'] as const) {
      const r = rule(`doc-${kind}`);
      expect(r, `@page doc-${kind}`).not.toBeNull();
      const { landscape, margin } = PRINT_LAYOUT[kind];
      expect(r![1].trim()).toBe(landscape ? 'A4 landscape' : 'A4 portrait');
      expect(r![2].trim()).toBe(`${margin.top}mm ${margin.right}mm ${margin.bottom}mm ${margin.left}mm`);
    }
  });
});

describe('file names, save dialogs and downloads', () => {
  it('names the PDF like the .docx', () => {
    expect(pdfFileName('minutes', '2019-10-18', 3)).toBe('Bien-ban-2019-10-18.pdf');
    expect(pdfFileName('summary', null, 3)).toBe('Tong-hop-kien-nghi-hoi-nghi-3.pdf');
    expect(pdfFileName('article', '../../etc', 3)).toBe('Tin-bai-hoi-nghi-3.pdf');
  });

  it('opens the save dialog in Documents, with a filter for the type, whatever the name claims', () => {
    const o = saveDialogOptions('Bien-ban-2019-10-18.docx', '/home/u/Documents');
    expect(o.defaultPath).toBe(path.join('/home/u/Documents', 'Bien-ban-2019-10-18.docx'));
    expect(o.filters[0]).toEqual({ name: 'Tài liệu Word', extensions: ['docx'] });
    for (const evil of ['../../.bashrc', '..\\..\\Windows\\evil.docx', '/etc/passwd', 'C:\\x\\y.pdf'])
      expect(path.dirname(saveDialogOptions(evil, '/home/u/Documents').defaultPath)).toBe('/home/u/Documents');
    expect(saveDialogOptions('', '/d').defaultPath).toBe(path.join('/d', 'tai-lieu'));
  });

  it('allows downloads only of blobs the app made, or data: URLs', () => {
    expect(isAllowedDownload(`blob:${APP_ORIGIN}/4f1c1b52-5a0c-4d5e-9d3b-1f2e3d4c5b6a`)).toBe(true);
    expect(isAllowedDownload('data:application/octet-stream;base64,AAAA')).toBe(true);
    for (const url of ['https://evil.example/x.docx', 'blob:https://evil.example/abc', 'blob:app://thuky.evil.com/abc', 'file:///etc/passwd', 'ftp://x/y', 'blob:'])
      expect(isAllowedDownload(url), url).toBe(false);
  });

  it('extracts the body of the HTML page for the CMS', () => {
    expect(htmlBody('<!doctype html><html><head><title>x</title></head><body>\n<article><p>a</p></article>\n</body></html>')).toBe('<article><p>a</p></article>');
    expect(htmlBody('<article>b</article>')).toBe('<article>b</article>');
  });
});
