// Reading the register: filters in SQL over the materialised state (followup_state), a page of
// items, Home's counts, and one item with its whole history.
import type { Database } from 'better-sqlite3';
import type { DueCounts, FollowupEvent, FollowupStatus, RegisterFilter, RegisterItem, RegisterItemDetail, RegisterPage } from '../../shared/followup';
import { toFtsQuery } from '../search/search';
import { UserError } from '../../shared/result';
import { addDays, daysBetween } from './dates';
import { compareEvents, conflictingUids, parseDocumentValue } from './events';
import { ensureFresh } from './state';
import { statusMap, statusOf } from './settings';

export const DEFAULT_PAGE = 200;
export const DEFAULT_DUE_SOON_DAYS = 7;

/** Statuses whose category is not 'open': an item in one of them is never due or overdue. */
const NOT_OPEN = `s.status NOT IN (SELECT key FROM followup_statuses WHERE category <> 'open')`;

/**
 * The index a filter reads, chosen here rather than by SQLite's planner, which at 100,000 items
 * tends to walk the register's order and test every row: the most selective of the filter's
 * columns, each index already in the register's order.
 */
export function indexFor(f: RegisterFilter): string {
  if (f.meetingId !== undefined) return 'followup_state_meeting';
  if (f.overdue || f.dueWithinDays !== undefined) return 'followup_state_deadline';
  if (f.agency) return 'followup_state_agency';
  if (f.topic) return 'followup_state_topic';
  if (f.status?.length) return 'followup_state_status';
  return 'followup_state_received';
}

