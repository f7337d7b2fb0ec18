import { describe, expect, it } from 'vitest';
import { APP_TITLE, mainWindowOptions, WINDOW_SIZE } from '../../../electron/main/window-options';

describe('main window options (security checklist 2, 3, 4, 6, 8, 9, 10, 11)', () => {
  const opts = mainWindowOptions('/app/out/preload/index.cjs');
  const web = opts.webPreferences ?? {};

  it('isolates and sandboxes the renderer, with no Node in any page, frame or worker', () => {
    expect(web.contextIsolation).toBe(true);
    expect(web.sandbox).toBe(true);
    expect(web.nodeIntegration).toBe(false);
    expect(web.nodeIntegrationInWorker).toBe(false);
    expect(web.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and refuses insecure content, experiments, Blink features and <webview>', () => {
    expect(web.webSecurity).toBe(true);
    expect(web.allowRunningInsecureContent).toBe(false);
    expect(web.experimentalFeatures).toBe(false);
    expect(web.webviewTag).toBe(false);
    expect(web).not.toHaveProperty('enableBlinkFeatures');
    expect(web.disableBlinkFeatures).toBe('Auxclick'); // only ever disabling
    expect(web.navigateOnDragDrop).toBe(false);
  });

  it('loads the given preload and nothing else from the file system', () => {
    expect(web.preload).toBe('/app/out/preload/index.cjs');
    expect(web).not.toHaveProperty('additionalArguments');
  });

  it('fits a 1366×768 laptop, waits for ready-to-show, and is titled in Vietnamese', () => {
    expect(opts.width).toBeLessThanOrEqual(1366);
    expect(opts.height).toBeLessThanOrEqual(728); // 768 minus a taskbar
    expect(opts.minWidth).toBe(WINDOW_SIZE.minWidth);
    expect(opts.minHeight).toBeLessThanOrEqual(opts.height ?? 0);
    expect(opts.show).toBe(false);
    expect(opts.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
    expect(opts.title).toBe(APP_TITLE);
    expect(APP_TITLE).toBe('Thư ký Hội nghị');
    expect(web.spellcheck).toBe(false);
  });
});

