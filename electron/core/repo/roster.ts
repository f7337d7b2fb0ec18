import type { Database } from 'better-sqlite3';
import type { Attendee, AttendeeGroup, GroupRole, Presence, Role } from '../../shared/domain';
import { UserError } from '../../shared/result';
import { audit } from './audit';
import { parseStringList } from './json';
import { assertEditable, touchMeeting } from './meetings';
import { createPerson, getPerson, type NewPerson } from './people';
import { indexItem, unindexItem } from '../search/search';

type AttendeeRow = {
  id: number;
  meeting_id: number;
  person_id: number;
  full_name: string;
  organization: string;
  rank: number;
  titles_json: string;
  role: Role;
  presence: Presence;
  reason: string;
  sort_order: number;
};

const SELECT_ATTENDEE = `SELECT a.id, a.meeting_id, a.person_id, p.full_name, p.organization, p.rank, a.titles_json, a.role,
  a.presence, a.reason, a.sort_order FROM attendees a JOIN people p ON p.id = a.person_id`;

const toAttendee = (r: AttendeeRow): Attendee => ({
  id: r.id,
  meetingId: r.meeting_id,
  personId: r.person_id,
  fullName: r.full_name,
  titles: parseStringList(r.titles_json),
  organization: r.organization,
  role: r.role,
  presence: r.presence,
  reason: r.reason,
  sortOrder: r.sort_order,
});

export function listAttendees(db: Database, meetingId: number): Attendee[] {
  return (db.prepare(`${SELECT_ATTENDEE} WHERE a.meeting_id = ? AND a.deleted_at IS NULL ORDER BY a.sort_order, a.id`).all(meetingId) as AttendeeRow[]).map(
    toAttendee,
  );
}

export function getAttendee(db: Database, id: number): Attendee {
  const r = db.prepare(`${SELECT_ATTENDEE} WHERE a.id = ? AND a.deleted_at IS NULL`).get(id) as AttendeeRow | undefined;
  if (!r) throw new UserError('not_found', 'Không tìm thấy đại biểu này trong danh sách (có thể đã bị xóa).');
  return toAttendee(r);
}

export function addAttendee(
  db: Database,
  at: string,
  input: { meetingId: number; personId?: number; newPerson?: NewPerson; role: Role; presence?: Presence; titles?: string[] },
): Attendee {
  assertEditable(db, input.meetingId);
  const person = input.personId !== undefined ? getPerson(db, input.personId) : createPerson(db, at, input.newPerson!);
  const dup = db.prepare('SELECT id FROM attendees WHERE meeting_id = ? AND person_id = ? AND deleted_at IS NULL').get(input.meetingId, person.id);
  if (dup) throw new UserError('duplicate', `${person.fullName} đã có trong danh sách đại biểu của hội nghị này.`);
  const order = (db.prepare('SELECT coalesce(max(sort_order), 0) + 1 AS n FROM attendees WHERE meeting_id = ?').get(input.meetingId) as { n: number }).n;
  const info = db
    .prepare('INSERT INTO attendees (meeting_id, person_id, titles_json, role, presence, sort_order) VALUES (?, ?, ?, ?, ?, ?)')
    .run(input.meetingId, person.id, JSON.stringify(input.titles ?? person.titles), input.role, input.presence ?? 'present', order);
  const a = getAttendee(db, Number(info.lastInsertRowid));
  touchMeeting(db, input.meetingId, at);
  audit(db, at, input.meetingId, 'attendee', a.id, 'create', a.fullName);
  indexAttendee(db, a);
  return a;
}

export function updateAttendee(
  db: Database,
  at: string,
  id: number,
  patch: Partial<{ titles: string[]; role: Role; presence: Presence; reason: string }>,
): Attendee {
  const cur = getAttendee(db, id);
  assertEditable(db, cur.meetingId);
  const next = { ...cur, ...patch };
  db.prepare('UPDATE attendees SET titles_json = ?, role = ?, presence = ?, reason = ? WHERE id = ?').run(
    JSON.stringify(next.titles),
    next.role,
    next.presence,
    next.reason,
    id,
  );
  touchMeeting(db, cur.meetingId, at);
  audit(db, at, cur.meetingId, 'attendee', id, 'update', Object.keys(patch).join(', '));
  const a = getAttendee(db, id);
  indexAttendee(db, a);
  return a;
}

export function removeAttendee(db: Database, at: string, id: number): void {
  const cur = getAttendee(db, id);
  assertEditable(db, cur.meetingId);
  db.prepare('UPDATE attendees SET deleted_at = ? WHERE id = ?').run(at, id);
  touchMeeting(db, cur.meetingId, at);
  audit(db, at, cur.meetingId, 'attendee', id, 'remove', cur.fullName);
  unindexItem(db, 'attendee', id);
}

/** Undo of a removal. Refused when the same person was added again meanwhile (they are on the list). */
export function restoreAttendee(db: Database, at: string, id: number): Attendee {
  const r = db.prepare('SELECT meeting_id, person_id, deleted_at FROM attendees WHERE id = ?').get(id) as
    | { meeting_id: number; person_id: number; deleted_at: string | null }
    | undefined;
  if (!r) throw new UserError('not_found', 'Không tìm thấy đại biểu này để khôi phục.');
  assertEditable(db, r.meeting_id);
  if (r.deleted_at === null) return getAttendee(db, id);
  const dup = db.prepare('SELECT id FROM attendees WHERE meeting_id = ? AND person_id = ? AND deleted_at IS NULL').get(r.meeting_id, r.person_id);
  if (dup) throw new UserError('duplicate', 'Người này đã được thêm lại vào danh sách nên không cần khôi phục.');
  db.prepare('UPDATE attendees SET deleted_at = NULL WHERE id = ?').run(id);
  touchMeeting(db, r.meeting_id, at);
  const a = getAttendee(db, id);
  audit(db, at, r.meeting_id, 'attendee', id, 'restore', a.fullName);
  indexAttendee(db, a);
  return a;
}

