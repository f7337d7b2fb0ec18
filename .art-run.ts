import { readFileSync, readdirSync, mkdtempSync } from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { createCore } from '/work/main/electron/core/app';
import { generateArticle } from '/work/main/electron/core/documents/article';
import { getRecord } from '/work/main/electron/core/repo/meetings';
import { getProfile } from '/work/main/electron/core/repo/profile';
const dir = '/work/main/tests/fixtures/records';
const only = process.argv.slice(2).find((a) => !a.startsWith('--'));
let total = 0, hit = 0;
for (const f of readdirSync(dir).filter((f) => f.endsWith('.json') && (!only || f.startsWith(only)))) {
  const core = createCore({ dataDir: mkdtempSync(path.join(os.tmpdir(), 'art-')), mode: 'cli' });
  const json = readFileSync(path.join(dir, f), 'utf8');
  const r = await core.registry.dispatch('record.import', { json });
  if (!r.ok) { console.log(f, 'ERROR', r.error); continue; }
  const id = (r.value as { id: number }).id;
  const rec = getRecord(core.ctx.db, id);
  const blocks = generateArticle(rec, getProfile(core.ctx.db));
  const text = blocks.map((b) => ('text' in b ? b.text : 'caption' in b ? `[Ảnh: ${b.caption}]` : '')).join('\n');
  const facts = (JSON.parse(json).facts as string[]);
  const missing = facts.filter((x) => !text.includes(x));
  total += facts.length; hit += facts.length - missing.length;
  console.log(`\n===== ${f}  facts ${facts.length - missing.length}/${facts.length}`);
  if (process.argv.includes('--text')) console.log(text);
  for (const x of missing) console.log('   MISSING:', x);
  core.close?.();
}
console.log(`\nTOTAL ${hit}/${total}`);
