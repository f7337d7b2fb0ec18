// The period report across units (or one unit). At a province's size (600,000 items) loading every
// history into JS to fold it takes tens of seconds, so the state of each item at the two instants
// the report needs (the end of the day before `from`, the end of `to`) is found in SQL: the latest
// event of each field before the instant (DISTINCT ON, the same order as the app's fold: `at`,
// then `uid`), over the base the meeting gives, and the counts are grouped in SQL. The rules are
// the app's (electron/core/followup/report.ts, computeReport), and tests/integration/hub/
// report-equivalence.test.ts checks that both give the same report on random histories.
import type { FollowupStatus, PeriodKind, PeriodReport, ReportRow } from '../../electron/shared/followup';
import { periodLabel } from '../../electron/core/followup/report';
import { addDays, endOfDayIso } from '../../electron/core/followup/dates';
import type { Sql } from './db';

export const NO_TOPIC = 'Chưa xác định lĩnh vực';
export const NO_AGENCY = 'Chưa giao cơ quan, đơn vị';

export async function statusMapOf(db: Sql): Promise<Map<string, FollowupStatus>> {
  const rows = await db.query<FollowupStatus>('SELECT key, label, category, answered, sort_order AS "sortOrder", active FROM statuses ORDER BY sort_order');
  return new Map(rows.map((s) => [s.key, s]));
}

const pct = (n: number, of: number): number => (of === 0 ? 0 : Math.round((n * 1000) / of) / 10);

type Grouped = { label: string; carried: number; received: number; resolved: number; not_resolved: number; in_progress: number; answered: number };

const toRow = (g: Grouped): ReportRow => ({
  label: g.label,
  carriedOver: g.carried,
  received: g.received,
  resolved: g.resolved,
  inProgress: g.in_progress,
  notResolved: g.not_resolved,
  answered: g.answered,
});

function sorted(rows: ReportRow[], last: string): ReportRow[] {
  return rows.sort((a, b) => (a.label === last ? 1 : b.label === last ? -1 : a.label.localeCompare(b.label, 'vi')));
}

