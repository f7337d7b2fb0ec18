// The keys of a whole meeting, on every step: Alt+1…4 switch steps, Alt+S starts the meeting and
// Alt+X ends it. Starting and ending ask first (a key pressed by mistake must not change the
// meeting), and both write what is being typed before they act.
import { useEffect, useRef, useState } from 'react';
import type { Meeting } from '../../../electron/shared/domain';
import { flushAllFields } from '../lib/autosave';
import { navigate, type MeetingTab } from '../lib/router';
import { AskDialog } from '../components/AskDialog';
import { matchMeetingShortcut } from './live/shortcuts';
import { focusWhenShown, setMeetingStatus, settleSaves, startMeeting } from './meeting-actions';
import { api } from '../lib/api';

const STEP_TABS: Record<'step1' | 'step2' | 'step3' | 'step4', MeetingTab> = { step1: 'prepare', step2: 'live', step3: 'close', step4: 'documents' };

const FIRST_FIELD: Record<MeetingTab, string> = {
  prepare: '[data-testid="f-organizer"]',
  live: '[data-testid="start-meeting"], [data-testid="new-rec"]',
  close: '[data-testid="close-meeting"], [data-testid="reopen-meeting"]',
  documents: '.docs [role="tablist"] button, .docs button',
  audit: '[data-testid="audit-list"]',
};

type Props = { meeting: Meeting; tab: MeetingTab; reload: () => Promise<void> };

export function MeetingKeys({ meeting, tab, reload }: Props) {
  const [asking, setAsking] = useState<'start' | 'end' | null>(null);
  // The meeting as stored once what was being typed is saved: the question shows the real times.
  const [stored, setStored] = useState<Meeting>(meeting);
  const [error, setError] = useState<string | null>(null);
  const state = useRef({ meeting, tab, asking });
  state.current = { meeting, tab, asking };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const id = matchMeetingShortcut(e);
      if (!id) return;
      const { meeting: m, tab: t, asking: a } = state.current;
      // A question or the keyboard map is open: its own keys only.
      if (a || document.querySelector('dialog[open], .modal-backdrop')) return;
      e.preventDefault();
      setError(null);
      if (id === 'start' || id === 'end') {
        if (m.locked) return setError('Biên bản đã chốt nên không đổi được trạng thái hội nghị. Muốn sửa, hãy mở khóa ở bước "4. Văn bản".');
        if (id === 'start' && m.status !== 'draft') return setError(m.status === 'live' ? 'Hội nghị đang diễn ra rồi.' : 'Hội nghị đã kết thúc. Muốn ghi tiếp, hãy "Mở lại hội nghị" ở bước "3. Kết thúc".');
        if (id === 'end' && m.status === 'closed') return setError('Hội nghị đã kết thúc rồi.');
        void settleSaves()
          .then(() => api.call('meeting.get', { id: m.id }))
          .then((g) => {
            if (g.ok) setStored(g.value.meeting);
            setAsking(id);
          });
        return;
      }
      const next = STEP_TABS[id];
      if (next === t) return;
      flushAllFields();
      navigate({ name: 'meeting', id: m.id, tab: next });
      focusWhenShown(FIRST_FIELD[next]);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // A message about a key goes away by itself: it answers one key press.
  useEffect(() => {
    if (!error) return;
    const t = setTimeout(() => setError(null), 6000);
    return () => clearTimeout(t);
  }, [error]);

  async function act(kind: 'start' | 'end') {
    const r = kind === 'start' ? await startMeeting(meeting.id) : await setMeetingStatus(meeting.id, 'closed');
    if (!r.ok) return setError(r.error.message);
    await reload();
    const to: MeetingTab = kind === 'start' ? 'live' : 'close';
    if (tab !== to) navigate({ name: 'meeting', id: meeting.id, tab: to });
    focusWhenShown(kind === 'start' ? '[data-testid="new-rec"]' : '[data-testid="reopen-meeting"]');
  }

  return (
    <>
      {error ? (
        <div className="banner warn" role="status" data-testid="meeting-key-message">
          {error}
        </div>
      ) : null}
      {asking === 'start' ? (
        <AskDialog
          title="Bắt đầu hội nghị?"
          confirmLabel="Bắt đầu hội nghị"
          onCancel={() => setAsking(null)}
          onConfirm={() => {
            setAsking(null);
            void act('start');
          }}
          testId="confirm-start"
        >
          <p>Hội nghị chuyển sang "Đang diễn ra" và ứng dụng tạo một bản sao lưu.</p>
          <p>{stored.startTime ? `Giờ bắt đầu đã ghi: ${stored.startTime}.` : 'Chưa ghi giờ bắt đầu: ứng dụng ghi giờ hiện tại (sửa được ở bước "1. Chuẩn bị").'}</p>
        </AskDialog>
      ) : null}
      {asking === 'end' ? (
        <AskDialog
          title="Kết thúc hội nghị?"
          confirmLabel="Kết thúc hội nghị"
          onCancel={() => setAsking(null)}
          onConfirm={() => {
            setAsking(null);
            void act('end');
          }}
          testId="confirm-end"
        >
          <p>Hội nghị chuyển sang "Đã kết thúc"; vẫn sửa được cho đến khi chốt biên bản, và mở lại được ở bước "3. Kết thúc".</p>
          <p>{stored.endTime ? `Giờ kết thúc đã ghi: ${stored.endTime}.` : 'Chưa ghi giờ kết thúc: ứng dụng ghi giờ hiện tại.'}</p>
        </AskDialog>
      ) : null}
    </>
  );
}
