// The hall's sound in the core, on real files and a real SQLite database: the chunk writer
// (append, cut an unacknowledged tail, never write a retried chunk twice), a restart that goes on
// as a new part, entries' moments in the recording, voice detection on synthesised Vietnamese
// speech with known silences, delete with undo, and the speech-model folder check.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync, appendFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/app';
import { appendAt, partPath } from '../../electron/core/audio/store';
import { checkModelFolder, transcribeWindows, type SherpaModule } from '../../electron/core/audio/engines';
import { lastVadThread, stopAudioWorker } from '../../electron/core/audio/worker-host';
import type { Channel, ChannelInput, ChannelOutput } from '../../electron/shared/contract';
import { tempDir } from '../helpers/tmp';
import { synthesise } from '../helpers/speech';

type Clocked = Core & { dir: string; clock: { t: number }; call: <C extends Channel>(c: C, i: ChannelInput<C>) => Promise<ChannelOutput<C>>; fail: <C extends Channel>(c: C, i: ChannelInput<C>) => Promise<string> };

const opened: Clocked[] = [];
function open(dir = tempDir('thuky-audio-'), clock = { t: Date.parse('2026-03-01T08:00:00.000Z') }): Clocked {
  const core = createCore({ dataDir: dir, mode: 'cli', log: () => {}, now: () => new Date(clock.t) });
  const c: Clocked = Object.assign(core, {
    dir,
    clock,
    async call<C extends Channel>(ch: C, input: ChannelInput<C>) {
      const r = await core.registry.dispatch(ch, input);
      if (!r.ok) throw new Error(`${ch}: ${r.error.code}: ${r.error.message}`);
      return r.value as ChannelOutput<C>;
    },
    async fail<C extends Channel>(ch: C, input: ChannelInput<C>) {
      const r = await core.registry.dispatch(ch, input);
      if (r.ok) throw new Error(`${ch} should have failed`);
      return `${r.error.code}: ${r.error.message}`;
    },
  });
  opened.push(c);
  return c;
}
afterEach(async () => {
  for (const c of opened.splice(0)) if (c.db.open) c.close();
  await stopAudioWorker();
});

const b64 = (s: string | Uint8Array): string => Buffer.from(s).toString('base64');
const pcmOf = (samples: Int16Array): string => Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength).toString('base64');

async function liveMeeting(c: Clocked): Promise<number> {
  const m = await c.call('meeting.create', { fields: { title: 'Hội nghị đối thoại' } });
  return m.id;
}

describe('chunk writer', () => {
  it('appends at the acknowledged length and cuts off a tail that was never acknowledged', () => {
    const dir = tempDir('thuky-audio-');
    const f = path.join(dir, 'part-1.webm');
    expect(appendAt(f, 0, Buffer.from('AAA'))).toBe(3);
    expect(appendAt(f, 3, Buffer.from('BB'))).toBe(5);
    // A crash after the write but before the row recorded it: the file is longer than acknowledged.
    appendFileSync(f, 'CC-half');
    expect(appendAt(f, 5, Buffer.from('CC'))).toBe(7);
    expect(readFileSync(f, 'utf8')).toBe('AAABBCC');
    // A file shorter than what was acknowledged is not silently padded.
    expect(() => appendAt(f, 10, Buffer.from('x'))).toThrow(/shorter than acknowledged/);
  });
});

