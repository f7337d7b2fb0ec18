// Small HTTP helpers for the hub: bodies with a size cap, JSON answers with security headers,
// cookies. node:http and no framework: the hub has a dozen routes, and every byte that crosses
// its boundary is checked here or by a zod schema.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HubError } from './hub-error';

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

export function sendJson(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', ...extra });
  res.end(JSON.stringify(body));
}

export function sendBytes(res: ServerResponse, bytes: Buffer, mime: string, fileName: string): void {
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': mime,
    'Content-Disposition': `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
  });
  res.end(bytes);
}

export async function readBytes(req: IncomingMessage, max: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > max) throw new HubError(413, 'too_large', `Dữ liệu gửi lên quá lớn (tối đa ${Math.round(max / 1024 / 1024)} MB).`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > max) throw new HubError(413, 'too_large', `Dữ liệu gửi lên quá lớn (tối đa ${Math.round(max / 1024 / 1024)} MB).`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export async function readJson(req: IncomingMessage, max = 256 * 1024): Promise<unknown> {
  const bytes = await readBytes(req, max);
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new HubError(400, 'bad_json', 'Dữ liệu gửi lên không đọc được (không phải JSON).');
  }
}

export function cookie(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return null;
}

export function bearer(req: IncomingMessage): string | null {
  const h = req.headers.authorization ?? '';
  return h.startsWith('Bearer ') ? h.slice(7).trim() : null;
}

/** The client's address: the socket's, or the reverse proxy's header when the hub is told to trust it. */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  const fwd = trustProxy ? String(req.headers['x-forwarded-for'] ?? '').split(',')[0]?.trim() : '';
  return fwd || req.socket.remoteAddress || '?';
}
