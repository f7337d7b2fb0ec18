// The article as HTML for the website's CMS. Everything the secretary typed is escaped: a name
// such as `<img src=x onerror=alert(1)>` must come out as text, never as markup.
import type { DocBlock } from '../../shared/documents';
import { blockLines } from './docx-minutes';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** `photoSrc` returns a data: URL for a photo, or null to leave a placeholder the CMS fills in. */
export function articleHtml(blocks: DocBlock[], photoSrc: (id: number) => string | null = () => null): string {
  const out: string[] = [];
  let photoNo = 0;
  for (const b of blocks) {
    switch (b.type) {
      case 'heading':
        for (const l of blockLines(b)) out.push(`<h1>${escapeHtml(l)}</h1>`);
        break;
      case 'paragraph':
        for (const l of blockLines(b)) out.push(`<p>${escapeHtml(l)}</p>`);
        break;
      case 'photo': {
        photoNo++;
        const src = photoSrc(b.photoId);
        // Only our own base64 data URLs are ever put into an attribute.
        const img = src && /^data:image\/(jpeg|png);base64,[A-Za-z0-9+/=]+$/.test(src)
          ? `<img src="${src}" alt="${escapeHtml(b.caption)}">`
          : `<!-- ảnh ${photoNo} (mã ${b.photoId}) -->`;
        out.push(`<figure>${img}${b.caption.trim() ? `<figcaption>${escapeHtml(b.caption.trim())}</figcaption>` : ''}</figure>`);
        break;
      }
      case 'dateline':
        for (const l of blockLines(b)) out.push(`<p><em>${escapeHtml(l)}</em></p>`);
        break;
      case 'byline':
        for (const l of blockLines(b)) out.push(`<p style="text-align:right"><strong>${escapeHtml(l)}</strong></p>`);
        break;
      case 'table':
        break;
    }
  }
  return `<article>\n${out.join('\n')}\n</article>\n`;
}

/** A complete page, for saving the HTML as a file that opens in a browser. */
export function articleHtmlPage(blocks: DocBlock[], photoSrc?: (id: number) => string | null): string {
  const title = blocks.find((b) => b.type === 'heading');
  return `<!doctype html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n<title>${escapeHtml(title && title.type === 'heading' ? title.text : 'Tin bài')}</title>\n</head>\n<body>\n${articleHtml(blocks, photoSrc)}</body>\n</html>\n`;
}
