import type { PartialHandlers } from '../registry';
import { write } from '../context';
import * as items from '../repo/items';

// Each autosave is one small transaction: with synchronous=FULL it is on disk when this returns.
export const itemHandlers = {
  'speech.create': (ctx, { meetingId, kind, ...fields }) => write(ctx, (db, now) => items.createSpeech(db, now, meetingId, kind, fields)),
  'speech.update': (ctx, { id, patch }) => write(ctx, (db, now) => items.updateSpeech(db, now, id, patch)),
  'speech.remove': (ctx, { id }) => {
    write(ctx, (db, now) => items.removeSpeech(db, now, id));
    return null;
  },
  'speech.restore': (ctx, { id }) => write(ctx, (db, now) => items.restoreSpeech(db, now, id)),
  'rec.create': (ctx, { meetingId, phase, ...fields }) => write(ctx, (db, now) => items.createRecommendation(db, now, meetingId, phase, fields)),
  'rec.update': (ctx, { id, patch }) => write(ctx, (db, now) => items.updateRecommendation(db, now, id, patch)),
  'rec.remove': (ctx, { id }) => {
    write(ctx, (db, now) => items.removeRecommendation(db, now, id));
    return null;
  },
  'rec.restore': (ctx, { id }) => write(ctx, (db, now) => items.restoreRecommendation(db, now, id)),
  'reply.create': (ctx, { meetingId, ...fields }) => write(ctx, (db, now) => items.createReply(db, now, meetingId, fields)),
  'reply.update': (ctx, { id, patch }) => write(ctx, (db, now) => items.updateReply(db, now, id, patch)),
  'reply.remove': (ctx, { id }) => {
    write(ctx, (db, now) => items.removeReply(db, now, id));
    return null;
  },
  'reply.restore': (ctx, { id }) => write(ctx, (db, now) => items.restoreReply(db, now, id)),
} satisfies PartialHandlers;
