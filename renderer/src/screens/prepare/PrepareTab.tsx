import type { MeetingTabProps } from '../MeetingScreen';
import { DetailsSection } from './DetailsSection';

export function PrepareTab({ record, reload }: MeetingTabProps) {
  return (
    <div className="prepare">
      <DetailsSection meeting={record.meeting} onSaved={() => void reload()} />
    </div>
  );
}
