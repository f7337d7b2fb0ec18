// The one IPC contract. Main registers a handler for each channel, the preload exposes exactly
// these channels, the browser-mode server routes exactly these, and the renderer's API type is
// derived from this map. Inputs are validated with these schemas on the receiving side.
import { z } from 'zod';
import type {
  Attendee,
  AttendeeGroup,
  AuditEntry,
  Meeting,
  MeetingRecord,
  MeetingSummary,
  OrgProfile,
  Person,
  PhotoMeta,
  Recommendation,
  Reply,
  SearchHit,
  Speech,
} from './domain';
import {
  COUNT_KEYS,
  DATE_STYLES,
  GROUP_ROLES,
  MEETING_KINDS,
  MEETING_STATUSES,
  NAME_STYLES,
  SESSIONS,
  UNIT_LEVELS,
  SAMPLE_NAMES,
  type SampleName,
  PHASES,
  PHOTO_EVENTS,
  PRESENCES,
  REPLY_KINDS,
  ROLES,
  SPEECH_KINDS,
} from './domain';
import { LIMITS } from './limits';
import { TEMPLATE_IDS, type TemplateId } from './templates';
import { COUNT_LABELS } from './labels';
import { directions, hhmm, id, isoDate, requiredText, text, titles } from './schemas';
import type { Result } from './result';
import type { DocDraft, ExportedDoc } from './documents';
import { DOC_FORMATS } from './documents';
import { DOC_KINDS } from './domain';
import type { ChannelName } from './channels';
import { HubSettingsInput, type HubStatus, type SendSummary } from './hub';
import type { ImportCommitResult, ImportPreview } from './imports';
import { IMPORT_KINDS, IMPORT_LIMITS } from './imports';
import type { AudioPart, AudioState, AudioUsage, ModelCheck, SpeechStretch, TranscribeJob } from './audio';
import { AudioAppendInput, AudioByMeeting, AudioByPart, AudioJobInput, AudioModelInput, AudioStartInput, AudioTranscribeInput } from './audio-schemas';
import type { MeetingTiming, SpeakerOverride, SpeakingTime, TimerRule } from './timer';
import { RecordTimeInput, SaveRuleInput, SpeakerLimitInput } from './timer-schemas';
import { LiveItemsInput, LiveOpenInput, type LiveItems, type LiveOpen } from './live';
import type { Agency, DueCounts, FollowupStatus, PeriodReport, RegisterItem, RegisterItemDetail, RegisterPage } from './followup';
import { PERIOD_KINDS } from './followup';
import { AgencyInput, FollowupStatusSchema, NoticeTasksSchema, PeriodSchema, RegisterChangeSchema, RegisterFilterSchema } from './followup-schemas';

/** A schema whose parsed and accepted shapes are the same (our transforms only normalise text). */
type Schema<T> = z.ZodType<T, T>;

/** Declares a channel: the schema checks the input at run time, `O` is the output type. */
function channel<S extends z.ZodType, O>(input: S): { input: S; output: O } {
  return { input, output: undefined as unknown as O };
}

const nullableTime = (label: string) => hhmm(label).nullable();
const nullableDate = (label: string) => isoDate(label).nullable();

export const ProfileInput = z.object({
  issuingBody: requiredText('Tên cơ quan ban hành'),
  level: z.enum(UNIT_LEVELS, { error: 'Cấp của đơn vị cần là tỉnh/thành phố, xã/phường/đặc khu hoặc quận/huyện (trước 01/7/2025).' }).default('commune'),
  parentBody: text('Tên cơ quan chủ quản'),
  isParty: z.boolean(),
  docCode: requiredText('Ký hiệu văn bản', 50),
  placeName: requiredText('Địa danh'),
  byline: text('Tên tác giả / đơn vị ký tin bài'),
  secretaryName: text('Tên thư ký'),
  style: z.object({
    padCounts: z.boolean(),
    placeDateLine: z.boolean(),
    chairLabel: z.enum(['CHỦ TRÌ', 'CHỦ TỌA']),
    dateStyle: z.enum(DATE_STYLES, { error: 'Kiểu ghi ngày cần là ngay, plain, dash hoặc long.' }).default('ngay'),
    dateYear: z.boolean().default(true),
    padDayMonth: z.boolean().default(false),
    nameStyle: z.enum(NAME_STYLES, { error: 'Kiểu ghi tên cần là dash, hyphen, comma hoặc title-first.' }).default('dash'),
  }),
});

