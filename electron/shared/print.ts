// Page layout of each document when printed or saved as PDF. The same numbers as the .docx
// (electron/core/documents/docx-common.ts MARGIN_MM, docx-summary.ts MARGIN), so a PDF and a
// Word file of the same minutes have the same page. The renderer's @page rules
// (renderer/src/screens/documents/documents.css) repeat them; a unit test keeps the three equal.
import type { DocKind } from './domain';

export type PageLayout = {
  landscape: boolean;
  /** Millimetres. */
  margin: { top: number; right: number; bottom: number; left: number };
};

export const PRINT_LAYOUT: Record<DocKind, PageLayout> = {
  article: { landscape: false, margin: { top: 20, right: 15, bottom: 20, left: 30 } },
  minutes: { landscape: false, margin: { top: 20, right: 15, bottom: 20, left: 30 } },
  summary: { landscape: true, margin: { top: 20, right: 15, bottom: 20, left: 20 } },
  notice: { landscape: false, margin: { top: 20, right: 15, bottom: 20, left: 30 } },
};

/** A4 in millimetres, portrait. */
export const A4_MM = { width: 210, height: 297 } as const;
