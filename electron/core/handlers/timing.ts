import type { PartialHandlers } from '../registry';
import { write } from '../context';
import * as timing from '../repo/timing';

// Speaking timers (issue 16). 'projector.open' belongs to Electron's main process, which puts a
// window on the external display (electron/main/projector.ts); here, in browser mode and the CLI,
// the answer is "not done" and the page opens the projector in a tab of its own.
export const timingHandlers = {
  'timer.get': ({ db }, { meetingId }) => timing.getTiming(db, meetingId),
  'timer.saveRule': (ctx, { meetingId, rule }) => write(ctx, (db, now) => timing.saveRule(db, now, meetingId, rule)),
  'timer.setLimit': (ctx, { meetingId, attendeeId, speakerText, seconds }) =>
    write(ctx, (db, now) => timing.setSpeakerLimit(db, now, meetingId, { attendeeId, speakerText }, seconds)),
  'timer.record': (ctx, t) => write(ctx, (db, now) => timing.recordTime(db, now, t)),
  'projector.open': () => ({ done: false }),
} satisfies PartialHandlers;