const NewPerson = z.object({
  fullName: requiredText('Họ tên'),
  titles,
  organization: text('Đơn vị'),
  rank: z.number().int().min(0).max(100_000).optional(),
});

const count = (label: string) => z.number({ error: `${label}: cần là một số.` }).int({ error: `${label}: cần là số nguyên.` }).min(0).max(1_000_000).nullable();
export const CountsSchema = z.object(Object.fromEntries(COUNT_KEYS.map((k) => [k, count(COUNT_LABELS[k])])) as { [K in (typeof COUNT_KEYS)[number]]: ReturnType<typeof count> });

const MeetingFields = z.object({
  title: text('Tên hội nghị', LIMITS.title),
  kind: z.enum(MEETING_KINDS),
  headline: text('Tít bài viết', LIMITS.title),
  session: z.enum(SESSIONS).nullable(),
  legalBasis: z.array(text('Căn cứ', 2_000)).max(20, { error: 'Tối đa 20 văn bản căn cứ.' }),
  purpose: text('Mục đích', 2_000),
  compiledBy: text('Đơn vị tổng hợp kiến nghị'),
  attendance: z.object({ text: text('Số người dự', 500), count: count('Số người dự') }),
  counts: CountsSchema,
  byline: text('Tác giả tin bài'),
  publishedAt: text('Ngày đăng tin', 100),
  organizer: text('Đơn vị tổ chức'),
  audience: text('Đối tượng đối thoại'),
  locality: text('Địa bàn'),
  date: nullableDate('Ngày họp'),
  startTime: nullableTime('Giờ bắt đầu'),
  endTime: nullableTime('Giờ kết thúc'),
  location: text('Địa điểm'),
  secretary: text('Thư ký'),
  docNumber: z.number().int().min(1).max(99_999).nullable(),
});

const RecFields = z.object({
  phase: z.enum(PHASES),
  raisedByAttendeeId: id('Người kiến nghị').nullable(),
  raisedByText: text('Người kiến nghị'),
  unit: text('Đơn vị'),
  topic: text('Lĩnh vực'),
  content: text('Nội dung kiến nghị', LIMITS.longText),
  shortPhrase: text('Cụm tóm tắt', 1_000),
  inArticle: z.boolean(),
  raisedAt: nullableTime('Thời điểm'),
});

const ReplyFields = z.object({
  responderAttendeeId: id('Người trả lời').nullable(),
  responderText: text('Người / cơ quan trả lời'),
  content: text('Nội dung trả lời', LIMITS.longText),
  repliedAt: nullableTime('Thời điểm'),
  kind: z.enum(REPLY_KINDS),
  agency: text('Đơn vị giải quyết'),
  deadline: nullableDate('Thời hạn'),
  recommendationIds: z.array(id('Kiến nghị')).max(500),
});

const SpeechFields = z.object({
  speakerAttendeeId: id('Người phát biểu').nullable(),
  speakerText: text('Người phát biểu'),
  summary: text('Nội dung', LIMITS.longText),
  directions,
  at: nullableTime('Thời điểm'),
});

const AttendeePatch = z.object({
  titles,
  role: z.enum(ROLES),
  presence: z.enum(PRESENCES),
  reason: text('Lý do'),
});

const GroupFields = z.object({ text: requiredText('Thành phần'), role: z.enum(GROUP_ROLES) });

const PhotoFields = z.object({ caption: text('Chú thích ảnh'), event: z.enum(PHOTO_EVENTS), inArticle: z.boolean() });

/** How long a deleted meeting stays in the trash before it is purged for good. */
export const TRASH_DAYS = 30;
/** A meeting in the trash: when it was deleted, and the day it will be purged for good. */
export type TrashedMeeting = MeetingSummary & { deletedAt: string; purgeAt: string; locked: boolean };

