// Starting and ending a meeting, shared by the buttons and the keys (Alt+S, Alt+X). Both first
// write whatever is still being typed and wait for every queued save: a start time typed a moment
// before must be stored before the meeting starts, or the clock's time would win the race.
import type { Meeting } from '../../../electron/shared/domain';
import type { Result } from '../../../electron/shared/result';
import { api } from '../lib/api';
import { flushAllFields } from '../lib/autosave';
import { saveQueue } from '../lib/save-queue';
import { nowHHMM } from '../lib/format';

/** Everything typed so far is stored when this resolves. */
export async function settleSaves(): Promise<void> {
  flushAllFields();
  await saveQueue.idle();
}

/** "Bắt đầu hội nghị": the core keeps a stored start time and fills an empty one with now. */
export async function startMeeting(id: number): Promise<Result<Meeting>> {
  await settleSaves();
  return api.call('meeting.start', { id, startTime: nowHHMM() });
}

/** "Kết thúc hội nghị" (or reopening it): an end time is written only if none is stored. */
export async function setMeetingStatus(id: number, status: 'live' | 'closed'): Promise<Result<Meeting>> {
  await settleSaves();
  // Decide from the stored meeting, not from a screen's copy: an end time typed a moment ago is
  // saved by now but may not have come back into the screen's record yet.
  const stored = await api.call('meeting.get', { id });
  if (!stored.ok) return stored;
  if (status === 'closed' && !stored.value.meeting.endTime) {
    const u = await api.call('meeting.update', { id, patch: { endTime: nowHHMM() } });
    if (!u.ok) return u;
  }
  return api.call('meeting.setStatus', { id, status });
}

/** Focuses an element once it is on screen (a step renders after the route changes), if enabled. */
export function focusWhenShown(selector: string, tries = 40): void {
  const el = document.querySelector<HTMLElement>(selector);
  if (el && !el.closest('[disabled]') && !(el as HTMLButtonElement).disabled) el.focus();
  else if (tries > 0) requestAnimationFrame(() => focusWhenShown(selector, tries - 1));
}
