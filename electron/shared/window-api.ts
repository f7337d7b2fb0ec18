// How the renderer sees the preload's bridge. Type-level apart from the key's name, so the
// renderer (tsconfig.web.json) and the preload share one declaration without importing Node code.
import type { Api } from './contract';

/** The property of `window` the preload fills in Electron. Absent in browser mode. */
export const WINDOW_API_KEY = 'thuky';

export type WindowApi = Api;

declare global {
  // Declaration merging into the DOM's Window requires `interface`; a `type` cannot extend it.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface Window {
    /** Set by the Electron preload; undefined in browser mode, where the renderer uses HTTP. */
    thuky?: WindowApi;
  }
}
