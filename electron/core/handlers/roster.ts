import type { PartialHandlers } from '../registry';
import { nowIso, write } from '../context';
import * as people from '../repo/people';
import * as roster from '../repo/roster';
import { getProfile, saveProfile } from '../repo/profile';

export const rosterHandlers = {
  'profile.get': ({ db }) => getProfile(db),
  'profile.save': ({ db }, p) => saveProfile(db, p),
  'people.search': ({ db }, { query, limit }) => people.searchPeople(db, query, limit),
  'people.directory': ({ db }) => people.allPeople(db),
  'people.create': (ctx, p) => people.createPerson(ctx.db, nowIso(ctx), p),
  'people.update': (ctx, { id, patch }) => people.updatePerson(ctx.db, nowIso(ctx), id, patch),
  'attendee.add': (ctx, input) => write(ctx, (db, now) => roster.addAttendee(db, now, input)),
  'attendee.update': (ctx, { id, patch }) => write(ctx, (db, now) => roster.updateAttendee(db, now, id, patch)),
  'attendee.remove': (ctx, { id }) => {
    write(ctx, (db, now) => roster.removeAttendee(db, now, id));
    return null;
  },
  'attendee.restore': (ctx, { id }) => write(ctx, (db, now) => roster.restoreAttendee(db, now, id)),
  'attendee.reorder': (ctx, { meetingId, ids }) => write(ctx, (db, now) => roster.reorderAttendees(db, now, meetingId, ids)),
  'attendee.sortByRank': (ctx, { meetingId }) => write(ctx, (db, now) => roster.sortAttendeesByRank(db, now, meetingId)),
  'group.add': (ctx, { meetingId, text, role }) => write(ctx, (db, now) => roster.addGroup(db, now, meetingId, text, role)),
  'group.update': (ctx, { id, patch }) => write(ctx, (db, now) => roster.updateGroup(db, now, id, patch)),
  'group.remove': (ctx, { id }) => {
    write(ctx, (db, now) => roster.removeGroup(db, now, id));
    return null;
  },
  'group.restore': (ctx, { id }) => write(ctx, (db, now) => roster.restoreGroup(db, now, id)),
} satisfies PartialHandlers;
