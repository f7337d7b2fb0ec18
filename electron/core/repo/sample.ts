// Which meetings are the sample meeting. The mark is an audit entry written when the sample is
// loaded, so no column or migration is needed, a renamed sample stays marked, and a copy of the
// sample exported and imported again is an ordinary meeting (the audit log is not exported).
import type { Database } from 'better-sqlite3';
import { audit } from './audit';

export const SAMPLE_AUDIT_ACTION = 'sample';

export function markSampleMeeting(db: Database, at: string, meetingId: number): void {
  audit(db, at, meetingId, 'meeting', meetingId, SAMPLE_AUDIT_ACTION, 'Hội nghị mẫu đi kèm ứng dụng');
}

/** Ids of sample meetings not deleted, oldest first. */
export function sampleMeetingIds(db: Database): number[] {
  const rows = db
    .prepare(
      `SELECT m.id FROM meetings m
        WHERE m.deleted_at IS NULL
          AND EXISTS (SELECT 1 FROM audit_log a WHERE a.meeting_id = m.id AND a.entity = 'meeting' AND a.action = ?)
        ORDER BY m.id`,
    )
    .all(SAMPLE_AUDIT_ACTION) as { id: number }[];
  return rows.map((r) => r.id);
}
