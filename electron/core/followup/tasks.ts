// The chair's conclusion as tasks (kind 'direction'): each direction assigned to an agency with a
// deadline becomes a register item. The agency and the deadline are events like any change, so
// the notice and the register share one history.
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import type { RegisterItem } from '../../shared/followup';
import type { NoticeTasksSchema } from '../../shared/followup-schemas';
import { UserError } from '../../shared/result';
import { audit } from '../repo/audit';
import { getMeeting } from '../repo/meetings';
import { appendEvents, type NewEvent } from './change';
import { localDate } from './dates';
import { queryRegister } from './register';
import { ensureAgency } from './settings';
import { ensureFresh, refreshMeeting } from './state';

export type NoticeTasks = z.output<typeof NoticeTasksSchema>;

export function listTasks(db: Database, meetingId: number, today: string): RegisterItem[] {
  getMeeting(db, meetingId);
  ensureFresh(db);
  const byUid = new Map(queryRegister(db, { meetingId, limit: 100_000 }, today).items.map((i) => [i.uid, i]));
  // The notice's order (tasks added on different days are still listed as the chair gave them).
  const order = db.prepare('SELECT uid FROM followup_items WHERE meeting_id = ? AND deleted_at IS NULL ORDER BY seq, uid').all(meetingId) as { uid: string }[];
  return order.map((o) => byUid.get(o.uid)).filter((i): i is RegisterItem => i !== undefined);
}

/** Saves the list: new tasks are added, changed ones get events, tasks left out are removed (soft). */
export function saveTasks(db: Database, at: string, input: NoticeTasks, actor: string, now: Date): RegisterItem[] {
  getMeeting(db, input.meetingId);
  ensureFresh(db);
  db.transaction(() => {
    const existing = new Map(
      (db.prepare('SELECT uid, meeting_id, content, deleted_at FROM followup_items WHERE uid IN (SELECT value FROM json_each(?))').all(JSON.stringify(input.tasks.map((t) => t.uid).filter(Boolean))) as {
        uid: string;
        meeting_id: number;
        content: string;
        deleted_at: string | null;
      }[]).map((r) => [r.uid, r]),
    );
    const seen = new Set<string>();
    const maxSeq = (db.prepare('SELECT COALESCE(max(seq), 0) AS s FROM followup_items WHERE meeting_id = ?').get(input.meetingId) as { s: number }).s;
    let seq = maxSeq;
    const order = new Map<string, number>();
    input.tasks.forEach((t, i) => {
      const old = t.uid ? existing.get(t.uid) : undefined;
      if (old && old.meeting_id !== input.meetingId) throw new UserError('invalid', `Nhiệm vụ thứ ${i + 1} thuộc một hội nghị khác. Hãy tải lại danh sách nhiệm vụ.`);
      const uid = old?.uid ?? t.uid ?? randomUUID();
      if (seen.has(uid)) throw new UserError('invalid', `Nhiệm vụ thứ ${i + 1} bị lặp trong danh sách.`);
      seen.add(uid);
      order.set(uid, i + 1);
      const content = t.content.trim();
      let state: { agency: string; deadline: string | null } = { agency: '', deadline: null };
      if (old) {
        if (old.content !== content || old.deleted_at) db.prepare('UPDATE followup_items SET content = ?, deleted_at = NULL, updated_at = ? WHERE uid = ?').run(content, at, uid);
        state = (db.prepare('SELECT agency, deadline FROM followup_state WHERE item_uid = ?').get(uid) as typeof state | undefined) ?? state;
      } else {
        seq += 1;
        db.prepare('INSERT INTO followup_items (uid, meeting_id, kind, content, topic, created_on, seq, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
          uid,
          input.meetingId,
          'direction',
          content,
          '',
          localDate(now),
          seq,
          at,
        );
      }
      const events: NewEvent[] = [];
      if (t.agency.trim() !== state.agency) {
        ensureAgency(db, t.agency);
        events.push({ field: 'agency', value: t.agency.trim(), note: '' });
      }
      if ((t.deadline ?? null) !== state.deadline) events.push({ field: 'deadline', value: t.deadline ?? '', note: '' });
      appendEvents(db, at, input.meetingId, uid, actor, events);
    });
    // The order of the notice is the order of the list.
    const setSeq = db.prepare('UPDATE followup_items SET seq = ? WHERE uid = ? AND seq <> ?');
    for (const [uid, n] of order) setSeq.run(n, uid, n);
    const removed = db.prepare('UPDATE followup_items SET deleted_at = ?, updated_at = ? WHERE meeting_id = ? AND deleted_at IS NULL AND uid NOT IN (SELECT value FROM json_each(?))').run(at, at, input.meetingId, JSON.stringify([...seen]));
    audit(db, at, input.meetingId, 'followup', null, 'tasks', `${input.tasks.length} nhiệm vụ${removed.changes ? `, bỏ ${removed.changes}` : ''}`);
    refreshMeeting(db, input.meetingId);
  })();
  return listTasks(db, input.meetingId, localDate(now));
}
