import type { PartialHandlers } from '../registry';
import { nowIso } from '../context';
import * as people from '../repo/people';
import * as roster from '../repo/roster';
import { getProfile, saveProfile } from '../repo/profile';

export const rosterHandlers: PartialHandlers = {
  'profile.get': ({ db }) => getProfile(db),
  'profile.save': ({ db }, p) => saveProfile(db, p),
  'people.search': ({ db }, { query, limit }) => people.searchPeople(db, query, limit),
  'people.directory': ({ db }) => people.allPeople(db),
  'people.create': (ctx, p) => people.createPerson(ctx.db, nowIso(ctx), p),
  'people.update': (ctx, { id, patch }) => people.updatePerson(ctx.db, nowIso(ctx), id, patch),
  'attendee.add': (ctx, input) => ctx.db.transaction(() => roster.addAttendee(ctx.db, nowIso(ctx), input))(),
  'attendee.update': (ctx, { id, patch }) => ctx.db.transaction(() => roster.updateAttendee(ctx.db, nowIso(ctx), id, patch))(),
  'attendee.remove': (ctx, { id }) => {
    ctx.db.transaction(() => roster.removeAttendee(ctx.db, nowIso(ctx), id))();
    return null;
  },
  'attendee.restore': (ctx, { id }) => ctx.db.transaction(() => roster.restoreAttendee(ctx.db, nowIso(ctx), id))(),
  'attendee.reorder': (ctx, { meetingId, ids }) => ctx.db.transaction(() => roster.reorderAttendees(ctx.db, nowIso(ctx), meetingId, ids))(),
  'attendee.sortByRank': (ctx, { meetingId }) => ctx.db.transaction(() => roster.sortAttendeesByRank(ctx.db, nowIso(ctx), meetingId))(),
  'group.add': (ctx, { meetingId, text, role }) => ctx.db.transaction(() => roster.addGroup(ctx.db, nowIso(ctx), meetingId, text, role))(),
  'group.update': (ctx, { id, patch }) => ctx.db.transaction(() => roster.updateGroup(ctx.db, nowIso(ctx), id, patch))(),
  'group.remove': (ctx, { id }) => {
    ctx.db.transaction(() => roster.removeGroup(ctx.db, nowIso(ctx), id))();
    return null;
  },
  'group.restore': (ctx, { id }) => ctx.db.transaction(() => roster.restoreGroup(ctx.db, nowIso(ctx), id))(),
};
