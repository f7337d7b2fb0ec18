// The period report (Báo cáo kết quả giải quyết kiến nghị). For a period [from, to]: carried over
// = received before `from` and not in a resolved status at the end of the day before `from`;
// received = received within the period; each of those is classed by its state at the end of
// `to`. So carriedOver + received = resolved + inProgress + notResolved, for every row.
import type { Database } from 'better-sqlite3';
import type { FollowupStatus, PeriodKind, PeriodReport, ReportRow } from '../../shared/followup';
import { addDays, endOfDayIso } from './dates';
import { rangeLabel } from '../../shared/period';
import { foldEvents, type BaseState, type EventLike } from './events';
import { statusMap, statusOf } from './settings';
import { ensureFresh } from './state';

export type ReportItem = { uid: string; content: string; receivedOn: string; topic: string; base: BaseState; events: EventLike[] };

const NO_TOPIC = 'Chưa xác định lĩnh vực';
const NO_AGENCY = 'Chưa giao cơ quan, đơn vị';

const emptyRow = (label: string): ReportRow => ({ label, carriedOver: 0, received: 0, resolved: 0, inProgress: 0, notResolved: 0, answered: 0 });

/**
 * "Quý IV năm 2026" when the dates are exactly that period, else "từ ngày … đến ngày …": the one
 * wording of electron/shared/period.ts, so the screen, the .docx and the hub say the same.
 */
export function periodLabel(from: string, to: string, kind: PeriodKind): string {
  return rangeLabel(from, to, kind);
}

const pct = (n: number, of: number): number => (of === 0 ? 0 : Math.round((n * 1000) / of) / 10);

/** The report, from items already loaded. Pure, so the identity can be tested over many random histories. */
export function computeReport(items: readonly ReportItem[], statuses: Map<string, FollowupStatus>, from: string, to: string, kind: PeriodKind): PeriodReport {
  const beforeFrom = endOfDayIso(addDays(from, -1));
  const endTo = endOfDayIso(to);
  const total = emptyRow('Tổng số');
  const byTopic = new Map<string, ReportRow>();
  const byAgency = new Map<string, ReportRow>();
  const notResolved: PeriodReport['notResolved'] = [];
  for (const it of items) {
    if (it.receivedOn > to) continue;
    const carried = it.receivedOn < from;
    if (carried && statusOf(statuses, foldEvents(it.base, it.events, beforeFrom).status).category === 'resolved') continue;
    const end = foldEvents(it.base, it.events, endTo);
    const st = statusOf(statuses, end.status);
    const answered = st.answered || (end.document?.date != null && end.document.date <= to);
    const agency = end.agency || NO_AGENCY;
    const topic = it.topic.trim() || NO_TOPIC;
    const rows = [total, rowOf(byTopic, topic), rowOf(byAgency, agency)];
    for (const row of rows) {
      if (carried) row.carriedOver++;
      else row.received++;
      if (st.category === 'resolved') row.resolved++;
      else if (st.category === 'not_resolved') row.notResolved++;
      else row.inProgress++;
      if (answered) row.answered++;
    }
    if (st.category === 'not_resolved') notResolved.push({ uid: it.uid, content: it.content, agency: end.agency, reason: end.statusNote });
  }
  const all = total.carriedOver + total.received;
  const sorted = (m: Map<string, ReportRow>, last: string) =>
    [...m.values()].sort((a, b) => (a.label === last ? 1 : b.label === last ? -1 : a.label.localeCompare(b.label, 'vi')));
  return {
    from,
    to,
    label: periodLabel(from, to, kind),
    total,
    byTopic: sorted(byTopic, NO_TOPIC),
    byAgency: sorted(byAgency, NO_AGENCY),
    answeredPct: pct(total.answered, all),
    resolvedPct: pct(total.resolved, all),
    notResolved,
  };
}

function rowOf(m: Map<string, ReportRow>, label: string): ReportRow {
  let r = m.get(label);
  if (!r) m.set(label, (r = emptyRow(label)));
  return r;
}

/** Loads every item received by `to` (meetings not deleted) with its whole history. */
export function loadReportItems(db: Database, to: string): ReportItem[] {
  ensureFresh(db);
  const rows = db
    .prepare(
      `SELECT s.item_uid, s.received_on, s.topic, s.base_status, s.base_agency, s.base_deadline, COALESCE(r.content, t.content) AS content
         FROM followup_state s LEFT JOIN recommendations r ON r.id = s.recommendation_id LEFT JOIN followup_items t ON t.uid = s.item_uid
        WHERE s.received_on <= ? ORDER BY s.received_on, s.meeting_id, s.seq`,
    )
    .all(to) as { item_uid: string; received_on: string; topic: string; base_status: string; base_agency: string; base_deadline: string | null; content: string | null }[];
  const events = new Map<string, EventLike[]>();
  const evRows = db
    .prepare(`SELECT e.item_uid, e.uid, e.field, e.value, e.parent_uid AS parentUid, e.at, e.note FROM followup_events e JOIN followup_state s ON s.item_uid = e.item_uid WHERE s.received_on <= ?`)
    .all(to) as (EventLike & { item_uid: string })[];
  for (const e of evRows) {
    const list = events.get(e.item_uid);
    if (list) list.push(e);
    else events.set(e.item_uid, [e]);
  }
  return rows.map((r) => ({
    uid: r.item_uid,
    content: r.content ?? '',
    receivedOn: r.received_on,
    topic: r.topic,
    base: { status: r.base_status, agency: r.base_agency, deadline: r.base_deadline },
    events: events.get(r.item_uid) ?? [],
  }));
}

export function buildReport(db: Database, from: string, to: string, kind: PeriodKind): PeriodReport {
  return computeReport(loadReportItems(db, to), statusMap(db), from, to, kind);
}
