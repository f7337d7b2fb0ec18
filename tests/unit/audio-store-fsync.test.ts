// Each append of the recording is synced before the core answers: a chunk acknowledged to the page
// survives a power cut. node:fs is wrapped (not replaced) to see the calls on the real file.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { tempDir } from '../helpers/tmp';

const calls: string[] = [];
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const spy =
    <A extends unknown[], R>(name: string, fn: (...a: A) => R) =>
    (...a: A): R => {
      calls.push(name);
      return fn(...a);
    };
  return { ...fs, writeSync: spy('write', fs.writeSync), fsyncSync: spy('fsync', fs.fsyncSync), closeSync: spy('close', fs.closeSync) };
});

describe('appendAt', () => {
  it('writes, then fsyncs the file, then closes it', async () => {
    const { appendAt } = await import('../../electron/core/audio/store');
    const f = path.join(tempDir('thuky-audio-'), 'part-1.webm');
    calls.length = 0;
    appendAt(f, 0, Buffer.from('chunk'));
    expect(calls.filter((c) => c !== 'write').at(0)).toBe('fsync');
    expect(calls.lastIndexOf('write')).toBeLessThan(calls.indexOf('fsync'));
    expect(calls.indexOf('fsync')).toBeLessThan(calls.indexOf('close'));
    expect(readFileSync(f, 'utf8')).toBe('chunk');
  });

  it('syncs the part files and their folder when a part is created', async () => {
    const { createPartFiles } = await import('../../electron/core/audio/store');
    calls.length = 0;
    createPartFiles(tempDir('thuky-audio-'), 7, 1);
    // Two files and, on POSIX, the folder that now lists them.
    expect(calls.filter((c) => c === 'fsync')).toHaveLength(process.platform === 'win32' ? 2 : 3);
  });
});
