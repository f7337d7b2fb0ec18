// The secretary's page and the projector's page talk over a BroadcastChannel named per meeting:
// same origin, same browser (the app's own windows in Electron, two tabs in browser mode), no
// server in between and nothing leaves the machine. The secretary's page sends a snapshot on each
// change; a projector that opens (or reloads) says hello and gets the latest one at once.
import { isProjectorMessage, projectorChannelName, type ProjectorMessage, type ProjectorSnapshot } from '../../../electron/shared/timer';

export type ProjectorSender = { send(s: ProjectorSnapshot): void; close(): void };

export function openSender(meetingId: number): ProjectorSender {
  if (typeof BroadcastChannel === 'undefined') return { send: () => {}, close: () => {} };
  const ch = new BroadcastChannel(projectorChannelName(meetingId));
  let last: ProjectorSnapshot | null = null;
  ch.onmessage = (e: MessageEvent<unknown>) => {
    if (isProjectorMessage(e.data) && e.data.type === 'hello' && last) ch.postMessage({ type: 'snapshot', snapshot: last } satisfies ProjectorMessage);
  };
  return {
    send(s) {
      last = s;
      ch.postMessage({ type: 'snapshot', snapshot: s } satisfies ProjectorMessage);
    },
    close: () => ch.close(),
  };
}

/** Listens for snapshots (ignoring any older than the newest seen); returns the unsubscribe. */
export function listen(meetingId: number, onSnapshot: (s: ProjectorSnapshot) => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {};
  const ch = new BroadcastChannel(projectorChannelName(meetingId));
  let seen = -1;
  let sentAt = -1;
  ch.onmessage = (e: MessageEvent<unknown>) => {
    if (!isProjectorMessage(e.data) || e.data.type !== 'snapshot') return;
    const s = e.data.snapshot;
    if (s.meetingId !== meetingId) return;
    // A reloaded secretary page starts its count again: a later send time wins as well.
    if (s.seq <= seen && s.sentAt <= sentAt) return;
    seen = s.seq;
    sentAt = s.sentAt;
    onSnapshot(s);
  };
  ch.postMessage({ type: 'hello' } satisfies ProjectorMessage);
  return () => ch.close();
}
