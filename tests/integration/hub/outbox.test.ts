// Three laptops (three data folders, the real core) send to one hub through their outboxes: one
// offline for a while, one that also sends its file by USB, and the hub killed (SIGKILL, a real
// child process) in the middle of an upload and restarted on the same data. The hub's register
// must be the union of what the three hold, with nothing doubled or lost.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { openHub } from '../../../hub/src/hub';
import { createUnit, issueKey } from '../../../hub/src/units';
import { createUser } from '../../../hub/src/accounts';
import { tempCore, tempDir, type TestCore } from '../../helpers/core';
import { startHubProcess } from '../../helpers/hub-process';
import { sendPending, type FetchLike } from '../../../electron/core/hub/sync';


function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => resolve(port));
    });
  });
}

const startHub = startHubProcess;

async function closedMeeting(app: TestCore, sample: 'chi-minh-2025' | 'bac-tu-liem-2019'): Promise<number> {
  const m = await app.call('sample.load', { name: sample });
  await app.call('meeting.finalize', { id: m.id });
  return m.id;
}

describe('three laptops send to one hub through their outboxes', () => {
  const hubDir = tempDir();
  let port: number;
  let hub: ChildProcess | null = null;
  let apps: TestCore[] = [];
  const keys: string[] = [];
  const unitIds: number[] = [];

  beforeAll(async () => {
    // Units and keys written before the hub serves (the CLI does the same).
    const db = await openHub({ dataDir: hubDir });
    for (const [i, name] of ['Phường Một', 'Xã Hai', 'Phường Ba'].entries()) {
      const u = await createUnit(db, 'test', `don-vi-${i + 1}`, name);
      unitIds.push(u.id);
      keys.push((await issueKey(db, 'test', u.id)).key);
    }
    await createUser(db, 'test', { username: 'quantri', displayName: 'Quản trị', password: 'quan-tri-dai-2', role: 'admin' });
    await db.close();
    port = await freePort();
    hub = await startHub(hubDir, port);
    apps = [tempCore(), tempCore(), tempCore()];
  }, 180_000);

  afterAll(() => {
    hub?.kill('SIGKILL');
    for (const a of apps) a.dispose();
  });

  it('ends with the union of the three, nothing doubled, after an offline laptop, a USB file and a killed hub', async () => {
    const [a, b, c] = apps as [TestCore, TestCore, TestCore];
    const url = `http://127.0.0.1:${port}`;
    const ma = await closedMeeting(a, 'chi-minh-2025');
    const mb = await closedMeeting(b, 'bac-tu-liem-2019');
    const mc = await closedMeeting(c, 'chi-minh-2025');
    // Follow-up recorded on A and C after the meetings closed: these go to the outbox too.
    const itemA = (await a.call('register.query', { meetingId: ma, limit: 3 })).items;
    await a.call('register.change', { uid: itemA[0]!.uid, status: 'resolved', note: 'Đã giải quyết xong' });
    await a.call('register.change', { uid: itemA[1]!.uid, agency: 'Phòng Kinh tế, Hạ tầng và Đô thị', deadline: '2026-12-31' });
    const itemC = (await c.call('register.query', { meetingId: mc, limit: 1 })).items;
    await c.call('register.change', { uid: itemC[0]!.uid, status: 'in_progress' });

    // A: the network is fine.
    await a.call('hub.save', { url, unitKey: keys[0]! });
    expect((await a.call('hub.sendNow', {})).sent).toBe(1);
    expect((await a.call('hub.status', {})).pending).toBe(0);

    // C: offline for a while (nothing listens at its address): kept, with a Vietnamese reason.
    const dead = await freePort();
    await c.call('hub.save', { url: `http://127.0.0.1:${dead}`, unitKey: keys[2]! });
    const off = await c.call('hub.sendNow', {});
    expect(off).toMatchObject({ sent: 0, failed: 1 });
    const st = await c.call('hub.status', {});
    expect(st.pending).toBe(1);
    expect(st.failing[0]!.error).toMatch(/Chưa kết nối được máy chủ tổng hợp/);

    // B: its file goes by USB first (the admin uploads it), then the outbox sends it too.
    const file = Buffer.from((await b.call('meetingFile.export', { id: mb })).dataBase64, 'base64');
    const login = await fetch(`${url}/api/login`, { method: 'POST', headers: { 'X-Thuky-Hub': '1' }, body: JSON.stringify({ username: 'quantri', password: 'quan-tri-dai-2' }) });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const usb = await fetch(`${url}/api/units/${unitIds[1]}/meeting-files`, { method: 'POST', headers: { cookie, 'X-Thuky-Hub': '1' }, body: file });
    expect(usb.status).toBe(200);

    // The hub is killed while B's upload is on its way: the row stays queued.
    await b.call('hub.save', { url, unitKey: keys[1]! });
    const killing: FetchLike = async (u, init) => {
      const p = (fetch as unknown as FetchLike)(u, init);
      hub!.kill('SIGKILL');
      return p;
    };
    const killed = await sendPending(b.ctx, killing);
    expect(killed.sent).toBe(0);
    expect((await b.call('hub.status', {})).pending).toBe(1);
    hub = await startHub(hubDir, port);
    // The retry waits its turn; "Gửi ngay" after the pause sends it.
    b.ctx.db.prepare('UPDATE hub_outbox SET next_try_at = ?').run(new Date(0).toISOString());
    expect((await b.call('hub.sendNow', {})).sent).toBe(1);

    // C comes back online.
    await c.call('hub.save', { url, unitKey: keys[2]! });
    expect((await c.call('hub.sendNow', {})).sent).toBe(1);

    // A sends again after another change: only the new event is added.
    await a.call('register.change', { uid: itemA[2]!.uid, note: 'Đã nhắc lần 2' });
    expect((await a.call('hub.status', {})).pending).toBe(1);
    expect((await a.call('hub.sendNow', {})).sent).toBe(1);

    // The register on the hub is the union of the three laptops' registers.
    const reg = await fetch(`${url}/api/register?limit=1000`, { headers: { cookie } });
    const page = (await reg.json()) as { total: number; items: { uid: string }[] };
    const local = [];
    for (const [app, id] of [[a, ma], [b, mb], [c, mc]] as const) local.push(...(await app.call('register.query', { meetingId: id, limit: 10_000 })).items.map((i) => i.uid));
    expect(page.total).toBe(local.length);
    expect(new Set(page.items.map((i) => i.uid))).toEqual(new Set(local));
    // History: every event of every laptop, once.
    const localEvents = apps.reduce((n, app) => n + (app.ctx.db.prepare('SELECT count(*) AS n FROM followup_events').get() as { n: number }).n, 0);
    expect(localEvents).toBeGreaterThanOrEqual(4);
    const health = (await (await fetch(`${url}/health`)).json()) as { meetings: number; items: number; events: number };
    expect(health).toMatchObject({ meetings: 3, items: local.length, events: localEvents });
  }, 300_000);
});
