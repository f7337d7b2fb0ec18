import type { PartialHandlers } from '../registry';
import { nowIso } from '../context';
import { commitImport, previewImport } from '../import/import';

// The preview never writes; the commit re-reads the same bytes, so what is written is exactly
// what the file says even if the preview was shown long before.
export const importHandlers = {
  'import.preview': (ctx, input) => previewImport(ctx.db, input),
  'import.commit': (ctx, input) => commitImport(ctx.db, nowIso(ctx), input),
} satisfies PartialHandlers;
