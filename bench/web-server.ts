// electron/server/main.ts with one difference: the renderer is served from the bench's own build
// (bench/tmp/renderer), so the benchmark never rebuilds out/ under an end-to-end test that is
// reading it. The core and the HTTP layer are the same functions `npm run web` uses.
//   node --import tsx bench/web-server.ts --data DIR --port N --renderer DIR   (THUKY_WEB_TOKEN set)
import { parseArgs } from 'node:util';
import { createCore } from '../electron/core/app';
import { createWebServer } from '../electron/server/server';

const { values } = parseArgs({ options: { data: { type: 'string' }, port: { type: 'string' }, renderer: { type: 'string' } } });
const t0 = performance.now();
const core = createCore({ dataDir: values.data!, mode: 'web' });
const coreMs = performance.now() - t0;
const server = createWebServer({ registry: core.registry, rendererDir: values.renderer!, token: process.env.THUKY_WEB_TOKEN ?? '' });
server.listen(Number(values.port), '127.0.0.1', () => {
  console.log(`ready core=${coreMs.toFixed(1)}ms pid=${process.pid}`);
});
const stop = (): void => {
  server.close();
  core.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
