// The live screen's own copy of the record. Every save answers with the saved item, and that
// item replaces the old one here, so the screen never reloads the whole meeting while the
// secretary types, and only the timeline row that changed re-renders.
import type { Attendee, Meeting, MeetingRecord, PhotoMeta, PhotoEvent, Recommendation, Reply, Speech } from '../../../../electron/shared/domain';
import { PHASES, REPLY_KINDS } from '../../../../electron/shared/domain';
import type { LiveItems, LiveOpen } from '../../../../electron/shared/live';

export type ItemKind = 'rec' | 'reply' | 'speech';
export type Sel = { kind: ItemKind; id: number };

export type Entry =
  | { kind: 'rec'; id: number; seq: number; item: Recommendation }
  | { kind: 'reply'; id: number; seq: number; item: Reply }
  | { kind: 'speech'; id: number; seq: number; item: Speech };

export type LiveData = {
  meeting: Meeting;
  attendees: Attendee[];
  speeches: Speech[];
  recs: Recommendation[];
  replies: Reply[];
  photos: PhotoMeta[];
};

export const fromRecord = (r: MeetingRecord): LiveData => ({
  meeting: r.meeting,
  attendees: r.attendees,
  speeches: r.speeches,
  recs: r.recommendations,
  replies: r.replies,
  photos: r.photos,
});

/**
 * The items known only by their skeleton (the first read, `meeting.live`, see shared/live.ts):
 * id, place, phase or kind, links, and empty text. Known by object: a save or a fill replaces the
 * item with a new, whole object, so an item is never taken for a skeleton after it arrived whole,
 * nor for whole before.
 */
const skeletons = new WeakSet<object>();

/** Whether this item is a skeleton: shown as a placeholder, never opened in a form (a save would blank it). */
export function isSkeleton(item: object): boolean {
  return skeletons.has(item);
}

/**
 * The record of a `meeting.live` answer, every item in place: the window's items whole, every
 * other one a skeleton (marked as such) built from `rest`.
 */
export function expandLive(open: LiveOpen): MeetingRecord {
  const { record, rest } = open;
  const meetingId = record.meeting.id;
  const recs: Recommendation[] = [];
  for (let i = 0; i + 2 < rest.recs.length; i += 3) {
    const r: Recommendation = {
      id: rest.recs[i]!,
      meetingId,
      phase: PHASES[rest.recs[i + 2]!] ?? 'during',
      raisedByAttendeeId: null,
      raisedByText: '',
      unit: '',
      topic: '',
      content: '',
      shortPhrase: '',
      inArticle: false,
      raisedAt: null,
      seq: rest.recs[i + 1]!,
    };
    skeletons.add(r);
    recs.push(r);
  }
  const replies: Reply[] = [];
  for (let i = 0; i + 3 < rest.replies.length; ) {
    const n = rest.replies[i + 3]!;
    const r: Reply = {
      id: rest.replies[i]!,
      meetingId,
      responderAttendeeId: null,
      responderText: '',
      content: '',
      repliedAt: null,
      kind: REPLY_KINDS[rest.replies[i + 2]!] ?? 'on_spot',
      agency: '',
      deadline: null,
      recommendationIds: rest.replies.slice(i + 4, i + 4 + n),
      seq: rest.replies[i + 1]!,
    };
    skeletons.add(r);
    replies.push(r);
    i += 4 + n;
  }
  return {
    ...record,
    recommendations: recs.length ? [...record.recommendations, ...recs].sort(bySeq) : record.recommendations,
    replies: replies.length ? [...record.replies, ...replies].sort(bySeq) : record.replies,
  };
}

/** The skeleton items still in `d`, recommendations then replies, in timeline order. */
export function skeletonIds(d: Pick<LiveData, 'recs' | 'replies'>): { recs: number[]; replies: number[] } {
  return { recs: d.recs.filter(isSkeleton).map((r) => r.id), replies: d.replies.filter(isSkeleton).map((r) => r.id) };
}

function fillList<T extends { id: number }>(list: T[], whole: T[]): T[] {
  if (!whole.length) return list;
  const byId = new Map(whole.map((x) => [x.id, x]));
  let changed = false;
  const out = list.map((x) => {
    const w = skeletons.has(x) ? byId.get(x.id) : undefined;
    if (w === undefined) return x;
    changed = true;
    return w;
  });
  return changed ? out : list;
}

/**
 * Puts the whole items in place of their skeletons, and only of them: an item saved on this
 * screen since the first read is a newer, whole object, and stays.
 */
export function fillItems(s: LiveData, items: LiveItems): LiveData {
  const recs = fillList(s.recs, items.recs);
  const replies = fillList(s.replies, items.replies);
  return recs === s.recs && replies === s.replies ? s : { ...s, recs, replies };
}

