// Meeting files from outside, crafted byte by byte: damaged copies, zip bombs that pass every
// declared limit, drafts with garbage in them, a write that fails halfway. Each is refused with a
// Vietnamese message that says what is wrong in the file, and the database is left byte for byte
// as it was.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openArchive } from '../../electron/core/meeting-file/archive';
import { checkMeetingFile } from '../../electron/core/meeting-file/import';
import { UserError } from '../../electron/shared/result';
import { tempCore, REPO_ROOT, SAMPLE_PATH, type TestCore } from '../helpers/core';
import { fingerprint } from '../helpers/fingerprint';

// ---- a zip writer that can lie -------------------------------------------------------------

type RawEntry = {
  name: string;
  /** The real content; omitted when `compressed`, `crc` and `size` are given directly. */
  data?: Uint8Array;
  method?: number;
  compressed?: Uint8Array;
  crc?: number;
  size?: number;
  flags?: number;
};

function buildZip(entries: RawEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const method = e.method ?? 8;
    const data = e.data ?? new Uint8Array();
    const body = e.compressed ?? (method === 8 ? deflateRawSync(data, { level: 9 }) : data);
    const crc = e.crc ?? crc32(data);
    const size = e.size ?? data.length;
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE((e.flags ?? 0) | 0x800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE((e.flags ?? 0) | 0x800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(body));
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

type MeetingJson = {
  attendees: { fullName: string }[];
  photos: { file: string }[];
  documents: { kind: string; blocksJson: string; optionsJson: string; edited: boolean; generatedAt: string; updatedAt: string }[];
};

const sampleFiles = (): Record<string, Uint8Array> => unzipSync(readFileSync(SAMPLE_PATH));
const sampleMeeting = (): MeetingJson => JSON.parse(new TextDecoder().decode(sampleFiles()['meeting.json'])) as MeetingJson;
const json = (v: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(v));

/** The sample meeting as raw entries, with meeting.json changed by `edit` and extra entries added. */
function sampleZip(edit: (m: MeetingJson) => void = () => {}, extra: RawEntry[] = [], meetingMethod = 8): Uint8Array {
  const files = sampleFiles();
  const m = sampleMeeting();
  edit(m);
  return buildZip([
    { name: 'manifest.json', data: files['manifest.json'] },
    { name: 'meeting.json', data: json(m), method: meetingMethod },
    { name: 'photos/1.jpg', data: files['photos/1.jpg'], method: 0 },
    { name: 'photos/2.jpg', data: files['photos/2.jpg'], method: 0 },
    ...extra,
  ]);
}

const draft = (kind: string, blocks: unknown, options: unknown) => ({
  kind,
  blocksJson: typeof blocks === 'string' ? blocks : JSON.stringify(blocks),
  optionsJson: typeof options === 'string' ? options : JSON.stringify(options),
  edited: true,
  generatedAt: '2026-11-20T08:00:00.000Z',
  updatedAt: '2026-11-20T09:00:00.000Z',
});

// ---- harness -------------------------------------------------------------------------------

let core: TestCore;
beforeEach(() => {
  core = tempCore();
});
afterEach(() => core.dispose());

const importBytes = (bytes: Uint8Array) => core.registry.dispatch('meetingFile.import', { fileName: 'x.thukyhn', dataBase64: Buffer.from(bytes).toString('base64') });
const meetingCount = (): number => (core.db.prepare('SELECT count(*) AS n FROM meetings').get() as { n: number }).n;

/** Imports `bytes` into a database that already holds a meeting; expects a refusal that changed nothing. */
async function expectRefused(bytes: Uint8Array, message: RegExp): Promise<string> {
  if (meetingCount() === 0) expect((await importBytes(readFileSync(SAMPLE_PATH))).ok).toBe(true);
  const before = fingerprint(core.db);
  const r = await importBytes(bytes);
  expect(r.ok).toBe(false);
  if (r.ok) return '';
  expect(r.error.code).toBe('meeting_file_invalid');
  expect(r.error.message).toMatch(message);
  expect(r.error.message).toMatch(/Dữ liệu hiện có không bị thay đổi/);
  expect(fingerprint(core.db)).toBe(before);
  return r.error.message;
}

async function expectImported(bytes: Uint8Array): Promise<number> {
  const r = await importBytes(bytes);
  if (!r.ok) throw new Error(r.error.message);
  return (r.value as { id: number }).id;
}

// ---- zip bombs (first in the file, so the process's peak memory is still its start-up's) -----

describe('zip bombs that pass every declared limit', () => {
  it('100 entries of 9.9 MB of zeros (under 1 MB on disk) are refused without inflating them', async () => {
    const zeros = new Uint8Array(9_900_000);
    const compressed = deflateRawSync(zeros, { level: 9 });
    const crc = crc32(zeros);
    const junk = Array.from({ length: 100 }, (_, i): RawEntry => ({ name: `padding/${i}.bin`, compressed, crc, size: zeros.length }));
    const bomb = sampleZip(() => {}, junk);
    expect(bomb.length).toBeLessThan(1_200_000);
    expect((await importBytes(readFileSync(SAMPLE_PATH))).ok).toBe(true);
    const rssBefore = process.memoryUsage().rss;
    await expectRefused(bomb, /zip bomb/);
    // Peak resident memory of this process so far: inflating the entries would add ~990 MB.
    const peak = process.resourceUsage().maxRSS * 1024;
    expect(peak - rssBefore).toBeLessThan(100 * 1024 * 1024);
  });

  it('the same zeros under the names the format uses are refused from the directory alone', async () => {
    const zeros = new Uint8Array(9_900_000);
    const compressed = deflateRawSync(zeros, { level: 9 });
    const files = sampleFiles();
    const bomb = buildZip([
      { name: 'manifest.json', data: files['manifest.json'] },
      { name: 'meeting.json', compressed, crc: crc32(zeros), size: zeros.length },
    ]);
    await expectRefused(bomb, /zip bomb/);
  });

  it('an entry that inflates past the size its header declares is stopped at that size', async () => {
    const big = json({ padding: 'x'.repeat(5_000_000) });
    const bomb = buildZip([
      { name: 'manifest.json', data: sampleFiles()['manifest.json'] },
      // Declared: 1,000 bytes. Real: 5 MB. The header is what the limits look at.
      { name: 'meeting.json', compressed: deflateRawSync(big), crc: crc32(big), size: 1_000 },
    ]);
    await expectRefused(bomb, /zip bomb/);
  });

  it('inflates only the entries the format uses: a damaged unused entry is ignored', async () => {
    const garbage = new Uint8Array(64).fill(0xff);
    const id = await expectImported(sampleZip(() => {}, [{ name: 'notes/readme.txt', compressed: garbage, crc: 1234, size: 100 }]));
    expect(id).toBeGreaterThan(0);
    // The same damage in an entry the format uses is found.
    const files = sampleFiles();
    const m = sampleMeeting();
    const bad = buildZip([
      { name: 'manifest.json', data: files['manifest.json'] },
      { name: 'meeting.json', data: json(m) },
      { name: 'photos/1.jpg', compressed: garbage, crc: 1234, size: 100 },
      { name: 'photos/2.jpg', data: files['photos/2.jpg'], method: 0 },
    ]);
    await expectRefused(bad, /photos\/1\.jpg bị hỏng/);
  });

  it('an archive opened is not inflated until an entry is read', () => {
    const zeros = new Uint8Array(900_000);
    const archive = openArchive(buildZip([{ name: 'a.bin', data: zeros }, { name: 'b.bin', data: zeros, crc: 7 }]));
    expect(archive.names()).toEqual(['a.bin', 'b.bin']);
    expect(archive.read('a.bin', 1_000_000)).toHaveLength(900_000);
    expect(() => archive.read('b.bin', 1_000_000)).toThrow(/CRC-32/);
    expect(() => archive.read('a.bin', 100_000)).toThrow(/quá lớn/);
    expect(archive.read('c.bin', 1)).toBeUndefined();
  });
});

// ---- damaged copies ------------------------------------------------------------------------

describe('a damaged copy', () => {
  /** A stored meeting.json whose first attendee is "Nguyễn Văn A", and where that A sits in the file. */
  function withName(): { zip: Uint8Array; at: number } {
    const zip = sampleZip((m) => void (m.attendees[0].fullName = 'Nguyễn Văn A'), [], 0);
    const at = Buffer.from(zip).indexOf(Buffer.from('Nguyễn Văn A"', 'utf8'));
    expect(at).toBeGreaterThan(0);
    return { zip, at: at + Buffer.byteLength('Nguyễn Văn ', 'utf8') };
  }

  it('a flipped byte is refused by the CRC-32, never imported as another name', async () => {
    const { zip, at } = withName();
    const flipped = new Uint8Array(zip);
    flipped[at] = 'B'.charCodeAt(0);
    await expectRefused(flipped, /sai mã kiểm tra CRC-32/);
  });

  it('(control: the same bytes with a matching CRC import, so it is the CRC that refused them)', async () => {
    const id = await expectImported(sampleZip((m) => void (m.attendees[0].fullName = 'Nguyễn Văn B'), [], 0));
    const names = (await core.call('meeting.get', { id })).attendees.map((a) => a.fullName);
    expect(names).toContain('Nguyễn Văn B');
  });

  it('a flipped byte inside a compressed entry is refused', async () => {
    const zip = sampleZip();
    const view = Buffer.from(zip);
    const start = view.indexOf(Buffer.from('meeting.json')) + 'meeting.json'.length;
    let refusedAll = true;
    // Several positions inside the deflate stream of meeting.json: each must be refused.
    for (const k of [200, 1_000, 2_000]) {
      const flipped = new Uint8Array(zip);
      flipped[start + k] ^= 0x10;
      const r = await importBytes(flipped);
      if (r.ok || !/meeting\.json bị hỏng/.test(r.error.message)) refusedAll = false;
    }
    expect(refusedAll).toBe(true);
    expect(meetingCount()).toBe(0);
  });

  it('random damage to the headers and JSON (400 files) is always a damaged-file message, never "internal"', async () => {
    const original = readFileSync(SAMPLE_PATH);
    const reference = JSON.stringify((await checkMeetingFile(original)).data);
    let seed = 42;
    const rnd = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const messages = new Set<string>();
    for (let i = 0; i < 400; i++) {
      const b = new Uint8Array(original);
      // 1–4 bytes, in the first 6 KB (local headers, manifest, meeting.json) or the last 1 KB (directory).
      for (let k = 1 + Math.floor(rnd() * 4); k > 0; k--) b[rnd() < 0.5 ? Math.floor(rnd() * 6000) : b.length - 1 - Math.floor(rnd() * 1000)] = Math.floor(rnd() * 256);
      try {
        // Damage that the checks let through can only be in bytes that carry no content.
        expect(JSON.stringify((await checkMeetingFile(b)).data)).toBe(reference);
      } catch (e) {
        expect(e).toBeInstanceOf(UserError);
        expect((e as UserError).code).toBe('meeting_file_invalid');
        messages.add((e as UserError).message.replace(/photos\/\d|manifest\.json|meeting\.json/g, 'X').slice(0, 60));
      }
    }
    // The damage was varied enough to reach the directory, the inflater and the CRC.
    expect(messages.size).toBeGreaterThanOrEqual(5);
  });

  const crafted: [string, () => Uint8Array, RegExp][] = [
    [
      'two entries with the same name (a checker and an importer could read different ones)',
      () => sampleZip(() => {}, [{ name: 'meeting.json', data: json({}) }]),
      /"meeting\.json" bị lặp/,
    ],
    ['an encrypted entry', () => sampleZip(() => {}, [{ name: 'secret.bin', data: json({}), flags: 1 }]), /mã hóa/],
    ['an entry compressed with an unsupported method', () => sampleZip(() => {}, [{ name: 'x.bz2', data: json({}), method: 12 }]), /không hỗ trợ/],
    ['a stored entry whose sizes disagree', () => sampleZip(() => {}, [{ name: 'x.txt', data: json({ a: 1 }), method: 0, size: 3 }]), /cắt cụt hoặc hỏng/],
    ['a directory that points past the end', () => sampleZip().subarray(0, 400), /cắt cụt hoặc hỏng/],
  ];
  for (const [name, make, message] of crafted) it(`refuses ${name}`, async () => void (await expectRefused(make(), message)));
});

// ---- drafts --------------------------------------------------------------------------------

describe('document drafts in the file', () => {
  const article = [
    { type: 'heading', text: 'Hội nghị đối thoại' },
    { type: 'paragraph', text: 'Sáng 18/10, …' },
  ];

  it('a well-formed draft is imported as it is', async () => {
    const id = await expectImported(sampleZip((m) => void (m.documents = [draft('article', article, { article: { listSpeakers: true, legalBasis: '' } })])));
    const d = await core.call('doc.get', { meetingId: id, kind: 'article' });
    expect(d?.blocks).toEqual(article);
    expect(d?.options).toEqual({ article: { listSpeakers: true, legalBasis: '' } });
  });

  const bad: [string, MeetingJson['documents'], RegExp][] = [
    ['garbage options', [draft('article', article, { article: { photoIds: 'tất cả', listSpeakers: 'có' } })], /tùy chọn bản nháp tin bài \(documents\.0\.optionsJson\) không đúng cấu trúc/],
    ['options that are not JSON', [draft('minutes', article, '{"minutes": ')], /tùy chọn bản nháp biên bản .* bị hỏng/],
    ['options that are an array', [draft('article', article, [1, 2, 3])], /tùy chọn bản nháp tin bài/],
    ['a block of an unknown type', [draft('article', [{ type: 'script', src: 'x' }], {})], /nội dung bản nháp tin bài \(documents\.0\.blocksJson\) không đúng cấu trúc/],
    ['blocks that are not a list', [draft('summary', { rows: 1 }, {})], /nội dung bản nháp bảng tổng hợp/],
    ['blocks that are not JSON', [draft('article', 'not json', {})], /nội dung bản nháp tin bài .* bị hỏng/],
    ['a photo block with a negative id', [draft('article', [{ type: 'photo', photoId: -1, caption: '' }], {})], /tại 0\.photoId/],
    ['two drafts of the same kind', [draft('article', article, {}), draft('article', article, {})], /bản nháp tin bài xuất hiện hai lần \(tại documents\.1\)/],
  ];
  for (const [name, docs, message] of bad) {
    it(`refuses ${name}`, async () => void (await expectRefused(sampleZip((m) => void (m.documents = docs)), message)));
  }
});

// ---- the write -----------------------------------------------------------------------------

describe('a file that passes the checks but fails while being written', () => {
  for (const table of ['photos', 'documents'] as const) {
    it(`leaves nothing half-written when the ${table} insert fails (one transaction)`, async () => {
      const file = sampleZip((m) => void (m.documents = [draft('article', [{ type: 'heading', text: 'Tin' }], {})]));
      expect((await importBytes(readFileSync(SAMPLE_PATH))).ok).toBe(true);
      // A real SQLite failure midway: the meeting, its attendees and its items are already inserted.
      core.db.exec(`CREATE TRIGGER fail_midway BEFORE INSERT ON ${table} BEGIN SELECT RAISE(ABORT, 'disk said no'); END`);
      const before = fingerprint(core.db);
      const r = await importBytes(file);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('meeting_file_invalid');
        expect(r.error.message).toMatch(/không ghi được/);
      }
      expect(fingerprint(core.db)).toBe(before);
      expect(meetingCount()).toBe(1);
      // Once the obstacle is gone, the same file imports whole.
      core.db.exec('DROP TRIGGER fail_midway');
      const id = await expectImported(file);
      expect((await core.call('meeting.get', { id })).photos).toHaveLength(2);
    });
  }

  it('a unique-constraint failure names the part of the file', async () => {
    const file = sampleZip((m) => void (m.documents = [draft('minutes', [{ type: 'heading', text: 'Biên bản' }], {})]));
    core.db.exec("CREATE UNIQUE INDEX one_minutes_ever ON documents (kind) WHERE kind = 'minutes'");
    expect((await importBytes(file)).ok).toBe(true);
    const before = fingerprint(core.db);
    const r = await importBytes(file);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/ở phần bản nháp văn bản có mục bị trùng lặp/);
    expect(fingerprint(core.db)).toBe(before);
  });
});

