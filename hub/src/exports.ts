// The hub's documents, built by the app's own code: the period report as .docx (NĐ 30 Mẫu 1.4, or
// HD 36 when the hub's office is a Party committee) and .xlsx, and the register as .xlsx.
import { Packer } from 'docx';
import { reportDocument } from '../../electron/core/documents/report-docx';
import { reportWorkbook } from '../../electron/core/documents/report-xlsx';
import { registerWorkbook } from '../../electron/core/documents/register-xlsx';
import type { PeriodKind, RegisterItem } from '../../electron/shared/followup';
import type { Sql } from './db';
import { hubProfile } from './profile';
import { hubReport } from './report';
import { localToday, queryRegister, type HubRegisterFilter } from './register';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const slug = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export async function reportFile(db: Sql, q: { from: string; to: string; kind: PeriodKind; unitId?: number }, format: 'docx' | 'xlsx'): Promise<{ bytes: Buffer; mime: string; fileName: string }> {
  const report = await hubReport(db, q.from, q.to, q.kind, q.unitId);
  const profile = await hubProfile(db);
  const fileName = `Bao-cao-giai-quyet-kien-nghi-${slug(report.label)}.${format}`;
  if (format === 'docx') return { bytes: await Packer.toBuffer(reportDocument(report, profile, { date: localToday() })), mime: DOCX_MIME, fileName };
  return { bytes: await reportWorkbook(report, profile.issuingBody), mime: XLSX_MIME, fileName };
}

/** The register as the screen shows it (filters applied), every matching row, unit in the first column. */
export async function registerFile(db: Sql, f: HubRegisterFilter): Promise<{ bytes: Buffer; mime: string; fileName: string }> {
  const page = await queryRegister(db, { ...f, limit: 100_000, offset: 0 });
  const today = f.today ?? localToday();
  const items: RegisterItem[] = page.items.map((i) => ({
    uid: i.uid,
    kind: 'recommendation',
    meetingId: 0,
    meetingTitle: `${i.unitName}: ${i.meetingTitle}`,
    meetingDate: i.meetingDate,
    recommendationId: null,
    content: i.content,
    shortPhrase: i.shortPhrase,
    topic: i.topic,
    raisedBy: i.raisedBy,
    unit: i.unitName,
    status: i.status,
    statusLabel: i.statusLabel,
    category: i.category as RegisterItem['category'],
    answered: false,
    agency: i.agency,
    deadline: i.deadline,
    daysLeft: null,
    overdue: i.overdue,
    document: null,
    conflict: i.conflict,
    receivedOn: i.meetingDate,
    updatedAt: '',
  }));
  const profile = await hubProfile(db);
  return {
    bytes: await registerWorkbook(items, { query: f.query, agency: f.agency, topic: f.topic, from: f.from, to: f.to, overdue: f.overdue, dueWithinDays: f.dueWithinDays, status: f.status }, { today, issuer: profile.issuingBody }),
    mime: XLSX_MIME,
    fileName: `So-theo-doi-kien-nghi-${today}.xlsx`,
  };
}
