// What the meeting-file export writes, part by part, checked against the meeting as the app
// reads it (not against a second import, which would forgive a field both sides drop): keys that
// tie items together, the people's rank, links to deleted recommendations left out, photos stored
// as they are, drafts with their flags, the manifest and the ASCII file name. Written for the
// export's mutants (issue 13).
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportMeetingFile, meetingFileName } from '../../../electron/core/meeting-file/export';
import { MEETING_FILE_FORMAT, MEETING_FILE_VERSION, type MeetingData } from '../../../electron/core/meeting-file/format';
import { APP_VERSION } from '../../../electron/core/version';
import type { MeetingRecord } from '../../../electron/shared/domain';
import { tempCore, type TestCore } from '../../helpers/core';

let core: TestCore;
beforeEach(() => {
  core = tempCore();
});
afterEach(() => core.dispose());

const NOW = new Date('2026-11-28T07:15:00.000Z');

/** The central directory's compression method for each entry name. */
function methods(zip: Uint8Array): Record<string, number> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const out: Record<string, number> = {};
  for (let i = 0; i + 46 <= zip.length; i++) {
    if (view.getUint32(i, true) !== 0x02014b50) continue;
    const nameLen = view.getUint16(i + 28, true);
    out[strFromU8(zip.subarray(i + 46, i + 46 + nameLen))] = view.getUint16(i + 10, true);
  }
  return out;
}

async function exported(id: number) {
  const zip = exportMeetingFile(core.db, id, NOW);
  const files = unzipSync(zip);
  return { zip, files, data: JSON.parse(strFromU8(files['meeting.json']!)) as MeetingData, manifest: JSON.parse(strFromU8(files['manifest.json']!)) as unknown };
}

