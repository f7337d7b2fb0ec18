// `thuky report --from YYYY-MM-DD --to YYYY-MM-DD [--kind month|quarter|half|nine_months|year] --out F.docx|F.xlsx`:
// the period report (Báo cáo kết quả giải quyết kiến nghị) through the same core as the app.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Core } from '../core/app';
import { exportReport } from '../core/handlers/followup-docs';
import { PERIOD_KINDS, type PeriodKind } from '../shared/followup';
import { PeriodSchema } from '../shared/followup-schemas';
import { UserError } from '../shared/result';
import { validationError } from '../shared/validation';

export const REPORT_USAGE = `  report --from NGÀY --to NGÀY [--kind month|quarter|half|nine_months|year] --out TỆP.docx|TỆP.xlsx
                                báo cáo kết quả giải quyết kiến nghị trong kỳ (ngày dạng YYYY-MM-DD)`;

export type ReportArgs = { from?: string | undefined; to?: string | undefined; kind?: string | undefined; out?: string | undefined };
export type ReportResult = { from: string; to: string; kind: PeriodKind; format: 'docx' | 'xlsx'; out: string; bytes: number };

/** Checks the arguments like the app checks the report form, then writes the file. */
export async function runReport(core: Pick<Core, 'ctx'>, args: ReportArgs): Promise<ReportResult> {
  if (!args.from || !args.to) throw new UserError('usage', 'Hãy ghi kỳ báo cáo, ví dụ: thuky report --from 2026-10-01 --to 2026-12-31 --out bao-cao.docx');
  if (!args.out) throw new UserError('usage', 'Hãy ghi tệp đầu ra bằng --out, ví dụ --out bao-cao.docx (Word) hoặc --out bao-cao.xlsx (Excel).');
  const ext = path.extname(args.out).toLowerCase();
  if (ext !== '.docx' && ext !== '.xlsx') throw new UserError('usage', `Tệp đầu ra cần đuôi .docx (Word) hoặc .xlsx (Excel), không phải "${ext || 'không có đuôi'}".`);
  const kind = (args.kind ?? 'custom') as PeriodKind;
  if (!PERIOD_KINDS.includes(kind)) throw new UserError('usage', `Loại kỳ "${args.kind}" không có. Chọn một trong: ${PERIOD_KINDS.join(', ')}.`);
  const parsed = PeriodSchema.safeParse({ from: args.from, to: args.to, kind });
  if (!parsed.success) {
    const e = validationError(parsed.error);
    throw new UserError('usage', e.message);
  }
  const format = ext === '.docx' ? 'docx' : 'xlsx';
  const file = await exportReport(core.ctx, parsed.data.from, parsed.data.to, kind, format);
  const target = path.resolve(args.out);
  writeFileSync(target, file.bytes);
  return { from: parsed.data.from, to: parsed.data.to, kind, format, out: target, bytes: file.bytes.length };
}
