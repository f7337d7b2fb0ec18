// The domain as every layer sees it: core, main, preload and renderer share these types.
// Plain data only (no classes, no Node types) so the renderer can import it.

import type { MeetingTiming } from './timer';

export const ROLES = ['guest', 'host', 'chair', 'reporter', 'delegate', 'responder'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  guest: 'Khách mời cấp trên',
  host: 'Lãnh đạo chủ trì địa phương',
  chair: 'Chủ trì',
  reporter: 'Báo cáo',
  delegate: 'Đại biểu',
  responder: 'Trả lời',
};

export const PRESENCES = ['present', 'absent', 'late'] as const;
export type Presence = (typeof PRESENCES)[number];

export const MEETING_STATUSES = ['draft', 'live', 'closed'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** The kinds of meeting the app writes for (meeting record v2): a dialogue, a meeting with voters
 * (HĐND deputies before a session), or a "gặp mặt, đối thoại". The article's own wording stays in the title. */
export const MEETING_KINDS = ['đối thoại', 'tiếp xúc cử tri', 'gặp mặt, đối thoại'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

/** Buổi: written before the date ("Sáng ngày 30/11") when the start time is not known. */
export const SESSIONS = ['sáng', 'chiều', 'tối'] as const;
export type Session = (typeof SESSIONS)[number];

/**
 * Numbers the article prints, as the secretary sets them; null means "count what was recorded".
 * before/during: kiến nghị collected before / raised in the hall (never below what is listed);
 * speakers: lượt ý kiến; contents: nội dung; fields: lĩnh vực or nhóm; received/selected: N câu hỏi
 * received, M chosen for the meeting.
 */
export type MeetingCounts = {
  before: number | null;
  during: number | null;
  speakers: number | null;
  contents: number | null;
  fields: number | null;
  received: number | null;
  selected: number | null;
};
export const COUNT_KEYS = ['before', 'during', 'speakers', 'contents', 'fields', 'received', 'selected'] as const satisfies readonly (keyof MeetingCounts)[];
export const EMPTY_COUNTS: MeetingCounts = { before: null, during: null, speakers: null, contents: null, fields: null, received: null, selected: null };

/** The hall apart from the named roster: "gần 150 đại biểu", with the number in it when there is one. */
export type Attendance = { text: string; count: number | null };

export const PHASES = ['before', 'during'] as const;
/** before: collected and answered in writing before the meeting; during: raised in the hall. */
export type Phase = (typeof PHASES)[number];

/** written_before: answered in writing before the meeting; on_spot: in the hall; written_later: a
 * written answer promised (agency, deadline); forwarded: passed to another body or a higher level. */
export const REPLY_KINDS = ['written_before', 'on_spot', 'written_later', 'forwarded'] as const;
export type ReplyKind = (typeof REPLY_KINDS)[number];

/** opening: khai mạc / phát biểu định hướng; report: báo cáo, thông báo tình hình; direction: a
 * guest's phát biểu chỉ đạo; remarks: any other speech; conclusion: kết luận. */
export const SPEECH_KINDS = ['opening', 'report', 'direction', 'remarks', 'conclusion'] as const;
export type SpeechKind = (typeof SPEECH_KINDS)[number];

export const GROUP_ROLES = ['guest', 'host', 'participant'] as const;
export type GroupRole = (typeof GROUP_ROLES)[number];

/** Where a photo sits in the story of the meeting; the article places photos by this. */
export const PHOTO_EVENTS = ['attendees', 'opening', 'report', 'before', 'during', 'replies', 'conclusion', 'other'] as const;
export type PhotoEvent = (typeof PHOTO_EVENTS)[number];

/** The sample meetings shipped with the app: a quận in 2019 (history) and a xã in 2025 (two tiers). */
export const SAMPLE_NAMES = ['bac-tu-liem-2019', 'chi-minh-2025'] as const;
export type SampleName = (typeof SAMPLE_NAMES)[number];
export const SAMPLE_LABELS: Record<SampleName, string> = {
  'bac-tu-liem-2019': 'Quận Bắc Từ Liêm, 18/10/2019 (trước khi bỏ cấp quận)',
  'chi-minh-2025': 'Xã Chí Minh, thành phố Hải Phòng, 30/11/2025',
};

/** notice: the chair's thông báo kết luận (issue 14), kept and locked like the minutes. */
export const DOC_KINDS = ['article', 'minutes', 'summary', 'notice'] as const;
export type DocKind = (typeof DOC_KINDS)[number];

export type HouseStyle = {
  /** "08 kiến nghị" (true, as the seed article) or "8 kiến nghị". */
  padCounts: boolean;
  /** Place-and-date line in the minutes header; the decree's template omits it, most offices add it. */
  placeDateLine: boolean;
  /** Signature label for the person presiding: 'CHỦ TRÌ' or 'CHỦ TỌA'. */
  chairLabel: 'CHỦ TRÌ' | 'CHỦ TỌA';
  /** How the article dates the meeting: "Chiều ngày 24/10/2024" (ngay), "Chiều 24/10/2024" (plain), "Chiều 24-10" (dash), "Chiều ngày 24 tháng 10 năm 2024" (long). */
  dateStyle: DateStyle;
  /** Whether the article's date carries the year ("Chiều ngày 24/10" when false). */
  dateYear: boolean;
  /** "24/08/2018" (true) or "24/8/2018"; apart from the padding of counts. */
  padDayMonth: boolean;
  /** How a person is named in the article: "Họ Tên – Chức danh" (dash), "Họ Tên - Chức danh" (hyphen), "Họ Tên, Chức danh" (comma) or "Chức danh Họ Tên" (title-first). */
  nameStyle: NameStyle;
};

export const DATE_STYLES = ['ngay', 'plain', 'dash', 'long'] as const;
export type DateStyle = (typeof DATE_STYLES)[number];
export const NAME_STYLES = ['dash', 'hyphen', 'comma', 'title-first'] as const;
export type NameStyle = (typeof NAME_STYLES)[number];

/**
 * The level of the issuing unit. Since 1/7/2025 local government has two tiers: tỉnh/thành phố and
 * xã/phường/đặc khu. 'district' (quận/huyện/thị xã) stays for meetings held before that date.
 */
export const UNIT_LEVELS = ['province', 'commune', 'district'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];
export const UNIT_LEVEL_LABELS: Record<UnitLevel, string> = {
  province: 'Tỉnh, thành phố',
  commune: 'Xã, phường, đặc khu',
  district: 'Quận, huyện, thị xã (trước 01/7/2025)',
};

export type OrgProfile = {
  /** e.g. "UBND PHƯỜNG TÂY TỰU", "ĐẢNG ỦY PHƯỜNG TÂY TỰU" as it stands in the header. */
  issuingBody: string;
  /** Tỉnh/thành phố or xã/phường/đặc khu (or the old quận/huyện, for history). */
  level: UnitLevel;
  /** e.g. "UBND THÀNH PHỐ HÀ NỘI"; may be empty. */
  parentBody: string;
  /** Party committees issue minutes in the HD 36 format. */
  isParty: boolean;
  /** e.g. "BB-UBND" or for the Party variant "BB/QU". */
  docCode: string;
  /** Place name for the date line, e.g. "Bắc Từ Liêm". */
  placeName: string;
  /** Article byline, e.g. "Hội Liên hiệp phụ nữ quận Bắc Từ Liêm". */
  byline: string;
  /** Default secretary for new meetings. */
  secretaryName: string;
  style: HouseStyle;
};

export const DEFAULT_STYLE: HouseStyle = {
  padCounts: true,
  placeDateLine: true,
  chairLabel: 'CHỦ TRÌ',
  dateStyle: 'ngay',
  dateYear: true,
  padDayMonth: false,
  nameStyle: 'dash',
};

export type Person = {
  id: number;
  fullName: string;
  /** Titles exactly as written, in order: ["TUV", "Bí thư Quận ủy"]. */
  titles: string[];
  organization: string;
  /** Lower comes first in protocol order. */
  rank: number;
};

export type Meeting = {
  id: number;
  title: string;
  kind: MeetingKind;
  organizer: string;
  audience: string;
  locality: string;
  /** ISO date YYYY-MM-DD, or null while unknown. */
  date: string | null;
  /** 24-hour HH:MM. */
  startTime: string | null;
  endTime: string | null;
  location: string;
  secretary: string;
  status: MeetingStatus;
  /** A locked record needs an explicit unlock (with a reason) before it can change. */
  locked: boolean;
  /** Raised on every change after the first lock; printed on exported minutes. */
  revision: number;
  /** Minutes number within the year, e.g. 5 for "Số: 05/BB-UBND"; null prints "Số:    /BB-UBND". */
  docNumber: number | null;
  /** A short news headline for the article, apart from the official name (title). Empty: suggested. */
  headline: string;
  /** Buổi, for the article's date when the start time is not known. */
  session: Session | null;
  /** Plans and regulations the meeting is held under ("Kế hoạch số 12-KH/ĐU …"), each as written. */
  legalBasis: string[];
  /** The purpose as written, from its connective: "nhằm lắng nghe …". */
  purpose: string;
  /** Who collected the recommendations before the meeting ("Ủy ban MTTQ Việt Nam phường"). */
  compiledBy: string;
  /** The hall apart from the named roster. */
  attendance: Attendance;
  /** Numbers the secretary sets for the article and the minutes. */
  counts: MeetingCounts;
  /** Article byline for this meeting (the reporter); empty: the office's byline. */
  byline: string;
  /** The article's publication date line as written ("01/12/2025"); empty: none. */
  publishedAt: string;
  createdAt: string;
  updatedAt: string;
};

/** The v2 details of a meeting that has none recorded yet. */
export const EMPTY_MEETING_DETAILS = {
  headline: '',
  session: null,
  legalBasis: [],
  purpose: '',
  compiledBy: '',
  attendance: { text: '', count: null },
  counts: EMPTY_COUNTS,
  byline: '',
  publishedAt: '',
} as const satisfies Pick<Meeting, 'headline' | 'session' | 'legalBasis' | 'purpose' | 'compiledBy' | 'attendance' | 'counts' | 'byline' | 'publishedAt'>;

export type MeetingSummary = Pick<
  Meeting,
  'id' | 'title' | 'kind' | 'date' | 'startTime' | 'location' | 'status' | 'updatedAt'
> & { recommendationCount: number };

export type Attendee = {
  id: number;
  meetingId: number;
  personId: number;
  fullName: string;
  /** Titles as written for this meeting (a person's titles change over the years). */
  titles: string[];
  organization: string;
  role: Role;
  presence: Presence;
  reason: string;
  /** Protocol order within the meeting. */
  sortOrder: number;
};

export type AttendeeGroup = {
  id: number;
  meetingId: number;
  text: string;
  role: GroupRole;
  sortOrder: number;
};

export type Speech = {
  id: number;
  meetingId: number;
  kind: SpeechKind;
  speakerAttendeeId: number | null;
  /** Free text speaker when not on the roster. */
  speakerText: string;
  summary: string;
  directions: string[];
  /** HH:MM when it started. */
  at: string | null;
  /** Meeting-wide order of events (timeline). */
  seq: number;
};

export type Recommendation = {
  id: number;
  meetingId: number;
  phase: Phase;
  raisedByAttendeeId: number | null;
  /** Free text name (a person or a collective such as "cán bộ, hội viên phụ nữ"). */
  raisedByText: string;
  unit: string;
  topic: string;
  /** The full content as typed. */
  content: string;
  /** Short phrase used by the article and the summary table. */
  shortPhrase: string;
  /** Whether the article lists this phrase (the count printed is always every one recorded). */
  inArticle: boolean;
  raisedAt: string | null;
  seq: number;
};

export type Reply = {
  id: number;
  meetingId: number;
  responderAttendeeId: number | null;
  /** Free text responder, usually an agency ("Phòng Tài nguyên và Môi trường"). */
  responderText: string;
  content: string;
  repliedAt: string | null;
  kind: ReplyKind;
  /** For written_later: the agency responsible and the deadline (ISO date). */
  agency: string;
  deadline: string | null;
  recommendationIds: number[];
  seq: number;
};

export type PhotoMeta = {
  id: number;
  meetingId: number;
  caption: string;
  event: PhotoEvent;
  mime: string;
  width: number;
  height: number;
  inArticle: boolean;
  sortOrder: number;
  createdAt: string;
};

/** Everything recorded about one meeting, as the documents and the live screen need it. */
export type MeetingRecord = {
  meeting: Meeting;
  attendees: Attendee[];
  groups: AttendeeGroup[];
  speeches: Speech[];
  recommendations: Recommendation[];
  replies: Reply[];
  photos: PhotoMeta[];
  /** Speaking timers (issue 16): present only once the meeting has a rule, a limit or a time set. */
  timing?: MeetingTiming;
};

export type SearchHit = {
  meetingId: number;
  meetingTitle: string;
  meetingDate: string | null;
  entity: 'meeting' | 'recommendation' | 'reply' | 'speech' | 'attendee';
  entityId: number;
  /** A short excerpt of the matching text. */
  snippet: string;
};

export type AuditEntry = {
  id: number;
  at: string;
  meetingId: number | null;
  entity: string;
  entityId: number | null;
  action: string;
  detail: string;
};
