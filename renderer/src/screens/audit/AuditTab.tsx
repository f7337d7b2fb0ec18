import type { MeetingTabProps } from '../MeetingScreen';
import { useData } from '../../lib/use-data';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, auditDetail, formatDateTime } from '../../lib/labels';

/** What changed in this meeting's record, newest first: locks, unlocks with their reasons, edits. */
export function AuditTab({ record }: MeetingTabProps) {
  const log = useData('audit.list', { meetingId: record.meeting.id, limit: 2000 });
  return (
    <section className="card" aria-labelledby="audit-h">
      <h2 id="audit-h">Nhật ký thay đổi</h2>
      <p className="muted small">
        Lần sửa đổi biên bản hiện tại: {record.meeting.revision || '—'}
        {record.meeting.locked ? ' · Đã chốt' : ''}. Các lần sửa liên tiếp cùng một mục trong một phút được gộp thành một dòng.
      </p>
      {log.error ? <div className="banner error">{log.error}</div> : null}
      <table className="list" data-testid="audit-list">
        <thead>
          <tr>
            <th>Thời điểm</th>
            <th>Mục</th>
            <th>Thao tác</th>
            <th>Chi tiết</th>
          </tr>
        </thead>
        <tbody>
          {log.data?.map((e) => (
            <tr key={e.id}>
              <td className="nowrap">{formatDateTime(e.at)}</td>
              <td>
                {AUDIT_ENTITY_LABELS[e.entity] ?? '(mục khác)'}
                {e.entityId && e.entity !== 'meeting' ? ` #${e.entityId}` : ''}
              </td>
              <td>{AUDIT_ACTION_LABELS[e.action] ?? '(thao tác khác)'}</td>
              <td>{auditDetail(e)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
