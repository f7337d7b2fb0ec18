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
import { mimeTypeFor, staticRelativePath } from '../shared/static-files';
import { checkRequest, tokenCookieName, TOKEN_HEADER } from './guard';

export type WebServerOptions = { registry: Registry; rendererDir: string; token: string; port?: number };

// Base64 of the largest meeting file, plus room for the JSON around it.
const MAX_BODY = Math.ceil((LIMITS.meetingFileBytes * 4) / 3) + 64 * 1024;

const MAX_HEADER_BYTES = 1024 * 1024;

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

/** Maps a URL path to a file inside rendererDir, or null when it would leave it (the same rule as app://). */
export function resolveStatic(rendererDir: string, urlPath: string): string | null {
  const relative = staticRelativePath(urlPath);
  return relative === null ? null : path.join(path.resolve(rendererDir), ...relative.split('/'));
}

/** `channel`: the decoded name after /api/, or '' for any other path. */
type ParsedUrl = { url: URL; channel: string };

/** The request target, with every percent-escape of its path valid; null when it is not. */
export function parseUrl(target: string | undefined): ParsedUrl | null {
  // Only origin-form ("/path?query") is accepted; "http://host/…" or "*" has no business here.
  if (!target?.startsWith('/') || target.startsWith('//')) return null;
  let url: URL;
  try {
    url = new URL(target, 'http://127.0.0.1');
  } catch {
    return null;
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  return { url, channel: decoded.startsWith('/api/') ? decoded.slice(5) : '' };
}

export function createWebServer(opts: WebServerOptions): Server {
  let port = opts.port ?? 0;
  // Any other server on 127.0.0.1 can set cookies that the browser then sends here too (cookies
  // ignore the port): up to ~180 of 4 KB each in Chromium. With Node's default 16 KB header limit
  // that would be a 431 on every request, a locked-out app; loopback can afford 1 MB of headers.
  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, (req, res) => {
    void handle(req, res).catch(() => {
      if (res.headersSent) res.destroy();
      else send(res, 500, 'Lỗi máy chủ nội bộ.');
    });
  });
  server.on('listening', () => {
    const addr = server.address();
    if (addr && typeof addr === 'object') port = addr.port;
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const parsed = parseUrl(req.url);
    // A path that is not valid percent-encoding ("/api/%E0%A4%A") is the client's mistake: 400,
    // not a crash of the handler (500) and not a guess at what was meant.
    if (!parsed) return send(res, 400, 'Địa chỉ yêu cầu không hợp lệ.');
    const { url, channel } = parsed;
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
        'Set-Cookie': `${tokenCookieName(port)}=${encodeURIComponent(opts.token)}; HttpOnly; SameSite=Strict; Path=/`,
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
      const result = await opts.registry.dispatch(channel, input);
      return send(res, 200, JSON.stringify(result), 'application/json; charset=utf-8');
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Phương thức không được hỗ trợ.');
    const file = resolveStatic(opts.rendererDir, url.pathname);
    if (!file) return send(res, 404, 'Không tìm thấy.');
    // Unknown paths are screens of the single-page app: answer with index.html.
    const target = (await stat(file).catch(() => null))?.isFile() ? file : path.join(opts.rendererDir, 'index.html');
    const body = await readFile(target).catch(() => null);
    if (!body) return send(res, 404, 'Chưa có bản dựng giao diện. Hãy chạy "npm run web" (lệnh này dựng giao diện trước khi chạy).');
    send(res, 200, body, mimeTypeFor(target));
  }

  return server;
}
