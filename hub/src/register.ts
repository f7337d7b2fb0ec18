// The register across units: the follow-up register's filters (status, agency, field, meeting,
// period, due within N days, overdue, Vietnamese search) plus the unit, on the materialised state
// in the items table alone: a count capped at 1,000, then the page read the way the count calls
// for (pageUids). The search is the app's folded word-prefix match, served by a GIN index of every
// prefix of the folded words (migration 003).
import { z } from 'zod';
import { foldedWords } from '../../electron/shared/vi/fold';
import { isoDate } from '../../electron/shared/schemas';
import type { HubDb, Sql } from './db';
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
  return (await db.query<{ key: string }>("SELECT key FROM statuses WHERE category = 'open' ORDER BY key")).map((r) => r.key);
}

// The open statuses, kept per database between register calls: only "overdue" and "due within N
// days" need them, as values the planner can estimate with, and asking for them cost one round
// trip of the seven to nine a call made. Units add statuses of their own (ingest), possibly through
// another hub process on the same server, so the cache is never trusted blindly: the count's
// statement reads the list again beside the count (a subquery on a table of a few rows), and a
// list that changed makes the call start over with the new one.
const OPEN_SQL = "(SELECT COALESCE(array_agg(key ORDER BY key), '{}') FROM statuses WHERE category = 'open')";
const openCache = new WeakMap<object, string[]>();
const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/** The longest prefix of a word that migration 003's word index holds (in characters). */
const PREFIX_MAX = 12;

/** WHERE clause and parameters for a filter, on the items table alone (its state is in the row). */
function where(f: HubRegisterFilter, open: string[], scan = false): { sql: string; params: unknown[]; words: string[]; deadline: boolean } {
  const params: unknown[] = [];
  const p = (v: unknown): string => {
    params.push(v);
    return `$${params.length}`;
  };
  const today = f.today ?? localToday();
  const parts: string[] = [];
  // One status as an equality, so that (status, received_on …) is read in the register's order.
  if (f.status?.length === 1) parts.push(`i.status = ${p(f.status[0])}`);
  else if (f.status?.length) parts.push(`i.status = ANY(${p(f.status)})`);
  if (f.agency) parts.push(`i.agency = ${p(f.agency)}`);
  if (f.topic) parts.push(`i.topic = ${p(f.topic)}`);
  if (f.unitId) parts.push(`i.unit_id = ${p(f.unitId)}`);
  if (f.meetingUid) parts.push(`i.meeting_uid = ${p(f.meetingUid)}`);
  if (f.from) parts.push(`i.received_on >= ${p(f.from)}::date`);
  if (f.to) parts.push(`i.received_on <= ${p(f.to)}::date`);
  const deadline = f.overdue === true || f.dueWithinDays !== undefined;
  if (deadline) parts.push(`i.status = ANY(${p(open)})`);
  if (f.overdue) parts.push(`i.deadline < ${p(today)}::date`);
  if (f.dueWithinDays !== undefined) parts.push(`i.deadline >= ${p(today)}::date AND i.deadline <= ${p(today)}::date + ${p(f.dueWithinDays)}::int`);
  const words = foldedWords(f.query ?? '').slice(0, 8);
  if (words.length) {
    // Every word a prefix of a folded word of the item. Migration 003's word index holds every
    // prefix of every word up to 12 letters as an exact word, so a lookup answers this alone
    // (and a count needs no row); a longer word is looked up by its first 12 letters and the
    // LIKE checks it whole. The LIKE alone serves a walk in the register's order (`scan`) and a
    // unit's or a meeting's items (few, through their own index: the word index's estimate for
    // words that come together, "đất đai", is far too low). Folded words hold letters and digits
    // only: nothing to quote or escape.
    const indexed = !scan && !f.unitId && !f.meetingUid;
    if (indexed) parts.push(`hub_words(i.folded) @@ ${p(words.map((w) => `'${[...w].slice(0, PREFIX_MAX).join('')}'`).join(' & '))}::tsquery`);
    for (const w of words) if (!indexed || [...w].length > PREFIX_MAX) parts.push(`i.folded LIKE ${p(`% ${w}%`)}`);
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params, words, deadline };
}

/** Counting stops here: "hơn 1.000" tells a user to narrow the filter as well as the exact number would, for far less work. */
export const COUNT_CAP = 1_000;

const ORDER = 'ORDER BY i.received_on DESC NULLS LAST, i.uid';

/**
 * The uids of one page, in the register's order. How to find them depends on how many items
 * match (the count is known first), because PostgreSQL's estimates cannot tell: a search for
 * four words that always come together ("giải phóng mặt bằng") is estimated at 1 row when it
 * matches 37,000, and a deadline that follows the meeting's date hides where its matches are.
 */
