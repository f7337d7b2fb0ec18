// The browser-mode server on a real loopback socket: only its own page, with its token, gets in.
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebServer, resolveStatic } from '../../../electron/server/server';
import { checkRequest } from '../../../electron/server/guard';
import { tempCore, tempDir, type TestCore } from '../../helpers/core';
import type { Server } from 'node:http';

const TOKEN = 'test-token-0123456789abcdef';
let core: TestCore;
let server: Server;
let port: number;
const rendererDir = tempDir('thuky-renderer-');

beforeAll(async () => {
  mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Thư ký Hội nghị</title>');
  writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  core = tempCore();
  server = createWebServer({ registry: core.registry, rendererDir, token: TOKEN });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => {
  server.close();
  core.dispose();
});

type Res = { status: number; headers: Record<string, string | string[] | undefined>; body: string };
function send(method: string, p: string, headers: Record<string, string>, body?: string): Promise<Res> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path: p, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (data += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: data }));
    });
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}
const api = (channel: string, input: unknown, headers: Record<string, string> = { 'x-thuky-token': TOKEN }) =>
  send('POST', `/api/${channel}`, { 'content-type': 'application/json', ...headers }, JSON.stringify(input));

describe('browser-mode server', () => {
  it('refuses requests without the token', async () => {
    expect((await send('GET', '/', {})).status).toBe(401);
    expect((await api('meeting.list', {}, {})).status).toBe(401);
    expect((await api('meeting.list', {}, { 'x-thuky-token': 'wrong' })).status).toBe(401);
  });

  it('exchanges the URL token for an HttpOnly SameSite cookie and drops it from the address', async () => {
    const r = await send('GET', `/?token=${TOKEN}`, {});
    expect(r.status).toBe(303);
    expect(r.headers.location).toBe('/');
    const cookie = String(r.headers['set-cookie']);
    expect(cookie).toMatch(new RegExp(`thuky_token_${port}=`));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await send('GET', '/', { cookie: `thuky_token_${port}=${TOKEN}` });
    expect(page.status).toBe(200);
    expect(page.body).toContain('Thư ký Hội nghị');
    expect(page.headers['content-security-policy']).toMatch(/default-src 'self'/);
  });

  it('refuses a foreign Host (DNS rebinding) even with the token', async () => {
    const r = await send('GET', '/', { host: `evil.example:${port}`, 'x-thuky-token': TOKEN });
    expect(r.status).toBe(421);
  });

  it('refuses a foreign Origin even with the token', async () => {
    const r = await api('meeting.list', {}, { 'x-thuky-token': TOKEN, origin: 'http://evil.example' });
    expect(r.status).toBe(403);
    const ok = await api('meeting.list', {}, { 'x-thuky-token': TOKEN, origin: `http://127.0.0.1:${port}` });
    expect(ok.status).toBe(200);
  });

  it('dispatches through the same registry and answers Results', async () => {
    const created = JSON.parse((await api('meeting.create', { fields: { title: 'Qua mạng nội bộ' } })).body) as { ok: boolean; value: { id: number } };
    expect(created.ok).toBe(true);
    const list = JSON.parse((await api('meeting.list', {})).body) as { ok: boolean; value: { title: string }[] };
    expect(list.value.map((m) => m.title)).toContain('Qua mạng nội bộ');
    const bad = JSON.parse((await api('meeting.update', { id: created.value.id, patch: { date: '2019-02-30' } })).body) as { ok: boolean; error: { message: string } };
    expect(bad.ok).toBe(false);
    expect(bad.error.message).toMatch(/không có thật/);
    const unknown = JSON.parse((await api('shell.exec', { cmd: 'ls' })).body) as { ok: boolean };
    expect(unknown.ok).toBe(false);
  });

  it('refuses non-JSON posts (no form-based cross-site requests)', async () => {
    const r = await send('POST', '/api/meeting.list', { 'x-thuky-token': TOKEN, 'content-type': 'text/plain' }, '{}');
    expect(r.status).toBe(415);
  });

  it('serves files only from inside the renderer folder', async () => {
    expect((await send('GET', '/assets/app.js', { 'x-thuky-token': TOKEN })).body).toBe('console.log(1)');
    expect(resolveStatic(rendererDir, '/../../etc/passwd')).toBeNull();
    expect(resolveStatic(rendererDir, '/%2e%2e/%2e%2e/etc/passwd')).toBeNull();
    expect(resolveStatic(rendererDir, '/..%5c..%5cwindows')).toBeNull();
    expect(resolveStatic(rendererDir, '/a%00.js')).toBeNull();
    expect(resolveStatic(rendererDir, '/')).toBe(path.join(rendererDir, 'index.html'));
  });

  it('only ever listens on loopback', () => {
    expect((server.address() as AddressInfo).address).toBe('127.0.0.1');
  });
});

describe('request guard (pure)', () => {
  const base = { host: '127.0.0.1:5000', origin: undefined, cookie: undefined, tokenHeader: undefined, queryToken: null };
  it('accepts localhost and 127.0.0.1 on our port only', () => {
    expect(checkRequest({ ...base, tokenHeader: TOKEN }, 5000, TOKEN).ok).toBe(true);
    expect(checkRequest({ ...base, host: 'localhost:5000', tokenHeader: TOKEN }, 5000, TOKEN).ok).toBe(true);
    expect(checkRequest({ ...base, host: '127.0.0.1:5001', tokenHeader: TOKEN }, 5000, TOKEN).ok).toBe(false);
    expect(checkRequest({ ...base, host: undefined, tokenHeader: TOKEN }, 5000, TOKEN).ok).toBe(false);
  });
  it('accepts the token from header, cookie, or (once) the query', () => {
    expect(checkRequest({ ...base, cookie: `a=b; thuky_token_5000=${TOKEN}` }, 5000, TOKEN)).toEqual({ ok: true, setCookie: false });
    expect(checkRequest({ ...base, queryToken: TOKEN }, 5000, TOKEN)).toEqual({ ok: true, setCookie: true });
    expect(checkRequest({ ...base, queryToken: TOKEN.slice(0, -1) }, 5000, TOKEN).ok).toBe(false);
  });
});
