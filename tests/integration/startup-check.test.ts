// The start-up integrity check off the path to the first screen (issue 15): the app's windows
// open a current file without quick_check and check it right after on another thread; damage
// found then stops every write and turns app.health to the recovery screen. The CLI, and any
// file with a migration pending, are still checked before anything else.
import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/app';
import { openDatabase } from '../../electron/core/db/open';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { quickCheckInBackground } from '../../electron/core/health';
import { tempDir } from '../helpers/tmp';

type Answer = { ok: boolean; value?: unknown; error?: { message: string } };
const call = (core: Core, channel: string, input: unknown): Promise<Answer> => core.registry.dispatch(channel as never, input as never) as Promise<Answer>;

/** A current file whose last pages hold rows; with `damage`, those pages are scribbled over. */
function dataFolder(opts: { damage: boolean; version?: number }): { dir: string; file: string } {
  const dir = tempDir();
  const file = path.join(dir, 'thuky.sqlite3');
  const db = openDatabase(file, opts.version ? { targetVersion: opts.version } : {});
  db.exec('CREATE TABLE filler (x TEXT NOT NULL)');
  const ins = db.prepare('INSERT INTO filler (x) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < 1500; i++) ins.run(`Đề nghị nạo vét sông Pheo, đoạn ${i}. `.repeat(12));
  })();
  db.close();
  if (opts.damage) {
    const bytes = readFileSync(file);
    // Only the last quarter (the filler's pages): the schema still reads, so opening succeeds.
    for (let page = Math.floor((bytes.length * 0.75) / 4096) * 4096; page < bytes.length; page += 4096) bytes.fill(0xa5, page + 8, page + 120);
    writeFileSync(file, bytes);
  }
  return { dir, file };
}

describe('start-up integrity check', () => {
  it('a sound file opens at once, checked right after, and keeps working', async () => {
    const { dir } = dataFolder({ damage: false });
    const core = createCore({ dataDir: dir, mode: 'web', log: () => {}, checkDelayMs: 0 });
    try {
      expect(core.health).toMatchObject({ state: 'ok', checking: true });
      expect(((await call(core, 'app.health', {})).value as { checking?: boolean }).checking).toBe(true);
      await core.integrity;
      const h = (await call(core, 'app.health', {})).value as { state: string; checking?: boolean };
      expect(h.state).toBe('ok');
      expect(h.checking).toBeUndefined();
      expect((await call(core, 'meeting.create', { fields: { title: 'Vẫn ghi được' } })).ok).toBe(true);
    } finally {
      core.close();
    }
  });

  it('damage found after the first screen stops every write and shows the recovery screen; the file is untouched', async () => {
    const { dir, file } = dataFolder({ damage: true });
    const damaged = readFileSync(file);
    const core = createCore({ dataDir: dir, mode: 'web', log: () => {}, checkDelayMs: 0 });
    try {
      expect(core.health.state).toBe('ok');
      await core.integrity;
      const h = (await call(core, 'app.health', {})).value as { state: string; readOnly: boolean; message: string; checking?: boolean };
      expect(h).toMatchObject({ state: 'corrupt', readOnly: true });
      expect(h.checking).toBeUndefined();
      expect(h.message).toMatch(/bị hỏng/);
      expect(h.message).toMatch(/khôi phục bản sao lưu/);
      const w = await call(core, 'meeting.create', { fields: { title: 'Không được ghi' } });
      expect(w.ok).toBe(false);
      // Reading what is left still works (the read-only view).
      expect((await call(core, 'meeting.list', {})).ok).toBe(true);
    } finally {
      core.close();
    }
    expect(readFileSync(file).equals(damaged)).toBe(true);
  });

  it('the CLI still checks before it opens', () => {
    const { dir } = dataFolder({ damage: true });
    const core = createCore({ dataDir: dir, mode: 'cli', log: () => {} });
    try {
      expect(core.health.state).toBe('corrupt');
      expect(core.health.checking).toBeUndefined();
    } finally {
      core.close();
    }
  });

  it('a file with a migration pending is checked before it is migrated, never migrated when damaged', () => {
    const { dir, file } = dataFolder({ damage: true, version: MIGRATIONS.length - 1 });
    const core = createCore({ dataDir: dir, mode: 'web', log: () => {}, checkDelayMs: 0 });
    try {
      expect(core.health.state).toBe('corrupt');
    } finally {
      core.close();
    }
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length - 1);
    db.close();
  });

  it('the check thread reports ok, or what is wrong', async () => {
    expect(await quickCheckInBackground(dataFolder({ damage: false }).file)).toBe('ok');
    expect(await quickCheckInBackground(dataFolder({ damage: true }).file)).not.toBe('ok');
  });
});
