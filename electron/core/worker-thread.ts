// How the core starts a helper thread (Word rendering, audio analysis): the worker file sits
// beside its caller, `name.ts` under tsx or vitest and `name.js` next to the bundle. On Node 20
// `execArgv: ['--import', 'tsx']` does not reach a worker's module loader, so a TypeScript worker
// starts from a tiny bootstrap that registers tsx inside it and then imports the real entry.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

function tsxLoader(): string | null {
  try {
    const cjs = createRequire(import.meta.url).resolve('tsx/esm/api');
    const mjs = cjs.replace(/\.cjs$/, '.mjs');
    return pathToFileURL(existsSync(mjs) ? mjs : cjs).href;
  } catch {
    return null;
  }
}

/** The worker `name` beside `callerUrl` (the caller's import.meta.url), or why it cannot start. */
export function startSiblingWorker(callerUrl: string, name: string): { worker: Worker } | { problem: string } {
  if (!/\.ts$/.test(callerUrl)) {
    const js = new URL(`./${name}.js`, callerUrl);
    return existsSync(fileURLToPath(js)) ? { worker: new Worker(js) } : { problem: `${name}.js is not next to the bundle` };
  }
  const loader = tsxLoader();
  if (!loader) return { problem: `tsx is not available to start the TypeScript ${name}` };
  const src = new URL(`./${name}.ts`, callerUrl);
  return { worker: new Worker(`import(${JSON.stringify(loader)}).then((m) => { m.register(); return import(${JSON.stringify(src.href)}); })`, { eval: true }) };
}
