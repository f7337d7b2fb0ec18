// Browser mode against hostile or unlucky requests: cookies are shared by every server on
// 127.0.0.1 whatever its port, so two runs of the app (or another local app) must not lock each
// other out, and a malformed or planted cookie or path is a 4xx, never a 500.
import { mkdirSync, writeFileSync } from 'node:fs';
import { request, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkRequest, readCookies, tokenCookieName } from '../../../electron/server/guard';
import { createWebServer, parseUrl } from '../../../electron/server/server';
import { tempCore, tempDir, type TestCore } from '../../helpers/core';

type Running = { server: Server; port: number; token: string };
let core: TestCore;
let a: Running;
let b: Running;
const rendererDir = tempDir('thuky-renderer-');

async function start(token: string): Promise<Running> {
  const server = createWebServer({ registry: core.registry, rendererDir, token });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, port: (server.address() as AddressInfo).port, token };
}

beforeAll(async () => {
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Thư ký Hội nghị</title>');
  core = tempCore();
  a = await start('token-of-server-a-0123456789');
  b = await start('token-of-server-b-9876543210');
});
afterAll(() => {
  a.server.close();
  b.server.close();
  core.dispose();
});

type Res = { status: number; headers: Record<string, string | string[] | undefined>; body: string };
function send(to: Running, method: string, p: string, headers: Record<string, string> = {}, body?: string): Promise<Res> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: to.port, method, path: p, headers: { host: `127.0.0.1:${to.port}`, ...headers } }, (res) => {
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
const api = (to: Running, channel: string, headers: Record<string, string>) =>
  send(to, 'POST', `/api/${channel}`, { 'content-type': 'application/json', ...headers }, '{}');

/** Sends raw bytes (a request line Node's client would refuse to build) and returns the status. */
function rawStatus(to: Running, requestText: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = connect(to.port, '127.0.0.1', () => socket.write(requestText));
    let data = '';
    socket.setEncoding('latin1');
    socket.on('data', (c: string) => {
      data += c;
      const m = /^HTTP\/1\.1 (\d{3})/.exec(data);
      if (m) {
        resolve(Number(m[1]));
        socket.destroy();
      }
    });
    socket.on('error', reject);
  });
}

/**
 * What a browser does with cookies for 127.0.0.1: one jar for the host, whatever the port
 * (RFC 6265 §8.5), keyed by name and path; every cookie goes to every port.
 */
class HostJar {
  private readonly cookies = new Map<string, string>();
  take(res: Res): void {
    const set = res.headers['set-cookie'];
    for (const line of Array.isArray(set) ? set : set ? [set] : []) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      this.cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
  }
  plant(name: string, value: string): void {
    this.cookies.set(`${name}\u0000planted`, value);
  }
  header(): string {
    return [...this.cookies.entries()].map(([k, v]) => `${k.split('\u0000')[0]}=${v}`).join('; ');
  }
}

describe('the token cookie is per port', () => {
  it('carries the port in its name', async () => {
    const r = await send(a, 'GET', `/?token=${a.token}`);
    expect(r.status).toBe(303);
    expect(String(r.headers['set-cookie'])).toMatch(new RegExp(`^thuky_token_${a.port}=`));
  });

  it('two servers on 127.0.0.1 do not overwrite each other: both stay open in one browser', async () => {
    const jar = new HostJar();
    jar.take(await send(a, 'GET', `/?token=${a.token}`));
    jar.take(await send(b, 'GET', `/?token=${b.token}`));
    // The browser sends both cookies to both servers; each finds its own.
    expect((await api(a, 'meeting.list', { cookie: jar.header() })).status).toBe(200);
    expect((await api(b, 'meeting.list', { cookie: jar.header() })).status).toBe(200);
  });

  it("another server's cookie gets nothing, even under our token's value", async () => {
    expect((await api(a, 'meeting.list', { cookie: `${tokenCookieName(b.port)}=${b.token}` })).status).toBe(401);
    expect((await api(a, 'meeting.list', { cookie: `${tokenCookieName(b.port)}=${a.token}` })).status).toBe(401);
    // The old port-less name is not read any more.
    expect((await api(a, 'meeting.list', { cookie: `thuky_token=${a.token}` })).status).toBe(401);
  });
});

