// The channels main answers itself ('shell.copy', 'shell.printToPdf') and the save dialog for
// downloads. The page has no clipboard permission and cannot print to a file, so main does it
// for the page. Everything Electron-specific arrives as an injected function, which keeps this
// module importable under Node and its behaviour covered by tests/unit/electron/shell-actions.test.ts;
// index.ts passes Electron's clipboard, printToPDF, dialog and fs.
import path from 'node:path';
import { contract, type Channel, type ChannelOutput } from '../shared/contract';
import type { DocKind } from '../shared/domain';
import type { ExportedDoc } from '../shared/documents';
import { PRINT_LAYOUT } from '../shared/print';
import type { Result } from '../shared/result';
import { validationError } from '../shared/validation';
import { isAppUrl } from './security';
import type { Dispatch, InvokeEventLike } from './ipc';

/** Channels answered in main instead of the core. */
export const MAIN_CHANNELS = ['shell.copy', 'shell.printToPdf'] as const satisfies readonly Channel[];

const MM_PER_INCH = 25.4;

/** The subset of Electron's PrintToPDFOptions we set. Margins are in inches. */
export type PdfOptions = {
  pageSize: 'A4';
  landscape: boolean;
  printBackground: boolean;
  preferCSSPageSize: boolean;
  displayHeaderFooter: boolean;
  margins: { top: number; right: number; bottom: number; left: number };
};

/**
 * A4 with the document's own margins, the same as its .docx. The renderer's @page rules say the
 * same; preferCSSPageSize lets them win should the two ever differ, and lets the summary's named
 * landscape page apply.
 */
export function printToPdfOptions(kind: DocKind): PdfOptions {
  const { landscape, margin } = PRINT_LAYOUT[kind];
  const inch = (mm: number) => Math.round((mm / MM_PER_INCH) * 10_000) / 10_000;
  return {
    pageSize: 'A4',
    landscape,
    printBackground: true,
    preferCSSPageSize: true,
    displayHeaderFooter: false,
    margins: { top: inch(margin.top), right: inch(margin.right), bottom: inch(margin.bottom), left: inch(margin.left) },
  };
}

const BASE_NAME: Record<DocKind, string> = { article: 'Tin-bai', minutes: 'Bien-ban', summary: 'Tong-hop-kien-nghi', notice: 'Thong-bao-ket-luan' };

/** "Bien-ban-2019-10-18.pdf": ASCII, like the .docx names, so any USB stick or mail system takes it. */
export function pdfFileName(kind: DocKind, isoDate: string | null, meetingId: number): string {
  const tail = isoDate && /^\d{4}-\d{2}-\d{2}$/.test(isoDate) ? isoDate : `hoi-nghi-${meetingId}`;
  return `${BASE_NAME[kind]}-${tail}.pdf`;
}

const FILTERS: Record<string, { name: string; extensions: string[] }> = {
  pdf: { name: 'Tệp PDF', extensions: ['pdf'] },
  docx: { name: 'Tài liệu Word', extensions: ['docx'] },
  html: { name: 'Trang HTML', extensions: ['html'] },
  txt: { name: 'Văn bản thuần', extensions: ['txt'] },
  thukyhn: { name: 'Tệp hội nghị', extensions: ['thukyhn'] },
};

export type SaveDialogOptions = { title: string; defaultPath: string; buttonLabel: string; filters: { name: string; extensions: string[] }[] };

/**
 * The save dialog for a file the app produced: in the user's Documents folder by default (where
 * an office worker looks first), with a filter for its type. The name is reduced to its last
 * path segment so a crafted name cannot point the dialog elsewhere.
 */