const Empty = z.object({});
const FollowupSaveStatuses = z.object({ statuses: z.array(FollowupStatusSchema).min(1, { error: 'Cần ít nhất một trạng thái.' }).max(100, { error: 'Tối đa 100 trạng thái.' }) });
const RegisterCountsInput = z.object({ today: isoDate('Ngày hôm nay').optional(), dueSoonDays: z.number().int().min(0).max(365).optional() });
const RegisterItemInput = RegisterChangeSchema.pick({ uid: true });
const RegisterFileInput = z.object({ fileId: id('Tệp văn bản trả lời') });
const ById = z.object({ id: id() });
const ByMeeting = z.object({ meetingId: id('Hội nghị') });
/** A period and the file wanted: the report as Word, or its tables as a spreadsheet. */
const ReportExportInput = z
  .object({ from: isoDate('Từ ngày'), to: isoDate('Đến ngày'), kind: z.enum(PERIOD_KINDS).default('custom'), format: z.enum(['docx', 'xlsx']).default('docx') })
  .refine((p) => p.from <= p.to, { error: 'Từ ngày phải trước hoặc bằng đến ngày.' });

export const DocBlockSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('heading'), text: text('Tiêu đề', LIMITS.title) }),
  z.object({ type: z.literal('paragraph'), text: text('Đoạn văn', LIMITS.longText) }),
  z.object({ type: z.literal('photo'), photoId: id('Ảnh'), caption: text('Chú thích ảnh') }),
  z.object({ type: z.literal('byline'), text: text('Tác giả') }),
  z.object({ type: z.literal('dateline'), text: text('Ngày đăng tin', 100) }),
  z.object({ type: z.literal('table'), rows: z.array(z.array(text('Ô bảng', LIMITS.longText)).max(20)).max(5_000), group: text('Nhóm').optional() }),
]);

export const DocOptionsSchema = z.object({
  article: z
    .object({ listSpeakers: z.boolean(), legalBasis: text('Căn cứ', 2_000), photoIds: z.array(id('Ảnh')).max(200) })
    .partial()
    .optional(),
  minutes: z.object({ placeDateLine: z.boolean(), recipients: z.array(text('Nơi nhận', 300)).max(30) }).partial().optional(),
  notice: z
    .object({
      number: z.number().int().min(1).max(99_999).nullable(),
      date: isoDate('Ngày thông báo').nullable(),
      authority: text('Quyền hạn ký', 200),
      signerTitle: text('Chức vụ người ký', 200),
      signerName: text('Họ tên người ký', 200),
      recipients: z.array(text('Nơi nhận', 300)).max(30),
    })
    .partial()
    .optional(),
});
type DocOptionsInput = z.input<typeof DocOptionsSchema>;

export type BackupInfo = { fileName: string; at: string; reason: string; bytes: number };
/** `checking`: the start-up integrity check still runs on its own thread (issue 15); ask again to learn its verdict. */
export type Health = { state: 'ok' | 'corrupt'; readOnly: boolean; message: string; backups: BackupInfo[]; checking?: boolean };

/** `done: false`: not handled here, use the browser's way. `savedTo`: the file written, null when cancelled. */
export type ShellDone = { done: boolean; savedTo?: string | null };

export type AppInfo = { version: string; dataDir: string; dbPath: string; mode: 'electron' | 'web' };

// Spreadsheet imports: base64 is 4/3 of the bytes; the exact byte limit is checked after decoding.
const ImportFile = z.object({
  meetingId: id('Hội nghị'),
  kind: z.enum(IMPORT_KINDS),
  fileName: text('Tên tệp'),
  dataBase64: z.string().max(Math.ceil((IMPORT_LIMITS.fileBytes * 4) / 3) + 4, {
    error: `Tệp quá lớn để nhập: tối đa ${IMPORT_LIMITS.fileBytes / 1024 / 1024} MB. Hãy chia nhỏ tệp.`,
  }),
});

