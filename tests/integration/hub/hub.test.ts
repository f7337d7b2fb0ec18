// thuky-hub against real meeting files written by the real app core: units send, the register is
// the union with nothing doubled, a unit cannot write another's meeting, a revoked key is refused,
// hostile files leave the database as it was, and the province logs in (rate-limited) to read.
// Runs on PGlite and, where THUKY_TEST_PG_URL is set (CI), on PostgreSQL 15 too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createHubServer } from '../../../hub/src/server';
import { createUser, LoginLimiter } from '../../../hub/src/accounts';
import { createUnit, issueKey } from '../../../hub/src/units';
import type { HubDb } from '../../../hub/src/db';
import { tempCore, type TestCore } from '../../helpers/core';
import { ENGINES, ENGINE_NOTE } from './engines';
import type { HubRegisterItem, HubReport } from '../../../hub/src/api-types';

type Page = { total: number; items: HubRegisterItem[] };

console.log(ENGINE_NOTE);

async function meetingFileOf(core: TestCore, id: number): Promise<Buffer> {
  const f = await core.call('meetingFile.export', { id });
  return Buffer.from(f.dataBase64, 'base64');
}

async function counts(db: HubDb): Promise<Record<string, number>> {
  const [r] = await db.query<Record<string, number>>(
    'SELECT (SELECT count(*)::int FROM meetings) AS meetings, (SELECT count(*)::int FROM items) AS items, (SELECT count(*)::int FROM events) AS events',
  );
  return r!;
}

