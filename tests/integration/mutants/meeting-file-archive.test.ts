// The zip reader and writer of meeting files, on archives written byte by byte: the signatures it
// accepts, an archive comment, names it cannot decode or must not trust (shown cut to 80
// characters), sizes that lie, a damaged deflate stream, the size messages, and what the writer
// compresses. Written for the mutants of archive.ts (issue 13).
import { randomBytes } from 'node:crypto';
import { crc32, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { isSafeEntryName, isZip, openArchive, writeArchive } from '../../../electron/core/meeting-file/archive';
import { LIMITS } from '../../../electron/shared/limits';
import { UserError } from '../../../electron/shared/result';

type Raw = { name: string | Uint8Array; data: Uint8Array; method?: 0 | 8; size?: number; localOffset?: number };

/** A zip as the format describes it, with every field the test wants to lie about exposed. */
function zip(entries: Raw[], comment = ''): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const method = e.method ?? 0;
    const body = method === 8 ? deflateRawSync(e.data) : Buffer.from(e.data);
    const name = typeof e.name === 'string' ? Buffer.from(e.name, 'utf8') : Buffer.from(e.name);
    const size = e.size ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc32(e.data) >>> 0, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc32(e.data) >>> 0, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(e.localOffset ?? offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const dir = Buffer.concat(centrals);
  const text = Buffer.from(comment, 'utf8');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(text.length, 20);
  return Buffer.concat([...locals, dir, end, text]);
}

const PREFIX = 'Tệp hội nghị không hợp lệ: ';
const SUFFIX = ' Dữ liệu hiện có không bị thay đổi.';
const BROKEN = `${PREFIX}tệp bị cắt cụt hoặc hỏng, không giải nén được.${SUFFIX}`;

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    expect((e as UserError).code).toBe('meeting_file_invalid');
    return (e as UserError).message;
  }
  throw new Error('expected a refusal');
}

const text = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('what counts as a zip', () => {
  it('the local-header and end-of-directory signatures, nothing else', () => {
    expect(isZip(Uint8Array.from([0x50, 0x4b, 0x03, 0x04]))).toBe(true);
    expect(isZip(Uint8Array.from([0x50, 0x4b, 0x05, 0x06]))).toBe(true);
    for (const bad of [
      [0x50, 0x4b, 0x03],
      [0x51, 0x4b, 0x03, 0x04],
      [0x50, 0x4c, 0x03, 0x04],
      [0x50, 0x4b, 0x04, 0x04],
      [0x50, 0x4b, 0x03, 0x05],
      [0x50, 0x4b, 0x05, 0x07],
    ])
      expect(isZip(Uint8Array.from(bad)), bad.join(',')).toBe(false);
  });

  it('an empty archive (only its end record) opens with no entries', () => {
    const a = openArchive(zip([]));
    expect(a.names()).toEqual([]);
    expect(a.read('meeting.json', 100)).toBeUndefined();
  });

  it('an archive comment after the end record is fine', () => {
    const a = openArchive(zip([{ name: 'a.json', data: text('{"a":1}') }], 'Xuất từ Thư ký Hội nghị'));
    expect(a.names()).toEqual(['a.json']);
    expect(new TextDecoder().decode(a.read('a.json', 100))).toBe('{"a":1}');
  });

  it('a zip signature with no end record is damaged', () => {
    const bytes = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100)]);
    expect(refusal(() => openArchive(bytes))).toBe(BROKEN);
  });

  it('entry names: 200 characters at most, never empty', () => {
    expect(isSafeEntryName('a'.repeat(200))).toBe(true);
    expect(isSafeEntryName('a'.repeat(201))).toBe(false);
    expect(isSafeEntryName('')).toBe(false);
    expect(isSafeEntryName('photos/1.jpg')).toBe(true);
  });
});