describe('recording through the core', () => {
  it('writes chunks in order, acknowledges a retried chunk without writing it twice, refuses a gap', async () => {
    const c = open();
    const meetingId = await liveMeeting(c);
    const p = await c.call('audio.start', { meetingId, mime: 'audio/webm;codecs=opus', startedAt: '2026-03-01T08:00:00.000Z' });
    expect(p.part).toBe(1);
    for (const [seq, s] of ['hdr', 'one', 'two'].entries()) await c.call('audio.append', { meetingId, part: 1, seq, endMs: (seq + 1) * 1000, data: b64(s), pcm: pcmOf(new Int16Array([seq, seq])) });
    const again = await c.call('audio.append', { meetingId, part: 1, seq: 1, endMs: 2000, data: b64('one'), pcm: pcmOf(new Int16Array([1, 1])) });
    expect(again).toMatchObject({ nextSeq: 3, bytes: 9, durationMs: 3000 });
    expect(readFileSync(partPath(c.dir, meetingId, 1, 'webm'), 'utf8')).toBe('hdronetwo');
    expect(statSync(partPath(c.dir, meetingId, 1, 'pcm')).size).toBe(12);
    expect(await c.fail('audio.append', { meetingId, part: 1, seq: 5, endMs: 6000, data: b64('x'), pcm: '' })).toMatch(/^audio_gap: .*phần ghi âm mới/);
    const read = await c.call('audio.read', { meetingId, part: 1 });
    expect(Buffer.from(read.dataBase64, 'base64').toString()).toBe('hdronetwo');
    expect(read.mime).toBe('audio/webm;codecs=opus');
  });

  it('refuses oversized chunks and odd PCM at the contract', async () => {
    const c = open();
    const meetingId = await liveMeeting(c);
    await c.call('audio.start', { meetingId, mime: 'audio/webm;codecs=opus', startedAt: '2026-03-01T08:00:00.000Z' });
    const big = Buffer.alloc(600 * 1024).toString('base64');
    expect(await c.fail('audio.append', { meetingId, part: 1, seq: 0, endMs: 1000, data: big, pcm: '' })).toMatch(/^validation: .*quá lớn/);
    expect(await c.fail('audio.append', { meetingId, part: 1, seq: 0, endMs: 1000, data: b64('a'), pcm: b64('abc') })).toMatch(/lẻ byte/);
    expect(await c.fail('audio.start', { meetingId, mime: 'video/mp4', startedAt: '2026-03-01T08:00:00.000Z' })).toMatch(/Định dạng ghi âm này không được hỗ trợ/);
  });

  it('after a crash goes on as a new part; the old part keeps exactly what was acknowledged', async () => {
    const dir = tempDir('thuky-audio-');
    const c1 = open(dir);
    const meetingId = await liveMeeting(c1);
    await c1.call('audio.start', { meetingId, mime: 'audio/webm;codecs=opus', startedAt: '2026-03-01T08:00:00.000Z' });
    await c1.call('audio.append', { meetingId, part: 1, seq: 0, endMs: 1000, data: b64('HEAD'), pcm: '' });
    await c1.call('audio.append', { meetingId, part: 1, seq: 1, endMs: 2000, data: b64('BODY'), pcm: '' });
    // The process dies while writing the third chunk: bytes on disk, no row.
    appendFileSync(partPath(dir, meetingId, 1, 'webm'), 'TORN');
    c1.close();

    const c2 = open(dir);
    const p2 = await c2.call('audio.start', { meetingId, mime: 'audio/webm;codecs=opus', startedAt: '2026-03-01T08:00:05.000Z' });
    expect(p2.part).toBe(2);
    await c2.call('audio.append', { meetingId, part: 2, seq: 0, endMs: 1000, data: b64('NEW'), pcm: '' });
    const s = await c2.call('audio.state', { meetingId });
    expect(s.parts.map((p) => [p.part, p.bytes, p.durationMs, p.stoppedAt])).toEqual([
      [1, 8, 2000, null],
      [2, 3, 1000, null],
    ]);
    expect(Buffer.from((await c2.call('audio.read', { meetingId, part: 1 })).dataBase64, 'base64').toString()).toBe('HEADBODY');
    expect(Buffer.from((await c2.call('audio.read', { meetingId, part: 2 })).dataBase64, 'base64').toString()).toBe('NEW');
    // A stopped part takes no more chunks: the page starts a new one.
    await c2.call('audio.stop', { meetingId, part: 2 });
    expect(await c2.fail('audio.append', { meetingId, part: 2, seq: 1, endMs: 2000, data: b64('x'), pcm: '' })).toMatch(/^audio_stopped/);
  });

  it('stamps each entry with its moment in the part that was recording when it was created', async () => {
    const c = open();
    const meetingId = await liveMeeting(c);
    const t0 = c.clock.t;
    const before = await c.call('rec.create', { meetingId, phase: 'before', content: 'Trước khi ghi âm' });
    c.clock.t = t0 + 1_000;
    await c.call('audio.start', { meetingId, mime: 'audio/webm;codecs=opus', startedAt: new Date(t0 + 1_000).toISOString() });
    for (let seq = 0; seq < 30; seq++) await c.call('audio.append', { meetingId, part: 1, seq, endMs: (seq + 1) * 1000, data: b64(`c${seq}`), pcm: '' });
    c.clock.t = t0 + 1_000 + 12_345;
    const rec = await c.call('rec.create', { meetingId, phase: 'during', content: 'Đề nghị sửa đường' });
    c.clock.t = t0 + 1_000 + 20_500;
    const reply = await c.call('reply.create', { meetingId, content: 'Xin trả lời' });
    const speech = await c.call('speech.create', { meetingId, kind: 'conclusion', summary: 'Kết luận' });
    // Long after the part ended (its last chunk at 30 s): no moment.
    c.clock.t = t0 + 1_000 + 90_000;
    const late = await c.call('rec.create', { meetingId, phase: 'during', content: 'Sau khi ngừng ghi' });
    const s = await c.call('audio.state', { meetingId });
    const byKey = new Map(s.marks.map((m) => [`${m.kind}${m.id}`, m]));
    expect(byKey.get(`rec${rec.id}`)).toEqual({ kind: 'rec', id: rec.id, part: 1, offsetMs: 12_345 });
    expect(byKey.get(`reply${reply.id}`)).toMatchObject({ part: 1, offsetMs: 20_500 });
    expect(byKey.get(`speech${speech.id}`)).toMatchObject({ part: 1, offsetMs: 20_500 });
    expect(byKey.has(`rec${before.id}`)).toBe(false);
    expect(byKey.has(`rec${late.id}`)).toBe(false);
    // Editing an entry later does not move its moment.
    c.clock.t = t0 + 1_000 + 25_000;
    await c.call('rec.update', { id: rec.id, patch: { content: 'Đề nghị sửa đường liên thôn' } });
    expect((await c.call('audio.state', { meetingId })).marks.find((m) => m.kind === 'rec' && m.id === rec.id)?.offsetMs).toBe(12_345);
  });

  it('deletes a meeting’s audio with undo, and shows the space used', async () => {
    const c = open();
    const meetingId = await liveMeeting(c);
    await c.call('audio.start', { meetingId, mime: 'audio/webm;codecs=opus', startedAt: '2026-03-01T08:00:00.000Z' });
    await c.call('audio.append', { meetingId, part: 1, seq: 0, endMs: 1000, data: b64('x'.repeat(1000)), pcm: pcmOf(new Int16Array(500)) });
    expect((await c.call('audio.usage', {})).meetings).toEqual([{ meetingId, title: 'Hội nghị đối thoại', parts: 1, trashed: false, bytes: 2000 }]);
    expect((await c.call('audio.state', { meetingId })).bytes).toBe(2000);
    await c.call('audio.remove', { meetingId });
    expect(existsSync(partPath(c.dir, meetingId, 1, 'webm'))).toBe(false);
    const gone = await c.call('audio.state', { meetingId });
    expect(gone).toMatchObject({ parts: [], bytes: 0, trashed: true });
    expect(await c.fail('audio.read', { meetingId, part: 1 })).toMatch(/^not_found/);
    const back = await c.call('audio.restore', { meetingId });
    expect(back).toMatchObject({ bytes: 2000, trashed: false });
    expect(back.parts.map((p) => p.part)).toEqual([1]);
    expect(readFileSync(partPath(c.dir, meetingId, 1, 'webm'), 'utf8')).toBe('x'.repeat(1000));
  });
});

