#!/usr/bin/env node
// Copies the shared seed and corpus meeting records into tests/fixtures/records, so that a clone
// of the repo alone runs `npm test` (tests never read ../shared). Run it when ../shared changes.
import { copyFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

const shared = path.resolve(process.argv[2] ?? '../shared');
const out = path.resolve('tests/fixtures/records');
copyFileSync(path.join(shared, 'seed/seed-meeting.json'), path.join(out, '00-seed-bac-tu-liem-2019.json'));
for (const f of readdirSync(path.join(shared, 'corpus')).filter((f) => f.endsWith('.json'))) {
  copyFileSync(path.join(shared, 'corpus', f), path.join(out, f));
}
console.log(`Đã chép các bản ghi hội nghị vào ${out}`);