export function saveDialogOptions(fileName: string, documentsDir: string): SaveDialogOptions {
  const base = path.basename(fileName.replace(/\\/g, '/')).replace(/[\0<>:"|?*]/g, '_') || 'tai-lieu';
  const ext = path.extname(base).slice(1).toLowerCase();
  const filter = FILTERS[ext];
  return {
    title: ext === 'pdf' ? 'Lưu PDF' : 'Lưu tệp',
    defaultPath: path.join(documentsDir, base),
    buttonLabel: 'Lưu',
    filters: filter ? [filter, { name: 'Mọi tệp', extensions: ['*'] }] : [{ name: 'Mọi tệp', extensions: ['*'] }],
  };
}

/**
 * Only files the page made itself may be downloaded: a blob: URL created by the app's own
 * origin, or a data: URL. Anything else would be a download from outside, which the app never does.
 */
export function isAllowedDownload(url: string, appOrigin?: string): boolean {
  if (url.startsWith('data:')) return true;
  if (!url.startsWith('blob:')) return false;
  return isAppUrl(url.slice('blob:'.length), appOrigin);
}

export type ClipboardData = { text: string; html?: string };

export type ShellDeps = {
  /** The core's dispatch (the worker), to export the article. */
  dispatch: Dispatch;
  writeClipboard: (data: ClipboardData) => Promise<void>;
  /** Prints the app window's current page; resolves to the PDF bytes. */
  printToPdf: (options: PdfOptions) => Promise<Uint8Array>;
  /** Resolves to the chosen path, or null when the secretary cancels. */
  askSavePath: (options: SaveDialogOptions) => Promise<string | null>;
  writeFile: (file: string, data: Uint8Array) => Promise<void>;
  documentsDir: () => string;
  log: (message: string, error?: unknown) => void;
};

export type LocalHandler = (input: unknown, event: InvokeEventLike) => Promise<Result<unknown>>;

const fail = (code: string, message: string): Result<never> => ({ ok: false, error: { code, message } });

export const PRINT_FAILED = 'Không tạo được tệp PDF. Hãy thử lại; nếu vẫn lỗi, hãy xuất tệp Word (.docx) rồi in từ Word.';
export const SAVE_FAILED = 'Không ghi được tệp PDF vào thư mục đã chọn (ổ đĩa đầy, chỉ đọc hoặc không có quyền). Hãy chọn thư mục khác.';
export const COPY_FAILED = 'Không sao chép được vào bộ nhớ tạm. Hãy thử lại.';

async function exported(deps: ShellDeps, meetingId: number, kind: DocKind, format: 'html' | 'text'): Promise<Result<string>> {
  const r = (await deps.dispatch('doc.export', { meetingId, kind, format })) as Result<ExportedDoc>;
  if (!r.ok) return r;
  return { ok: true, value: Buffer.from(r.value.dataBase64, 'base64').toString('utf8') };
}

/** Strips the page wrapper the HTML export adds for a standalone file: a CMS editor wants the body. */
export function htmlBody(page: string): string {
  const m = /<body[^>]*>([\s\S]*)<\/body>/i.exec(page);
  return (m ? m[1] : page).trim();
}

/** The handlers registerIpc routes to main for MAIN_CHANNELS. Inputs are checked with the contract's schemas. */
export function shellHandlers(deps: ShellDeps): Record<(typeof MAIN_CHANNELS)[number], LocalHandler> {
  return {
    'shell.copy': async (raw) => {
      const parsed = contract['shell.copy'].input.safeParse(raw ?? {});
      if (!parsed.success) return { ok: false, error: validationError(parsed.error) };
      const { meetingId, kind, format } = parsed.data;
      const text = await exported(deps, meetingId, kind, 'text');
      if (!text.ok) return text;
      let html: string | undefined;
      if (format === 'html') {
        const h = await exported(deps, meetingId, kind, 'html');
        if (!h.ok) return h;
        html = htmlBody(h.value);
      }
      try {
        await deps.writeClipboard(html === undefined ? { text: text.value } : { text: text.value, html });
      } catch (e) {
        deps.log('clipboard write failed', e);
        return fail('clipboard', COPY_FAILED);
      }
      return { ok: true, value: { done: true } satisfies ChannelOutput<'shell.copy'> };
    },
    'shell.printToPdf': async (raw) => {
      const parsed = contract['shell.printToPdf'].input.safeParse(raw ?? {});
      if (!parsed.success) return { ok: false, error: validationError(parsed.error) };
      const { meetingId, kind } = parsed.data;
      const rec = (await deps.dispatch('meeting.get', { id: meetingId })) as Result<{ meeting: { date: string | null } }>;
      if (!rec.ok) return rec;
      let pdf: Uint8Array;
      try {
        pdf = await deps.printToPdf(printToPdfOptions(kind));
      } catch (e) {
        deps.log('printToPDF failed', e);
        return fail('print', PRINT_FAILED);
      }
      const target = await deps.askSavePath(saveDialogOptions(pdfFileName(kind, rec.value.meeting.date, meetingId), deps.documentsDir()));
      if (!target) return { ok: true, value: { done: true, savedTo: null } satisfies ChannelOutput<'shell.printToPdf'> };
      const file = path.extname(target).toLowerCase() === '.pdf' ? target : `${target}.pdf`;
      try {
        await deps.writeFile(file, pdf);
      } catch (e) {
        deps.log('writing the PDF failed', e);
        return fail('storage_unavailable', SAVE_FAILED);
      }
      return { ok: true, value: { done: true, savedTo: file } satisfies ChannelOutput<'shell.printToPdf'> };
    },
  };
}
