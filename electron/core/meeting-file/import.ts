import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import type { Meeting } from '../../shared/domain';
import { DocBlockSchema, DocOptionsSchema } from '../../shared/contract';
import { LIMITS } from '../../shared/limits';
import { UserError } from '../../shared/result';
import { audit } from '../repo/audit';
import { getMeeting, reindexWholeMeeting, writeMeetingFields } from '../repo/meetings';
import { createPerson, findPerson } from '../repo/people';
import { processPhoto } from '../photos/process';
import { meetingFileInvalid, openArchive } from './archive';
import { checkTimingPart, writeTimingPart } from './timing-part';
import { checkFollowupPart, meetingToMerge, mergeFollowup, writeFollowupFresh } from './followup-part';
import { checkAudioPart, discardStagedAudio, moveStagedAudio, stageAudioFiles, writeAudioRows } from './audio-part';
import { ManifestSchema, MEETING_FILE_VERSION, MeetingDataSchema, type MeetingData } from './format';

const bad = meetingFileInvalid;

/** The JSON parts are text: a real meeting's is a few MB, so these caps only stop abuse. */
const MANIFEST_MAX = 64 * 1024;
const MEETING_JSON_MAX = 64 * 1024 * 1024;

const DOC_LABEL = { article: 'tin bài', minutes: 'biên bản', summary: 'bảng tổng hợp', notice: 'thông báo kết luận' } as const;

// A draft is shown and exported as it is stored, so it must have the shape the app writes:
// garbage options imported once broke the article export.
const DraftBlocks = z.array(DocBlockSchema).max(5_000);

function parseJson(bytes: Uint8Array | undefined, name: string): unknown {
  if (!bytes) throw bad(`thiếu phần ${name}.`);
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw bad(`phần ${name} bị hỏng (không đọc được).`);
  }
}

function parseDraftPart<T>(json: string, schema: z.ZodType<T>, what: string): T {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw bad(`${what} bị hỏng (không đọc được).`);
  }
  const r = schema.safeParse(value);
  if (!r.success) {
    const i = r.error.issues[0];
    throw bad(`${what} không đúng cấu trúc${i?.path.length ? ` (tại ${i.path.join('.')})` : ''}: ${i?.message ?? 'dữ liệu sai'}`);
  }
  return r.data;
}

type Checked = { data: MeetingData; photos: Map<string, { data: Buffer; thumb: Buffer; width: number; height: number }>; followupFiles?: Map<string, Uint8Array>; audioFiles?: Map<number, Uint8Array> };

/** Everything that can fail is checked here, before the database is touched. */
export async function checkMeetingFile(bytes: Uint8Array): Promise<Checked> {
  const archive = openArchive(bytes);
  const manifest = ManifestSchema.safeParse(parseJson(archive.read('manifest.json', MANIFEST_MAX), 'manifest.json'));
  if (!manifest.success) throw bad(manifest.error.issues[0]?.message ?? 'phần mô tả không đúng.');
  if (manifest.data.version > MEETING_FILE_VERSION)
    throw new UserError(
      'meeting_file_newer',
      `Tệp hội nghị này được tạo bởi phiên bản mới hơn (định dạng ${manifest.data.version}, ứng dụng ${manifest.data.appVersion}). Hãy cập nhật Thư ký Hội nghị rồi nhập lại. Dữ liệu hiện có không bị thay đổi.`,
    );
  if (manifest.data.version < 1) throw bad('phiên bản định dạng không đúng.');
  const parsed = MeetingDataSchema.safeParse(parseJson(archive.read('meeting.json', MEETING_JSON_MAX), 'meeting.json'));
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
  checkTimingPart(data.timing, data, bad);
  const followupFiles = checkFollowupPart(data.followup, rKeys, archive, bad);
  const audioFiles = checkAudioPart(data.audio, data, archive, bad);
  if (data.meeting.startTime && data.meeting.endTime && data.meeting.endTime < data.meeting.startTime)
    throw bad('giờ kết thúc trước giờ bắt đầu.');
  const kinds = new Set<string>();
  data.documents.forEach((d, i) => {
    const label = DOC_LABEL[d.kind];
    // The database keeps one draft per kind; a second one would fail the write with no useful message.
    if (kinds.has(d.kind)) throw bad(`bản nháp ${label} xuất hiện hai lần (tại documents.${i}); mỗi loại văn bản chỉ có một bản nháp.`);
    kinds.add(d.kind);
    parseDraftPart(d.blocksJson, DraftBlocks, `nội dung bản nháp ${label} (documents.${i}.blocksJson)`);
    parseDraftPart(d.optionsJson, DocOptionsSchema, `tùy chọn bản nháp ${label} (documents.${i}.optionsJson)`);
  });
  const files = new Set<string>();
  for (const p of data.photos) {
    if (files.has(p.file)) throw bad(`ảnh ${p.file} được liệt kê hai lần.`);
    files.add(p.file);
    if (!archive.has(p.file)) throw bad(`thiếu ảnh ${p.file}.`);
  }
  // Photos are inflated one at a time and re-encoded like a photo added by hand: the type is
  // judged by the bytes, anything appended (a zip, a script) or embedded (GPS position) is dropped,
  // and the long side is at most 2,000 px. Only the re-encoded JPEG is kept in memory.
  const photos: Checked['photos'] = new Map();
  for (const p of data.photos) {
    const raw = archive.read(p.file, LIMITS.photoBytes, p.file)!;
    try {
      const img = await processPhoto(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength), p.file);
      photos.set(p.file, { data: img.data, thumb: img.thumb, width: img.width, height: img.height });
    } catch (e) {
      const code = e instanceof UserError ? e.code : '';
      if (code === 'photo_not_image') throw bad(`${p.file} không phải là ảnh (JPEG, PNG hoặc WebP).`);
      if (code === 'photo_too_many_pixels') throw bad(`ảnh ${p.file} quá nhiều điểm ảnh (tối đa ${LIMITS.photoPixels / 1_000_000} triệu).`);
      throw bad(`ảnh ${p.file} bị hỏng.`);
    }
  }
  return { data, photos, followupFiles, audioFiles };
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
    writeMeetingFields(db, meetingId, { headline: m.headline, session: m.session, legalBasis: m.legalBasis, purpose: m.purpose, compiledBy: m.compiledBy, attendance: m.attendance, counts: m.counts, byline: m.byline, publishedAt: m.publishedAt }, at);
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
    writeTimingPart(db, at, meetingId, data.timing, aIds);
    audit(db, at, meetingId, 'meeting', meetingId, 'import');
    reindexWholeMeeting(db, meetingId);
    return getMeeting(db, meetingId);
  })();
}

