// The projector window (issue 16): which display it goes on and with which options, as pure
// functions that the unit tests check (Electron cannot run here); index.ts only creates the window.
// The window shows the renderer's #/projector/<id> page, which takes its content from the
// secretary's window over a BroadcastChannel: it gets no preload, so it cannot call the core at
// all, and nothing the secretary did not choose can reach it.
import type { BrowserWindowConstructorOptions } from 'electron';
import { contract } from '../shared/contract';
import type { Result } from '../shared/result';
import { validationError } from '../shared/validation';
import { APP_TITLE, SECURE_WEB_PREFERENCES } from './window-options';

export type Rect = { x: number; y: number; width: number; height: number };
/** The part of Electron's Display the choice reads. */
export type DisplayLike = { id: number; bounds: Rect; internal?: boolean };

/**
 * The display for the projector: one other than the secretary's (the one holding the main
 * window, else the primary), preferring an external one (a laptop's own panel is `internal`),
 * then the largest. Null when there is only the secretary's display.
 */
export function pickProjectorDisplay(displays: readonly DisplayLike[], primaryId: number, secretaryDisplayId: number | null = null): DisplayLike | null {
  const mine = secretaryDisplayId ?? primaryId;
  const others = displays.filter((d) => d.id !== mine);
  if (!others.length) return null;
  const area = (d: DisplayLike) => d.bounds.width * d.bounds.height;
  return [...others].sort((a, b) => Number(a.internal === true) - Number(b.internal === true) || area(b) - area(a))[0]!;
}

/** A window for the preview when no second display is connected: the secretary can still check it. */
export const PREVIEW_SIZE = { width: 960, height: 540 } as const;

/**
 * Full screen on the projector's display; on a single display, an ordinary window of 16:9 the
 * secretary can drag to a projector plugged in later (then F11 or the View menu's full screen).
 * The security preferences are the main window's, minus the preload.
 */
export function projectorWindowOptions(display: DisplayLike | null): BrowserWindowConstructorOptions {
  const placed: BrowserWindowConstructorOptions = display
    ? { x: display.bounds.x, y: display.bounds.y, width: display.bounds.width, height: display.bounds.height, fullscreen: true, frame: false }
    : { width: PREVIEW_SIZE.width, height: PREVIEW_SIZE.height, fullscreen: false };
  return {
    ...placed,
    title: `Màn chiếu – ${APP_TITLE}`,
    backgroundColor: '#000000',
    show: false,
    autoHideMenuBar: true,
    // The secretary keeps typing in the main window while the projector opens.
    focusable: display === null,
    webPreferences: {
      ...SECURE_WEB_PREFERENCES,
      // A projector left running must not fall asleep and stop counting down.
      backgroundThrottling: false,
    },
  };
}

/** The renderer's projector route for this meeting, on the app's own entry page. */
export function projectorUrl(entryUrl: string, meetingId: number): string {
  return `${entryUrl.split('#')[0]}#/projector/${meetingId}`;
}

/** 'projector.open', answered in main: checks the input like the core would, then opens or shows the window. */
export function projectorOpenHandler(open: (meetingId: number) => void): (raw: unknown) => Promise<Result<unknown>> {
  return async (raw) => {
    const parsed = contract['projector.open'].input.safeParse(raw ?? {});
    if (!parsed.success) return { ok: false, error: validationError(parsed.error) };
    try {
      open(parsed.data.meetingId);
    } catch {
      return { ok: false, error: { code: 'projector', message: 'Không mở được cửa sổ màn chiếu. Hãy kiểm tra màn hình thứ hai đã cắm và bật, rồi bấm "Mở" lần nữa.' } };
    }
    return { ok: true, value: { done: true } };
  };
}
