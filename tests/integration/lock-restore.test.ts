// Issue 11, data loss 1: a restore while a second process had the database open corrupted it.
// Two real processes on one data folder: `npm run web` (the server entry under tsx) holds the
// writer lock; a second server, CLI writers and a CLI restore are refused with the holder's name;
// read-only CLI commands still work; a restore through the holder keeps the file sound and every
// write acknowledged after it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, SAMPLE_PATH, tempDir } from '../helpers/tmp';

const TOKEN = 'lock-restore-test-token';
const dirs: string[] = [];
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function freshDir(): string {
  const d = tempDir('thuky-lock-');
  dirs.push(d);
  return d;
}

type Server = { child: ChildProcess; pid: number; base: string; exited: Promise<number | null> };

/** Starts the browser-mode server exactly as `npm run web` does after its build step. */
function startServer(dataDir: string): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/server/main.ts', '--data', dataDir], {
    cwd: REPO_ROOT,
    env: { ...process.env, THUKY_WEB_TOKEN: TOKEN },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
      if (m) resolve({ child, pid: child.pid!, base: `http://127.0.0.1:${m[1]}`, exited });
    });
    child.stderr!.on('data', (b: Buffer) => (err += b.toString()));
    child.on('exit', (code) => reject(new Error(`server exited (${code}): ${err}`)));
  });
}

/** A second server on the same folder: it must refuse to start. Returns its exit code and stderr. */
function startRefusedServer(dataDir: string): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/server/main.ts', '--data', dataDir], {
    cwd: REPO_ROOT,
    env: { ...process.env, THUKY_WEB_TOKEN: TOKEN },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stderr = '';
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  // Should it start anyway, the test fails on the exit code, not by waiting forever.
  child.stdout.on('data', (b: Buffer) => {
    if (/http:\/\//.test(b.toString())) child.kill('SIGKILL');
  });
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stderr })));
}

/**
 * One API call on its own connection: the test blocks in spawnSync for seconds, long enough for
 * the server to drop an idle keep-alive socket that fetch would then try to reuse.
 */
