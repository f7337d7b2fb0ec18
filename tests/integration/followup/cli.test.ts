// thuky register over the same core as the screen.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import type { RegisterPage } from '../../../electron/shared/followup';
import { tempCore, tempDir } from '../../helpers/core';
import { meetingWithRecs, recUid } from './helpers';

const dir = tempDir('thuky-cli-register-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  const core = tempCore(dir);
  const { meetingId, recIds } = await meetingWithRecs(core, '2020-03-02', 3);
  await core.call('register.change', { uid: recUid(core, recIds[0]!), status: 'in_progress', agency: 'UBND phường', deadline: '2020-04-01' });
  await core.call('register.change', { uid: recUid(core, recIds[1]!), status: 'resolved', deadline: '2020-04-01' });
  await core.call('notice.saveTasks', { meetingId, tasks: [{ content: 'Kiểm tra đường làng', agency: 'UBND xã', deadline: '2099-01-01' }] });
  core.close();
});

describe('thuky register', () => {
  it('--json lists every item', async () => {
    const r = await runCli(['register', '--data', dir, '--json']);
    expect(r.code).toBe(0);
    const page = JSON.parse(r.stdout) as RegisterPage;
    expect(page.total).toBe(4);
    expect(page.items.map((i) => i.kind).sort()).toEqual(['direction', 'recommendation', 'recommendation', 'recommendation']);
  });

  it('--overdue keeps the open items past their deadline only', async () => {
    const r = await runCli(['register', '--overdue', '--data', dir, '--json']);
    const page = JSON.parse(r.stdout) as RegisterPage;
    expect(page.items.map((i) => [i.status, i.agency, i.overdue])).toEqual([['in_progress', 'UBND phường', true]]);
  });

  it('--status filters by status key, repeated or comma-separated', async () => {
    const one = JSON.parse((await runCli(['register', '--status', 'resolved', '--data', dir, '--json'])).stdout) as RegisterPage;
    expect(one.items.map((i) => i.status)).toEqual(['resolved']);
    const two = JSON.parse((await runCli(['register', '--status', 'resolved,unanswered', '--data', dir, '--json'])).stdout) as RegisterPage;
    expect(two.total).toBe(3);
    const rep = JSON.parse((await runCli(['register', '--status', 'resolved', '--status', 'in_progress', '--data', dir, '--json'])).stdout) as RegisterPage;
    expect(rep.total).toBe(2);
  });

  it('says in Vietnamese which status keys exist when given an unknown one', async () => {
    const r = await runCli(['register', '--status', 'xong', '--data', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Không có trạng thái "xong"\. Các mã trạng thái: unanswered, answered_at_meeting/);
  });

  it('prints a readable table without --json', async () => {
    const r = await runCli(['register', '--overdue', '--data', dir]);
    expect(r.stdout).toMatch(/02\/03\/2020\tĐang giải quyết\tUBND phường\thạn 01\/04\/2020 \(quá hạn\)\tKiến nghị số 1/);
    expect(r.stdout).toMatch(/Tổng số: 1/);
  });
});
