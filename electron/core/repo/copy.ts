import type { Database } from 'better-sqlite3';
import type { Meeting, OrgProfile } from '../../shared/domain';
import { MEETING_TEMPLATES, unitOfProfile, type TemplateId } from '../../shared/templates';
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

/** A new meeting from a template, worded for the office's own unit (see shared/templates.ts). */
export function createFromTemplate(db: Database, at: string, id: TemplateId, profile: OrgProfile | null, fields: Partial<MeetingFields>): Meeting {
  const t = MEETING_TEMPLATES[id];
  const unit = unitOfProfile(profile);
  const organizer = profile?.issuingBody.trim() ? organizerName(profile.issuingBody) : '';
  const m = createMeeting(db, at, { kind: t.kind, title: t.title(unit), audience: t.audience(unit), locality: unit, organizer, ...fields });
  for (const g of t.groups(unit)) addGroup(db, at, m.id, g.text, g.role);
  return getMeeting(db, m.id);
}

/** "UBND PHƯỜNG TÂY TỰU" as it stands in a sentence: "UBND phường Tây Tựu" (Phụ lục II). */
export function organizerName(issuingBody: string): string {
  const body = issuingBody.normalize('NFC').trim();
  const m = /^(UBND|HĐND|ỦY BAN NHÂN DÂN|ĐẢNG ỦY|ĐẢNG UỶ|TỈNH ỦY|THÀNH ỦY|QUẬN ỦY|HUYỆN ỦY)\s+(.*)$/u.exec(body.toLocaleUpperCase('vi'));
  if (!m) return body;
  const head = m[1]!;
  const rest = unitOfProfile({ issuingBody: body, level: 'commune' });
  const lead = /^(UBND|HĐND)$/u.test(head) ? head : head.toLocaleLowerCase('vi').replace(/^./u, (c) => c.toLocaleUpperCase('vi'));
  // "Đảng ủy phường Tây Tựu", "Tỉnh ủy Lai Châu": a Party committee of a tỉnh/thành is named by the place alone.
  if (/ỦY|UỶ/u.test(head) && head !== 'ĐẢNG ỦY' && head !== 'ĐẢNG UỶ') return `${lead} ${rest.replace(/^(tỉnh|thành phố|quận|huyện)\s+/u, '')}`.trim();
  return `${lead} ${rest}`.trim();
}
