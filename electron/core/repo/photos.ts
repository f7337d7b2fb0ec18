import type { Database } from 'better-sqlite3';
import type { PhotoEvent, PhotoMeta } from '../../shared/domain';
import { UserError } from '../../shared/result';
import type { ProcessedPhoto } from '../photos/process';
import { audit } from './audit';
import { bool, int } from './json';
import { assertEditable, touchMeeting } from './meetings';

type PhotoRow = {
  id: number;
  meeting_id: number;
  caption: string;
  event: PhotoEvent;
  mime: string;
  width: number;
  height: number;
  in_article: number;
  sort_order: number;
  created_at: string;
};

const META = 'id, meeting_id, caption, event, mime, width, height, in_article, sort_order, created_at';

const toMeta = (r: PhotoRow): PhotoMeta => ({
  id: r.id,
  meetingId: r.meeting_id,
  caption: r.caption,
  event: r.event,
  mime: r.mime,
  width: r.width,
  height: r.height,
  inArticle: bool(r.in_article),
  sortOrder: r.sort_order,
  createdAt: r.created_at,
});

export function listPhotos(db: Database, meetingId: number): PhotoMeta[] {
  return (db.prepare(`SELECT ${META} FROM photos WHERE meeting_id = ? AND deleted_at IS NULL ORDER BY sort_order, id`).all(meetingId) as PhotoRow[]).map(toMeta);
}

export function getPhoto(db: Database, id: number, includeDeleted = false): PhotoMeta {
  const r = db.prepare(`SELECT ${META} FROM photos WHERE id = ?${includeDeleted ? '' : ' AND deleted_at IS NULL'}`).get(id) as PhotoRow | undefined;
  if (!r) throw new UserError('not_found', 'Không tìm thấy ảnh này (có thể đã bị xóa).');
  return toMeta(r);
}

export type PhotoFields = { caption: string; event: PhotoEvent; inArticle: boolean };

export function insertPhoto(db: Database, at: string, meetingId: number, p: ProcessedPhoto, fields: Partial<PhotoFields>): PhotoMeta {
  assertEditable(db, meetingId);
  const order = (db.prepare('SELECT coalesce(max(sort_order), 0) + 1 AS n FROM photos WHERE meeting_id = ?').get(meetingId) as { n: number }).n;
  const info = db
    .prepare('INSERT INTO photos (meeting_id, caption, event, mime, width, height, in_article, data, thumb, sort_order, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
    .run(meetingId, fields.caption ?? '', fields.event ?? 'other', p.mime, p.width, p.height, int(fields.inArticle ?? true), p.data, p.thumb, order, at);
  const id = Number(info.lastInsertRowid);
  touchMeeting(db, meetingId, at);
  audit(db, at, meetingId, 'photo', id, 'create');
  return getPhoto(db, id);
}

export function updatePhoto(db: Database, at: string, id: number, patch: Partial<PhotoFields>): PhotoMeta {
  const cur = getPhoto(db, id);
  assertEditable(db, cur.meetingId);
  const next = { ...cur, ...patch };
  db.prepare('UPDATE photos SET caption = ?, event = ?, in_article = ? WHERE id = ?').run(next.caption, next.event, int(next.inArticle), id);
  touchMeeting(db, cur.meetingId, at);
  audit(db, at, cur.meetingId, 'photo', id, 'update');
  return getPhoto(db, id);
}

export function setPhotoDeleted(db: Database, at: string, id: number, deleted: boolean): PhotoMeta {
  const cur = getPhoto(db, id, true);
  assertEditable(db, cur.meetingId);
  db.prepare('UPDATE photos SET deleted_at = ? WHERE id = ?').run(deleted ? at : null, id);
  touchMeeting(db, cur.meetingId, at);
  audit(db, at, cur.meetingId, 'photo', id, deleted ? 'remove' : 'restore');
  return getPhoto(db, id, true);
}

export function photoBytes(db: Database, id: number, which: 'data' | 'thumb'): Buffer {
  const r = db.prepare(`SELECT ${which} AS b FROM photos WHERE id = ?`).get(id) as { b: Buffer } | undefined;
  if (!r) throw new UserError('not_found', 'Không tìm thấy ảnh này.');
  return r.b;
}
