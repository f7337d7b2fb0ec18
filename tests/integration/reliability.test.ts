// Backups, recovery, locking, and storage failures, each on real files in a temporary folder.
import Database from 'better-sqlite3';
import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/app';
import { backupDir, checkFile, listBackups, selectKept, type BackupInfo } from '../../electron/core/backup/backups';
import { periodicBackupIfDue } from '../../electron/core/backup/scheduler';
import { tempCore, tempDir, type TestCore } from '../helpers/core';

const open: TestCore[] = [];
const core = (dir?: string): TestCore => {
  const c = tempCore(dir);
  open.push(c);
  return c;
};
afterEach(() => open.splice(0).forEach((c) => (c.db.open ? c.dispose() : undefined)));

async function seedMeeting(c: TestCore, text = 'Nội dung gốc'): Promise<number> {
  const m = await c.call('meeting.create', { fields: { title: 'Đối thoại' } });
  await c.call('rec.create', { meetingId: m.id, phase: 'during', content: text });
  return m.id;
}

describe('backups', () => {
  it('are verified copies, named by time and reason, made when a meeting opens and closes', async () => {
    const c = core();
    const id = await seedMeeting(c);
    await c.call('meeting.setStatus', { id, status: 'live' });
    await c.call('meeting.setStatus', { id, status: 'closed' });
    const list = await c.call('backup.list', {});
    expect(list.map((b) => b.reason).sort()).toEqual(['close', 'open']);
    for (const b of list) expect(checkFile(path.join(backupDir(c.dir), b.fileName))).toBe('ok');
    expect(readdirSync(backupDir(c.dir)).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });

  it('are made every 10 minutes during a live meeting, only when something changed', async () => {
    let now = new Date('2026-11-20T14:00:00');
    const dir = tempDir();
    const c = createCore({ dataDir: dir, mode: 'cli', now: () => now });
    try {
      const m = (await c.registry.dispatch('meeting.create', {})) as { value: { id: number } };
      await c.registry.dispatch('meeting.setStatus', { id: m.value.id, status: 'live' });
      now = new Date('2026-11-20T14:05:00');
      expect(await periodicBackupIfDue(c.ctx)).toBe(false); // too soon
      now = new Date('2026-11-20T14:11:00');
      expect(await periodicBackupIfDue(c.ctx)).toBe(false); // nothing changed since the 14:00 backup
      await c.registry.dispatch('rec.create', { meetingId: m.value.id, phase: 'during', content: 'mới' });
      now = new Date('2026-11-20T14:12:00');
      expect(await periodicBackupIfDue(c.ctx)).toBe(true);
      expect(listBackups(dir).map((b) => b.reason)).toEqual(['periodic', 'open']);
    } finally {
      c.close();
    }
  });

  it('rotate: the newest 20, plus the newest of each day for 30 days, and never the copies kept aside', () => {
    const now = new Date('2026-11-26T12:00:00Z');
    const mk = (iso: string, reason: BackupInfo['reason'] = 'periodic'): BackupInfo => ({ fileName: `${iso}-${reason}`, at: iso, reason, bytes: 1 });
    const today = Array.from({ length: 25 }, (_, i) => mk(new Date(now.getTime() - i * 60_000).toISOString()));
    const older = Array.from({ length: 40 }, (_, d) => mk(new Date(now.getTime() - (d + 1) * 86_400_000).toISOString()));
    const aside = mk('2020-01-01T00:00:00.000Z', 'before-restore');
    const kept = selectKept([...today, ...older, aside], now);
    expect(today.slice(0, 20).every((b) => kept.has(b.fileName))).toBe(true);
    expect(kept.has(today[24].fileName)).toBe(false);
    expect(older.slice(0, 29).every((b) => kept.has(b.fileName))).toBe(true);
    expect(kept.has(older[35].fileName)).toBe(false);
    expect(kept.has(aside.fileName)).toBe(true);
  });

  it('restore puts a backup in place and keeps the current file aside first', async () => {
    const c = core();
    const id = await seedMeeting(c, 'trước khi hỏng');
    const b = await c.call('backup.create', {});
    await c.call('rec.create', { meetingId: id, phase: 'during', content: 'sau bản sao lưu' });
    const r = await c.call('backup.restore', { fileName: b.fileName });
    expect(r.keptAside).toMatch(/before-restore/);
    const rec = await c.call('meeting.get', { id });
    expect(rec.recommendations.map((x) => x.content)).toEqual(['trước khi hỏng']);
    // What was there before the restore is still recoverable.
    const aside = new Database(path.join(backupDir(c.dir), r.keptAside), { readonly: true });
    expect((aside.prepare('SELECT count(*) AS n FROM recommendations').get() as { n: number }).n).toBe(2);
    aside.close();
  });

  it('refuses a backup name that tries to leave the backup folder', async () => {
    const c = core();
    const r = await c.registry.dispatch('backup.restore', { fileName: '../thuky.sqlite3' });
    expect(r.ok).toBe(false);
  });
});

describe('start-up check', () => {
  it('a damaged file is reported, never deleted or changed, and can be restored from a backup', async () => {
    const dir = tempDir();
    const c1 = createCore({ dataDir: dir, mode: 'cli' });
    const m = (await c1.registry.dispatch('meeting.create', { fields: { title: 'Giữ lại' } })) as { value: { id: number } };
    const b = (await c1.registry.dispatch('backup.create', {})) as { value: { fileName: string } };
    c1.close();
    const file = path.join(dir, 'thuky.sqlite3');
    const bytes = readFileSync(file);
    // Scribble over the middle of the file, past the header: pages become garbage.
    for (let i = 4096; i < bytes.length; i += 7) bytes[i] = 0xa5;
    writeFileSync(file, bytes);
    const damaged = readFileSync(file);

    const c2 = createCore({ dataDir: dir, mode: 'cli' });
    expect(c2.health.state).toBe('corrupt');
    expect(c2.health.message).toMatch(/bị hỏng/);
    const h = (await c2.registry.dispatch('app.health', {})) as { value: { state: string; backups: { fileName: string }[] } };
    expect(h.value.backups.map((x) => x.fileName)).toContain(b.value.fileName);
    expect(readFileSync(file).equals(damaged)).toBe(true);

    const r = (await c2.registry.dispatch('backup.restore', { fileName: b.value.fileName })) as { ok: boolean; value: { keptAside: string } };
    expect(r.ok).toBe(true);
    expect(r.value.keptAside).toMatch(/damaged/);
    expect(readFileSync(path.join(dir, 'backups', r.value.keptAside)).equals(damaged)).toBe(true);
    const after = (await c2.registry.dispatch('meeting.get', { id: m.value.id })) as { value: { meeting: { title: string } } };
    expect(after.value.meeting.title).toBe('Giữ lại');
    expect((await c2.registry.dispatch('app.health', {})) as { value: { state: string } }).toMatchObject({ value: { state: 'ok' } });
    c2.close();
  });

  it('a file that is not a database at all is reported and kept', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'thuky.sqlite3'), 'đây không phải cơ sở dữ liệu'.repeat(200));
    const c = createCore({ dataDir: dir, mode: 'cli' });
    expect(c.health.state).toBe('corrupt');
    expect(c.health.readOnly).toBe(false);
    c.close();
    expect(readFileSync(path.join(dir, 'thuky.sqlite3'), 'utf8')).toMatch(/^đây không phải/);
  });
});

