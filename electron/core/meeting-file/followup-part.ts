// The meeting file's optional follow-up part (issue 14): the meeting's and its recommendations'
// stable uids, the conclusion's tasks, the append-only history and the answer documents (as
// archive entries named by their SHA-256). Version 1 of the part; files written before it have
// none and import as before.
//
// Importing a file of a meeting that is already here (same uid) and that carries follow-up data
// merges instead of adding a copy: events by uid (a union, never a duplicate), files by hash,
// tasks by uid; the meeting's own record is left as it is here. The fold orders events by their
// instant and uid, so merging A into B and B into A gives the same register.
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { EVENT_FIELDS, STATUS_CATEGORIES } from '../../shared/followup';
import { isRealDate, isoDate, text } from '../../shared/schemas';
import { LIMITS } from '../../shared/limits';
import { UserError } from '../../shared/result';
import { BAD_KEY, meetingFileInvalid, type Archive } from './archive';
import { audit } from '../repo/audit';
import { getRecord } from '../repo/meetings';
import { DocumentValueSchema } from '../followup/events';
import { ANSWER_FILE_MAX, sha256Hex } from '../followup/change';
import { addMissingStatuses, ensureAgency, listStatuses } from '../followup/settings';
import { refreshMeeting } from '../followup/state';

export const FOLLOWUP_PART_VERSION = 1;

const uid = z.string().regex(/^[0-9a-f][0-9a-f-]{7,63}$/, { error: 'Mã định danh không hợp lệ.' });
const instant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/, { error: 'Thời điểm không hợp lệ.' });
const sha = z.string().regex(/^[0-9a-f]{64}$/, { error: 'Mã băm tệp không hợp lệ.' });

const EventSchema = z.object({
  uid,
  itemUid: uid,
  field: z.enum(EVENT_FIELDS),
  value: z.string().max(4_000),
  parentUid: uid.nullable(),
  at: instant,
  actor: text('Người thay đổi', 300),
  note: text('Ghi chú', 2_000),
});

export const FollowupPartSchema = z.object({
  version: z.literal(FOLLOWUP_PART_VERSION, { error: 'Phần theo dõi kiến nghị của tệp thuộc phiên bản khác; hãy cập nhật ứng dụng.' }),
  meetingUid: uid,
  recommendations: z.array(z.object({ key: z.string().regex(/^r\d{1,6}$/, { error: BAD_KEY }), uid })).max(20_000),
  statuses: z
    .array(z.object({ key: z.string().regex(/^[a-z0-9_]{1,40}$/), label: text('Tên trạng thái', 200), category: z.enum(STATUS_CATEGORIES), answered: z.boolean() }))
    .max(100),
  tasks: z
    .array(
      z.object({
        uid,
        content: text('Nội dung nhiệm vụ', LIMITS.longText),
        topic: text('Lĩnh vực'),
        createdOn: isoDate('Ngày giao nhiệm vụ'),
        seq: z.number().int().min(0).max(1_000_000),
        updatedAt: instant,
        deletedAt: instant.nullable(),
      }),
    )
    .max(5_000),
  events: z.array(EventSchema).max(200_000),
  files: z.array(z.object({ sha256: sha, fileName: text('Tên tệp', 255), mime: z.string().max(100) })).max(2_000),
});
export type FollowupPart = z.infer<typeof FollowupPartSchema>;

/** Where an answer document's bytes sit in the archive. */
export const followupFileEntry = (sha256: string): string => `followup/${sha256}.bin`;

