// The events of a meeting: speeches (opening, report, conclusion), recommendations and replies.
// They share one life cycle (create at the next timeline position, patch field by field while the
// secretary types, soft remove, restore), so one table spec drives all three.
import type { Database } from 'better-sqlite3';
import type { Phase, Recommendation, Reply, ReplyKind, Speech, SpeechKind } from '../../shared/domain';
import { UserError } from '../../shared/result';
import { audit } from './audit';
import { bool, int, parseStringList } from './json';
import { assertEditable, nextSeq, touchMeeting } from './meetings';
import { indexItem, unindexItem, type SearchEntity } from '../search/search';

type Row = Record<string, unknown> & { id: number; meeting_id: number };

type Spec<T extends { id: number; meetingId: number }> = {
  table: string;
  entity: SearchEntity;
  /** Vietnamese name for messages: "kiến nghị", "ý kiến trả lời" … */
  label: string;
  /** Domain field -> column, with the conversion to the stored value. */
  columns: Record<string, [column: string, toDb: (v: never) => unknown]>;
  fromRow: (r: Row, db: Database) => T;
  indexParts: (t: T) => string[];
  /** Fields that point at an attendee, with the role named in messages ("người phát biểu"). */
  attendeeFields: Record<string, string>;
};

const same = (v: never): unknown => v;
const asJson = (v: never): unknown => JSON.stringify(v);
const asInt = (v: never): unknown => int(v as boolean);

function list<T extends { id: number; meetingId: number }>(db: Database, spec: Spec<T>, meetingId: number): T[] {
  const rows = db.prepare(`SELECT * FROM ${spec.table} WHERE meeting_id = ? AND deleted_at IS NULL ORDER BY seq, id`).all(meetingId) as Row[];
  return rows.map((r) => spec.fromRow(r, db));
}

function get<T extends { id: number; meetingId: number }>(db: Database, spec: Spec<T>, id: number, includeDeleted = false): T {
  const r = db.prepare(`SELECT * FROM ${spec.table} WHERE id = ?${includeDeleted ? '' : ' AND deleted_at IS NULL'}`).get(id) as Row | undefined;
  if (!r) throw new UserError('not_found', `Không tìm thấy ${spec.label} này (có thể đã bị xóa).`);
  return spec.fromRow(r, db);
}

/**
 * A raiser, speaker or responder must be an attendee of the same meeting. The foreign key alone
 * would accept another meeting's attendee (the documents would then name a stranger) and would
 * turn an id that does not exist into an "internal" error. An attendee later removed from the
 * list (soft delete) still belongs to the meeting, so an item that names one keeps saving.
 */
function checkAttendees<T extends { id: number; meetingId: number }>(db: Database, spec: Spec<T>, meetingId: number, fields: Record<string, unknown>): void {
  for (const [field, role] of Object.entries(spec.attendeeFields)) {
    const id = fields[field];
    if (id === undefined || id === null) continue;
    const a = db.prepare('SELECT meeting_id FROM attendees WHERE id = ?').get(id) as { meeting_id: number } | undefined;
    if (!a)
      throw new UserError('not_found', `Không tìm thấy đại biểu được chọn làm ${role} (có thể đã bị xóa hẳn). Hãy chọn lại từ danh sách đại biểu.`, {
        [field]: 'Không tìm thấy đại biểu này.',
      });
    if (a.meeting_id !== meetingId)
      throw new UserError('validation', `Đại biểu được chọn làm ${role} không thuộc hội nghị này. Hãy chọn lại từ danh sách đại biểu của hội nghị.`, {
        [field]: 'Đại biểu không thuộc hội nghị này.',
      });
  }
}

function writePatch<T extends { id: number; meetingId: number }>(db: Database, spec: Spec<T>, id: number, patch: Record<string, unknown>, at: string): void {
  const keys = Object.keys(patch).filter((k) => k in spec.columns && patch[k] !== undefined);
  if (!keys.length) return;
  // `keys` holds only names of spec.columns (filtered above).
  const sets = keys.map((k) => `${spec.columns[k]![0]} = ?`).join(', ');
  const values = keys.map((k) => spec.columns[k]![1](patch[k] as never));
  db.prepare(`UPDATE ${spec.table} SET ${sets}, updated_at = ? WHERE id = ?`).run(...values, at, id);
}

function create<T extends { id: number; meetingId: number }>(
  db: Database,
  spec: Spec<T>,
  at: string,
  meetingId: number,
  fixed: Record<string, unknown>,
  fields: Record<string, unknown>,
): T {
  assertEditable(db, meetingId);
  checkAttendees(db, spec, meetingId, fields);
  const cols = Object.keys(fixed);
  const info = db
    .prepare(`INSERT INTO ${spec.table} (meeting_id, ${cols.join(', ')}, seq, updated_at) VALUES (?, ${cols.map(() => '?').join(', ')}, ?, ?)`)
    .run(meetingId, ...cols.map((c) => fixed[c]), nextSeq(db, meetingId), at);
  const id = Number(info.lastInsertRowid);
  writePatch(db, spec, id, fields, at);
  touchMeeting(db, meetingId, at);
  audit(db, at, meetingId, spec.entity, id, 'create');
  const t = get(db, spec, id);
  indexItem(db, spec.entity, id, meetingId, spec.indexParts(t));
  return t;
}

