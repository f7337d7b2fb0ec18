// Chốt biên bản and the minutes: the exported file says which revision it is. Revision 1 (as
// first finalised) prints no line; an unlock followed by an edit of the minutes themselves
// raises it to 2, which the .docx prints under the number and keeps in its properties, and the
// secretary's own edit does not make the draft look "stale".
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/app';
import type { Channel, ChannelInput, ChannelOutput } from '../../../electron/shared/contract';
import { stopRenderWorker } from '../../../electron/core/documents/render-worker';
import { revisionLine } from '../../../electron/core/documents/docx-minutes';
import { paragraphOf, runOf, sizeOf, isItalic, tables, unpack } from './helpers';

let dir: string;
let core: Core;
let clock = Date.parse('2024-05-01T08:00:00Z');

async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const r = await core.registry.dispatch(channel, input);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as ChannelOutput<C>;
}
async function failure<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<string> {
  const r = await core.registry.dispatch(channel, input);
  if (r.ok) throw new Error('expected a failure');
  return r.error.code;
}
async function minutesXml(meetingId: number): Promise<{ doc: string; core: string }> {
  const d = await call('doc.export', { meetingId, kind: 'minutes', format: 'docx' });
  const parts = unpack(Buffer.from(d.dataBase64, 'base64'));
  return { doc: parts.xml('word/document.xml'), core: parts.xml('docProps/core.xml') };
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'docs-revision-'));
  core = createCore({ dataDir: dir, mode: 'cli', now: () => new Date((clock += 1000)) });
});
afterAll(async () => {
  core.close();
  await stopRenderWorker();
  rmSync(dir, { recursive: true, force: true });
});

describe('revision on the exported minutes', () => {
  it('only from revision 2', () => {
    expect(revisionLine(0)).toBeNull();
    expect(revisionLine(1)).toBeNull();
    expect(revisionLine(2)).toBe('Lần sửa đổi: 2');
    expect(revisionLine(12)).toBe('Lần sửa đổi: 12');
  });

  it('lock → no line; unlock with a reason, edit the minutes → "Lần sửa đổi: 2" under the number, not stale', async () => {
    await call('profile.save', {
      issuingBody: 'UBND QUẬN BẮC TỪ LIÊM', parentBody: '', isParty: false, docCode: 'BB-UBND', placeName: 'Bắc Từ Liêm',
      byline: '', secretaryName: 'Nguyễn Thị Lan', style: { padCounts: true, placeDateLine: true, chairLabel: 'CHỦ TRÌ' },
    });
    const m = await call('meeting.create', { fields: { title: 'Hội nghị đối thoại', date: '2019-10-18', startTime: '14:00', docNumber: 5 } });
    const draft = await call('doc.generate', { meetingId: m.id, kind: 'minutes' });

    // Before any lock: no revision anywhere.
    let x = await minutesXml(m.id);
    expect(x.doc).not.toContain('Lần sửa đổi');

    // Chốt biên bản: revision 1, still no visible line, but the file's properties say 1.
    expect((await call('meeting.finalize', { id: m.id })).revision).toBe(1);
    x = await minutesXml(m.id);
    expect(x.doc).not.toContain('Lần sửa đổi');
    expect(x.doc).not.toContain('chỉnh sửa');
    expect(x.core).toContain('<cp:revision>1</cp:revision>');

    // Locked: the minutes' text cannot change.
    const edited = draft.blocks.map((b, i) => (i === 1 && b.type === 'paragraph' ? { ...b, text: `${b.text} Bổ sung sau khi mở khóa.` } : b));
    expect(await failure('doc.save', { meetingId: m.id, kind: 'minutes', blocks: edited })).toBe('locked');

    // Unlock, then edit only the minutes: that is a change, so revision 2.
    await call('meeting.unlock', { id: m.id, reason: 'Sửa lỗi chính tả trong biên bản' });
    const saved = await call('doc.save', { meetingId: m.id, kind: 'minutes', blocks: edited });
    expect(saved.stale).toBe(false);
    expect((await call('meeting.get', { id: m.id })).meeting.revision).toBe(2);
    // Several keystroke saves after one unlock are one revision, not one each.
    await call('doc.save', { meetingId: m.id, kind: 'minutes', blocks: edited });
    expect((await call('meeting.get', { id: m.id })).meeting.revision).toBe(2);
    expect((await call('doc.get', { meetingId: m.id, kind: 'minutes' }))!.stale).toBe(false);

    x = await minutesXml(m.id);
    const header = tables(x.doc)[0];
    const line = runOf(header, 'Lần sửa đổi: 2');
    expect(line, 'the revision sits in the header table, with the number').not.toBeNull();
    expect(sizeOf(line!)).toBe(12);
    expect(isItalic(line!)).toBe(true);
    // Right after the number line.
    expect(header.indexOf('Lần sửa đổi: 2')).toBeGreaterThan(header.indexOf('Số: 05/BB-UBND'));
    // In the number's own cell (left column), not beside it.
    const numberCell = (header.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []).find((c) => c.includes('Số: 05/BB-UBND'))!;
    expect(numberCell).toContain('Lần sửa đổi: 2');
    expect(paragraphOf(x.doc, 'Bổ sung sau khi mở khóa.')).not.toBeNull();
    expect(x.core).toContain('<cp:revision>2</cp:revision>');

    // The article's draft is editable while locked and never raises the revision.
    await call('meeting.finalize', { id: m.id });
    const art = await call('doc.generate', { meetingId: m.id, kind: 'article' });
    await call('doc.save', { meetingId: m.id, kind: 'article', blocks: art.blocks });
    expect((await call('meeting.get', { id: m.id })).meeting.revision).toBe(2);
  }, 60_000);
});
