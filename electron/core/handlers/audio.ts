import type { PartialHandlers } from '../registry';
import { assertEditable } from '../repo/meetings';
import * as audio from '../audio/service';

const bytes = (b64: string): Buffer => Buffer.from(b64, 'base64');

export const audioHandlers = {
  'audio.start': (ctx, { meetingId, mime, startedAt }) => {
    assertEditable(ctx.db, meetingId);
    return audio.startPart(ctx, meetingId, mime, new Date(startedAt).toISOString());
  },
  'audio.append': (ctx, { meetingId, part, seq, endMs, data, pcm }) => audio.appendChunk(ctx, { meetingId, part, seq, endMs, data: bytes(data), pcm: bytes(pcm) }),
  'audio.stop': (ctx, { meetingId, part }) => audio.stopPart(ctx, meetingId, part),
  'audio.state': (ctx, { meetingId }) => audio.audioState(ctx, meetingId),
  'audio.read': (ctx, { meetingId, part }) => {
    const r = audio.readPartAudio(ctx, meetingId, part);
    return { mime: r.mime, dataBase64: r.data.toString('base64') };
  },
  'audio.analyse': (ctx, { meetingId }) => audio.analyse(ctx, meetingId),
  'audio.remove': (ctx, { meetingId }) => {
    audio.removeAudio(ctx, meetingId);
    return null;
  },
  'audio.restore': (ctx, { meetingId }) => audio.restoreAudio(ctx, meetingId),
  'audio.usage': (ctx) => audio.usage(ctx),
  'audio.model': (ctx) => audio.currentModel(ctx),
  'audio.setModel': (ctx, { dir }) => audio.setModel(ctx, dir),
  'audio.transcribe': (ctx, { meetingId, part, startMs, endMs }) => audio.startTranscription(ctx, meetingId, part, startMs, endMs),
  'audio.job': (_ctx, { jobId }) => audio.jobStatus(jobId),
  'audio.cancel': (_ctx, { jobId }) => audio.cancelJob(jobId),
} satisfies PartialHandlers;
