// The meeting record (format v1 and v2, ../shared/seed/README.md): the facts one news article
// gives about one meeting. `thuky import-record` turns any record into a meeting. v2 is a superset
// of v1; a field v1 lacks reads as "unknown" (null or []). Every message names the field.
import { z } from 'zod';
import { COUNT_KEYS, GROUP_ROLES, MEETING_KINDS, ROLES, SESSIONS, SPEECH_KINDS } from '../../shared/domain';
import { LIMITS } from '../../shared/limits';
import { isRealDate, isRealTime, text } from '../../shared/schemas';

const s = (label: string, max: number = LIMITS.shortText) => text(label, max);
const ns = (label: string, max: number = LIMITS.shortText) => text(label, max).nullable().default(null);
const key = (prefix: 'p' | 'r') => z.string().regex(new RegExp(`^${prefix}\\d{1,6}$`), { error: `cần dạng ${prefix}1, ${prefix}2, …` });
const nonNegative = z.number().int({ error: 'cần là số nguyên' }).min(0, { error: 'không được âm' }).max(1_000_000);

const PersonSchema = z.object({
  key: key('p'),
  name: ns('Họ tên'),
  titles: z.array(s('Chức danh')).max(20).default([]),
  organization: ns('Đơn vị'),
  role: z.enum(ROLES, { error: `cần là một trong: ${ROLES.join(', ')}` }),
  order: z.number().int().min(0).max(100_000).nullable().default(null),
});

const SpeechSchema = z.object({
  kind: z.enum(SPEECH_KINDS, { error: `cần là một trong: ${SPEECH_KINDS.join(', ')}` }),
  speakerKey: key('p').nullable().default(null),
  summary: s('Nội dung', LIMITS.longText).default(''),
  directions: z.array(s('Chỉ đạo', LIMITS.longText)).max(200).default([]),
});

const RecSchema = z.object({
  key: key('r').optional(),
  phase: z.enum(['before', 'during'], { error: 'cần là before hoặc during' }),
  raisedBy: ns('Người kiến nghị'),
  unit: ns('Đơn vị'),
  summary: s('Nội dung kiến nghị', LIMITS.longText),
  topic: ns('Lĩnh vực'),
});

const REPLY_KINDS_V2 = ['written_before', 'on_spot', 'in_writing_later', 'forwarded'] as const;

const ReplySchema = z.object({
  byKey: key('p').nullable().default(null),
  byText: ns('Người trả lời'),
  summary: s('Nội dung trả lời', LIMITS.longText),
  to: z.array(key('r')).max(5_000).default([]),
  // A v1 reply carries no kind: it was given in the hall.
  kind: z.enum(REPLY_KINDS_V2, { error: `cần là một trong: ${REPLY_KINDS_V2.join(', ')}` }).default('on_spot'),
  agency: ns('Đơn vị giải quyết'),
  deadline: z.string().refine(isRealDate, { error: 'cần là ngày có thật dạng YYYY-MM-DD' }).nullable().default(null),
});

const CountsSchema = z.object(
  Object.fromEntries(COUNT_KEYS.map((k) => [k, nonNegative.nullable().default(null)])) as {
    [K in (typeof COUNT_KEYS)[number]]: z.ZodDefault<z.ZodNullable<typeof nonNegative>>;
  },
);

export const MeetingRecordSchema = z.object({
  format: z.enum(['meeting-record/1', 'meeting-record/2'], { error: 'định dạng cần là meeting-record/1 hoặc meeting-record/2' }).optional(),
  source: s('Nguồn', 2_000).default(''),
  complete: z.boolean().default(true),
  meeting: z.object({
    title: ns('Tên hội nghị', LIMITS.title),
    kind: z.enum(MEETING_KINDS, { error: `cần là một trong: ${MEETING_KINDS.join('; ')}` }).default('đối thoại'),
    organizer: ns('Đơn vị tổ chức'),
    audience: ns('Đối tượng'),
    locality: ns('Địa bàn'),
    location: ns('Địa điểm'),
    date: z.string().refine(isRealDate, { error: 'cần là ngày có thật dạng YYYY-MM-DD' }).nullable().default(null),
    session: z.enum(SESSIONS, { error: 'cần là sáng, chiều hoặc tối' }).nullable().default(null),
    startTime: z.string().refine(isRealTime, { error: 'cần là giờ dạng HH:MM' }).nullable().default(null),
    legalBasis: z.array(s('Căn cứ', 2_000)).max(20).default([]),
    purpose: ns('Mục đích', 2_000),
    compiledBy: ns('Đơn vị tổng hợp'),
    attendance: z.object({ text: ns('Số người dự', 500), count: nonNegative.nullable().default(null) }).nullable().default(null),
  }),
  people: z.array(PersonSchema).max(5_000).default([]),
  groups: z.array(z.object({ text: s('Thành phần'), role: z.enum(GROUP_ROLES, { error: `cần là một trong: ${GROUP_ROLES.join(', ')}` }) })).max(500).default([]),
  speeches: z.array(SpeechSchema).max(1_000).default([]),
  recommendations: z.array(RecSchema).max(20_000).default([]),
  counts: CountsSchema.nullable().default(null),
  replies: z.array(ReplySchema).max(20_000).default([]),
  photos: z.array(z.object({ placeholder: ns('Ảnh'), after: ns('Vị trí ảnh'), caption: ns('Chú thích ảnh') })).max(200).default([]),
  byline: ns('Tác giả'),
  publishedAt: ns('Ngày đăng', 100),
  facts: z.array(s('Dữ kiện', 2_000)).max(500).default([]),
});

export type MeetingRecordInput = z.output<typeof MeetingRecordSchema>;
