// Shared by the document tests: unpack a .docx, read its parts, and check generated text.
import { spawnSync } from 'node:child_process';
import { unzipSync, strFromU8 } from 'fflate';
import type { DocBlock } from '../../../electron/shared/documents';

export type DocxParts = { files: Record<string, Uint8Array>; xml: (name: string) => string };

export function unpack(buf: Uint8Array): DocxParts {
  const files = unzipSync(buf);
  return { files, xml: (name) => (files[name] ? strFromU8(files[name]) : '') };
}

/** Every <w:tbl>…</w:tbl> at the top level of the body, in order. */
export function tables(xml: string): string[] {
  return xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
}

/** The XML of the run holding exactly `text`. */
export function runOf(xml: string, text: string): string | null {
  const esc = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const runs = xml.match(/<w:r>(?:(?!<w:r>)[\s\S])*?<\/w:r>/g) ?? [];
  return runs.find((r) => r.includes(`>${esc}</w:t>`)) ?? null;
}

/** The paragraph holding `text`. */
export function paragraphOf(xml: string, text: string): string | null {
  const paras = xml.match(/<w:p>[\s\S]*?<\/w:p>|<w:p [^>]*>[\s\S]*?<\/w:p>/g) ?? [];
  return paras.find((p) => p.includes(text)) ?? null;
}

export const sizeOf = (run: string): number | null => {
  const m = /<w:sz w:val="(\d+)"\/>/.exec(run);
  return m ? Number(m[1]) / 2 : null;
};
export const isBold = (run: string): boolean => /<w:b\/>|<w:b w:val="(true|1|on)"\/>/.test(run);
export const isItalic = (run: string): boolean => /<w:i\/>|<w:i w:val="(true|1|on)"\/>/.test(run);

export function blockTexts(blocks: DocBlock[]): string[] {
  return blocks.flatMap((b) => (b.type === 'table' ? b.rows.flat() : b.type === 'photo' ? [b.caption] : [b.text]));
}

/** What a Vietnamese office worker would frown at in a generated text; empty when it is clean. */
export function textProblems(text: string): string[] {
  const p: string[] = [];
  if (!text.trim()) p.push('empty paragraph');
  if (/(^|[^\p{L}])(undefined|null|NaN)([^\p{L}]|$)/u.test(text)) p.push('undefined/null/NaN');
  if (/ {2,}/.test(text)) p.push('doubled space');
  if (/\.\.(?!\/)|,,|;;|::/.test(text.replace(/\.\/\./g, ''))) p.push('doubled punctuation');
  if (/[,;:]\s*[.,;]/.test(text)) p.push('punctuation after punctuation');
  if (/\s[,;:.](?!\/)/.test(text)) p.push('space before punctuation');
  if (/\(\s*\)|–\s*[,.;]|–\s*$/.test(text)) p.push('empty parentheses or dangling dash');
  if (/(^|[.:]\s)[.;,]/.test(text)) p.push('empty sentence');
  const words = text.toLocaleLowerCase('vi').split(/\s+/u).filter((w) => /\p{L}/u.test(w));
  const rep = words.find((w, i) => i > 0 && w === words[i - 1]);
  if (rep) p.push(`repeated word "${rep}"`);
  return p;
}

export const hasLibreOffice = (): boolean => spawnSync('sh', ['-c', 'command -v libreoffice || command -v soffice'], { stdio: 'ignore' }).status === 0;