function update<T extends { id: number; meetingId: number }>(db: Database, spec: Spec<T>, at: string, id: number, patch: Record<string, unknown>): T {
  const cur = get(db, spec, id);
  assertEditable(db, cur.meetingId);
  checkAttendees(db, spec, cur.meetingId, patch);
  writePatch(db, spec, id, patch, at);
  touchMeeting(db, cur.meetingId, at);
  audit(db, at, cur.meetingId, spec.entity, id, 'update', Object.keys(patch).join(', '));
  const t = get(db, spec, id);
  indexItem(db, spec.entity, id, t.meetingId, spec.indexParts(t));
  return t;
}

function remove<T extends { id: number; meetingId: number }>(db: Database, spec: Spec<T>, at: string, id: number): void {
  const cur = get(db, spec, id);
  assertEditable(db, cur.meetingId);
  db.prepare(`UPDATE ${spec.table} SET deleted_at = ? WHERE id = ?`).run(at, id);
  touchMeeting(db, cur.meetingId, at);
  audit(db, at, cur.meetingId, spec.entity, id, 'remove');
  unindexItem(db, spec.entity, id);
}

function restore<T extends { id: number; meetingId: number }>(db: Database, spec: Spec<T>, at: string, id: number): T {
  const cur = get(db, spec, id, true);
  assertEditable(db, cur.meetingId);
  db.prepare(`UPDATE ${spec.table} SET deleted_at = NULL, updated_at = ? WHERE id = ?`).run(at, id);
  touchMeeting(db, cur.meetingId, at);
  audit(db, at, cur.meetingId, spec.entity, id, 'restore');
  const t = get(db, spec, id);
  indexItem(db, spec.entity, id, t.meetingId, spec.indexParts(t));
  return t;
}

// ---- speeches -------------------------------------------------------------------------------

const speechSpec: Spec<Speech> = {
  table: 'speeches',
  entity: 'speech',
  label: 'phát biểu',
  columns: {
    speakerAttendeeId: ['speaker_attendee_id', same],
    speakerText: ['speaker_text', same],
    summary: ['summary', same],
    directions: ['directions_json', asJson],
    at: ['at', same],
  },
  fromRow: (r) => ({
    id: r.id,
    meetingId: r.meeting_id,
    kind: r.kind as SpeechKind,
    speakerAttendeeId: r.speaker_attendee_id as number | null,
    speakerText: r.speaker_text as string,
    summary: r.summary as string,
    directions: parseStringList(r.directions_json as string),
    at: r.at as string | null,
    seq: r.seq as number,
  }),
  indexParts: (s) => [s.speakerText, s.summary, ...s.directions],
  attendeeFields: { speakerAttendeeId: 'người phát biểu' },
};

export type SpeechFields = Pick<Speech, 'speakerAttendeeId' | 'speakerText' | 'summary' | 'directions' | 'at'>;

export const listSpeeches = (db: Database, meetingId: number): Speech[] => list(db, speechSpec, meetingId);
export const getSpeech = (db: Database, id: number): Speech => get(db, speechSpec, id);
export const createSpeech = (db: Database, at: string, meetingId: number, kind: SpeechKind, fields: Partial<SpeechFields>): Speech =>
  create(db, speechSpec, at, meetingId, { kind }, fields);
export const updateSpeech = (db: Database, at: string, id: number, patch: Partial<SpeechFields>): Speech => update(db, speechSpec, at, id, patch);
export const removeSpeech = (db: Database, at: string, id: number): void => remove(db, speechSpec, at, id);
export const restoreSpeech = (db: Database, at: string, id: number): Speech => restore(db, speechSpec, at, id);

// ---- recommendations ------------------------------------------------------------------------

const recSpec: Spec<Recommendation> = {
  table: 'recommendations',
  entity: 'recommendation',
  label: 'kiến nghị',
  columns: {
    phase: ['phase', same],
    raisedByAttendeeId: ['raised_by_attendee_id', same],
    raisedByText: ['raised_by_text', same],
    unit: ['unit', same],
    topic: ['topic', same],
    content: ['content', same],
    shortPhrase: ['short_phrase', same],
    inArticle: ['in_article', asInt],
    raisedAt: ['raised_at', same],
  },
  fromRow: (r) => ({
    id: r.id,
    meetingId: r.meeting_id,
    phase: r.phase as Phase,
    raisedByAttendeeId: r.raised_by_attendee_id as number | null,
    raisedByText: r.raised_by_text as string,
    unit: r.unit as string,
    topic: r.topic as string,
    content: r.content as string,
    shortPhrase: r.short_phrase as string,
    inArticle: bool(r.in_article),
    raisedAt: r.raised_at as string | null,
    seq: r.seq as number,
  }),
  indexParts: (r) => [r.raisedByText, r.unit, r.topic, r.content, r.shortPhrase],
  attendeeFields: { raisedByAttendeeId: 'người kiến nghị' },
};