/** The part for an export (always written, so the meeting keeps its uid on another laptop), and its files. */
export function followupToPart(db: Database, meetingId: number, rKey: ReadonlyMap<number, string>): { part: FollowupPart; files: Map<string, Uint8Array> } {
  const meeting = db.prepare('SELECT uid FROM meetings WHERE id = ?').get(meetingId) as { uid: string };
  const recs = db.prepare('SELECT id, uid FROM recommendations WHERE meeting_id = ?').all(meetingId) as { id: number; uid: string }[];
  const recommendations = recs.flatMap((r) => (rKey.has(r.id) ? [{ key: rKey.get(r.id)!, uid: r.uid }] : []));
  const tasks = (
    db.prepare('SELECT uid, content, topic, created_on, seq, updated_at, deleted_at FROM followup_items WHERE meeting_id = ? ORDER BY seq, uid').all(meetingId) as {
      uid: string;
      content: string;
      topic: string;
      created_on: string;
      seq: number;
      updated_at: string;
      deleted_at: string | null;
    }[]
  ).map((t) => ({ uid: t.uid, content: t.content, topic: t.topic, createdOn: t.created_on, seq: t.seq, updatedAt: t.updated_at, deletedAt: t.deleted_at }));
  // The history of the items the file carries (a deleted recommendation's stays here).
  const known = new Set([...recommendations.map((r) => r.uid), ...tasks.map((t) => t.uid)]);
  const events = (
    db.prepare('SELECT uid, item_uid, field, value, parent_uid, at, actor, note FROM followup_events WHERE meeting_id = ? ORDER BY at, uid').all(meetingId) as {
      uid: string;
      item_uid: string;
      field: FollowupPart['events'][number]['field'];
      value: string;
      parent_uid: string | null;
      at: string;
      actor: string;
      note: string;
    }[]
  )
    .filter((e) => known.has(e.item_uid))
    .map((e) => ({ uid: e.uid, itemUid: e.item_uid, field: e.field, value: e.value, parentUid: e.parent_uid, at: e.at, actor: e.actor, note: e.note }));
  const files = new Map<string, Uint8Array>();
  const fileMeta: FollowupPart['files'] = [];
  for (const f of db.prepare('SELECT sha256, file_name, mime, data FROM followup_files WHERE meeting_id = ? ORDER BY sha256').all(meetingId) as { sha256: string; file_name: string; mime: string; data: Buffer }[]) {
    files.set(followupFileEntry(f.sha256), new Uint8Array(f.data));
    fileMeta.push({ sha256: f.sha256, fileName: f.file_name, mime: f.mime });
  }
  const statuses = listStatuses(db).map(({ key, label, category, answered }) => ({ key, label, category, answered }));
  return { part: { version: FOLLOWUP_PART_VERSION, meetingUid: meeting.uid, recommendations, statuses, tasks, events, files: fileMeta }, files };
}

/** For export.ts: the part of a meeting as meetingToData numbers its recommendations (r1, r2 … in record order). */
export function followupForExport(db: Database, meetingId: number): { part: FollowupPart; files: Map<string, Uint8Array> } {
  const rKey = new Map(getRecord(db, meetingId).recommendations.map((r, i) => [r.id, `r${i + 1}`]));
  return followupToPart(db, meetingId, rKey);
}

/**
 * Every reference of the part must land in the file, every value must be one the app writes, and
 * every file must be present with the hash it claims; checked before the database is touched.
 * Returns the answer documents' bytes by hash.
 */
