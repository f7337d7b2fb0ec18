// The materialised state of every register item (followup_state), so that the register filters
// 100,000 items with indexes instead of folding histories on each keystroke. It is a cache:
// triggers mark a meeting in followup_dirty whenever its record changes, and every read of the
// register first rebuilds the rows of the marked meetings from the record and the events.
import type { Database } from 'better-sqlite3';
import { foldedWords } from '../../shared/vi/fold';
import { INITIAL_STATUS } from '../../shared/followup';
import { foldEvents, type BaseState, type EventLike } from './events';
import { localDate } from './dates';

type RecRow = { id: number; uid: string; seq: number; topic: string; content: string; short_phrase: string; raised_by_text: string; raised_by_name: string | null; unit: string };
type TaskRow = { uid: string; seq: number; topic: string; content: string; created_on: string };
type ReplyLinkRow = { recommendation_id: number; kind: string; agency: string; deadline: string | null; seq: number };
type EventRow = EventLike & { item_uid: string };

/**
 * Where a recommendation starts, from the replies linked to it at the meeting. A promise to answer
 * in writing is what the register follows, so it wins over an answer given on the spot; a reply
 * forwarded to a higher level comes next; any answer at the meeting last.
 */
export function baseFromReplies(replies: readonly Pick<ReplyLinkRow, 'kind' | 'agency' | 'deadline' | 'seq'>[]): BaseState {
  const sorted = [...replies].sort((a, b) => a.seq - b.seq);
  const written = sorted.find((r) => r.kind === 'written_later');
  if (written) return { status: 'awaiting_written', agency: written.agency, deadline: written.deadline };
  const forwarded = sorted.find((r) => r.kind === 'forwarded');
  if (forwarded) return { status: 'forwarded', agency: forwarded.agency, deadline: forwarded.deadline };
  const answered = sorted.find((r) => r.kind === 'on_spot' || r.kind === 'written_before');
  if (answered) return { status: 'answered_at_meeting', agency: answered.agency, deadline: null };
  return { status: INITIAL_STATUS, agency: '', deadline: null };
}

/**
 * " word word …": the folded words with a leading space. The register indexes it in FTS5; the hub
 * (hub/src/ingest.ts) stores it and matches `LIKE '% w%'`, a word-prefix match either way.
 */
export function searchText(parts: readonly string[]): string {
  return ` ${foldedWords(parts.filter(Boolean).join(' ')).join(' ')}`;
}