describe('malformed or planted cookies', () => {
  const name = () => tokenCookieName(a.port);

  it('a malformed value is 401, never 500', async () => {
    for (const v of ['%E0%A4%A', '%', '%%%', '', '"unterminated', 'a'.repeat(4000), '\u00ff\u00fe']) {
      const r = await api(a, 'meeting.list', { cookie: `${name()}=${Buffer.from(v, 'latin1').toString('latin1')}` });
      expect(r.status, v.slice(0, 20)).toBe(401);
    }
    expect((await api(a, 'meeting.list', { cookie: `${name()}` })).status).toBe(401);
    expect((await api(a, 'meeting.list', { cookie: ';;;=;==' })).status).toBe(401);
  });

  it('every cookie of our name is read: a planted one before ours does not lock the app out', async () => {
    for (const planted of ['wrong', '%E0%A4%A', '']) {
      const cookie = `${name()}=${planted}; other=1; ${name()}=${encodeURIComponent(a.token)}`;
      expect((await api(a, 'meeting.list', { cookie })).status, planted).toBe(200);
    }
  });

  it('with only a planted cookie, the address with the token still lets the user back in', async () => {
    const jar = new HostJar();
    jar.plant(name(), 'planted-by-another-local-server');
    expect((await send(a, 'GET', '/', { cookie: jar.header() })).status).toBe(401);
    const again = await send(a, 'GET', `/?token=${a.token}`, { cookie: jar.header() });
    expect(again.status).toBe(303);
    jar.take(again);
    expect((await api(a, 'meeting.list', { cookie: jar.header() })).status).toBe(200);
  });

  it('a flood of cookies planted by another local server (700 KB) does not lock the app out', async () => {
    const junk = Array.from({ length: 175 }, (_, i) => `junk${i}=${'x'.repeat(4000)}`).join('; ');
    const r = await api(a, 'meeting.list', { cookie: `${junk}; ${name()}=${a.token}` });
    expect(r.status).toBe(200);
    expect((await api(a, 'meeting.list', { cookie: junk })).status).toBe(401);
  });

  it('readCookies returns every value in order and never throws', () => {
    expect(readCookies('x=1; thuky_token_5=a; thuky_token_5=%E0%A4%A; y; thuky_token_5=b%20c', 'thuky_token_5')).toEqual(['a', '%E0%A4%A', 'b c']);
    expect(readCookies(undefined, 'thuky_token_5')).toEqual([]);
    expect(readCookies('thuky_token_50=a', 'thuky_token_5')).toEqual([]);
    const base = { host: '127.0.0.1:5', origin: undefined, tokenHeader: undefined, queryToken: null };
    expect(checkRequest({ ...base, cookie: 'thuky_token_5=%E0; thuky_token_5=T' }, 5, 'T')).toEqual({ ok: true, setCookie: false });
    expect(checkRequest({ ...base, cookie: 'thuky_token_5=%E0' }, 5, 'T')).toMatchObject({ ok: false, status: 401 });
  });
});

describe('malformed paths', () => {
  it('/api/%E0%A4%A is 400, with or without the token', async () => {
    expect((await api(a, '%E0%A4%A', { 'x-thuky-token': a.token })).status).toBe(400);
    expect((await api(a, '%E0%A4%A', {})).status).toBe(400);
    expect((await api(a, 'meeting.list%', { 'x-thuky-token': a.token })).status).toBe(400);
  });

  it('a malformed static path is 400 too', async () => {
    expect((await send(a, 'GET', '/%E0%A4%A', { 'x-thuky-token': a.token })).status).toBe(400);
    expect((await send(a, 'GET', '/assets/%C0%AF..%C0%AF', { 'x-thuky-token': a.token })).status).toBe(400);
  });

  it('a request target that is not a path is 400', async () => {
    const host = `Host: 127.0.0.1:${a.port}\r\nx-thuky-token: ${a.token}\r\nConnection: close\r\n\r\n`;
    expect(await rawStatus(a, `GET http://evil.example/ HTTP/1.1\r\n${host}`)).toBe(400);
    expect(await rawStatus(a, `GET //evil.example/x HTTP/1.1\r\n${host}`)).toBe(400);
    expect(await rawStatus(a, `GET /ok HTTP/1.1\r\n${host}`)).toBe(200);
  });

  it('a well-formed escaped channel name still works', async () => {
    const r = await api(a, 'meeting%2Elist', { 'x-thuky-token': a.token });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true });
  });

  it('parseUrl (pure)', () => {
    expect(parseUrl('/api/meeting.list')?.channel).toBe('meeting.list');
    expect(parseUrl('/?token=x')?.url.searchParams.get('token')).toBe('x');
    expect(parseUrl('/api/%E0%A4%A')).toBeNull();
    expect(parseUrl(undefined)).toBeNull();
    expect(parseUrl('*')).toBeNull();
  });
});