export function checkFollowupPart(part: FollowupPart | undefined, recKeys: ReadonlySet<string>, archive: Archive, bad: (what: string) => UserError): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  if (!part) return out;
  const where = (i: number) => `(tại followup.events.${i})`;
  const recUids = new Set<string>();
  const keys = new Set<string>();
  for (const r of part.recommendations) {
    if (!recKeys.has(r.key)) throw bad(`phần theo dõi trỏ tới kiến nghị "${r.key}" không có.`);
    if (keys.has(r.key) || recUids.has(r.uid)) throw bad(`phần theo dõi có kiến nghị "${r.key}" bị lặp.`);
    keys.add(r.key);
    recUids.add(r.uid);
  }
  if (recUids.has(part.meetingUid)) throw bad('phần theo dõi có mã định danh bị lặp.');
  const items = new Set(recUids);
  for (const t of part.tasks) {
    if (items.has(t.uid) || t.uid === part.meetingUid) throw bad(`phần theo dõi có nhiệm vụ bị lặp (${t.uid}).`);
    items.add(t.uid);
  }
  const statusKeys = new Set(part.statuses.map((s) => s.key));
  const fileShas = new Set(part.files.map((f) => f.sha256));
  const eventUids = new Set<string>();
  const byUid = new Map<string, FollowupPart['events'][number]>();
  part.events.forEach((e, i) => {
    if (eventUids.has(e.uid)) throw bad(`một thay đổi trong lịch sử bị lặp ${where(i)}.`);
    eventUids.add(e.uid);
    byUid.set(e.uid, e);
    if (!items.has(e.itemUid)) throw bad(`một thay đổi trỏ tới kiến nghị hoặc nhiệm vụ không có trong tệp ${where(i)}.`);
    if (e.field === 'status' && !statusKeys.has(e.value)) throw bad(`một thay đổi trạng thái dùng trạng thái "${e.value.slice(0, 40)}" không có trong tệp ${where(i)}.`);
    if (e.field === 'deadline' && e.value !== '' && !isRealDate(e.value)) throw bad(`một thời hạn không phải ngày có thật ${where(i)}.`);
    if (e.field === 'agency' && e.value.length > 300) throw bad(`tên cơ quan quá dài ${where(i)}.`);
    if (e.field === 'note' && e.value !== '') throw bad(`một ghi chú có giá trị lạ ${where(i)}.`);
    if (e.field === 'document' && e.value !== '') {
      let doc: z.infer<typeof DocumentValueSchema>;
      try {
        doc = DocumentValueSchema.parse(JSON.parse(e.value));
      } catch {
        throw bad(`văn bản trả lời không đúng cấu trúc ${where(i)}.`);
      }
      if (doc.date !== null && !isRealDate(doc.date)) throw bad(`ngày văn bản trả lời không có thật ${where(i)}.`);
      if (doc.sha256 && !fileShas.has(doc.sha256)) throw bad(`thiếu tệp văn bản trả lời ${where(i)}.`);
    }
  });
  part.events.forEach((e, i) => {
    if (e.parentUid === null) return;
    const p = byUid.get(e.parentUid);
    // A parent is an earlier change of the same field of the same item, carried in the same file.
    if (!p || p.itemUid !== e.itemUid || p.field !== e.field || !(p.at < e.at || (p.at === e.at && p.uid < e.uid)))
      throw bad(`một thay đổi trỏ tới thay đổi trước không hợp lệ ${where(i)}.`);
  });
  for (const f of part.files) {
    if (out.has(f.sha256)) throw bad(`tệp văn bản trả lời bị lặp (${f.sha256.slice(0, 12)}…).`);
    const bytes = archive.read(followupFileEntry(f.sha256), ANSWER_FILE_MAX, f.fileName);
    if (!bytes) throw bad(`thiếu tệp văn bản trả lời "${f.fileName}".`);
    if (sha256Hex(bytes) !== f.sha256) throw bad(`tệp văn bản trả lời "${f.fileName}" bị hỏng (mã băm không khớp).`);
    out.set(f.sha256, bytes);
  }
  return out;
}

/** The part has something to merge (otherwise a second import of the file is a copy, as before). */
export function hasFollowupData(part: FollowupPart | undefined): part is FollowupPart {
  return !!part && (part.events.length > 0 || part.tasks.length > 0 || part.files.length > 0);
}

/** The meeting already here with the file's uid, when the file has follow-up data to merge into it. */
export function meetingToMerge(db: Database, part: FollowupPart | undefined): number | null {
  if (!hasFollowupData(part)) return null;
  const m = db.prepare('SELECT id, deleted_at FROM meetings WHERE uid = ?').get(part.meetingUid) as { id: number; deleted_at: string | null } | undefined;
  if (!m) return null;
  if (m.deleted_at)
    throw new UserError(
      'meeting_in_trash',
      'Hội nghị của tệp này đang ở thùng rác. Hãy khôi phục hội nghị rồi nhập lại tệp để gộp phần theo dõi kiến nghị. Dữ liệu hiện có không bị thay đổi.',
    );
  return m.id;
}

type Counts = { events: number; tasks: number; files: number; statuses: number; orphanEvents: number };

