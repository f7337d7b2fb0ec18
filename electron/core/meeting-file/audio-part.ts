// The meeting file's optional audio part (issue 16, part 3): the hall recording's parts (the
// compressed sound only: the 16 kHz PCM kept for detection and transcription stays on the laptop
// that recorded), the stretches of speech found, and each entry's moment. Version 1 of the part.
// It is written only when the secretary asks for it (default: left out, the file stays small);
// files without it, older or newer, import as "no recording". Items are named by their kind and
// their place in the file's own lists, never by database ids.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { UserError } from '../../shared/result';
import { getRecord } from '../repo/meetings';
import { listMarks, listParts, listSpeech } from '../audio/repo';
import { AUDIO_DIR, meetingAudioDir, readPart } from '../audio/store';
import type { Archive } from './archive';

export const AUDIO_PART_VERSION = 1;
/** One part's sound in the file: 8 hours of Opus at 32 kb/s is about 115 MB. */
const PART_MAX = 200 * 1024 * 1024;

const ITEMS = ['speech', 'recommendation', 'reply', 'photo'] as const;
type Item = (typeof ITEMS)[number];
const KIND: Record<Item, 'speech' | 'rec' | 'reply' | 'photo'> = { speech: 'speech', recommendation: 'rec', reply: 'reply', photo: 'photo' };
const LIST: Record<Item, 'speeches' | 'recommendations' | 'replies' | 'photos'> = { speech: 'speeches', recommendation: 'recommendations', reply: 'replies', photo: 'photos' };

const iso = z.iso.datetime({ offset: true, error: 'Thời điểm không hợp lệ.' });
export const AudioPartSchema = z.object({
  version: z.literal(AUDIO_PART_VERSION, { error: 'Phần ghi âm của tệp thuộc phiên bản khác; hãy cập nhật ứng dụng.' }),
  parts: z
    .array(
      z.object({
        part: z.number().int().min(1).max(100_000),
        mime: z.string().regex(/^audio\/(webm|ogg)(;\s*codecs=[a-z0-9.]+)?$/i),
        startedAt: iso,
        durationMs: z.number().int().min(0),
        stoppedAt: iso.nullable(),
        file: z.string().regex(/^audio\/part-\d{1,6}\.(webm|ogg)$/),
      }),
    )
    .max(1_000),
  speech: z.array(z.object({ part: z.number().int().min(1), startMs: z.number().int().min(0), endMs: z.number().int().min(1) })).max(200_000),
  marks: z.array(z.object({ item: z.enum(ITEMS), index: z.number().int().min(0).max(100_000), at: iso })).max(100_000),
});
export type AudioPart = z.infer<typeof AudioPartSchema>;

type Lists = { speeches: readonly unknown[]; recommendations: readonly unknown[]; replies: readonly unknown[]; photos: readonly unknown[] };

/** The part and its files for an export that includes the audio; undefined when there is none. */
export function audioToPart(db: Database, dataDir: string, meetingId: number): { part: AudioPart; files: Map<string, Uint8Array> } | undefined {
  const parts = listParts(db, meetingId);
  if (!parts.length) return undefined;
  const rec = getRecord(db, meetingId);
  const index: Record<'speech' | 'rec' | 'reply' | 'photo', Map<number, number>> = {
    speech: new Map(rec.speeches.map((s, i) => [s.id, i])),
    rec: new Map(rec.recommendations.map((r, i) => [r.id, i])),
    reply: new Map(rec.replies.map((r, i) => [r.id, i])),
    photo: new Map(rec.photos.map((p, i) => [p.id, i])),
  };
  const item = (k: 'speech' | 'rec' | 'reply' | 'photo'): Item => (ITEMS.find((i) => KIND[i] === k) ?? 'speech');
  const files = new Map<string, Uint8Array>();
  const out: AudioPart = {
    version: AUDIO_PART_VERSION,
    parts: parts.map((p) => {
      const file = `audio/part-${p.part}.${p.mime.includes('ogg') ? 'ogg' : 'webm'}`;
      files.set(file, readPart(dataDir, meetingId, p.part, 'webm', p.bytes));
      return { part: p.part, mime: p.mime, startedAt: p.startedAt, durationMs: p.durationMs, stoppedAt: p.stoppedAt, file };
    }),
    speech: listSpeech(db, meetingId),
    marks: listMarks(db, meetingId).flatMap((m) => {
      const i = index[m.kind].get(m.id);
      return i === undefined ? [] : [{ item: item(m.kind), index: i, at: m.at }];
    }),
  };
  return { part: out, files };
}

