import type { Database } from 'better-sqlite3';
import type { Meeting } from '../../shared/domain';
import { addAttendee, addGroup, listAttendees, listGroups } from './roster';
import { createMeeting, getMeeting, type MeetingFields } from './meetings';

/**
 * "Hội nghị mới" as a copy of an earlier one: the same organiser, audience, place and roster
 * (titles as written then), but none of what was said. Date and times are left for the new day.
 */
export function copyMeetingSetup(db: Database, at: string, fromId: number, fields: Partial<MeetingFields>): Meeting {
  const src = getMeeting(db, fromId);
  const m = createMeeting(db, at, {
    title: src.title,
    organizer: src.organizer,
    audience: src.audience,
    locality: src.locality,
    location: src.location,
    secretary: src.secretary,
    ...fields,
  });
  for (const a of listAttendees(db, fromId)) addAttendee(db, at, { meetingId: m.id, personId: a.personId, role: a.role, titles: a.titles });
  for (const g of listGroups(db, fromId)) addGroup(db, at, m.id, g.text, g.role);
  return getMeeting(db, m.id);
}
