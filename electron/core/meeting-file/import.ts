import type { Database } from 'better-sqlite3';
import sharp from 'sharp';
import type { Meeting } from '../../shared/domain';
import { LIMITS } from '../../shared/limits';
import { UserError } from '../../shared/result';
import { audit } from '../repo/audit';
import { getMeeting, reindexWholeMeeting } from '../repo/meetings';
import { createPerson, findPerson } from '../repo/people';
import { sniffImage } from '../photos/process';
import { readArchive } from './archive';
import { ManifestSchema, MEETING_FILE_VERSION, MeetingDataSchema, type MeetingData } from './format';

const bad = (what: string): UserError =>
  new UserError('meeting_file_invalid', `Tệp hội nghị không hợp lệ: ${what} Dữ liệu hiện có không bị thay đổi.`);

function parseJson(bytes: Uint8Array | undefined, name: string): unknown {
  if (!bytes) throw bad(`thiếu phần ${name}.`);
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw bad(`phần ${name} bị hỏng (không đọc được).`);
  }
}

type Checked = { data: MeetingData; photos: Map<string, { data: Buffer; thumb: Buffer; width: number; height: number }> };

/** Everything that can fail is checked here, before the database is touched. */
export async function checkMeetingFile(bytes: Uint8Array): Promise<Checked> {
  const files = readArchive(bytes);
  const manifest = ManifestSchema.safeParse(parseJson(files.get('manifest.json'), 'manifest.json'));
  if (!manifest.success) throw bad(manifest.error.issues[0]?.message ?? 'phần mô tả không đúng.');
  if (manifest.data.version > MEETING_FILE_VERSION)
    throw new UserError(
      'meeting_file_newer',
      `Tệp hội nghị này được tạo bởi phiên bản mới hơn (định dạng ${manifest.data.version}, ứng dụng ${manifest.data.appVersion}). Hãy cập nhật Thư ký Hội nghị rồi nhập lại. Dữ liệu hiện có không bị thay đổi.`,
    );
  if (manifest.data.version < 1) throw bad('phiên bản định dạng không đúng.');
  const parsed = MeetingDataSchema.safeParse(parseJson(files.get('meeting.json'), 'meeting.json'));
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw bad(`${i?.message ?? 'dữ liệu sai'}${i?.path.length ? ` (tại ${i.path.join('.')})` : ''}`);
  }
  const data = parsed.data;
  const aKeys = new Set<string>();
  for (const a of data.attendees) {
    if (aKeys.has(a.key)) throw bad(`đại biểu "${a.key}" bị lặp.`);
    aKeys.add(a.key);
  }
  const rKeys = new Set<string>();
  for (const r of data.recommendations) {
    if (rKeys.has(r.key)) throw bad(`kiến nghị "${r.key}" bị lặp.`);
    rKeys.add(r.key);
    if (r.raisedBy && !aKeys.has(r.raisedBy)) throw bad(`kiến nghị "${r.key}" trỏ tới đại biểu không có.`);
  }
  for (const s of data.speeches) if (s.speaker && !aKeys.has(s.speaker)) throw bad('một phát biểu trỏ tới đại biểu không có.');
  for (const r of data.replies) {
    if (r.responder && !aKeys.has(r.responder)) throw bad('một ý kiến trả lời trỏ tới đại biểu không có.');
    for (const k of r.recommendations) if (!rKeys.has(k)) throw bad('một ý kiến trả lời trỏ tới kiến nghị không có.');
  }
  if (data.meeting.startTime && data.meeting.endTime && data.meeting.endTime < data.meeting.startTime)
    throw bad('giờ kết thúc trước giờ bắt đầu.');
  const photos: Checked['photos'] = new Map();
  for (const p of data.photos) {
    const raw = files.get(p.file);
    if (!raw) throw bad(`thiếu ảnh ${p.file}.`);
    if (!sniffImage(raw)) throw bad(`${p.file} không phải là ảnh.`);
    try {
      const img = sharp(raw, { limitInputPixels: LIMITS.photoPixels, failOn: 'error' });
      const meta = await img.metadata();
      const thumb = await img.clone().resize({ width: 320, height: 320, fit: 'inside' }).jpeg({ quality: 75 }).toBuffer();
      photos.set(p.file, { data: Buffer.from(raw), thumb, width: meta.width ?? 0, height: meta.height ?? 0 });
    } catch {
      throw bad(`ảnh ${p.file} bị hỏng.`);
    }
  }
  return { data, photos };
}

