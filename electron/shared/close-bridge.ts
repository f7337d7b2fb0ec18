// The close handshake between Electron's main process and the renderer (see
// electron/main/close-sequence.ts): main asks the page to write every field, the page answers
// when it has. Type-level apart from the names, so main, the preload and the renderer share one
// declaration without importing each other.

/** The property of `window` the preload fills in Electron. Absent in browser mode. */
export const CLOSE_BRIDGE_KEY = 'thukyClose';

/** main → renderer: "write everything now"; carries the request's number. */
export const FLUSH_REQUEST_CHANNEL = 'app:flush-request';
/** renderer → main: "done", with the same number. */
export const FLUSH_DONE_CHANNEL = 'app:flush-done';

export type CloseBridge = {
  /** Registers the page's flush; main waits (bounded) for it to settle before closing the window. */
  onFlushRequest(flush: () => Promise<void>): void;
};

declare global {
  // Declaration merging into the DOM's Window requires `interface`; a `type` cannot extend it.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface Window {
    /** Set by the Electron preload; undefined in browser mode. */
    thukyClose?: CloseBridge;
  }
}
