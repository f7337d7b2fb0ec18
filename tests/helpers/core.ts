import { rmSync } from 'node:fs';
import { createCore, type Core } from '../../electron/core/app';
import type { Channel, ChannelInput, ChannelOutput } from '../../electron/shared/contract';

import { tempDir } from './tmp';

export { tempDir, REPO_ROOT, SAMPLE_PATH } from './tmp';

export type TestCore = Core & { dir: string; call: <C extends Channel>(c: C, input: ChannelInput<C>) => Promise<ChannelOutput<C>>; dispose: () => void };

/** A real core on a real SQLite file in a fresh temporary folder. */
export function tempCore(dir = tempDir()): TestCore {
  const core = createCore({ dataDir: dir, mode: 'cli', log: () => {} });
  return {
    ...core,
    dir,
    async call(channel, input) {
      const r = await core.registry.dispatch(channel, input);
      if (!r.ok) throw new Error(`${channel}: ${r.error.code}: ${r.error.message}`);
      return r.value as never;
    },
    dispose() {
      core.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
