// A meeting record (the facts an article gives) as the app's meeting-file data. Pure apart from the
// stand-in pictures: the record names its photos and captions but ships no image, so each becomes a
// plain illustration the secretary replaces.
import sharp from 'sharp';
import type { MeetingKind, PhotoEvent } from '../../shared/domain';
import { UserError } from '../../shared/result';
import type { MeetingDataInput } from '../meeting-file/format';
import { rankFromTitles } from '../repo/people';
import { MeetingRecordSchema, type MeetingRecordInput } from './schema';

const bad = (what: string): UserError =>
  new UserError('record_invalid', `Bản ghi hội nghị không hợp lệ: ${what} Chưa có gì được ghi vào dữ liệu.`);

/** "people[2].role" from zod's path, as a person reading the JSON file would look for it. */
function fieldName(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');
}

/** Parses and checks a record (v1 or v2); every problem names its field. */
export function parseRecord(json: unknown): MeetingRecordInput {
  const r = MeetingRecordSchema.safeParse(json);
  if (!r.success) {
    const i = r.error.issues[0];
    const where = i?.path.length ? `trường "${fieldName(i.path)}": ` : '';
    throw bad(`${where}${i?.message ?? 'dữ liệu sai'}.`.replace(/\.\.$/, '.'));
  }
  const rec = r.data;
  const m = rec.meeting;
  // A record that names no meeting at all would make an empty "closed" meeting nobody asked for.
  if (![m.title, m.organizer, m.audience, m.locality, m.location, m.date].some((v) => v?.trim()) && !rec.people.length && !rec.recommendations.length)
    throw bad('trường "meeting": bản ghi không có thông tin nào về hội nghị (tên, ngày, đơn vị, đại biểu hay kiến nghị).');
  const people = new Set<string>();
  rec.people.forEach((p, i) => {
    if (people.has(p.key)) throw bad(`trường "people[${i}].key": khóa ${p.key} bị lặp.`);
    if (!p.name?.trim() && !p.titles.some((t) => t.trim())) throw bad(`trường "people[${i}]": cần có họ tên hoặc ít nhất một chức danh.`);
    people.add(p.key);
  });
  const recKeys = rec.recommendations.map((x, i) => x.key ?? `r${i + 1}`);
  const seen = new Set<string>();
  recKeys.forEach((k, i) => {
    if (seen.has(k)) throw bad(`trường "recommendations[${i}].key": khóa ${k} bị lặp.`);
    seen.add(k);
  });
  rec.speeches.forEach((s, i) => {
    if (s.speakerKey && !people.has(s.speakerKey)) throw bad(`trường "speeches[${i}].speakerKey": không có người ${s.speakerKey} trong "people".`);
  });
  rec.replies.forEach((x, i) => {
    if (x.byKey && !people.has(x.byKey)) throw bad(`trường "replies[${i}].byKey": không có người ${x.byKey} trong "people".`);
    x.to.forEach((k, j) => {
      if (!seen.has(k)) throw bad(`trường "replies[${i}].to[${j}]": không có kiến nghị ${k} trong "recommendations".`);
    });
  });
  if (rec.counts) {
    for (const phase of ['before', 'during'] as const) {
      const n = rec.counts[phase];
      const listed = rec.recommendations.filter((x) => x.phase === phase).length;
      if (n != null && n < listed) throw bad(`trường "counts.${phase}" (${n}) nhỏ hơn số kiến nghị đã liệt kê (${listed}).`);
    }
  }
  return rec;
}

const PHOTO_AFTER: Record<string, PhotoEvent> = {
  lead: 'attendees',
  attendees: 'attendees',
  opening: 'opening',
  report: 'report',
  before: 'before',
  during: 'during',
  replies: 'replies',
  reply: 'replies',
  conclusion: 'conclusion',
};

