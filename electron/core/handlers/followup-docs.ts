// The follow-up register's files (issue 14): the period report as Word (NĐ 30 Mẫu 1.4) or as a
// spreadsheet, and the register itself as a spreadsheet with the screen's filters applied. The
// numbers come from core/followup (report.build, register.query); this file only writes them out.
import type { Database } from 'better-sqlite3';
import { Packer } from 'docx';
import type { ExportedDoc } from '../../shared/documents';
import type { PeriodKind, PeriodReport, RegisterFilter, RegisterItem } from '../../shared/followup';
import { rangeLabel } from '../../shared/period';
import type { CoreContext } from '../context';
import type { PartialHandlers } from '../registry';
import { getProfile } from '../repo/profile';
import { buildReport } from '../followup/report';
import { queryRegister } from '../followup/register';
import { statusMap } from '../followup/settings';
import { localDate } from '../followup/dates';
import { FALLBACK_PROFILE } from '../documents/docx-render';
import { reportDocument, type ReportOptions } from '../documents/report-docx';
import { reportWorkbook } from '../documents/report-xlsx';
import { XLSX_MIME, registerWorkbook } from '../documents/register-xlsx';

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Every row of the register at once: an export has no pages (the schema caps a query at 100,000). */
const EXPORT_LIMIT = 100_000;

/** The report with the label in the words the decree's examples use ("Quý IV năm 2026", "9 tháng năm 2026"). */
export function periodReport(db: Database, from: string, to: string, kind: PeriodKind): PeriodReport {
  return { ...buildReport(db, from, to, kind), label: rangeLabel(from, to, kind) };
}

/** "Bao-cao-ket-qua-giai-quyet-kien-nghi-2026-10-01-2026-12-31.docx": ASCII, like every exported name. */
export function reportFileName(from: string, to: string, ext: 'docx' | 'xlsx'): string {
  return `Bao-cao-ket-qua-giai-quyet-kien-nghi-${from}-${to}.${ext}`;
}

export async function exportReport(ctx: CoreContext, from: string, to: string, kind: PeriodKind, format: 'docx' | 'xlsx', options: ReportOptions = {}): Promise<ExportedDoc & { bytes: Buffer }> {
  const report = periodReport(ctx.db, from, to, kind);
  const profile = getProfile(ctx.db) ?? FALLBACK_PROFILE;
  const bytes =
    format === 'docx'
      ? await Packer.toBuffer(reportDocument(report, profile, { date: localDate(ctx.now()), ...options }))
      : await reportWorkbook(report, profile.issuingBody);
  return { fileName: reportFileName(from, to, format), mime: format === 'docx' ? DOCX_MIME : XLSX_MIME, dataBase64: bytes.toString('base64'), bytes };
}

/** All the register's rows that the filter keeps, in the screen's order. */
export function registerRows(db: Database, filter: RegisterFilter, today: string): RegisterItem[] {
  const { limit: _l, offset: _o, ...rest } = filter;
  return queryRegister(db, { ...rest, limit: EXPORT_LIMIT, offset: 0 }, today).items;
}

export async function exportRegister(ctx: CoreContext, filter: RegisterFilter): Promise<ExportedDoc & { bytes: Buffer }> {
  const today = filter.today ?? localDate(ctx.now());
  const items = registerRows(ctx.db, filter, today);
  const statuses = statusMap(ctx.db);
  const profile = getProfile(ctx.db);
  const bytes = await registerWorkbook(items, filter, { today, statusLabel: (k) => statuses.get(k)?.label ?? k, issuer: profile?.issuingBody ?? '' });
  return { fileName: `So-theo-doi-kien-nghi-${today}.xlsx`, mime: XLSX_MIME, dataBase64: bytes.toString('base64'), bytes };
}

export const followupDocHandlers = {
  'report.export': async (ctx, { from, to, kind, format }) => {
    const { fileName, mime, dataBase64 } = await exportReport(ctx, from, to, kind, format);
    return { fileName, mime, dataBase64 };
  },
  'register.export': async (ctx, filter) => {
    const { fileName, mime, dataBase64 } = await exportRegister(ctx, filter);
    return { fileName, mime, dataBase64 };
  },
} satisfies PartialHandlers;
