import type { Database } from 'better-sqlite3';
import type { AuditEntry } from '../../shared/domain';

/**
 * Records a change. Autosave sends an update every few hundred milliseconds while someone types;
 * consecutive updates of the same item within a minute are folded into one entry so the log
 * stays readable ("sửa nội dung kiến nghị #12 lúc 14:32") instead of one row per keystroke.
 */
export function audit(
  db: Database,
  at: string,
  meetingId: number | null,
  entity: string,
  entityId: number | null,
  action: string,
  detail = '',
): void {
  if (action === 'update') {
    const last = db
      .prepare('SELECT id, at, entity, entity_id, action FROM audit_log ORDER BY id DESC LIMIT 1')
      .get() as { id: number; at: string; entity: string; entity_id: number | null; action: string } | undefined;
    if (last && last.action === 'update' && last.entity === entity && last.entity_id === entityId && Date.parse(at) - Date.parse(last.at) < 60_000) {
      db.prepare('UPDATE audit_log SET at = ?, detail = ? WHERE id = ?').run(at, detail, last.id);
      return;
    }
  }
  db.prepare('INSERT INTO audit_log (at, meeting_id, entity, entity_id, action, detail) VALUES (?, ?, ?, ?, ?, ?)').run(
    at,
    meetingId,
    entity,
    entityId,
    action,
    detail,
  );
}

export function listAudit(db: Database, meetingId: number, limit = 1000): AuditEntry[] {
  const rows = db
    .prepare('SELECT id, at, meeting_id, entity, entity_id, action, detail FROM audit_log WHERE meeting_id = ? ORDER BY id DESC LIMIT ?')
    .all(meetingId, limit) as { id: number; at: string; meeting_id: number | null; entity: string; entity_id: number | null; action: string; detail: string }[];
  return rows.map((r) => ({ id: r.id, at: r.at, meetingId: r.meeting_id, entity: r.entity, entityId: r.entity_id, action: r.action, detail: r.detail }));
}
