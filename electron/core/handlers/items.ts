import type { PartialHandlers } from '../registry';
import { nowIso } from '../context';
import * as items from '../repo/items';

// Each autosave is one small transaction: with synchronous=FULL it is on disk when this returns.
export const itemHandlers = {
  'speech.create': (ctx, { meetingId, kind, ...fields }) => ctx.db.transaction(() => items.createSpeech(ctx.db, nowIso(ctx), meetingId, kind, fields))(),
  'speech.update': (ctx, { id, patch }) => ctx.db.transaction(() => items.updateSpeech(ctx.db, nowIso(ctx), id, patch))(),
  'speech.remove': (ctx, { id }) => {
    ctx.db.transaction(() => items.removeSpeech(ctx.db, nowIso(ctx), id))();
    return null;
  },
  'speech.restore': (ctx, { id }) => ctx.db.transaction(() => items.restoreSpeech(ctx.db, nowIso(ctx), id))(),
  'rec.create': (ctx, { meetingId, phase, ...fields }) => ctx.db.transaction(() => items.createRecommendation(ctx.db, nowIso(ctx), meetingId, phase, fields))(),
  'rec.update': (ctx, { id, patch }) => ctx.db.transaction(() => items.updateRecommendation(ctx.db, nowIso(ctx), id, patch))(),
  'rec.remove': (ctx, { id }) => {
    ctx.db.transaction(() => items.removeRecommendation(ctx.db, nowIso(ctx), id))();
    return null;
  },
  'rec.restore': (ctx, { id }) => ctx.db.transaction(() => items.restoreRecommendation(ctx.db, nowIso(ctx), id))(),
  'reply.create': (ctx, { meetingId, ...fields }) => ctx.db.transaction(() => items.createReply(ctx.db, nowIso(ctx), meetingId, fields))(),
  'reply.update': (ctx, { id, patch }) => ctx.db.transaction(() => items.updateReply(ctx.db, nowIso(ctx), id, patch))(),
  'reply.remove': (ctx, { id }) => {
    ctx.db.transaction(() => items.removeReply(ctx.db, nowIso(ctx), id))();
    return null;
  },
  'reply.restore': (ctx, { id }) => ctx.db.transaction(() => items.restoreReply(ctx.db, nowIso(ctx), id))(),
} satisfies PartialHandlers;
