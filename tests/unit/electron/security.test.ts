import { describe, expect, it, vi } from 'vitest';
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  CONTENT_SECURITY_POLICY,
  CONTENT_SECURITY_POLICY_META,
  installSessionGuards,
  installWebContentsGuards,
  isAllowedNavigation,
  isAllowedRequestUrl,
  isTrustedSender,
  permissionCheckHandler,
  permissionRequestHandler,
  windowOpenHandler,
  type GuardableSession,
  type GuardableWebContents,
} from '../../../electron/main/security';

describe('will-navigate guard (checklist 12), compared with a URL parser', () => {
  it.each([APP_ENTRY_URL, `${APP_ORIGIN}/`, `${APP_ORIGIN}`, `${APP_ORIGIN}/#/hoi-nghi/1`, `${APP_ORIGIN}/index.html?x=1`, 'APP://THUKY/index.html'])(
    'allows the app itself: %s',
    (url) => expect(isAllowedNavigation(url)).toBe(true),
  );

  it.each([
    // other hosts under the same scheme, and look-alikes
    'app://evil.com/',
    'app://thuky.evil.com/index.html',
    'app://thukyy/',
    'app://thuk/',
    'app://thuky%2eevil.com/',
    'app://thuky:8080/',
    // credentials: the "host" a human reads is not the host
    'app://thuky@evil.com/',
    'app://evil.com@thuky/',
    'app://user:pass@thuky/',
    'app://thuky\\@evil.com/',
    'app:thuky',
    'app:/thuky/index.html',
    // other schemes
    'http://thuky/',
    'https://thuky/index.html',
    'https://example.com/',
    'http://localhost:5173/',
    'ws://thuky/',
    'file:///etc/passwd',
    'file://thuky/index.html',
    'file:///C:/Windows/System32/',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(document.domain)',
    'data:text/html,<script>alert(1)</script>',
    'blob:app://thuky/1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed',
    'about:blank',
    'chrome://settings',
    'devtools://devtools/bundled/inspector.html',
    'evil.com',
    '//evil.com',
    '',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(false);
  });

  it('refuses everything when the app origin itself is malformed', () => {
    expect(isAllowedNavigation(APP_ENTRY_URL, 'not an origin')).toBe(false);
  });
});

describe('window.open (checklist 13)', () => {
  it('is always denied', () => {
    expect(windowOpenHandler()).toEqual({ action: 'deny' });
  });
});

describe('permissions (checklist 5)', () => {
  // Every permission name Electron 45 can ask about, plus one it does not know.
  const PERMISSIONS = [
    'clipboard-read',
    'clipboard-sanitized-write',
    'display-capture',
    'fullscreen',
    'geolocation',
    'idle-detection',
    'media',
    'mediaKeySystem',
    'midi',
    'midiSysex',
    'notifications',
    'pointerLock',
    'keyboardLock',
    'openExternal',
    'speaker-selection',
    'storage-access',
    'top-level-storage-access',
    'window-management',
    'fileSystem',
    'hid',
    'serial',
    'usb',
    'deprecated-sync-clipboard-read',
    'unknown',
    'something-added-in-electron-99',
  ];

  it.each(PERMISSIONS)('request for %s is denied', (permission) => {
    const callback = vi.fn();
    permissionRequestHandler({}, permission, callback);
    expect(callback).toHaveBeenCalledExactlyOnceWith(false);
  });

  it('every permission check answers false', () => {
    expect(permissionCheckHandler()).toBe(false);
  });
});

describe('IPC sender validation (checklist 16)', () => {
  it('trusts the top frame of the app', () => {
    expect(isTrustedSender({ url: APP_ENTRY_URL, parent: null })).toBe(true);
    expect(isTrustedSender({ url: `${APP_ORIGIN}/#/x` })).toBe(true);
  });

  it.each([
    ['a destroyed frame', null],
    ['no frame', undefined],
    ['a subframe of the app', { url: APP_ENTRY_URL, parent: { url: APP_ENTRY_URL } }],
    ['another host', { url: 'app://evil/index.html', parent: null }],
    ['a look-alike host', { url: 'app://thuky.evil.com/', parent: null }],
    ['credentials', { url: 'app://thuky@evil.com/', parent: null }],
    ['a web page', { url: 'https://example.com/', parent: null }],
    ['a local file', { url: 'file:///tmp/evil.html', parent: null }],
    ['a dev server', { url: 'http://localhost:5173/', parent: null }],
    ['about:blank', { url: 'about:blank', parent: null }],
    ['an empty URL', { url: '', parent: null }],
  ] as const)('refuses %s', (_label, frame) => {
    expect(isTrustedSender(frame)).toBe(false);
  });
});

