// The security guards of the Electron shell (the official checklist, items 1, 5, 7, 12, 13, 16).
// Every decision is a pure function over plain values so that Vitest can prove it under Node,
// where Electron cannot start. Only `installSecurityGuards` touches Electron objects, and it
// receives them as parameters: this file imports nothing from 'electron' at run time, which also
// lets electron.vite.config.ts import the CSP from here for the built index.html.
import type { Session, WebContents } from 'electron';

/** The privileged custom scheme the renderer is served from (never http:// in production). */
export const APP_SCHEME = 'app';
/** A fixed host, so the origin is stable and every other host under the scheme is foreign. */
export const APP_HOST = 'thuky';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

// The one CSP lives in shared/ so the browser-mode server sends the very same policy.
export { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_META } from '../shared/csp';

type ParsedOrigin = { protocol: string; host: string };

function parseOrigin(origin: string): ParsedOrigin | null {
  try {
    const u = new URL(origin);
    return { protocol: u.protocol, host: u.host.toLowerCase() };
  } catch {
    return null;
  }
}

/**
 * True only for a URL on the app's own origin. Compared field by field with a URL parser, not by
 * string prefix: `app://thuky.evil.com`, `app://thuky@evil.com` and `app://evil.com#app://thuky`
 * must all be refused. `URL.origin` is not used because Node reports 'null' for non-special
 * schemes such as app:.
 */
export function isAppUrl(url: string, appOrigin: string = APP_ORIGIN): boolean {
  const want = parseOrigin(appOrigin);
  if (!want) return false;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  // Hosts compare case-insensitively: Chromium lowercases a standard scheme's host, while Node
  // keeps app:'s host as written because it does not know the scheme is standard.
  return u.protocol === want.protocol && u.host.toLowerCase() === want.host && u.username === '' && u.password === '';
}

/** `will-navigate` / `will-redirect` guard: the window may only ever show the app itself. */
export function isAllowedNavigation(url: string, appOrigin: string = APP_ORIGIN): boolean {
  return isAppUrl(url, appOrigin);
}

/** The app never opens windows, and never hands a URL to the OS browser (checklist 13 and 14). */
export const windowOpenHandler = (): { action: 'deny' } => ({ action: 'deny' });

/**
 * Camera, notifications, geolocation, clipboard-read, …: the app needs none. The one exception is
 * the microphone alone (never the camera), asked for by the app's own page, to record the hall
 * (issue 16, renderer/src/audio/recorder.ts); a request without those details is denied.
 */
export const permissionRequestHandler = (
  _webContents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details?: { mediaTypes?: string[]; requestingUrl?: string },
): void => {
  callback(isAppMicrophone(permission, details?.mediaTypes, details?.requestingUrl));
};

export const permissionCheckHandler = (_webContents?: unknown, permission?: string, requestingOrigin?: string, details?: { mediaType?: string }): boolean =>
  isAppMicrophone(permission ?? '', details?.mediaType ? [details.mediaType] : undefined, requestingOrigin);

/** 'media' for audio only, from the app's origin. */
export function isAppMicrophone(permission: string, mediaTypes: readonly string[] | undefined, url: string | undefined, appOrigin: string = APP_ORIGIN): boolean {
  return permission === 'media' && !!mediaTypes && mediaTypes.length > 0 && mediaTypes.every((t) => t === 'audio') && !!url && isAppUrl(url, appOrigin);
}

/** The minimal shape of Electron's WebFrameMain that the sender check needs. */
export type FrameLike = { url: string; parent?: unknown } | null | undefined;

/**
 * IPC sender validation (checklist 16): the message must come from the top frame of a page on
 * the app's origin. A destroyed frame (null), a subframe, or any other origin is untrusted.
 */
export function isTrustedSender(frame: FrameLike, appOrigin: string = APP_ORIGIN): boolean {
  if (!frame) return false;
  if (frame.parent !== undefined && frame.parent !== null) return false;
  return isAppUrl(frame.url, appOrigin);
}

// DevTools loads its own front end from devtools://; data: and blob: are in-memory resources the
// page created itself. Everything else, including file://, http(s):// and ws://, is network or
// disk access the renderer must not have.
const ALLOWED_REQUEST_PROTOCOLS = new Set(['devtools:', 'data:', 'blob:', 'chrome-extension:']);

/** webRequest filter: the app is offline by design, so no request may leave the app origin. */
export function isAllowedRequestUrl(url: string, appOrigin: string = APP_ORIGIN): boolean {
  if (isAppUrl(url, appOrigin)) return true;
  try {
    const u = new URL(url);
    if (u.protocol === 'chrome-extension:') return false; // we load no extensions
    return ALLOWED_REQUEST_PROTOCOLS.has(u.protocol);
  } catch {
    return false;
  }
}

/** The structural parts of Session and WebContents that the installer uses. */
export type GuardableSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler' | 'webRequest'
>;
export type GuardableWebContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/** Applied once to the app's session: deny every permission and every off-app request. */
export function installSessionGuards(session: GuardableSession, appOrigin: string = APP_ORIGIN): void {
  session.setPermissionRequestHandler(permissionRequestHandler);
  session.setPermissionCheckHandler(permissionCheckHandler);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequestUrl(details.url, appOrigin) });
  });
}

/** Applied to every WebContents as it is created (app 'web-contents-created'). */
export function installWebContentsGuards(contents: GuardableWebContents, appOrigin: string = APP_ORIGIN): void {
  contents.setWindowOpenHandler(windowOpenHandler);
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url, appOrigin)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url, appOrigin)) event.preventDefault();
  });
  // No <webview> is ever legitimate here (checklist 11); webviewTag:false already disables it,
  // this refuses it again should a window ever be created with other options.
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
}
