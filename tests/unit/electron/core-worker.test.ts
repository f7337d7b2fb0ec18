import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCoreMessageHandler, isCoreWorkerInit, type CoreResponse } from '../../../electron/core/worker';
import { startInProcessCore, startWorkerCoreHost, type CoreHost } from '../../../electron/main/core-host';

const WORKER_BOOTSTRAP = path.resolve('tests/unit/electron/fixtures/ts-worker.mjs');

describe('core worker protocol', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'thuky-worker-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('recognises only its own workerData', () => {
    expect(isCoreWorkerInit({ kind: 'thuky-core', dataDir: '/x' })).toBe(true);
    expect(isCoreWorkerInit({ kind: 'thuky-core', dataDir: '/x', nativeBinding: '/n.node' })).toBe(true);
    expect(isCoreWorkerInit(undefined)).toBe(false);
    expect(isCoreWorkerInit({ dataDir: '/x' })).toBe(false);
    expect(isCoreWorkerInit({ kind: 'thuky-core', dataDir: 3 })).toBe(false);
    expect(isCoreWorkerInit({ kind: 'thuky-core', dataDir: '/x', nativeBinding: 1 })).toBe(false);
  });

  it('answers { id, channel, input } with { id, result } from a real core, then closes the database', async () => {
    const posted: CoreResponse[] = [];
    const h = createCoreMessageHandler({ kind: 'thuky-core', dataDir: dir }, (m) => posted.push(m));
    expect(posted).toEqual([{ kind: 'ready' }]);
    await h.handle({ kind: 'call', id: 7, channel: 'app.info', input: {} });
    await h.handle({ kind: 'call', id: 8, channel: 'meeting.get', input: { id: 'x' } });
    await h.handle({ kind: 'call', id: 9, channel: 'no.such.channel', input: {} });
    const byId = new Map(posted.filter((m) => m.kind === 'result').map((m) => [m.id, m.result]));
    expect(byId.get(7)).toMatchObject({ ok: true, value: { mode: 'electron', dataDir: dir } });
    expect(byId.get(8)).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(byId.get(9)).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    await h.handle({ kind: 'close' });
    expect(posted.at(-1)).toEqual({ kind: 'closed' });
    await h.handle({ kind: 'call', id: 10, channel: 'app.info', input: {} });
    expect(posted.at(-1)).toMatchObject({ kind: 'result', id: 10, result: { ok: false, error: { code: 'closing' } } });
  });

  it('a damaged database file never kills the worker: start-up is reported and calls still get a Result', async () => {
    writeFileSync(path.join(dir, 'thuky.sqlite3'), 'this is not a database, it is a plain text file '.repeat(200));
    const posted: CoreResponse[] = [];
    const h = createCoreMessageHandler({ kind: 'thuky-core', dataDir: dir }, (m) => posted.push(m));
    // The core may open in its recovery state ('ready') or refuse ('fatal'); both are answers.
    expect(['ready', 'fatal']).toContain(posted[0]?.kind);
    await h.handle({ kind: 'call', id: 1, channel: 'app.info', input: {} });
    const last = posted.at(-1);
    expect(last).toMatchObject({ kind: 'result', id: 1 });
    if (posted[0]?.kind === 'fatal' && last?.kind === 'result' && !last.result.ok) expect(last.result.error.message).toMatch(/hỏng|không/i);
    await h.handle({ kind: 'close' });
  });

  it('a wrong nativeBinding (e.g. a Node build given to Electron) becomes a start-up error, not a crash', () => {
    const posted: CoreResponse[] = [];
    createCoreMessageHandler({ kind: 'thuky-core', dataDir: dir, nativeBinding: path.join(dir, 'missing.node') }, (m) => posted.push(m));
    expect(posted).toHaveLength(1);
    expect(posted[0]?.kind).toBe('fatal');
  });
});

describe('core host: the core on its own thread', () => {
  let dir: string;
  let host: CoreHost | null = null;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'thuky-host-'));
  });
  afterEach(async () => {
    await host?.close();
    host = null;
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs the real worker entry in a worker thread (via tsx) and round-trips calls', async () => {
    host = await startWorkerCoreHost({ workerFile: WORKER_BOOTSTRAP, init: { dataDir: dir } });
    expect(host.mode).toBe('worker');
    expect(host.startupError).toBeNull();
    const [info, bad] = await Promise.all([host.dispatch('app.info', {}), host.dispatch('meeting.get', { id: -1 })]);
    expect(info).toMatchObject({ ok: true, value: { mode: 'electron', dataDir: dir } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation' } });
    const created = await host.dispatch('meeting.create', { fields: { title: 'Hội nghị đối thoại' } });
    expect(created.ok).toBe(true);
    await host.close();
    // After close, the thread is gone and calls fail fast (main turns that into a Vietnamese Result).
    await expect(host.dispatch('app.info', {})).rejects.toThrow(/not running/);
    host = null;
  }, 60_000);

  it('rejects start-up when the thread cannot start, so main can fall back', async () => {
    await expect(startWorkerCoreHost({ workerFile: path.join(dir, 'no-such-worker.mjs'), init: { dataDir: dir } })).rejects.toThrow();
  });

  it('in-process fallback speaks the same protocol', async () => {
    host = await startInProcessCore({ dataDir: dir });
    expect(host.mode).toBe('in-process');
    expect(await host.dispatch('app.info', {})).toMatchObject({ ok: true, value: { dataDir: dir } });
    await host.close();
    host = null;
  });
});
