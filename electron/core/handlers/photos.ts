import type { PartialHandlers } from '../registry';
import { nowIso } from '../context';
import { processPhoto } from '../photos/process';
import * as photos from '../repo/photos';
import { assertEditable } from '../repo/meetings';

export const photoHandlers: PartialHandlers = {
  'photo.add': async (ctx, { meetingId, fileName, dataBase64, ...fields }) => {
    assertEditable(ctx.db, meetingId);
    // Decoding and resizing is the slow part; it happens before the (short) write transaction.
    const processed = await processPhoto(Buffer.from(dataBase64, 'base64'), fileName);
    return ctx.db.transaction(() => photos.insertPhoto(ctx.db, nowIso(ctx), meetingId, processed, fields))();
  },
  'photo.update': (ctx, { id, patch }) => ctx.db.transaction(() => photos.updatePhoto(ctx.db, nowIso(ctx), id, patch))(),
  'photo.remove': (ctx, { id }) => {
    ctx.db.transaction(() => photos.setPhotoDeleted(ctx.db, nowIso(ctx), id, true))();
    return null;
  },
  'photo.restore': (ctx, { id }) => ctx.db.transaction(() => photos.setPhotoDeleted(ctx.db, nowIso(ctx), id, false))(),
  'photo.thumb': ({ db }, { id }) => `data:image/jpeg;base64,${photos.photoBytes(db, id, 'thumb').toString('base64')}`,
};
