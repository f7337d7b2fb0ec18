// Worker entry: renders one .docx per message from plain data. It opens nothing itself (no
// database, no files), so it can run next to any process that hands it the data.
import { parentPort } from 'node:worker_threads';
import { renderDocx } from './docx-render';
import type { RenderJob, RenderReply } from './render-worker';

parentPort?.on('message', (msg: { id: number; job: RenderJob }) => {
  void handle(msg);
});

async function handle({ id, job }: { id: number; job: RenderJob }): Promise<void> {
  try {
    const photos = new Map(job.photos.map((p) => [p.id, p]));
    const buf = await renderDocx(job.kind, job.blocks, job.record, job.profile, (pid) => photos.get(pid) ?? null, job.options);
    const data = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
    const reply: RenderReply = { id, ok: true, data };
    parentPort?.postMessage(reply, [data.buffer as ArrayBuffer]);
  } catch (e) {
    const reply: RenderReply = { id, ok: false, message: e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e) };
    parentPort?.postMessage(reply);
  }
}
