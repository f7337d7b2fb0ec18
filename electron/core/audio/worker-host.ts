// Starts the audio thread (audio-worker) on first use and talks to it; when it cannot start (no
// built worker next to the bundle, no tsx in development), the same engines run on this thread,
// where onnxruntime's inference is still asynchronous.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AudioJob, AudioReply } from './audio-worker';
import { speechProbabilities, transcribeWindows, type ModelFiles } from './engines';

type Pending = { resolve: (r: AudioReply) => void; reject: (e: Error) => void; progress?: (done: number, text: string) => void };

let worker: Worker | null = null;
let broken = false;
let nextId = 1;
const pending = new Map<number, Pending>();

function source(): { kind: 'ts' | 'js'; url: URL } | null {
  const here = import.meta.url;
  if (/\.ts$/.test(here)) return { kind: 'ts', url: new URL('./audio-worker.ts', here) };
  const js = new URL('./audio-worker.js', here);
  return existsSync(fileURLToPath(js)) ? { kind: 'js', url: js } : null;
}

function tsxLoader(): string | null {
  try {
    const cjs = createRequire(import.meta.url).resolve('tsx/esm/api');
    const mjs = cjs.replace(/\.cjs$/, '.mjs');
    return pathToFileURL(existsSync(mjs) ? mjs : cjs).href;
  } catch {
    return null;
  }
}

function start(): Worker | null {
  if (worker) return worker;
  if (broken) return null;
  const src = source();
  const loader = src?.kind === 'ts' ? tsxLoader() : null;
  if (!src || (src.kind === 'ts' && !loader)) {
    broken = true;
    return null;
  }
  // As render-worker.ts: on Node 20 a TypeScript worker needs tsx registered inside it.
  const w =
    src.kind === 'ts'
      ? new Worker(`import(${JSON.stringify(loader)}).then((m) => { m.register(); return import(${JSON.stringify(src.url.href)}); })`, { eval: true })
      : new Worker(src.url);
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
