// Reading a zip that came from outside. The central directory is read first and every limit is
// checked on it before a byte is inflated; then only the entries the format uses are inflated, one
// at a time, when asked for, each bounded by its declared size (zlib's maxOutputLength) and checked
// against its CRC-32. So:
// - a zip bomb costs at most one entry's declared size, and entries the format does not use
//   (junk, padding, 100 × 9.9 MB of zeros under other names) are never inflated at all;
// - a flipped byte (a bad disk, a truncated copy, an e-mail gateway) is refused, never imported
//   as a wrong name: deflate decodes many damaged streams "successfully", only the CRC notices.
// Photos (JPEG) barely compress and JSON about 10:1, so an entry over 1 MB that claims to inflate
// more than 100-fold is a bomb, not a meeting. Entry names are never used as paths on disk, and
// names that try to climb out ("../", absolute, drive letters) are refused outright.
import { crc32, inflateRawSync } from 'node:zlib';
import { zipSync, type Zippable } from 'fflate';
import { LIMITS } from '../../shared/limits';
import { UserError } from '../../shared/result';

/** The one refusal of a meeting file, said the same way by the reader here and the import's checks. */
export const meetingFileInvalid = (what: string): UserError =>
  new UserError('meeting_file_invalid', `Tệp hội nghị không hợp lệ: ${what} Dữ liệu hiện có không bị thay đổi.`);
/** A reference inside the file ("a1", "r3") that is not one: said the same way by every part. */
export const BAD_KEY = 'Khóa tham chiếu không hợp lệ.';
const bad = meetingFileInvalid;

const BOMB = 'dữ liệu giải nén quá lớn (có thể là tệp độc hại "zip bomb").';
const BROKEN = 'tệp bị cắt cụt hoặc hỏng, không giải nén được.';

/** Above this declared size, an entry must not inflate more than BOMB_RATIO-fold. */
const BOMB_MIN_BYTES = 1024 * 1024;
const BOMB_RATIO = 100;

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05) && (bytes[3] === 0x04 || bytes[3] === 0x06);
}

export function isSafeEntryName(name: string): boolean {
  if (!name || name.length > 200) return false;
  if (name.startsWith('/') || name.includes('\\') || /^[a-zA-Z]:/.test(name)) return false;
  return !name.split('/').some((part) => part === '..' || part === '.');
}

type Entry = { name: string; method: number; crc: number; compressedSize: number; size: number; localOffset: number };

/** An archive whose directory has been checked; entries are inflated only when read. */
export type Archive = {
  names: () => string[];
  has: (name: string) => boolean;
  /** The entry's bytes, inflated now, CRC-checked; undefined when there is no such entry. */
  read: (name: string, maxBytes: number, shownAs?: string) => Uint8Array | undefined;
};

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function findEnd(view: DataView): number {
  // The end record is 22 bytes plus a comment of at most 65,535 bytes, so it is near the end.
  const stop = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let i = view.byteLength - 22; i >= stop; i--) if (view.getUint32(i, true) === EOCD) return i;
  return -1;
}

/** Any slip of the parser on a hostile file (a RangeError from DataView …) is a damaged file, not "internal". */
function damagedUnlessExplained<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw bad(BROKEN);
  }
}

export function openArchive(bytes: Uint8Array): Archive {
  return damagedUnlessExplained(() => parseArchive(bytes));
}

