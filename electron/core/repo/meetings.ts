import type { Database } from 'better-sqlite3';
import type { Attendance, Meeting, MeetingCounts, MeetingKind, MeetingRecord, MeetingStatus, MeetingSummary, Session } from '../../shared/domain';
import { COUNT_KEYS, EMPTY_COUNTS } from '../../shared/domain';
import { UserError } from '../../shared/result';
import { audit } from './audit';
import { bool, parseStringList } from './json';
import { listAttendees, listGroups } from './roster';
import { listRecommendations, listReplies, listSpeeches } from './items';
import { listPhotos } from './photos';
import { getTiming, hasTiming } from './timing';
import { indexItem, unindexMeeting } from '../search/search';

type MeetingRow = {
  id: number;
  title: string;
  kind: string;
  organizer: string;
  audience: string;
  locality: string;
  date: string | null;
  start_time: string | null;
  end_time: string | null;
  location: string;
  secretary: string;
  status: MeetingStatus;
  locked: number;
  revision: number;
  doc_number: number | null;
  headline: string;
  session: string | null;
  legal_basis_json: string;
  purpose: string;
  compiled_by: string;
  attendance_text: string;
  attendance_count: number | null;
  counts_json: string;
  byline: string;
  published_at: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
};

/** A damaged counts value reads as "count what was recorded", never as a crash. */
export function parseCounts(json: string): MeetingCounts {
  let v: unknown;
  try {
    v = JSON.parse(json);
  } catch {
    return { ...EMPTY_COUNTS };
  }
  const out: MeetingCounts = { ...EMPTY_COUNTS };
  if (v && typeof v === 'object')
    for (const k of COUNT_KEYS) {
      const n = (v as Record<string, unknown>)[k];
      out[k] = typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : null;
    }
  return out;
}

