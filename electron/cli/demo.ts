// npm run demo -- --data DIR [--sample bac-tu-liem-2019|chi-minh-2025]: loads a sample meeting
// (a meeting record, through the same import as `thuky import-record`) into that data folder and
// prints its id; a second run prints the same id instead of adding a copy. Also sets an
// organisation profile if none exists, so the sample's documents come out right at once.
import { parseArgs } from 'node:util';
import { createCore } from '../core/app';
import { resolveDataDir } from '../core/data-dir';
import { SAMPLE_PROFILE } from '../core/sample';
import { SAMPLE_NAMES, type SampleName } from '../shared/domain';

/** Through the same 'sample.load' channel as the first-run screen, so there is one implementation. */
export async function loadSample(dataDir: string, name?: SampleName): Promise<number> {
  const core = createCore({ dataDir, mode: 'cli' });
  try {
    const profile = await core.registry.dispatch('profile.get', {});
    if (profile.ok && profile.value === null) await core.registry.dispatch('profile.save', SAMPLE_PROFILE);
    const r = await core.registry.dispatch('sample.load', name ? { name } : {});
    if (!r.ok) throw new Error(r.error.message);
    return (r.value as { id: number }).id;
  } finally {
    core.close();
  }
}

const isMain = process.argv[1] && /cli[\\/]demo\.(ts|js|mjs)$/.test(process.argv[1]);
if (isMain) {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { data: { type: 'string' }, json: { type: 'boolean' }, sample: { type: 'string' } } });
  try {
    if (values.sample && !(SAMPLE_NAMES as readonly string[]).includes(values.sample))
      throw new Error(`Không có mẫu "${values.sample}". Chọn một trong: ${SAMPLE_NAMES.join(', ')}.`);
    const id = await loadSample(resolveDataDir(values.data), values.sample as SampleName | undefined);
    process.stdout.write(values.json ? `${JSON.stringify({ id })}\n` : `${id}\n`);
  } catch (e) {
    process.stderr.write(`Lỗi: ${(e as Error).message}\n`);
    process.exitCode = 1;
  }
}
