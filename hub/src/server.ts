// thuky-hub's HTTP surface. Units send meeting files with their key (Authorization: Bearer);
// the province's users sign in (a session cookie, HttpOnly, SameSite=Strict) to read the register,
// the report and the units table; the admin issues and revokes unit keys. Every POST needs the
// header X-Thuky-Hub: 1, which a cross-site form cannot send, against request forgery.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { LIMITS } from '../../electron/shared/limits';
import { PERIOD_KINDS } from '../../electron/shared/followup';
import { mimeTypeFor, staticRelativePath } from '../../electron/shared/static-files';
import { isoDate } from '../../electron/shared/schemas';
import type { HubDb } from './db';
import { HubError } from './hub-error';
import { bearer, clientAddress, cookie, readBytes, readJson, sendBytes, sendJson, SECURITY_HEADERS } from './http';
import { LoginLimiter, login, logout, SESSION_HOURS, userOfSession, type User } from './accounts';
import { createUnit, issueKey, listKeys, listUnits, revokeKey, unitOfKey } from './units';
import { ingestMeetingFile } from './ingest';
import { HubRegisterFilter, queryRegister, unitsOverview } from './register';
import { hubReport } from './report';
import { addProvinceNote } from './notes';
import { registerFile, reportFile } from './exports';
import { HUB_VERSION } from './version';

export type HubOptions = { db: HubDb; uiDir: string | null; trustProxy?: boolean; limiter?: LoginLimiter };

const SESSION_COOKIE = 'tkh_session';

type Ctx = { req: IncomingMessage; res: ServerResponse; url: URL; db: HubDb; opts: HubOptions; limiter: LoginLimiter };

const LoginBody = z.object({ username: z.string().max(60), password: z.string().max(200) });
const UnitBody = z.object({ code: z.string().max(40), name: z.string().max(300) });
const KeyBody = z.object({ label: z.string().max(200).default('') });
const NoteBody = z.object({ note: z.string().trim().min(1, { error: 'Ghi chú không được để trống.' }).max(2000, { error: 'Ghi chú quá dài (tối đa 2.000 ký tự).' }) });
const ReportQuery = z.object({ from: isoDate('Từ ngày'), to: isoDate('Đến ngày'), kind: z.enum(PERIOD_KINDS).default('custom'), unitId: z.coerce.number().int().positive().optional() });

function parse<T>(schema: z.ZodType<T>, v: unknown): T {
  const r = schema.safeParse(v);
  if (!r.success) {
    const i = r.error.issues[0];
    throw new HubError(400, 'bad_input', `Dữ liệu không hợp lệ${i?.path.length ? ` (${i.path.join('.')})` : ''}: ${i?.message ?? 'sai dạng'}.`);
  }
  return r.data;
}

async function session(c: Ctx): Promise<User> {
  return userOfSession(c.db, cookie(c.req, SESSION_COOKIE));
}

async function admin(c: Ctx): Promise<User> {
  const u = await session(c);
  if (u.role !== 'admin') throw new HubError(403, 'not_admin', 'Chỉ quản trị máy chủ tổng hợp được làm việc này.');
  return u;
}

function queryObject(url: URL): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const [k, v] of url.searchParams) {
    if (k === 'status') o.status = [...((o.status as string[]) ?? []), v];
    else if (k === 'overdue') o.overdue = v === '1' || v === 'true';
    else o[k] = v;
  }
  return o;
}

