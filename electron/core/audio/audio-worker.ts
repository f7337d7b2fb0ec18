// Worker entry: the sound's heavy work (voice detection, transcription) on its own thread, so
// the core's thread, which saves every keystroke, never waits behind it.
import { isMainThread, parentPort } from 'node:worker_threads';
import { speechProbabilities, transcribeWindows, type ModelFiles } from './engines';

export type AudioJob =
  | { id: number; kind: 'vad'; samples: Float32Array }
  | { id: number; kind: 'transcribe'; files: ModelFiles; windows: Float32Array[] }
  | { id: number; kind: 'cancel' };

export type AudioReply =
  | { id: number; kind: 'progress'; done: number; text: string }
  | { id: number; kind: 'vad'; ok: true; probs: Float32Array }
  | { id: number; kind: 'transcribe'; ok: true; text: string; cancelled: boolean }
  | { id: number; kind: 'error'; ok: false; message: string };

if (!isMainThread && parentPort) {
  const port = parentPort;
  const cancelled = new Set<number>();
  port.on('message', (job: AudioJob) => {
    if (job.kind === 'cancel') {
      cancelled.add(job.id);
      return;
    }
    const run = async (): Promise<AudioReply> => {
      if (job.kind === 'vad') return { id: job.id, kind: 'vad', ok: true, probs: await speechProbabilities(job.samples) };
      const r = await transcribeWindows(
        job.files,
        job.windows,
        (done, text) => port.postMessage({ id: job.id, kind: 'progress', done, text } satisfies AudioReply),
        () => cancelled.has(job.id),
      );
      cancelled.delete(job.id);
      return { id: job.id, kind: 'transcribe', ok: true, ...r };
    };
    run().then(
      (reply) => port.postMessage(reply),
      (e: unknown) => port.postMessage({ id: job.id, kind: 'error', ok: false, message: (e as Error).message } satisfies AudioReply),
    );
  });
}
