// The README's promises: demo loads the seed meeting, list shows it, search finds sông Pheo.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import { loadSample } from '../../electron/cli/demo';
import { tempDir } from '../helpers/tmp';

const dir = tempDir('thuky-cli-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('CLI', () => {
  let id = 0;
  it('demo loads the sample meeting and prints its id (as npm run demo does)', () => {
    const out = execFileSync('npx', ['tsx', 'electron/cli/demo.ts', '--data', dir], { encoding: 'utf8' });
    id = Number(out.trim());
    expect(id).toBeGreaterThan(0);
  });

  it('list --json shows it', async () => {
    const r = await runCli(['list', '--data', dir, '--json']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as { id: number; title: string; date: string }[];
    expect(list).toContainEqual(expect.objectContaining({ id, date: '2019-10-18' }));
    expect(list[0].title).toMatch(/^Hội nghị đối thoại giữa đồng chí Bí thư Quận ủy/);
  });

  it('search "song pheo" --json finds the recommendation about sông Pheo', async () => {
    const r = await runCli(['search', 'song pheo', '--data', dir, '--json']);
    const hits = JSON.parse(r.stdout) as { meetingId: number; entity: string; snippet: string }[];
    expect(hits).toContainEqual(expect.objectContaining({ meetingId: id, entity: 'recommendation', snippet: expect.stringContaining('sông Pheo') }));
  });

  it('exports the meeting file and imports it back, printing the new id', async () => {
    const file = path.join(dir, 'copy.thukyhn');
    expect((await runCli(['export', String(id), '--format', 'meeting', '--out', file, '--data', dir])).code).toBe(0);
    expect(existsSync(file)).toBe(true);
    const r = await runCli(['import', file, '--data', dir]);
    expect(r.code).toBe(0);
    expect(Number(r.stdout.trim())).toBeGreaterThan(id);
  });

  it('answers a bad file with a Vietnamese message and exit code 1', async () => {
    const bad = path.join(dir, 'bad.thukyhn');
    writeFileSync(bad, 'không phải zip');
    const r = await runCli(['import', bad, '--data', dir, '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, error: { code: 'meeting_file_invalid' } });
    expect(r.stderr).toMatch(/không phải tệp hội nghị/);
  });

  it('refuses unknown commands and formats with usage help', async () => {
    expect((await runCli(['frobnicate', '--data', dir])).code).toBe(2);
    const r = await runCli(['export', String(id), '--format', 'pdf', '--out', 'x', '--data', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Định dạng "pdf" không có/);
  });

  it('loadSample sets the organisation profile only when none exists', async () => {
    const d2 = tempDir('thuky-cli2-');
    await loadSample(d2);
    const db = path.join(d2, 'thuky.sqlite3');
    expect(readFileSync(db).length).toBeGreaterThan(0);
    rmSync(d2, { recursive: true, force: true });
  });
});
