import type { PartialHandlers } from '../registry';
import { nowIso } from '../context';
import { getMeeting } from '../repo/meetings';
import { exportMeetingFile, meetingFileName } from '../meeting-file/export';
import { importMeetingFile } from '../meeting-file/import';

export const meetingFileHandlers = {
  'meetingFile.export': (ctx, { id, includeAudio }) => {
    const m = getMeeting(ctx.db, id);
    // The hall recording only when the secretary asked for it (issue 16): it can be large.
    const bytes = exportMeetingFile(ctx.db, id, ctx.now(), includeAudio ? { audioFrom: ctx.dataDir } : {});
    return { fileName: meetingFileName(m.title, m.date), dataBase64: Buffer.from(bytes).toString('base64') };
  },
  'meetingFile.import': (ctx, { dataBase64 }) => importMeetingFile(ctx.db, nowIso(ctx), Buffer.from(dataBase64, 'base64'), { dataDir: ctx.dataDir }),
} satisfies PartialHandlers;