export type Action =
  | { type: 'reset'; data: LiveData }
  | { type: 'fill'; items: LiveItems }
  | { type: 'rec'; item: Recommendation }
  | { type: 'reply'; item: Reply }
  | { type: 'speech'; item: Speech }
  | { type: 'attendee'; item: Attendee }
  | { type: 'photo'; item: PhotoMeta }
  | { type: 'meeting'; item: Meeting }
  | { type: 'drop'; kind: ItemKind | 'photo'; id: number };

function upsert<T extends { id: number }>(list: T[], item: T, order: (a: T, b: T) => number): T[] {
  const i = list.findIndex((x) => x.id === item.id);
  if (i >= 0) {
    const next = list.slice();
    next[i] = item;
    return next;
  }
  return [...list, item].sort(order);
}

const bySeq = (a: { seq: number; id: number }, b: { seq: number; id: number }) => a.seq - b.seq || a.id - b.id;

/**
 * A snapshot read from the core may have left before an item created on this screen came back
 * (the secretary pressed F2 while the tab was still loading). Ids only grow, so a local item
 * newer than everything in the snapshot was created after it was read: keep it rather than let
 * the older snapshot make it vanish from the screen.
 */
function keepNewer<T extends { id: number; seq: number }>(local: T[], incoming: T[]): T[] {
  const newest = incoming.reduce((m, x) => Math.max(m, x.id), 0);
  const extra = local.filter((x) => x.id > newest);
  return extra.length ? [...incoming, ...extra].sort(bySeq) : incoming;
}

export function mergeSnapshot(local: LiveData, incoming: LiveData): LiveData {
  if (local.meeting.id !== incoming.meeting.id) return incoming;
  return {
    ...incoming,
    recs: keepNewer(local.recs, incoming.recs),
    replies: keepNewer(local.replies, incoming.replies),
    speeches: keepNewer(local.speeches, incoming.speeches),
  };
}

export function reduce(s: LiveData, a: Action): LiveData {
  switch (a.type) {
    case 'reset':
      return mergeSnapshot(s, a.data);
    case 'fill':
      return fillItems(s, a.items);
    case 'rec':
      return { ...s, recs: upsert(s.recs, a.item, bySeq) };
    case 'reply':
      return { ...s, replies: upsert(s.replies, a.item, bySeq) };
    case 'speech':
      return { ...s, speeches: upsert(s.speeches, a.item, bySeq) };
    case 'attendee':
      return { ...s, attendees: upsert(s.attendees, a.item, (x, y) => x.sortOrder - y.sortOrder) };
    case 'photo':
      return { ...s, photos: upsert(s.photos, a.item, (x, y) => x.sortOrder - y.sortOrder || x.id - y.id) };
    case 'meeting':
      return { ...s, meeting: a.item };
    case 'drop':
      if (a.kind === 'rec') return { ...s, recs: s.recs.filter((x) => x.id !== a.id) };
      if (a.kind === 'reply') return { ...s, replies: s.replies.filter((x) => x.id !== a.id) };
      if (a.kind === 'speech') return { ...s, speeches: s.speeches.filter((x) => x.id !== a.id) };
      return { ...s, photos: s.photos.filter((x) => x.id !== a.id) };
  }
}

// One Entry per item object: a save replaces one item, so every other row keeps the very same
// Entry and its memoised row is skipped (measured: a save re-rendered all 3,000 rows before).
const entryOf = new WeakMap<object, Entry>();
function wrap<K extends Entry['kind']>(kind: K, item: Extract<Entry, { kind: K }>['item']): Entry {
  let e = entryOf.get(item);
  if (!e) {
    e = { kind, id: item.id, seq: item.seq, item } as Entry;
    entryOf.set(item, e);
  }
  return e;
}

export function timeline(d: Pick<LiveData, 'recs' | 'replies' | 'speeches'>): Entry[] {
  const all: Entry[] = [...d.speeches.map((item) => wrap('speech', item)), ...d.recs.map((item) => wrap('rec', item)), ...d.replies.map((item) => wrap('reply', item))];
  return all.sort(bySeq);
}

/**
 * The items of `b` that replace an item of `a` in place (same id and seq, so the same place in
 * the timeline): what a save does. Null when anything else changed (added, removed, moved).
 */
export function replacedInPlace<T extends { id: number; seq: number }>(a: readonly T[], b: readonly T[]): [T, T][] | null {
  if (a.length !== b.length) return null;
  const out: [T, T][] = [];
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (a[i].id !== b[i].id || a[i].seq !== b[i].seq) return null;
    out.push([a[i], b[i]]);
  }
  return out;
}

/** The same rows in the same order (an item replaced in place by a save keeps its place). */
export function sameOrder(a: readonly Entry[], b: readonly Entry[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].id !== b[i].id || a[i].kind !== b[i].kind) return false;
  return true;
}