describe('voice detection', () => {
  it('marks each spoken stretch of synthesised Vietnamese speech within 0.3 s, as chunks arrive', async () => {
    const dir = tempDir('thuky-audio-');
    const wav = synthesise(dir, [
      { silenceMs: 1500 },
      { say: 'Kính thưa các đồng chí, tôi xin kiến nghị về việc sửa đường làng' },
      { silenceMs: 2500 },
      { say: 'Đề nghị ủy ban nhân dân xã giải quyết sớm' },
      { silenceMs: 3000 },
      { say: 'Xin cảm ơn' },
      { silenceMs: 2000 },
    ]);
    expect(wav.stretches).toHaveLength(3);
    const c = open(path.join(dir, 'data'));
    const meetingId = await liveMeeting(c);
    await c.call('audio.start', { meetingId, mime: 'audio/webm;codecs=opus', startedAt: '2026-03-01T08:00:00.000Z' });
    const perChunk = 16_000;
    let seq = 0;
    for (let i = 0; i < wav.samples.length; i += perChunk) {
      await c.call('audio.append', { meetingId, part: 1, seq: seq++, endMs: Math.round(((i + perChunk) * 1000) / 16_000), data: b64('x'), pcm: pcmOf(wav.samples.slice(i, i + perChunk)) });
      // Detection runs while recording goes on (every few seconds in the app), not only at the end.
      if (seq % 4 === 0) await c.call('audio.analyse', { meetingId });
    }
    await c.call('audio.stop', { meetingId, part: 1 });
    const found = await c.call('audio.analyse', { meetingId });
    expect(found.map((s) => s.part)).toEqual([1, 1, 1]);
    found.forEach((s, i) => {
      const truth = wav.stretches[i]!;
      expect(Math.abs(s.startMs - truth.startMs), `start of stretch ${i + 1}`).toBeLessThanOrEqual(300);
      expect(Math.abs(s.endMs - truth.endMs), `end of stretch ${i + 1}`).toBeLessThanOrEqual(300);
    });
    expect((await c.call('audio.state', { meetingId })).speech).toEqual(found);
    // The detector ran on the audio thread, never on the core's (which saves the typing).
    expect(lastVadThread).toBe('worker');
  });
});

