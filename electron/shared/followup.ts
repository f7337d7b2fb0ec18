// The follow-up register (issue 14): every kiến nghị, and every task the chair's conclusion
// assigns, followed from the meeting to its resolution. The current state of an item is never
// stored on its own: it is the fold of an append-only history of events, so that two laptops'
// histories merge by union (stable uids) and a change is never overwritten.
//
// "Answered" and "resolved" are separate facts: a report that counts them as one misleads a
// leader (one national report: 99.87 % answered, 8.79 % resolved).
//
// Types and constants only: the renderer imports this file, and zod stays out of its bundle (the
// input schemas are in followup-schemas.ts, for the contract and the core).

/**
 * What a status means for the period report. `open`: still being handled (the report's "đang
 * giải quyết"); `resolved`: closed (the report's "đã giải quyết"); `not_resolved`: cannot be
 * resolved for objective reasons, stays in the register and is carried over with its reason.
 */
export const STATUS_CATEGORIES = ['open', 'resolved', 'not_resolved'] as const;
export type StatusCategory = (typeof STATUS_CATEGORIES)[number];

export type FollowupStatus = {
  /** Stable key, stored in the history; an office may rename the label but never the key. */
  key: string;
  label: string;
  category: StatusCategory;
  /** The kiến nghị has been answered (at the meeting or in writing) when it is in this status. */
  answered: boolean;
  sortOrder: number;
  /** Hidden from the choice list, still shown on items that have it. */
  active: boolean;
};

/** Defaults; an office may rename, reorder, hide them and add its own (with a category). */
export const DEFAULT_STATUSES: readonly FollowupStatus[] = [
  { key: 'unanswered', label: 'Chưa trả lời', category: 'open', answered: false, sortOrder: 1, active: true },
  { key: 'answered_at_meeting', label: 'Đã trả lời tại hội nghị', category: 'open', answered: true, sortOrder: 2, active: true },
  { key: 'awaiting_written', label: 'Chờ trả lời bằng văn bản', category: 'open', answered: false, sortOrder: 3, active: true },
  { key: 'in_progress', label: 'Đang giải quyết', category: 'open', answered: true, sortOrder: 4, active: true },
  { key: 'resolved', label: 'Đã giải quyết xong', category: 'resolved', answered: true, sortOrder: 5, active: true },
  { key: 'explained', label: 'Đã giải thích, không thuộc thẩm quyền', category: 'resolved', answered: true, sortOrder: 6, active: true },
  { key: 'forwarded', label: 'Chuyển cấp trên', category: 'resolved', answered: true, sortOrder: 7, active: true },
  { key: 'unresolvable', label: 'Chưa giải quyết được do nguyên nhân khách quan', category: 'not_resolved', answered: true, sortOrder: 8, active: true },
];

/** The status an item starts in when nobody has set one yet. */
export const INITIAL_STATUS = 'unanswered';

/** An agency the office assigns kiến nghị to (kept as a list, chosen by name). */
export type Agency = { id: number; name: string; active: boolean; sortOrder: number };

