import type { PartialHandlers } from '../registry';
import { write } from '../context';
import { processPhoto } from '../photos/process';
import * as photos from '../repo/photos';
import { assertEditable } from '../repo/meetings';

export const photoHandlers = {
  'photo.add': async (ctx, { meetingId, fileName, dataBase64, ...fields }) => {
    assertEditable(ctx.db, meetingId);
    // Decoding and resizing is the slow part; it happens before the (short) write transaction.
    const processed = await processPhoto(Buffer.from(dataBase64, 'base64'), fileName);
    return write(ctx, (db, now) => photos.insertPhoto(db, now, meetingId, processed, fields));
  },
  'photo.update': (ctx, { id, patch }) => write(ctx, (db, now) => photos.updatePhoto(db, now, id, patch)),
  'photo.remove': (ctx, { id }) => {
    write(ctx, (db, now) => photos.setPhotoDeleted(db, now, id, true));
    return null;
  },
  'photo.restore': (ctx, { id }) => write(ctx, (db, now) => photos.setPhotoDeleted(db, now, id, false)),
  'photo.thumb': ({ db }, { id }) => `data:image/jpeg;base64,${photos.photoBytes(db, id, 'thumb').toString('base64')}`,
} satisfies PartialHandlers;
