import type { MeetingTabProps } from '../MeetingScreen';

// Placeholder until this screen is built; it must not ship like this.
export function DocumentsTab({ record }: MeetingTabProps) {
  return <div className="muted">Màn hình "Văn bản" cho hội nghị #{record.meeting.id} đang được xây dựng.</div>;
}
