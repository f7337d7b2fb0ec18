// The draft flow through the real core: generate, edit, keep the edits, say when the data
// changed, regenerate on request, and export (the .docx on the worker thread).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/app';
import type { Channel, ChannelInput, ChannelOutput } from '../../../electron/shared/contract';
import { exportDocument } from '../../../electron/cli/export-docs';
import { stopRenderWorker } from '../../../electron/core/documents/render-worker';
import { unpack } from './helpers';

let dir: string;
let core: Core;
let clock = Date.parse('2024-05-01T08:00:00Z');

async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const r = await core.registry.dispatch(channel, input);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as ChannelOutput<C>;
}
async function fails<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<string> {
  const r = await core.registry.dispatch(channel, input);
  if (r.ok) throw new Error('expected a failure');
  return r.error.message;
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'docs-drafts-'));
  core = createCore({ dataDir: dir, mode: 'cli', now: () => new Date((clock += 1000)) });
});
afterAll(async () => {
  core.close();
  await stopRenderWorker();
  rmSync(dir, { recursive: true, force: true });
});

describe('document drafts', () => {
  it('generates, keeps edits, flags stale data and regenerates only when asked', async () => {
    await call('profile.save', {
      issuingBody: 'UBND QUẬN BẮC TỪ LIÊM', parentBody: '', isParty: false, docCode: 'BB-UBND', placeName: 'Bắc Từ Liêm',
      byline: 'Hội Liên hiệp phụ nữ quận Bắc Từ Liêm', secretaryName: 'Nguyễn Thị Lan', style: { padCounts: true, placeDateLine: true, chairLabel: 'CHỦ TRÌ' },
    });
    const m = await call('meeting.create', { fields: { title: 'Hội nghị đối thoại với cán bộ, hội viên phụ nữ', organizer: 'Quận Bắc Từ Liêm', audience: 'cán bộ, hội viên phụ nữ Quận', date: '2019-10-18', startTime: '14:00' } });
    await call('rec.create', { meetingId: m.id, phase: 'during', raisedByText: 'cán bộ, hội viên phụ nữ', content: 'Xử lý ô nhiễm sông Pheo', shortPhrase: 'xử lý vấn đề ô nhiễm nguồn nước sông Pheo', inArticle: true });

    expect(await call('doc.get', { meetingId: m.id, kind: 'article' })).toBeNull();
    const first = await call('doc.generate', { meetingId: m.id, kind: 'article' });
    expect(first.edited).toBe(false);
    expect(first.stale).toBe(false);
    expect(JSON.stringify(first.blocks)).toContain('Chiều ngày 18/10/2019');
    expect(JSON.stringify(first.blocks)).toContain('01 ý kiến, kiến nghị');

    const edited = [...first.blocks, { type: 'paragraph' as const, text: 'Đoạn thư ký tự viết thêm.' }];
    const saved = await call('doc.save', { meetingId: m.id, kind: 'article', blocks: edited });
    expect(saved.edited).toBe(true);

    // The data changes after the draft: the draft says so, and keeps the edits.
    await call('rec.create', { meetingId: m.id, phase: 'during', raisedByText: 'hội viên', content: 'Hỗ trợ phụ nữ khởi nghiệp', shortPhrase: 'hỗ trợ phụ nữ khởi nghiệp', inArticle: true });
    const stale = (await call('doc.get', { meetingId: m.id, kind: 'article' }))!;
    expect(stale.stale).toBe(true);
    expect(stale.blocks.at(-1)).toEqual({ type: 'paragraph', text: 'Đoạn thư ký tự viết thêm.' });

    // "Keep": generating without replace returns the edited draft unchanged.
    const kept = await call('doc.generate', { meetingId: m.id, kind: 'article' });
    expect(kept.edited).toBe(true);
    expect(kept.stale).toBe(true);
    expect(kept.blocks).toEqual(stale.blocks);

    // "Replace": a fresh draft from the current data, with the new options remembered.
    const fresh = await call('doc.generate', { meetingId: m.id, kind: 'article', replace: true, options: { article: { legalBasis: 'Thực hiện Kế hoạch số 15-KH/QU' } } });
    expect(fresh.edited).toBe(false);
    expect(fresh.stale).toBe(false);
    expect(JSON.stringify(fresh.blocks)).toContain('02 ý kiến, kiến nghị');
    expect(JSON.stringify(fresh.blocks)).toContain('Thực hiện Kế hoạch số 15-KH/QU, chiều ngày 18/10/2019');
    expect(fresh.options.article?.legalBasis).toBe('Thực hiện Kế hoạch số 15-KH/QU');

    // An unedited draft follows the data by itself.
    await call('meeting.update', { id: m.id, patch: { startTime: '08:00' } });
    const followed = await call('doc.generate', { meetingId: m.id, kind: 'article' });
    expect(JSON.stringify(followed.blocks)).toContain('Thực hiện Kế hoạch số 15-KH/QU, sáng ngày 18/10/2019');

    // Exports.
    const docx = await call('doc.export', { meetingId: m.id, kind: 'minutes', format: 'docx' });
    expect(docx.fileName).toBe('Bien-ban-2019-10-18.docx');
    expect(unpack(Buffer.from(docx.dataBase64, 'base64')).xml('word/document.xml')).toContain('BIÊN BẢN');
    const html = await call('doc.export', { meetingId: m.id, kind: 'article', format: 'html' });
    expect(html.fileName).toBe('Tin-bai-2019-10-18.html');
    expect(Buffer.from(html.dataBase64, 'base64').toString('utf8')).toContain('<p>Thực hiện Kế hoạch số 15-KH/QU');
    const text = await call('doc.export', { meetingId: m.id, kind: 'article', format: 'text' });
    expect(Buffer.from(text.dataBase64, 'base64').toString('utf8')).toContain('sông Pheo');
    expect(await fails('doc.export', { meetingId: m.id, kind: 'minutes', format: 'html' })).toMatch(/Chỉ tin bài/);
    const summary = await call('doc.export', { meetingId: m.id, kind: 'summary', format: 'docx' });
    expect(summary.fileName).toBe('Tong-hop-kien-nghi-2019-10-18.docx');

    // The CLI path writes the same files.
    const out = path.join(dir, 'tin-bai.txt');
    await exportDocument(core, m.id, 'article-text', out);
    expect(readFileSync(out, 'utf8')).toContain('Thực hiện Kế hoạch số 15-KH/QU');
  }, 60_000);

  it('refuses to save an edit before a draft exists', async () => {
    const m = await call('meeting.create', { fields: { title: 'Hội nghị khác' } });
    expect(await fails('doc.save', { meetingId: m.id, kind: 'minutes', blocks: [] })).toMatch(/Chưa có bản nháp/);
  });
});