/** The record as meeting-file data, with the photo files it names. */
export function recordToMeetingData(rec: MeetingRecordInput): { data: MeetingDataInput; photoFiles: string[] } {
  const m = rec.meeting;
  const aKey = (p: string): string => `a${p.slice(1)}`;
  const people = [...rec.people].map((p, i) => ({ p, i })).sort((x, y) => (x.p.order ?? 1e9) - (y.p.order ?? 1e9) || x.i - y.i).map((x) => x.p);
  const recKeys = rec.recommendations.map((x, i) => x.key ?? `r${i + 1}`);
  const rKey = new Map(recKeys.map((k, i) => [k, `r${i + 1}`]));

  // The order of events: what opens the meeting, the pre-meeting recommendations and their written
  // answers, the hall's recommendations and the replies, other remarks, and the conclusion.
  let seq = 0;
  const speechesOf = (kinds: string[]) =>
    rec.speeches
      .filter((s) => kinds.includes(s.kind))
      .map((s) => ({ kind: s.kind, speaker: s.speakerKey ? aKey(s.speakerKey) : null, speakerText: '', summary: s.summary, directions: s.directions, at: null, seq: ++seq }));
  const recsOf = (phase: 'before' | 'during') =>
    rec.recommendations
      .map((x, i) => ({ x, i }))
      .filter(({ x }) => x.phase === phase)
      .map(({ x, i }) => ({
        key: `r${i + 1}`,
        phase,
        raisedBy: null,
        raisedByText: x.raisedBy ?? '',
        unit: x.unit ?? '',
        topic: x.topic ?? '',
        content: x.summary,
        shortPhrase: x.summary,
        inArticle: true,
        raisedAt: null,
        seq: ++seq,
      }));
  const repliesOf = (written: boolean) =>
    rec.replies
      .filter((x) => (x.kind === 'written_before') === written)
      .map((x) => ({
        responder: x.byKey ? aKey(x.byKey) : null,
        responderText: x.byText ?? '',
        content: x.summary,
        repliedAt: null,
        kind: x.kind === 'in_writing_later' ? ('written_later' as const) : x.kind,
        agency: x.agency ?? '',
        deadline: x.deadline,
        recommendations: x.to.map((k) => rKey.get(k)!),
        seq: ++seq,
      }));

  const openingSpeeches = speechesOf(['opening', 'report', 'direction']);
  const before = recsOf('before');
  const writtenBefore = repliesOf(true);
  const during = recsOf('during');
  const hallReplies = repliesOf(false);
  const closing = speechesOf(['remarks', 'conclusion']);

  const photoFiles = rec.photos.map((_, i) => `photos/${i + 1}.jpg`);
  const data: MeetingDataInput = {
    meeting: {
      title: m.title ?? '',
      kind: m.kind as MeetingKind,
      organizer: m.organizer ?? '',
      audience: m.audience ?? '',
      locality: m.locality ?? '',
      date: m.date,
      startTime: m.startTime,
      endTime: null,
      location: m.location ?? '',
      secretary: '',
      status: 'closed',
      docNumber: null,
      headline: '',
      session: m.session,
      legalBasis: m.legalBasis,
      purpose: m.purpose ?? '',
      compiledBy: m.compiledBy ?? '',
      attendance: { text: m.attendance?.text ?? '', count: m.attendance?.count ?? null },
      counts: {
        before: rec.counts?.before ?? null,
        during: rec.counts?.during ?? null,
        speakers: rec.counts?.speakers ?? null,
        contents: rec.counts?.contents ?? null,
        fields: rec.counts?.fields ?? null,
        received: rec.counts?.received ?? null,
        selected: rec.counts?.selected ?? null,
      },
      byline: rec.byline ?? '',
      publishedAt: rec.publishedAt ?? '',
    },
    attendees: people.map((p) => ({
      key: aKey(p.key),
      fullName: p.name ?? '',
      titles: p.titles,
      organization: p.organization ?? '',
      rank: rankFromTitles(p.titles),
      role: p.role,
      presence: 'present' as const,
      reason: '',
    })),
    groups: rec.groups,
    speeches: [...openingSpeeches, ...closing],
    recommendations: [...before, ...during],
    replies: [...writtenBefore, ...hallReplies],
    photos: rec.photos.map((p, i) => ({
      file: photoFiles[i]!,
      caption: p.caption ?? '',
      event: PHOTO_AFTER[p.after ?? ''] ?? 'other',
      inArticle: true,
    })),
    documents: [],
  };
  return { data, photoFiles };
}

/** A plain stand-in picture (a hall, a banner, rows of seats), different for each photo. */
export async function standInPhoto(index: number): Promise<Buffer> {
  const hues = ['#e9e4d8', '#dfe6e9', '#e6e0ec', '#e0ebe2'];
  const hue = hues[index % hues.length]!;
  const rows = Array.from({ length: 5 }, (_, row) =>
    Array.from({ length: 12 }, (_, col) => `<circle cx="${190 + col * 110}" cy="${520 + row * 100}" r="34" fill="#3b3b3b" opacity="0.75"/>`).join(''),
  ).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1000">
    <rect width="1600" height="1000" fill="${hue}"/>
    <rect x="0" y="0" width="1600" height="260" fill="#7a1f1f"/>
    <rect x="500" y="60" width="600" height="140" rx="8" fill="#f4d58d"/>
    ${rows}
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer();
}