/**
 * A file that passed every check but that the database still refuses (a constraint the checks do
 * not know, e.g. after a migration) is a bad file, not an app crash: say which part of it.
 */
export function describeWriteFailure(e: unknown): unknown {
  // Inside the function (it runs only on a failed write) so that mutation testing can measure it.
  const TABLE_LABEL: Record<string, string> = {
    meetings: 'thông tin hội nghị',
    people: 'danh bạ đại biểu',
    attendees: 'danh sách đại biểu',
    attendee_groups: 'thành phần tham dự',
    speeches: 'phát biểu',
    recommendations: 'kiến nghị',
    replies: 'ý kiến trả lời',
    reply_links: 'liên kết trả lời – kiến nghị',
    photos: 'ảnh',
    documents: 'bản nháp văn bản',
  };
  const code = (e as { code?: unknown })?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_CONSTRAINT')) return e;
  const message = String((e as { message?: unknown }).message ?? '');
  const table = /failed: (\w+)\./.exec(message)?.[1];
  const where = table && TABLE_LABEL[table] ? `ở phần ${TABLE_LABEL[table]}` : 'trong tệp';
  const what =
    code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
      ? 'có mục bị trùng lặp'
      : code === 'SQLITE_CONSTRAINT_FOREIGNKEY'
        ? 'có mục trỏ tới dữ liệu không có'
        : code === 'SQLITE_CONSTRAINT_NOTNULL'
          ? 'thiếu một giá trị bắt buộc'
          : 'có giá trị không được chấp nhận';
  return bad(`dữ liệu ${where} ${what}, nên không ghi được. Hãy xuất lại tệp từ máy gốc bằng cùng phiên bản ứng dụng.`);
}

/** `dataDir`: where a recording the file carries is put (audio-part.ts); without it the audio is skipped. */
export async function importMeetingFile(db: Database, at: string, bytes: Uint8Array, opts: { dataDir?: string } = {}): Promise<Meeting> {
  const checked = await checkMeetingFile(bytes);
  // The recording's files are written before the transaction and moved in place after it commits.
  const staged = opts.dataDir ? stageAudioFiles(opts.dataDir, checked.data.audio, checked.audioFiles ?? new Map()) : null;
  let fresh: number | null = null;
  try {
    // One transaction: a failure midway leaves nothing half-written. A file of a meeting already
    // here that carries follow-up data merges into it instead (followup-part.ts).
    const meeting = db.transaction(() => {
      const files = checked.followupFiles ?? new Map<string, Uint8Array>();
      const existing = meetingToMerge(db, checked.data.followup);
      if (existing !== null && checked.data.followup) {
        mergeFollowup(db, at, existing, checked.data.followup, files);
        return getMeeting(db, existing);
      }
      const m = writeMeeting(db, at, checked);
      writeFollowupFresh(db, at, m.id, checked.data.followup, files, checked.data.recommendations.map((r) => r.key));
      if (staged) writeAudioRows(db, m.id, checked.data.audio, checked.audioFiles ?? new Map());
      fresh = m.id;
      return m;
    })();
    if (staged && fresh !== null) moveStagedAudio(opts.dataDir!, staged, fresh);
    else discardStagedAudio(staged);
    return meeting;
  } catch (e) {
    discardStagedAudio(staged);
    throw describeWriteFailure(e);
  }
}
