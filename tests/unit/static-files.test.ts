// One static-file resolver for app:// and browser mode: both transports answer every path the
// same way (same file or both refuse) and give the same content type, because both call
// electron/shared/static-files.ts.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extensionOf, mimeTypeFor, staticRelativePath } from '../../electron/shared/static-files';
import { mimeTypeFor as appMime, resolveAppPath } from '../../electron/main/protocol';
import { resolveStatic } from '../../electron/server/server';

const dir = path.resolve('/tmp/renderer-x');

const PATHS = ['/', '/index.html', '/assets/app-1.js', '/assets/font.woff2', '//assets//x.css', '/a%20b.png', '/../etc/passwd', '/%2e%2e/x', '/a/%2e%2e/%2e%2e/x', '/..%2f..%2fx', '/..%5cx', '/a%00.js', '/c:/x', '/%E0%A4%A', '/./x'];

describe('static files', () => {
  it('maps "/" to index.html and plain segments to themselves', () => {
    expect(staticRelativePath('/')).toBe('index.html');
    expect(staticRelativePath('')).toBe('index.html');
    expect(staticRelativePath('/assets/app.js')).toBe('assets/app.js');
    expect(staticRelativePath('//assets//app.js')).toBe('assets/app.js');
    expect(staticRelativePath('/a%20b.png')).toBe('a b.png');
  });

  it('refuses every way out of the folder', () => {
    for (const p of ['/../x', '/a/../../x', '/%2e%2e/x', '/..%2fx', '/..%5cx', '/a\\b', '/a%00.js', '/c:/x', '/%E0%A4%A', '/./x', '/x/.'])
      expect(staticRelativePath(p), p).toBeNull();
  });

  it('app:// and the web server agree on every path', () => {
    for (const p of PATHS) {
      const viaServer = resolveStatic(dir, p);
      // The URL parser folds plain "..", so app:// sees "/etc/passwd" for "/../etc/passwd"; compare
      // on what reaches the resolver.
      const pathname = new URL(`app://thuky${p.startsWith('//') ? p.replace(/^\/+/, '/') : p}`).pathname;
      expect(resolveAppPath(`app://thuky${pathname}`, dir), p).toBe(resolveStatic(dir, pathname));
      if (viaServer !== null) expect(viaServer.startsWith(dir + path.sep), p).toBe(true);
    }
  });

  it('one MIME table', () => {
    expect(appMime).toBe(mimeTypeFor);
    expect(mimeTypeFor('assets/index-x.js')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('index.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeFor('F.WOFF2')).toBe('font/woff2');
    expect(mimeTypeFor('map.js.map')).toBe('application/json; charset=utf-8');
    expect(mimeTypeFor('x.unknown')).toBe('application/octet-stream');
    expect(mimeTypeFor('README')).toBe('application/octet-stream');
    expect(extensionOf('a.b/c')).toBe('');
    expect(extensionOf('.hidden')).toBe('');
    expect(extensionOf('C:\\x\\a.PNG')).toBe('.png');
  });
});
