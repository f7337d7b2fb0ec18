// The sample meeting for the first-run screen and the Home list's "Mẫu" mark.
import type { PartialHandlers } from '../registry';
import { loadSampleMeeting } from '../sample';
import { sampleMeetingIds } from '../repo/sample';

export const sampleHandlers: PartialHandlers = {
  'sample.load': (ctx) => loadSampleMeeting(ctx),
  'sample.ids': ({ db }) => sampleMeetingIds(db),
};
