// Starts the audio thread (audio-worker) on first use and talks to it; when it cannot start (no
// built worker next to the bundle, no tsx in development), the same engines run on this thread,
// where onnxruntime's inference is still asynchronous.
import type { Worker } from 'node:worker_threads';
import { startSiblingWorker } from '../worker-thread';
import type { AudioJob, AudioReply } from './audio-worker';
import { speechProbabilities, transcribeWindows, type ModelFiles } from './engines';

type Pending = { resolve: (r: AudioReply) => void; reject: (e: Error) => void; progress?: (done: number, text: string) => void };

let worker: Worker | null = null;
let broken = false;
let nextId = 1;
const pending = new Map<number, Pending>();

function start(): Worker | null {
  if (worker) return worker;
  if (broken) return null;
  const started = startSiblingWorker(import.meta.url, 'audio-worker');
  if ('problem' in started) {
    broken = true;
    return null;
  }
  const w = started.worker;
  w.unref();
  w.on('message', (r: AudioReply) => {
    const p = pending.get(r.id);
    if (!p) return;
    if (r.kind === 'progress') {
      p.progress?.(r.done, r.text);
      return;
    }
    pending.delete(r.id);
    if (!pending.size) w.unref();
    p.resolve(r);
  });
  const fail = (e: Error): void => {
    worker = null;
    for (const [id, p] of pending) {
      pending.delete(id);
      p.reject(e);
    }
  };
  w.on('error', (e) => {
    broken = true;
    fail(e);
  });
  w.on('exit', (code) => {
    if (pending.size) fail(new Error(`audio worker exited with code ${code}`));
    worker = null;
  });
  worker = w;
  return w;
}

function post(job: AudioJob, progress?: Pending['progress']): Promise<AudioReply> {
  const w = start();
  if (!w) return Promise.reject(new Error('no audio worker'));
  return new Promise((resolve, reject) => {
    pending.set(job.id, { resolve, reject, ...(progress ? { progress } : {}) });
    w.ref();
    w.postMessage(job);
  });
}

/** Where the last detection ran; the tests read it (the audio thread, not the core's). */
export let lastVadThread: 'worker' | 'inline' | null = null;

export async function probabilities(samples: Float32Array): Promise<Float32Array> {
  if (start()) {
    const r = await post({ id: nextId++, kind: 'vad', samples });
    if (r.kind === 'vad') {
      lastVadThread = 'worker';
      return r.probs;
    }
    throw new Error(r.kind === 'error' ? r.message : 'unexpected reply');
  }
  lastVadThread = 'inline';
  return speechProbabilities(samples);
}

export type TranscribeRun = { promise: Promise<{ text: string; cancelled: boolean }>; cancel: () => void };

export function transcribe(files: ModelFiles, windows: Float32Array[], progress: (done: number, text: string) => void): TranscribeRun {
  const id = nextId++;
  let cancelled = false;
  if (start()) {
    const promise = post({ id, kind: 'transcribe', files, windows }, progress).then((r) => {
      if (r.kind === 'transcribe') return { text: r.text, cancelled: r.cancelled };
      throw new Error(r.kind === 'error' ? r.message : 'unexpected reply');
    });
    return { promise, cancel: () => worker?.postMessage({ id, kind: 'cancel' } satisfies AudioJob) };
  }
  return { promise: transcribeWindows(files, windows, progress, () => cancelled), cancel: () => (cancelled = true) };
}

/** Stops the thread (tests, shutdown). */
export async function stopAudioWorker(): Promise<void> {
  const w = worker;
  worker = null;
  if (w) await w.terminate();
}
