// What is still missing before the meeting can be closed. Pure, so it is unit-tested and the
// documents screen can reuse it. Each item says what to do and where, in the secretary's words.
import type { MeetingRecord } from '../../../../electron/shared/domain';

export type ChecklistTarget = { tab: 'live' | 'prepare'; kind: 'rec' | 'speech' | 'meeting'; id: number | null };

export type ChecklistItem = {
  /** Stable key for tests and React. */
  key: string;
  severity: 'missing' | 'warn';
  message: string;
  target: ChecklistTarget;
};

/** "Kiến nghị số 3 (tại hội nghị)": numbered per phase, in timeline order, as the minutes number them. */
export function recLabels(record: Pick<MeetingRecord, 'recommendations'>): Map<number, string> {
  const labels = new Map<number, string>();
  let before = 0;
  let during = 0;
  for (const r of [...record.recommendations].sort((a, b) => a.seq - b.seq)) {
    labels.set(r.id, r.phase === 'before' ? `Kiến nghị trước hội nghị số ${++before}` : `Kiến nghị tại hội nghị số ${++during}`);
  }
  return labels;
}

export function closeChecklist(record: MeetingRecord): ChecklistItem[] {
  const out: ChecklistItem[] = [];
  const m = record.meeting;
  const labels = recLabels(record);
  const answered = new Set(record.replies.flatMap((r) => r.recommendationIds));

  if (!record.attendees.some((a) => a.role === 'chair'))
    out.push({ key: 'chair', severity: 'missing', message: 'Chưa xác định người chủ trì hội nghị (vai trò "Chủ trì" trong danh sách đại biểu).', target: { tab: 'prepare', kind: 'meeting', id: null } });
  if (!m.endTime) out.push({ key: 'endTime', severity: 'missing', message: 'Chưa ghi giờ kết thúc.', target: { tab: 'prepare', kind: 'meeting', id: null } });

  const report = record.speeches.find((s) => s.kind === 'report');
  if (!report) out.push({ key: 'report', severity: 'missing', message: 'Chưa ghi báo cáo (phần báo cáo, thông báo tình hình).', target: { tab: 'live', kind: 'speech', id: null } });
  else if (!report.summary.trim()) out.push({ key: 'report', severity: 'missing', message: 'Báo cáo chưa có nội dung.', target: { tab: 'live', kind: 'speech', id: report.id } });

  const conclusion = record.speeches.find((s) => s.kind === 'conclusion');
  if (!conclusion) out.push({ key: 'conclusion', severity: 'missing', message: 'Chưa ghi kết luận của chủ trì.', target: { tab: 'live', kind: 'speech', id: null } });
  else if (!conclusion.summary.trim() && conclusion.directions.length === 0)
    out.push({ key: 'conclusion', severity: 'missing', message: 'Kết luận chưa có nội dung.', target: { tab: 'live', kind: 'speech', id: conclusion.id } });
  else if (conclusion.directions.length === 0)
    out.push({ key: 'directions', severity: 'warn', message: 'Kết luận chưa có ý chỉ đạo nào.', target: { tab: 'live', kind: 'speech', id: conclusion.id } });

  for (const r of [...record.recommendations].sort((a, b) => a.seq - b.seq)) {
    const label = labels.get(r.id) ?? 'Kiến nghị';
    const target: ChecklistTarget = { tab: 'live', kind: 'rec', id: r.id };
    if (!r.content.trim() && !r.shortPhrase.trim()) out.push({ key: `rec-${r.id}-empty`, severity: 'missing', message: `${label} chưa có nội dung.`, target });
    if (!r.shortPhrase.trim()) out.push({ key: `rec-${r.id}-phrase`, severity: 'missing', message: `${label} chưa có cụm tóm tắt.`, target });
    if (!answered.has(r.id)) out.push({ key: `rec-${r.id}-reply`, severity: 'missing', message: `${label} chưa có ý kiến trả lời.`, target });
    if (!r.topic.trim()) out.push({ key: `rec-${r.id}-topic`, severity: 'warn', message: `${label} chưa có lĩnh vực.`, target });
  }
  return out;
}
