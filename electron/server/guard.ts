// Who may talk to the browser-mode server. It listens on 127.0.0.1 only, but any web page the
// laptop opens could still send requests to loopback, and a DNS-rebinding page could even make
// them same-origin. So every request must (1) name our exact host and port, (2) if it says where
// it comes from, come from our own origin, and (3) carry the per-run token.
import { timingSafeEqual } from 'node:crypto';

export const TOKEN_COOKIE = 'thuky_token';
export const TOKEN_HEADER = 'x-thuky-token';

export type RequestFacts = {
  host: string | undefined;
  origin: string | undefined;
  cookie: string | undefined;
  tokenHeader: string | undefined;
  /** The token from the URL query, accepted on a page load to set the cookie. */
  queryToken: string | null;
};

export type Verdict = { ok: true; setCookie: boolean } | { ok: false; status: number; reason: string };

export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export function sameToken(a: string | undefined | null, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

export function checkRequest(facts: RequestFacts, port: number, token: string): Verdict {
  const hosts = allowedHosts(port);
  if (!facts.host || !hosts.includes(facts.host.toLowerCase())) return { ok: false, status: 421, reason: 'host' };
  if (facts.origin !== undefined && !hosts.some((h) => facts.origin === `http://${h}`)) return { ok: false, status: 403, reason: 'origin' };
  if (sameToken(facts.tokenHeader, token) || sameToken(readCookie(facts.cookie, TOKEN_COOKIE), token)) return { ok: true, setCookie: false };
  if (sameToken(facts.queryToken, token)) return { ok: true, setCookie: true };
  return { ok: false, status: 401, reason: 'token' };
}
