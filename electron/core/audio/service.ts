// The hall's sound, as the handlers see it: start a part, append a chunk (file first, synced, then
// the row), stop, read, detect speech, delete with undo, storage used, model folder and
// transcription jobs. Electron-free; the same code answers the desktop app, the browser mode and
// the tests.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AUDIO_LIMITS, type AudioPart, type AudioState, type AudioUsage, type ModelCheck, type SpeechStretch, type TranscribeJob } from '../../shared/audio';
import { UserError } from '../../shared/result';
import { write, type CoreContext } from '../context';
import { getMeeting } from '../repo/meetings';
import { checkModelFolder, findModelFiles, libraryOnly, VAD_FRAME, type ModelFiles } from './engines';
import { markOffsets } from './offsets';
import * as repo from './repo';
import { speechStretches, DEFAULT_SEGMENT } from './segment';
import * as store from './store';
import { probabilities, transcribe } from './worker-host';

type Ctx = Pick<CoreContext, 'db' | 'dataDir' | 'now'>;

const SAMPLES_PER_MS = AUDIO_LIMITS.pcmRate / 1000;

export function startPart(ctx: Ctx, meetingId: number, mime: string, startedAt: string): AudioPart {
  getMeeting(ctx.db, meetingId);
  const part = write(ctx, (db) => repo.insertPart(db, meetingId, mime, startedAt));
  store.createPartFiles(ctx.dataDir, meetingId, part.part);
  return repo.publicPart(part);
}

export type AppendInput = { meetingId: number; part: number; seq: number; endMs: number; data: Uint8Array; pcm: Uint8Array };

/**
 * Appends chunk `seq` of a part. The chunk the core expects next is written (cutting off any tail
 * an earlier attempt left unacknowledged) and synced, then counted in the database. A chunk
 * already counted is acknowledged again without writing (the page retried after a lost answer);
 * a chunk after a gap is refused, because a WebM stream with a hole does not play past it.
 */
export function appendChunk(ctx: Ctx, v: AppendInput): AudioPart {
  const p = repo.getPart(ctx.db, v.meetingId, v.part);
  if (!p || p.trashedAt) throw new UserError('not_found', 'Không tìm thấy phần ghi âm này (có thể đã bị xóa). Ứng dụng sẽ bắt đầu một phần ghi âm mới.');
  if (p.stoppedAt) throw new UserError('audio_stopped', 'Phần ghi âm này đã dừng. Ứng dụng sẽ bắt đầu một phần ghi âm mới.');
  if (v.seq < p.nextSeq) return repo.publicPart(p);
  if (v.seq > p.nextSeq)
    throw new UserError('audio_gap', `Thiếu một đoạn ghi âm (đoạn ${p.nextSeq}) nên không nối tiếp được; ứng dụng sẽ bắt đầu một phần ghi âm mới.`);
  if (v.pcm.length % 2) throw new UserError('validation', 'Dữ liệu âm thanh không hợp lệ (lẻ byte).');
  const bytes = store.appendAt(store.partPath(ctx.dataDir, v.meetingId, v.part, 'webm'), p.bytes, v.data);
  const pcmBytes = store.appendAt(store.partPath(ctx.dataDir, v.meetingId, v.part, 'pcm'), p.pcmSamples * 2, v.pcm);
  write(ctx, (db) => repo.recordAppend(db, v.meetingId, v.part, { nextSeq: v.seq + 1, bytes, pcmSamples: pcmBytes / 2, durationMs: Math.max(0, Math.round(v.endMs)) }));
  return repo.publicPart(repo.getPart(ctx.db, v.meetingId, v.part)!);
}

export function stopPart(ctx: Ctx, meetingId: number, part: number): AudioPart {
  const p = repo.getPart(ctx.db, meetingId, part);
  if (!p) throw new UserError('not_found', 'Không tìm thấy phần ghi âm này.');
  write(ctx, (db, now) => repo.stopPart(db, meetingId, part, now));
  return repo.publicPart(repo.getPart(ctx.db, meetingId, part)!);
}

