// The province's users: an admin (issues and revokes unit keys, creates users) and readers who
// may add their own follow-up notes. Sessions expire; logins are rate-limited per user name and
// per address, so a password cannot be guessed by trying.
import type { Sql } from './db';
import { audit } from './audit';
import { HubError } from './hub-error';
import { hashPassword, newSecret, passwordProblem, sha256, verifyPassword } from './secrets';

export const ROLES = ['admin', 'province'] as const;
export type Role = (typeof ROLES)[number];
export type User = { id: number; username: string; displayName: string; role: Role };

export const SESSION_HOURS = 8;

export async function createUser(db: Sql, actor: string, u: { username: string; displayName: string; password: string; role: Role }): Promise<User> {
  const username = u.username.trim().toLowerCase();
  if (!/^[a-z0-9._-]{3,60}$/.test(username)) throw new HubError(400, 'bad_username', 'Tên đăng nhập chỉ gồm chữ thường không dấu, số, dấu chấm, gạch dưới, gạch ngang (3–60 ký tự).');
  const problem = passwordProblem(u.password);
  if (problem) throw new HubError(400, 'weak_password', problem);
  if ((await db.query('SELECT 1 FROM users WHERE username = $1', [username])).length) throw new HubError(409, 'user_exists', `Đã có người dùng "${username}".`);
  const [row] = await db.query<{ id: number }>(
    'INSERT INTO users (username, display_name, password_hash, role, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id',
    [username, u.displayName.normalize('NFC').trim().slice(0, 200), await hashPassword(u.password), u.role, new Date().toISOString()],
  );
  await audit(db, actor, 'user.create', { username, role: u.role });
  return { id: row!.id, username, displayName: u.displayName, role: u.role };
}

export async function countAdmins(db: Sql): Promise<number> {
  const [r] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM users WHERE role = 'admin' AND disabled_at IS NULL");
  return r?.n ?? 0;
}

/** Failed logins per key (user name, address) in a sliding window. In memory: a restart forgets, which only helps the owner. */
export class LoginLimiter {
  private readonly fails = new Map<string, number[]>();
  constructor(
    private readonly max = 5,
    private readonly windowMs = 15 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}
  private recent(key: string): number[] {
    const t = this.now();
    const list = (this.fails.get(key) ?? []).filter((x) => t - x < this.windowMs);
    this.fails.set(key, list);
    return list;
  }
  blocked(keys: string[]): boolean {
    return keys.some((k) => this.recent(k).length >= this.max);
  }
  fail(keys: string[]): void {
    for (const k of keys) this.recent(k).push(this.now());
  }
  succeed(keys: string[]): void {
    for (const k of keys) this.fails.delete(k);
  }
}

export async function login(db: Sql, limiter: LoginLimiter, username: string, password: string, address: string): Promise<{ token: string; user: User; expiresAt: string }> {
  const name = username.trim().toLowerCase();
  const keys = [`u:${name}`, `a:${address}`];
  if (limiter.blocked(keys)) throw new HubError(429, 'too_many', 'Đăng nhập sai quá nhiều lần. Hãy đợi 15 phút rồi thử lại, hoặc nhờ quản trị đặt lại mật khẩu.');
  const [row] = await db.query<User & { hash: string; disabled: string | null }>(
    'SELECT id, username, display_name AS "displayName", role, password_hash AS hash, disabled_at AS disabled FROM users WHERE username = $1',
    [name],
  );
  const ok = row && !row.disabled && (await verifyPassword(password, row.hash));
  if (!ok || !row) {
    limiter.fail(keys);
    await audit(db, name || '?', 'login.fail', { address });
    throw new HubError(401, 'bad_login', 'Tên đăng nhập hoặc mật khẩu không đúng.');
  }
  limiter.succeed(keys);
  const token = newSecret('tkh_sess');
  const now = new Date();
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000).toISOString();
  await db.query('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)', [sha256(token), row.id, now.toISOString(), expiresAt]);
  await audit(db, row.username, 'login', { address });
  return { token, user: { id: row.id, username: row.username, displayName: row.displayName, role: row.role }, expiresAt };
}

export async function userOfSession(db: Sql, token: string | null, now = new Date()): Promise<User> {
  if (!token) throw new HubError(401, 'no_session', 'Hãy đăng nhập.');
  const [row] = await db.query<User & { expiresAt: string; disabled: string | null }>(
    `SELECT u.id, u.username, u.display_name AS "displayName", u.role, s.expires_at AS "expiresAt", u.disabled_at AS disabled
       FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1`,
    [sha256(token)],
  );
  if (!row || row.disabled || row.expiresAt <= now.toISOString()) throw new HubError(401, 'session_expired', 'Phiên làm việc đã hết hạn. Hãy đăng nhập lại.');
  return { id: row.id, username: row.username, displayName: row.displayName, role: row.role };
}

export async function logout(db: Sql, token: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE token_hash = $1', [sha256(token)]);
}
