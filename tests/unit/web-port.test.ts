// The browser mode comes back on the address of its last run, so the page's own store of unsaved
// edits (per address) is found again; a taken port falls back to a free one, never to a crash.
import { createServer } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PORT_FILE, listenFirstFree, portsToTry, rememberPort, rememberedPort } from '../../electron/server/port';

describe('web mode port', () => {
  it('tries the asked port alone, else the remembered one and then any', () => {
    expect(portsToTry('5173', 40000)).toEqual([5173]);
    expect(portsToTry(undefined, 40000)).toEqual([40000, 0]);
    expect(portsToTry(undefined, null)).toEqual([0]);
  });

  it('remembers the port per data folder and ignores a damaged file', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'thuky-port-'));
    expect(rememberedPort(dir)).toBeNull();
    rememberPort(dir, 41234);
    expect(rememberedPort(dir)).toBe(41234);
    writeFileSync(path.join(dir, PORT_FILE), '{"port": "x"}');
    expect(rememberedPort(dir)).toBeNull();
    writeFileSync(path.join(dir, PORT_FILE), 'không phải JSON');
    expect(rememberedPort(dir)).toBeNull();
  });

  it('comes back on the same port, and takes another when that one is busy', async () => {
    const first = createServer();
    const port = await listenFirstFree(first, [0]);
    expect(port).toBeGreaterThan(0);
    const second = createServer();
    // The remembered port is busy (the first server holds it): the second falls back to a free one.
    const other = await listenFirstFree(second, [port, 0]);
    expect(other).not.toBe(port);
    await new Promise<void>((r) => first.close(() => r()));
    const third = createServer();
    expect(await listenFirstFree(third, [port, 0])).toBe(port);
    await Promise.all([second, third].map((s) => new Promise<void>((r) => s.close(() => r()))));
  });

  it('fails with the error when the only port asked is busy', async () => {
    const a = createServer();
    const port = await listenFirstFree(a, [0]);
    await expect(listenFirstFree(createServer(), [port])).rejects.toMatchObject({ code: 'EADDRINUSE' });
    await new Promise<void>((r) => a.close(() => r()));
  });
});