function writePart(db: Database, at: string, meetingId: number, part: FollowupPart, files: ReadonlyMap<string, Uint8Array>, localItems: ReadonlySet<string>): Counts {
  const counts: Counts = { events: 0, tasks: 0, files: 0, statuses: addMissingStatuses(db, part.statuses), orphanEvents: 0 };
  for (const f of part.files) {
    const bytes = files.get(f.sha256)!;
    counts.files += db
      .prepare('INSERT OR IGNORE INTO followup_files (meeting_id, sha256, file_name, mime, bytes, data, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(meetingId, f.sha256, f.fileName, f.mime, bytes.byteLength, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), at).changes;
  }
  for (const t of part.tasks) {
    const local = db.prepare('SELECT meeting_id, content, topic, updated_at, deleted_at FROM followup_items WHERE uid = ?').get(t.uid) as
      | { meeting_id: number; content: string; topic: string; updated_at: string; deleted_at: string | null }
      | undefined;
    if (!local) {
      db.prepare('INSERT INTO followup_items (uid, meeting_id, kind, content, topic, created_on, seq, updated_at, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
        t.uid,
        meetingId,
        'direction',
        t.content,
        t.topic,
        t.createdOn,
        t.seq,
        t.updatedAt,
        t.deletedAt,
      );
      counts.tasks++;
      continue;
    }
    if (local.meeting_id !== meetingId) throw meetingFileInvalid('một nhiệm vụ trong tệp thuộc hội nghị khác ở máy này.');
    // The later edit wins; ties are broken by the text itself, so both merge orders agree.
    const mine = `${local.updated_at}\u0000${local.deleted_at ?? ''}\u0000${local.content}\u0000${local.topic}`;
    const theirs = `${t.updatedAt}\u0000${t.deletedAt ?? ''}\u0000${t.content}\u0000${t.topic}`;
    if (theirs > mine) db.prepare('UPDATE followup_items SET content = ?, topic = ?, seq = ?, updated_at = ?, deleted_at = ? WHERE uid = ?').run(t.content, t.topic, t.seq, t.updatedAt, t.deletedAt, t.uid);
  }
  const insert = db.prepare('INSERT OR IGNORE INTO followup_events (uid, item_uid, meeting_id, field, value, parent_uid, at, actor, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  for (const e of part.events) {
    const added = insert.run(e.uid, e.itemUid, meetingId, e.field, e.value, e.parentUid, e.at, e.actor, e.note).changes;
    counts.events += added;
    if (added && !localItems.has(e.itemUid)) counts.orphanEvents++;
    if (added && e.field === 'agency') ensureAgency(db, e.value);
  }
  return counts;
}

/**
 * A new meeting was just written from the file: it takes the file's uids (unless this database
 * already has a meeting with that uid, whose copy keeps fresh ones), then the part is written.
 */
export function writeFollowupFresh(db: Database, at: string, meetingId: number, part: FollowupPart | undefined, files: ReadonlyMap<string, Uint8Array>, recKeysInOrder: readonly string[]): void {
  if (!part) return;
  const taken = db.prepare('SELECT 1 FROM meetings WHERE uid = ? AND id <> ?').get(part.meetingUid, meetingId);
  if (taken) return;
  db.prepare('UPDATE meetings SET uid = ? WHERE id = ?').run(part.meetingUid, meetingId);
  const ids = (db.prepare('SELECT id FROM recommendations WHERE meeting_id = ? ORDER BY id').all(meetingId) as { id: number }[]).map((r) => r.id);
  const idByKey = new Map(recKeysInOrder.map((k, i) => [k, ids[i]]));
  const setUid = db.prepare('UPDATE recommendations SET uid = ? WHERE id = ?');
  for (const r of part.recommendations) {
    const id = idByKey.get(r.key);
    if (id !== undefined) setUid.run(r.uid, id);
  }
  writePart(db, at, meetingId, part, files, new Set([...part.recommendations.map((r) => r.uid), ...part.tasks.map((t) => t.uid)]));
  refreshMeeting(db, meetingId);
}

/** Merges the part into the meeting already here; its own record is not touched. Says what was merged (audit log). */
export function mergeFollowup(db: Database, at: string, meetingId: number, part: FollowupPart, files: ReadonlyMap<string, Uint8Array>): { summary: string } {
  const localItems = new Set([
    ...(db.prepare('SELECT uid FROM recommendations WHERE meeting_id = ?').all(meetingId) as { uid: string }[]).map((r) => r.uid),
    ...(db.prepare('SELECT uid FROM followup_items WHERE meeting_id = ?').all(meetingId) as { uid: string }[]).map((r) => r.uid),
    ...part.tasks.map((t) => t.uid),
  ]);
  const c = writePart(db, at, meetingId, part, files, localItems);
  refreshMeeting(db, meetingId);
  const summary = mergeSummary(c);
  audit(db, at, meetingId, 'followup', null, 'merge', summary);
  return { summary };
}

export function mergeSummary(c: Counts): string {
  const parts = [`${c.events} thay đổi mới trong lịch sử theo dõi`, `${c.tasks} nhiệm vụ mới`, `${c.files} tệp văn bản trả lời mới`];
  if (c.statuses) parts.push(`${c.statuses} trạng thái mới`);
  const orphan = c.orphanEvents ? ` ${c.orphanEvents} thay đổi thuộc kiến nghị chưa có ở máy này được giữ lại, sẽ hiện khi kiến nghị đó được nhập.` : '';
  return `Đã gộp phần theo dõi kiến nghị: ${parts.join(', ')}. Nội dung hội nghị ở máy này được giữ nguyên.${orphan}`;
}
