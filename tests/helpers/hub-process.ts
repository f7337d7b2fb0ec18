// The hub as a test starts it: `node --import tsx hub/src/main.ts` in one process (so SIGKILL
// kills the hub itself, not a wrapper), resolved once it prints its /health address.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export async function startHubProcess(dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'hub', 'src', 'main.ts'), '--data', dataDir, '--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'], cwd: ROOT });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    const t = setTimeout(() => reject(new Error(`hub did not start: ${out}`)), 90_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('/health')) {
        clearTimeout(t);
        resolve();
      }
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => reject(new Error(`hub exited ${code}: ${out}`)));
  });
  return child;
}