export function audioState(ctx: Ctx, meetingId: number): AudioState {
  getMeeting(ctx.db, meetingId);
  const all = repo.listParts(ctx.db, meetingId, true);
  const parts = all.filter((p) => !p.trashedAt);
  return {
    meetingId,
    parts: parts.map(repo.publicPart),
    speech: repo.listSpeech(ctx.db, meetingId),
    marks: markOffsets(repo.listMarks(ctx.db, meetingId), parts),
    bytes: store.meetingBytes(ctx.dataDir, meetingId),
    trashed: all.some((p) => p.trashedAt),
  };
}

export function readPartAudio(ctx: Ctx, meetingId: number, part: number): { mime: string; data: Buffer } {
  const p = repo.getPart(ctx.db, meetingId, part);
  if (!p || p.trashedAt) throw new UserError('not_found', 'Không tìm thấy phần ghi âm này (có thể đã bị xóa).');
  return { mime: p.mime, data: store.readPart(ctx.dataDir, meetingId, part, 'webm', p.bytes) };
}

let analysing: Promise<unknown> = Promise.resolve();

/**
 * Runs voice detection over the sound received since the last run, part by part, and returns
 * every stretch of speech. Runs one at a time; the heavy part is on the audio thread.
 */
export function analyse(ctx: Ctx, meetingId: number): Promise<SpeechStretch[]> {
  const run = analysing.then(async () => {
    const parts = repo.listParts(ctx.db, meetingId);
    const newest = parts.at(-1)?.part;
    for (const p of parts) {
      const final = p.stoppedAt !== null || p.part !== newest;
      const from = p.vadDoneMs * SAMPLES_PER_MS;
      if (p.pcmSamples - from < VAD_FRAME) continue;
      const samples = store.readPcm(ctx.dataDir, meetingId, p.part, from, p.pcmSamples);
      const probs = await probabilities(samples);
      const r = speechStretches(probs, final, DEFAULT_SEGMENT);
      const shifted = r.stretches.map((s) => ({ startMs: s.startMs + p.vadDoneMs, endMs: s.endMs + p.vadDoneMs }));
      write(ctx, (db) => repo.addSpeech(db, meetingId, p.part, shifted, p.vadDoneMs + r.doneMs));
    }
    return repo.listSpeech(ctx.db, meetingId);
  });
  analysing = run.catch(() => undefined);
  return run;
}

/** Moves the meeting's recording to the trash (undo: restoreAudio); files and rows alike. */
export function removeAudio(ctx: Ctx, meetingId: number): void {
  getMeeting(ctx.db, meetingId);
  // An older deletion not undone is purged now: one undo step, as for the other deletions.
  store.purgeTrash(ctx.dataDir, meetingId);
  write(ctx, (db) => db.prepare('DELETE FROM audio_parts WHERE meeting_id = ? AND trashed_at IS NOT NULL').run(meetingId));
  const changed = write(ctx, (db, now) => repo.setTrashed(db, meetingId, now));
  if (changed) store.moveToTrash(ctx.dataDir, meetingId);
}

export function restoreAudio(ctx: Ctx, meetingId: number): AudioState {
  const changed = write(ctx, (db) => repo.setTrashed(db, meetingId, null));
  if (changed) store.restoreFromTrash(ctx.dataDir, meetingId);
  return audioState(ctx, meetingId);
}

export function usage(ctx: Ctx): AudioUsage {
  const meetings = repo.meetingsWithAudio(ctx.db).map((m) => ({ ...m, bytes: store.meetingBytes(ctx.dataDir, m.meetingId) }));
  return { totalBytes: meetings.reduce((s, m) => s + m.bytes, 0), meetings };
}

// ---- The speech model (optional) ----

const modelSettingPath = (dataDir: string): string => path.join(dataDir, store.AUDIO_DIR, 'model.json');

export function savedModelDir(dataDir: string): string | null {
  try {
    const v = JSON.parse(readFileSync(modelSettingPath(dataDir), 'utf8')) as { dir?: unknown };
    return typeof v.dir === 'string' ? v.dir : null;
  } catch {
    return null;
  }
}

/** Checks the folder and, when it works, remembers it for this data folder. */
export async function setModel(ctx: Ctx, dir: string): Promise<ModelCheck> {
  const check = await checkModelFolder(dir);
  if (check.ok) {
    mkdirSync(path.dirname(modelSettingPath(ctx.dataDir)), { recursive: true });
    writeFileSync(modelSettingPath(ctx.dataDir), JSON.stringify({ dir }));
  }
  return check;
}

