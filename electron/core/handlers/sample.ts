// The sample meeting for the first-run screen and the Home list's "Mẫu" mark, and meeting records
// (the facts of a real meeting, ../shared/seed/README.md) turned into meetings.
import type { PartialHandlers } from '../registry';
import { loadSampleMeeting } from '../sample';
import { sampleMeetingIds } from '../repo/sample';
import { importRecord, parseRecordText } from '../records/import';
import { nowIso } from '../context';

export const sampleHandlers = {
  'sample.load': (ctx, { name }) => loadSampleMeeting(ctx, name),
  'sample.ids': ({ db }) => sampleMeetingIds(db),
  'record.import': (ctx, { json }) => importRecord(ctx.db, nowIso(ctx), parseRecordText(json)),
} satisfies PartialHandlers;
