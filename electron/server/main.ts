// npm run web: serves the built renderer and the core on http://127.0.0.1:PORT for this run only.
//   --data DIR    data folder (default: THUKY_DATA_DIR, then the desktop app's own folder)
//   --port N      port (default: the port of the last run in this data folder, else a free one,
//                 so the page's own storage of unsaved edits is found again after a restart)
// THUKY_WEB_TOKEN fixes the token (the end-to-end tests use it); otherwise it is random per run.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createCore } from '../core/app';
import { resolveDataDir } from '../core/data-dir';
import { UserError } from '../shared/result';
import { createWebServer } from './server';
import { startMaintenance } from '../core/backup/scheduler';
import { listenFirstFree, portsToTry, rememberPort, rememberedPort } from './port';

const { values } = parseArgs({ args: process.argv.slice(2), options: { data: { type: 'string' }, port: { type: 'string' } } });
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dataDir = resolveDataDir(values.data);
const token = process.env.THUKY_WEB_TOKEN || randomBytes(24).toString('base64url');

let core;
try {
  core = createCore({ dataDir, mode: 'web' });
} catch (e) {
  console.error(e instanceof UserError ? `Lỗi: ${e.message}` : e);
  process.exit(1);
}
const stopMaintenance = core.health.state === 'ok' ? startMaintenance(core.ctx, (m, e) => console.error(m, e)) : () => undefined;
const server = createWebServer({ registry: core.registry, rendererDir: path.join(root, 'out', 'renderer'), token });
const remembered = rememberedPort(dataDir);
listenFirstFree(server, portsToTry(values.port, remembered)).then(
  (port) => {
    rememberPort(dataDir, port);
    console.log(`Thư ký Hội nghị (chế độ trình duyệt) đang chạy. Dữ liệu: ${dataDir}`);
    if (remembered && values.port === undefined && port !== remembered)
      console.log(`Cổng ${remembered} của lần trước đang bận nên dùng cổng ${port}: chữ chưa lưu của lần trước (nếu có) chỉ hiện lại khi mở ở cổng ${remembered}.`);
    console.log(`Mở địa chỉ này trong trình duyệt: http://127.0.0.1:${port}/?token=${token}`);
  },
  (e: unknown) => {
    console.error(`Lỗi: không mở được cổng ${values.port ?? ''} trên máy này (${(e as NodeJS.ErrnoException).code ?? 'lỗi'}). Hãy chọn cổng khác bằng --port, ví dụ --port 5173.`);
    core.close();
    process.exit(1);
  },
);

const stop = (): void => {
  stopMaintenance();
  server.close();
  core.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
