// The renderer's one way to reach the core. In Electron the preload exposes window.thuky.call
// (IPC); in the browser mode the same contract travels as JSON over loopback. Either way the
// answer is a Result, never a thrown error, so a screen always has a message to show.
import type { Api, Channel, ChannelInput, ChannelOutput } from '../../../electron/shared/contract';
import type { Result } from '../../../electron/shared/result';
import { journaled, type Call } from './journal-core';
import { journal } from './journal';

declare global {
  // Declaration merging with the DOM's Window needs an interface.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface Window {
    thuky?: Api;
  }
}

const httpApi: Api = {
  async call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>> {
    try {
      const res = await fetch(`/api/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(input ?? {}),
        // Lets a save started while the page is closing still reach the server.
        keepalive: JSON.stringify(input ?? {}).length < 60_000,
      });
      if (res.status === 401 || res.status === 403 || res.status === 421)
        return { ok: false, error: { code: 'forbidden', message: 'Phiên làm việc đã hết hạn. Hãy mở lại địa chỉ mà lệnh "npm run web" in ra.' } };
      return (await res.json()) as Result<ChannelOutput<C>>;
    } catch {
      return { ok: false, error: { code: 'offline', message: 'Không kết nối được với phần lưu trữ của ứng dụng. Nội dung vẫn còn trên màn hình; ứng dụng sẽ thử lưu lại.' } };
    }
  },
};

/** The transport itself, without the journal: what recovery replays through. */
export const rawApi: Api = window.thuky ?? httpApi;

/**
 * A write started by the save queue is journaled (IndexedDB) until the core answers it, so text
 * typed while the backend is unreachable survives a reload or a closed tab (journal-core.ts).
 */
const journaledCall = journaled(journal, rawApi.call as Call);
export const api: Api = {
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>> {
    // Same channel, same input, same answer: only the journal bookkeeping is added.
    return journaledCall(channel, input) as Promise<Result<ChannelOutput<C>>>;
  },
};

/** For reads where a failure should surface as an exception to the screen's error boundary. */
export async function must<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const r = await api.call(channel, input);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}
