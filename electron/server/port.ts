// The browser mode's address stays the same from one start to the next: the page keeps unsaved
// edits in its own storage (IndexedDB), which belongs to one address (http://127.0.0.1:PORT). A
// restart on a new port would open a page that cannot see them, so the port of the last run is
// remembered in the data folder and tried first; only if it is taken does the server pick another.
import { readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';

export const PORT_FILE = 'web-port.json';

/** The port remembered for this data folder, or null (none, or a damaged file). */
export function rememberedPort(dataDir: string): number | null {
  try {
    const v = (JSON.parse(readFileSync(path.join(dataDir, PORT_FILE), 'utf8')) as { port?: unknown }).port;
    return typeof v === 'number' && Number.isInteger(v) && v > 1024 && v < 65536 ? v : null;
  } catch {
    return null;
  }
}

export function rememberPort(dataDir: string, port: number): void {
  try {
    writeFileSync(path.join(dataDir, PORT_FILE), `${JSON.stringify({ port })}\n`);
  } catch {
    // Not remembering only costs the same address next time; the app works on.
  }
}

/** The ports to try in order: the one asked for; else the remembered one, then any free one. */
export function portsToTry(asked: string | undefined, remembered: number | null): number[] {
  if (asked !== undefined) return [Number(asked)];
  return remembered ? [remembered, 0] : [0];
}

/** Listens on the first port of `ports` that is free, on loopback only; resolves with the port. */
export function listenFirstFree(server: Server, ports: number[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const attempt = (i: number): void => {
      const onError = (e: NodeJS.ErrnoException): void => {
        server.off('listening', onListening);
        if (e.code === 'EADDRINUSE' && i + 1 < ports.length) attempt(i + 1);
        else reject(e);
      };
      const onListening = (): void => {
        server.off('error', onError);
        const addr = server.address();
        resolve(addr && typeof addr === 'object' ? addr.port : 0);
      };
      server.once('error', onError);
      server.once('listening', onListening);
      server.listen(ports[i], '127.0.0.1');
    };
    attempt(0);
  });
}