// ---- photos inside the file ----------------------------------------------------------------

describe('photos inside a meeting file', () => {
  it('are re-encoded: no appended zip, no GPS position, at most 2,000 px', async () => {
    const gps = await sharp({ create: { width: 3000, height: 1500, channels: 3, background: '#6080a0' } })
      .withExif({ IFD0: { Make: 'Canon' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '21/1 1/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '105/1 46/1 0/1' } })
      .jpeg()
      .toBuffer();
    expect((await sharp(gps).metadata()).exif?.includes(Buffer.from([0x25, 0x88]))).toBe(true);
    const payload = buildZip([{ name: 'run.sh', data: new TextEncoder().encode('echo pwned') }]);
    const polyglot = Buffer.concat([gps, Buffer.from(payload)]);
    const files = sampleFiles();
    const zip = buildZip([
      { name: 'manifest.json', data: files['manifest.json'] },
      { name: 'meeting.json', data: json(sampleMeeting()) },
      { name: 'photos/1.jpg', data: polyglot, method: 0 },
      { name: 'photos/2.jpg', data: files['photos/2.jpg'], method: 0 },
    ]);
    const id = await expectImported(zip);
    const rec = await core.call('meeting.get', { id });
    expect(rec.photos[0]).toMatchObject({ width: 2000, height: 1000 });
    const stored = (core.db.prepare('SELECT data FROM photos WHERE id = ?').get(rec.photos[0].id) as { data: Buffer }).data;
    expect(stored.includes(Buffer.from('PK\x03\x04', 'latin1'))).toBe(false);
    expect(stored.includes(Buffer.from('echo pwned'))).toBe(false);
    const meta = await sharp(stored).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.format).toBe('jpeg');
  });

  it('a PNG or text under a .jpg name is judged by its bytes', async () => {
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#fff' } }).png().toBuffer();
    const files = sampleFiles();
    const make = (photo: Uint8Array) =>
      buildZip([
        { name: 'manifest.json', data: files['manifest.json'] },
        { name: 'meeting.json', data: json(sampleMeeting()) },
        { name: 'photos/1.jpg', data: photo, method: 0 },
        { name: 'photos/2.jpg', data: files['photos/2.jpg'], method: 0 },
      ]);
    const id = await expectImported(make(png));
    const stored = (core.db.prepare('SELECT data FROM photos WHERE meeting_id = ? ORDER BY sort_order').get(id) as { data: Buffer }).data;
    expect(stored.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    await expectRefused(make(new TextEncoder().encode('<svg onload=alert(1)>')), /photos\/1\.jpg không phải là ảnh/);
  });
});

// ---- the table in docs/RELIABILITY.md ------------------------------------------------------

describe('docs/RELIABILITY.md "Inputs hardened"', () => {
  it('names only tests that exist', () => {
    const doc = readFileSync(path.join(REPO_ROOT, 'docs', 'RELIABILITY.md'), 'utf8');
    const section = doc.slice(doc.indexOf('## Inputs hardened')).split(/\n## /)[0];
    const rows = section.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Bad input'));
    expect(rows.length).toBeGreaterThanOrEqual(25);
    for (const row of rows) {
      const cells = row.split(' | ');
      const testCell = cells[cells.length - 1];
      const files = [...testCell.matchAll(/`(tests\/[^`]+\.test\.ts)`/g)].map((m) => m[1]);
      const titles = [...testCell.matchAll(/"([^"]+)"/g)].map((m) => m[1]);
      expect(files.length, row.slice(0, 60)).toBeGreaterThan(0);
      expect(titles.length, row.slice(0, 60)).toBeGreaterThan(0);
      const source = files.map((f) => readFileSync(path.join(REPO_ROOT, f), 'utf8')).join('\n');
      for (const t of titles) expect(source.includes(t), `${files.join(', ')} has no test "${t}"`).toBe(true);
    }
  });
});