async function route(c: Ctx): Promise<void> {
  const { req, res, url, db } = c;
  const m = req.method ?? 'GET';
  const p = url.pathname;
  if (m === 'POST' && req.headers['x-thuky-hub'] !== '1') throw new HubError(403, 'no_header', 'Yêu cầu thiếu tiêu đề X-Thuky-Hub: 1.');

  if (m === 'GET' && p === '/health') {
    const [r] = await db.query<{ units: number; meetings: number; items: number; events: number }>(
      'SELECT (SELECT count(*)::int FROM units) AS units, (SELECT count(*)::int FROM meetings) AS meetings, (SELECT count(*)::int FROM items) AS items, (SELECT count(*)::int FROM events) AS events',
    );
    return sendJson(res, 200, { ok: true, version: HUB_VERSION, engine: db.engine, units: r?.units ?? 0, meetings: r?.meetings ?? 0, items: r?.items ?? 0, events: r?.events ?? 0 });
  }
  // A unit's laptop (or the admin on its behalf) sends a meeting file.
  if (m === 'POST' && p === '/api/v1/meeting-files') {
    const unit = await unitOfKey(db, bearer(req));
    const bytes = await readBytes(req, LIMITS.meetingFileBytes);
    return sendJson(res, 200, await ingestMeetingFile(db, unit, bytes, `unit:${unit.code}`));
  }
  const adminUpload = /^\/api\/units\/(\d+)\/meeting-files$/.exec(p);
  if (m === 'POST' && adminUpload) {
    const u = await admin(c);
    const units = await listUnits(db);
    const unit = units.find((x) => x.id === Number(adminUpload[1]));
    if (!unit) throw new HubError(404, 'no_unit', 'Không có đơn vị này.');
    const bytes = await readBytes(req, LIMITS.meetingFileBytes);
    return sendJson(res, 200, await ingestMeetingFile(db, unit, bytes, `user:${u.username}`));
  }
  if (m === 'POST' && p === '/api/login') {
    const body = parse(LoginBody, await readJson(req));
    const r = await login(db, c.limiter, body.username, body.password, clientAddress(req, !!c.opts.trustProxy));
    const secure = req.headers['x-forwarded-proto'] === 'https' ? '; Secure' : '';
    return sendJson(res, 200, { user: r.user, expiresAt: r.expiresAt }, {
      'Set-Cookie': `${SESSION_COOKIE}=${r.token}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${SESSION_HOURS * 3600}${secure}`,
    });
  }
  if (m === 'POST' && p === '/api/logout') {
    const t = cookie(req, SESSION_COOKIE);
    if (t) await logout(db, t);
    return sendJson(res, 200, { ok: true }, { 'Set-Cookie': `${SESSION_COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0` });
  }
  if (m === 'GET' && p === '/api/me') return sendJson(res, 200, await session(c));
  if (m === 'GET' && p === '/api/register') {
    await session(c);
    return sendJson(res, 200, await queryRegister(db, parse(HubRegisterFilter, queryObject(url))));
  }
  if (m === 'GET' && p === '/api/statuses') {
    await session(c);
    return sendJson(res, 200, await db.query('SELECT key, label, category FROM statuses WHERE active ORDER BY sort_order, key'));
  }
  const note = /^\/api\/items\/([0-9a-f-]{8,64})\/notes$/i.exec(p);
  if (m === 'POST' && note) {
    const u = await session(c);
    const body = parse(NoteBody, await readJson(req));
    return sendJson(res, 200, await addProvinceNote(db, u, note[1]!, body.note));
  }
  if (m === 'GET' && p === '/api/units') {
    await session(c);
    return sendJson(res, 200, await unitsOverview(db));
  }
  if (m === 'POST' && p === '/api/units') {
    const u = await admin(c);
    const body = parse(UnitBody, await readJson(req));
    return sendJson(res, 200, await createUnit(db, u.username, body.code, body.name));
  }
  const keys = /^\/api\/units\/(\d+)\/keys$/.exec(p);
  if (keys && m === 'GET') {
    await admin(c);
    return sendJson(res, 200, await listKeys(db, Number(keys[1])));
  }
  if (keys && m === 'POST') {
    const u = await admin(c);
    const body = parse(KeyBody, await readJson(req));
    return sendJson(res, 200, await issueKey(db, u.username, Number(keys[1]), body.label));
  }
  const revoke = /^\/api\/keys\/(\d+)\/revoke$/.exec(p);
  if (revoke && m === 'POST') {
    const u = await admin(c);
    await revokeKey(db, u.username, Number(revoke[1]));
    return sendJson(res, 200, { ok: true });
  }
  if (m === 'GET' && (p === '/api/report.docx' || p === '/api/report.xlsx')) {
    await session(c);
    const f = await reportFile(db, parse(ReportQuery, queryObject(url)), p.endsWith('docx') ? 'docx' : 'xlsx');
    return sendBytes(res, f.bytes, f.mime, f.fileName);
  }
  if (m === 'GET' && p === '/api/register.xlsx') {
    await session(c);
    const f = await registerFile(db, parse(HubRegisterFilter, queryObject(url)));
    return sendBytes(res, f.bytes, f.mime, f.fileName);
  }
  if (m === 'GET' && p === '/api/report') {
    await session(c);
    const q = parse(ReportQuery, queryObject(url));
    return sendJson(res, 200, await hubReport(db, q.from, q.to, q.kind, q.unitId));
  }
  if (m === 'GET' && !p.startsWith('/api/')) return serveUi(c);
  throw new HubError(404, 'not_found', 'Không có địa chỉ này trên máy chủ tổng hợp.');
}

async function serveUi(c: Ctx): Promise<void> {
  const dir = c.opts.uiDir;
  if (!dir) throw new HubError(404, 'no_ui', 'Máy chủ này chạy không kèm giao diện.');
  const rel = staticRelativePath(c.url.pathname) ?? 'index.html';
  try {
    const bytes = await readFile(path.join(dir, rel));
    c.res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': mimeTypeFor(rel) });
    c.res.end(bytes);
  } catch {
    const index = await readFile(path.join(dir, 'index.html')).catch(() => null);
    if (!index) throw new HubError(404, 'no_ui', 'Chưa dựng giao diện máy chủ tổng hợp (npm run hub:build).');
    c.res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/html; charset=utf-8' });
    c.res.end(index);
  }
}

export function createHubServer(opts: HubOptions): Server {
  const limiter = opts.limiter ?? new LoginLimiter();
  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://hub.invalid');
    route({ req, res, url, db: opts.db, opts, limiter }).catch((e: unknown) => {
      if (res.headersSent) return res.destroy();
      if (e instanceof HubError) return sendJson(res, e.status, { ok: false, code: e.code, message: e.message });
      console.error('[hub]', e);
      sendJson(res, 500, { ok: false, code: 'internal', message: 'Máy chủ tổng hợp gặp lỗi không lường trước; dữ liệu không bị thay đổi. Hãy thử lại, nếu còn lỗi hãy báo quản trị (xem nhật ký của hub).' });
    });
  });
}

