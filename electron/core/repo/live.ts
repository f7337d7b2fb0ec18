// The live screen's first read and its follow-up (see shared/live.ts). The same rows as
// getRecord (repo/meetings.ts) and the same fields as repo/items.ts's fromRow; what differs is
// how much is read: the skeleton of every item is three or four numbers read straight from the
// index-ordered rows (no text copied out of SQLite), and only the window is read whole, its
// replies' links in one query rather than one per reply.
// tests/integration/live-read.test.ts checks both reads against meeting.get field by field.
import type { Database } from 'better-sqlite3';
import { PHASES, REPLY_KINDS, type Recommendation, type Reply } from '../../shared/domain';
import { LIVE_WINDOW, type LiveItems, type LiveOpen } from '../../shared/live';
import { bool } from './json';
import { getMeeting } from './meetings';
import { listAttendees, listGroups } from './roster';
import { listSpeeches } from './items';
import { listPhotos } from './photos';
import { getTiming, hasTiming } from './timing';

type Focus = { kind: 'rec' | 'reply' | 'speech'; id: number } | null | undefined;

type RecRow = Omit<Recommendation, 'inArticle'> & { inArticle: number };

const IDS = 'id IN (SELECT value FROM json_each(@ids))';

/** Whole recommendations of the meeting among `ids`, in timeline order. */
function readRecs(db: Database, meetingId: number, ids: number[]): Recommendation[] {
  if (!ids.length) return [];
  const rows = db
    .prepare(
      `SELECT id, meeting_id AS meetingId, phase, raised_by_attendee_id AS raisedByAttendeeId, raised_by_text AS raisedByText, unit, topic,
         content, short_phrase AS shortPhrase, in_article AS inArticle, raised_at AS raisedAt, seq
       FROM recommendations WHERE meeting_id = @m AND deleted_at IS NULL AND ${IDS} ORDER BY seq, id`,
    )
    .all({ m: meetingId, ids: JSON.stringify(ids) }) as RecRow[];
  return rows.map((r) => ({ ...r, inArticle: bool(r.inArticle) }));
}

/** Whole replies of the meeting among `ids`, in timeline order, their links in one query. */
function readReplies(db: Database, meetingId: number, ids: number[]): Reply[] {
  if (!ids.length) return [];
  const rows = db
    .prepare(
      `SELECT id, meeting_id AS meetingId, responder_attendee_id AS responderAttendeeId, responder_text AS responderText,
         content, replied_at AS repliedAt, kind, agency, deadline, seq
       FROM replies WHERE meeting_id = @m AND deleted_at IS NULL AND ${IDS} ORDER BY seq, id`,
    )
    .all({ m: meetingId, ids: JSON.stringify(ids) }) as Omit<Reply, 'recommendationIds'>[];
  const links = linksOf(db, meetingId, rows.map((r) => r.id));
  // The same key order as repo/items.ts's fromRow (tests compare the objects).
  return rows.map(({ seq, ...r }) => ({ ...r, recommendationIds: links.get(r.id) ?? [], seq }));
}

/** The recommendations each reply answers, by recommendation id (as getReply lists them). */
function linksOf(db: Database, meetingId: number, replyIds: number[] | null): Map<number, number[]> {
  const rows = db
    .prepare(
      `SELECT l.reply_id, l.recommendation_id FROM reply_links l JOIN replies r ON r.id = l.reply_id
       WHERE r.meeting_id = @m AND r.deleted_at IS NULL${replyIds ? ' AND r.id IN (SELECT value FROM json_each(@ids))' : ''}
       ORDER BY l.reply_id, l.recommendation_id`,
    )
    .raw()
    .all(replyIds ? { m: meetingId, ids: JSON.stringify(replyIds) } : { m: meetingId }) as [number, number][];
  const links = new Map<number, number[]>();
  for (const [reply, rec] of rows) {
    const list = links.get(reply);
    if (list) list.push(rec);
    else links.set(reply, [rec]);
  }
  return links;
}

