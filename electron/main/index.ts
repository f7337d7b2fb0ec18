// Electron's main process: windows, menu, IPC wiring, dialogs and the security guards, nothing
// more. Every decision lives in a pure, tested module next to this one; the domain lives in the
// core, which runs in a worker thread (core-host.ts). This file is the glue that cannot run
// without Electron, so it is kept short enough to read in one sitting.
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, clipboard, ClipboardItem, dialog, ipcMain, Menu, protocol, screen, session, shell, type IpcMainEvent } from 'electron';
import { CHANNEL_NAMES } from '../shared/channels';
import { FLUSH_DONE_CHANNEL, FLUSH_REQUEST_CHANNEL } from '../shared/close-bridge';
import { initialCloseState, nextCloseStep, type CloseEvent } from './close-sequence';
import { startInProcessCore, startWorkerCoreHost, type CoreHost } from './core-host';
import { registerIpc } from './ipc';
import { contextMenuTemplate, menuTemplate } from './menu';
import { electronNativeBindingPath } from './native-binding';
import { builtPaths, resolveDataDir } from './paths';
import { APP_SCHEME_PRIVILEGES, registerAppProtocol } from './protocol';
import { APP_ENTRY_URL, installSessionGuards, installWebContentsGuards, isTrustedSender } from './security';
import { APP_TITLE, mainWindowOptions } from './window-options';
import { isAllowedDownload, saveDialogOptions, shellHandlers } from './shell-actions';
import { pickProjectorDisplay, projectorOpenHandler, projectorUrl, projectorWindowOptions } from './projector';

const mainDir = path.dirname(fileURLToPath(import.meta.url));
const built = builtPaths(mainDir);

// Must happen before 'ready': only then does app:// get a real origin, fetch and a secure context.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

let mainWindow: BrowserWindow | null = null;
let core: CoreHost | null = null;
let quitState: 'running' | 'closing' | 'closed' = 'running';
/** app.quit() was asked while a window was open: quit again once its close sequence is done. */
let quitAfterWindowCloses = false;

function log(message: string, error?: unknown): void {
  console.error(`[main] ${message}`, error ?? '');
}

async function startCore(dataDir: string): Promise<CoreHost> {
  const nativeBinding = electronNativeBindingPath(app.getAppPath(), app.isPackaged, process.resourcesPath);
  const init = { dataDir, ...(existsSync(nativeBinding) ? { nativeBinding } : {}) };
  if (!init.nativeBinding) log(`Electron-ABI better-sqlite3 not found at ${nativeBinding}; run npm start (it builds it)`);
  try {
    return await startWorkerCoreHost({ workerFile: built.worker, init });
  } catch (e) {
    // The worker is the design; running in-process keeps the secretary working if a platform
    // ever refuses the thread (e.g. a packaging mistake around app.asar).
    log('core worker failed to start; running the core on the main thread', e);
    return startInProcessCore(init);
  }
}

/** Runs the close sequence (close-sequence.ts) for one window: flush the page, then close. */
function installCloseSequence(win: BrowserWindow): void {
  let state = initialCloseState;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const run = (event: CloseEvent, closeEvent?: { preventDefault(): void }): void => {
    const step = nextCloseStep(state, event);
    state = step.state;
    for (const fx of step.effects) {
      if (fx.type === 'prevent') closeEvent?.preventDefault();
      else if (fx.type === 'ask') win.webContents.send(FLUSH_REQUEST_CHANNEL, fx.request);
      else if (fx.type === 'start-timer') timer = setTimeout(() => run({ type: 'timeout', request: fx.request }), fx.ms);
      else if (fx.type === 'log') log(fx.message);
      else {
        if (timer) clearTimeout(timer);
        timer = null;
        if (!win.isDestroyed()) win.close();
      }
    }
  };
  const onDone = (event: IpcMainEvent, request: unknown): void => {
    // Only this window's own page can answer for it.
    if (event.sender === win.webContents && typeof request === 'number') run({ type: 'flushed', request });
  };
  ipcMain.on(FLUSH_DONE_CHANNEL, onDone);
  win.on('close', (e) => run({ type: 'close' }, e));
  win.webContents.on('render-process-gone', () => run({ type: 'renderer-gone' }));
  win.on('closed', () => {
    ipcMain.removeListener(FLUSH_DONE_CHANNEL, onDone);
    if (timer) clearTimeout(timer);
  });
}

function createWindow(): BrowserWindow {
  // The options are a tested pure function (window-options.test.ts); static scanners cannot
  // follow the call, see docs/security.md.
  const win = new BrowserWindow(mainWindowOptions(built.preload));
  win.once('ready-to-show', () => win.show());
  installCloseSequence(win);
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
    // The projector windows go with the secretary's (else the app would not quit).
    for (const p of projectors.values()) if (!p.isDestroyed()) p.close();
    if (quitAfterWindowCloses) app.quit();
  });
  win.webContents.on('context-menu', (_event, params) => {
    const items = contextMenuTemplate(params);
    if (items.length > 0) Menu.buildFromTemplate(items).popup({ window: win });
  });
  win.loadURL(APP_ENTRY_URL).catch((e: unknown) => log('could not load the app page', e));
  return win;
}

