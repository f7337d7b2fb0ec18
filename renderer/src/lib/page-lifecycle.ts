// Everything the page does around its own life, in one place for main.tsx: flush on hide and
// close, the unsaved count on <html>, the Electron close handshake, and replaying the journal
// of edits an earlier page could not get acknowledged.
import '../../../electron/shared/close-bridge';
import { flushAllFields, installPageFlush } from './autosave';
import { rawApi } from './api';
import { journal, recoverJournal } from './journal';
import type { Call } from './journal-core';
import { saveQueue } from './save-queue';

/** What the page does when Electron's main process asks before closing the window. */
export async function flushForClose(): Promise<void> {
  flushAllFields();
  // First on disk in the journal (so nothing is lost even if the core never answers), then
  // acknowledged by the core. Main bounds the wait.
  await journal.persisted();
  await saveQueue.idle();
  await journal.persisted();
}

export async function startPage(): Promise<void> {
  installPageFlush(window, document, { warnBeforeUnload: !window.thuky });
  window.thukyClose?.onFlushRequest(flushForClose);
  // Journal entries were made by api.call from a contract channel and its input, so they go back
  // the same way; the core validates them again like any other call.
  const call = rawApi.call as Call;
  await recoverJournal(call);
}