/** Writes a checked meeting in one transaction: the database gets all of it or none of it. */
export function writeMeeting(db: Database, at: string, { data, photos }: Checked): Meeting {
  return db.transaction(() => {
    const m = data.meeting;
    const info = db
      .prepare(
        `INSERT INTO meetings (title, kind, organizer, audience, locality, date, start_time, end_time, location, secretary, status, doc_number, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(m.title, m.kind, m.organizer, m.audience, m.locality, m.date, m.startTime, m.endTime, m.location, m.secretary, m.status, m.docNumber, at, at);
    const meetingId = Number(info.lastInsertRowid);
    const aIds = new Map<string, number>();
    data.attendees.forEach((a, i) => {
      const person = findPerson(db, a.fullName, a.organization) ?? createPerson(db, at, { fullName: a.fullName, titles: a.titles, organization: a.organization, rank: a.rank });
      const r = db
        .prepare('INSERT INTO attendees (meeting_id, person_id, titles_json, role, presence, reason, sort_order) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(meetingId, person.id, JSON.stringify(a.titles), a.role, a.presence, a.reason, i + 1);
      aIds.set(a.key, Number(r.lastInsertRowid));
    });
    const refA = (k: string | null): number | null => (k ? aIds.get(k)! : null);
    data.groups.forEach((g, i) => db.prepare('INSERT INTO attendee_groups (meeting_id, text, role, sort_order) VALUES (?, ?, ?, ?)').run(meetingId, g.text, g.role, i + 1));
    for (const s of data.speeches)
      db.prepare('INSERT INTO speeches (meeting_id, kind, speaker_attendee_id, speaker_text, summary, directions_json, at, seq, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
        meetingId,
        s.kind,
        refA(s.speaker),
        s.speakerText,
        s.summary,
        JSON.stringify(s.directions),
        s.at,
        s.seq,
        at,
      );
    const rIds = new Map<string, number>();
    for (const r of data.recommendations) {
      const res = db
        .prepare(
          `INSERT INTO recommendations (meeting_id, phase, raised_by_attendee_id, raised_by_text, unit, topic, content, short_phrase, in_article, raised_at, seq, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(meetingId, r.phase, refA(r.raisedBy), r.raisedByText, r.unit, r.topic, r.content, r.shortPhrase, r.inArticle ? 1 : 0, r.raisedAt, r.seq, at);
      rIds.set(r.key, Number(res.lastInsertRowid));
    }
    for (const r of data.replies) {
      const res = db
        .prepare(
          `INSERT INTO replies (meeting_id, responder_attendee_id, responder_text, content, replied_at, kind, agency, deadline, seq, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(meetingId, refA(r.responder), r.responderText, r.content, r.repliedAt, r.kind, r.agency, r.deadline, r.seq, at);
      const replyId = Number(res.lastInsertRowid);
      for (const k of r.recommendations) db.prepare('INSERT OR IGNORE INTO reply_links (reply_id, recommendation_id) VALUES (?, ?)').run(replyId, rIds.get(k)!);
    }
    data.photos.forEach((p, i) => {
      const img = photos.get(p.file)!;
      db.prepare('INSERT INTO photos (meeting_id, caption, event, mime, width, height, in_article, data, thumb, sort_order, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
        meetingId,
        p.caption,
        p.event,
        'image/jpeg',
        img.width,
        img.height,
        p.inArticle ? 1 : 0,
        img.data,
        img.thumb,
        i + 1,
        at,
      );
    });
    for (const d of data.documents)
      db.prepare('INSERT INTO documents (meeting_id, kind, blocks_json, options_json, source_hash, edited, generated_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
        meetingId,
        d.kind,
        d.blocksJson,
        d.optionsJson,
        // Unknown origin: the draft shows as possibly out of date until regenerated or confirmed.
        'imported',
        d.edited ? 1 : 0,
        d.generatedAt,
        d.updatedAt,
      );
    audit(db, at, meetingId, 'meeting', meetingId, 'import');
    reindexWholeMeeting(db, meetingId);
    return getMeeting(db, meetingId);
  })();
}

export async function importMeetingFile(db: Database, at: string, bytes: Uint8Array): Promise<Meeting> {
  const checked = await checkMeetingFile(bytes);
  return writeMeeting(db, at, checked);
}