/** A register item is a kiến nghị of a meeting, or a task the chair's conclusion assigned. */
export const ITEM_KINDS = ['recommendation', 'direction'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/** The written answer: its number and sign (số/ký hiệu), its date, and the file if attached. */
export type AnswerDocument = { number: string; date: string | null; fileName: string | null; fileId: number | null };

/** One field an event changes. `note` changes nothing but is kept in the history. */
export const EVENT_FIELDS = ['status', 'agency', 'deadline', 'document', 'note'] as const;
export type EventField = (typeof EVENT_FIELDS)[number];

export type FollowupEvent = {
  /** Stable across laptops and files (a UUID), the key of the merge. */
  uid: string;
  itemUid: string;
  field: EventField;
  /** The new value: a status key, an agency name, an ISO date, JSON of an AnswerDocument, or '' (cleared). */
  value: string;
  /**
   * The uid of the latest event on the same field that the author saw, null for the first. Two
   * events with the same parent on the same field and different values are a conflict: both are
   * kept and shown, the later one (by `at`, then `uid`) is the current value until someone
   * records a new change.
   */
  parentUid: string | null;
  /** ISO timestamp with milliseconds, UTC. */
  at: string;
  /** Who made the change (the secretary's name from the profile, or what the CLI was given). */
  actor: string;
  note: string;
  /** Filled when reading: this event conflicts with another of the same parent. */
  conflict?: boolean;
};

export type RegisterItem = {
  uid: string;
  kind: ItemKind;
  meetingId: number;
  meetingTitle: string;
  meetingDate: string | null;
  /** The kiến nghị's id in its meeting; null for a task from the conclusion. */
  recommendationId: number | null;
  /** The kiến nghị's content or the task's text. */
  content: string;
  shortPhrase: string;
  /** Lĩnh vực (the kiến nghị's topic). */
  topic: string;
  raisedBy: string;
  unit: string;
  status: string;
  statusLabel: string;
  category: StatusCategory;
  answered: boolean;
  agency: string;
  deadline: string | null;
  /** Days from `today` to the deadline (negative when overdue); null without a deadline. */
  daysLeft: number | null;
  /** Past its deadline while its status is in the category `open`. */
  overdue: boolean;
  document: AnswerDocument | null;
  /** Some field has two conflicting changes (see FollowupEvent.parentUid). */
  conflict: boolean;
  /** When the item was received into the register (the meeting's date, or the task's creation). */
  receivedOn: string | null;
  updatedAt: string;
};

export type RegisterFilter = {
  status?: string[];
  agency?: string;
  topic?: string;
  meetingId?: number;
  /** Meetings (received dates) from/to, inclusive, ISO dates. */
  from?: string;
  to?: string;
  dueWithinDays?: number;
  overdue?: boolean;
  /** Vietnamese search as everywhere (folded, đ = d). */
  query?: string;
  /** ISO date used as "today" (tests, reports); the local date when absent. */
  today?: string;
  limit?: number;
  offset?: number;
};

export type RegisterPage = { total: number; items: RegisterItem[] };

/** Home's counts: due within `dueSoonDays` days, and overdue. */
export type DueCounts = { dueSoon: number; overdue: number; dueSoonDays: number };

/** A changed item with its whole history, newest last. */
export type RegisterItemDetail = { item: RegisterItem; history: FollowupEvent[] };

// ---- The period report (Báo cáo kết quả giải quyết kiến nghị) ----

export const PERIOD_KINDS = ['month', 'quarter', 'half', 'nine_months', 'year', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/**
 * One row of the report's table. The identity that must hold for every row and every period:
 * carriedOver + received = resolved + inProgress + notResolved.
 */
export type ReportRow = {
  label: string;
  carriedOver: number;
  received: number;
  resolved: number;
  inProgress: number;
  notResolved: number;
  /** Answered by the end of the period (a separate fact from resolved). */
  answered: number;
};

export type PeriodReport = {
  from: string;
  to: string;
  /** "Quý IV năm 2026", "6 tháng đầu năm 2026", "từ 01/10/2026 đến 15/11/2026". */
  label: string;
  total: ReportRow;
  byTopic: ReportRow[];
  byAgency: ReportRow[];
  /** Percentages of (carriedOver + received), one decimal; answered and resolved kept apart. */
  answeredPct: number;
  resolvedPct: number;
  /** Items not resolved at the end of the period, with the note of the event that set that status. */
  notResolved: { uid: string; content: string; agency: string; reason: string }[];
};

/*
 * Channels (added to contract.ts by the engineer who implements them, with their handlers):
 *   'followup.statuses'     {}                                   → FollowupStatus[]
 *   'followup.saveStatuses' { statuses: FollowupStatus[] }       → FollowupStatus[]
 *   'agency.list'           {}                                   → Agency[]
 *   'agency.save'           AgencyInput                          → Agency
 *   'register.query'        RegisterFilter                       → RegisterPage
 *   'register.counts'       { today?, dueSoonDays? }             → DueCounts
 *   'register.item'         { uid }                              → RegisterItemDetail
 *   'register.change'       RegisterChange                       → RegisterItemDetail
 *   'register.file'         { fileId }                           → { fileName, mime, dataBase64 }
 *   'register.export'       RegisterFilter                       → ExportedDoc (.xlsx)
 *   'notice.tasks'          { meetingId }                        → RegisterItem[] (kind 'direction')
 *   'notice.saveTasks'      NoticeTasks                          → RegisterItem[]
 *   'report.build'          Period                               → PeriodReport
 *   'report.export'         Period & { format: 'docx' | 'xlsx' } → ExportedDoc
 * The notice itself is a document kind ('notice') of the meeting, through doc.get / doc.generate /
 * doc.save / doc.export like the minutes (editable draft, kept edits, stale notice, lock with revision).
 */