async function pageUids(db: Sql, f: HubRegisterFilter, open: string[], capped: boolean, inTransaction: boolean): Promise<string[]> {
  const w = where(f, open);
  const n = w.params.length;
  const params = [...w.params, f.limit, f.offset];
  const need = f.limit + f.offset;
  const rows = (r: { uid: string }[]): string[] => r.map((x) => x.uid);
  // Few matches (or an export of every row): find them all through the filters' own indexes and
  // sort them. `+ 0` keeps PostgreSQL from walking the date index instead, which it would read
  // to the end when the matches are old.
  if (!capped || need > COUNT_CAP) {
    return rows(await db.query<{ uid: string }>(`SELECT i.uid FROM items i ${w.sql} ORDER BY i.received_on + 0 DESC NULLS LAST, i.uid LIMIT $${n + 1} OFFSET $${n + 2}`, params));
  }
  // Many matches with a deadline condition (overdue, due within N days): the deadline follows
  // the meeting's date, so the newest items are not yet due and a walk in the register's order
  // would read hundreds of thousands of them first. Instead go from date to date (newest first)
  // and read only each date's items in the deadline's range, from the (received_on, deadline)
  // index, until the page is full; then the items without a date, if still needed.
  if (w.deadline && !f.unitId && !f.meetingUid && !w.words.length) {
    const same = `FROM items i ${w.sql ? `${w.sql} AND` : 'WHERE'} i.received_on = d.day`;
    return rows(
      await db.query<{ uid: string }>(
        `WITH RECURSIVE walk(day, hits, acc) AS (
           SELECT d.day, h.n, h.n FROM (SELECT max(received_on) AS day FROM items) d,
                  LATERAL (SELECT count(*)::int AS n ${same}) h
            WHERE d.day IS NOT NULL
           UNION ALL
           SELECT d.day, h.n, walk.acc + h.n
             FROM walk, LATERAL (SELECT max(received_on) AS day FROM items WHERE received_on < walk.day) d,
                  LATERAL (SELECT count(*)::int AS n ${same}) h
            WHERE walk.acc < $${n + 3} AND d.day IS NOT NULL
         ),
         hits AS (
           SELECT p.uid, p.received_on FROM walk d, LATERAL (SELECT i.uid, i.received_on ${same} OFFSET 0) p WHERE d.hits > 0
           UNION ALL
           SELECT i.uid, i.received_on FROM items i ${w.sql ? `${w.sql} AND` : 'WHERE'} i.received_on IS NULL
              AND COALESCE((SELECT max(acc) FROM walk), 0) < $${n + 3}
         )
         SELECT i.uid FROM hits i ${ORDER} LIMIT $${n + 1} OFFSET $${n + 2}`,
        [...params, need],
      ),
    );
  }
  // Many matches otherwise: walk an index in the register's order and stop at the page's end
  // (at least one item in 600 matches, so a page of 100 is near). PostgreSQL is told not to sort,
  // because its estimate may say "few" and it would then collect and sort every match.
  const s = where(f, open, true);
  const walk = (on: 'on' | 'off'): Promise<void> => (inTransaction ? db.exec(['enable_sort', 'enable_bitmapscan', 'enable_seqscan'].map((k) => `SET LOCAL ${k} = ${on}`).join('; ')) : Promise.resolve());
  await walk('off');
  const uids = rows(await db.query<{ uid: string }>(`SELECT i.uid FROM items i ${s.sql} ${ORDER} LIMIT $${s.params.length + 1} OFFSET $${s.params.length + 2}`, [...s.params, f.limit, f.offset]));
  await walk('on'); // the page's names are joined with the usual plans
  return uids;
}

export async function queryRegister(db: Sql | HubDb, f: HubRegisterFilter): Promise<{ total: number; capped: boolean; items: HubRegisterItem[] }> {
  if (!('transaction' in db)) return register(db, db, f, false);
  // One transaction: one snapshot for the count and the page, and the planner's settings for these
  // short reads, which SET LOCAL keeps to it: no JIT (compiling took 90 ms of a 30 ms query) and no
  // parallel workers (starting them cost more than the work). PGlite has neither (no JIT provider,
  // max_parallel_workers_per_gather = 0 and no worker processes): there this is one round trip saved.
  return db.transaction(async (tx) => {
    if (db.engine === 'postgres') await tx.exec('SET LOCAL jit = off; SET LOCAL max_parallel_workers_per_gather = 0');
    return register(db, tx, f, true);
  });
}

/** `key`: the database handle the caller holds (a transaction's handle is new on every call). */
async function register(key: object, db: Sql, f: HubRegisterFilter, inTransaction: boolean): Promise<{ total: number; capped: boolean; items: HubRegisterItem[] }> {
  const deadline = f.overdue === true || f.dueWithinDays !== undefined;
  let open = deadline ? (openCache.get(key) ?? (await openStatuses(db))) : [];
  let total = 0;
  for (;;) {
    const w = where(f, open);
    const [count] = await db.query<{ n: number; open?: string[] }>(
      `SELECT count(*)::int AS n${deadline ? `, ${OPEN_SQL} AS open` : ''} FROM (SELECT 1 FROM items i ${w.sql} LIMIT ${COUNT_CAP + 1}) t`,
      w.params,
    );
    total = count?.n ?? 0;
    const now = count?.open ?? open;
    openCache.set(key, now);
    if (sameList(now, open)) break;
    open = now; // a status was added or changed since the list was kept: count again with the new one
  }
  const capped = total > COUNT_CAP;
  const uids = total === 0 ? [] : await pageUids(db, f, open, capped, inTransaction);
  // The page's rows joined to their names, in the register's order. "Overdue" from the status's
  // own row (an open category), so this needs no list of statuses.
  const items = uids.length
    ? await db.query<HubRegisterItem>(
        `SELECT i.uid, i.unit_id AS "unitId", u.name AS "unitName", i.meeting_uid AS "meetingUid", m.title AS "meetingTitle",
                i.received_on::text AS "meetingDate", i.content, i.short_phrase AS "shortPhrase", i.topic, i.raised_by AS "raisedBy",
                i.status, COALESCE(st.label, i.status) AS "statusLabel", COALESCE(st.category, 'open') AS category, i.agency, i.deadline::text AS deadline,
                COALESCE(st.category = 'open' AND i.deadline < $2::date, false) AS overdue, i.conflict
           FROM items i JOIN meetings m ON m.uid = i.meeting_uid JOIN units u ON u.id = i.unit_id LEFT JOIN statuses st ON st.key = i.status
          WHERE i.uid = ANY($1)
          ${ORDER}`,
        [uids, f.today ?? localToday()],
      )
    : [];
  return { total: Math.min(total, COUNT_CAP), capped, items };
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
