// The data-folder lock inside one process: what Electron's core worker, the browser mode and the
// CLI all go through (createCore). Across processes: lock-restore.test.ts.
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/app';
import { acquireDataLock, holderPathFor, lockedMessage, readHolder } from '../../electron/core/lock';
import { createCoreMessageHandler, type CoreResponse } from '../../electron/core/worker';
import { UserError } from '../../electron/shared/result';
import { tempDir } from '../helpers/tmp';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const fresh = (): string => {
  const d = tempDir('thuky-lock-unit-');
  dirs.push(d);
  return d;
};

function refusal(fn: () => unknown): UserError {
  try {
    fn();
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('createCore takes the data folder lock', () => {
  it('a second writer is refused naming the holder: program, command, pid, since', () => {
    const dir = fresh();
    const since = new Date(2026, 10, 28, 9, 5);
    const a = createCore({ dataDir: dir, mode: 'cli', command: 'import', now: () => since, log: () => undefined });
    for (const mode of ['web', 'electron', 'cli'] as const) {
      const e = refusal(() => createCore({ dataDir: dir, mode, log: () => undefined }));
      expect(e.code).toBe('locked');
      expect(e.message).toBe(
        `Thư mục dữ liệu ${dir} đang được dòng lệnh thuky (lệnh "import"), mã tiến trình ${process.pid}, từ 09:05 ngày 28/11/2026 sử dụng, nên chưa thể ghi dữ liệu ở đây. Hãy đóng chương trình đó (hoặc chờ nó chạy xong) rồi thử lại. Các lệnh chỉ đọc (list, search, export, report, register, backups) vẫn dùng được.`,
      );
    }
    // A read-only core does not need it.
    const ro = createCore({ dataDir: dir, mode: 'cli', db: { readonly: true }, log: () => undefined });
    expect(ro.lock).toBeNull();
    ro.close();
    expect(a.lock?.held()).toBe(true);
    a.close();
    expect(a.lock?.held()).toBe(false);
    const b = createCore({ dataDir: dir, mode: 'web', log: () => undefined });
    expect(readHolder(dir)).toMatchObject({ program: 'web', pid: process.pid });
    b.close();
  });

  it('a core that fails to open releases the lock it took', () => {
    const dir = fresh();
    // A folder that cannot be made (a path through a file): the lock cannot even be taken.
    const blocker = path.join(dir, 'file');
    writeFileSync(blocker, 'x');
    expect(refusal(() => createCore({ dataDir: path.join(blocker, 'data'), mode: 'cli' })).code).toBe('db_unreachable');
    // A database from a newer app: the open is refused, and the folder is free again afterwards.
    const newer = fresh();
    const c = createCore({ dataDir: newer, mode: 'cli', log: () => undefined });
    c.db.pragma('user_version = 999');
    c.close();
    expect(() => createCore({ dataDir: newer, mode: 'cli', log: () => undefined })).toThrow();
    const l = acquireDataLock(newer, 'cli');
    expect(l.held()).toBe(true);
    l.release();
  });

  it('without a readable holder note the refusal still says someone else writes', () => {
    const dir = fresh();
    const l = acquireDataLock(dir, 'electron');
    writeFileSync(holderPathFor(dir), '{not json');
    expect(refusal(() => acquireDataLock(dir, 'cli')).message).toMatch(/^Thư mục dữ liệu .* đang được một chương trình Thư ký Hội nghị khác sử dụng/);
    l.release();
    expect(lockedMessage(dir, { program: 'electron', pid: 42, since: '2026-11-28T02:00:00.000Z', host: 'may-khac', command: '' })).toMatch(/cửa sổ máy tính\), mã tiến trình 42 trên máy may-khac, từ /);
  });

  it("Electron's core worker refuses to start on a folder another program writes, with that message", async () => {
    const dir = fresh();
    const holder = acquireDataLock(dir, 'web');
    const posted: CoreResponse[] = [];
    const h = createCoreMessageHandler({ kind: 'thuky-core', dataDir: dir }, (m) => posted.push(m));
    expect(posted[0]).toMatchObject({ kind: 'fatal', error: { code: 'locked', message: expect.stringMatching(/chế độ trình duyệt/) } });
    await h.handle({ kind: 'call', id: 1, channel: 'meeting.create', input: {} });
    expect(posted[1]).toMatchObject({ kind: 'result', id: 1, result: { ok: false, error: { code: 'locked' } } });
    holder.release();
  });
});