const toMeeting = (r: MeetingRow): Meeting => ({
  id: r.id,
  title: r.title,
  kind: r.kind as MeetingKind,
  organizer: r.organizer,
  audience: r.audience,
  locality: r.locality,
  date: r.date,
  startTime: r.start_time,
  endTime: r.end_time,
  location: r.location,
  secretary: r.secretary,
  status: r.status,
  locked: bool(r.locked),
  revision: r.revision,
  docNumber: r.doc_number,
  headline: r.headline,
  session: (r.session as Session | null) ?? null,
  legalBasis: parseStringList(r.legal_basis_json),
  purpose: r.purpose,
  compiledBy: r.compiled_by,
  attendance: { text: r.attendance_text, count: r.attendance_count },
  counts: parseCounts(r.counts_json),
  byline: r.byline,
  publishedAt: r.published_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** What a meeting's editor may change: everything but its identity, status, lock and timestamps. */
export type MeetingFields = Omit<Meeting, 'id' | 'status' | 'locked' | 'revision' | 'createdAt' | 'updatedAt'>;

/** Column name and how the value is stored; `attendance` spans two columns. */
const COLUMNS: Record<Exclude<keyof MeetingFields, 'attendance'>, string> = {
  title: 'title',
  kind: 'kind',
  headline: 'headline',
  session: 'session',
  legalBasis: 'legal_basis_json',
  purpose: 'purpose',
  compiledBy: 'compiled_by',
  counts: 'counts_json',
  byline: 'byline',
  publishedAt: 'published_at',
  organizer: 'organizer',
  audience: 'audience',
  locality: 'locality',
  date: 'date',
  startTime: 'start_time',
  endTime: 'end_time',
  location: 'location',
  secretary: 'secretary',
  docNumber: 'doc_number',
};

export function createMeeting(db: Database, at: string, fields: Partial<MeetingFields>): Meeting {
  const info = db.prepare('INSERT INTO meetings (created_at, updated_at) VALUES (?, ?)').run(at, at);
  const id = Number(info.lastInsertRowid);
  if (Object.keys(fields).length) writeMeetingFields(db, id, fields, at);
  audit(db, at, id, 'meeting', id, 'create');
  reindexMeeting(db, id);
  return getMeeting(db, id);
}

export function getMeeting(db: Database, id: number, opts: { includeDeleted?: boolean } = {}): Meeting {
  const r = db.prepare('SELECT * FROM meetings WHERE id = ?').get(id) as MeetingRow | undefined;
  if (!r || (r.deleted_at && !opts.includeDeleted)) throw new UserError('not_found', 'Không tìm thấy hội nghị này (có thể đã bị xóa).');
  return toMeeting(r);
}

/** The columns of a meeting's line in a list (Home, trash), with its live recommendation count. */
const SUMMARY_COLUMNS = `m.id, m.title, m.kind, m.date, m.start_time, m.location, m.status, m.updated_at, m.deleted_at, m.locked,
  (SELECT count(*) FROM recommendations r WHERE r.meeting_id = m.id AND r.deleted_at IS NULL) AS rec_count`;
type SummaryRow = Pick<MeetingRow, 'id' | 'title' | 'kind' | 'date' | 'start_time' | 'location' | 'status' | 'updated_at' | 'deleted_at' | 'locked'> & { rec_count: number };

const toSummary = (r: SummaryRow): MeetingSummary => ({
  id: r.id,
  title: r.title,
  kind: r.kind as MeetingKind,
  date: r.date,
  startTime: r.start_time,
  location: r.location,
  status: r.status,
  updatedAt: r.updated_at,
  recommendationCount: r.rec_count,
});

export function listMeetings(db: Database, limit = 200): MeetingSummary[] {
  const rows = db
    .prepare(`SELECT ${SUMMARY_COLUMNS} FROM meetings m WHERE m.deleted_at IS NULL ORDER BY m.updated_at DESC, m.id DESC LIMIT ?`)
    .all(limit) as SummaryRow[];
  return rows.map(toSummary);
}

/** Refuses changes to a locked record; the reliability layer adds unlock-with-reason. */
export function assertEditable(db: Database, meetingId: number): Meeting {
  const m = getMeeting(db, meetingId);
  if (m.locked)
    throw new UserError('locked', 'Biên bản của hội nghị này đã được chốt nên không sửa được. Muốn sửa, hãy mở khóa và ghi lý do.');
  return m;
}

/**
 * Every change to a meeting's content goes through here, so "updated" and the revision stay true:
 * the first change after an unlock raises the revision (one per unlock, not one per keystroke).
 */
export function touchMeeting(db: Database, meetingId: number, at: string): void {
  db.prepare('UPDATE meetings SET updated_at = ?, revision = revision + revision_pending, revision_pending = 0 WHERE id = ?').run(at, meetingId);
}

/** Chốt biên bản: the meeting is closed and its record locked. The first lock is revision 1. */
export function finalizeMeeting(db: Database, at: string, id: number): Meeting {
  const m = getMeeting(db, id);
  if (m.locked) return m;
  db.prepare(
    "UPDATE meetings SET status = 'closed', locked = 1, locked_at = ?, revision = max(revision, 1), revision_pending = 0, updated_at = ? WHERE id = ?",
  ).run(at, at, id);
  audit(db, at, id, 'meeting', id, 'lock', `Chốt biên bản (lần sửa đổi ${Math.max(m.revision, 1)})`);
  return getMeeting(db, id);
}

/** Opening a locked record again needs a reason, which the audit log keeps. */
export function unlockMeeting(db: Database, at: string, id: number, reason: string): Meeting {
  const m = getMeeting(db, id);
  if (!m.locked) return m;
  if (!reason.trim()) throw new UserError('validation', 'Hãy ghi lý do mở khóa biên bản.', { reason: 'Cần ghi lý do.' });
  db.prepare('UPDATE meetings SET locked = 0, revision_pending = 1, updated_at = ? WHERE id = ?').run(at, id);
  audit(db, at, id, 'meeting', id, 'unlock', reason.trim());
  return getMeeting(db, id);
}

export function updateMeeting(db: Database, at: string, id: number, patch: Partial<MeetingFields>): Meeting {
  const cur = assertEditable(db, id);
  const next = { ...cur, ...patch };
  if (next.startTime && next.endTime && next.endTime < next.startTime)
    throw new UserError('validation', `Giờ kết thúc (${next.endTime}) đang trước giờ bắt đầu (${next.startTime}). Hãy kiểm tra lại.`, {
      endTime: 'Giờ kết thúc phải sau giờ bắt đầu.',
    });
  writeMeetingFields(db, id, patch, at);
  touchMeeting(db, id, at);
  audit(db, at, id, 'meeting', id, 'update', Object.keys(patch).join(', '));
  reindexMeeting(db, id);
  return getMeeting(db, id);
}

/** Writes the given fields only (no audit, no revision): the callers add those. */
export function writeMeetingFields(db: Database, id: number, fields: Partial<MeetingFields>, at: string): void {
  const sets: string[] = [];
  const values: unknown[] = [];
  for (const k of Object.keys(fields) as (keyof MeetingFields)[]) {
    const v = fields[k];
    if (v === undefined) continue;
    if (k === 'attendance') {
      const a = v as Attendance;
      sets.push('attendance_text = ?', 'attendance_count = ?');
      values.push(a.text, a.count);
    } else if (k in COLUMNS) {
      sets.push(`${COLUMNS[k]} = ?`);
      values.push(k === 'legalBasis' || k === 'counts' ? JSON.stringify(v) : (v ?? null));
    }
  }
  if (!sets.length) return;
  db.prepare(`UPDATE meetings SET ${sets.join(', ')}, updated_at = ? WHERE id = ?`).run(...values, at, id);
}

export function setStatus(db: Database, at: string, id: number, status: MeetingStatus): Meeting {
  assertEditable(db, id);
  db.prepare('UPDATE meetings SET status = ?, updated_at = ? WHERE id = ?').run(status, at, id);
  touchMeeting(db, id, at);
  audit(db, at, id, 'meeting', id, 'status', status);
  return getMeeting(db, id);
}

export function removeMeeting(db: Database, at: string, id: number): void {
  assertEditable(db, id);
  db.prepare('UPDATE meetings SET deleted_at = ? WHERE id = ?').run(at, id);
  audit(db, at, id, 'meeting', id, 'remove');
  unindexMeeting(db, id);
}

/**
 * Starts the meeting in one step: the clock's time is used only when no start time is stored, so a
 * time the secretary typed (and saved) a moment before pressing "Bắt đầu" always wins.
 */
export function startMeeting(db: Database, at: string, id: number, clockTime: string): Meeting {
  assertEditable(db, id);
  db.prepare("UPDATE meetings SET start_time = coalesce(nullif(start_time, ''), ?), status = 'live', updated_at = ? WHERE id = ?").run(clockTime, at, id);
  touchMeeting(db, id, at);
  audit(db, at, id, 'meeting', id, 'status', 'live');
  return getMeeting(db, id);
}

/** The oldest deletion still kept: a meeting deleted before this is purged. */
export function trashCutoff(at: string, days: number): string {
  return new Date(Date.parse(at) - days * 24 * 3600 * 1000).toISOString();
}

/**
 * Deleted meetings are kept for `days` days, then removed for good with everything in them
 * (the foreign keys cascade). A locked record is never purged: it was signed, and it can only be
 * deleted after an unlock anyway. Returns how many were purged.
 */
export function purgeTrash(db: Database, at: string, days: number): number {
  const cutoff = trashCutoff(at, days);
  const old = db.prepare('SELECT id FROM meetings WHERE deleted_at IS NOT NULL AND deleted_at < ? AND locked = 0').all(cutoff) as { id: number }[];
  for (const { id } of old) {
    unindexMeeting(db, id);
    db.prepare('DELETE FROM meetings WHERE id = ?').run(id);
    audit(db, at, null, 'meeting', id, 'purge');
  }
  return old.length;
}

export function listTrash(db: Database, days: number): (MeetingSummary & { deletedAt: string; purgeAt: string; locked: boolean })[] {
  const rows = db
    .prepare(`SELECT ${SUMMARY_COLUMNS} FROM meetings m WHERE m.deleted_at IS NOT NULL ORDER BY m.deleted_at DESC, m.id DESC`)
    .all() as (SummaryRow & { deleted_at: string })[];
  return rows.map((r) => ({
    ...toSummary(r),
    deletedAt: r.deleted_at,
    purgeAt: new Date(Date.parse(r.deleted_at) + days * 24 * 3600 * 1000).toISOString(),
    locked: bool(r.locked),
  }));
}

export function restoreMeeting(db: Database, at: string, id: number): Meeting {
  getMeeting(db, id, { includeDeleted: true });
  db.prepare('UPDATE meetings SET deleted_at = NULL, updated_at = ? WHERE id = ?').run(at, id);
  audit(db, at, id, 'meeting', id, 'restore');
  reindexWholeMeeting(db, id);
  return getMeeting(db, id);
}

export function reindexMeeting(db: Database, id: number): void {
  const m = getMeeting(db, id, { includeDeleted: true });
  indexItem(db, 'meeting', id, id, [m.title, m.headline, m.organizer, m.audience, m.locality, m.location, m.purpose, m.compiledBy, m.attendance.text, ...m.legalBasis]);
}

/** Rebuilds every index row of one meeting (after an import or a restore). */
export function reindexWholeMeeting(db: Database, id: number): void {
  const rec = getRecord(db, id);
  reindexMeeting(db, id);
  for (const a of rec.attendees) indexItem(db, 'attendee', a.id, id, [a.fullName, a.titles.join(', '), a.organization]);
  for (const s of rec.speeches) indexItem(db, 'speech', s.id, id, [s.speakerText, s.summary, ...s.directions]);
  for (const r of rec.recommendations) indexItem(db, 'recommendation', r.id, id, [r.raisedByText, r.unit, r.topic, r.content, r.shortPhrase]);
  for (const r of rec.replies) indexItem(db, 'reply', r.id, id, [r.responderText, r.agency, r.content]);
}

export function getRecord(db: Database, id: number): MeetingRecord {
  return {
    meeting: getMeeting(db, id),
    attendees: listAttendees(db, id),
    groups: listGroups(db, id),
    speeches: listSpeeches(db, id),
    recommendations: listRecommendations(db, id),
    replies: listReplies(db, id),
    photos: listPhotos(db, id),
    ...timingPart(db, id),
  };
}

/** The speaking timers' part of the record, only when the meeting has one (migration 006). */
function timingPart(db: Database, id: number): Pick<MeetingRecord, 'timing'> {
  const timing = getTiming(db, id);
  return hasTiming(timing) ? { timing } : {};
}

/** Meeting-wide order of events: the next number after every speech, recommendation and reply. */
export function nextSeq(db: Database, meetingId: number): number {
  const r = db
    .prepare(
      `SELECT max(s) AS s FROM (
         SELECT max(seq) AS s FROM speeches WHERE meeting_id = @m
         UNION ALL SELECT max(seq) FROM recommendations WHERE meeting_id = @m
         UNION ALL SELECT max(seq) FROM replies WHERE meeting_id = @m)`,
    )
    .get({ m: meetingId }) as { s: number | null };
  return (r.s ?? 0) + 1;
}
