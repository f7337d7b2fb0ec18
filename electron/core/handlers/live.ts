// The live screen's reads (issue 15): what the first screen shows, then the other items whole.
// Reads only: nothing here writes, so nothing goes through write() or the audit log.
import type { PartialHandlers } from '../registry';
import { liveItems, openLive } from '../repo/live';

export const liveHandlers = {
  'meeting.live': ({ db }, { id, focus }) => openLive(db, id, focus),
  'meeting.liveItems': ({ db }, { id, recIds, replyIds }) => liveItems(db, id, recIds, replyIds),
} satisfies PartialHandlers;
