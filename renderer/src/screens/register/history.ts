// The history of a register item in words: what each event changed, and the conflicts (two
// laptops changed the same field from the same starting point) said plainly.
import type { AnswerDocument, EventField, FollowupEvent, FollowupStatus } from '../../../../electron/shared/followup';
import { isoToVnDate } from '../../lib/format';

export const FIELD_LABELS: Record<EventField, string> = {
  status: 'trạng thái',
  agency: 'cơ quan giải quyết',
  deadline: 'thời hạn',
  document: 'văn bản trả lời',
  note: 'ghi chú',
};

/** The stored document value (JSON of an AnswerDocument), or null when it is empty or unreadable. */
export function parseDocument(value: string): AnswerDocument | null {
  if (!value) return null;
  try {
    const d = JSON.parse(value) as Partial<AnswerDocument>;
    return { number: d.number ?? '', date: d.date ?? null, fileName: d.fileName ?? null, fileId: d.fileId ?? null };
  } catch {
    return null;
  }
}

export function documentText(d: AnswerDocument | null): string {
  if (!d || (!d.number && !d.date && !d.fileName)) return 'chưa có';
  const parts = [d.number ? `số ${d.number}` : 'chưa có số', d.date ? `ngày ${isoToVnDate(d.date)}` : '', d.fileName ? `tệp «${d.fileName}»` : ''];
  return parts.filter(Boolean).join(', ');
}

/** The new value of an event as the secretary reads it. */
export function eventValueText(e: FollowupEvent, statuses: readonly FollowupStatus[]): string {
  switch (e.field) {
    case 'status':
      return statuses.find((s) => s.key === e.value)?.label ?? e.value;
    case 'agency':
      return e.value || '(bỏ trống)';
    case 'deadline':
      return e.value ? isoToVnDate(e.value) : '(bỏ thời hạn)';
    case 'document':
      return documentText(parseDocument(e.value));
    case 'note':
      return e.value;
  }
}

export type Conflict = { field: EventField; events: FollowupEvent[] };

/** Events flagged as conflicting, grouped by the field and the change they both started from. */
export function conflicts(history: readonly FollowupEvent[]): Conflict[] {
  const groups = new Map<string, Conflict>();
  for (const e of history) {
    if (!e.conflict) continue;
    const k = `${e.field}|${e.parentUid ?? ''}`;
    const g = groups.get(k) ?? { field: e.field, events: [] };
    g.events.push(e);
    groups.set(k, g);
  }
  return [...groups.values()].filter((g) => g.events.length > 1);
}

/**
 * The conflicts still open: the field's current value (its latest change, by time then uid, as
 * the core folds them) is one of the conflicting changes. A later change settles it; the two
 * stay in the history, marked, but are no longer shown as a problem.
 */
export function openConflicts(history: readonly FollowupEvent[]): Conflict[] {
  const latest = new Map<EventField, FollowupEvent>();
  for (const e of history) {
    const l = latest.get(e.field);
    if (!l || e.at > l.at || (e.at === l.at && e.uid > l.uid)) latest.set(e.field, e);
  }
  return conflicts(history).filter((c) => c.events.some((e) => e.uid === latest.get(c.field)?.uid));
}

const TIME = new Intl.DateTimeFormat('vi-VN', { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });

/** "14:05 03/11/2026": when a change was made, in the laptop's own time. */
export function eventTime(at: string): string {
  const d = new Date(at);
  return Number.isNaN(d.getTime()) ? at : TIME.format(d);
}

/** "Hai máy cùng sửa trạng thái: «Đang giải quyết» (Hà, 14:05 03/11/2026) và «Đã giải quyết xong» (…)". */
export function conflictText(c: Conflict, statuses: readonly FollowupStatus[]): string {
  const sides = c.events.map((e) => `«${eventValueText(e, statuses)}» (${e.actor || 'không rõ người sửa'}, ${eventTime(e.at)})`);
  const who = c.events.length === 2 ? 'Hai máy' : `${c.events.length} máy`;
  return `${who} cùng sửa ${FIELD_LABELS[c.field]}: ${sides.join(' và ')}.`;
}
