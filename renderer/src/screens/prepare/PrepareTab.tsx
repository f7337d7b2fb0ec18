// The day before the meeting: details, roster, attendee groups, and the recommendations
// collected (and answered in writing) beforehand.
//
// The tab keeps its own copy of the record and updates it from each handler's answer, so a
// keystroke's save never reloads the whole meeting. A quiet reload a moment after the last
// change keeps the header and the other tabs current; an answer that arrives after a newer
// local change is ignored (the next reload brings it).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MeetingRecord } from '../../../../electron/shared/domain';
import type { MeetingTabProps } from '../MeetingScreen';
import { saveQueue } from '../../lib/save-queue';
import { DetailsSection } from './DetailsSection';
import { RosterSection } from './RosterSection';
import { GroupsSection } from './GroupsSection';
import { PreRecsSection } from './PreRecsSection';
import { ArticleDetailsSection } from './ArticleDetailsSection';
import { useUndo } from './undo';
import { LockedArea, LockedNotice } from '../../components/LockedNotice';
import './prepare.css';

export type Update = (fn: (r: MeetingRecord) => MeetingRecord) => void;

const SYNC_MS = 1200;

export function PrepareTab({ record, reload }: MeetingTabProps) {
  const [rec, setRec] = useState(record);
  const version = useRef(0);
  const accepted = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const reloadRef = useRef(reload);
  reloadRef.current = reload;

  useEffect(() => {
    if (version.current === accepted.current) setRec(record);
  }, [record]);

  const syncNow = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    accepted.current = version.current;
    await reloadRef.current();
  }, []);

  const update = useCallback<Update>(
    (fn) => {
      version.current++;
      setRec(fn);
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void syncNow(), SYNC_MS);
    },
    [syncNow],
  );

  // Leaving the tab: once the last typed text is written, the other tabs get the fresh record.
  useEffect(
    () => () => {
      if (timer.current) {
        clearTimeout(timer.current);
        void saveQueue.idle().then(() => reloadRef.current());
      }
    },
    [],
  );

  const { show, bar } = useUndo();
  const locked = rec.meeting.locked;
  return (
    <div className="prepare">
      <LockedNotice meeting={rec.meeting} />
      <LockedArea locked={locked}>
        <DetailsSection meeting={rec.meeting} attendees={rec.attendees} update={update} />
        <RosterSection meetingId={rec.meeting.id} attendees={rec.attendees} update={update} showUndo={show} onImported={syncNow} />
        <GroupsSection meetingId={rec.meeting.id} groups={rec.groups} update={update} showUndo={show} />
        <PreRecsSection meetingId={rec.meeting.id} recommendations={rec.recommendations} replies={rec.replies} update={update} showUndo={show} onImported={syncNow} />
        <ArticleDetailsSection key={rec.meeting.id} meeting={rec.meeting} update={update} />
      </LockedArea>
      {bar}
    </div>
  );
}
