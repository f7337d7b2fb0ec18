// The CLI for the office's admin and for scripts (backup, backups, restore), a damaged database
// as an error, and bad input files refused at once in Vietnamese. runCli is the same function the
// `thuky` bin runs; the lock is exercised across processes in lock-restore.test.ts.
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, symlinkSync, writeFileSync, ftruncateSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import { readInputFile } from '../../electron/cli/admin';
import { createCore } from '../../electron/core/app';
import { LIMITS } from '../../electron/shared/limits';
import { SAMPLE_PATH, tempDir } from '../helpers/tmp';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const fresh = (): string => {
  const d = tempDir('thuky-cli-admin-');
  dirs.push(d);
  return d;
};

const ENGLISH_ERRNO = /ENOENT|EISDIR|EACCES|ENXIO|no such file|illegal operation|is a directory|Invalid|Error:/;

function titles(dir: string): string[] {
  const db = new Database(path.join(dir, 'thuky.sqlite3'), { readonly: true });
  try {
    return (db.prepare('SELECT title FROM meetings ORDER BY id').all() as { title: string }[]).map((r) => r.title);
  } finally {
    db.close();
  }
}

describe('thuky backup / backups / restore', () => {
  it('backs up, lists as JSON, and restores by name or by path, saying what it restored', async () => {
    const dir = fresh();
    const imported = await runCli(['import', SAMPLE_PATH, '--data', dir, '--json']);
    expect(imported.code, imported.stderr).toBe(0);

    const made = await runCli(['backup', '--data', dir, '--json']);
    expect(made.code, made.stderr).toBe(0);
    const backup = JSON.parse(made.stdout) as { fileName: string; reason: string; path: string; bytes: number };
    expect(backup).toMatchObject({ reason: 'manual', path: path.join(dir, 'backups', backup.fileName) });
    expect(backup.bytes).toBeGreaterThan(0);

    const listed = await runCli(['backups', '--data', dir, '--json']);
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual([expect.objectContaining({ fileName: backup.fileName, reason: 'manual' })]);
    const text = await runCli(['backups', '--data', dir]);
    expect(text.stdout).toMatch(new RegExp(`^${backup.fileName}\\t`));

    const c = createCore({ dataDir: dir, mode: 'cli', log: () => undefined });
    c.db.exec("UPDATE meetings SET title = 'Đã sửa sau sao lưu'");
    c.close();

    const byName = await runCli(['restore', backup.fileName, '--data', dir]);
    expect(byName.code, byName.stderr).toBe(0);
    expect(byName.stdout).toMatch(/^Đã khôi phục bản sao lưu lúc .*\(1 hội nghị; kiểm tra toàn vẹn: tốt\)\. Dữ liệu trước đó được giữ lại trong bản "thuky-.*-before-restore\.sqlite3"/);
    expect(titles(dir)[0]).toMatch(/^Hội nghị đối thoại/);

    // A path outside the backups folder (a copy brought on a USB stick) restores the same way.
    const usb = path.join(fresh(), 'ban-sao.sqlite3');
    writeFileSync(usb, readFileSync(backup.path));
    const byPath = await runCli(['restore', usb, '--data', dir, '--json']);
    expect(byPath.code, byPath.stderr).toBe(0);
    expect(JSON.parse(byPath.stdout)).toMatchObject({ restored: usb, meetings: 1, integrity: 'ok' });
  });

  it('refuses a restore from something that is not a sound backup of this app, changing nothing', async () => {
    const dir = fresh();
    expect((await runCli(['import', SAMPLE_PATH, '--data', dir])).code).toBe(0);
    const before = readFileSync(path.join(dir, 'thuky.sqlite3'));
    const junk = path.join(fresh(), 'junk.sqlite3');
    writeFileSync(junk, 'không phải cơ sở dữ liệu'.repeat(100));
    for (const [arg, message] of [
      [junk, /không đạt kiểm tra/],
      [path.join(dir, 'khong-co.sqlite3'), /không tồn tại/],
      [dir, /là một thư mục/],
      ['/dev/zero', /không phải tệp thông thường/],
    ] as const) {
      const r = await runCli(['restore', arg, '--data', dir]);
      expect(r.code, arg).toBe(1);
      expect(r.stderr, arg).toMatch(message);
      expect(r.stderr).not.toMatch(/ENOENT|EISDIR/);
    }
    expect((await runCli(['restore', '--data', dir])).code).toBe(2);
    expect(readFileSync(path.join(dir, 'thuky.sqlite3')).equals(before)).toBe(true);
  });
});

