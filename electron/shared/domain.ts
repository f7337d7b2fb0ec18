// The domain as every layer sees it: core, main, preload and renderer share these types.
// Plain data only (no classes, no Node types) so the renderer can import it.

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

export const MEETING_KINDS = ['đối thoại'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const PHASES = ['before', 'during'] as const;
/** before: collected and answered in writing before the meeting; during: raised in the hall. */
export type Phase = (typeof PHASES)[number];

export const REPLY_KINDS = ['written_before', 'on_spot', 'written_later'] as const;
export type ReplyKind = (typeof REPLY_KINDS)[number];

export const SPEECH_KINDS = ['opening', 'report', 'conclusion'] as const;
export type SpeechKind = (typeof SPEECH_KINDS)[number];

export const GROUP_ROLES = ['guest', 'host', 'participant'] as const;
export type GroupRole = (typeof GROUP_ROLES)[number];

/** Where a photo sits in the story of the meeting; the article places photos by this. */
export const PHOTO_EVENTS = ['attendees', 'report', 'before', 'during', 'replies', 'conclusion', 'other'] as const;
export type PhotoEvent = (typeof PHOTO_EVENTS)[number];

export const DOC_KINDS = ['article', 'minutes', 'summary'] as const;
export type DocKind = (typeof DOC_KINDS)[number];

export type HouseStyle = {
  /** "08 kiến nghị" (true, as the seed article) or "8 kiến nghị". */
  padCounts: boolean;
  /** Place-and-date line in the minutes header; the decree's template omits it, most offices add it. */
  placeDateLine: boolean;
  /** Signature label for the person presiding: 'CHỦ TRÌ' or 'CHỦ TỌA'. */
  chairLabel: 'CHỦ TRÌ' | 'CHỦ TỌA';
};

export type OrgProfile = {
  /** e.g. "UBND QUẬN BẮC TỪ LIÊM", "QUẬN ỦY BẮC TỪ LIÊM" as it stands in the header. */
  issuingBody: string;
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

export const DEFAULT_STYLE: HouseStyle = { padCounts: true, placeDateLine: true, chairLabel: 'CHỦ TRÌ' };

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
  createdAt: string;
  updatedAt: string;
};

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
