import type { Database } from 'better-sqlite3';
import { APP_VERSION } from '../version';
import { getRecord } from '../repo/meetings';
import { photoBytes } from '../repo/photos';
import { MEETING_FILE_FORMAT, MEETING_FILE_VERSION, type Manifest, type MeetingData } from './format';
import { writeArchive } from './archive';
import { timingToPart } from './timing-part';
import { followupToPart } from './followup-part';
import { audioToPart } from './audio-part';

type DocRow = { kind: 'article' | 'minutes' | 'summary'; blocks_json: string; options_json: string; edited: number; generated_at: string; updated_at: string };

export function meetingToData(db: Database, meetingId: number): { data: MeetingData; photos: Map<string, Uint8Array> } {
  const rec = getRecord(db, meetingId);
  const aKey = new Map(rec.attendees.map((a, i) => [a.id, `a${i + 1}`]));
  const rKey = new Map(rec.recommendations.map((r, i) => [r.id, `r${i + 1}`]));
  const refA = (id: number | null): string | null => (id === null ? null : (aKey.get(id) ?? null));
  const photos = new Map<string, Uint8Array>();
  const docs = db.prepare('SELECT kind, blocks_json, options_json, edited, generated_at, updated_at FROM documents WHERE meeting_id = ?').all(meetingId) as DocRow[];
  const data: MeetingData = {
    meeting: {
      title: rec.meeting.title,
      kind: rec.meeting.kind,
      organizer: rec.meeting.organizer,
      audience: rec.meeting.audience,
      locality: rec.meeting.locality,
      date: rec.meeting.date,
      startTime: rec.meeting.startTime,
      endTime: rec.meeting.endTime,
      location: rec.meeting.location,
      secretary: rec.meeting.secretary,
      status: rec.meeting.status,
      docNumber: rec.meeting.docNumber,
      headline: rec.meeting.headline,
      session: rec.meeting.session,
      legalBasis: rec.meeting.legalBasis,
      purpose: rec.meeting.purpose,
      compiledBy: rec.meeting.compiledBy,
      attendance: rec.meeting.attendance,
      counts: rec.meeting.counts,
      byline: rec.meeting.byline,
      publishedAt: rec.meeting.publishedAt,
    },
    attendees: rec.attendees.map((a) => ({
      key: aKey.get(a.id)!,
      fullName: a.fullName,
      titles: a.titles,
      organization: a.organization,
      rank: (db.prepare('SELECT rank FROM people WHERE id = ?').get(a.personId) as { rank: number }).rank,
      role: a.role,
      presence: a.presence,
      reason: a.reason,
    })),
    groups: rec.groups.map((g) => ({ text: g.text, role: g.role })),
    speeches: rec.speeches.map((s) => ({
      kind: s.kind,
      speaker: refA(s.speakerAttendeeId),
      speakerText: s.speakerText,
      summary: s.summary,
      directions: s.directions,
      at: s.at,
      seq: s.seq,
    })),
    recommendations: rec.recommendations.map((r) => ({
      key: rKey.get(r.id)!,
      phase: r.phase,
      raisedBy: refA(r.raisedByAttendeeId),
      raisedByText: r.raisedByText,
      unit: r.unit,
      topic: r.topic,
      content: r.content,
      shortPhrase: r.shortPhrase,
      inArticle: r.inArticle,
      raisedAt: r.raisedAt,
      seq: r.seq,
    })),
    replies: rec.replies.map((r) => ({
      responder: refA(r.responderAttendeeId),
      responderText: r.responderText,
      content: r.content,
      repliedAt: r.repliedAt,
      kind: r.kind,
      agency: r.agency,
      deadline: r.deadline,
      // A link to a recommendation that was deleted (soft) is not carried.
      recommendations: r.recommendationIds.map((id) => rKey.get(id)).filter((k): k is string => !!k),
      seq: r.seq,
    })),
    photos: rec.photos.map((p, i) => {
      const file = `photos/${i + 1}.jpg`;
      photos.set(file, photoBytes(db, p.id, 'data'));
      return { file, caption: p.caption, event: p.event, inArticle: p.inArticle };
    }),
    documents: docs.map((d) => ({
      kind: d.kind,
      blocksJson: d.blocks_json,
      optionsJson: d.options_json,
      edited: d.edited === 1,
      generatedAt: d.generated_at,
      updatedAt: d.updated_at,
    })),
  };
  // Optional part (issue 16): only a meeting with timing carries it.
  const timing = timingToPart(db, rec, aKey);
  if (timing) data.timing = timing;
  // Optional part (issue 14), always written so the meeting keeps its uid and a returned file merges.
  const followup = followupToPart(db, meetingId, rKey);
  data.followup = followup.part;
  for (const [name, bytes] of followup.files) photos.set(name, bytes);
  return { data, photos };
}

/** `audioFrom`: the data folder, when the secretary chose to include the hall recording (default: left out). */
export function exportMeetingFile(db: Database, meetingId: number, now: Date, opts: { audioFrom?: string } = {}): Uint8Array {
  const { data, photos } = meetingToData(db, meetingId);
  const audio = opts.audioFrom ? audioToPart(db, opts.audioFrom, meetingId) : undefined;
  if (audio) {
    data.audio = audio.part;
    for (const [name, bytes] of audio.files) photos.set(name, bytes);
  }
  const manifest: Manifest = { format: MEETING_FILE_FORMAT, version: MEETING_FILE_VERSION, appVersion: APP_VERSION, exportedAt: now.toISOString() };
  const enc = new TextEncoder();
  return writeArchive({
    'manifest.json': enc.encode(JSON.stringify(manifest, null, 2)),
    'meeting.json': enc.encode(JSON.stringify(data, null, 2)),
    ...Object.fromEntries(photos),
  });
}

/** "Hoi-nghi-doi-thoai-2019-10-18.thukyhn": ASCII only, so any file system and any e-mail accepts it. */
export function meetingFileName(title: string, date: string | null): string {
  const base =
    title
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'Hoi-nghi';
  return `${base}${date ? `-${date}` : ''}.thukyhn`;
}