function api<T>(server: Server, channel: string, input: unknown): Promise<T> {
  const body = JSON.stringify(input);
  return new Promise((resolve, reject) => {
    const req = request(`${server.base}/api/${channel}`, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'x-thuky-token': TOKEN, 'content-length': Buffer.byteLength(body) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => {
        const r = JSON.parse(text) as { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
        if (r.ok) resolve(r.value);
        else reject(new Error(`${channel}: ${r.error.code}: ${r.error.message}`));
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

function cli(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function stop(server: Server): Promise<void> {
  server.child.kill('SIGTERM');
  await server.exited;
}

function titlesIn(file: string): string[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT title FROM meetings WHERE deleted_at IS NULL ORDER BY id').all() as { title: string }[]).map((r) => r.title);
  } finally {
    db.close();
  }
}

function integrity(file: string): string {
  const db = new Database(file, { fileMustExist: true });
  try {
    return String(db.pragma('integrity_check', { simple: true }));
  } finally {
    db.close();
  }
}

// Each step is a real process start (tsx); on a loaded CI machine a dozen of them take minutes.
const SLOW = { timeout: 300_000 };

describe('one writer per data folder, across processes', () => {
  it('a second writer is refused by name, readers still read, and a restore under the lock corrupts nothing', SLOW, async () => {
    const dir = freshDir();
    const a = await startServer(dir);
    const before = await api<{ id: number }>(a, 'meeting.create', { fields: { title: 'Trước sao lưu' } });
    const backup = await api<{ fileName: string }>(a, 'backup.create', {});
    await api(a, 'meeting.create', { fields: { title: 'Sau sao lưu' } });

    // A second `npm run web` on the same folder: refused, naming the holder (program, pid, since).
    const b = await startRefusedServer(dir);
    expect(b.code).toBe(1);
    expect(b.stderr).toMatch(new RegExp(`chế độ trình duyệt.*mã tiến trình ${a.pid}, từ \\d\\d:\\d\\d ngày`));

    // CLI writers: refused with the same name, non-zero exit, nothing written.
    for (const args of [['import', SAMPLE_PATH], ['backup'], ['restore', backup.fileName]]) {
      const r = cli(...args, '--data', dir);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr, args.join(' ')).toMatch(new RegExp(`mã tiến trình ${a.pid}`));
    }
    expect((await api<{ title: string }[]>(a, 'meeting.list', {})).map((m) => m.title).sort()).toEqual(['Sau sao lưu', 'Trước sao lưu']);

    // Read-only commands still work while the server writes.
    const list = cli('list', '--json', '--data', dir);
    expect(list.code).toBe(0);
    expect((JSON.parse(list.stdout) as { title: string }[]).map((m) => m.title).sort()).toEqual(['Sau sao lưu', 'Trước sao lưu']);
    const search = cli('search', 'sao luu', '--json', '--data', dir);
    expect(search.code).toBe(0);
    const backups = cli('backups', '--json', '--data', dir);
    expect(backups.code).toBe(0);
    expect((JSON.parse(backups.stdout) as { fileName: string }[]).map((x) => x.fileName)).toContain(backup.fileName);

    // Export works too: a document export saves its draft into a private snapshot, never the file.
    const docx = path.join(dir, 'bien-ban.docx');
    const exported = cli('export', String(before.id), '--format', 'minutes', '--out', docx, '--data', dir);
    expect(exported.code, exported.stderr).toBe(0);
    expect(readFileSync(docx).subarray(0, 2).toString()).toBe('PK');
    expect(cli('export', String(before.id), '--format', 'meeting', '--out', path.join(dir, 'hn.thukyhn'), '--data', dir).code).toBe(0);
    // The follow-up register and the period report read it too (they refresh the register's
    // cache in the same private copy).
    const register = cli('register', '--json', '--data', dir);
    expect(register.code, register.stderr).toBe(0);
    expect(JSON.parse(register.stdout)).toMatchObject({ total: 0, items: [] });
    const report = cli('report', '--from', '2026-01-01', '--to', '2026-12-31', '--out', path.join(dir, 'bao-cao.xlsx'), '--data', dir);
    expect(report.code, report.stderr).toBe(0);
    expect(readFileSync(path.join(dir, 'bao-cao.xlsx')).subarray(0, 2).toString()).toBe('PK');
    const peek = new Database(path.join(dir, 'thuky.sqlite3'), { readonly: true });
    expect(peek.prepare('SELECT count(*) AS n FROM documents').get()).toEqual({ n: 0 });
    peek.close();

    // The restore, through the holder: it says what it restored.
    const restored = await api<{ keptAside: string; message: string }>(a, 'backup.restore', { fileName: backup.fileName });
    expect(restored.message).toMatch(/^Đã khôi phục bản sao lưu lúc \d\d:\d\d ngày .*\(1 hội nghị; kiểm tra toàn vẹn: tốt\)/);
    expect(restored.keptAside).toMatch(/before-restore/);

    // Writes acknowledged after the restore, through the holder, and a reader that sees them.
    const after = await api<{ id: number }>(a, 'meeting.create', { fields: { title: 'Sau khôi phục' } });
    await api(a, 'meeting.update', { id: before.id, patch: { location: 'Hội trường A' } });
    const seen = cli('list', '--json', '--data', dir);
    expect((JSON.parse(seen.stdout) as { title: string }[]).map((m) => m.title).sort()).toEqual(['Sau khôi phục', 'Trước sao lưu']);
    // The refusal holds after the restore too (the lock is the folder's, not the file's).
    expect(cli('import', SAMPLE_PATH, '--data', dir).code).toBe(1);

    await stop(a);
    const file = path.join(dir, 'thuky.sqlite3');
    expect(integrity(file)).toBe('ok');
    expect(titlesIn(file)).toEqual(['Trước sao lưu', 'Sau khôi phục']);
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT location FROM meetings WHERE id = ?').get(before.id)).toEqual({ location: 'Hội trường A' });
    expect(db.prepare('SELECT title FROM meetings WHERE id = ?').get(after.id)).toEqual({ title: 'Sau khôi phục' });
    db.close();
    // What the restore replaced is kept, whole.
    expect(titlesIn(path.join(dir, 'backups', restored.keptAside))).toEqual(['Trước sao lưu', 'Sau sao lưu']);

    // The holder is gone: a CLI writer now gets the lock.
    const imported = cli('import', SAMPLE_PATH, '--data', dir, '--json');
    expect(imported.code, imported.stderr).toBe(0);
    expect(integrity(file)).toBe('ok');
  });

  it('a killed holder never locks the folder: the next writer starts at once', SLOW, async () => {
    const dir = freshDir();
    const a = await startServer(dir);
    await api(a, 'meeting.create', { fields: { title: 'Trước khi bị tắt' } });
    expect(cli('backup', '--data', dir).code).toBe(1);
    a.child.kill('SIGKILL');
    await a.exited;
    // The holder note is still on disk, naming a dead process; the lock itself went with it.
    expect(existsSync(path.join(dir, 'thuky.lock.json'))).toBe(true);
    const r = cli('backup', '--data', dir, '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(titlesIn(path.join(dir, 'thuky.sqlite3'))).toEqual(['Trước khi bị tắt']);
    expect(readdirSync(path.join(dir, 'backups')).filter((f) => f.includes('.partial'))).toEqual([]);
  });
});
