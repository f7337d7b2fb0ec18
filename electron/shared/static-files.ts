// The one static-file resolver and MIME table for the built renderer, used by the desktop app's
// app:// protocol (electron/main/protocol.ts) and by browser mode's web server
// (electron/server/server.ts). Node-free on purpose: it works on URL paths only and returns a
// path relative to the renderer folder, which each caller joins to its folder. Containment is
// decided here, by segments, so the two transports cannot drift apart on what is refused.

/** Content types of the files a renderer build contains; anything else is octet-stream. */
export const STATIC_MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export const FALLBACK_MIME = 'application/octet-stream';

/** The extension of the last path segment, lower-cased with its dot (".js"), or '' for none. */
export function extensionOf(file: string): string {
  const base = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

export function mimeTypeFor(file: string): string {
  return STATIC_MIME[extensionOf(file)] ?? FALLBACK_MIME;
}

/** The file the empty path ("/") stands for. */
export const INDEX_FILE = 'index.html';

/**
 * Maps a URL path (still percent-encoded, as in `URL#pathname`) to a file path relative to the
 * renderer folder, with '/' separators, or null when the request must be refused: a bad escape,
 * a NUL, a backslash or a colon (Windows separators and drive letters), or a `.`/`..` segment in
 * any spelling (plain, `%2e%2e`, or hidden behind `%2f`). Such a path can only name a file
 * inside the folder. "/" maps to index.html.
 */
export function staticRelativePath(urlPath: string): string | null {
  let decoded: string;
  try {
    // The URL parser already folds `.`/`..` and `%2e%2e`, but `%2f` and `%5c` only become
    // separators after decoding, so the decoded form is what is checked.
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\') || decoded.includes(':')) return null;
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.')) return null;
  return segments.length === 0 ? INDEX_FILE : segments.join('/');
}
