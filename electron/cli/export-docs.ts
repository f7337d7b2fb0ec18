// `thuky export ID --format article|minutes|summary|notice|article-html|article-text --out FILE`.
// Uses the same draft rule as the app: the secretary's edited draft is exported as it is; with
// no draft (or an unedited one) the document is generated from the current data first.
import { writeFileSync } from 'node:fs';
import type { Core } from '../core/app';
import type { DocKind } from '../shared/domain';
import type { DocFormat } from '../shared/documents';
import { exportDraft } from '../core/handlers/documents';

export const DOC_EXPORT_FORMATS = ['article', 'minutes', 'summary', 'notice', 'article-html', 'article-text'] as const;
export type DocExportFormat = (typeof DOC_EXPORT_FORMATS)[number];

const MAP: Record<DocExportFormat, { kind: DocKind; format: DocFormat }> = {
  article: { kind: 'article', format: 'docx' },
  minutes: { kind: 'minutes', format: 'docx' },
  summary: { kind: 'summary', format: 'docx' },
  notice: { kind: 'notice', format: 'docx' },
  'article-html': { kind: 'article', format: 'html' },
  'article-text': { kind: 'article', format: 'text' },
};

/** Writes the file and returns the name the app would have suggested for it. */
export async function exportDocument(core: Pick<Core, 'ctx'>, meetingId: number, format: DocExportFormat, outPath: string): Promise<{ fileName: string; bytes: number }> {
  const { kind, format: f } = MAP[format];
  const out = await exportDraft(core.ctx, meetingId, kind, f);
  writeFileSync(outPath, out.bytes);
  return { fileName: out.fileName, bytes: out.bytes.length };
}
