// The article as plain text for the CMS: one paragraph per line, a blank line between them.
import type { DocBlock } from '../../shared/documents';
import { blockLines } from './docx-minutes';

export function articleText(blocks: DocBlock[]): string {
  const out: string[] = [];
  let photoNo = 0;
  for (const b of blocks) {
    if (b.type === 'photo') {
      photoNo++;
      out.push(`[Ảnh ${photoNo}${b.caption.trim() ? `: ${b.caption.trim()}` : ''}]`);
    } else if (b.type !== 'table') {
      out.push(...blockLines(b));
    }
  }
  return `${out.join('\n\n')}\n`;
}