/** The WHERE clause and its parameters for a filter; `today` decides due and overdue. */
export function filterSql(f: RegisterFilter, today: string): { where: string; params: (string | number)[] } {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (f.status?.length) {
    where.push(`s.status IN (${f.status.map(() => '?').join(', ')})`);
    params.push(...f.status);
  }
  if (f.agency !== undefined && f.agency !== '') {
    where.push('s.agency = ?');
    params.push(f.agency);
  }
  if (f.topic !== undefined && f.topic !== '') {
    where.push('s.topic = ?');
    params.push(f.topic);
  }
  if (f.meetingId !== undefined) {
    where.push('s.meeting_id = ?');
    params.push(f.meetingId);
  }
  if (f.from) {
    where.push('s.received_on >= ?');
    params.push(f.from);
  }
  if (f.to) {
    where.push('s.received_on <= ?');
    params.push(f.to);
  }
  if (f.dueWithinDays !== undefined) {
    where.push(`s.deadline >= ? AND s.deadline <= ? AND ${NOT_OPEN}`);
    params.push(today, addDays(today, f.dueWithinDays));
  }
  if (f.overdue) {
    where.push(`s.deadline < ? AND ${NOT_OPEN}`);
    params.push(today);
  }
  // Each word a prefix of some word, marks and đ folded: the same query as the app's search.
  const fts = toFtsQuery(f.query ?? '');
  if (fts) {
    where.push('s.rowid IN (SELECT rowid FROM followup_search WHERE followup_search MATCH ?)');
    params.push(fts);
  }
  return { where: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

type ItemRow = {
  item_uid: string;
  kind: 'recommendation' | 'direction';
  meeting_id: number;
  recommendation_id: number | null;
  status: string;
  agency: string;
  deadline: string | null;
  document_json: string | null;
  conflict: number;
  topic: string;
  received_on: string | null;
  updated_at: string;
  title: string;
  date: string | null;
  content: string | null;
  short_phrase: string | null;
  raised_by: string | null;
  unit: string | null;
};

const ITEM_SELECT = `
  SELECT s.item_uid, s.kind, s.meeting_id, s.recommendation_id, s.status, s.agency, s.deadline, s.document_json, s.conflict,
         s.topic, s.received_on, s.updated_at, m.title, m.date,
         COALESCE(r.content, t.content) AS content, r.short_phrase,
         CASE WHEN r.raised_by_text <> '' THEN r.raised_by_text ELSE p.full_name END AS raised_by, r.unit
    FROM followup_state s
    JOIN meetings m ON m.id = s.meeting_id
    LEFT JOIN recommendations r ON r.id = s.recommendation_id
    LEFT JOIN followup_items t ON t.uid = s.item_uid
    LEFT JOIN attendees a ON a.id = r.raised_by_attendee_id
    LEFT JOIN people p ON p.id = a.person_id`;

export function toItem(db: Database, r: ItemRow, statuses: Map<string, FollowupStatus>, today: string): RegisterItem {
  const st = statusOf(statuses, r.status);
  const doc = r.document_json ? parseDocumentValue(r.document_json) : null;
  const fileId = doc?.sha256
    ? ((db.prepare('SELECT id FROM followup_files WHERE meeting_id = ? AND sha256 = ?').get(r.meeting_id, doc.sha256) as { id: number } | undefined)?.id ?? null)
    : null;
  const daysLeft = r.deadline ? daysBetween(today, r.deadline) : null;
  return {
    uid: r.item_uid,
    kind: r.kind,
    meetingId: r.meeting_id,
    meetingTitle: r.title,
    meetingDate: r.date,
    recommendationId: r.recommendation_id,
    content: r.content ?? '',
    shortPhrase: r.short_phrase ?? '',
    topic: r.topic,
    raisedBy: r.raised_by ?? '',
    unit: r.unit ?? '',
    status: st.key,
    statusLabel: st.label,
    category: st.category,
    answered: st.answered,
    agency: r.agency,
    deadline: r.deadline,
    daysLeft,
    overdue: daysLeft !== null && daysLeft < 0 && st.category === 'open',
    document: doc ? { number: doc.number, date: doc.date, fileName: doc.fileName, fileId } : null,
    conflict: r.conflict === 1,
    receivedOn: r.received_on,
    updatedAt: r.updated_at,
  };
}

export function queryRegister(db: Database, f: RegisterFilter, today: string): RegisterPage {
  ensureFresh(db);
  const { where, params } = filterSql(f, today);
  const from = `followup_state s INDEXED BY ${indexFor(f)}`;
  const total = (db.prepare(`SELECT count(*) AS n FROM ${from} ${where}`).get(...params) as { n: number }).n;
  // The page's uids first, from the state and its index alone (an offset deep in the register
  // skips index entries, not joined rows), then the rows to show.
  const uids = (
    db.prepare(`SELECT s.item_uid FROM ${from} ${where} ORDER BY s.received_on DESC, s.meeting_id DESC, s.seq LIMIT ? OFFSET ?`).all(...params, f.limit ?? DEFAULT_PAGE, f.offset ?? 0) as {
      item_uid: string;
    }[]
  ).map((r) => r.item_uid);
  const byUid = new Map(
    (db.prepare(`${ITEM_SELECT} WHERE s.item_uid IN (SELECT value FROM json_each(?))`).all(JSON.stringify(uids)) as ItemRow[]).map((r) => [r.item_uid, r]),
  );
  const rows = uids.map((u) => byUid.get(u)).filter((r): r is ItemRow => r !== undefined);
  const statuses = statusMap(db);
  return { total, items: rows.map((r) => toItem(db, r, statuses, today)) };
}

export function dueCounts(db: Database, today: string, dueSoonDays = DEFAULT_DUE_SOON_DAYS): DueCounts {
  ensureFresh(db);
  const soon = db.prepare(`SELECT count(*) AS n FROM followup_state s INDEXED BY followup_state_deadline WHERE s.deadline >= ? AND s.deadline <= ? AND ${NOT_OPEN}`).get(today, addDays(today, dueSoonDays)) as { n: number };
  const over = db.prepare(`SELECT count(*) AS n FROM followup_state s INDEXED BY followup_state_deadline WHERE s.deadline < ? AND ${NOT_OPEN}`).get(today) as { n: number };
  return { dueSoon: soon.n, overdue: over.n, dueSoonDays };
}

/** One item as the register shows it; not_found when it, its kiến nghị or its meeting was deleted. */
export function getItem(db: Database, uid: string, today: string): RegisterItem {
  ensureFresh(db);
  const row = db.prepare(`${ITEM_SELECT} WHERE s.item_uid = ?`).get(uid) as ItemRow | undefined;
  if (!row) throw new UserError('not_found', 'Không tìm thấy kiến nghị hoặc nhiệm vụ này (có thể đã bị xóa cùng hội nghị). Hãy tải lại danh sách theo dõi.');
  return toItem(db, row, statusMap(db), today);
}

type EventDbRow = { uid: string; item_uid: string; field: FollowupEvent['field']; value: string; parent_uid: string | null; at: string; actor: string; note: string };

export function listEvents(db: Database, itemUid: string): FollowupEvent[] {
  const rows = db.prepare('SELECT * FROM followup_events WHERE item_uid = ?').all(itemUid) as EventDbRow[];
  const events: FollowupEvent[] = rows.map((r) => ({ uid: r.uid, itemUid: r.item_uid, field: r.field, value: r.value, parentUid: r.parent_uid, at: r.at, actor: r.actor, note: r.note }));
  events.sort(compareEvents);
  const conflicts = conflictingUids(events);
  return events.map((e) => ({ ...e, conflict: conflicts.has(e.uid) }));
}

export function itemDetail(db: Database, uid: string, today: string): RegisterItemDetail {
  return { item: getItem(db, uid, today), history: listEvents(db, uid) };
}
