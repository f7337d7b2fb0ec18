// Export, copy and print. In Electron the page has no clipboard permission and cannot write a
// PDF, so 'shell.copy' and 'shell.printToPdf' are answered by main; in browser mode the core
// answers `done: false` and the browser's own clipboard and print dialog take over. Every path
// first writes what the secretary just typed, so what leaves the app is what is on screen.
import type { DocKind } from '../../../../electron/shared/domain';
import type { Result } from '../../../../electron/shared/result';
import { api } from '../../lib/api';
import { flushAllFields } from '../../lib/autosave';
import { saveQueue } from '../../lib/save-queue';
import { htmlBody } from './sheet-text';
import { fromBase64, saveFile } from '../../lib/files';

/** Every typed character is stored before a document leaves the app. */
export async function settle(): Promise<void> {
  flushAllFields();
  await saveQueue.idle();
}

const decodeUtf8 = (b64: string): string => new TextDecoder().decode(fromBase64(b64));

/** Exports the draft to .docx and saves it (see saveFile for where it lands). */
export async function downloadDocx(meetingId: number, kind: DocKind): Promise<Result<string>> {
  await settle();
  const r = await api.call('doc.export', { meetingId, kind, format: 'docx' });
  if (!r.ok) return r;
  saveFile(r.value.fileName, r.value.mime, r.value.dataBase64);
  return { ok: true, value: r.value.fileName };
}

const COPY_REFUSED =
  'Trình duyệt không cho phép sao chép tự động. Hãy xuất tệp Word, hoặc chọn chữ trong bản xem trước rồi bấm Ctrl+C.';

export async function copyArticle(meetingId: number, format: 'html' | 'text'): Promise<Result<null>> {
  await settle();
  const viaMain = await api.call('shell.copy', { meetingId, kind: 'article', format });
  if (!viaMain.ok) return viaMain;
  if (viaMain.value.done) return { ok: true, value: null };
  const text = await api.call('doc.export', { meetingId, kind: 'article', format: 'text' });
  if (!text.ok) return text;
  const plain = decodeUtf8(text.value.dataBase64);
  let body: string | undefined;
  if (format === 'html') {
    const html = await api.call('doc.export', { meetingId, kind: 'article', format: 'html' });
    if (!html.ok) return html;
    body = htmlBody(decodeUtf8(html.value.dataBase64));
  }
  if (copyViaEvent(plain, body)) return { ok: true, value: null };
  try {
    await (body === undefined
      ? navigator.clipboard.writeText(plain)
      : navigator.clipboard.write([new ClipboardItem({ 'text/html': new Blob([body], { type: 'text/html' }), 'text/plain': new Blob([plain], { type: 'text/plain' }) })]));
    return { ok: true, value: null };
  } catch {
    return { ok: false, error: { code: 'clipboard', message: COPY_REFUSED } };
  }
}

/**
 * The copy event puts the article's own HTML on the clipboard as it is. The async Clipboard API
 * would instead parse it inside this page to sanitise it, where the CSP refuses the byline's
 * style="" (and it wraps the fragment in <html><body>).
 */
function copyViaEvent(text: string, html: string | undefined): boolean {
  let done = false;
  const onCopy = (e: ClipboardEvent) => {
    if (!e.clipboardData) return;
    e.clipboardData.setData('text/plain', text);
    if (html !== undefined) e.clipboardData.setData('text/html', html);
    e.preventDefault();
    done = true;
  };
  document.addEventListener('copy', onCopy, true);
  try {
    // Deprecated but still the one way to write both flavours untouched; Electron never gets here.
    document.execCommand('copy');
  } catch {
    done = false;
  } finally {
    document.removeEventListener('copy', onCopy, true);
  }
  return done;
}

/** `savedTo`: the PDF written (Electron), null when cancelled, undefined when the browser's dialog took over. */
export async function printDocument(meetingId: number, kind: DocKind): Promise<Result<{ savedTo?: string | null }>> {
  await settle();
  const viaMain = await api.call('shell.printToPdf', { meetingId, kind });
  if (!viaMain.ok) return viaMain;
  if (viaMain.value.done) return { ok: true, value: { savedTo: viaMain.value.savedTo ?? null } };
  // The browser's dialog prints the same sheet; "Lưu thành PDF" is one of its printers.
  window.print();
  return { ok: true, value: {} };
}
