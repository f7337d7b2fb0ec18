// Runs .docx generation on a worker thread, so the thread that serves the screen (Electron's
// main process, the browser-mode server) stays responsive while JSZip packs a large document.
//
// One worker is started lazily and kept for later exports; it is unref'd so it never keeps a
// CLI run alive. Under tsx or vitest the worker is TypeScript source and is started through
// tsx's loader; in a built bundle it must be emitted next to the bundle as `docx-worker.js`.
// If the worker cannot start, rendering falls back to this thread (and says so once in the log).
import type { Worker } from 'node:worker_threads';
import { startSiblingWorker } from '../worker-thread';
import type { DocKind, MeetingRecord, OrgProfile } from '../../shared/domain';
import type { DocBlock, DocOptions } from '../../shared/documents';
import { renderDocx } from './docx-render';

export type RenderPhoto = { id: number; data: Uint8Array; width: number; height: number };
export type RenderJob = {
  kind: DocKind;
  blocks: DocBlock[];
  record: MeetingRecord;
  profile: OrgProfile | null;
  photos: RenderPhoto[];
  options: DocOptions;
};
export type RenderReply = { id: number; ok: true; data: Uint8Array } | { id: number; ok: false; message: string };

type Pending = { resolve: (b: Buffer) => void; reject: (e: Error) => void };

let worker: Worker | null = null;
let workerBroken = false;
let nextId = 1;
const pending = new Map<number, Pending>();

function startWorker(): Worker | null {
  if (worker) return worker;
  if (workerBroken) return null;
  const started = startSiblingWorker(import.meta.url, 'docx-worker');
  if ('problem' in started) {
    workerBroken = true;
    console.warn(`${started.problem}: Word files are rendered on the calling thread`);
    return null;
  }
  const w = started.worker;
  w.unref();
  w.on('message', (r: RenderReply) => {
    const p = pending.get(r.id);
    if (!p) return;
    pending.delete(r.id);
    if (r.ok) p.resolve(Buffer.from(r.data.buffer, r.data.byteOffset, r.data.byteLength));
    else p.reject(new Error(`Lỗi khi tạo tệp Word: ${r.message}`));
  });
  const fail = (e: Error) => {
    worker = null;
    for (const [id, p] of pending) {
      pending.delete(id);
      p.reject(e);
    }
  };
  w.on('error', (e) => {
    workerBroken = true;
    fail(e);
  });
  w.on('exit', (code) => {
    if (pending.size) fail(new Error(`docx worker exited with code ${code}`));
    worker = null;
  });
  worker = w;
  return w;
}

/** Where the last render ran; the tests and the bench read it. */
export let lastRenderThread: 'worker' | 'inline' = 'inline';

export async function renderInWorker(job: RenderJob): Promise<Buffer> {
  const w = startWorker();
  if (w) {
    try {
      const id = nextId++;
      const out = await new Promise<Buffer>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        w.ref();
        w.postMessage({ id, job });
      });
      lastRenderThread = 'worker';
      return out;
    } catch (e) {
      if (!workerBroken) throw e;
      console.error('docx worker unavailable, rendering on this thread', e);
    } finally {
      if (!pending.size) worker?.unref();
    }
  }
  lastRenderThread = 'inline';
  const photos = new Map(job.photos.map((p) => [p.id, p]));
  return renderDocx(job.kind, job.blocks, job.record, job.profile, (pid) => photos.get(pid) ?? null, job.options);
}

/** Stops the worker (tests, app shutdown). */
export async function stopRenderWorker(): Promise<void> {
  const w = worker;
  worker = null;
  if (w) await w.terminate();
}