export const contract = {
  'app.info': channel<typeof Empty, AppInfo>(Empty),

  'profile.get': channel<typeof Empty, OrgProfile | null>(Empty),
  'profile.save': channel<typeof ProfileInput, OrgProfile>(ProfileInput),

  'people.search': channel<Schema<{ query: string; limit?: number }>, Person[]>(
    z.object({ query: text('Từ khóa', LIMITS.query), limit: z.number().int().min(1).max(200).optional() }),
  ),
  'people.create': channel<typeof NewPerson, Person>(NewPerson),
  'people.update': channel<Schema<{ id: number; patch: Partial<z.input<typeof NewPerson>> }>, Person>(
    z.object({ id: id(), patch: NewPerson.partial() }),
  ),

  'meeting.list': channel<Schema<{ limit?: number }>, MeetingSummary[]>(
    z.object({ limit: z.number().int().min(1).max(10_000).optional() }),
  ),
  'meeting.create': channel<Schema<{ copyFromId?: number; template?: TemplateId; fields?: Partial<z.input<typeof MeetingFields>> }>, Meeting>(
    z.object({ copyFromId: id('Hội nghị mẫu').optional(), template: z.enum(TEMPLATE_IDS).optional(), fields: MeetingFields.partial().optional() }),
  ),
  'meeting.get': channel<typeof ById, MeetingRecord>(ById),
  /** The live screen's first read: what it shows first, the other items as a skeleton (shared/live.ts); then those items whole. */
  'meeting.live': channel<typeof LiveOpenInput, LiveOpen>(LiveOpenInput),
  'meeting.liveItems': channel<typeof LiveItemsInput, LiveItems>(LiveItemsInput),
  'meeting.update': channel<Schema<{ id: number; patch: Partial<z.input<typeof MeetingFields>> }>, Meeting>(
    z.object({ id: id(), patch: MeetingFields.partial() }),
  ),
  'meeting.setStatus': channel<Schema<{ id: number; status: (typeof MEETING_STATUSES)[number] }>, Meeting>(
    z.object({ id: id(), status: z.enum(MEETING_STATUSES) }),
  ),
  'meeting.remove': channel<typeof ById, null>(ById),
  'meeting.restore': channel<typeof ById, Meeting>(ById),
  /** Chốt biên bản: closes the meeting and locks its record (revision 1 on the first lock). */
  'meeting.finalize': channel<typeof ById, Meeting>(ById),
  /** Opens a locked record for changes; the reason goes to the audit log. */
  'meeting.unlock': channel<Schema<{ id: number; reason: string }>, Meeting>(z.object({ id: id(), reason: requiredText('Lý do mở khóa', 1_000) })),

  /** Start-up check of the database, and the backups a recovery screen can offer. */
  'app.health': channel<typeof Empty, Health>(Empty),
  'backup.list': channel<typeof Empty, BackupInfo[]>(Empty),
  'backup.create': channel<typeof Empty, BackupInfo>(Empty),
  /** Replaces the database with a verified backup; the current file is kept aside first. */
  'backup.restore': channel<Schema<{ fileName: string }>, { keptAside: string; message: string }>(z.object({ fileName: text('Tên bản sao lưu', 200) })),

  'attendee.add': channel<
    z.ZodType<{ meetingId: number; personId?: number; newPerson?: z.input<typeof NewPerson>; role: (typeof ROLES)[number] }>,
    Attendee
  >(
    z
      .object({ meetingId: id('Hội nghị'), personId: id('Người').optional(), newPerson: NewPerson.optional(), role: z.enum(ROLES) })
      .refine((v) => (v.personId === undefined) !== (v.newPerson === undefined), {
        error: 'Hãy chọn một người trong danh bạ hoặc nhập người mới.',
      }),
  ),
  'attendee.update': channel<Schema<{ id: number; patch: Partial<z.input<typeof AttendeePatch>> }>, Attendee>(
    z.object({ id: id(), patch: AttendeePatch.partial() }),
  ),
  'attendee.remove': channel<typeof ById, null>(ById),
  'attendee.reorder': channel<Schema<{ meetingId: number; ids: number[] }>, Attendee[]>(
    z.object({ meetingId: id('Hội nghị'), ids: z.array(id()).max(5_000) }),
  ),
  'attendee.sortByRank': channel<typeof ByMeeting, Attendee[]>(ByMeeting),

  'group.add': channel<Schema<{ meetingId: number } & z.input<typeof GroupFields>>, AttendeeGroup>(
    GroupFields.extend({ meetingId: id('Hội nghị') }),
  ),
  'group.update': channel<Schema<{ id: number; patch: Partial<z.input<typeof GroupFields>> }>, AttendeeGroup>(
    z.object({ id: id(), patch: GroupFields.partial() }),
  ),
  'group.remove': channel<typeof ById, null>(ById),

  'speech.create': channel<
    z.ZodType<{ meetingId: number; kind: (typeof SPEECH_KINDS)[number] } & Partial<z.input<typeof SpeechFields>>>,
    Speech
  >(SpeechFields.partial().extend({ meetingId: id('Hội nghị'), kind: z.enum(SPEECH_KINDS) })),
  'speech.update': channel<Schema<{ id: number; patch: Partial<z.input<typeof SpeechFields>> }>, Speech>(
    z.object({ id: id(), patch: SpeechFields.partial() }),
  ),
  'speech.remove': channel<typeof ById, null>(ById),
  'speech.restore': channel<typeof ById, Speech>(ById),

  'rec.create': channel<
    z.ZodType<{ meetingId: number; phase: (typeof PHASES)[number] } & Partial<z.input<typeof RecFields>>>,
    Recommendation
  >(RecFields.partial().extend({ meetingId: id('Hội nghị'), phase: z.enum(PHASES) })),
  'rec.update': channel<Schema<{ id: number; patch: Partial<z.input<typeof RecFields>> }>, Recommendation>(
    z.object({ id: id(), patch: RecFields.partial() }),
  ),
  'rec.remove': channel<typeof ById, null>(ById),
  'rec.restore': channel<typeof ById, Recommendation>(ById),

  'reply.create': channel<Schema<{ meetingId: number } & Partial<z.input<typeof ReplyFields>>>, Reply>(
    ReplyFields.partial().extend({ meetingId: id('Hội nghị') }),
  ),
  'reply.update': channel<Schema<{ id: number; patch: Partial<z.input<typeof ReplyFields>> }>, Reply>(
    z.object({ id: id(), patch: ReplyFields.partial() }),
  ),
  'reply.remove': channel<typeof ById, null>(ById),
  'reply.restore': channel<typeof ById, Reply>(ById),

  'photo.add': channel<
    z.ZodType<{ meetingId: number; fileName: string; dataBase64: string } & Partial<z.input<typeof PhotoFields>>>,
    PhotoMeta
  >(
    PhotoFields.partial().extend({
      meetingId: id('Hội nghị'),
      fileName: text('Tên tệp'),
      // base64 is 4/3 of the bytes; the exact byte limit is checked after decoding.
      dataBase64: z.string().max(Math.ceil((LIMITS.photoBytes * 4) / 3) + 4, {
        error: `Ảnh quá lớn: tối đa ${LIMITS.photoBytes / 1024 / 1024} MB. Hãy chọn ảnh nhỏ hơn hoặc giảm cỡ ảnh trước.`,
      }),
    }),
  ),
  'photo.update': channel<Schema<{ id: number; patch: Partial<z.input<typeof PhotoFields>> }>, PhotoMeta>(
    z.object({ id: id(), patch: PhotoFields.partial() }),
  ),
  'photo.remove': channel<typeof ById, null>(ById),
  'photo.restore': channel<typeof ById, PhotoMeta>(ById),
  /** A small JPEG thumbnail as a data: URL, for the screen. */
  'photo.thumb': channel<typeof ById, string>(ById),

  'search.query': channel<Schema<{ query: string; limit?: number }>, SearchHit[]>(
    z.object({ query: text('Từ khóa', LIMITS.query), limit: z.number().int().min(1).max(500).optional() }),
  ),

  'audit.list': channel<Schema<{ meetingId: number; limit?: number }>, AuditEntry[]>(
    z.object({ meetingId: id('Hội nghị'), limit: z.number().int().min(1).max(10_000).optional() }),
  ),

  /** The whole meeting, photos included, as a meeting file (base64 of the .thukyhn archive). */
  /** `includeAudio`: the hall recording too (issue 16); left out unless the secretary chooses it. */
  'meetingFile.export': channel<Schema<{ id: number; includeAudio?: boolean }>, { fileName: string; dataBase64: string }>(
    z.object({ id: id(), includeAudio: z.boolean().optional() }),
  ),
  'meetingFile.import': channel<Schema<{ fileName: string; dataBase64: string }>, Meeting>(
    z.object({
      fileName: text('Tên tệp'),
      dataBase64: z.string().max(Math.ceil((LIMITS.meetingFileBytes * 4) / 3) + 4, {
        error: `Tệp hội nghị quá lớn để nhập (tối đa ${LIMITS.meetingFileBytes / 1024 / 1024} MB).`,
      }),
    }),
  ),

  'doc.get': channel<Schema<{ meetingId: number; kind: (typeof DOC_KINDS)[number] }>, DocDraft | null>(
    z.object({ meetingId: id('Hội nghị'), kind: z.enum(DOC_KINDS) }),
  ),
  /** Generate afresh; replaces the stored draft (and its edits) only when `replace` is true. */
  'doc.generate': channel<Schema<{ meetingId: number; kind: (typeof DOC_KINDS)[number]; options?: DocOptionsInput; replace?: boolean }>, DocDraft>(
    z.object({ meetingId: id('Hội nghị'), kind: z.enum(DOC_KINDS), options: DocOptionsSchema.optional(), replace: z.boolean().optional() }),
  ),
  'doc.save': channel<Schema<{ meetingId: number; kind: (typeof DOC_KINDS)[number]; blocks: z.input<typeof DocBlockSchema>[] }>, DocDraft>(
    z.object({ meetingId: id('Hội nghị'), kind: z.enum(DOC_KINDS), blocks: z.array(DocBlockSchema).max(5_000) }),
  ),
  'doc.export': channel<Schema<{ meetingId: number; kind: (typeof DOC_KINDS)[number]; format: (typeof DOC_FORMATS)[number] }>, ExportedDoc>(
    z.object({ meetingId: id('Hội nghị'), kind: z.enum(DOC_KINDS), format: z.enum(DOC_FORMATS) }),
  ),
  // ---- Prepare tab: roster undo and spreadsheet imports (roster, pre-meeting recommendations) ----
  'attendee.restore': channel<typeof ById, Attendee>(ById),
  'group.restore': channel<typeof ById, AttendeeGroup>(ById),
  /** The whole directory, for a type-ahead that filters on the client (a round trip per keystroke is too slow). */
  'people.directory': channel<typeof Empty, Person[]>(Empty),
  /** Reads the file and marks each row's problems; writes nothing. */
  'import.preview': channel<Schema<z.input<typeof ImportFile>>, ImportPreview>(ImportFile),
  /** Writes the chosen valid rows (all valid rows when `rows` is absent) in one transaction. */
  'import.commit': channel<Schema<z.input<typeof ImportFile> & { rows?: number[] }>, ImportCommitResult>(
    ImportFile.extend({ rows: z.array(z.number().int().min(1)).max(IMPORT_LIMITS.rows + 20).optional() }),
  ),

  // ---- Shell: channels that Electron's main process answers itself, because only it can reach
  // the OS clipboard (every permission, clipboard included, is denied to the page) and
  // Chromium's PDF printer. The core answers them too, so browser mode and the CLI stay
  // complete: `done: false` tells the renderer to use the browser's own clipboard or print
  // dialog instead. See electron/main/shell-actions.ts. ----
  /** Copies the article (exported by the core) to the clipboard: HTML with a plain-text fallback, or plain text. */
  'shell.copy': channel<Schema<{ meetingId: number; kind: (typeof DOC_KINDS)[number]; format: 'html' | 'text' }>, ShellDone>(
    z.object({ meetingId: id('Hội nghị'), kind: z.enum(DOC_KINDS), format: z.enum(['html', 'text']) }),
  ),
  /** Prints the window's document view to a PDF (A4, the document's margins) and asks where to save it. */
  'shell.printToPdf': channel<Schema<{ meetingId: number; kind: (typeof DOC_KINDS)[number] }>, ShellDone>(
    z.object({ meetingId: id('Hội nghị'), kind: z.enum(DOC_KINDS) }),
  ),
  // ---- First run: the sample meeting (Bắc Từ Liêm, 18/10/2019) shipped with the app. The renderer
  // cannot read resources/ from disk, so the core loads it; the mark that says "this is the
  // sample" is an audit entry (electron/core/repo/sample.ts), not a column. ----
  /** Loads the sample meeting, or returns the one already loaded (never two). */
  'sample.load': channel<Schema<{ name?: SampleName }>, Meeting>(z.object({ name: z.enum(SAMPLE_NAMES).optional() })),
  /** Ids of the sample meetings not deleted, for the "Mẫu" mark on the Home list. */
  'sample.ids': channel<typeof Empty, number[]>(Empty),
  /** A meeting record (JSON text, format meeting-record/1 or /2) becomes a new meeting; nothing is written on any error. */
  'record.import': channel<Schema<{ json: string }>, Meeting>(
    z.object({ json: z.string().max(5 * 1024 * 1024, { error: 'Tệp bản ghi quá lớn (tối đa 5 MB). Hãy chọn đúng tệp .json của bản ghi hội nghị.' }) }),
  ),
  // ---- Home: the trash for meetings (kept TRASH_DAYS days, then purged) and an atomic start. ----
  /** Deleted meetings still in the trash, newest first; purges those older than TRASH_DAYS days. */
  'meeting.trash': channel<typeof Empty, TrashedMeeting[]>(Empty),
  /**
   * Starts the meeting: status "live" and, only when none is stored, this start time, in one
   * transaction, so a start time the secretary typed and saved is never replaced by the clock.
   */
  'meeting.start': channel<Schema<{ id: number; startTime: string }>, Meeting>(z.object({ id: id(), startTime: hhmm('Giờ bắt đầu') })),
  // ---- Speaking timers and the projector (issue 16, electron/shared/timer.ts). The countdown runs
  // in the page; these store the rule, a speaker's own limit and the time spoken per item. ----
  'timer.get': channel<typeof ByMeeting, MeetingTiming>(ByMeeting),
  'timer.saveRule': channel<typeof SaveRuleInput, TimerRule>(SaveRuleInput),
  /** Sets or (seconds: null) removes one speaker's own limit; returns the meeting's limits. */
  'timer.setLimit': channel<typeof SpeakerLimitInput, SpeakerOverride[]>(SpeakerLimitInput),
  /** The total time spoken for one item; 0 removes it. Returns null when removed. */
  'timer.record': channel<typeof RecordTimeInput, SpeakingTime | null>(RecordTimeInput),
  /** Opens the projector window on the external display (Electron's main answers); `done: false`: open a tab. */
  'projector.open': channel<typeof ByMeeting, ShellDone>(ByMeeting),
  // ---- The follow-up register (issue 14, electron/shared/followup.ts): statuses and agencies are
  // office settings; an item's state is the fold of its append-only history. ----
  'followup.statuses': channel<typeof Empty, FollowupStatus[]>(Empty),
  'followup.saveStatuses': channel<typeof FollowupSaveStatuses, FollowupStatus[]>(FollowupSaveStatuses),
  'agency.list': channel<typeof Empty, Agency[]>(Empty),
  'agency.save': channel<typeof AgencyInput, Agency>(AgencyInput),
  'register.query': channel<typeof RegisterFilterSchema, RegisterPage>(RegisterFilterSchema),
  'register.counts': channel<typeof RegisterCountsInput, DueCounts>(RegisterCountsInput),
  'register.item': channel<typeof RegisterItemInput, RegisterItemDetail>(RegisterItemInput),
  /** Each field given becomes one event of the item's history, all in one transaction. */
  'register.change': channel<typeof RegisterChangeSchema, RegisterItemDetail>(RegisterChangeSchema),
  /** An attached answer document, for download. */
  'register.file': channel<typeof RegisterFileInput, { fileName: string; mime: string; dataBase64: string }>(RegisterFileInput),
  /** The tasks the chair's conclusion assigned (register items of kind 'direction'). */
  'notice.tasks': channel<typeof ByMeeting, RegisterItem[]>(ByMeeting),
  'notice.saveTasks': channel<typeof NoticeTasksSchema, RegisterItem[]>(NoticeTasksSchema),
  'report.build': channel<typeof PeriodSchema, PeriodReport>(PeriodSchema),
  /** The period report as .docx (NĐ 30 Mẫu 1.4, BÁO CÁO) or its tables as .xlsx. */
  'report.export': channel<typeof ReportExportInput, ExportedDoc>(ReportExportInput),
  /** The register as .xlsx: the screen's columns, its filters applied, dates as dates. */
  'register.export': channel<typeof RegisterFilterSchema, ExportedDoc>(RegisterFilterSchema),
  // ---- The hall's sound (issue 16, part 3; electron/shared/audio.ts, electron/core/audio/). ----
  /** Starts a new part of the meeting's recording (a restart after a crash is a new part). */
  'audio.start': channel<typeof AudioStartInput, AudioPart>(AudioStartInput),
  /** One chunk (about a second) of Opus and its 16 kHz PCM; answered once written and synced. */
  'audio.append': channel<typeof AudioAppendInput, AudioPart>(AudioAppendInput),
  'audio.stop': channel<typeof AudioByPart, AudioPart>(AudioByPart),
  /** Parts, speech stretches, each entry's moment, bytes used. */
  'audio.state': channel<typeof AudioByMeeting, AudioState>(AudioByMeeting),
  /** One part's sound (base64 WebM/Ogg), to play. */
  'audio.read': channel<typeof AudioByPart, { mime: string; dataBase64: string }>(AudioByPart),
  /** Voice detection over the sound received since the last call. */
  'audio.analyse': channel<typeof AudioByMeeting, SpeechStretch[]>(AudioByMeeting),
  'audio.remove': channel<typeof AudioByMeeting, null>(AudioByMeeting),
  'audio.restore': channel<typeof AudioByMeeting, AudioState>(AudioByMeeting),
  'audio.usage': channel<typeof Empty, AudioUsage>(Empty),
  'audio.model': channel<typeof Empty, ModelCheck & { dir: string | null }>(Empty),
  'audio.setModel': channel<typeof AudioModelInput, ModelCheck>(AudioModelInput),
  'audio.transcribe': channel<typeof AudioTranscribeInput, TranscribeJob>(AudioTranscribeInput),
  'audio.job': channel<typeof AudioJobInput, TranscribeJob>(AudioJobInput),
  'audio.cancel': channel<typeof AudioJobInput, TranscribeJob>(AudioJobInput),
  // ---- Sending to the province's hub (issue 17): settings, the outbox's state, send now. ----
  /** The hub's address, whether a key is set (never the key), the queue and what failed. */
  'hub.status': channel<typeof Empty, HubStatus>(Empty),
  /** Saves the address and key (an absent key keeps the one set); a new hub gets every closed meeting. */
  'hub.save': channel<typeof HubSettingsInput, HubStatus>(HubSettingsInput),
  /** Sends what is queued now instead of at the next minute. */
  'hub.sendNow': channel<typeof Empty, SendSummary>(Empty),
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelParsed<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = Contract[C]['output'];

/** The renderer's view: one async function per channel, never throwing, always a Result. */
export type Api = {
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>>;
};

export const CHANNELS = Object.keys(contract) as Channel[];

// The preload cannot afford to bundle zod, so it reads the channel names from channels.ts.
// These two lines fail to compile if that list and this contract ever disagree.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const channelListMatchesContract: Same<Channel, ChannelName> = true;