describe('web request filter (checklist 1: no remote content)', () => {
  it.each([APP_ENTRY_URL, `${APP_ORIGIN}/assets/index.js`, 'data:image/png;base64,AAAA', 'blob:app://thuky/uuid', 'devtools://devtools/bundled/inspector.html'])(
    'lets %s through',
    (url) => expect(isAllowedRequestUrl(url)).toBe(true),
  );

  it.each([
    'https://fonts.googleapis.com/css2?family=Be+Vietnam+Pro',
    'http://127.0.0.1:8080/api',
    'ws://localhost:1234/',
    'wss://example.com/',
    'file:///etc/passwd',
    'ftp://example.com/',
    'app://evil/x.js',
    'chrome-extension://abc/x.js',
    'not a url',
  ])('cancels %s', (url) => expect(isAllowedRequestUrl(url)).toBe(false));
});

describe('Content Security Policy (checklist 7)', () => {
  const directives = (csp: string): Map<string, string> =>
    new Map(csp.split(';').map((d) => d.trim()).filter(Boolean).map((d) => [d.split(/\s+/)[0], d.split(/\s+/).slice(1).join(' ')]));

  it.each([CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_META])('is strict and names no remote source: %s', (csp) => {
    const d = directives(csp);
    expect(d.get('default-src')).toBe("'self'");
    expect(d.get('script-src')).toBe("'self'");
    expect(d.get('style-src')).toBe("'self'");
    expect(d.get('object-src')).toBe("'none'");
    expect(d.get('base-uri')).toBe("'none'");
    expect(d.get('form-action')).toBe("'none'");
    expect(csp).not.toMatch(/https?:|wss?:|\*|'unsafe-eval'|'unsafe-inline'|'wasm-unsafe-eval'|'strict-dynamic'/);
    for (const [name, value] of d) {
      for (const source of value.split(' ')) {
        expect(["'self'", "'none'", 'data:', 'blob:'], `${name} ${source}`).toContain(source);
      }
    }
    // data: and blob: only for images (thumbnails and previews), never scripts or fonts; blob:
    // (not data:) also for media, where "Nghe lại" plays the hall recording the core returned.
    for (const [name, value] of d) if (name !== 'img-src' && name !== 'media-src') expect(value, name).not.toMatch(/data:|blob:/);
    expect(d.get('media-src')).toBe("'self' blob:");
  });

  it('puts frame-ancestors in the header only, where browsers honour it', () => {
    expect(directives(CONTENT_SECURITY_POLICY).get('frame-ancestors')).toBe("'none'");
    expect(directives(CONTENT_SECURITY_POLICY_META).has('frame-ancestors')).toBe(false);
  });
});

describe('guard installers wire the pure guards into Electron objects', () => {
  it('session: denies permissions and cancels off-app requests', () => {
    const calls: Record<string, unknown> = {};
    let filter: ((d: { url: string }, cb: (r: { cancel: boolean }) => void) => void) | null = null;
    const session = {
      setPermissionRequestHandler: (h: unknown) => (calls.request = h),
      setPermissionCheckHandler: (h: unknown) => (calls.check = h),
      setDevicePermissionHandler: (h: unknown) => (calls.device = h),
      webRequest: { onBeforeRequest: (f: typeof filter) => (filter = f) },
    } as unknown as GuardableSession;
    installSessionGuards(session);
    expect(calls.request).toBe(permissionRequestHandler);
    expect(calls.check).toBe(permissionCheckHandler);
    expect((calls.device as () => boolean)()).toBe(false);
    const answer = (url: string): boolean => {
      let cancel: boolean | undefined;
      filter!({ url }, (r) => (cancel = r.cancel));
      return cancel!;
    };
    expect(answer('https://example.com/')).toBe(true);
    expect(answer(APP_ENTRY_URL)).toBe(false);
  });

  it('web contents: denies window.open, blocks foreign navigation and redirects, refuses <webview>', () => {
    const listeners = new Map<string, (event: { preventDefault: () => void }, url?: string) => void>();
    let openHandler: unknown;
    const contents = {
      on: (name: string, fn: (event: { preventDefault: () => void }, url?: string) => void) => listeners.set(name, fn),
      setWindowOpenHandler: (h: unknown) => (openHandler = h),
    } as unknown as GuardableWebContents;
    installWebContentsGuards(contents);
    expect(openHandler).toBe(windowOpenHandler);
    for (const name of ['will-navigate', 'will-redirect']) {
      const blocked = { preventDefault: vi.fn() };
      listeners.get(name)!(blocked, 'https://evil.example/');
      expect(blocked.preventDefault, name).toHaveBeenCalled();
      const allowed = { preventDefault: vi.fn() };
      listeners.get(name)!(allowed, APP_ENTRY_URL);
      expect(allowed.preventDefault, name).not.toHaveBeenCalled();
    }
    const webview = { preventDefault: vi.fn() };
    listeners.get('will-attach-webview')!(webview);
    expect(webview.preventDefault).toHaveBeenCalled();
  });
});
