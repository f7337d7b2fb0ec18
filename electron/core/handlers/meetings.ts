import type { PartialHandlers } from '../registry';
import { nowIso } from '../context';
import * as meetings from '../repo/meetings';
import { copyMeetingSetup, createFromTemplate } from '../repo/copy';
import { getProfile } from '../repo/profile';
import { listAudit } from '../repo/audit';
import { searchAll } from '../search/search';
import { createBackup } from '../backup/backups';
import { TRASH_DAYS } from '../../shared/contract';

export const meetingHandlers = {
  'meeting.list': ({ db }, { limit }) => meetings.listMeetings(db, limit),
  'meeting.create': (ctx, { copyFromId, template, fields }) =>
    ctx.db.transaction(() => {
      const at = nowIso(ctx);
      const defaults = { secretary: getProfile(ctx.db)?.secretaryName ?? '', ...fields };
      if (copyFromId !== undefined) return copyMeetingSetup(ctx.db, at, copyFromId, defaults);
      if (template !== undefined) return createFromTemplate(ctx.db, at, template, getProfile(ctx.db), defaults);
      return meetings.createMeeting(ctx.db, at, defaults);
    })(),
  'meeting.get': ({ db }, { id }) => meetings.getRecord(db, id),
  'meeting.update': (ctx, { id, patch }) => ctx.db.transaction(() => meetings.updateMeeting(ctx.db, nowIso(ctx), id, patch))(),
  'meeting.setStatus': async (ctx, { id, status }) => {
    const m = ctx.db.transaction(() => meetings.setStatus(ctx.db, nowIso(ctx), id, status))();
    // A meeting that opens or closes is a moment worth a backup; a failed backup must not undo
    // the status change, and the next scheduled one will try again.
    if (status !== 'draft') await createBackup(ctx.db, ctx.dataDir, status === 'live' ? 'open' : 'close', ctx.now()).catch(() => undefined);
    return m;
  },
  'meeting.remove': (ctx, { id }) => {
    ctx.db.transaction(() => meetings.removeMeeting(ctx.db, nowIso(ctx), id))();
    return null;
  },
  'meeting.restore': (ctx, { id }) => ctx.db.transaction(() => meetings.restoreMeeting(ctx.db, nowIso(ctx), id))(),
  'meeting.trash': (ctx) =>
    ctx.db.transaction(() => {
      meetings.purgeTrash(ctx.db, nowIso(ctx), TRASH_DAYS);
      return meetings.listTrash(ctx.db, TRASH_DAYS);
    })(),
  'meeting.start': async (ctx, { id, startTime }) => {
    const m = ctx.db.transaction(() => meetings.startMeeting(ctx.db, nowIso(ctx), id, startTime))();
    await createBackup(ctx.db, ctx.dataDir, 'open', ctx.now()).catch(() => undefined);
    return m;
  },
  'search.query': ({ db }, { query, limit }) => searchAll(db, query, limit),
  'audit.list': ({ db }, { meetingId, limit }) => listAudit(db, meetingId, limit),
} satisfies PartialHandlers;
