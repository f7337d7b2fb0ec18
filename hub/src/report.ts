// The period report across units (or one unit): the app's own pure computation (computeReport)
// over items loaded from PostgreSQL, so a province's numbers are computed exactly as a ward's.
import type { FollowupStatus, PeriodKind, PeriodReport } from '../../electron/shared/followup';
import { computeReport, type ReportItem } from '../../electron/core/followup/report';
import type { EventLike } from '../../electron/core/followup/events';
import type { Sql } from './db';

export async function statusMapOf(db: Sql): Promise<Map<string, FollowupStatus>> {
  const rows = await db.query<FollowupStatus>('SELECT key, label, category, answered, sort_order AS "sortOrder", active FROM statuses ORDER BY sort_order');
  return new Map(rows.map((s) => [s.key, s]));
}

export async function loadReportItems(db: Sql, to: string, unitId?: number): Promise<ReportItem[]> {
  const unit = unitId ? 'AND i.unit_id = $2' : '';
  const params = unitId ? [to, unitId] : [to];
  const rows = await db.query<{ uid: string; content: string; receivedOn: string; topic: string; status: string; agency: string; deadline: string | null }>(
    `SELECT i.uid, i.content, i.received_on::text AS "receivedOn", i.topic, s.base_status AS status, s.base_agency AS agency, s.base_deadline::text AS deadline
       FROM items i JOIN state s ON s.item_uid = i.uid WHERE i.received_on <= $1::date ${unit}`,
    params,
  );
  const events = await db.query<EventLike & { itemUid: string }>(
    `SELECT e.item_uid AS "itemUid", e.uid, e.field, e.value, e.parent_uid AS "parentUid", e.at, e.note
       FROM events e JOIN items i ON i.uid = e.item_uid WHERE i.received_on <= $1::date ${unit}`,
    params,
  );
  const byItem = new Map<string, EventLike[]>();
  for (const e of events) {
    const l = byItem.get(e.itemUid);
    if (l) l.push(e);
    else byItem.set(e.itemUid, [e]);
  }
  return rows.map((r) => ({
    uid: r.uid,
    content: r.content,
    receivedOn: r.receivedOn,
    topic: r.topic,
    base: { status: r.status, agency: r.agency, deadline: r.deadline },
    events: byItem.get(r.uid) ?? [],
  }));
}

export async function hubReport(db: Sql, from: string, to: string, kind: PeriodKind, unitId?: number): Promise<PeriodReport> {
  return computeReport(await loadReportItems(db, to, unitId), await statusMapOf(db), from, to, kind);
}
