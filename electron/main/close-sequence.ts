// Closing the window without losing the last keystrokes. The renderer debounces saves (250 ms),
// so when the secretary closes the window some text may still be only in the page. On the
// window's 'close' event main holds the close, asks the renderer to write every field, and
// closes when the renderer answers, or after a bound (a hung or broken page must not keep the
// window open forever: that is logged, and the page's IndexedDB journal still holds what was
// not acknowledged, to be replayed on the next start).
// A pure state machine: index.ts feeds it Electron's events and carries out the effects.

export const FLUSH_TIMEOUT_MS = 5_000;

export type CloseState =
  | { phase: 'open'; lastRequest: number; rendererGone: boolean }
  | { phase: 'flushing'; request: number }
  | { phase: 'closing' };

export type CloseEvent =
  /** The window's 'close' event (the X, Alt+F4, the menu, app.quit). */
  | { type: 'close' }
  /** The renderer's answer to request `request`. */
  | { type: 'flushed'; request: number }
  | { type: 'timeout'; request: number }
  /** The page crashed or was killed: nobody is left to answer. */
  | { type: 'renderer-gone' };

export type CloseEffect =
  /** Call preventDefault() on the 'close' event being handled. */
  | { type: 'prevent' }
  | { type: 'ask'; request: number }
  | { type: 'start-timer'; request: number; ms: number }
  | { type: 'close-window' }
  | { type: 'log'; message: string };

export type CloseStep = { state: CloseState; effects: CloseEffect[] };

export const initialCloseState: CloseState = { phase: 'open', lastRequest: 0, rendererGone: false };

export function nextCloseStep(state: CloseState, event: CloseEvent, timeoutMs: number = FLUSH_TIMEOUT_MS): CloseStep {
  switch (state.phase) {
    case 'open':
      if (event.type === 'close') {
        if (state.rendererGone) return { state: { phase: 'closing' }, effects: [{ type: 'log', message: 'closing without a flush: the page is gone' }] };
        const request = state.lastRequest + 1;
        return {
          state: { phase: 'flushing', request },
          effects: [{ type: 'prevent' }, { type: 'ask', request }, { type: 'start-timer', request, ms: timeoutMs }],
        };
      }
      if (event.type === 'renderer-gone') return { state: { ...state, rendererGone: true }, effects: [] };
      return { state, effects: [] }; // a stray answer or timer: nothing is waiting for it
    case 'flushing':
      // A second click on the X while the page is writing: keep waiting, still bounded.
      if (event.type === 'close') return { state, effects: [{ type: 'prevent' }] };
      if (event.type === 'flushed' && event.request === state.request) return { state: { phase: 'closing' }, effects: [{ type: 'close-window' }] };
      if (event.type === 'timeout' && event.request === state.request)
        return {
          state: { phase: 'closing' },
          effects: [{ type: 'log', message: `the page did not confirm its flush within ${timeoutMs} ms; closing anyway (its journal keeps what was not saved)` }, { type: 'close-window' }],
        };
      if (event.type === 'renderer-gone')
        return { state: { phase: 'closing' }, effects: [{ type: 'log', message: 'the page went away during its flush; closing' }, { type: 'close-window' }] };
      return { state, effects: [] }; // an answer to an older request
    case 'closing':
      // The close we asked for (or any later one) goes through.
      return { state, effects: [] };
  }
}