/** Rebuilds the state rows of one meeting (none when it is deleted or gone), or of one item of it. */
export function rebuildMeeting(db: Database, meetingId: number, onlyUid?: string): void {
  if (onlyUid === undefined) db.prepare('DELETE FROM followup_state WHERE meeting_id = ?').run(meetingId);
  else db.prepare('DELETE FROM followup_state WHERE item_uid = ?').run(onlyUid);
  const m = db.prepare('SELECT date, created_at, deleted_at FROM meetings WHERE id = ?').get(meetingId) as
    | { date: string | null; created_at: string; deleted_at: string | null }
    | undefined;
  if (!m || m.deleted_at) return;
  // A meeting without a date was received on the (local) day it was created.
  const created = new Date(m.created_at);
  const receivedOn = m.date ?? (Number.isNaN(created.getTime()) ? m.created_at.slice(0, 10) : localDate(created));
  const recs = db
    .prepare(
      `SELECT r.id, r.uid, r.seq, r.topic, r.content, r.short_phrase, r.raised_by_text, p.full_name AS raised_by_name, r.unit
         FROM recommendations r LEFT JOIN attendees a ON a.id = r.raised_by_attendee_id LEFT JOIN people p ON p.id = a.person_id
        WHERE r.meeting_id = ? AND r.deleted_at IS NULL`,
    )
    .all(meetingId) as RecRow[];
  const links = db
    .prepare(
      `SELECT l.recommendation_id, p.kind, p.agency, p.deadline, p.seq FROM reply_links l JOIN replies p ON p.id = l.reply_id
        WHERE p.meeting_id = ? AND p.deleted_at IS NULL`,
    )
    .all(meetingId) as ReplyLinkRow[];
  const tasks = db.prepare('SELECT uid, seq, topic, content, created_on FROM followup_items WHERE meeting_id = ? AND deleted_at IS NULL').all(meetingId) as TaskRow[];
  const events = (
    onlyUid === undefined
      ? db.prepare('SELECT uid, item_uid, field, value, parent_uid AS parentUid, at, note FROM followup_events WHERE meeting_id = ?').all(meetingId)
      : db.prepare('SELECT uid, item_uid, field, value, parent_uid AS parentUid, at, note FROM followup_events WHERE item_uid = ?').all(onlyUid)
  ) as EventRow[];
  const byItem = new Map<string, EventRow[]>();
  for (const e of events) {
    const list = byItem.get(e.item_uid);
    if (list) list.push(e);
    else byItem.set(e.item_uid, [e]);
  }
  const linksByRec = new Map<number, ReplyLinkRow[]>();
  for (const l of links) {
    const list = linksByRec.get(l.recommendation_id);
    if (list) list.push(l);
    else linksByRec.set(l.recommendation_id, [l]);
  }
  const insert = db.prepare(
    `INSERT INTO followup_state (item_uid, meeting_id, kind, recommendation_id, seq, base_status, base_agency, base_deadline, status, agency, deadline, document_json, conflict, topic, received_on, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const index = db.prepare('INSERT INTO followup_search (rowid, body) VALUES (?, ?)');
  const put = (uid: string, kind: 'recommendation' | 'direction', recId: number | null, seq: number, base: BaseState, topic: string, received: string, text: string[], fallbackAt: string) => {
    if (onlyUid !== undefined && uid !== onlyUid) return;
    const s = foldEvents(base, byItem.get(uid) ?? []);
    const row = insert.run(
      uid,
      meetingId,
      kind,
      recId,
      seq,
      base.status,
      base.agency,
      base.deadline,
      s.status,
      s.agency,
      s.deadline,
      s.document ? JSON.stringify(s.document) : null,
      s.conflict ? 1 : 0,
      topic,
      received,
      s.lastAt ?? fallbackAt,
    );
    index.run(row.lastInsertRowid, searchText([...text, s.agency, s.document?.number ?? '']));
  };
  for (const r of recs)
    put(r.uid, 'recommendation', r.id, r.seq, baseFromReplies(linksByRec.get(r.id) ?? []), r.topic, receivedOn, [r.content, r.short_phrase, r.raised_by_text, r.raised_by_name ?? '', r.unit, r.topic], m.created_at);
  // Tasks come after the recommendations in their meeting's order.
  for (const t of tasks) put(t.uid, 'direction', null, 1_000_000 + t.seq, { status: INITIAL_STATUS, agency: '', deadline: null }, t.topic, t.created_on, [t.content, t.topic], m.created_at);
}

/** Rebuilds every meeting a trigger marked. Cheap when nothing changed (one empty read). */
export function ensureFresh(db: Database): void {
  const dirty = db.prepare('SELECT meeting_id FROM followup_dirty').all() as { meeting_id: number }[];
  if (dirty.length === 0) return;
  if (db.readonly) return;
  db.transaction(() => {
    for (const { meeting_id } of dirty) rebuildMeeting(db, meeting_id);
    db.prepare('DELETE FROM followup_dirty').run();
  })();
}

/**
 * Re-folds one item now (after a change to it). A meeting still marked for rebuild stays marked:
 * its other items are rebuilt on the next read.
 */
export function refreshItem(db: Database, meetingId: number, uid: string): void {
  rebuildMeeting(db, meetingId, uid);
}

/** Rebuilds a meeting now (after events are merged or tasks saved) and clears its mark. */
export function refreshMeeting(db: Database, meetingId: number): void {
  rebuildMeeting(db, meetingId);
  db.prepare('DELETE FROM followup_dirty WHERE meeting_id = ?').run(meetingId);
}