type Slot = { kind: 'rec' | 'reply'; id: number; seq: number; pre: boolean; code: number };

export function openLive(db: Database, meetingId: number, focus: Focus, window = LIVE_WINDOW): LiveOpen {
  const meeting = getMeeting(db, meetingId);
  const speeches = listSpeeches(db, meetingId);
  const recs = db.prepare('SELECT id, seq, phase FROM recommendations WHERE meeting_id = ? AND deleted_at IS NULL').raw().all(meetingId) as [number, number, string][];
  const replies = db.prepare('SELECT id, seq, kind FROM replies WHERE meeting_id = ? AND deleted_at IS NULL').raw().all(meetingId) as [number, number, string][];
  const slots: Slot[] = [
    ...recs.map(([id, seq, phase]): Slot => ({ kind: 'rec', id, seq, pre: phase === 'before', code: PHASES.indexOf(phase as (typeof PHASES)[number]) })),
    ...replies.map(([id, seq, kind]): Slot => ({ kind: 'reply', id, seq, pre: kind === 'written_before', code: REPLY_KINDS.indexOf(kind as (typeof REPLY_KINDS)[number]) })),
  ].sort((a, b) => a.seq - b.seq || a.id - b.id);

  // The window: the rows around the item opened as the screen lists them (while the meeting is
  // live the pre-meeting items are folded away, except the one opened), or the first rows.
  const isFocus = (s: Slot) => focus?.kind === s.kind && focus.id === s.id;
  const shown = meeting.status === 'live' ? slots.filter((s) => !s.pre || isFocus(s)) : slots;
  const focusSeq = focus?.kind === 'speech' ? speeches.find((s) => s.id === focus.id)?.seq : undefined;
  const at = focusSeq !== undefined ? shown.findIndex((s) => s.seq >= focusSeq) : focus ? shown.findIndex(isFocus) : -1;
  // A meeting that fits in the window comes whole: nothing to bring after.
  const whole = new Set<Slot>(slots.length <= 2 * window + 1 ? slots : at < 0 ? shown.slice(0, 2 * window) : shown.slice(Math.max(0, at - window), at + window + 1));
  // The item opened is whole even where the fold would hide it, and a reply's form lists the
  // recommendations it answers by their phrase.
  for (const s of slots) if (isFocus(s)) whole.add(s);
  const links = linksOf(db, meetingId, null);
  if (focus?.kind === 'reply') {
    const answered = new Set(links.get(focus.id) ?? []);
    for (const s of slots) if (s.kind === 'rec' && answered.has(s.id)) whole.add(s);
  }

  const rest: LiveOpen['rest'] = { recs: [], replies: [] };
  const wholeRecs: number[] = [];
  const wholeReplies: number[] = [];
  for (const s of slots) {
    if (whole.has(s)) (s.kind === 'rec' ? wholeRecs : wholeReplies).push(s.id);
    else if (s.kind === 'rec') rest.recs.push(s.id, s.seq, s.code);
    else {
      const l = links.get(s.id) ?? [];
      rest.replies.push(s.id, s.seq, s.code, l.length, ...l);
    }
  }
  const timing = getTiming(db, meetingId);
  return {
    record: {
      meeting,
      attendees: listAttendees(db, meetingId),
      groups: listGroups(db, meetingId),
      speeches,
      recommendations: readRecs(db, meetingId, wholeRecs),
      replies: readReplies(db, meetingId, wholeReplies),
      photos: listPhotos(db, meetingId),
      ...(hasTiming(timing) ? { timing } : {}),
    },
    rest,
  };
}

/** The asked items that belong to the meeting and are not deleted, whole. */
export function liveItems(db: Database, meetingId: number, recIds: number[], replyIds: number[]): LiveItems {
  // A meeting deleted meanwhile answers not_found (with its message), not an empty fill.
  getMeeting(db, meetingId);
  return { recs: readRecs(db, meetingId, recIds), replies: readReplies(db, meetingId, replyIds) };
}
