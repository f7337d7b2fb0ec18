// The current state of each item: the app's own base (baseFromReplies) and fold (foldEvents), both
// pure, so the hub and the laptops can never disagree on a status.
import type { MeetingData } from '../../electron/core/meeting-file/format';
import { baseFromReplies } from '../../electron/core/followup/state';
import { foldEvents, type BaseState, type EventLike } from '../../electron/core/followup/events';
import type { Sql } from './db';

/** The base state of each recommendation of a meeting file, keyed by the file's local key. */
export function basesOf(data: MeetingData): Map<string, BaseState> {
  const links = new Map<string, { kind: string; agency: string; deadline: string | null; seq: number }[]>();
  for (const r of data.replies)
    for (const k of r.recommendations) {
      const l = links.get(k) ?? [];
      l.push({ kind: r.kind, agency: r.agency, deadline: r.deadline, seq: r.seq });
      links.set(k, l);
    }
  return new Map(data.recommendations.map((r) => [r.key, baseFromReplies(links.get(r.key) ?? [])]));
}

/** Re-folds the given items from their stored base and events and writes their state rows. */
export async function refold(tx: Sql, itemUids: readonly string[]): Promise<void> {
  if (!itemUids.length) return;
  const bases = await tx.query<{ uid: string; status: string; agency: string; deadline: string | null }>(
    'SELECT uid, base_status AS status, base_agency AS agency, base_deadline::text AS deadline FROM items WHERE uid = ANY($1)',
    [itemUids],
  );
  const events = await tx.query<EventLike & { itemUid: string }>(
    'SELECT item_uid AS "itemUid", uid, field, value, parent_uid AS "parentUid", at, note FROM events WHERE item_uid = ANY($1)',
    [itemUids],
  );
  const byItem = new Map<string, EventLike[]>();
  for (const e of events) byItem.set(e.itemUid, [...(byItem.get(e.itemUid) ?? []), e]);
  const now = new Date().toISOString();
  for (const b of bases) {
    const s = foldEvents({ status: b.status, agency: b.agency, deadline: b.deadline }, byItem.get(b.uid) ?? []);
    await tx.query('UPDATE items SET status = $2, agency = $3, deadline = $4, document = $5, conflict = $6, updated_at = $7 WHERE uid = $1', [
      b.uid,
      s.status,
      s.agency,
      s.deadline,
      s.document ? JSON.stringify(s.document) : null,
      s.conflict,
      s.lastAt ?? now,
    ]);
  }
}

