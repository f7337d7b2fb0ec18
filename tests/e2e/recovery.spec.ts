// Issue 11, data loss 2, on the screen: a database that vanished beside a backups folder is not a
// first run. The app shows the recovery screen (never the setup page), offers the newest verified
// backup, restores it and says what it restored.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect, freePort, startOwnServer, stopOwnServer, E2E_PROFILE, type OwnServer } from './fixtures';
import type { Channel, ChannelInput, ChannelOutput } from '../../electron/shared/contract';

async function ownCall<C extends Channel>(s: OwnServer, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const res = await fetch(`${s.base}/api/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-thuky-token': s.token }, body: JSON.stringify(input) });
  const r = (await res.json()) as { ok: true; value: ChannelOutput<C> } | { ok: false; error: { message: string } };
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value;
}

test('a missing database beside backups opens on the recovery screen, which restores the newest verified backup', async ({ page }) => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'thuky-recovery-'));
  const port = await freePort();
  let server = await startOwnServer({ dataDir, port, token: 'recovery-token-1' });
  try {
    await ownCall(server, 'profile.save', E2E_PROFILE);
    await ownCall(server, 'meeting.create', { fields: { title: 'Hội nghị phải còn nguyên' } });
    await ownCall(server, 'backup.create', {});
    await stopOwnServer(server);
    for (const s of ['', '-wal', '-shm']) rmSync(path.join(dataDir, `thuky.sqlite3${s}`), { force: true });

    server = await startOwnServer({ dataDir, port, token: 'recovery-token-2' });
    await page.goto(`${server.base}/?token=${server.token}#/`);
    await expect(page.getByTestId('recovery')).toBeVisible();
    await expect(page.getByRole('alert')).toContainText('Đây không phải lần chạy đầu tiên');
    await expect(page.getByTestId('setup')).toHaveCount(0);
    await page.getByTestId('restore-newest').click();

    await expect(page.getByRole('status')).toContainText(/Đã khôi phục bản sao lưu lúc .*\(1 hội nghị; kiểm tra toàn vẹn: tốt\)/);
    // A full load (the page took the token out of its address, so "/#/" alone would only change
    // the hash of the page already open): the app opens again on the restored data.
    await page.goto(`${server.base}/?token=${server.token}#/`);
    await page.reload();
    await expect(page.getByRole('link', { name: 'Hội nghị phải còn nguyên' })).toBeVisible();
  } finally {
    await stopOwnServer(server);
    rmSync(dataDir, { recursive: true, force: true });
  }
});
