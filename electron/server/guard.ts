// Who may talk to the browser-mode server. It listens on 127.0.0.1 only, but any web page the
// laptop opens could still send requests to loopback, and a DNS-rebinding page could even make
// them same-origin. So every request must (1) name our exact host and port, (2) if it says where
// it comes from, come from our own origin, and (3) carry the per-run token.
import { timingSafeEqual } from 'node:crypto';

// Cookies are per host, not per port: every server on 127.0.0.1 (another app, a second "npm run
// web") receives the cookies of all the others and can set cookies that we receive. So the name
// carries the port, and every cookie of that name is read (a planted one may come first); a value
// that is malformed or wrong is simply not the token, never an error, and the URL token still
// gets the user in again.
export const TOKEN_COOKIE_PREFIX = 'thuky_token_';
export const tokenCookieName = (port: number): string => `${TOKEN_COOKIE_PREFIX}${port}`;
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

/** Every value of the cookie `name` in a Cookie header, in order; malformed escapes are kept raw. */
export function readCookies(header: string | undefined, name: string): string[] {
  if (!header) return [];
  const values: string[] = [];
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    const raw = part.slice(eq + 1).trim();
    try {
      values.push(decodeURIComponent(raw));
    } catch {
      // "%E0%A4%A": not something we ever set, so it cannot be the token; ignore it, do not fail.
      values.push(raw);
    }
  }
  return values;
}

export function checkRequest(facts: RequestFacts, port: number, token: string): Verdict {
  const hosts = allowedHosts(port);
  if (!facts.host || !hosts.includes(facts.host.toLowerCase())) return { ok: false, status: 421, reason: 'host' };
  if (facts.origin !== undefined && !hosts.some((h) => facts.origin === `http://${h}`)) return { ok: false, status: 403, reason: 'origin' };
  if (sameToken(facts.tokenHeader, token) || readCookies(facts.cookie, tokenCookieName(port)).some((v) => sameToken(v, token))) return { ok: true, setCookie: false };
  if (sameToken(facts.queryToken, token)) return { ok: true, setCookie: true };
  return { ok: false, status: 401, reason: 'token' };
}