describe('storage failures keep the data and say so', () => {
  it('a full disk: a clear message, nothing half-written, and the write works once there is room', async () => {
    const c = core();
    const id = await seedMeeting(c);
    const rec = (await c.call('meeting.get', { id })).recommendations[0];
    const pages = c.db.pragma('page_count', { simple: true }) as number;
    c.db.pragma(`max_page_count = ${pages}`);
    const r = await c.registry.dispatch('rec.update', { id: rec.id, patch: { content: 'x'.repeat(19_000) } });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('disk_full');
      expect(r.error.message).toMatch(/Ổ đĩa đã đầy/);
    }
    expect((await c.call('meeting.get', { id })).recommendations[0].content).toBe('Nội dung gốc');
    c.db.pragma('max_page_count = 1073741823');
    await c.call('rec.update', { id: rec.id, patch: { content: 'x'.repeat(19_000) } });
    expect((await c.call('meeting.get', { id })).recommendations[0].content).toHaveLength(19_000);
  });

  it('a data folder that cannot be written: a clear message, data intact', async () => {
    const dir = tempDir();
    const c1 = createCore({ dataDir: dir, mode: 'cli' });
    await c1.registry.dispatch('meeting.create', { fields: { title: 'Chỉ đọc' } });
    c1.close();
    // As root, file modes do not stop writes; a read-only connection is what a read-only folder gives.
    const c2 = createCore({ dataDir: dir, mode: 'cli', db: { readonly: true } });
    const r = await c2.registry.dispatch('meeting.create', { fields: { title: 'mới' } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/Không ghi được vào thư mục dữ liệu/);
    c2.close();
    chmodSync(dir, 0o755);
  });

  it('a data folder that cannot be reached (a path through a file): a clear message', () => {
    const blocker = path.join(tempDir(), 'not-a-folder');
    writeFileSync(blocker, 'x');
    expect(() => createCore({ dataDir: path.join(blocker, 'data'), mode: 'cli' })).toThrow(/thư mục dữ liệu/);
  });
});

describe('locking and audit', () => {
  it('chốt biên bản locks; changes need an unlock with a reason; the first change after raises the revision', async () => {
    const c = core();
    const id = await seedMeeting(c);
    const locked = await c.call('meeting.finalize', { id });
    expect(locked).toMatchObject({ locked: true, status: 'closed', revision: 1 });
    const rec = (await c.call('meeting.get', { id })).recommendations[0];
    const refused = await c.registry.dispatch('rec.update', { id: rec.id, patch: { content: 'sửa lén' } });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/đã được chốt/);
    expect((await c.registry.dispatch('meeting.unlock', { id, reason: '   ' })).ok).toBe(false);
    await c.call('meeting.unlock', { id, reason: 'Bổ sung ý kiến của đồng chí Chủ tịch UBND' });
    await c.call('rec.update', { id: rec.id, patch: { content: 'sửa lần 1' } });
    await c.call('rec.update', { id: rec.id, patch: { content: 'sửa lần 1, thêm' } });
    expect((await c.call('meeting.get', { id })).meeting.revision).toBe(2);
    await c.call('meeting.finalize', { id });
    const log = await c.call('audit.list', { meetingId: id });
    expect(log.map((e) => e.action)).toEqual(expect.arrayContaining(['lock', 'unlock', 'update']));
    expect(log.find((e) => e.action === 'unlock')?.detail).toBe('Bổ sung ý kiến của đồng chí Chủ tịch UBND');
    expect(existsSync(backupDir(c.dir))).toBe(true);
  });
});
