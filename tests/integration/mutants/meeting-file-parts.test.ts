// The meeting file's optional parts as import.ts and export.ts handle them (issue 13, the run on
// their final code): the hall recording is staged in the data folder before the transaction and
// moved in place only after a fresh meeting commits; without a data folder it is skipped; a file
// that merges into a meeting already here (follow-up data) never touches that meeting's recording;
// a write that fails leaves no staged files; an export asked for the audio of a meeting that has
// none has no audio part. Each test names the break it catches.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportMeetingFile } from '../../../electron/core/meeting-file/export';
import { importMeetingFile } from '../../../electron/core/meeting-file/import';
import type { MeetingData } from '../../../electron/core/meeting-file/format';
import { stopAudioWorker } from '../../../electron/core/audio/worker-host';
import { tempCore, type TestCore } from '../../helpers/core';
import { fingerprint } from '../../helpers/fingerprint';

const opened: TestCore[] = [];
function open(): TestCore {
  const c = tempCore();
  opened.push(c);
  return c;
}
let a: TestCore;
beforeEach(() => {
  a = open();
});
afterEach(async () => {
  for (const c of opened.splice(0)) c.dispose();
  await stopAudioWorker();
});

const AT = '2026-11-28T10:00:00.000Z';
const b64 = (s: string): string => Buffer.from(s).toString('base64');
const SOUND = 'opus0;opus1;opus2;';

/** A meeting with one recommendation and a stopped one-part recording of SOUND. */
async function recorded(core: TestCore): Promise<{ meetingId: number; recId: number }> {
  const m = await core.call('meeting.create', { fields: { title: 'Hội nghị có ghi âm' } });
  await core.call('audio.start', { meetingId: m.id, mime: 'audio/webm;codecs=opus', startedAt: '2026-11-28T08:00:00.000Z' });
  for (let seq = 0; seq < 3; seq++)
    await core.call('audio.append', { meetingId: m.id, part: 1, seq, endMs: (seq + 1) * 1000, data: b64(`opus${seq};`), pcm: Buffer.alloc(32).toString('base64') });
  const rec = await core.call('rec.create', { meetingId: m.id, phase: 'during', content: 'Kiến nghị về đường giao thông tổ 3' });
  await core.call('audio.stop', { meetingId: m.id, part: 1 });
  return { meetingId: m.id, recId: rec.id };
}

const audioRows = (core: TestCore): number => (core.db.prepare('SELECT COUNT(*) AS n FROM audio_parts').get() as { n: number }).n;
/** What the data folder's audio folder holds (absent: []). */
const audioDir = (core: TestCore): string[] => {
  const dir = path.join(core.dir, 'audio');
  return existsSync(dir) ? readdirSync(dir).sort() : [];
};
const soundOf = async (core: TestCore, meetingId: number): Promise<string> => Buffer.from((await core.call('audio.read', { meetingId, part: 1 })).dataBase64, 'base64').toString();

