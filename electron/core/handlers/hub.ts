// Thiết lập → "Gửi lên hub của tỉnh": the hub's address and the unit key, the outbox's state, and
// "Gửi ngay". The sending itself also runs every minute in the desktop app and browser mode.
import type { PartialHandlers } from '../registry';
import { write } from '../context';
import { saveHubSettings } from '../hub/settings';
import { hubStatus, sendPending } from '../hub/sync';

export const hubHandlers = {
  'hub.status': (ctx) => hubStatus(ctx),
  'hub.save': (ctx, input) => {
    write(ctx, (db, now) => saveHubSettings(db, now, input));
    return hubStatus(ctx);
  },
  'hub.sendNow': (ctx) => sendPending(ctx),
} satisfies PartialHandlers;
