// The meeting file (.thukyhn): one meeting, photos included, to carry to another laptop or keep
// as a backup. Documented in docs/meeting-file.md. Items refer to each other by keys local to the
// file ("a1", "r3"), never by database ids, which differ from one laptop to the next.
import { z } from 'zod';
import {
  GROUP_ROLES,
  PHASES,
  PHOTO_EVENTS,
  PRESENCES,
  REPLY_KINDS,
  ROLES,
  SPEECH_KINDS,
  DOC_KINDS,
  MEETING_STATUSES,
  MEETING_KINDS,
  SESSIONS,
  EMPTY_COUNTS,
} from '../../shared/domain';
import { CountsSchema } from '../../shared/contract';
import { BAD_KEY } from './archive';
import { LIMITS } from '../../shared/limits';
import { hhmm, isoDate, text, titles, directions } from '../../shared/schemas';
import { TimingPartSchema } from './timing-part';
import { FollowupPartSchema } from './followup-part';
import { AudioPartSchema } from './audio-part';

export const MEETING_FILE_FORMAT = 'thuky-hoi-nghi/meeting';
/** 2 adds the meeting's v2 details (headline, session, legal basis, purpose, compiledBy, attendance,
 * counts, byline, publishedAt), every speech kind and forwarded replies. Version 1 files still import. */
/** 3 adds the optional follow-up part (issue 14): an app of version 2 would import the meeting and
 * silently drop its follow-up history, so it is told to update instead. */
export const MEETING_FILE_VERSION = 3;
export const MEETING_FILE_EXT = '.thukyhn';

const key = z.string().regex(/^[a-z]\d{1,6}$/, { error: BAD_KEY });

export const ManifestSchema = z.object({
  format: z.literal(MEETING_FILE_FORMAT, { error: 'Đây không phải tệp hội nghị của Thư ký Hội nghị.' }),
  version: z.number().int(),
  appVersion: z.string().max(50),
  exportedAt: z.string().max(50),
});
export type Manifest = z.infer<typeof ManifestSchema>;

// A person may be named by title alone ("đồng chí Chủ tịch UBND tỉnh"), never by nothing.
const AttendeeSchema = z
  .object({
    key,
    fullName: text('Họ tên'),
    titles,
    organization: text('Đơn vị'),
    rank: z.number().int().min(0).max(100_000),
    role: z.enum(ROLES),
    presence: z.enum(PRESENCES),
    reason: text('Lý do'),
  })
  .refine((a) => a.fullName.trim().length > 0 || a.titles.some((t) => t.trim()), { error: 'Họ tên đại biểu không được để trống.', path: ['fullName'] });

const GroupSchema = z.object({ text: text('Thành phần'), role: z.enum(GROUP_ROLES) });

const SpeechSchema = z.object({
  kind: z.enum(SPEECH_KINDS),
  speaker: key.nullable(),
  speakerText: text('Người phát biểu'),
  summary: text('Nội dung', LIMITS.longText),
  directions,
  at: hhmm('Thời điểm').nullable(),
  seq: z.number().int().min(0),
});

const RecSchema = z.object({
  key,
  phase: z.enum(PHASES),
  raisedBy: key.nullable(),
  raisedByText: text('Người kiến nghị'),
  unit: text('Đơn vị'),
  topic: text('Lĩnh vực'),
  content: text('Nội dung kiến nghị', LIMITS.longText),
  shortPhrase: text('Cụm tóm tắt', 1_000),
  inArticle: z.boolean(),
  raisedAt: hhmm('Thời điểm').nullable(),
  seq: z.number().int().min(0),
});

const ReplySchema = z.object({
  responder: key.nullable(),
  responderText: text('Người trả lời'),
  content: text('Nội dung trả lời', LIMITS.longText),
  repliedAt: hhmm('Thời điểm').nullable(),
  kind: z.enum(REPLY_KINDS),
  agency: text('Đơn vị giải quyết'),
  deadline: isoDate('Thời hạn').nullable(),
  recommendations: z.array(key).max(500),
  seq: z.number().int().min(0),
});

const PhotoSchema = z.object({
  file: z.string().regex(/^photos\/\d{1,5}\.jpg$/, { error: 'Tên tệp ảnh trong tệp hội nghị không hợp lệ.' }),
  caption: text('Chú thích ảnh'),
  event: z.enum(PHOTO_EVENTS),
  inArticle: z.boolean(),
});

const DocumentSchema = z.object({
  kind: z.enum(DOC_KINDS),
  blocksJson: z.string().max(5_000_000),
  optionsJson: z.string().max(100_000),
  edited: z.boolean(),
  generatedAt: z.string().max(50),
  updatedAt: z.string().max(50),
});

export const MeetingDataSchema = z.object({
  meeting: z.object({
    title: text('Tên hội nghị', LIMITS.title),
    kind: z.enum(MEETING_KINDS),
    organizer: text('Đơn vị tổ chức'),
    audience: text('Đối tượng'),
    locality: text('Địa bàn'),
    date: isoDate('Ngày họp').nullable(),
    startTime: hhmm('Giờ bắt đầu').nullable(),
    endTime: hhmm('Giờ kết thúc').nullable(),
    location: text('Địa điểm'),
    secretary: text('Thư ký'),
    status: z.enum(MEETING_STATUSES),
    docNumber: z.number().int().min(1).max(99_999).nullable(),
    // Version 2; a version 1 file has none of these and reads as "not recorded".
    headline: text('Tít bài viết', LIMITS.title).default(''),
    session: z.enum(SESSIONS).nullable().default(null),
    legalBasis: z.array(text('Căn cứ', 2_000)).max(20).default([]),
    purpose: text('Mục đích', 2_000).default(''),
    compiledBy: text('Đơn vị tổng hợp kiến nghị').default(''),
    attendance: z.object({ text: text('Số người dự', 500), count: z.number().int().min(0).max(1_000_000).nullable() }).default({ text: '', count: null }),
    counts: CountsSchema.default({ ...EMPTY_COUNTS }),
    byline: text('Tác giả tin bài').default(''),
    publishedAt: text('Ngày đăng tin', 100).default(''),
  }),
  attendees: z.array(AttendeeSchema).max(5_000),
  groups: z.array(GroupSchema).max(500),
  speeches: z.array(SpeechSchema).max(1_000),
  recommendations: z.array(RecSchema).max(20_000),
  replies: z.array(ReplySchema).max(20_000),
  photos: z.array(PhotoSchema).max(1_000),
  documents: z.array(DocumentSchema).max(DOC_KINDS.length).default([]),
  // Optional, versioned part (issue 16): speaking timers. Older files have none.
  timing: TimingPartSchema.optional(),
  // Optional, versioned part (issue 14): the follow-up register (uids, tasks, history, answer files).
  followup: FollowupPartSchema.optional(),
  // Optional, versioned part (issue 16, part 3): the hall recording, only when the secretary chose
  // to include it. Older files have none; an older app ignores it and imports the rest.
  audio: AudioPartSchema.optional(),
});
export type MeetingData = z.infer<typeof MeetingDataSchema>;
export type MeetingDataInput = z.input<typeof MeetingDataSchema>;
