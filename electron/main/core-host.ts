// Runs the core off the main process's event loop, in a worker thread, and gives main a plain
// `dispatch(channel, input)` that resolves to the core's Result. Main never touches SQLite or
// document generation itself, so the windows stay responsive while a long document is built.
// Electron-free (node:worker_threads only) so that tests drive it under Node with tsx.
import { Worker } from 'node:worker_threads';
import type { AppError, Result } from '../shared/result';
import type { CoreRequest, CoreResponse, CoreWorkerInit } from '../core/worker';

export type CoreHost = {
  dispatch(channel: string, input: unknown): Promise<Result<unknown>>;
  /** Waits for calls under way, closes the database, then stops the thread. */
  close(): Promise<void>;
  /** Set when the database could not be opened; every call then answers with this error. */
  readonly startupError: AppError | null;
  readonly mode: 'worker' | 'in-process';
};

export type WorkerHostOptions = {
  workerFile: string | URL;
  init: Omit<CoreWorkerInit, 'kind'>;
  /** Extra Node flags for the thread; tests pass `--import tsx` to run the TypeScript entry. */
  execArgv?: string[];
  /** How long the thread may take to open the database before start-up counts as failed. */
  startTimeoutMs?: number;
  closeTimeoutMs?: number;
};

const GONE_MESSAGE = 'core worker is not running';

/**
 * Starts the worker and resolves once it has opened the database (or reported why it could
 * not). Rejects when the thread itself cannot start, so main can fall back to `startInProcessCore`.
 */
export function startWorkerCoreHost(opts: WorkerHostOptions): Promise<CoreHost> {
  const init: CoreWorkerInit = { kind: 'thuky-core', ...opts.init };
  const worker = new Worker(opts.workerFile, {
    workerData: init,
    ...(opts.execArgv ? { execArgv: opts.execArgv } : {}),
    // The thread needs no stdin, and its console output should reach main's log as it happens.
    stdin: false,
  });
  const pending = new Map<number, { resolve: (r: Result<unknown>) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let alive = true;
  let startupError: AppError | null = null;
  let onClosed: (() => void) | null = null;

  const failAll = (why: Error): void => {
    for (const p of pending.values()) p.reject(why);
    pending.clear();
  };

  return new Promise<CoreHost>((resolveStart, rejectStart) => {
    let started = false;
    const timer = setTimeout(() => {
      if (started) return;
      rejectStart(new Error(`core worker did not start within ${opts.startTimeoutMs ?? 20_000} ms`));
      void worker.terminate();
    }, opts.startTimeoutMs ?? 20_000);

    const host: CoreHost = {
      mode: 'worker',
      get startupError() {
        return startupError;
      },
      dispatch(channel, input) {
        if (!alive) return Promise.reject(new Error(GONE_MESSAGE));
        const id = nextId++;
        return new Promise<Result<unknown>>((resolve, reject) => {
          pending.set(id, { resolve, reject });
          const msg: CoreRequest = { kind: 'call', id, channel, input };
          try {
            worker.postMessage(msg);
          } catch (e) {
            pending.delete(id);
            reject(e instanceof Error ? e : new Error(String(e)));
          }
        });
      },
      close() {
        if (!alive) return Promise.resolve();
        return new Promise<void>((resolve) => {
          const done = (): void => {
            clearTimeout(kill);
            resolve();
          };
          // A worker stuck in a long task must not keep the app from quitting forever.
          const kill = setTimeout(() => {
            void worker.terminate().then(done, done);
          }, opts.closeTimeoutMs ?? 10_000);
          onClosed = done;
          worker.postMessage({ kind: 'close' } satisfies CoreRequest);
        });
      },
    };

    worker.on('message', (msg: CoreResponse) => {
      switch (msg.kind) {
        case 'ready':
        case 'fatal':
          if (msg.kind === 'fatal') startupError = msg.error;
          started = true;
          clearTimeout(timer);
          resolveStart(host);
          return;
        case 'result': {
          const p = pending.get(msg.id);
          pending.delete(msg.id);
          p?.resolve(msg.result);
          return;
        }
        case 'closed':
          alive = false;
          void worker.terminate().finally(() => onClosed?.());
          return;
      }
    });
    worker.on('error', (e) => {
      alive = false;
      failAll(e);
      if (!started) {
        clearTimeout(timer);
        rejectStart(e);
      }
    });
    worker.on('exit', (code) => {
      const wasAlive = alive;
      alive = false;
      failAll(new Error(`${GONE_MESSAGE} (exit ${code})`));
      if (!started) {
        clearTimeout(timer);
        rejectStart(new Error(`core worker exited during start-up (exit ${code})`));
      }
      if (!wasAlive) onClosed?.();
    });
  });
}

/**
 * The same core and the same message protocol, on main's own thread. Used only when the worker
 * cannot start (it keeps the app usable; long documents may then pause the window briefly).
 */
export async function startInProcessCore(init: Omit<CoreWorkerInit, 'kind'>): Promise<CoreHost> {
  const { createCoreMessageHandler } = await import('../core/worker');
  const waiting = new Map<number, (r: Result<unknown>) => void>();
  let startupError: AppError | null = null;
  let nextId = 1;
  let closed = false;
  const handler = createCoreMessageHandler({ kind: 'thuky-core', ...init }, (msg) => {
    if (msg.kind === 'fatal') startupError = msg.error;
    if (msg.kind === 'result') {
      waiting.get(msg.id)?.(msg.result);
      waiting.delete(msg.id);
    }
  });
  return {
    mode: 'in-process',
    get startupError() {
      return startupError;
    },
    async dispatch(channel, input) {
      if (closed) throw new Error(GONE_MESSAGE);
      const id = nextId++;
      const answer = new Promise<Result<unknown>>((resolve) => waiting.set(id, resolve));
      await handler.handle({ kind: 'call', id, channel, input });
      return answer;
    },
    async close() {
      if (closed) return;
      closed = true;
      await handler.handle({ kind: 'close' });
    },
  };
}
