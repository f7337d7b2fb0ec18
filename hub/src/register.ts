// The register across units: the follow-up register's filters (status, agency, field, meeting,
// period, due within N days, overdue, Vietnamese search) plus the unit. One SQL query with
// indexes on the materialised state; the search is the app's folded word-prefix match, served by
// a trigram index on the folded text.
import { z } from 'zod';
import { foldedWords } from '../../electron/shared/vi/fold';
import { isoDate } from '../../electron/shared/schemas';
import type { Sql } from './db';
import type { HubRegisterItem, HubUnitRow } from './api-types';

export type { HubRegisterItem };

export const HubRegisterFilter = z.object({
  status: z.array(z.string().regex(/^[a-z0-9_]{1,40}$/)).max(50).optional(),
  agency: z.string().max(300).optional(),
  topic: z.string().max(300).optional(),
  unitId: z.coerce.number().int().positive().optional(),
  meetingUid: z.string().max(64).optional(),
  from: isoDate('Từ ngày').optional(),
  to: isoDate('Đến ngày').optional(),
  dueWithinDays: z.coerce.number().int().min(0).max(3650).optional(),
  overdue: z.boolean().optional(),
  query: z.string().max(200).optional(),
  today: isoDate('Ngày hôm nay').optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type HubRegisterFilter = z.infer<typeof HubRegisterFilter>;


export function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The statuses whose items are still being handled (overdue and due-soon count only these). */
export async function openStatuses(db: Sql): Promise<string[]> {
  return (await db.query<{ key: string }>("SELECT key FROM statuses WHERE category = 'open'")).map((r) => r.key);
}

/** WHERE clause and parameters for a filter, on the items table alone (its state is in the row). */
function where(f: HubRegisterFilter, open: string[]): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const p = (v: unknown): string => {
    params.push(v);
    return `$${params.length}`;
  };
  const today = f.today ?? localToday();
  const parts: string[] = [];
  if (f.status?.length) parts.push(`i.status = ANY(${p(f.status)})`);
  if (f.agency) parts.push(`i.agency = ${p(f.agency)}`);
  if (f.topic) parts.push(`i.topic = ${p(f.topic)}`);
  if (f.unitId) parts.push(`i.unit_id = ${p(f.unitId)}`);
  if (f.meetingUid) parts.push(`i.meeting_uid = ${p(f.meetingUid)}`);
  if (f.from) parts.push(`i.received_on >= ${p(f.from)}::date`);
  if (f.to) parts.push(`i.received_on <= ${p(f.to)}::date`);
  if (f.overdue || f.dueWithinDays !== undefined) parts.push(`i.status = ANY(${p(open)})`);
  if (f.overdue) parts.push(`i.deadline < ${p(today)}::date`);
  if (f.dueWithinDays !== undefined) parts.push(`i.deadline >= ${p(today)}::date AND i.deadline <= ${p(today)}::date + ${p(f.dueWithinDays)}::int`);
  for (const w of foldedWords(f.query ?? '').slice(0, 8)) parts.push(`i.folded LIKE ${p(`% ${w.replace(/[%_\\]/g, '')}%`)}`);
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

/** Counting stops here: "hơn 1.000" tells a user to narrow the filter as well as the exact number would, for far less work. */
export const COUNT_CAP = 1_000;

export async function queryRegister(db: Sql, f: HubRegisterFilter): Promise<{ total: number; capped: boolean; items: HubRegisterItem[] }> {
  const open = await openStatuses(db);
  const w = where(f, open);
  const today = f.today ?? localToday();
  const n = w.params.length;
  const [count] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM (SELECT 1 FROM items i ${w.sql} LIMIT ${COUNT_CAP + 1}) t`, w.params);
  // The page first (indexes on the items alone), then its 100 rows joined to their names.
  const items = await db.query<HubRegisterItem>(
    `WITH page AS (SELECT * FROM items i ${w.sql} ORDER BY i.received_on DESC NULLS LAST, i.uid LIMIT $${n + 1} OFFSET $${n + 2})
     SELECT i.uid, i.unit_id AS "unitId", u.name AS "unitName", i.meeting_uid AS "meetingUid", m.title AS "meetingTitle",
            i.received_on::text AS "meetingDate", i.content, i.short_phrase AS "shortPhrase", i.topic, i.raised_by AS "raisedBy",
            i.status, COALESCE(st.label, i.status) AS "statusLabel", COALESCE(st.category, 'open') AS category, i.agency, i.deadline::text AS deadline,
            (i.status = ANY($${n + 3}) AND i.deadline < $${n + 4}::date) AS overdue, i.conflict
       FROM page i JOIN meetings m ON m.uid = i.meeting_uid JOIN units u ON u.id = i.unit_id LEFT JOIN statuses st ON st.key = i.status
      ORDER BY i.received_on DESC NULLS LAST, i.uid`,
    [...w.params, f.limit, f.offset, open, today],
  );
  const total = count?.n ?? 0;
  return { total: Math.min(total, COUNT_CAP), capped: total > COUNT_CAP, items };
}

/** The units table: meetings, items and overdue items of each unit. */
export async function unitsOverview(db: Sql, today = localToday()): Promise<HubUnitRow[]> {
  return db.query(
    `SELECT u.id, u.code, u.name,
            (SELECT count(*)::int FROM meetings m WHERE m.unit_id = u.id) AS meetings,
            (SELECT count(*)::int FROM items i WHERE i.unit_id = u.id) AS items,
            (SELECT count(*)::int FROM items i WHERE i.unit_id = u.id AND i.deadline < $1::date
               AND i.status IN (SELECT key FROM statuses WHERE category = 'open')) AS overdue,
            (SELECT max(m.updated_at) FROM meetings m WHERE m.unit_id = u.id) AS "lastReceived"
       FROM units u ORDER BY u.name, u.id`,
    [today],
  );
}