type Lists = Pick<LiveData, 'recs' | 'replies' | 'speeches'>;

/** Items replaced at once beyond which their old places are found through a map, not indexOf. */
export const PATCH_MAX = 64;

/**
 * timeline(d), computed from the previous timeline when a save only replaced items in place:
 * the old entries keep their places and the new ones take theirs, without wrapping and sorting
 * every item again (30,000 of them at 100×, on every save answer).
 */
export function nextTimeline(prev: { d: Lists; entries: Entry[] } | null, d: Lists): Entry[] {
  if (!prev) return timeline(d);
  const recs = replacedInPlace(prev.d.recs, d.recs);
  const replies = replacedInPlace(prev.d.replies, d.replies);
  const speeches = replacedInPlace(prev.d.speeches, d.speeches);
  if (!recs || !replies || !speeches) return timeline(d);
  if (!recs.length && !replies.length && !speeches.length) return prev.entries;
  const next = prev.entries.slice();
  // A save replaces one item: indexOf finds it. A fill of whole texts replaces thousands, where
  // indexOf per item would be quadratic (30,000² at 100×): one map of the old places instead.
  let places: Map<Entry, number> | null = null;
  const placeOf = (e: Entry): number => {
    if (recs.length + replies.length + speeches.length <= PATCH_MAX) return next.indexOf(e);
    places ??= new Map(prev.entries.map((x, i) => [x, i]));
    return places.get(e) ?? -1;
  };
  const swap = (pairs: [object, Entry][]): boolean => {
    for (const [old, entry] of pairs) {
      const was = entryOf.get(old);
      const i = was ? placeOf(was) : -1;
      if (i < 0) return false;
      next[i] = entry;
    }
    return true;
  };
  const ok =
    swap(recs.map(([o, n]) => [o, wrap('rec', n)])) && swap(replies.map(([o, n]) => [o, wrap('reply', n)])) && swap(speeches.map(([o, n]) => [o, wrap('speech', n)]));
  return ok ? next : timeline(d);
}

/** Received, or answered in writing, before the meeting: folded away on the timeline while it is live. */
export function isPreMeeting(e: Entry): boolean {
  if (e.kind === 'rec') return e.item.phase === 'before';
  if (e.kind === 'reply') return e.item.kind === 'written_before';
  return false;
}

export const SPEECH_LABEL: Record<Speech['kind'], string> = {
  opening: 'Khai mạc',
  report: 'Báo cáo',
  direction: 'Phát biểu chỉ đạo',
  remarks: 'Phát biểu',
  conclusion: 'Kết luận',
};

export const REPLY_KIND_LABEL: Record<Reply['kind'], string> = {
  written_before: 'Đã trả lời bằng văn bản trước hội nghị',
  on_spot: 'Trả lời trực tiếp tại hội nghị',
  written_later: 'Sẽ trả lời bằng văn bản sau',
  forwarded: 'Chuyển cơ quan có thẩm quyền, cấp trên',
};

export const PHOTO_EVENT_LABEL: Record<PhotoEvent, string> = {
  attendees: 'Quang cảnh, đại biểu dự',
  opening: 'Khai mạc',
  report: 'Báo cáo',
  before: 'Kiến nghị trước hội nghị',
  during: 'Kiến nghị tại hội nghị',
  replies: 'Trả lời, giải đáp',
  conclusion: 'Kết luận',
  other: 'Khác',
};

/** Where a photo taken now belongs, judged from what the secretary is recording. */
export function eventFor(e: Entry | null): PhotoEvent {
  if (!e) return 'attendees';
  if (e.kind === 'rec') return e.item.phase;
  if (e.kind === 'reply') return 'replies';
  return e.item.kind === 'conclusion' ? 'conclusion' : e.item.kind === 'report' ? 'report' : 'attendees';
}

export function speakerName(attendees: Attendee[], id: number | null, text: string): string {
  if (id) {
    const a = attendees.find((x) => x.id === id);
    if (a) return a.fullName;
  }
  return text;
}

/** Ids in the order the reply form lists them: linked, then the reply's phase, then the rest. */
export function replyLinkOrder(recs: readonly Recommendation[], reply: Pick<Reply, 'recommendationIds' | 'kind'>): number[] {
  const linked = new Set(reply.recommendationIds);
  const phase: Recommendation['phase'] = reply.kind === 'written_before' ? 'before' : 'during';
  const rank = (r: Recommendation) => (linked.has(r.id) ? 0 : r.phase === phase ? 1 : 2);
  return recs
    .map((r, i) => ({ r, i }))
    .sort((a, b) => rank(a.r) - rank(b.r) || a.i - b.i)
    .map(({ r }) => r.id);
}