describe('meeting file export, part by part', () => {
  let rec: MeetingRecord;
  let id: number;
  beforeEach(async () => {
    id = (await core.call('sample.load', { name: 'chi-minh-2025' })).id;
    const first = await core.call('meeting.get', { id });
    // The sample links every speech to the roster and no recommendation: add one of each other kind.
    await core.call('speech.create', { meetingId: id, kind: 'remarks', speakerText: 'Một người dân', summary: 'Góp ý thêm.' });
    await core.call('rec.update', { id: first.recommendations[1]!.id, patch: { raisedByAttendeeId: first.attendees[2]!.id } });
    await core.call('reply.update', { id: first.replies[0]!.id, patch: { recommendationIds: [first.recommendations[2]!.id, first.recommendations[0]!.id] } });
    rec = await core.call('meeting.get', { id });
  });

  it('the sample has what the checks below need (so none of them passes on an empty list)', () => {
    expect(rec.attendees.length).toBeGreaterThanOrEqual(3);
    expect(rec.speeches.some((s) => s.speakerAttendeeId !== null)).toBe(true);
    expect(rec.recommendations.some((r) => r.raisedByAttendeeId !== null)).toBe(true);
    expect(rec.replies.some((r) => r.recommendationIds.length > 0)).toBe(true);
    expect(rec.speeches.some((s) => s.speakerAttendeeId === null)).toBe(true);
    expect(rec.recommendations.some((r) => r.raisedByAttendeeId === null)).toBe(true);
    expect(rec.groups.length).toBeGreaterThan(0);
  });

  it('the manifest: format, version, app version and the export time', async () => {
    const { manifest } = await exported(id);
    expect(manifest).toEqual({ format: MEETING_FILE_FORMAT, version: MEETING_FILE_VERSION, appVersion: APP_VERSION, exportedAt: '2026-11-28T07:15:00.000Z' });
  });

  it('the meeting’s fields are the record’s, every one', async () => {
    await core.call('meeting.update', { id, patch: { headline: 'Tít riêng', purpose: 'Mục đích riêng', byline: 'Phóng viên A', publishedAt: '28/11/2026' } });
    rec = await core.call('meeting.get', { id });
    const { data } = await exported(id);
    const { id: _id, createdAt: _c, updatedAt: _u, ...fields } = rec.meeting as typeof rec.meeting & { createdAt: string; updatedAt: string };
    for (const [k, v] of Object.entries(data.meeting)) expect([k, v]).toEqual([k, (fields as Record<string, unknown>)[k]]);
    expect(data.meeting.headline).toBe('Tít riêng');
    expect(data.meeting.publishedAt).toBe('28/11/2026');
    expect(data.meeting.title).toBe(rec.meeting.title);
  });

  it('attendees get keys a1, a2 … in roster order, with the person’s rank', async () => {
    const people = await core.call('people.directory', {});
    const rankOf = new Map(people.map((p) => [p.id, p.rank]));
    const { data } = await exported(id);
    expect(data.attendees).toEqual(
      rec.attendees.map((a, i) => ({
        key: `a${i + 1}`,
        fullName: a.fullName,
        titles: a.titles,
        organization: a.organization,
        rank: rankOf.get(a.personId),
        role: a.role,
        presence: a.presence,
        reason: a.reason,
      })),
    );
    expect(new Set(data.attendees.map((a) => a.rank)).size).toBeGreaterThan(1);
  });

  it('speeches, recommendations and replies point at those keys; a typed name stays null', async () => {
    const aKey = new Map(rec.attendees.map((a, i) => [a.id, `a${i + 1}`]));
    const rKey = new Map(rec.recommendations.map((r, i) => [r.id, `r${i + 1}`]));
    const ref = (x: number | null) => (x === null ? null : aKey.get(x));
    const { data } = await exported(id);
    expect(data.groups).toEqual(rec.groups.map((g) => ({ text: g.text, role: g.role })));
    expect(data.speeches).toEqual(rec.speeches.map((s) => ({ kind: s.kind, speaker: ref(s.speakerAttendeeId), speakerText: s.speakerText, summary: s.summary, directions: s.directions, at: s.at, seq: s.seq })));
    expect(data.recommendations).toEqual(
      rec.recommendations.map((r) => ({
        key: rKey.get(r.id),
        phase: r.phase,
        raisedBy: ref(r.raisedByAttendeeId),
        raisedByText: r.raisedByText,
        unit: r.unit,
        topic: r.topic,
        content: r.content,
        shortPhrase: r.shortPhrase,
        inArticle: r.inArticle,
        raisedAt: r.raisedAt,
        seq: r.seq,
      })),
    );
    expect(data.replies).toEqual(
      rec.replies.map((r) => ({
        responder: ref(r.responderAttendeeId),
        responderText: r.responderText,
        content: r.content,
        repliedAt: r.repliedAt,
        kind: r.kind,
        agency: r.agency,
        deadline: r.deadline,
        recommendations: r.recommendationIds.map((x) => rKey.get(x)),
        seq: r.seq,
      })),
    );
    expect(data.speeches.some((s) => s.speaker === null)).toBe(true);
    expect(data.speeches.some((s) => s.speaker !== null)).toBe(true);
  });

  it('a link to a deleted recommendation is left out, the others kept', async () => {
    const reply = rec.replies.find((r) => r.recommendationIds.length >= 1)!;
    const extra = await core.call('rec.create', { meetingId: id, phase: 'during', content: 'Kiến nghị sẽ bị xóa.' });
    await core.call('reply.update', { id: reply.id, patch: { recommendationIds: [...reply.recommendationIds, extra.id] } });
    await core.call('rec.remove', { id: extra.id });
    const after = await core.call('meeting.get', { id });
    const { data } = await exported(id);
    const rKey = new Map(after.recommendations.map((r, i) => [r.id, `r${i + 1}`]));
    const i = after.replies.findIndex((r) => r.id === reply.id);
    expect(data.replies[i]!.recommendations).toEqual(reply.recommendationIds.map((x) => rKey.get(x)));
    expect(data.replies[i]!.recommendations.length).toBe(reply.recommendationIds.length);
  });

  it('photos are photos/1.jpg, 2 … with the stored bytes, stored uncompressed; the JSON is compressed', async () => {
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==', 'base64');
    for (const caption of ['Ảnh một', 'Ảnh hai'])
      await core.call('photo.add', { meetingId: id, fileName: 'a.png', dataBase64: png.toString('base64'), caption, event: 'during' } as never);
    rec = await core.call('meeting.get', { id });
    const { zip, files, data } = await exported(id);
    expect(data.photos).toEqual(rec.photos.map((p, i) => ({ file: `photos/${i + 1}.jpg`, caption: p.caption, event: p.event, inArticle: p.inArticle })));
    expect(data.photos.length).toBeGreaterThanOrEqual(2);
    rec.photos.forEach((p, i) => {
      const stored = (core.db.prepare('SELECT data FROM photos WHERE id = ?').get(p.id) as { data: Buffer }).data;
      expect(Buffer.from(files[`photos/${i + 1}.jpg`]!).equals(stored)).toBe(true);
    });
    const m = methods(zip);
    expect(m['photos/1.jpg']).toBe(0);
    expect(m['meeting.json']).toBe(8);
    expect(m['manifest.json']).toBe(8);
  });

  it('drafts carry their kind, content, options, edited flag and times', async () => {
    await core.call('doc.generate', { meetingId: id, kind: 'summary' });
    await core.call('doc.generate', { meetingId: id, kind: 'article' });
    await core.call('doc.save', { meetingId: id, kind: 'article', blocks: [{ type: 'paragraph', text: 'Sửa tay.' }] });
    const rows = core.db.prepare('SELECT kind, blocks_json, options_json, edited, generated_at, updated_at FROM documents WHERE meeting_id = ? ORDER BY kind').all(id) as {
      kind: string;
      blocks_json: string;
      options_json: string;
      edited: number;
      generated_at: string;
      updated_at: string;
    }[];
    const { data } = await exported(id);
    expect([...data.documents].sort((a, b) => a.kind.localeCompare(b.kind))).toEqual(
      rows.map((r) => ({ kind: r.kind, blocksJson: r.blocks_json, optionsJson: r.options_json, edited: r.edited === 1, generatedAt: r.generated_at, updatedAt: r.updated_at })),
    );
    expect(data.documents.find((d) => d.kind === 'article')!.edited).toBe(true);
    expect(data.documents.find((d) => d.kind === 'summary')!.edited).toBe(false);
  });
});

