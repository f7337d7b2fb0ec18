import { strToU8, strFromU8, unzipSync, zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { tempCore, SAMPLE_PATH, type TestCore } from '../../helpers/core';
import { fingerprint } from '../../helpers/fingerprint';
import { meetingWithRecs, recUid, registerView } from './helpers';

const cores: TestCore[] = [];
const laptop = (): TestCore => {
  const c = tempCore();
  cores.push(c);
  return c;
};
afterEach(() => {
  for (const c of cores.splice(0)) c.dispose();
});

type File = { fileName: string; dataBase64: string };
const exportFile = (core: TestCore, id: number): Promise<File> => core.call('meetingFile.export', { id });
const importFile = (core: TestCore, f: File) => core.call('meetingFile.import', f);
const eventCount = (core: TestCore) => (core.db.prepare('SELECT count(*) AS n FROM followup_events').get() as { n: number }).n;
const pdf = Buffer.from('%PDF-1.4\n% Công văn trả lời số 123/UBND-KT\n%%EOF\n');

/** The office (A) sends the meeting to the ward (B); both then work on the same kiến nghị. */
async function twoLaptops() {
  const a = laptop();
  const built = await meetingWithRecs(a, '2025-10-10', 3);
  await a.call('reply.create', { meetingId: built.meetingId, kind: 'written_later', agency: 'UBND phường', deadline: '2025-11-15', recommendationIds: [built.recIds[1]!] });
  const f0 = await exportFile(a, built.meetingId);
  const b = laptop();
  const mb = await importFile(b, f0);
  const [u1, u2, u3] = built.recIds.map((id) => recUid(a, id)) as [string, string, string];
  // The same kiến nghị have the same uids on both laptops.
  expect((b.db.prepare('SELECT uid FROM recommendations ORDER BY id').all() as { uid: string }[]).map((r) => r.uid)).toEqual([u1, u2, u3]);
  // Both change the status of the first from the same state: a conflict.
  await a.call('register.change', { uid: u1, status: 'in_progress', note: 'Phòng đang kiểm tra' });
  await b.call('register.change', { uid: u1, status: 'resolved', note: 'Phường đã xử lý xong' });
  // The ward attaches the written answer to the second; the office assigns the third.
  await b.call('register.change', { uid: u2, status: 'resolved', document: { number: '123/UBND-KT', date: '2025-11-10', file: { fileName: 'cong-van-123.pdf', dataBase64: pdf.toString('base64') } } });
  await a.call('register.change', { uid: u3, agency: 'Phòng Kinh tế, Hạ tầng và Đô thị', deadline: '2025-12-01' });
  await b.call('notice.saveTasks', { meetingId: mb.id, tasks: [{ content: 'Báo cáo kết quả xử lý điểm rác', agency: 'UBND phường', deadline: '2025-12-20' }] });
  return { a, b, meetingA: built.meetingId, meetingB: mb.id, u1, u2, u3, f0 };
}

describe('merging two laptops’ follow-up', () => {
  it('gives the same register on both sides, keeps the conflict as two entries, and never duplicates', async () => {
    const { a, b, meetingA, meetingB, u1, u2 } = await twoLaptops();
    const fa = await exportFile(a, meetingA);
    const fb = await exportFile(b, meetingB);
    const ma = await importFile(a, fb);
    const mb = await importFile(b, fa);
    // Merged into the meeting already there, not a copy.
    expect(ma.id).toBe(meetingA);
    expect(mb.id).toBe(meetingB);
    expect(await a.call('meeting.list', {})).toHaveLength(1);
    const va = await registerView(a);
    const vb = await registerView(b);
    expect(va).toEqual(vb);
    expect(va).toHaveLength(4);
    const first = va.find((i) => i.uid === u1)!;
    expect(first.conflict).toBe(true);
    expect(first.history.filter((e) => e.field === 'status').map((e) => [e.value, e.conflict]).sort()).toEqual([
      ['in_progress', true],
      ['resolved', true],
    ]);
    const second = va.find((i) => i.uid === u2)!;
    expect(second).toMatchObject({ status: 'resolved', document: { number: '123/UBND-KT', date: '2025-11-10', fileName: 'cong-van-123.pdf' } });
    // The file came across by hash and reads back byte for byte.
    const onA = (await a.call('register.query', { meetingId: meetingA })).items.find((i) => i.uid === u2)!;
    const file = await a.call('register.file', { fileId: onA.document!.fileId! });
    expect(Buffer.from(file.dataBase64, 'base64').equals(pdf)).toBe(true);
    expect(file.mime).toBe('application/pdf');
    // Importing the same files again adds nothing.
    const before = [eventCount(a), eventCount(b)];
    await importFile(a, fb);
    await importFile(b, fa);
    await importFile(a, await exportFile(b, meetingB));
    expect([eventCount(a), eventCount(b)]).toEqual(before);
    expect(await registerView(a)).toEqual(va);
    expect((a.db.prepare('SELECT count(*) AS n FROM followup_files').get() as { n: number }).n).toBe(1);
    // A new change on either side resolves the conflict for both once merged.
    const fixed = await a.call('register.change', { uid: u1, status: 'resolved', note: 'Thống nhất: đã xử lý xong' });
    expect(fixed.item.conflict).toBe(false);
    await importFile(b, await exportFile(a, meetingA));
    expect(await registerView(b)).toEqual(await registerView(a));
    // The merge is said in the meeting's log.
    const log = await a.call('audit.list', { meetingId: meetingA });
    expect(log.find((e) => e.action === 'merge')?.detail).toMatch(/Đã gộp phần theo dõi kiến nghị: \d+ thay đổi mới/);
  });

  it('merging the two files in either order into a third laptop gives the same register', async () => {
    const { a, b, meetingA, meetingB } = await twoLaptops();
    const fa = await exportFile(a, meetingA);
    const fb = await exportFile(b, meetingB);
    const c = laptop();
    await importFile(c, fa);
    await importFile(c, fb);
    const d = laptop();
    await importFile(d, fb);
    await importFile(d, fa);
    expect(await c.call('meeting.list', {})).toHaveLength(1);
    expect(await d.call('meeting.list', {})).toHaveLength(1);
    const vc = await registerView(c);
    expect(await registerView(d)).toEqual(vc);
    // …and the same as the laptops themselves once they exchanged files.
    await importFile(a, fb);
    expect(await registerView(a)).toEqual(vc);
  });

  it('keeps the meeting’s own record as it is here', async () => {
    const { a, b, meetingA, meetingB } = await twoLaptops();
    await b.call('meeting.update', { id: meetingB, patch: { title: 'Tên do phường sửa' } });
    const rec = (await b.call('meeting.get', { id: meetingB })).recommendations[0]!;
    await b.call('rec.update', { id: rec.id, patch: { content: 'Nội dung do phường sửa' } });
    await importFile(a, await exportFile(b, meetingB));
    const ra = await a.call('meeting.get', { id: meetingA });
    expect(ra.meeting.title).toBe('Hội nghị đối thoại ngày 2025-10-10');
    expect(ra.recommendations[0]!.content).toMatch(/^Kiến nghị số 1/);
  });

  it('a file without follow-up data imports as a copy, as before', async () => {
    const a = laptop();
    const { meetingId } = await meetingWithRecs(a, '2025-10-10', 2);
    const f = await exportFile(a, meetingId);
    const copy = await importFile(a, f);
    expect(copy.id).not.toBe(meetingId);
    const uids = a.db.prepare('SELECT uid FROM meetings').all() as { uid: string }[];
    expect(new Set(uids.map((u) => u.uid)).size).toBe(2);
    expect((await a.call('register.query', {})).total).toBe(4);
  });

  it('refuses to merge into a meeting in the trash, writing nothing', async () => {
    const { a, b, meetingA, meetingB } = await twoLaptops();
    const fb = await exportFile(b, meetingB);
    await a.call('meeting.remove', { id: meetingA });
    await a.call('register.query', {});
    const before = fingerprint(a.db);
    const r = await a.registry.dispatch('meetingFile.import', fb);
    expect(!r.ok && r.error.message).toMatch(/thùng rác/);
    expect(fingerprint(a.db)).toBe(before);
  });

  it('an old file (format 1, no follow-up part) still imports, and its kiến nghị enter the register', async () => {
    const a = laptop();
    const m = await importFile(a, { fileName: 'old.thukyhn', dataBase64: readFileSync(SAMPLE_PATH).toString('base64') });
    const page = await a.call('register.query', { meetingId: m.id });
    expect(page.total).toBe((await a.call('meeting.get', { id: m.id })).recommendations.length);
    expect(page.total).toBeGreaterThan(0);
  });
});

describe('a hostile or broken follow-up part', () => {
  type Part = { meetingUid: string; recommendations: { key: string; uid: string }[]; statuses: unknown[]; tasks: { uid: string }[]; events: Record<string, unknown>[]; files: { sha256: string; fileName: string }[]; version: number };
  function mutate(f: File, change: (part: Part, entries: Record<string, Uint8Array>) => void): File {
    const entries = unzipSync(Buffer.from(f.dataBase64, 'base64'));
    const data = JSON.parse(strFromU8(entries['meeting.json']!)) as { followup: Part };
    change(data.followup, entries);
    entries['meeting.json'] = strToU8(JSON.stringify(data));
    return { fileName: 'x.thukyhn', dataBase64: Buffer.from(zipSync(entries)).toString('base64') };
  }
  const cases: [string, (p: Part, e: Record<string, Uint8Array>) => void, RegExp][] = [
    ['an event of an item the file does not carry', (p) => (p.events[0]!.itemUid = '0badc0de-0000-4000-8000-000000000000'), /không có trong tệp/],
    ['two events with one uid', (p) => p.events.push({ ...p.events[0]! }), /bị lặp/],
    ['a parent from another field', (p) => {
      const status = p.events.find((e) => e.field === 'status')!;
      const other = p.events.find((e) => e.field !== 'status' && e.itemUid !== status.itemUid)!;
      other.parentUid = status.uid;
    }, /thay đổi trước không hợp lệ/],
    ['a status the file does not define', (p) => (p.events.find((e) => e.field === 'status')!.value = 'xoa_het'), /trạng thái "xoa_het"/],
    ['an impossible deadline', (p) => (p.events.find((e) => e.field === 'deadline')!.value = '2025-02-30'), /ngày có thật/],
    ['a document that is not JSON of a document', (p) => (p.events.find((e) => e.field === 'document')!.value = '{"number": 5}'), /văn bản trả lời không đúng cấu trúc/],
    ['an answer file whose bytes do not match its hash', (p, e) => (e[`followup/${p.files[0]!.sha256}.bin`] = strToU8('tampered')), /mã băm không khớp/],
    ['a missing answer file', (p, e) => delete e[`followup/${p.files[0]!.sha256}.bin`], /thiếu tệp văn bản trả lời/],
    ['a recommendation key the file lacks', (p) => (p.recommendations[0]!.key = 'r999'), /kiến nghị "r999" không có/],
    ['a part of a newer version', (p) => (p.version = 2), /phiên bản khác/],
    ['an instant in another format', (p) => (p.events[0]!.at = '2025-10-10 10:00'), /Thời điểm không hợp lệ/],
    ['a task that reuses a kiến nghị uid', (p) => (p.tasks[0]!.uid = p.recommendations[0]!.uid), /nhiệm vụ bị lặp/],
  ];
  it.each(cases)('refuses %s, writing nothing, on a fresh laptop and on the laptop that merges', async (_name, change, message) => {
    const { a, b, meetingB } = await twoLaptops();
    const bad = mutate(await exportFile(b, meetingB), change);
    const c = laptop();
    await meetingWithRecs(c, '2025-09-01', 1);
    for (const target of [a, c]) {
      await target.call('register.query', {});
      const before = fingerprint(target.db);
      const r = await target.registry.dispatch('meetingFile.import', bad);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.error.code).toBe('meeting_file_invalid');
      expect(!r.ok && r.error.message).toMatch(message);
      expect(fingerprint(target.db)).toBe(before);
    }
  });
});
