// Browser mode: the same renderer, the same core and the same Registry as the desktop app, with
// loopback HTTP in place of Electron's IPC. This is how the app runs where Electron cannot, and
// how the end-to-end tests drive it. It is not a second implementation: /api/<channel> goes to
// Registry.dispatch exactly as ipcMain.handle does.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Registry } from '../core/registry';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';
import { LIMITS } from '../shared/limits';
import { checkRequest, TOKEN_COOKIE, TOKEN_HEADER } from './guard';

export type WebServerOptions = { registry: Registry; rendererDir: string; token: string; port?: number };

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.json': 'application/json; charset=utf-8',
};

// Base64 of the largest meeting file, plus room for the JSON around it.
const MAX_BODY = Math.ceil((LIMITS.meetingFileBytes * 4) / 3) + 64 * 1024;

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

function send(res: ServerResponse, status: number, body: string | Buffer, type = 'text/plain; charset=utf-8', extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, ...extra });
  res.end(body);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw Object.assign(new Error('too large'), { status: 413 });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Maps a URL path to a file inside rendererDir, or null when it would leave it. */
export function resolveStatic(rendererDir: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const rel = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const full = path.resolve(rendererDir, rel);
  const root = path.resolve(rendererDir);
  return full === root || full.startsWith(root + path.sep) ? full : null;
}

export function createWebServer(opts: WebServerOptions): Server {
  let port = opts.port ?? 0;
  const server = createServer((req, res) => {
    void handle(req, res).catch(() => send(res, 500, 'Lỗi máy chủ nội bộ.'));
  });
  server.on('listening', () => {
    const addr = server.address();
    if (addr && typeof addr === 'object') port = addr.port;
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const verdict = checkRequest(
      {
        host: req.headers.host,
        origin: req.headers.origin,
        cookie: req.headers.cookie,
        tokenHeader: req.headers[TOKEN_HEADER] as string | undefined,
        queryToken: req.method === 'GET' ? url.searchParams.get('token') : null,
      },
      port,
      opts.token,
    );
    if (!verdict.ok) {
      send(res, verdict.status, 'Không có quyền truy cập. Hãy mở đúng địa chỉ mà lệnh "npm run web" đã in ra (có kèm mã token).');
      return;
    }
    if (verdict.setCookie) {
      // Put the token in a cookie and drop it from the address bar (and from any screenshot).
      url.searchParams.delete('token');
      res.writeHead(303, {
        ...SECURITY_HEADERS,
        'Set-Cookie': `${TOKEN_COOKIE}=${encodeURIComponent(opts.token)}; HttpOnly; SameSite=Strict; Path=/`,
        Location: url.pathname + url.search,
      });
      res.end();
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, 'Chỉ nhận POST.');
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, 'Cần application/json.');
      let input: unknown;
      try {
        const body = await readBody(req);
        input = body ? JSON.parse(body) : {};
      } catch (e) {
        const status = (e as { status?: number }).status ?? 400;
        const message = status === 413 ? 'Dữ liệu gửi lên quá lớn.' : 'Dữ liệu gửi lên không đọc được.';
        return send(res, status, JSON.stringify({ ok: false, error: { code: 'bad_request', message } }), 'application/json; charset=utf-8');
      }
      const result = await opts.registry.dispatch(decodeURIComponent(url.pathname.slice(5)), input);
      return send(res, 200, JSON.stringify(result), 'application/json; charset=utf-8');
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Phương thức không được hỗ trợ.');
    const file = resolveStatic(opts.rendererDir, url.pathname);
    if (!file) return send(res, 404, 'Không tìm thấy.');
    // Unknown paths are screens of the single-page app: answer with index.html.
    const target = (await stat(file).catch(() => null))?.isFile() ? file : path.join(opts.rendererDir, 'index.html');
    const body = await readFile(target).catch(() => null);
    if (!body) return send(res, 404, 'Chưa có bản dựng giao diện. Hãy chạy "npm run web" (lệnh này dựng giao diện trước khi chạy).');
    send(res, 200, body, TYPES[path.extname(target)] ?? 'application/octet-stream');
  }

  return server;
}
