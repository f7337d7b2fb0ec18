// The projector window's display choice, options and route, as pure functions (Electron's binary
// cannot run here; electron/main/index.ts only creates the window from these).
import { describe, expect, it } from 'vitest';
import { pickProjectorDisplay, projectorOpenHandler, projectorUrl, projectorWindowOptions, PREVIEW_SIZE, type DisplayLike } from '../../../electron/main/projector';
import { mainWindowOptions } from '../../../electron/main/window-options';

const laptop: DisplayLike = { id: 1, bounds: { x: 0, y: 0, width: 1366, height: 768 }, internal: true };
const projector: DisplayLike = { id: 2, bounds: { x: 1366, y: 0, width: 1920, height: 1080 } };
const tv: DisplayLike = { id: 3, bounds: { x: -1280, y: 0, width: 1280, height: 720 } };

describe('pickProjectorDisplay', () => {
  it('none when the secretary has the only display', () => {
    expect(pickProjectorDisplay([laptop], 1)).toBeNull();
    expect(pickProjectorDisplay([], 1)).toBeNull();
  });
  it('the external display, not the one holding the secretary’s window', () => {
    expect(pickProjectorDisplay([laptop, projector], 1)?.id).toBe(2);
    // The secretary moved the main window to the big screen: the projector goes on the other one.
    expect(pickProjectorDisplay([laptop, projector], 1, 2)?.id).toBe(1);
  });
  it('prefers an external display to the laptop’s own panel, then the larger one', () => {
    expect(pickProjectorDisplay([laptop, projector, tv], 3, 3)?.id).toBe(2);
    expect(pickProjectorDisplay([{ ...laptop, id: 9 }, tv, projector], 9)?.id).toBe(2);
    expect(pickProjectorDisplay([projector, laptop, tv], 2, 2)?.id).toBe(3);
  });
});

describe('projectorWindowOptions', () => {
  it('full screen on the chosen display, at its place', () => {
    const o = projectorWindowOptions(projector);
    expect(o).toMatchObject({ x: 1366, y: 0, width: 1920, height: 1080, fullscreen: true, frame: false, backgroundColor: '#000000', show: false, focusable: false });
  });
  it('a 16:9 window on a single display, which the secretary can move and focus', () => {
    const o = projectorWindowOptions(null);
    expect(o).toMatchObject({ ...PREVIEW_SIZE, fullscreen: false, focusable: true });
    expect(o.x).toBeUndefined();
  });
  it('keeps every security preference of the main window and has no preload (no access to the core)', () => {
    const o = projectorWindowOptions(projector).webPreferences!;
    const main = mainWindowOptions('/p/preload.js').webPreferences!;
    expect(o.preload).toBeUndefined();
    for (const k of ['contextIsolation', 'sandbox', 'nodeIntegration', 'nodeIntegrationInWorker', 'nodeIntegrationInSubFrames', 'webviewTag', 'webSecurity', 'allowRunningInsecureContent', 'experimentalFeatures', 'navigateOnDragDrop', 'disableBlinkFeatures'] as const)
      expect(o[k], k).toBe(main[k]);
    expect(o.backgroundThrottling).toBe(false);
  });
});

describe('projector route and handler', () => {
  it('the renderer’s projector route on the entry page', () => {
    expect(projectorUrl('app://thuky/index.html', 12)).toBe('app://thuky/index.html#/projector/12');
    expect(projectorUrl('app://thuky/index.html#/meeting/3/live', 12)).toBe('app://thuky/index.html#/projector/12');
  });
  it('opens for a valid meeting id and refuses anything else without opening', async () => {
    const opened: number[] = [];
    const h = projectorOpenHandler((id) => opened.push(id));
    expect(await h({ meetingId: 4 })).toEqual({ ok: true, value: { done: true } });
    const bad = await h({ meetingId: 'x' });
    expect(bad.ok).toBe(false);
    expect(opened).toEqual([4]);
  });
  it('says in Vietnamese what to do when the window cannot open', async () => {
    const r = await projectorOpenHandler(() => {
      throw new Error('no display');
    })({ meetingId: 1 });
    expect(!r.ok && r.error.message).toMatch(/màn hình thứ hai/);
  });
});
