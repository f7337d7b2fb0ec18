// Builds the benchmark's large databases fast: prepared statements in one transaction, straight
// into the real schema (opened and migrated by openDatabase), with the search index written by
// the app's own indexItem. Per-row IPC would take minutes for 100,000 recommendations.
import type { Database } from 'better-sqlite3';
import { rebuildPeopleIndex } from '../electron/core/search/people-index';
import { indexItem } from '../electron/core/search/search';
import { rankFromTitles } from '../electron/core/repo/people';
import { saveProfile } from '../electron/core/repo/profile';
import { DEFAULT_STYLE } from '../electron/shared/domain';
import { suggestShortPhrase } from '../renderer/src/lib/short-phrase';
import { TOPICS, meetingTitle, person, personName, recommendationText, replyText, rng, unitName, type Rng } from './data';

const AT = '2024-09-20T08:00:00.000Z';

type Stmts = ReturnType<typeof statements>;

function statements(db: Database) {
  return {
    meeting: db.prepare(
      `INSERT INTO meetings (title, organizer, audience, locality, date, start_time, end_time, location, secretary, status, doc_number, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    person: db.prepare('INSERT INTO people (full_name, titles_json, organization, rank, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)'),
    attendee: db.prepare('INSERT INTO attendees (meeting_id, person_id, titles_json, role, presence, sort_order) VALUES (?, ?, ?, ?, ?, ?)'),
    rec: db.prepare(
      `INSERT INTO recommendations (meeting_id, phase, raised_by_attendee_id, raised_by_text, unit, topic, content, short_phrase, in_article, raised_at, seq, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    reply: db.prepare(
      `INSERT INTO replies (meeting_id, responder_attendee_id, responder_text, content, replied_at, kind, agency, deadline, seq, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    link: db.prepare('INSERT INTO reply_links (reply_id, recommendation_id) VALUES (?, ?)'),
    speech: db.prepare('INSERT INTO speeches (meeting_id, kind, speaker_attendee_id, speaker_text, summary, directions_json, at, seq, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
  };
}

const hhmm = (minutes: number): string => `${String(8 + Math.floor(minutes / 60) % 10).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

function insertMeeting(s: Stmts, db: Database, r: Rng, i: number, status: 'draft' | 'live' | 'closed'): number {
  const title = meetingTitle(r, i);
  const place = unitName(r);
  const date = `20${String(15 + (i % 10)).padStart(2, '0')}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`;
  const id = Number(
    s.meeting.run(title, `UBND ${place}`, `Nhân dân ${place}`, place, date, '08:00', '11:30', `Hội trường UBND ${place}`, personName(r), status, (i % 300) + 1, AT, AT).lastInsertRowid,
  );
  indexItem(db, 'meeting', id, id, [title, `UBND ${place}`, `Nhân dân ${place}`, place, `Hội trường UBND ${place}`]);
  return id;
}

function insertRec(s: Stmts, db: Database, r: Rng, meetingId: number, seq: number, phase: 'before' | 'during', who: { id: number | null; name: string; unit: string }): number {
  const topic = r.pick(TOPICS);
  const content = recommendationText(r, topic, r.int(2, 6));
  const phrase = suggestShortPhrase(content);
  const raisedAt = phase === 'during' ? hhmm(seq % 600) : null;
  const text = who.id === null ? who.name : '';
  const id = Number(s.rec.run(meetingId, phase, who.id, text, who.unit, topic, content, phrase, r.chance(0.3) ? 1 : 0, raisedAt, seq, AT).lastInsertRowid);
  indexItem(db, 'recommendation', id, meetingId, [text, who.unit, topic, content, phrase]);
  return id;
}

function insertReply(s: Stmts, db: Database, r: Rng, meetingId: number, seq: number, recIds: number[], responder: { id: number; name: string }): number {
  const content = replyText(r);
  const later = r.chance(0.2);
  const agency = later ? 'Phòng Tài nguyên và Môi trường' : '';
  const id = Number(s.reply.run(meetingId, responder.id, '', content, hhmm(seq % 600), later ? 'written_later' : 'on_spot', agency, later ? '2024-12-31' : null, seq, AT).lastInsertRowid);
  for (const rid of recIds) s.link.run(id, rid);
  indexItem(db, 'reply', id, meetingId, ['', agency, content]);
  return id;
}

/** The archive of past meetings that search runs over: `meetings` × `recsPerMeeting`, plus a reply per two. */
export function seedCorpus(db: Database, opts: { meetings: number; recsPerMeeting: number; seed?: number }): { recs: number } {
  const r = rng(opts.seed ?? 1);
  const s = statements(db);
  let recs = 0;
  db.transaction(() => {
    for (let i = 0; i < opts.meetings; i++) {
      const m = insertMeeting(s, db, r, i, 'closed');
      let seq = 1;
      const ids: number[] = [];
      for (let k = 0; k < opts.recsPerMeeting; k++) {
        ids.push(insertRec(s, db, r, m, seq++, k < opts.recsPerMeeting / 5 ? 'before' : 'during', { id: null, name: personName(r), unit: unitName(r) }));
        recs++;
      }
      // Replies name their responder as free text in the archive: no roster needed for search.
      for (let k = 0; k + 1 < ids.length; k += 2) {
        const content = replyText(r);
        const id = Number(s.reply.run(m, null, personName(r), content, null, 'on_spot', '', null, seq++, AT).lastInsertRowid);
        s.link.run(id, ids[k]);
        s.link.run(id, ids[k + 1]);
        indexItem(db, 'reply', id, m, [personName(r), '', content]);
      }
    }
  })();
  return { recs };
}

/** The people directory: `n` people with titles and units; returns their ids in insertion order. */
export function seedDirectory(db: Database, n: number, seed = 2): number[] {
  const r = rng(seed);
  const s = statements(db);
  const ids: number[] = [];
  db.transaction(() => {
    for (let i = 0; i < n; i++) {
      const p = person(r);
      ids.push(Number(s.person.run(p.fullName, JSON.stringify(p.titles), p.organization, rankFromTitles(p.titles), AT, AT).lastInsertRowid));
    }
  })();
  // The rows went in straight, so only migration 008's triggers saw them: index them now, as
  // the app's first search would, so no measured keystroke pays for 200,000 people at once.
  rebuildPeopleIndex(db);
  return ids;
}

export type LiveMeeting = { meetingId: number; recIds: number[]; entries: number; attendees: number };

/**
 * The meeting open on the live screen: `entries` timeline entries (a report, recommendations,
 * replies linked to them, a conclusion) and `attendees` people from the directory on the roster.
 */
export function seedLiveMeeting(db: Database, opts: { entries: number; attendees: number; people: number[]; seed?: number }): LiveMeeting {
  const r = rng(opts.seed ?? 3);
  const s = statements(db);
  const recIds: number[] = [];
  let meetingId = 0;
  db.transaction(() => {
    // Without the organisation's profile the app opens on its welcome form, not on the meeting.
    saveProfile(db, { issuingBody: 'UBND QUẬN BẮC TỪ LIÊM', level: 'district', parentBody: 'UBND THÀNH PHỐ HÀ NỘI', isParty: false, docCode: 'BB-UBND', placeName: 'Bắc Từ Liêm', byline: 'Cổng thông tin điện tử quận', secretaryName: 'Trần Văn An', style: DEFAULT_STYLE });
    meetingId = insertMeeting(s, db, r, 0, 'live');
    db.prepare('UPDATE meetings SET title = ? WHERE id = ?').run('Hội nghị đối thoại đo tốc độ (benchmark)', meetingId);
    const roster: { id: number; name: string; unit: string }[] = [];
    const info = db.prepare('SELECT full_name, titles_json, organization FROM people WHERE id = ?');
    for (let i = 0; i < opts.attendees && i < opts.people.length; i++) {
      const pid = opts.people[i];
      const p = info.get(pid) as { full_name: string; titles_json: string; organization: string };
      const role = i === 0 ? 'chair' : i === 1 ? 'reporter' : i < 22 ? 'responder' : 'delegate';
      const aid = Number(s.attendee.run(meetingId, pid, p.titles_json, role, 'present', i + 1).lastInsertRowid);
      indexItem(db, 'attendee', aid, meetingId, [p.full_name, (JSON.parse(p.titles_json) as string[]).join(', '), p.organization]);
      roster.push({ id: aid, name: p.full_name, unit: p.organization });
    }
    let seq = 1;
    const chair = roster[0];
    const reporter = roster[1] ?? chair;
    s.speech.run(meetingId, 'report', reporter?.id ?? null, '', 'Báo cáo kết quả giải quyết kiến nghị của cử tri và tình hình kinh tế – xã hội 9 tháng.', '[]', '08:10', seq++, AT);
    const body = Math.max(0, opts.entries - 2);
    const nRecs = Math.round(body * 0.65);
    const nReplies = body - nRecs;
    const responders = roster.slice(2, 22);
    const delegates = roster.slice(22);
    let replied = 0;
    for (let k = 0; k < nRecs; k++) {
      const who = delegates.length && r.chance(0.7) ? r.pick(delegates) : { id: null, name: personName(r), unit: unitName(r) };
      recIds.push(insertRec(s, db, r, meetingId, seq++, k < nRecs / 5 ? 'before' : 'during', who));
      // Replies follow the recommendations they answer, as in the hall.
      while (replied < nReplies && (replied + 1) * nRecs <= (k + 1) * nReplies) {
        const resp = responders.length ? r.pick(responders) : (chair ?? { id: 0, name: '' });
        insertReply(s, db, r, meetingId, seq++, [recIds[k]], resp);
        replied++;
      }
    }
    s.speech.run(meetingId, 'conclusion', chair?.id ?? null, '', 'Ghi nhận các ý kiến của Nhân dân; giao các phòng, ban giải quyết.', JSON.stringify(['Giải quyết dứt điểm các kiến nghị đúng hạn']), '11:20', seq++, AT);
  })();
  return { meetingId, recIds, entries: opts.entries, attendees: Math.min(opts.attendees, opts.people.length) };
}
