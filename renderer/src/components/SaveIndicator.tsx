import { useEffect, useState } from 'react';
import { saveQueue, type SaveStatus } from '../lib/save-queue';
import { hhmmss } from '../lib/format';

/** The quiet "Đã lưu hh:mm:ss"; loud only when a save is failing (and being retried). */
export function SaveIndicator() {
  const [s, setS] = useState<SaveStatus>({ state: 'idle' });
  useEffect(() => saveQueue.subscribe(setS), []);
  if (s.state === 'error')
    return (
      <div className="save-indicator error" role="alert" data-testid="save-status">
        Chưa lưu được: {s.message}
      </div>
    );
  return (
    <div className="save-indicator" aria-live="polite" data-testid="save-status">
      {s.state === 'saving' ? 'Đang lưu…' : s.state === 'saved' ? `Đã lưu ${hhmmss(s.at)}` : ''}
    </div>
  );
}
