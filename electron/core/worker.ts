// The core in its own thread. Electron's main process posts each IPC call here and awaits the
// answer, so SQLite work and document generation never block the event loop that keeps the
// windows responsive. Electron-free on purpose: it never imports 'electron', and the message
// handler is an exported function so Vitest can drive it under plain Node.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { createCore, type Core, type CoreOptions } from './app';
import { startMaintenance } from './backup/scheduler';
import { toAppError } from './registry';
import type { AppError, Result } from '../shared/result';

/** What main passes as `workerData`. The marker keeps the file inert when imported elsewhere. */
export type CoreWorkerInit = { kind: 'thuky-core'; dataDir: string; nativeBinding?: string };

export type CoreRequest = { kind: 'call'; id: number; channel: string; input: unknown } | { kind: 'close' };

export type CoreResponse =
  | { kind: 'ready' }
  | { kind: 'fatal'; error: AppError }
  | { kind: 'result'; id: number; result: Result<unknown> }
  | { kind: 'closed' };

export type CoreFactory = (opts: CoreOptions) => Core;

export function isCoreWorkerInit(v: unknown): v is CoreWorkerInit {
  const o = v as Partial<CoreWorkerInit> | null | undefined;
  return !!o && o.kind === 'thuky-core' && typeof o.dataDir === 'string' && (o.nativeBinding === undefined || typeof o.nativeBinding === 'string');
}

export type CoreMessageHandler = {
  /** Answers one request through `post`. Resolves when the answer has been posted. */
  handle(msg: CoreRequest): Promise<void>;
};

const log = (m: string, e?: unknown): void => console.error(`[core] ${m}`, e ?? '');

/**
 * Opens the core and returns the request handler. When the database cannot be opened (corrupt,
 * unreachable, wrong native module) the worker stays up and answers every call with that
 * Vietnamese error, so the window can show it instead of a silent failure.
 */
export function createCoreMessageHandler(
  init: CoreWorkerInit,
  post: (msg: CoreResponse) => void,
  factory: CoreFactory = createCore,
): CoreMessageHandler {
  let core: Core | null = null;
  let fatal: AppError | null = null;
  let stopMaintenance: () => void = () => undefined;
  try {
    core = factory({
      dataDir: init.dataDir,
      mode: 'electron',
      log,
      ...(init.nativeBinding ? { db: { nativeBinding: init.nativeBinding } } : {}),
    });
    if (core.health.state === 'ok') stopMaintenance = startMaintenance(core.ctx, log);
    post({ kind: 'ready' });
  } catch (e) {
    fatal = toAppError(e, 'startup', log);
    post({ kind: 'fatal', error: fatal });
  }

  const inFlight = new Set<Promise<void>>();
  let closed = false;

  return {
    async handle(msg) {
      if (msg.kind === 'close') {
        if (closed) return;
        closed = true;
        // Let calls already under way commit before the one connection closes.
        await Promise.allSettled([...inFlight]);
        stopMaintenance();
        try {
          core?.close();
        } catch (e) {
          log('close failed', e);
        }
        post({ kind: 'closed' });
        return;
      }
      const { id, channel, input } = msg;
      if (closed || !core) {
        const error: AppError = fatal ?? { code: 'closing', message: 'Ứng dụng đang đóng, yêu cầu này chưa được thực hiện.' };
        post({ kind: 'result', id, result: { ok: false, error } });
        return;
      }
      const registry = core.registry;
      const work = (async () => {
        const result = await registry.dispatch(channel, input);
        try {
          post({ kind: 'result', id, result });
        } catch (e) {
          // A value the structured clone cannot carry is a programming error; the caller still
          // gets an answer instead of waiting forever.
          post({ kind: 'result', id, result: { ok: false, error: toAppError(e, channel, log) } });
        }
      })();
      inFlight.add(work);
      try {
        await work;
      } finally {
        inFlight.delete(work);
      }
    },
  };
}

// Entry point when started by core-host.ts as a worker thread.
if (!isMainThread && parentPort && isCoreWorkerInit(workerData)) {
  const port = parentPort;
  const handler = createCoreMessageHandler(workerData, (m) => port.postMessage(m));
  port.on('message', (msg: CoreRequest) => {
    handler.handle(msg).then(
      () => {
        if (msg.kind === 'close') port.close();
      },
      (e: unknown) => log('request failed', e),
    );
  });
}
