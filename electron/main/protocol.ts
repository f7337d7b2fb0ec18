// Serves the built renderer from the privileged app:// scheme (checklist 17): never http:// and
// never file://, so the page has a real, stable origin that the navigation guard, the sender
// check and the CSP can all name. The path mapping is a pure function with its own tests,
// because it is the one place where a request could reach outside the renderer folder.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Protocol } from 'electron';
import { mimeTypeFor, staticRelativePath } from '../shared/static-files';
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY, isAppUrl } from './security';

/** Registered before 'ready' (app.whenReady): a standard, secure origin with fetch support. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
} as const;

/**
 * Maps `app://thuky/<path>` to a file inside `rendererDir`, or null when the request must be
 * refused: another scheme or host, credentials in the URL, a bad escape, a `..` segment in any
 * spelling (plain, `%2e%2e`, `%2f`-hidden, backslash), a drive letter or NUL, or anything that
 * would still land outside the folder. `/` maps to index.html.
 */
export function resolveAppPath(requestUrl: string, rendererDir: string): string | null {
  if (!isAppUrl(requestUrl, `${APP_SCHEME}://${APP_HOST}`)) return null;
  let pathname: string;
  try {
    pathname = new URL(requestUrl).pathname;
  } catch {
    return null;
  }
  const relative = staticRelativePath(pathname);
  if (relative === null) return null;
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, ...relative.split('/'));
  // Belt and braces: staticRelativePath only lets plain segments through.
  const rel = path.relative(root, file);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return null;
  return file;
}

export { mimeTypeFor };

/** Headers every app:// response carries: the CSP (with frame-ancestors) and no MIME sniffing. */
export function appResponseHeaders(file: string): Record<string, string> {
  return {
    'Content-Type': mimeTypeFor(file),
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  };
}

/**
 * Installs the handler. Files are read with fs rather than net.fetch(file://…) because the
 * session's webRequest filter refuses every file:// request, and the app must not depend on
 * the order in which those two mechanisms see a request.
 */
export function registerAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
    const file = resolveAppPath(request.url, rendererDir);
    if (!file) return new Response(null, { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers: appResponseHeaders(file) });
    } catch {
      return new Response(null, { status: 404 });
    }
  });
}
