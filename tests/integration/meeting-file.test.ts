import { readFileSync } from 'node:fs';
import { strToU8, zipSync, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempCore, SAMPLE_PATH, type TestCore } from '../helpers/core';
import { fingerprint } from '../helpers/fingerprint';
import { LIMITS } from '../../electron/shared/limits';

let core: TestCore;
beforeEach(() => {
  core = tempCore();
});
afterEach(() => core.dispose());

const sample = (): Buffer => readFileSync(SAMPLE_PATH);
const importBytes = (bytes: Uint8Array, fileName = 'x.thukyhn') => core.registry.dispatch('meetingFile.import', { fileName, dataBase64: Buffer.from(bytes).toString('base64') });

/** What a meeting holds, without the ids and timestamps that differ between two databases. */
async function content(id: number) {
  const r = await core.call('meeting.get', { id });
  const aName = new Map(r.attendees.map((a) => [a.id, a.fullName]));
  const recIdx = new Map(r.recommendations.map((x, i) => [x.id, i]));
  return {
    meeting: { ...r.meeting, id: 0, createdAt: '', updatedAt: '' },
    attendees: r.attendees.map(({ id: _i, meetingId: _m, personId: _p, ...a }) => a),
    groups: r.groups.map(({ text, role, sortOrder }) => ({ text, role, sortOrder })),
    speeches: r.speeches.map(({ id: _i, meetingId: _m, speakerAttendeeId, ...s }) => ({ ...s, speaker: speakerAttendeeId ? aName.get(speakerAttendeeId) : null })),
    recommendations: r.recommendations.map(({ id: _i, meetingId: _m, raisedByAttendeeId, ...x }) => ({ ...x, by: raisedByAttendeeId ? aName.get(raisedByAttendeeId) : null })),
    replies: r.replies.map(({ id: _i, meetingId: _m, recommendationIds, responderAttendeeId, ...x }) => ({
      ...x,
      responder: responderAttendeeId ? aName.get(responderAttendeeId) : null,
      recs: recommendationIds.map((rid) => recIdx.get(rid)),
    })),
    photos: r.photos.map(({ caption, event, width, height, inArticle }) => ({ caption, event, width, height, inArticle })),
  };
}

function photoData(meetingId: number): string[] {
  return (core.db.prepare('SELECT hex(data) AS h FROM photos WHERE meeting_id = ? ORDER BY sort_order').all(meetingId) as { h: string }[]).map((r) => r.h);
}

function rezip(mutate: (files: Record<string, Uint8Array>) => void): Uint8Array {
  const files = unzipSync(sample());
  mutate(files);
  return zipSync(files);
}

/** Rewrites every central-directory entry's uncompressed size to ~4 GB. */
function lieAboutSize(zip: Uint8Array): Uint8Array {
  const out = new Uint8Array(zip);
  const view = new DataView(out.buffer);
  for (let i = 0; i + 46 <= out.length; i++) if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 0xfffffff0, true);
  return out;
}

