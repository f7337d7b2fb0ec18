// Recording a change: each field that differs from the item's current state becomes one event of
// its append-only history, all in one transaction, then the item's meeting is re-folded.
import { createHash, randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import type { EventField } from '../../shared/followup';
import type { RegisterChangeSchema } from '../../shared/followup-schemas';
import { UserError } from '../../shared/result';
import { audit } from '../repo/audit';
import { conflictingUids, heads, type DocumentValue, type EventLike } from './events';
import { ensureFresh, refreshItem } from './state';
import { ensureAgency, statusMap } from './settings';

export type RegisterChange = z.output<typeof RegisterChangeSchema>;

export const ANSWER_FILE_MAX = 20 * 1024 * 1024;

const MIME: Record<string, string> = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  tif: 'image/tiff',
  tiff: 'image/tiff',
};

export function mimeOf(fileName: string): string {
  return MIME[/\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? ''] ?? 'application/octet-stream';
}

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Stores an answer document's bytes once per meeting (by hash); returns the hash. */
export function storeFile(db: Database, at: string, meetingId: number, fileName: string, bytes: Uint8Array): string {
  const sha = sha256Hex(bytes);
  db.prepare('INSERT OR IGNORE INTO followup_files (meeting_id, sha256, file_name, mime, bytes, data, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    meetingId,
    sha,
    fileName,
    mimeOf(fileName),
    bytes.byteLength,
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    at,
  );
  return sha;
}

export function getFile(db: Database, fileId: number): { fileName: string; mime: string; dataBase64: string } {
  const r = db.prepare('SELECT f.file_name, f.mime, f.data FROM followup_files f JOIN meetings m ON m.id = f.meeting_id AND m.deleted_at IS NULL WHERE f.id = ?').get(fileId) as
    | { file_name: string; mime: string; data: Buffer }
    | undefined;
  if (!r) throw new UserError('not_found', 'Không tìm thấy tệp văn bản trả lời này (có thể đã bị xóa cùng hội nghị).');
  return { fileName: r.file_name, mime: r.mime, dataBase64: r.data.toString('base64') };
}

export type NewEvent = { field: EventField; value: string; note: string };

/**
 * Appends events to one item. The instant is never earlier than the item's latest event (another
 * laptop's clock may run ahead), so a change just made is always the current value; each event
 * names as parent the latest event of its field that the author saw.
 */
export function appendEvents(db: Database, at: string, meetingId: number, itemUid: string, actor: string, events: readonly NewEvent[]): void {
  if (events.length === 0) return;
  const existing = db.prepare('SELECT uid, field, value, parent_uid AS parentUid, at, note FROM followup_events WHERE item_uid = ?').all(itemUid) as Parameters<typeof heads>[0][number][];
  const head = heads(existing);
  const latest = existing.reduce((max, e) => (e.at > max ? e.at : max), '');
  const stamp = latest >= at ? new Date(Date.parse(latest) + 1).toISOString() : at;
  const insert = db.prepare('INSERT INTO followup_events (uid, item_uid, meeting_id, field, value, parent_uid, at, actor, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  for (const e of events) insert.run(randomUUID(), itemUid, meetingId, e.field, e.value, head[e.field]?.uid ?? null, stamp, actor, e.note);
}

/** The secretary's name from the office profile, the actor recorded with a change made in the app. */
export function profileActor(db: Database): string {
  return (db.prepare('SELECT secretary_name FROM org_profile WHERE id = 1').get() as { secretary_name: string } | undefined)?.secretary_name ?? '';
}

type StateRow = { meeting_id: number; status: string; agency: string; deadline: string | null; document_json: string | null };

export function recordChange(db: Database, at: string, change: RegisterChange, actor: string): void {
  ensureFresh(db);
  db.transaction(() => {
    const s = db.prepare('SELECT meeting_id, status, agency, deadline, document_json FROM followup_state WHERE item_uid = ?').get(change.uid) as StateRow | undefined;
    if (!s) throw new UserError('not_found', 'Không tìm thấy kiến nghị hoặc nhiệm vụ này (có thể đã bị xóa cùng hội nghị). Hãy tải lại danh sách theo dõi.');
    const note = change.note.trim();
    const events: NewEvent[] = [];
    // A field in conflict takes the value given even when it equals the current one: choosing
    // between two conflicting values is a change, and it ends the conflict.
    const history = db.prepare('SELECT uid, field, value, parent_uid AS parentUid, at, note FROM followup_events WHERE item_uid = ?').all(change.uid) as EventLike[];
    const conflicts = conflictingUids(history);
    const head = heads(history);
    const inConflict = (field: EventField): boolean => !!head[field] && conflicts.has(head[field].uid);
    if (change.status !== undefined && (change.status !== s.status || inConflict('status'))) {
      const st = statusMap(db).get(change.status);
      if (!st) throw new UserError('invalid', `Trạng thái "${change.status}" không có trong danh sách trạng thái của cơ quan. Hãy chọn một trạng thái trong danh sách.`);
      events.push({ field: 'status', value: change.status, note });
    }
    if (change.agency !== undefined && (change.agency.trim() !== s.agency || inConflict('agency'))) {
      ensureAgency(db, change.agency);
      events.push({ field: 'agency', value: change.agency.trim(), note });
    }
    if (change.deadline !== undefined && ((change.deadline ?? null) !== s.deadline || inConflict('deadline'))) events.push({ field: 'deadline', value: change.deadline ?? '', note });
    if (change.document !== undefined) {
      const current = s.document_json ? (JSON.parse(s.document_json) as DocumentValue) : null;
      let fileName = current?.fileName ?? null;
      let sha = current?.sha256 ?? null;
      if (change.document.file) {
        const bytes = Buffer.from(change.document.file.dataBase64, 'base64');
        if (bytes.byteLength > ANSWER_FILE_MAX) throw new UserError('too_large', 'Tệp văn bản trả lời quá lớn (tối đa 20 MB). Hãy chọn bản quét nhỏ hơn.');
        if (bytes.byteLength === 0) throw new UserError('invalid', 'Tệp văn bản trả lời rỗng. Hãy chọn lại tệp.');
        fileName = change.document.file.fileName.trim();
        sha = storeFile(db, at, s.meeting_id, fileName, bytes);
      }
      const doc: DocumentValue = { number: change.document.number.trim(), date: change.document.date, fileName, sha256: sha };
      const value = JSON.stringify(doc);
      if (value !== s.document_json || inConflict('document')) events.push({ field: 'document', value, note });
    }
    if (events.length === 0 && note) events.push({ field: 'note', value: '', note });
    if (events.length === 0) return;
    appendEvents(db, at, s.meeting_id, change.uid, actor, events);
    audit(db, at, s.meeting_id, 'followup', null, 'change', `${change.uid}: ${events.map((e) => e.field).join(', ')}`);
    refreshItem(db, s.meeting_id, change.uid);
  })();
}
