// All SQL of the hall's sound, in functions that take the connection first.
import type { Database } from 'better-sqlite3';
import type { AudioMarkKind, AudioPart, SpeechStretch } from '../../shared/audio';
import type { RawMark } from './offsets';

type PartRow = {
  part: number;
  mime: string;
  started_at: string;
  duration_ms: number;
  bytes: number;
  next_seq: number;
  pcm_samples: number;
  vad_done_ms: number;
  stopped_at: string | null;
  trashed_at: string | null;
};

export type PartRecord = AudioPart & { pcmSamples: number; vadDoneMs: number; trashedAt: string | null };

const toPart = (r: PartRow): PartRecord => ({
  part: r.part,
  mime: r.mime,
  startedAt: r.started_at,
  durationMs: r.duration_ms,
  bytes: r.bytes,
  nextSeq: r.next_seq,
  stoppedAt: r.stopped_at,
  pcmSamples: r.pcm_samples,
  vadDoneMs: r.vad_done_ms,
  trashedAt: r.trashed_at,
});

export const publicPart = (p: PartRecord): AudioPart => ({
  part: p.part,
  mime: p.mime,
  startedAt: p.startedAt,
  durationMs: p.durationMs,
  bytes: p.bytes,
  nextSeq: p.nextSeq,
  stoppedAt: p.stoppedAt,
});

/** Every part of a meeting, trashed ones included when asked, in order. */
export function listParts(db: Database, meetingId: number, withTrashed = false): PartRecord[] {
  const rows = db
    .prepare(`SELECT * FROM audio_parts WHERE meeting_id = ? ${withTrashed ? '' : 'AND trashed_at IS NULL'} ORDER BY part`)
    .all(meetingId) as PartRow[];
  return rows.map(toPart);
}

export function getPart(db: Database, meetingId: number, part: number): PartRecord | null {
  const row = db.prepare('SELECT * FROM audio_parts WHERE meeting_id = ? AND part = ?').get(meetingId, part) as PartRow | undefined;
  return row ? toPart(row) : null;
}

/** A new part, numbered after every part so far (trashed ones too, so their files never collide). */
export function insertPart(db: Database, meetingId: number, mime: string, startedAt: string): PartRecord {
  const { n } = db.prepare('SELECT coalesce(max(part), 0) + 1 AS n FROM audio_parts WHERE meeting_id = ?').get(meetingId) as { n: number };
  db.prepare('INSERT INTO audio_parts (meeting_id, part, mime, started_at) VALUES (?, ?, ?, ?)').run(meetingId, n, mime, startedAt);
  return getPart(db, meetingId, n)!;
}

export function recordAppend(db: Database, meetingId: number, part: number, v: { nextSeq: number; bytes: number; pcmSamples: number; durationMs: number }): void {
  db.prepare('UPDATE audio_parts SET next_seq = ?, bytes = ?, pcm_samples = ?, duration_ms = max(duration_ms, ?) WHERE meeting_id = ? AND part = ?').run(
    v.nextSeq,
    v.bytes,
    v.pcmSamples,
    v.durationMs,
    meetingId,
    part,
  );
}

export function stopPart(db: Database, meetingId: number, part: number, at: string): void {
  db.prepare('UPDATE audio_parts SET stopped_at = coalesce(stopped_at, ?) WHERE meeting_id = ? AND part = ?').run(at, meetingId, part);
}

export function setTrashed(db: Database, meetingId: number, at: string | null): number {
  return db
    .prepare(`UPDATE audio_parts SET trashed_at = ? WHERE meeting_id = ? AND ${at === null ? 'trashed_at IS NOT NULL' : 'trashed_at IS NULL'}`)
    .run(at, meetingId).changes;
}

export function listSpeech(db: Database, meetingId: number): SpeechStretch[] {
  return db
    .prepare(
      `SELECT s.part, s.start_ms AS startMs, s.end_ms AS endMs FROM audio_speech s
       JOIN audio_parts p ON p.meeting_id = s.meeting_id AND p.part = s.part
       WHERE s.meeting_id = ? AND p.trashed_at IS NULL ORDER BY s.part, s.start_ms`,
    )
    .all(meetingId) as SpeechStretch[];
}

export function addSpeech(db: Database, meetingId: number, part: number, stretches: readonly { startMs: number; endMs: number }[], doneMs: number): void {
  const ins = db.prepare('INSERT OR REPLACE INTO audio_speech (meeting_id, part, start_ms, end_ms) VALUES (?, ?, ?, ?)');
  for (const s of stretches) ins.run(meetingId, part, Math.round(s.startMs), Math.round(s.endMs));
  db.prepare('UPDATE audio_parts SET vad_done_ms = max(vad_done_ms, ?) WHERE meeting_id = ? AND part = ?').run(Math.round(doneMs), meetingId, part);
}

export function listMarks(db: Database, meetingId: number): RawMark[] {
  return db.prepare('SELECT kind, item_id AS id, at FROM audio_marks WHERE meeting_id = ?').all(meetingId) as { kind: AudioMarkKind; id: number; at: string }[];
}

/** Meetings that have a recording (or a trashed one), for the storage view. */
export function meetingsWithAudio(db: Database): { meetingId: number; title: string; parts: number; trashed: boolean }[] {
  return (
    db
      .prepare(
        `SELECT p.meeting_id AS meetingId, m.title AS title, count(*) AS parts, max(p.trashed_at IS NOT NULL) AS trashed
         FROM audio_parts p JOIN meetings m ON m.id = p.meeting_id GROUP BY p.meeting_id ORDER BY p.meeting_id`,
      )
      .all() as { meetingId: number; title: string; parts: number; trashed: number }[]
  ).map((r) => ({ ...r, trashed: r.trashed === 1 }));
}