describe('refused before anything is inflated', () => {
  it('a file over the size limit, with both sizes in MB', () => {
    // Not written to: the pages of an unfilled buffer are never touched.
    const huge = Buffer.allocUnsafe(LIMITS.meetingFileBytes + 3 * 1024 * 1024);
    expect(refusal(() => openArchive(huge))).toBe(`${PREFIX}tệp quá lớn (303 MB, tối đa 300 MB).${SUFFIX}`);
  });

  it('more entries than the limit', () => {
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(LIMITS.meetingFileEntries + 1, 8);
    end.writeUInt16LE(LIMITS.meetingFileEntries + 1, 10);
    expect(refusal(() => openArchive(end))).toBe(`${PREFIX}có quá nhiều mục bên trong.${SUFFIX}`);
  });

  it('a name that is not UTF-8', () => {
    expect(refusal(() => openArchive(zip([{ name: Uint8Array.from([0x61, 0xff, 0xfe, 0x62]), data: text('x') }])))).toBe(`${PREFIX}có tên mục không đọc được bên trong.${SUFFIX}`);
  });

  it('an unsafe or repeated name is shown cut to 80 characters', () => {
    const long = `../${'b'.repeat(150)}`;
    expect(refusal(() => openArchive(zip([{ name: long, data: text('x') }])))).toBe(`${PREFIX}có đường dẫn không an toàn bên trong ("${long.slice(0, 80)}").${SUFFIX}`);
    const name = `${'c'.repeat(150)}.json`;
    expect(refusal(() => openArchive(zip([{ name, data: text('1') }, { name, data: text('2') }])))).toBe(`${PREFIX}có mục "${name.slice(0, 80)}" bị lặp.${SUFFIX}`);
  });

  it('an unused entry whose data would end exactly where the directory starts is not refused', () => {
    // Its local header is never read (the entry is not used), and its claimed data fits before the directory.
    const data = text('0123456789');
    // a.json's local part is 30 + 6 + 2 bytes, junk.bin's 30 + 8 + 10: the directory starts at 86.
    const dirOffset = 30 + 6 + 2 + (30 + 8 + data.length);
    const a = openArchive(zip([{ name: 'a.json', data: text('{}') }, { name: 'junk.bin', data, localOffset: dirOffset - 30 - data.length }]));
    expect(a.names()).toEqual(['a.json', 'junk.bin']);
  });
});

describe('reading an entry', () => {
  it('larger than the caller allows: both sizes in MB', () => {
    const big = randomBytes(3.5 * 1024 * 1024);
    const a = openArchive(zip([{ name: 'meeting.json', data: big }]));
    expect(refusal(() => a.read('meeting.json', 2 * 1024 * 1024))).toBe(`${PREFIX}phần meeting.json quá lớn (3.5 MB, tối đa 2 MB).${SUFFIX}`);
    expect(refusal(() => a.read('meeting.json', 2 * 1024 * 1024, 'ảnh 1'))).toBe(`${PREFIX}phần ảnh 1 quá lớn (3.5 MB, tối đa 2 MB).${SUFFIX}`);
  });

  it('a deflate stream that is damaged (not too long) is "không giải nén được", not a zip bomb', () => {
    const data = text('{"meeting":"'.padEnd(4000, 'x') + '"}');
    const bytes = zip([{ name: 'meeting.json', data, method: 8 }]);
    // The first byte of the stream: block type 3 does not exist.
    bytes[30 + 'meeting.json'.length] = 0xff;
    expect(refusal(() => openArchive(bytes).read('meeting.json', 1e6))).toBe(`${PREFIX}phần meeting.json bị hỏng, không giải nén được.${SUFFIX}`);
  });

  it('a stream that inflates to less than the size declared', () => {
    const data = text('{"a":"'.padEnd(2000, 'y') + '"}');
    const bytes = zip([{ name: 'meeting.json', data, method: 8, size: data.length + 10 }]);
    expect(refusal(() => openArchive(bytes).read('meeting.json', 1e6))).toBe(`${PREFIX}phần meeting.json bị hỏng (kích thước không khớp).${SUFFIX}`);
  });
});

describe('writing', () => {
  it('photos are stored as they are, everything else compressed; and it reads back', () => {
    const jpeg = randomBytes(5000);
    const json = text(JSON.stringify({ a: 'x'.repeat(5000) }));
    const out = writeArchive({ 'photos/1.jpg': jpeg, 'meeting.json': json, 'notes.jpg.txt': json });
    const view = Buffer.from(out);
    const methods: Record<string, number> = {};
    for (let i = 0; i + 46 <= view.length; i++)
      if (view.readUInt32LE(i) === 0x02014b50) methods[view.subarray(i + 46, i + 46 + view.readUInt16LE(i + 28)).toString('utf8')] = view.readUInt16LE(i + 10);
    expect(methods).toEqual({ 'photos/1.jpg': 0, 'meeting.json': 8, 'notes.jpg.txt': 8 });
    const a = openArchive(out);
    expect(Buffer.from(a.read('photos/1.jpg', 1e6)!).equals(jpeg)).toBe(true);
    expect(Buffer.from(a.read('meeting.json', 1e6)!).equals(Buffer.from(json))).toBe(true);
  });
});
