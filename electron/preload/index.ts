// The sandboxed preload: exposes `window.thuky.call(channel, input)`, only for the contract's
// channel names, and `window.thukyClose.onFlushRequest(flush)`, the page's half of the close
// sequence (electron/main/close-sequence.ts). It imports channels.ts rather than contract.ts so that
// zod (and the rest of the contract's runtime) never enters this bundle, which must be a single
// CommonJS file because sandboxed preloads cannot load ES modules or other local files.
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNEL_NAMES } from '../shared/channels';
import type { Api } from '../shared/contract';
import type { Result } from '../shared/result';
import { CLOSE_BRIDGE_KEY, FLUSH_DONE_CHANNEL, FLUSH_REQUEST_CHANNEL, type CloseBridge } from '../shared/close-bridge';
import { WINDOW_API_KEY } from '../shared/window-api';

const known: ReadonlySet<string> = new Set(CHANNEL_NAMES);

const UNKNOWN_CHANNEL = 'Ứng dụng gửi một yêu cầu không hợp lệ. Hãy khởi động lại ứng dụng.';
const IPC_FAILED = 'Không liên lạc được với bộ xử lý dữ liệu của ứng dụng. Nội dung đang gõ vẫn còn trên màn hình; hãy thử lại.';

function call(channel: string, input: unknown): Promise<Result<unknown>> {
  if (typeof channel !== 'string' || !known.has(channel)) {
    return Promise.resolve({ ok: false, error: { code: 'unknown_channel', message: UNKNOWN_CHANNEL } });
  }
  // The API promises a Result and never a rejection, so a broken channel becomes one too.
  return (ipcRenderer.invoke(channel, input) as Promise<Result<unknown>>).catch(() => ({
    ok: false as const,
    error: { code: 'ipc_failed', message: IPC_FAILED },
  }));
}

// A frozen object with one function: nothing of ipcRenderer itself crosses the bridge.
const api = Object.freeze({ call: call as Api['call'] }) satisfies Api;

contextBridge.exposeInMainWorld(WINDOW_API_KEY, api);

// Main asks before the window closes; the page writes every field and the answer goes back with
// the request's number. Registered once: a later call cannot replace the app's own flush. The
// answer is sent even if the flush failed (main closes either way; the journal keeps the rest).
let flushRegistered = false;
const closeBridge = Object.freeze({
  onFlushRequest(flush: () => Promise<void>): void {
    if (flushRegistered || typeof flush !== 'function') return;
    flushRegistered = true;
    ipcRenderer.on(FLUSH_REQUEST_CHANNEL, (_event, request: unknown) => {
      if (typeof request !== 'number') return;
      void Promise.resolve()
        .then(flush)
        .catch(() => undefined)
        .then(() => ipcRenderer.send(FLUSH_DONE_CHANNEL, request));
    });
  },
}) satisfies CloseBridge;

contextBridge.exposeInMainWorld(CLOSE_BRIDGE_KEY, closeBridge);