describe('speech model folder', () => {
  /** Files that pass the checks on their face: ONNX starts with byte 0x08, tokens are "symbol id". */
  const plausible = (dir: string, names: string[]) => {
    for (const n of names) writeFileSync(path.join(dir, n), n.endsWith('.onnx') ? Buffer.concat([Buffer.from([0x08, 0x07]), Buffer.alloc(4096, 0x2a)]) : '<blk> 0\na 1\nb 2\n');
  };

  it('names what is missing, in Vietnamese', async () => {
    const dir = tempDir('thuky-model-');
    expect(await checkModelFolder(path.join(dir, 'khong-co'))).toMatchObject({ ok: false, message: expect.stringMatching(/Không tìm thấy thư mục/) });
    plausible(dir, ['tokens.txt', 'encoder-epoch-12-avg-8.onnx']);
    const r = await checkModelFolder(dir);
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/thiếu tệp \*decoder\*\.onnx, tệp \*joiner\*\.onnx\./);
    expect(r.message).not.toMatch(/encoder|tokens/);
  });

  it('refuses files that are not models on their face, before loading anything', async () => {
    const dir = tempDir('thuky-model-');
    plausible(dir, ['tokens.txt', 'encoder.onnx', 'decoder.onnx', 'joiner.onnx']);
    writeFileSync(path.join(dir, 'joiner.onnx'), 'not a model');
    let loaded = false;
    const r = await checkModelFolder(dir, async () => ((loaded = true), null));
    expect(r.message).toMatch(/tệp \*joiner\*\.onnx \(joiner\.onnx\) không phải tệp mô hình/);
    expect(loaded).toBe(false);
    plausible(dir, ['joiner.onnx']);
    writeFileSync(path.join(dir, 'tokens.txt'), 'chỉ một dòng không có số');
    expect((await checkModelFolder(dir, async () => null)).message).toMatch(/tokens.txt không đúng dạng/);
  });

  it('prefers the int8 files, and says when the library is missing, the model does not load, or it works', async () => {
    const dir = tempDir('thuky-model-');
    plausible(dir, ['tokens.txt', 'encoder-epoch-12-avg-8.onnx', 'encoder-epoch-12-avg-8.int8.onnx', 'decoder-epoch-12-avg-8.onnx', 'joiner-epoch-12-avg-8.int8.onnx']);
    const noLib = await checkModelFolder(dir, async () => 'no-lib');
    expect(noLib).toMatchObject({ ok: false, files: { encoder: 'encoder-epoch-12-avg-8.int8.onnx', decoder: 'decoder-epoch-12-avg-8.onnx', joiner: 'joiner-epoch-12-avg-8.int8.onnx', tokens: 'tokens.txt' } });
    expect(noLib.message).toMatch(/chưa cài thư viện nhận dạng tiếng nói/);
    expect((await checkModelFolder(dir, async () => 'Protobuf parsing failed')).message).toMatch(/không nạp được mô hình \(Protobuf parsing failed\)/);
    expect(await checkModelFolder(dir, async () => null)).toMatchObject({ ok: true, message: expect.stringMatching(/Mô hình dùng được/) });
  });

  it('loads a damaged model in a separate process: the app survives and says it does not load', async () => {
    const dir = tempDir('thuky-model-');
    plausible(dir, ['tokens.txt', 'encoder.onnx', 'decoder.onnx', 'joiner.onnx']);
    const r = await checkModelFolder(dir);
    expect(r.ok).toBe(false);
    // sherpa-onnx-node is an optional dependency, installed here: onnxruntime itself refuses the file.
    expect(r.message).toMatch(/^Đủ tệp nhưng không nạp được mô hình \(.+\)/);
  });

  it('transcribes window by window, reporting progress, and stops between two windows when cancelled', async () => {
    let decoded = 0;
    const fake: SherpaModule = {
      OfflineRecognizer: class {
        createStream() {
          let n = 0;
          return { acceptWaveform: (w: { samples: Float32Array }) => void (n = w.samples.length), get n() { return n; } };
        }
        decode() {
          decoded++;
        }
        getResult(s: { n: number }) {
          return { text: `đoạn ${s.n} mẫu` };
        }
      } as unknown as SherpaModule['OfflineRecognizer'],
    };
    const files = { encoder: 'e', decoder: 'd', joiner: 'j', tokens: 't' };
    const windows = [new Float32Array(10), new Float32Array(20), new Float32Array(30)];
    const seen: [number, string][] = [];
    const all = await transcribeWindows(files, windows, (done, text) => seen.push([done, text]), () => false, fake);
    expect(all).toEqual({ text: 'đoạn 10 mẫu đoạn 20 mẫu đoạn 30 mẫu', cancelled: false });
    expect(seen.map(([d]) => d)).toEqual([1, 2, 3]);
    decoded = 0;
    let stop = false;
    const part = await transcribeWindows({ ...files, tokens: 't2' }, windows, () => (stop = true), () => stop, fake);
    expect(part).toEqual({ text: 'đoạn 10 mẫu', cancelled: true });
    expect(decoded).toBe(1);
  });

  it('without a model, transcription says so and nothing else breaks', async () => {
    const c = open();
    const meetingId = await liveMeeting(c);
    expect((await c.call('audio.model', {})).message).toMatch(/Chưa có mô hình .*vẫn dùng bình thường/);
    await c.call('audio.start', { meetingId, mime: 'audio/webm;codecs=opus', startedAt: '2026-03-01T08:00:00.000Z' });
    expect(await c.fail('audio.transcribe', { meetingId, part: 1, startMs: 0, endMs: 1000 })).toMatch(/^no_model: Chưa có mô hình/);
    const bad = path.join(c.dir, 'model');
    mkdirSync(bad);
    expect((await c.call('audio.setModel', { dir: bad })).ok).toBe(false);
    expect((await c.call('audio.model', {})).dir).toBeNull();
    rmSync(bad, { recursive: true });
  });
});

