import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_SCHEME_PRIVILEGES, mimeTypeFor, registerAppProtocol, resolveAppPath } from '../../../electron/main/protocol';
import { APP_SCHEME, CONTENT_SECURITY_POLICY } from '../../../electron/main/security';

const dir = path.resolve('/srv/app/out/renderer');

describe('resolveAppPath (checklist 17: the app served from app://, never outside its folder)', () => {
  it.each([
    ['app://thuky/', 'index.html'],
    ['app://thuky', 'index.html'],
    ['app://thuky/index.html', 'index.html'],
    ['app://thuky/index.html?v=1#/hoi-nghi/2', 'index.html'],
    ['app://thuky/assets/index-abc.js', 'assets/index-abc.js'],
    ['app://thuky/assets/be%20vietnam.woff2', 'assets/be vietnam.woff2'],
    ['app://thuky/assets/./x.css', 'assets/x.css'], // folded by the URL parser, still inside
    ['app://thuky/assets/../index.html', 'index.html'], // folded by the URL parser, still inside
  ])('%s → %s', (url, rel) => {
    expect(resolveAppPath(url, dir)).toBe(path.join(dir, rel));
  });

  // The URL parser folds plain and %2e-spelled dot segments before we see them, so these end
  // up inside the folder (e.g. /etc/passwd → <renderer>/etc/passwd, which does not exist).
  it.each(['app://thuky/../../etc/passwd', 'app://thuky/%2e%2e/%2e%2e/etc/passwd', 'app://thuky/%2E%2E/secret', 'app://thuky//etc/passwd', 'app://thuky/%252e%252e/secret'])(
    'confines %s to the renderer folder',
    (url) => {
      const file = resolveAppPath(url, dir);
      if (file !== null) expect(file.startsWith(dir + path.sep)).toBe(true);
    },
  );

  // What only becomes a separator, a parent or a drive after decoding is refused outright.
  it.each([
    'app://thuky/..%2f..%2fetc%2fpasswd',
    'app://thuky/assets/..%2F..%2F..%2Fetc%2Fpasswd',
    'app://thuky/..%5c..%5cWindows%5cwin.ini',
    'app://thuky/assets\\..\\..\\secret',
    'app://thuky/C:/Windows/win.ini',
    'app://thuky/C%3A%5CWindows%5Cwin.ini',
    'app://thuky/index.html%00.png',
    'app://thuky/%E0%A4%A', // malformed escape
    'app://evil/index.html',
    'app://thuky.evil.com/index.html',
    'app://thuky@evil/index.html',
    'file:///etc/passwd',
    'https://thuky/index.html',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppPath(url, dir)).toBeNull();
  });

  it('never returns a path outside the renderer folder, whatever the input', () => {
    const pieces = ['..', '%2e%2e', '%2E%2e', '.', '%2f', '%5c', 'a', 'index.html', '%00', '~', 'C:', '%3a'];
    for (const a of pieces) for (const b of pieces) for (const c of pieces) {
      const file = resolveAppPath(`app://thuky/${a}/${b}/${c}`, dir);
      if (file !== null) expect(file.startsWith(dir + path.sep), `${a}/${b}/${c} → ${file}`).toBe(true);
    }
  });
});

describe('app:// scheme privileges and MIME types', () => {
  it('is a standard, secure scheme with fetch support', () => {
    expect(APP_SCHEME_PRIVILEGES.scheme).toBe(APP_SCHEME);
    expect(APP_SCHEME_PRIVILEGES.privileges).toMatchObject({ standard: true, secure: true, supportFetchAPI: true });
    expect(APP_SCHEME_PRIVILEGES.privileges).not.toHaveProperty('bypassCSP');
  });

  it('answers module scripts with a JavaScript MIME type (Chromium refuses anything else)', () => {
    expect(mimeTypeFor('a/index-x.js')).toMatch(/^text\/javascript/);
    expect(mimeTypeFor('index.html')).toMatch(/^text\/html/);
    expect(mimeTypeFor('f.WOFF2')).toBe('font/woff2');
    expect(mimeTypeFor('x.unknown')).toBe('application/octet-stream');
  });
});

describe('registerAppProtocol serves files with the CSP header', () => {
  let root: string;
  let handler: (req: Request) => Promise<Response>;

  beforeAll(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'thuky-proto-'));
    mkdirSync(path.join(root, 'renderer', 'assets'), { recursive: true });
    writeFileSync(path.join(root, 'renderer', 'index.html'), '<!doctype html><title>Thư ký</title>');
    writeFileSync(path.join(root, 'renderer', 'assets', 'a.js'), 'console.log(1)');
    writeFileSync(path.join(root, 'secret.txt'), 'do not serve');
    registerAppProtocol(
      {
        handle: (scheme: string, h: (req: Request) => Promise<Response>) => {
          expect(scheme).toBe(APP_SCHEME);
          handler = h;
        },
      } as never,
      path.join(root, 'renderer'),
    );
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('serves index.html for / with the CSP and nosniff headers', async () => {
    const res = await handler(new Request('app://thuky/'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('Thư ký');
  });

  it('serves assets, and 404s for missing files and traversal', async () => {
    expect((await handler(new Request('app://thuky/assets/a.js'))).status).toBe(200);
    expect((await handler(new Request('app://thuky/assets/missing.js'))).status).toBe(404);
    const escaped = await handler(new Request('app://thuky/..%2fsecret.txt'));
    expect(escaped.status).toBe(404);
    expect(await escaped.text()).not.toContain('do not serve');
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await handler(new Request('app://thuky/', { method: 'POST', body: 'x' }))).status).toBe(405);
  });
});