/** The saved folder's state: its files checked again, the model not loaded again (setModel did). */
export async function currentModel(ctx: Ctx): Promise<ModelCheck & { dir: string | null }> {
  const dir = savedModelDir(ctx.dataDir);
  if (!dir)
    return { ok: false, dir: null, files: {}, message: 'Chưa có mô hình chuyển tiếng nói thành chữ. Việc này không bắt buộc: ghi âm, nghe lại và đánh dấu đoạn nói vẫn dùng bình thường.' };
  return { ...(await checkModelFolder(dir, libraryOnly)), dir };
}

type Job = TranscribeJob & { cancel: () => void };
const jobs = new Map<number, Job>();
let nextJob = 1;
/** Transcription windows: about 20 s each, so progress moves and a cancel is heard quickly. */
const WINDOW_MS = 20_000;

export async function startTranscription(ctx: Ctx, meetingId: number, part: number, startMs: number, endMs: number): Promise<TranscribeJob> {
  const model = await currentModel(ctx);
  if (!model.ok || !model.dir) throw new UserError('no_model', model.message);
  const p = repo.getPart(ctx.db, meetingId, part);
  if (!p || p.trashedAt) throw new UserError('not_found', 'Không tìm thấy phần ghi âm này (có thể đã bị xóa).');
  if (endMs - startMs > AUDIO_LIMITS.transcribeMaxMs)
    throw new UserError('validation', `Đoạn chọn quá dài để chuyển thành chữ một lần (tối đa ${AUDIO_LIMITS.transcribeMaxMs / 60_000} phút). Hãy chọn đoạn ngắn hơn.`);
  const from = Math.max(0, Math.round(startMs * SAMPLES_PER_MS));
  const to = Math.min(p.pcmSamples, Math.round(endMs * SAMPLES_PER_MS));
  if (to <= from) throw new UserError('validation', 'Đoạn chọn không có âm thanh nào để chuyển thành chữ.');
  const samples = store.readPcm(ctx.dataDir, meetingId, part, from, to);
  const windows: Float32Array[] = [];
  const step = WINDOW_MS * SAMPLES_PER_MS;
  for (let i = 0; i < samples.length; i += step) windows.push(samples.slice(i, i + step));
  const files = findModelFiles(model.dir).files as ModelFiles;
  const jobId = nextJob++;
  const run = transcribe(files, windows, (done, text) => {
    const j = jobs.get(jobId);
    if (j && j.state === 'running') Object.assign(j, { progress: done / windows.length, text });
  });
  const job: Job = { jobId, state: 'running', progress: 0, text: '', message: 'Đang chuyển tiếng nói thành chữ…', cancel: run.cancel };
  jobs.set(jobId, job);
  run.promise.then(
    (r) => Object.assign(job, r.cancelled ? { state: 'cancelled', text: r.text, message: 'Đã dừng theo yêu cầu.' } : { state: 'done', progress: 1, text: r.text, message: 'Đã xong.' }),
    (e: unknown) => Object.assign(job, { state: 'failed', message: `Không chuyển thành chữ được: ${(e as Error).message}` }),
  );
  return publicJob(job);
}

const publicJob = (j: Job): TranscribeJob => ({ jobId: j.jobId, state: j.state, progress: j.progress, text: j.text, message: j.message });

export function jobStatus(jobId: number): TranscribeJob {
  const j = jobs.get(jobId);
  if (!j) throw new UserError('not_found', 'Không tìm thấy việc chuyển thành chữ này (ứng dụng có thể đã khởi động lại). Hãy chạy lại.');
  return publicJob(j);
}

export function cancelJob(jobId: number): TranscribeJob {
  const j = jobs.get(jobId);
  if (!j) throw new UserError('not_found', 'Không tìm thấy việc chuyển thành chữ này.');
  if (j.state === 'running') j.cancel();
  return publicJob(j);
}

export const audioFileExists = (dataDir: string, meetingId: number, part: number): boolean => existsSync(store.partPath(dataDir, meetingId, part, 'webm'));