describe('the recording on import', () => {
  it('without a data folder the meeting imports and the recording is skipped: no rows, no files', async () => {
    // Breaks caught: staging with no data folder (`opts.dataDir ? … : null` always true), audio rows
    // written with no files behind them (`if (staged)` always true).
    const { meetingId } = await recorded(a);
    const bytes = exportMeetingFile(a.db, meetingId, new Date(AT), { audioFrom: a.dir });
    expect(Object.keys(unzipSync(bytes))).toContain('audio/part-1.webm');
    const b = open();
    const m = await importMeetingFile(b.db, AT, bytes);
    expect(m.title).toBe('Hội nghị có ghi âm');
    expect(audioRows(b)).toBe(0);
    expect(audioDir(b)).toEqual([]);
  });

  it('with a data folder the recording lands under the new meeting’s id, and nothing is left staged', async () => {
    const { meetingId } = await recorded(a);
    const b = open();
    // An unrelated meeting first, so the new meeting's id differs from the source's.
    await b.call('meeting.create', { fields: { title: 'Hội nghị khác' } });
    const m = await importMeetingFile(b.db, AT, exportMeetingFile(a.db, meetingId, new Date(AT), { audioFrom: a.dir }), { dataDir: b.dir });
    expect(m.id).not.toBe(meetingId);
    expect(audioDir(b)).toEqual([String(m.id)]);
    expect(await soundOf(b, m.id)).toBe(SOUND);
  });

  it('a write that fails after the recording was staged leaves no meeting, no rows and no staged files', async () => {
    // Break caught: the staged files not discarded when the transaction fails.
    const { meetingId } = await recorded(a);
    const bytes = exportMeetingFile(a.db, meetingId, new Date(AT), { audioFrom: a.dir });
    const b = open();
    // A constraint the checks do not know: the database refuses the recording's row, inside the
    // transaction, after the files were staged.
    b.db.exec("CREATE TRIGGER refuse_audio BEFORE INSERT ON audio_parts BEGIN SELECT RAISE(ABORT, 'refused'); END");
    const before = fingerprint(b.db);
    const r = await b.registry.dispatch('meetingFile.import', { fileName: 'x.thukyhn', dataBase64: Buffer.from(bytes).toString('base64') });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('meeting_file_invalid');
    expect(fingerprint(b.db)).toBe(before);
    expect(audioDir(b).filter((n) => n.startsWith('.incoming'))).toEqual([]);
    expect(audioDir(b)).toEqual([]);
  });

  it('a file that merges into the meeting already here leaves its recording as it was, and stages nothing for good', async () => {
    // Breaks caught: the staged files moved after a merge (`staged && fresh !== null` as `staged`,
    // `true` or `||`: they would land in audio/null or over the meeting's own recording) and the
    // staging folder kept (the `else discardStagedAudio` dropped).
    const { meetingId, recId } = await recorded(a);
    const uid = (a.db.prepare('SELECT uid FROM recommendations WHERE id = ?').get(recId) as { uid: string }).uid;
    // Follow-up data makes the returned file a merge, not a second meeting.
    await a.call('register.change', { uid, status: 'in_progress', note: 'Phòng đang kiểm tra' });
    const bytes = exportMeetingFile(a.db, meetingId, new Date(AT), { audioFrom: a.dir });
    const data = JSON.parse(strFromU8(unzipSync(bytes)['meeting.json']!)) as MeetingData;
    expect(data.audio?.parts).toHaveLength(1);
    expect(data.followup?.events.length).toBeGreaterThan(0);
    const rows = audioRows(a);
    const m = await importMeetingFile(a.db, AT, bytes, { dataDir: a.dir });
    expect(m.id).toBe(meetingId);
    expect(await a.call('meeting.list', {})).toHaveLength(1);
    expect(audioRows(a)).toBe(rows);
    expect(audioDir(a).filter((n) => !n.startsWith('.trash'))).toEqual([String(meetingId)]);
    expect(await soundOf(a, meetingId)).toBe(SOUND);
  });
});

describe('the recording on export', () => {
  it('asked for the audio of a meeting with no recording: the file has no audio part and imports', async () => {
    // Break caught: `if (audio)` always true (the export would read the part of nothing).
    const m = await a.call('meeting.create', { fields: { title: 'Hội nghị không ghi âm' } });
    const files = unzipSync(exportMeetingFile(a.db, m.id, new Date(AT), { audioFrom: a.dir }));
    const data = JSON.parse(strFromU8(files['meeting.json']!)) as MeetingData;
    expect('audio' in data).toBe(false);
    expect(Object.keys(files).filter((n) => n.startsWith('audio/'))).toEqual([]);
  });

  it('without the data folder the recording is left out even when there is one', async () => {
    // Break caught: `opts.audioFrom ? … : undefined` always true.
    const { meetingId } = await recorded(a);
    const files = unzipSync(exportMeetingFile(a.db, meetingId, new Date(AT)));
    expect('audio' in (JSON.parse(strFromU8(files['meeting.json']!)) as MeetingData)).toBe(false);
    expect(Object.keys(files).filter((n) => n.startsWith('audio/'))).toEqual([]);
  });
});