/** Sets the protocol order to exactly `ids` (the drag or keyboard result); others keep their place after. */
export function reorderAttendees(db: Database, at: string, meetingId: number, ids: number[]): Attendee[] {
  assertEditable(db, meetingId);
  const current = listAttendees(db, meetingId);
  const known = new Set(current.map((a) => a.id));
  for (const id of ids) if (!known.has(id)) throw new UserError('validation', 'Danh sách sắp xếp có người không thuộc hội nghị này. Hãy tải lại màn hình.');
  const rest = current.filter((a) => !ids.includes(a.id)).map((a) => a.id);
  const stmt = db.prepare('UPDATE attendees SET sort_order = ? WHERE id = ?');
  [...ids, ...rest].forEach((id, i) => stmt.run(i + 1, id));
  touchMeeting(db, meetingId, at);
  audit(db, at, meetingId, 'attendee', null, 'reorder');
  return listAttendees(db, meetingId);
}

const ROLE_ORDER: Record<Role, number> = { guest: 0, chair: 1, host: 1, reporter: 1, responder: 2, delegate: 3 };

/** Protocol order: guests from the higher level first, then leaders by rank, then the rest. */
export function sortAttendeesByRank(db: Database, at: string, meetingId: number): Attendee[] {
  const rows = db
    .prepare(`${SELECT_ATTENDEE} WHERE a.meeting_id = ? AND a.deleted_at IS NULL`)
    .all(meetingId) as AttendeeRow[];
  rows.sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.rank - b.rank || a.sort_order - b.sort_order);
  return reorderAttendees(
    db,
    at,
    meetingId,
    rows.map((r) => r.id),
  );
}

function indexAttendee(db: Database, a: Attendee): void {
  indexItem(db, 'attendee', a.id, a.meetingId, [a.fullName, a.titles.join(', '), a.organization]);
}

type GroupRow = { id: number; meeting_id: number; text: string; role: GroupRole; sort_order: number };
const toGroup = (r: GroupRow): AttendeeGroup => ({ id: r.id, meetingId: r.meeting_id, text: r.text, role: r.role, sortOrder: r.sort_order });

export function listGroups(db: Database, meetingId: number): AttendeeGroup[] {
  return (
    db.prepare('SELECT id, meeting_id, text, role, sort_order FROM attendee_groups WHERE meeting_id = ? AND deleted_at IS NULL ORDER BY sort_order, id').all(meetingId) as GroupRow[]
  ).map(toGroup);
}

function getGroup(db: Database, id: number): AttendeeGroup {
  const r = db.prepare('SELECT id, meeting_id, text, role, sort_order FROM attendee_groups WHERE id = ? AND deleted_at IS NULL').get(id) as GroupRow | undefined;
  if (!r) throw new UserError('not_found', 'Không tìm thấy thành phần này (có thể đã bị xóa).');
  return toGroup(r);
}

export function addGroup(db: Database, at: string, meetingId: number, text: string, role: GroupRole): AttendeeGroup {
  assertEditable(db, meetingId);
  const order = (db.prepare('SELECT coalesce(max(sort_order), 0) + 1 AS n FROM attendee_groups WHERE meeting_id = ?').get(meetingId) as { n: number }).n;
  const info = db.prepare('INSERT INTO attendee_groups (meeting_id, text, role, sort_order) VALUES (?, ?, ?, ?)').run(meetingId, text, role, order);
  touchMeeting(db, meetingId, at);
  audit(db, at, meetingId, 'group', Number(info.lastInsertRowid), 'create', text);
  return getGroup(db, Number(info.lastInsertRowid));
}

export function updateGroup(db: Database, at: string, id: number, patch: Partial<{ text: string; role: GroupRole }>): AttendeeGroup {
  const cur = getGroup(db, id);
  assertEditable(db, cur.meetingId);
  const next = { ...cur, ...patch };
  db.prepare('UPDATE attendee_groups SET text = ?, role = ? WHERE id = ?').run(next.text, next.role, id);
  touchMeeting(db, cur.meetingId, at);
  audit(db, at, cur.meetingId, 'group', id, 'update');
  return getGroup(db, id);
}

export function removeGroup(db: Database, at: string, id: number): void {
  const cur = getGroup(db, id);
  assertEditable(db, cur.meetingId);
  db.prepare('UPDATE attendee_groups SET deleted_at = ? WHERE id = ?').run(at, id);
  touchMeeting(db, cur.meetingId, at);
  audit(db, at, cur.meetingId, 'group', id, 'remove', cur.text);
}

export function restoreGroup(db: Database, at: string, id: number): AttendeeGroup {
  const r = db.prepare('SELECT meeting_id FROM attendee_groups WHERE id = ?').get(id) as { meeting_id: number } | undefined;
  if (!r) throw new UserError('not_found', 'Không tìm thấy thành phần này để khôi phục.');
  assertEditable(db, r.meeting_id);
  db.prepare('UPDATE attendee_groups SET deleted_at = NULL WHERE id = ?').run(id);
  touchMeeting(db, r.meeting_id, at);
  audit(db, at, r.meeting_id, 'group', id, 'restore');
  return getGroup(db, id);
}
