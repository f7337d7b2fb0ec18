// A locked record on a step that edits it: say so, why, and where to unlock, before anyone types.
// The fields themselves sit in a disabled <fieldset> (LockedArea), so nothing accepts a keystroke
// that the core would refuse a moment later.
import type { ReactNode } from 'react';
import type { Meeting } from '../../../electron/shared/domain';
import { href } from '../lib/router';
import { focusWhenShown } from '../screens/meeting-actions';

export function LockedNotice({ meeting }: { meeting: Meeting }) {
  if (!meeting.locked) return null;
  return (
    <div className="banner warn locked-note" role="status" data-testid="locked-note">
      <strong>Chỉ xem: biên bản đã chốt (lần sửa đổi {meeting.revision}).</strong>
      <span>Hồ sơ đã chốt để trình ký nên không sửa được.</span>
      <span>
        Muốn sửa: sang{' '}
        <a href={`${href({ name: 'meeting', id: meeting.id, tab: 'documents' })}/minutes`} onClick={() => focusWhenShown('[data-testid="unlock"]')} data-testid="locked-goto-unlock">
          bước "4. Văn bản"
        </a>
        , bấm "Mở khóa để sửa…" và ghi lý do.
      </span>
    </div>
  );
}

/** Everything inside is read-only while the record is locked (a disabled fieldset disables every control in it). */
export function LockedArea({ locked, className, children }: { locked: boolean; className?: string; children: ReactNode }) {
  return (
    <fieldset className={`locked-area ${className ?? ''}`} disabled={locked} data-testid={locked ? 'locked-area' : undefined}>
      {children}
    </fieldset>
  );
}