export async function hubReport(db: Sql, from: string, to: string, kind: PeriodKind, unitId?: number): Promise<PeriodReport> {
  const beforeFrom = endOfDayIso(addDays(from, -1));
  const endTo = endOfDayIso(to);
  const params: unknown[] = [to, from, beforeFrom, endTo];
  const unit = unitId ? `AND i.unit_id = $${params.push(unitId)}` : '';
  // Events are read by field and instant alone (the index events_field_at); only a report for one
  // unit joins them to its items.
  const evUnit = unitId ? `JOIN items iu ON iu.uid = e.item_uid AND iu.unit_id = $${params.length}` : '';
  // One row per item of the report: carried or received, its category and agency at the end, answered.
  const perItem = `
    WITH it AS (
      SELECT i.uid, i.content, btrim(i.topic) AS topic, i.received_on, i.base_status, i.base_agency
        FROM items i WHERE i.received_on <= $1::date ${unit}
    ),
    last_before AS (
      SELECT DISTINCT ON (e.item_uid) e.item_uid, e.value FROM events e ${evUnit}
       WHERE e.field = 'status' AND e.at < $3 ORDER BY e.item_uid, e.at DESC, e.uid DESC
    ),
    last_status AS (
      SELECT DISTINCT ON (e.item_uid) e.item_uid, e.value, e.note FROM events e ${evUnit}
       WHERE e.field = 'status' AND e.at < $4 ORDER BY e.item_uid, e.at DESC, e.uid DESC
    ),
    last_agency AS (
      SELECT DISTINCT ON (e.item_uid) e.item_uid, e.value FROM events e ${evUnit}
       WHERE e.field = 'agency' AND e.at < $4 ORDER BY e.item_uid, e.at DESC, e.uid DESC
    ),
    last_doc AS (
      SELECT DISTINCT ON (e.item_uid) e.item_uid, substring(e.value from '"date":"([0-9]{4}-[0-9]{2}-[0-9]{2})"') AS date
        FROM events e ${evUnit}
       WHERE e.field = 'document' AND e.at < $4 ORDER BY e.item_uid, e.at DESC, e.uid DESC
    ),
    per AS (
      SELECT it.uid, it.content, it.topic, it.received_on < $2::date AS carried,
             COALESCE(sb.category, 'open') AS cat_before,
             COALESCE(se.category, 'open') AS category,
             COALESCE(se.answered, false) AS st_answered,
             CASE WHEN ls.item_uid IS NULL THEN '' ELSE ls.note END AS note,
             COALESCE(la.value, it.base_agency) AS agency,
             ld.date AS doc_date
        FROM it
        LEFT JOIN last_before lb ON lb.item_uid = it.uid
        LEFT JOIN last_status ls ON ls.item_uid = it.uid
        LEFT JOIN last_agency la ON la.item_uid = it.uid
        LEFT JOIN last_doc ld ON ld.item_uid = it.uid
        LEFT JOIN statuses sb ON sb.key = COALESCE(NULLIF(lb.value, ''), it.base_status)
        LEFT JOIN statuses se ON se.key = COALESCE(NULLIF(ls.value, ''), it.base_status)
    ),
    counted AS (
      SELECT *, (st_answered OR (doc_date IS NOT NULL AND doc_date <= to_char($1::date, 'YYYY-MM-DD'))) AS answered FROM per
       WHERE NOT (carried AND cat_before = 'resolved')
    )`;
  const sums = `count(*) FILTER (WHERE carried)::int AS carried, count(*) FILTER (WHERE NOT carried)::int AS received,
    count(*) FILTER (WHERE category = 'resolved')::int AS resolved, count(*) FILTER (WHERE category = 'not_resolved')::int AS not_resolved,
    count(*) FILTER (WHERE category NOT IN ('resolved', 'not_resolved'))::int AS in_progress, count(*) FILTER (WHERE answered)::int AS answered`;
  // One pass: the groups and the list of what is not resolved, from the same per-item rows.
  const rows = await db.query<Grouped & { by: string; uid: string | null; content: string | null; agency: string | null; reason: string | null }>(
    `${perItem}
     SELECT 'total' AS by, 'Tổng số' AS label, ${sums}, NULL AS uid, NULL AS content, NULL AS agency, NULL AS reason FROM counted
     UNION ALL SELECT 'topic', CASE WHEN topic = '' THEN '${NO_TOPIC}' ELSE topic END, ${sums}, NULL, NULL, NULL, NULL FROM counted GROUP BY 2
     UNION ALL SELECT 'agency', CASE WHEN agency = '' THEN '${NO_AGENCY}' ELSE agency END, ${sums}, NULL, NULL, NULL, NULL FROM counted GROUP BY 2
     UNION ALL (SELECT 'nr', '', 0, 0, 0, 0, 0, 0, uid, content, agency, note FROM counted WHERE category = 'not_resolved' ORDER BY uid LIMIT 1000)`,
    params,
  );
  const notResolved = rows.filter((r) => r.by === 'nr').map((r) => ({ uid: r.uid ?? '', content: r.content ?? '', agency: r.agency ?? '', reason: r.reason ?? '' }));
  const total = toRow(rows.find((r) => r.by === 'total') ?? { label: 'Tổng số', carried: 0, received: 0, resolved: 0, in_progress: 0, not_resolved: 0, answered: 0 });
  const all = total.carriedOver + total.received;
  return {
    from,
    to,
    label: periodLabel(from, to, kind),
    total,
    byTopic: sorted(rows.filter((r) => r.by === 'topic').map(toRow), NO_TOPIC),
    byAgency: sorted(rows.filter((r) => r.by === 'agency').map(toRow), NO_AGENCY),
    answeredPct: pct(total.answered, all),
    resolvedPct: pct(total.resolved, all),
    notResolved,
  };
}