/**
 * The help is a page of the app itself (offline, always in step with the version). Changing the
 * hash navigates inside the single-page app without a reload, so autosave is undisturbed.
 */
function openHelp(): void {
  const win = BrowserWindow.getAllWindows()[0];
  if (!win) return;
  if (win.isMinimized()) win.restore();
  win.focus();
  void win.webContents.executeJavaScript("location.hash = '#/help'").catch((e: unknown) => log('could not open the help page', e));
}

function installMenu(dataDir: string): void {
  const template = menuTemplate({
    platform: process.platform,
    isDev: !app.isPackaged,
    actions: {
      openDataFolder: () => void shell.openPath(dataDir),
      openHelp,
      showAbout: () =>
        void dialog.showMessageBox({
          type: 'info',
          title: APP_TITLE,
          message: APP_TITLE,
          detail: `Phiên bản ${app.getVersion()}\nỨng dụng ghi biên bản và tin bài hội nghị, chạy hoàn toàn trên máy này, không cần mạng.`,
        }),
    },
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

// Printing: the documents screen switches its sheets to a print layout (@media print hides the
// app around them), so printing the window itself is the document; no second window is needed.
function mainShellHandlers(host: CoreHost) {
  return shellHandlers({
    dispatch: (channel, input) => host.dispatch(channel, input),
    // Both flavours in one item, written atomically: a CMS editor takes the HTML, Notepad the text.
    writeClipboard: (data) => clipboard.write([new ClipboardItem(data.html === undefined ? { 'text/plain': data.text } : { 'text/plain': data.text, 'text/html': data.html })]),
    printToPdf: async (options) => {
      if (!mainWindow) throw new Error('no window');
      return mainWindow.webContents.printToPDF(options);
    },
    askSavePath: async (options) => {
      const r = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
      return r.canceled || !r.filePath ? null : r.filePath;
    },
    writeFile: (file, data) => writeFile(file, data),
    documentsDir: () => app.getPath('documents'),
    log,
  });
}

/** One projector window per meeting, on the external display (projector.ts decides where and how). */
const projectors = new Map<number, BrowserWindow>();
function openProjector(meetingId: number): void {
  const open = projectors.get(meetingId);
  if (open && !open.isDestroyed()) return open.showInactive();
  const mine = mainWindow ? screen.getDisplayMatching(mainWindow.getBounds()).id : null;
  const win = new BrowserWindow(projectorWindowOptions(pickProjectorDisplay(screen.getAllDisplays(), screen.getPrimaryDisplay().id, mine)));
  projectors.set(meetingId, win);
  win.on('closed', () => projectors.delete(meetingId));
  win.once('ready-to-show', () => win.showInactive());
  win.loadURL(projectorUrl(APP_ENTRY_URL, meetingId)).catch((e: unknown) => log('could not load the projector page', e));
}

/** Exports (.docx, meeting files) reach the disk as downloads of blobs the page made: ask where. */
function installDownloads(): void {
  session.defaultSession.on('will-download', (event, item) => {
    if (!isAllowedDownload(item.getURL())) {
      event.preventDefault();
      return;
    }
    item.setSaveDialogOptions(saveDialogOptions(item.getFilename(), app.getPath('documents')));
  });
}

async function onReady(): Promise<void> {
  const dataDir = resolveDataDir(app.getPath('userData'), process.env);
  installSessionGuards(session.defaultSession);
  registerAppProtocol(protocol, built.renderer);
  installMenu(dataDir);
  const host = await startCore(dataDir);
  core = host;
  if (host.startupError) log(`database not opened: ${host.startupError.message}`);
  installDownloads();
  registerIpc(ipcMain, CHANNEL_NAMES, (channel, input) => host.dispatch(channel, input), (frame) => isTrustedSender(frame), {
    ...mainShellHandlers(host),
    'projector.open': projectorOpenHandler(openProjector),
  });
  mainWindow = createWindow();
}

if (!app.requestSingleInstanceLock()) {
  // A second copy would open a second writer on the same database: hand over to the first.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  // Every WebContents, including any created later by mistake, gets the navigation guards.
  app.on('web-contents-created', (_event, contents) => installWebContentsGuards(contents));

  app
    .whenReady()
    .then(onReady)
    .catch((e: unknown) => {
      log('start-up failed', e);
      dialog.showErrorBox(APP_TITLE, `Ứng dụng không khởi động được: ${e instanceof Error ? e.message : String(e)}`);
      app.exit(1);
    });

  app.on('activate', () => {
    if (core && BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // Quit only after the core has finished the calls under way and closed the database, so the
  // last keystrokes the renderer sent are committed and the WAL is checkpointed.
  app.on('before-quit', (event) => {
    // Quit from the menu or Cmd+Q: close the window first (its close sequence writes the page's
    // last keystrokes through the core), then come back here to close the core.
    if (mainWindow && !mainWindow.isDestroyed()) {
      event.preventDefault();
      quitAfterWindowCloses = true;
      mainWindow.close();
      return;
    }
    if (quitState === 'closed' || !core) return;
    event.preventDefault();
    if (quitState === 'closing') return;
    quitState = 'closing';
    core
      .close()
      .catch((e: unknown) => log('core did not close cleanly', e))
      .finally(() => {
        quitState = 'closed';
        app.quit();
      });
  });
}