/** Every reference must land in the file and every sound file be there; before the database is touched. */
export function checkAudioPart(part: AudioPart | undefined, lists: Lists, archive: Archive, bad: (what: string) => UserError): Map<number, Uint8Array> {
  const out = new Map<number, Uint8Array>();
  if (!part) return out;
  const numbers = new Set<number>();
  part.parts.forEach((p, i) => {
    if (numbers.has(p.part)) throw bad(`phần ghi âm số ${p.part} xuất hiện hai lần (tại audio.parts.${i}).`);
    numbers.add(p.part);
    const bytes = archive.read(p.file, PART_MAX, p.file);
    if (!bytes) throw bad(`thiếu tệp ghi âm "${p.file}".`);
    out.set(p.part, bytes);
  });
  part.speech.forEach((s, i) => {
    if (!numbers.has(s.part)) throw bad(`một đoạn nói trỏ tới phần ghi âm không có (tại audio.speech.${i}).`);
    if (s.endMs <= s.startMs) throw bad(`một đoạn nói kết thúc trước khi bắt đầu (tại audio.speech.${i}).`);
  });
  part.marks.forEach((m, i) => {
    if (m.index >= lists[LIST[m.item]].length) throw bad(`thời điểm ghi âm trỏ tới mục không có (tại audio.marks.${i}).`);
  });
  return out;
}

/**
 * Writes the sound files into a staging folder of the data folder, before the import's
 * transaction; moveStagedAudio puts them in place once it has committed.
 */
export function stageAudioFiles(dataDir: string, part: AudioPart | undefined, files: ReadonlyMap<number, Uint8Array>): string | null {
  if (!part || !files.size) return null;
  const dir = path.join(dataDir, AUDIO_DIR, `.incoming-${randomBytes(6).toString('hex')}`);
  mkdirSync(dir, { recursive: true });
  for (const [n, bytes] of files) writeFileSync(path.join(dir, `part-${n}.webm`), bytes, { flush: true });
  return dir;
}

/** Inside the import's transaction: the parts, the speech stretches and the moments of the new meeting's items. */
export function writeAudioRows(db: Database, meetingId: number, part: AudioPart | undefined, files: ReadonlyMap<number, Uint8Array>): void {
  if (!part) return;
  const ins = db.prepare('INSERT INTO audio_parts (meeting_id, part, mime, started_at, duration_ms, bytes, next_seq, vad_done_ms, stopped_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)');
  // An imported part takes no more chunks and needs no more detection: it is stopped and settled.
  for (const p of part.parts) ins.run(meetingId, p.part, p.mime, p.startedAt, p.durationMs, files.get(p.part)?.length ?? 0, p.durationMs, p.stoppedAt ?? p.startedAt);
  const sp = db.prepare('INSERT OR REPLACE INTO audio_speech (meeting_id, part, start_ms, end_ms) VALUES (?, ?, ?, ?)');
  for (const s of part.speech) sp.run(meetingId, s.part, s.startMs, s.endMs);
  const ids = (table: string) => (db.prepare(`SELECT id FROM ${table} WHERE meeting_id = ? ORDER BY id`).all(meetingId) as { id: number }[]).map((r) => r.id);
  const byIndex: Record<Item, number[]> = { speech: ids('speeches'), recommendation: ids('recommendations'), reply: ids('replies'), photo: ids('photos') };
  const mk = db.prepare('INSERT OR REPLACE INTO audio_marks (kind, item_id, meeting_id, at) VALUES (?, ?, ?, ?)');
  for (const m of part.marks) {
    const id = byIndex[m.item][m.index];
    if (id !== undefined) mk.run(KIND[m.item], id, meetingId, m.at);
  }
}

/** After the commit: the staged files become the meeting's recording. */
export function moveStagedAudio(dataDir: string, staged: string | null, meetingId: number): void {
  if (!staged) return;
  const dir = meetingAudioDir(dataDir, meetingId);
  if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.dirname(dir), { recursive: true });
  renameSync(staged, dir);
}

export function discardStagedAudio(staged: string | null): void {
  if (staged) rmSync(staged, { recursive: true, force: true });
}
