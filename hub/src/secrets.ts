// Passwords and keys. Passwords: scrypt from Node's own crypto (OpenSSL's, maintained with Node;
// memory-hard, a salt per password, compared in constant time), so the hub adds no native
// dependency a Debian server would have to build. Unit keys and session tokens are long random
// strings: only their SHA-256 is stored, so a copy of the database opens nothing.
import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

const N = 16_384;
const R = 8;
const P = 1;
const KEYLEN = 32;

function scryptAsync(password: string, salt: Buffer, n = N, r = R, p = P): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEYLEN, { N: n, r, p, maxmem: 64 * 1024 * 1024 }, (e, key) => (e ? reject(e) : resolve(key))),
  );
}

/** "scrypt$N$r$p$salt$hash", base64url; the parameters travel with the hash so they can be raised later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt);
  return ['scrypt', N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [n, r, p] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const salt = Buffer.from(parts[4] ?? '', 'base64url');
  const want = Buffer.from(parts[5] ?? '', 'base64url');
  if (!Number.isInteger(n) || !Number.isInteger(r) || !Number.isInteger(p) || want.length !== KEYLEN) return false;
  const got = await scryptAsync(password, salt, n, r, p);
  return timingSafeEqual(got, want);
}

/** A unit key or a session token: 32 random bytes, with a prefix that says what it is. */
export function newSecret(prefix: 'tkh_unit' | 'tkh_sess'): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

export function sha256(s: string | Uint8Array): string {
  return createHash('sha256').update(s).digest('hex');
}

/** A password a province office can live with but that is not trivially guessed. */
export function passwordProblem(password: string): string | null {
  if (password.length < 10) return 'Mật khẩu cần ít nhất 10 ký tự.';
  if (password.length > 200) return 'Mật khẩu quá dài (tối đa 200 ký tự).';
  if (new Set(password).size < 5) return 'Mật khẩu quá đơn giản: hãy dùng nhiều ký tự khác nhau.';
  return null;
}
