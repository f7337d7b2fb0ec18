// Wires the contract's channels to ipcMain. Main adds only the transport concerns: one handler
// per channel (a second registration is a programming error), the sender check (checklist 16),
// and a guarantee that the renderer always receives a Result, never a rejected promise carrying
// an English stack trace. Input validation stays in the core's Registry, the single dispatch
// path shared with the browser-mode server.
import type { Result } from '../shared/result';

export const FORBIDDEN_MESSAGE = 'Yêu cầu bị từ chối vì không đến từ cửa sổ của ứng dụng. Hãy đóng các cửa sổ lạ và khởi động lại ứng dụng.';
export const UNAVAILABLE_MESSAGE =
  'Bộ xử lý dữ liệu của ứng dụng đang không phản hồi. Nội dung đang gõ vẫn còn trên màn hình; hãy thử lại, nếu vẫn lỗi hãy khởi động lại ứng dụng.';

/** The part of Electron's IpcMainInvokeEvent that the check reads. */
export type InvokeEventLike = { senderFrame: { url: string; parent?: unknown } | null | undefined };

/** The part of Electron's ipcMain this helper needs, so a test can pass a recorder. */
export type IpcMainLike = {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
};

export type Dispatch = (channel: string, input: unknown) => Promise<Result<unknown>>;
export type SenderCheck = (frame: InvokeEventLike['senderFrame']) => boolean;
/** A channel main answers itself (clipboard, PDF); it validates its own input. */
export type MainHandler = (input: unknown, event: InvokeEventLike) => Promise<Result<unknown>>;

// Remembers what each ipcMain already carries, so that a second call (e.g. a window re-created
// after 'activate' on macOS) fails loudly here instead of deep inside Electron.
const registered = new WeakMap<IpcMainLike, Set<string>>();

/**
 * Returns the channels it registered, in order. Throws on any duplicate name. A channel with an
 * entry in `inMain` goes to that handler instead of the core, after the same sender check; an
 * entry for a channel that is not in `channels` is a programming error.
 */
export function registerIpc(
  ipcMain: IpcMainLike,
  channels: readonly string[],
  dispatch: Dispatch,
  isTrustedSender: SenderCheck,
  inMain: Readonly<Record<string, MainHandler>> = {},
): string[] {
  const seen = registered.get(ipcMain) ?? new Set<string>();
  const batch = new Set<string>();
  for (const channel of channels) {
    if (batch.has(channel)) throw new Error(`IPC channel "${channel}" listed twice`);
    if (seen.has(channel)) throw new Error(`IPC channel "${channel}" already registered`);
    batch.add(channel);
  }
  for (const name of Object.keys(inMain)) {
    if (!batch.has(name)) throw new Error(`IPC channel "${name}" has a main-process handler but is not in the channel list`);
  }
  for (const channel of batch) {
    const local = Object.prototype.hasOwnProperty.call(inMain, channel) ? inMain[channel] : undefined;
    ipcMain.handle(channel, async (event, input) => {
      if (!isTrustedSender(event.senderFrame)) {
        return { ok: false, error: { code: 'forbidden', message: FORBIDDEN_MESSAGE } } satisfies Result<never>;
      }
      try {
        return local ? await local(input, event) : await dispatch(channel, input);
      } catch {
        // Dispatch only throws when the core's worker is gone; the Registry itself never throws.
        return { ok: false, error: { code: 'unavailable', message: UNAVAILABLE_MESSAGE } } satisfies Result<never>;
      }
    });
    seen.add(channel);
  }
  registered.set(ipcMain, seen);
  return [...batch];
}