export type RecFields = Omit<Recommendation, 'id' | 'meetingId' | 'seq'>;

export const listRecommendations = (db: Database, meetingId: number): Recommendation[] => list(db, recSpec, meetingId);
export const getRecommendation = (db: Database, id: number): Recommendation => get(db, recSpec, id);
export const createRecommendation = (db: Database, at: string, meetingId: number, phase: Phase, fields: Partial<RecFields>): Recommendation =>
  create(db, recSpec, at, meetingId, { phase }, fields);
export const updateRecommendation = (db: Database, at: string, id: number, patch: Partial<RecFields>): Recommendation => update(db, recSpec, at, id, patch);
export const removeRecommendation = (db: Database, at: string, id: number): void => remove(db, recSpec, at, id);
export const restoreRecommendation = (db: Database, at: string, id: number): Recommendation => restore(db, recSpec, at, id);

// ---- replies --------------------------------------------------------------------------------

const replySpec: Spec<Reply> = {
  table: 'replies',
  entity: 'reply',
  label: 'ý kiến trả lời',
  columns: {
    responderAttendeeId: ['responder_attendee_id', same],
    responderText: ['responder_text', same],
    content: ['content', same],
    repliedAt: ['replied_at', same],
    kind: ['kind', same],
    agency: ['agency', same],
    deadline: ['deadline', same],
  },
  fromRow: (r, db) => ({
    id: r.id,
    meetingId: r.meeting_id,
    responderAttendeeId: r.responder_attendee_id as number | null,
    responderText: r.responder_text as string,
    content: r.content as string,
    repliedAt: r.replied_at as string | null,
    kind: r.kind as ReplyKind,
    agency: r.agency as string,
    deadline: r.deadline as string | null,
    recommendationIds: (
      db.prepare('SELECT recommendation_id AS id FROM reply_links WHERE reply_id = ? ORDER BY recommendation_id').all(r.id) as { id: number }[]
    ).map((x) => x.id),
    seq: r.seq as number,
  }),
  indexParts: (r) => [r.responderText, r.agency, r.content],
  attendeeFields: { responderAttendeeId: 'người trả lời' },
};

export type ReplyFields = Omit<Reply, 'id' | 'meetingId' | 'seq'>;

function setLinks(db: Database, replyId: number, meetingId: number, recIds: number[]): void {
  for (const recId of recIds) {
    const rec = db.prepare('SELECT meeting_id FROM recommendations WHERE id = ?').get(recId) as { meeting_id: number } | undefined;
    if (!rec) throw new UserError('not_found', 'Ý kiến trả lời gắn với một kiến nghị không còn (có thể đã bị xóa hẳn). Hãy tải lại màn hình rồi chọn lại kiến nghị.');
    if (rec.meeting_id !== meetingId) throw new UserError('validation', 'Ý kiến trả lời gắn với một kiến nghị không thuộc hội nghị này. Hãy chọn lại kiến nghị.');
  }
  db.prepare('DELETE FROM reply_links WHERE reply_id = ?').run(replyId);
  const ins = db.prepare('INSERT OR IGNORE INTO reply_links (reply_id, recommendation_id) VALUES (?, ?)');
  for (const recId of recIds) ins.run(replyId, recId);
}

export const listReplies = (db: Database, meetingId: number): Reply[] => list(db, replySpec, meetingId);
export const getReply = (db: Database, id: number): Reply => get(db, replySpec, id);

export function createReply(db: Database, at: string, meetingId: number, fields: Partial<ReplyFields>): Reply {
  const { recommendationIds, ...rest } = fields;
  const r = create(db, replySpec, at, meetingId, { kind: rest.kind ?? 'on_spot' }, rest);
  if (recommendationIds?.length) setLinks(db, r.id, meetingId, recommendationIds);
  return getReply(db, r.id);
}

export function updateReply(db: Database, at: string, id: number, patch: Partial<ReplyFields>): Reply {
  const { recommendationIds, ...rest } = patch;
  const r = update(db, replySpec, at, id, rest);
  if (recommendationIds) setLinks(db, id, r.meetingId, recommendationIds);
  return getReply(db, id);
}

export const removeReply = (db: Database, at: string, id: number): void => remove(db, replySpec, at, id);
export const restoreReply = (db: Database, at: string, id: number): Reply => restore(db, replySpec, at, id);
