// Each check of a meeting file on import, and the export's drafts, tested on its own: a file
// that breaks exactly one rule must be refused with that rule's message and must leave the
// database as it was. Written for the breaks that survived the whole suite (issue 13): the
// end-before-start check removed, duplicate attendee keys accepted, a dangling speaker accepted,
// drafts left out of the export.
import { readFileSync } from 'node:fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempCore, SAMPLE_PATH, type TestCore } from '../../helpers/core';
import type { MeetingDataInput } from '../../../electron/core/meeting-file/format';

let core: TestCore;
beforeEach(() => {
  core = tempCore();
});
afterEach(() => core.dispose());

const toBase64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');
const importBytes = (bytes: Uint8Array) => core.registry.dispatch('meetingFile.import', { fileName: 'x.thukyhn', dataBase64: toBase64(bytes) });

/** The sample meeting file with its meeting.json changed by `edit`. */
function sampleWith(edit: (data: MeetingDataInput) => void): Uint8Array {
  const files = unzipSync(readFileSync(SAMPLE_PATH));
  const data = JSON.parse(strFromU8(files['meeting.json']!)) as MeetingDataInput;
  edit(data);
  files['meeting.json'] = strToU8(JSON.stringify(data));
  return zipSync(files);
}

function count(table: string): number {
  return (core.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

async function expectRefused(bytes: Uint8Array, message: RegExp): Promise<void> {
  const before = ['meetings', 'attendees', 'speeches', 'recommendations', 'replies', 'photos', 'people'].map(count);
  const r = await importBytes(bytes);
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.error.code).toBe('meeting_file_invalid');
  expect(r.error.message).toMatch(message);
  expect(r.error.message).toContain('Dữ liệu hiện có không bị thay đổi.');
  expect(['meetings', 'attendees', 'speeches', 'recommendations', 'replies', 'photos', 'people'].map(count)).toEqual(before);
}

describe('meeting file import checks, one rule at a time', () => {
  it('the unchanged sample imports (so each refusal below is caused by its one change)', async () => {
    const r = await importBytes(sampleWith(() => {}));
    expect(r.ok).toBe(true);
    expect(count('meetings')).toBe(1);
  });

  it('refuses an end time before the start time, and accepts equal times', async () => {
    await expectRefused(
      sampleWith((d) => {
        d.meeting.startTime = '16:00';
        d.meeting.endTime = '14:30';
      }),
      /giờ kết thúc trước giờ bắt đầu/,
    );
    const same = await importBytes(
      sampleWith((d) => {
        d.meeting.startTime = '14:00';
        d.meeting.endTime = '14:00';
      }),
    );
    expect(same.ok).toBe(true);
    // Only one of the two known: nothing to compare.
    const open = await importBytes(
      sampleWith((d) => {
        d.meeting.startTime = '16:00';
        d.meeting.endTime = null;
      }),
    );
    expect(open.ok).toBe(true);
  });

  it('refuses two attendees with the same key', async () => {
    await expectRefused(
      sampleWith((d) => {
        d.attendees[1]!.key = d.attendees[0]!.key;
      }),
      /đại biểu "a1" bị lặp/,
    );
  });

  it('refuses a speech whose speaker is not an attendee', async () => {
    await expectRefused(
      sampleWith((d) => {
        d.speeches[0]!.speaker = 'a99';
      }),
      /một phát biểu trỏ tới đại biểu không có/,
    );
    // A speech with no linked speaker (typed name only) is fine.
    const typed = await importBytes(
      sampleWith((d) => {
        d.speeches[0]!.speaker = null;
        d.speeches[0]!.speakerText = 'Bà Nguyễn Thị A';
      }),
    );
    expect(typed.ok).toBe(true);
  });

  it('refuses a recommendation raised by someone not in the roster, and two with the same key', async () => {
    await expectRefused(
      sampleWith((d) => {
        d.recommendations[0]!.raisedBy = 'a99';
      }),
      /kiến nghị ".+" trỏ tới đại biểu không có/,
    );
    await expectRefused(
      sampleWith((d) => {
        d.recommendations[1]!.key = d.recommendations[0]!.key;
      }),
      /kiến nghị ".+" bị lặp/,
    );
  });
});

describe('meeting file export carries the drafts', () => {
  it('a saved draft of each kind is in the file and comes back on import', async () => {
    const imported = await importBytes(sampleWith(() => {}));
    if (!imported.ok) throw new Error(imported.error.message);
    const id = (imported.value as { id: number }).id;
    await core.call('doc.generate', { meetingId: id, kind: 'minutes' });
    const saved = await core.call('doc.save', { meetingId: id, kind: 'minutes', blocks: [{ type: 'paragraph', text: 'Đoạn biên bản do thư ký sửa tay.' }] });
    await core.call('doc.generate', { meetingId: id, kind: 'article' });

    const exported = await core.call('meetingFile.export', { id });
    const files = unzipSync(Buffer.from(exported.dataBase64, 'base64'));
    const data = JSON.parse(strFromU8(files['meeting.json']!)) as MeetingDataInput;
    expect((data.documents ?? []).map((d) => d.kind).sort()).toEqual(['article', 'minutes']);
    const minutes = data.documents!.find((d) => d.kind === 'minutes')!;
    expect(minutes.edited).toBe(true);
    expect(JSON.parse(minutes.blocksJson)).toEqual(saved.blocks);

    const again = await importBytes(Buffer.from(exported.dataBase64, 'base64'));
    if (!again.ok) throw new Error(again.error.message);
    const draft = await core.call('doc.get', { meetingId: (again.value as { id: number }).id, kind: 'minutes' });
    expect(draft?.blocks).toEqual(saved.blocks);
  });
});
