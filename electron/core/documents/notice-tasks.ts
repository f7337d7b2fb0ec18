// The tasks the notice prints with each direction: the register's items of kind 'direction' for
// the meeting, with their current agency and deadline (the fold of their history). A change to
// a task's agency or deadline in the register makes the notice's draft stale, as a change to the
// record does.
import { createHash } from 'node:crypto';
import type { CoreContext } from '../context';
import { ensureFresh } from '../followup/state';
import type { NoticeTask } from './notice';

type TaskRow = { uid: string; content: string; agency: string | null; deadline: string | null };

export function noticeTasksFor(ctx: Pick<CoreContext, 'db'>, meetingId: number): NoticeTask[] {
  ensureFresh(ctx.db);
  const rows = ctx.db
    .prepare(
      `SELECT i.uid, i.content, s.agency, s.deadline FROM followup_items i LEFT JOIN followup_state s ON s.item_uid = i.uid
        WHERE i.meeting_id = ? AND i.deleted_at IS NULL ORDER BY i.seq, i.uid`,
    )
    .all(meetingId) as TaskRow[];
  return rows.map((r) => ({ uid: r.uid, content: r.content, agency: r.agency ?? '', deadline: r.deadline }));
}

/** The record's hash with the tasks the notice prints (what, who, by when; not their uids). */
export function noticeSourceHash(recordHash: string, tasks: readonly NoticeTask[]): string {
  const printed = tasks.map((t) => [t.content, t.agency, t.deadline ?? '']);
  return createHash('sha256').update(recordHash).update(JSON.stringify(printed)).digest('hex');
}
