// The recording's files: audio/<meeting>/part-N.webm (the compressed sound the page records) and
// part-N.pcm (16 kHz mono 16-bit samples the page taps beside it, read by voice detection and
// transcription). Each append is written and fsynced before the core answers, so an acknowledged
// chunk survives a crash or a power cut; the most that can be lost is the chunk still in flight.
//
// The database (audio_parts) holds how many bytes of each file were acknowledged. A crash between
// the file's fsync and the row's commit leaves bytes past that count: the next append of the same
// part cuts them off first, so a chunk the page sends again is never written twice.
import { closeSync, existsSync, fsyncSync, ftruncateSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';

export const AUDIO_DIR = 'audio';
const TRASH_DIR = '.trash';

export type PartFile = 'webm' | 'pcm';

export const meetingAudioDir = (dataDir: string, meetingId: number): string => path.join(dataDir, AUDIO_DIR, String(meetingId));
export const partPath = (dataDir: string, meetingId: number, part: number, file: PartFile): string =>
  path.join(meetingAudioDir(dataDir, meetingId), `part-${part}.${file}`);
const trashDir = (dataDir: string, meetingId: number): string => path.join(dataDir, AUDIO_DIR, TRASH_DIR, String(meetingId));

/** Makes sure a directory entry survives a power cut (POSIX; Windows cannot open a directory). */
function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Creates the part's empty files (and their folder), synced, before the first chunk arrives. */
export function createPartFiles(dataDir: string, meetingId: number, part: number): void {
  const dir = meetingAudioDir(dataDir, meetingId);
  mkdirSync(dir, { recursive: true });
  for (const file of ['webm', 'pcm'] as const) {
    const fd = openSync(partPath(dataDir, meetingId, part, file), 'a');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
  fsyncDir(dir);
}

/**
 * Appends `data` at byte `at` (the acknowledged length): anything after `at` is an earlier
 * attempt that was never acknowledged and is cut off first. Returns the new length, synced.
 */
export function appendAt(file: string, at: number, data: Uint8Array): number {
  const fd = openSync(file, existsSync(file) ? 'r+' : 'w+');
  try {
    const size = fstatSync(fd).size;
    if (size < at) throw Object.assign(new Error(`audio file shorter than acknowledged: ${file} has ${size}, expected ${at}`), { code: 'AUDIO_SHORT' });
    if (size > at) ftruncateSync(fd, at);
    let written = 0;
    while (written < data.length) written += writeSync(fd, data, written, data.length - written, at + written);
    fsyncSync(fd);
    return at + data.length;
  } finally {
    closeSync(fd);
  }
}

/** The acknowledged bytes of a part's file (a tail that was never acknowledged is left out). */
export function readPart(dataDir: string, meetingId: number, part: number, file: PartFile, bytes: number): Buffer {
  const full = readFileSync(partPath(dataDir, meetingId, part, file));
  return full.length > bytes ? full.subarray(0, bytes) : full;
}

/** Reads samples [from, to) of a part's PCM as floats in −1..1. */
export function readPcm(dataDir: string, meetingId: number, part: number, fromSample: number, toSample: number): Float32Array {
  const count = Math.max(0, toSample - fromSample);
  const out = new Float32Array(count);
  if (count === 0) return out;
  const fd = openSync(partPath(dataDir, meetingId, part, 'pcm'), 'r');
  try {
    const buf = Buffer.alloc(count * 2);
    let read = 0;
    while (read < buf.length) {
      const n = readSync(fd, buf, read, buf.length - read, fromSample * 2 + read);
      if (n === 0) break;
      read += n;
    }
    for (let i = 0; i < Math.floor(read / 2); i++) out[i] = buf.readInt16LE(i * 2) / 32768;
    return out;
  } finally {
    closeSync(fd);
  }
}

/** Bytes on disk of one meeting's recording (trash not included). */
export function meetingBytes(dataDir: string, meetingId: number): number {
  return dirBytes(meetingAudioDir(dataDir, meetingId));
}

function dirBytes(dir: string): number {
  if (!existsSync(dir)) return 0;
  let total = 0;
  for (const name of readdirSync(dir)) {
    const s = statSync(path.join(dir, name));
    if (s.isFile()) total += s.size;
  }
  return total;
}

/**
 * Moves a meeting's recording into the trash folder (one rename per file, so it is instant and
 * undoable). The files of parts numbered after it later never collide: part numbers only grow.
 */
export function moveToTrash(dataDir: string, meetingId: number): void {
  moveAll(meetingAudioDir(dataDir, meetingId), trashDir(dataDir, meetingId));
}

export function restoreFromTrash(dataDir: string, meetingId: number): void {
  moveAll(trashDir(dataDir, meetingId), meetingAudioDir(dataDir, meetingId));
}

/** Deletes a meeting's trashed recording for good. */
export function purgeTrash(dataDir: string, meetingId: number): void {
  rmSync(trashDir(dataDir, meetingId), { recursive: true, force: true });
}

function moveAll(from: string, to: string): void {
  if (!existsSync(from)) return;
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) renameSync(path.join(from, name), path.join(to, name));
  rmSync(from, { recursive: true, force: true });
  fsyncDir(to);
}