for (const engine of ENGINES) {
  describe(`thuky-hub on ${engine.name}`, () => {
    let db: HubDb;
    let drop: () => Promise<void>;
    let server: Server;
    let base: string;
    let keyA: string;
    let keyB: string;
    let unitA: number;
    let appA: TestCore;
    let appB: TestCore;
    let fileA: Buffer;
    let fileB: Buffer;
    let meetingA: number;

    const send = (key: string | null, body: Uint8Array, extra: Record<string, string> = {}) =>
      fetch(`${base}/api/v1/meeting-files`, {
        method: 'POST',
        headers: { 'X-Thuky-Hub': '1', 'Content-Type': 'application/octet-stream', ...(key ? { Authorization: `Bearer ${key}` } : {}), ...extra },
        body,
      });

    beforeAll(async () => {
      ({ db, drop } = await engine.open());
      server = createHubServer({ db, uiDir: null, limiter: new LoginLimiter(5, 60_000) });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const a = await createUnit(db, 'test', 'phuong-a', 'Phường A');
      const b = await createUnit(db, 'test', 'xa-b', 'Xã B');
      unitA = a.id;
      keyA = (await issueKey(db, 'test', a.id)).key;
      keyB = (await issueKey(db, 'test', b.id)).key;
      await createUser(db, 'test', { username: 'tinh', displayName: 'Văn phòng Tỉnh ủy', password: 'mat-khau-dai-1', role: 'province' });
      appA = tempCore();
      appB = tempCore();
      meetingA = (await appA.call('sample.load', { name: 'chi-minh-2025' })).id;
      const meetingB = (await appB.call('sample.load', { name: 'bac-tu-liem-2019' })).id;
      fileA = await meetingFileOf(appA, meetingA);
      fileB = await meetingFileOf(appB, meetingB);
    }, 120_000);

    afterAll(async () => {
      server?.close();
      appA?.dispose();
      appB?.dispose();
      await drop?.();
    });

    it('answers /health with ok and the engine', async () => {
      const r = await fetch(`${base}/health`);
      expect(r.status).toBe(200);
      expect(await r.json()).toMatchObject({ ok: true, engine: engine.name === 'pglite' ? 'pglite' : 'postgres', units: 2 });
    });

    it('takes a unit’s meeting once: sending the same file again doubles nothing', async () => {
      const first = await send(keyA, fileA);
      expect(first.status).toBe(200);
      const r1 = (await first.json()) as { items: number; created: boolean; changed: boolean };
      expect(r1).toMatchObject({ created: true, changed: true });
      const recs = (await appA.call('meeting.get', { id: meetingA })).recommendations.length;
      expect(r1.items).toBeGreaterThanOrEqual(recs);
      const after1 = await counts(db);
      expect(after1.meetings).toBe(1);
      expect(after1.items).toBe(r1.items);
      const again = await (await send(keyA, fileA)).json();
      expect(again).toMatchObject({ created: false, changed: false, newEvents: 0 });
      expect(await counts(db)).toEqual(after1);
    });

    it('merges a later file of the same meeting: new history added once, nothing lost', async () => {
      const before = await counts(db);
      const page = await appA.call('register.query', { meetingId: meetingA, limit: 5 });
      const uid = page.items[0]!.uid;
      await appA.call('register.change', { uid, status: 'resolved', agency: 'UBND xã Chí Minh', note: 'Đã sửa xong đoạn đường' });
      const later = await meetingFileOf(appA, meetingA);
      const r = (await (await send(keyA, later)).json()) as { newEvents: number };
      expect(r.newEvents).toBeGreaterThanOrEqual(2);
      const after = await counts(db);
      expect(after.events).toBe(before.events + r.newEvents);
      expect(after.items).toBe(before.items);
      const [s] = await db.query<{ status: string; agency: string }>('SELECT status, agency FROM items WHERE uid = $1', [uid]);
      expect(s).toEqual({ status: 'resolved', agency: 'UBND xã Chí Minh' });
      // the older file again: the newer history stays
      await send(keyA, fileA);
      const [s2] = await db.query<{ status: string }>('SELECT status FROM items WHERE uid = $1', [uid]);
      expect(s2!.status).toBe('resolved');
      expect((await counts(db)).events).toBe(after.events);
    });

    it('refuses another unit’s key on a meeting that is not its own, with the database unchanged', async () => {
      const before = await counts(db);
      const r = await send(keyB, fileA);
      expect(r.status).toBe(403);
      expect(((await r.json()) as { message: string }).message).toMatch(/thuộc đơn vị khác/);
      expect(await counts(db)).toEqual(before);
    });

    it('refuses a missing, wrong or revoked key', async () => {
      expect((await send(null, fileB)).status).toBe(401);
      expect((await send('tkh_unit_wrong', fileB)).status).toBe(401);
      const { key, info } = await issueKey(db, 'test', unitA, 'máy cũ');
      const { revokeKey } = await import('../../../hub/src/units');
      await revokeKey(db, 'test', info.id);
      const before = await counts(db);
      const r = await send(key, fileB);
      expect(r.status).toBe(403);
      expect(((await r.json()) as { message: string }).message).toMatch(/thu hồi/);
      expect(await counts(db)).toEqual(before);
    });

    it('refuses hostile uploads (not a meeting file, a cut file, no header, too large) with nothing written', async () => {
      const before = await counts(db);
      expect((await send(keyB, new TextEncoder().encode('không phải tệp hội nghị'))).status).toBe(400);
      expect((await send(keyB, fileB.subarray(0, fileB.length >> 1))).status).toBe(400);
      const noHeader = await fetch(`${base}/api/v1/meeting-files`, { method: 'POST', headers: { Authorization: `Bearer ${keyB}` }, body: fileB });
      expect(noHeader.status).toBe(403);
      const huge = await send(keyB, new Uint8Array(1), { 'Content-Length': String(10 ** 9) }).catch(() => null);
      if (huge) expect([400, 413]).toContain(huge.status);
      expect(await counts(db)).toEqual(before);
    });

    it('refuses damaged files (60 random byte flips) and a forged file that claims another meeting’s kiến nghị, with nothing written', async () => {
      const before = await counts(db);
      let seed = 7;
      const rnd = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
      for (let i = 0; i < 60; i++) {
        const bad = Buffer.from(fileB);
        for (let k = 0; k < 3; k++) bad[Math.floor(rnd() * bad.length)] ^= 1 + Math.floor(rnd() * 255);
        const r = await send(keyB, bad);
        // A flip in photo bytes may still be a valid file: then it must be B's own meeting, accepted.
        expect([200, 400]).toContain(r.status);
        if (r.status === 400) expect(((await r.json()) as { message: string }).message).toMatch(/hội nghị|Tệp/);
      }
      const { unzipSync, zipSync, strToU8, strFromU8 } = await import('fflate');
      const entries = unzipSync(new Uint8Array(fileA));
      const m = JSON.parse(strFromU8(entries['meeting.json']!)) as { followup: { meetingUid: string } };
      m.followup.meetingUid = '0f0f0f0f-1111-4222-8333-444455556666';
      entries['meeting.json'] = strToU8(JSON.stringify(m));
      const forged = await send(keyB, zipSync(entries));
      expect(forged.status).toBe(409);
      expect(((await forged.json()) as { message: string }).message).toMatch(/trùng mã/);
      const after = await counts(db);
      // B's own meeting may have arrived through an undamaged flip; A's side is untouched.
      expect(after.events).toBe(before.events);
      const [aItems] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM items WHERE unit_id = $1', [unitA]);
      expect(aItems!.n).toBe(before.items);
    });

    it('the register across units is the union of what the units sent, searchable with đ = d', async () => {
      expect((await send(keyB, fileB)).status).toBe(200);
      const login = await fetch(`${base}/api/login`, { method: 'POST', headers: { 'X-Thuky-Hub': '1' }, body: JSON.stringify({ username: 'tinh', password: 'mat-khau-dai-1' }) });
      expect(login.status).toBe(200);
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      expect(login.headers.get('set-cookie')).toMatch(/HttpOnly/);
      const all = (await (await fetch(`${base}/api/register?limit=1000`, { headers: { cookie } })).json()) as Page;
      const [n] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM items');
      expect(all.total).toBe(n!.n);
      expect(new Set(all.items.map((i) => i.unitName))).toEqual(new Set(['Phường A', 'Xã B']));
      // A word with đ from the data, searched for without its marks: đ must fold to d.
      const word = all.items.map((i) => /\p{L}*đ\p{L}*/iu.exec(i.content)?.[0]).find(Boolean) as string;
      expect(word).toBeTruthy();
      const plain = word.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
      const withWord = all.items.filter((i) => i.content.toLowerCase().includes(word.toLowerCase()));
      const folded = (await (await fetch(`${base}/api/register?limit=1000&query=${encodeURIComponent(plain)}`, { headers: { cookie } })).json()) as Page;
      expect(folded.total).toBeGreaterThanOrEqual(withWord.length);
      expect(folded.total).toBeLessThan(all.total);
      const byUnit = (await (await fetch(`${base}/api/register?limit=1000&unitId=${unitA}`, { headers: { cookie } })).json()) as Page;
      expect(byUnit.items.every((i) => i.unitName === 'Phường A')).toBe(true);
      const report = (await (await fetch(`${base}/api/report?from=2019-01-01&to=2026-12-31&kind=custom`, { headers: { cookie } })).json()) as HubReport;
      const t = report.total;
      expect(t.carriedOver + t.received).toBe(t.resolved + t.inProgress + t.notResolved);
      expect(t.received).toBe(n!.n);
      expect(t.resolved).toBeGreaterThanOrEqual(1);
    });

    it('exports the report (.docx, .xlsx) and the register (.xlsx) with numbers equal to a SQL count; a note of the province joins the history', async () => {
      const login = await fetch(`${base}/api/login`, { method: 'POST', headers: { 'X-Thuky-Hub': '1' }, body: JSON.stringify({ username: 'tinh', password: 'mat-khau-dai-1' }) });
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      const docx = await fetch(`${base}/api/report.docx?from=2019-01-01&to=2026-12-31&kind=custom`, { headers: { cookie } });
      expect(docx.status).toBe(200);
      expect(docx.headers.get('content-type')).toMatch(/wordprocessingml/);
      const bytes = Buffer.from(await docx.arrayBuffer());
      expect(bytes.subarray(0, 2).toString()).toBe('PK');
      const { unzipSync, strFromU8 } = await import('fflate');
      const xml = strFromU8(unzipSync(new Uint8Array(bytes))['word/document.xml']!);
      const [n] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM items');
      expect(xml).toContain('BÁO CÁO');
      expect(xml).toContain(new Intl.NumberFormat('vi-VN').format(n!.n));
      const xlsx = await fetch(`${base}/api/register.xlsx?unitId=${unitA}`, { headers: { cookie } });
      expect(xlsx.status).toBe(200);
      const ExcelJS = (await import('exceljs')).default;
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer);
      const [ofA] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM items WHERE unit_id = $1', [unitA]);
      const sheet = wb.worksheets[0]!;
      const dataRows = sheet.getSheetValues().filter((r) => Array.isArray(r) && r.some((v) => typeof v === 'string' && v.includes('Phường A:'))).length;
      expect(dataRows).toBe(ofA!.n);
      const [item] = await db.query<{ uid: string }>('SELECT uid FROM items LIMIT 1');
      const before = await counts(db);
      const note = await fetch(`${base}/api/items/${item!.uid}/notes`, { method: 'POST', headers: { cookie, 'X-Thuky-Hub': '1' }, body: JSON.stringify({ note: 'Tỉnh đề nghị báo cáo trước 15/12' }) });
      expect(note.status).toBe(200);
      expect((await counts(db)).events).toBe(before.events + 1);
      const forged = await fetch(`${base}/api/items/${item!.uid}/notes`, { method: 'POST', headers: { cookie }, body: JSON.stringify({ note: 'x' }) });
      expect(forged.status).toBe(403);
    });

    it('the admin uploads a unit’s file from a USB stick with the same result as the network', async () => {
      await createUser(db, 'test', { username: 'quantri', displayName: 'Quản trị', password: 'quan-tri-dai-2', role: 'admin' });
      const login = await fetch(`${base}/api/login`, { method: 'POST', headers: { 'X-Thuky-Hub': '1' }, body: JSON.stringify({ username: 'quantri', password: 'quan-tri-dai-2' }) });
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      const before = await counts(db);
      const r = await fetch(`${base}/api/units/${unitA}/meeting-files`, { method: 'POST', headers: { cookie, 'X-Thuky-Hub': '1' }, body: fileA });
      expect(r.status).toBe(200);
      expect(await r.json()).toMatchObject({ created: false, newEvents: 0 });
      expect(await counts(db)).toEqual(before);
      const province = await fetch(`${base}/api/login`, { method: 'POST', headers: { 'X-Thuky-Hub': '1' }, body: JSON.stringify({ username: 'tinh', password: 'mat-khau-dai-1' }) });
      const notAdmin = province.headers.get('set-cookie')!.split(';')[0]!;
      expect((await fetch(`${base}/api/units/${unitA}/meeting-files`, { method: 'POST', headers: { cookie: notAdmin, 'X-Thuky-Hub': '1' }, body: fileA })).status).toBe(403);
    });

    it('reading needs a session; wrong passwords are rate-limited', async () => {
      expect((await fetch(`${base}/api/register`)).status).toBe(401);
      const attempt = (password: string) =>
        fetch(`${base}/api/login`, { method: 'POST', headers: { 'X-Thuky-Hub': '1' }, body: JSON.stringify({ username: 'tinh', password }) });
      for (let i = 0; i < 5; i++) expect((await attempt('sai-mat-khau')).status).toBe(401);
      const blocked = await attempt('mat-khau-dai-1');
      expect(blocked.status).toBe(429);
      expect(((await blocked.json()) as { message: string }).message).toMatch(/quá nhiều lần/);
    });

    it('keeps the audit log and the history append-only in the database itself', async () => {
      await expect(db.query("UPDATE audit SET actor = 'x'")).rejects.toThrow(/append-only/);
      await expect(db.query('DELETE FROM events')).rejects.toThrow(/append-only/);
    });
  });
}
