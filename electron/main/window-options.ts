// The main window's options as a pure function, so the security-relevant preferences
// (checklist 2, 3, 4, 6, 8, 9, 10, 11) are asserted by a unit test rather than trusted.
import type { BrowserWindowConstructorOptions } from 'electron';

export const APP_TITLE = 'Thư ký Hội nghị';

// Sized for the secretary's usual 1366×768 laptop: the work area is about 1366×728 once the
// taskbar is counted, so the window fits with a small margin; the minimum still shows the
// two-column editor without horizontal scrolling.
export const WINDOW_SIZE = { width: 1280, height: 720, minWidth: 1024, minHeight: 640 } as const;

/** Matches the renderer's page background, so no white flash appears before the first paint. */
export const WINDOW_BACKGROUND = '#f7f5f0';

/**
 * Every window's page runs with these: isolated, sandboxed, no Node, no webviews, no insecure
 * content (Electron's security checklist). One object, so a new window cannot forget one.
 */
export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webviewTag: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  // A middle click on a link would otherwise try to open a new window; the window-open
  // handler denies it anyway, this stops the attempt earlier (electronegativity AUXCLICK).
  disableBlinkFeatures: 'Auxclick',
  // The OS spellchecker knows no Vietnamese on most machines and would underline every word;
  // it would also send nothing anywhere, but the red noise is worse than no help.
  spellcheck: false,
  safeDialogs: true,
} as const satisfies BrowserWindowConstructorOptions['webPreferences'];

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: APP_TITLE,
    width: WINDOW_SIZE.width,
    height: WINDOW_SIZE.height,
    minWidth: WINDOW_SIZE.minWidth,
    minHeight: WINDOW_SIZE.minHeight,
    backgroundColor: WINDOW_BACKGROUND,
    // Shown on 'ready-to-show' so the secretary never sees a half-drawn window.
    show: false,
    autoHideMenuBar: false,
    webPreferences: { preload: preloadPath, ...SECURE_WEB_PREFERENCES },
  };
}

