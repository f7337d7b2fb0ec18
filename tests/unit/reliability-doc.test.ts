// docs/RELIABILITY.md's tables of faults and bad inputs are only worth reading if every row still
// points at a test that exists: a renamed or deleted test must fail here, not leave a stale claim.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..', '..');
const doc = readFileSync(path.join(ROOT, 'docs', 'RELIABILITY.md'), 'utf8');

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? testFiles(p) : /\.(test|spec)\.ts$/.test(f) ? [p] : [];
  });
}
const ALL = testFiles(path.join(ROOT, 'tests'));
const byName = (name: string): string[] => ALL.filter((f) => f.endsWith(`/${name}`) || f.endsWith(name.replace(/^tests\//, '/')));

function section(title: string): string {
  const at = doc.indexOf(`## ${title}`);
  expect(at, `section "${title}"`).toBeGreaterThanOrEqual(0);
  return doc.slice(at).split(/\n## /)[0]!;
}

describe('docs/RELIABILITY.md tables name tests that exist', () => {
  it.each(['Backups and recovery', 'Crash test: every phase, content compared'])('%s', (title) => {
    const rows = section(title)
      .split('\n')
      .filter((l) => l.startsWith('| ') && !/^\| (Fault|Run|---)/.test(l) && !l.startsWith('|---'));
    const withTests = rows.filter((r) => /\.(test|spec)\.ts`/.test(r) || /^\s*(same|")/.test(r.split(' | ').pop() ?? ''));
    expect(withTests.length, `rows naming a test in "${title}"`).toBeGreaterThanOrEqual(8);
    let lastFiles: string[] = [];
    for (const row of rows) {
      const last = row.split(' | ').pop() ?? '';
      const names = [...last.matchAll(/`([^`]+\.(?:test|spec)\.ts)`/g)].map((m) => m[1]!);
      const files = names.flatMap((n) => {
        const found = byName(n);
        expect(found.length, `${n} (row: ${row.slice(0, 60)}…)`).toBeGreaterThan(0);
        return found;
      });
      // "same" refers to the row above; quoted titles must be titles in those files.
      const inFiles = files.length ? files : /^\s*(same|")/.test(last) ? lastFiles : [];
      if (files.length) lastFiles = files;
      const titles = [...last.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
      if (titles.length && inFiles.length) {
        const source = inFiles.map((f) => readFileSync(f, 'utf8')).join('\n');
        for (const t of titles) expect(source.includes(t), `no test "${t}" in ${inFiles.map((f) => path.relative(ROOT, f)).join(', ')}`).toBe(true);
      }
    }
  });
});