describe('meeting file', () => {
  async function recorded(): Promise<{ c: Clocked; meetingId: number; recId: number }> {
    const c = open();
    const meetingId = await liveMeeting(c);
    const t0 = c.clock.t;
    await c.call('audio.start', { meetingId, mime: 'audio/webm;codecs=opus', startedAt: new Date(t0).toISOString() });
    for (let seq = 0; seq < 10; seq++) await c.call('audio.append', { meetingId, part: 1, seq, endMs: (seq + 1) * 1000, data: b64(`opus${seq};`), pcm: pcmOf(new Int16Array(16)) });
    c.clock.t = t0 + 4_200;
    await c.call('rec.create', { meetingId, phase: 'during', content: 'Một' });
    c.clock.t = t0 + 6_700;
    const rec = await c.call('rec.create', { meetingId, phase: 'during', content: 'Hai' });
    await c.call('audio.stop', { meetingId, part: 1 });
    c.db.prepare('INSERT INTO audio_speech (meeting_id, part, start_ms, end_ms) VALUES (?, 1, 1000, 3500)').run(meetingId);
    return { c, meetingId, recId: rec.id };
  }

  it('leaves the recording out by default, and an import of it has none', async () => {
    const { c, meetingId } = await recorded();
    const file = await c.call('meetingFile.export', { id: meetingId });
    const other = open();
    const m = await other.call('meetingFile.import', { fileName: file.fileName, dataBase64: file.dataBase64 });
    expect(await other.call('audio.state', { meetingId: m.id })).toMatchObject({ parts: [], speech: [], marks: [], bytes: 0 });
  });

  it('carries the recording, its speech stretches and each entry’s moment when asked', async () => {
    const { c, meetingId } = await recorded();
    const before = await c.call('audio.state', { meetingId });
    const file = await c.call('meetingFile.export', { id: meetingId, includeAudio: true });
    expect(file.dataBase64.length).toBeGreaterThan((await c.call('meetingFile.export', { id: meetingId })).dataBase64.length);
    const other = open();
    const m = await other.call('meetingFile.import', { fileName: file.fileName, dataBase64: file.dataBase64 });
    const after = await other.call('audio.state', { meetingId: m.id });
    expect(after.parts.map((p) => [p.part, p.bytes, p.durationMs, p.startedAt])).toEqual(before.parts.map((p) => [p.part, p.bytes, p.durationMs, p.startedAt]));
    expect(after.speech).toEqual([{ part: 1, startMs: 1000, endMs: 3500 }]);
    const recs = (await other.call('meeting.get', { id: m.id })).recommendations;
    const offsets = (s: typeof after, ids: number[]) => ids.map((id) => s.marks.find((x) => x.kind === 'rec' && x.id === id)?.offsetMs);
    expect(offsets(after, recs.map((r) => r.id))).toEqual([4_200, 6_700]);
    expect(Buffer.from((await other.call('audio.read', { meetingId: m.id, part: 1 })).dataBase64, 'base64').toString()).toBe(
      Array.from({ length: 10 }, (_, i) => `opus${i};`).join(''),
    );
    // No staging folder is left behind.
    expect(readdirSync(path.join(other.dir, 'audio')).filter((n) => n.startsWith('.incoming'))).toEqual([]);
  });

  it('refuses a file whose audio part names a sound file it lacks, writing nothing', async () => {
    const { c, meetingId } = await recorded();
    const file = await c.call('meetingFile.export', { id: meetingId, includeAudio: true });
    const { unzipSync, zipSync } = await import('fflate');
    const entries = unzipSync(Buffer.from(file.dataBase64, 'base64'));
    delete entries['audio/part-1.webm'];
    const broken = Buffer.from(zipSync(entries)).toString('base64');
    const other = open();
    expect(await other.fail('meetingFile.import', { fileName: 'x.thukyhn', dataBase64: broken })).toMatch(/thiếu tệp ghi âm "audio\/part-1\.webm"/);
    expect(await other.call('meeting.list', {})).toEqual([]);
  });
});