describe('the file name', () => {
  it('ASCII only: marks and đ/Đ dropped, other characters a single hyphen, none at the ends', () => {
    expect(meetingFileName('Hội nghị đối thoại – Đoàn Thanh niên!', '2025-03-26')).toBe('Hoi-nghi-doi-thoai-Doan-Thanh-nien-2025-03-26.thukyhn');
    expect(meetingFileName('  «Đà Nẵng»  ', null)).toBe('Da-Nang.thukyhn');
    expect(meetingFileName('--Phường 10--', null)).toBe('Phuong-10.thukyhn');
  });

  it('at most 60 characters before the date, and a name when nothing is left', () => {
    const long = 'Hội nghị tiếp xúc cử tri của Đại biểu Quốc hội với cử tri phường Bến Nghé quận Một';
    const name = meetingFileName(long, '2024-01-02');
    expect(name).toBe(`${'Hoi-nghi-tiep-xuc-cu-tri-cua-Dai-bieu-Quoc-hoi-voi-cu-tri-ph'}-2024-01-02.thukyhn`);
    expect(meetingFileName('', '2024-01-02')).toBe('Hoi-nghi-2024-01-02.thukyhn');
    expect(meetingFileName('«»', null)).toBe('Hoi-nghi.thukyhn');
  });
});