describe('a damaged database is an error, never a silent in-memory one', () => {
  it('every command but backups/restore exits non-zero and writes nothing; restore then repairs it', async () => {
    const dir = fresh();
    expect((await runCli(['import', SAMPLE_PATH, '--data', dir])).code).toBe(0);
    const backup = JSON.parse((await runCli(['backup', '--data', dir, '--json'])).stdout) as { fileName: string };
    const file = path.join(dir, 'thuky.sqlite3');
    const bytes = readFileSync(file);
    for (let i = 4096; i < bytes.length; i += 7) bytes[i] = 0xa5;
    writeFileSync(file, bytes);

    for (const args of [['import', SAMPLE_PATH], ['list'], ['search', 'song pheo'], ['backup'], ['export', '1', '--format', 'meeting', '--out', path.join(dir, 'x.thukyhn')]]) {
      const r = await runCli([...args, '--data', dir, '--json']);
      expect(r.code, args[0]).toBe(1);
      expect(r.stdout, args[0]).not.toMatch(/"id"\s*:\s*1\b/);
      expect(r.stderr, args[0]).toMatch(/bị hỏng.*\n.*thuky restore/);
    }
    expect(readFileSync(file).equals(bytes)).toBe(true);

    expect((await runCli(['backups', '--data', dir])).code).toBe(0);
    const r = await runCli(['restore', backup.fileName, '--data', dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/damaged/);
    expect((await runCli(['list', '--data', dir])).code).toBe(0);
  });

  it('a missing database beside backups: list refuses and points to restore', async () => {
    const dir = fresh();
    expect((await runCli(['import', SAMPLE_PATH, '--data', dir])).code).toBe(0);
    expect((await runCli(['backup', '--data', dir])).code).toBe(0);
    for (const s of ['', '-wal', '-shm']) rmSync(path.join(dir, `thuky.sqlite3${s}`), { force: true });
    const r = await runCli(['list', '--data', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Không thấy tệp dữ liệu.*\n.*thuky restore/);
  });
});

describe('thuky import refuses bad input files at once, in Vietnamese', () => {
  const dir = fresh();
  const inputs = fresh();
  const fifo = path.join(inputs, 'ong-dan.thukyhn');
  execFileSync('mkfifo', [fifo]);
  const big = path.join(inputs, 'qua-lon.thukyhn');
  // Sparse: the size is over the limit, the disk holds nothing.
  const fd = openSync(big, 'w');
  ftruncateSync(fd, LIMITS.meetingFileBytes + 1);
  closeSync(fd);
  const empty = path.join(inputs, 'rong.thukyhn');
  writeFileSync(empty, '');
  const folder = path.join(inputs, 'thu-muc.thukyhn');
  mkdirSync(folder);
  const loop = path.join(inputs, 'vong.thukyhn');
  symlinkSync(loop, loop);

  const cases: [string, string, RegExp][] = [
    ['a folder', folder, /là một thư mục, không phải tệp/],
    ['a missing file', path.join(inputs, 'khong-co.thukyhn'), /không tồn tại\. Hãy kiểm tra lại đường dẫn/],
    ['a FIFO (no writer: reading would hang)', fifo, /không phải tệp thông thường \(có thể là ống dẫn FIFO/],
    ['/dev/zero (endless)', '/dev/zero', /không phải tệp thông thường/],
    ['an oversized file', big, /quá lớn \(300,1 MB, tối đa 300 MB\)/],
    ['an empty file', empty, /trống \(0 byte\)/],
    ['a symlink loop', loop, /liên kết vòng/],
    ['a path through a file', path.join(empty, 'x.thukyhn'), /đi qua một tệp/],
  ];
  for (const [name, file, message] of cases)
    it(name, async () => {
      const r = await runCli(['import', file, '--data', dir]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^Lỗi: /);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.replace(/^Lỗi: /, '')).not.toMatch(ENGLISH_ERRNO);
      // Nothing was imported.
      expect(titles(dir)).toEqual([]);
    });

  it('reads a regular file whole, and never more than its size at open', () => {
    const f = path.join(inputs, 'ok.bin');
    writeFileSync(f, Buffer.from('thuky'));
    expect(readInputFile(f, 10).toString()).toBe('thuky');
    expect(() => readInputFile(f, 4)).toThrow(/quá lớn/);
  });
});
