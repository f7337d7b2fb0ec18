import type { PartialHandlers } from '../registry';
import { write } from '../context';
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
    write(ctx, (db, at) => {
      const defaults = { secretary: getProfile(db)?.secretaryName ?? '', ...fields };
      if (copyFromId !== undefined) return copyMeetingSetup(db, at, copyFromId, defaults);
      if (template !== undefined) return createFromTemplate(db, at, template, getProfile(db), defaults);
      return meetings.createMeeting(db, at, defaults);
    }),
  'meeting.get': ({ db }, { id }) => meetings.getRecord(db, id),
  'meeting.update': (ctx, { id, patch }) => write(ctx, (db, now) => meetings.updateMeeting(db, now, id, patch)),
  'meeting.setStatus': async (ctx, { id, status }) => {
    const m = write(ctx, (db, now) => meetings.setStatus(db, now, id, status));
    // A meeting that opens or closes is a moment worth a backup; a failed backup must not undo
    // the status change, and the next scheduled one will try again.
    if (status !== 'draft') await createBackup(ctx.db, ctx.dataDir, status === 'live' ? 'open' : 'close', ctx.now()).catch(() => undefined);
    return m;
  },
  'meeting.remove': (ctx, { id }) => {
    write(ctx, (db, now) => meetings.removeMeeting(db, now, id));
    return null;
  },
  'meeting.restore': (ctx, { id }) => write(ctx, (db, now) => meetings.restoreMeeting(db, now, id)),
  'meeting.trash': (ctx) =>
    write(ctx, (db, now) => {
      meetings.purgeTrash(db, now, TRASH_DAYS);
      return meetings.listTrash(db, TRASH_DAYS);
    }),
  'meeting.start': async (ctx, { id, startTime }) => {
    const m = write(ctx, (db, now) => meetings.startMeeting(db, now, id, startTime));
    await createBackup(ctx.db, ctx.dataDir, 'open', ctx.now()).catch(() => undefined);
    return m;
  },
  'search.query': ({ db }, { query, limit }) => searchAll(db, query, limit),
  'audit.list': ({ db }, { meetingId, limit }) => listAudit(db, meetingId, limit),
} satisfies PartialHandlers;