function parseArchive(bytes: Uint8Array): Archive {
  if (bytes.length === 0) throw bad('tệp trống.');
  if (bytes.length > LIMITS.meetingFileBytes) throw bad(`tệp quá lớn (${Math.round(bytes.length / 1024 / 1024)} MB, tối đa ${LIMITS.meetingFileBytes / 1024 / 1024} MB).`);
  if (!isZip(bytes)) throw bad('đây không phải tệp hội nghị (.thukyhn) do Thư ký Hội nghị xuất ra, hoặc tệp đã bị hỏng.');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEnd(view);
  if (end < 0) throw bad(BROKEN);
  const count = view.getUint16(end + 10, true);
  const dirSize = view.getUint32(end + 12, true);
  const dirOffset = view.getUint32(end + 16, true);
  // ZIP64 and multi-disk archives are never written by the app (a meeting file is < 300 MB).
  if (count === 0xffff || dirOffset === 0xffffffff || view.getUint16(end + 4, true) !== 0 || view.getUint16(end + 8, true) !== count) throw bad(BROKEN);
  if (count > LIMITS.meetingFileEntries) throw bad('có quá nhiều mục bên trong.');
  if (dirOffset + dirSize > end) throw bad(BROKEN);
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const entries = new Map<string, Entry>();
  let total = 0;
  let p = dirOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > end || view.getUint32(p, true) !== CENTRAL) throw bad(BROKEN);
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const crc = view.getUint32(p + 16, true);
    const compressedSize = view.getUint32(p + 20, true);
    const size = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const localOffset = view.getUint32(p + 42, true);
    if (p + 46 + nameLen > end) throw bad(BROKEN);
    let name: string;
    try {
      name = utf8.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    } catch {
      throw bad('có tên mục không đọc được bên trong.');
    }
    p += 46 + nameLen + extraLen + commentLen;
    if (!isSafeEntryName(name)) throw bad(`có đường dẫn không an toàn bên trong ("${name.slice(0, 80)}").`);
    if (entries.has(name)) throw bad(`có mục "${name.slice(0, 80)}" bị lặp.`);
    if (flags & 1) throw bad('có mục bị mã hóa (đặt mật khẩu).');
    if (method !== 0 && method !== 8) throw bad('có mục nén theo cách không hỗ trợ.');
    total += size;
    if (total > LIMITS.meetingFileInflated || (size > BOMB_MIN_BYTES && size / Math.max(compressedSize, 1) > BOMB_RATIO)) throw bad(BOMB);
    if (method === 0 && size !== compressedSize) throw bad(BROKEN);
    if (localOffset + 30 + compressedSize > dirOffset) throw bad(BROKEN);
    entries.set(name, { name, method, crc, compressedSize, size, localOffset });
  }

  function read(name: string, maxBytes: number, shownAs = name): Uint8Array | undefined {
    const e = entries.get(name);
    if (!e) return undefined;
    if (e.size > maxBytes) throw bad(`phần ${shownAs} quá lớn (${(e.size / 1024 / 1024).toFixed(1)} MB, tối đa ${(maxBytes / 1024 / 1024).toFixed(0)} MB).`);
    const o = e.localOffset;
    if (view.getUint32(o, true) !== LOCAL) throw bad(BROKEN);
    const nameLen = view.getUint16(o + 26, true);
    const extraLen = view.getUint16(o + 28, true);
    // The local header must name the same entry, or two readers could see two different files.
    if (Buffer.compare(Buffer.from(bytes.subarray(o + 30, o + 30 + nameLen)), Buffer.from(e.name, 'utf8')) !== 0) throw bad(BROKEN);
    const start = o + 30 + nameLen + extraLen;
    if (start + e.compressedSize > bytes.length) throw bad(BROKEN);
    const raw = bytes.subarray(start, start + e.compressedSize);
    let data: Uint8Array;
    if (e.method === 0) data = raw;
    else {
      try {
        // Never more than the declared size: a header that lies about it cannot take the memory.
        data = inflateRawSync(raw, { maxOutputLength: Math.max(e.size, 1) });
      } catch (err) {
        // More bytes than declared: a damaged stream or a bomb with a lying header; either way, refused.
        if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
          throw bad(`phần ${shownAs} bị hỏng: giải nén ra nhiều hơn kích thước đã khai (có thể là tệp độc hại "zip bomb").`);
        throw bad(`phần ${shownAs} bị hỏng, không giải nén được.`);
      }
    }
    if (data.length !== e.size) throw bad(`phần ${shownAs} bị hỏng (kích thước không khớp).`);
    if (crc32(data) !== e.crc) throw bad(`phần ${shownAs} bị hỏng (sai mã kiểm tra CRC-32): tệp đã bị thay đổi hoặc chép lỗi. Hãy xuất lại tệp từ máy gốc.`);
    return data;
  }

  return {
    names: () => [...entries.keys()],
    has: (name) => entries.has(name),
    read: (name, maxBytes, shownAs) => damagedUnlessExplained(() => read(name, maxBytes, shownAs)),
  };
}

export function writeArchive(entries: Record<string, Uint8Array>): Uint8Array {
  const zippable: Zippable = {};
  // JPEGs do not compress; storing them saves seconds on a big meeting.
  for (const [name, data] of Object.entries(entries)) zippable[name] = [data, { level: name.endsWith('.jpg') ? 0 : 6 }];
  return zipSync(zippable);
}