describe('meeting file', () => {
  it('round-trips a whole meeting, photos included', async () => {
    const first = await importBytes(sample());
    expect(first.ok).toBe(true);
    const id1 = (first as { value: { id: number } }).value.id;
    const exported = await core.call('meetingFile.export', { id: id1 });
    expect(exported.fileName).toMatch(/^Hoi-nghi-doi-thoai.*-2019-10-18\.thukyhn$/);
    const second = await importBytes(Buffer.from(exported.dataBase64, 'base64'));
    expect(second.ok).toBe(true);
    const id2 = (second as { value: { id: number } }).value.id;
    expect(id2).not.toBe(id1);
    expect(await content(id2)).toEqual(await content(id1));
    // Imported photos are re-encoded (no polyglot or GPS survives), so equal size, not equal bytes.
    expect(photoData(id2).map((h) => h.slice(0, 6))).toEqual(photoData(id1).map(() => 'FFD8FF'));
    expect(photoData(id1)).toHaveLength(2);
    const c = await content(id1);
    expect(c.recommendations.filter((r) => r.phase === 'before')).toHaveLength(8);
    expect(c.recommendations.filter((r) => r.phase === 'during')).toHaveLength(8);
    // People are reused from the directory, not duplicated, on a second import.
    expect((core.db.prepare("SELECT count(*) AS n FROM people WHERE full_name = 'Trương Quang Thiều'").get() as { n: number }).n).toBe(1);
  });

  const bad: [string, () => Uint8Array, RegExp][] = [
    ['an empty file', () => new Uint8Array(), /tệp trống/],
    ['a file that is not an archive', () => strToU8('Biên bản hội nghị, không phải tệp zip'), /không phải tệp hội nghị/],
    ['a PDF renamed .thukyhn', () => strToU8('%PDF-1.7\n1 0 obj'), /không phải tệp hội nghị/],
    ['a truncated file', () => sample().subarray(0, Math.floor(sample().length / 2)), /cắt cụt hoặc hỏng/],
    ['a wrong format tag', () => rezip((f) => void (f['manifest.json'] = strToU8(JSON.stringify({ format: 'khac', version: 1, appVersion: '1', exportedAt: '' })))), /không phải tệp hội nghị/],
    ['a newer version', () => rezip((f) => void (f['manifest.json'] = strToU8(JSON.stringify({ format: 'thuky-hoi-nghi/meeting', version: 99, appVersion: '9.0.0', exportedAt: '' })))), /phiên bản mới hơn/],
    ['a missing meeting.json', () => rezip((f) => void delete f['meeting.json']), /thiếu phần meeting\.json/],
    ['broken JSON', () => rezip((f) => void (f['meeting.json'] = strToU8('{"meeting": '))), /bị hỏng/],
    [
      'missing fields',
      () =>
        rezip((f) => {
          const d = JSON.parse(new TextDecoder().decode(f['meeting.json'])) as { meeting: Record<string, unknown> };
          delete d.meeting.title;
          f['meeting.json'] = strToU8(JSON.stringify(d));
        }),
      /meeting\.title/,
    ],
    [
      'wrong types',
      () =>
        rezip((f) => {
          const d = JSON.parse(new TextDecoder().decode(f['meeting.json'])) as { attendees: { rank: unknown }[] };
          d.attendees[0].rank = 'một';
          f['meeting.json'] = strToU8(JSON.stringify(d));
        }),
      /attendees\.0\.rank/,
    ],
    [
      'an impossible date',
      () =>
        rezip((f) => {
          const d = JSON.parse(new TextDecoder().decode(f['meeting.json'])) as { meeting: { date: string } };
          d.meeting.date = '2019-02-31';
          f['meeting.json'] = strToU8(JSON.stringify(d));
        }),
      /Ngày họp không có thật/,
    ],
    [
      'a dangling reference',
      () =>
        rezip((f) => {
          const d = JSON.parse(new TextDecoder().decode(f['meeting.json'])) as { replies: { recommendations: string[] }[] };
          d.replies[0].recommendations.push('r999');
          f['meeting.json'] = strToU8(JSON.stringify(d));
        }),
      /kiến nghị không có/,
    ],
    ['a photo that is not an image', () => rezip((f) => void (f['photos/1.jpg'] = strToU8('<html>not a photo</html>'))), /không phải là ảnh/],
    ['a missing photo', () => rezip((f) => void delete f['photos/2.jpg']), /thiếu ảnh photos\/2\.jpg/],
    ['a zip-slip path', () => rezip((f) => void (f['../../evil.sh'] = strToU8('rm -rf /'))), /đường dẫn không an toàn/],
    ['an absolute path', () => rezip((f) => void (f['/etc/passwd'] = strToU8('x'))), /đường dẫn không an toàn/],
    ['a zip bomb (64 MB of zeros)', () => rezip((f) => void (f['bomb.json'] = new Uint8Array(64 * 1024 * 1024))), /zip bomb/],
    ['an entry whose header claims 4 GB', () => lieAboutSize(rezip(() => {})), /zip bomb/],
  ];

  for (const [name, make, msg] of bad) {
    it(`refuses ${name}, leaving the database unchanged`, async () => {
      await importBytes(sample());
      const before = fingerprint(core.db);
      const r = await importBytes(make());
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(msg);
      if (!r.ok) expect(r.error.message).toMatch(/không bị thay đổi/);
      expect(fingerprint(core.db)).toBe(before);
    });
  }

  it('refuses a file over the size limit before reading it', async () => {
    const before = fingerprint(core.db);
    // Just over the limit in base64 (the real limit is checked again on the decoded bytes).
    const r = await core.registry.dispatch('meetingFile.import', { fileName: 'to.thukyhn', dataBase64: 'A'.repeat(Math.ceil((LIMITS.meetingFileBytes * 4) / 3) + 8) });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/quá lớn/);
    expect(fingerprint(core.db)).toBe(before);
  });
});
