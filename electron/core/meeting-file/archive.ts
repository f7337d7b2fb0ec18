// Reading a zip that came from outside: every limit is checked on the central directory before a
// byte is inflated, and fflate never grows an entry past its declared size, so neither a zip bomb
// nor a lying header can take the memory. Photos (JPEG) barely compress and JSON about 10:1, so a
// large entry that claims to inflate more than 100-fold is a bomb, not a meeting. Entry names are never used as paths on disk, and names
// that try to climb out ("../", absolute, drive letters) are refused outright.
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { LIMITS } from '../../shared/limits';
import { UserError } from '../../shared/result';

const bad = (what: string): UserError =>
  new UserError('meeting_file_invalid', `Tệp hội nghị không hợp lệ: ${what} Dữ liệu hiện có không bị thay đổi.`);

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05) && (bytes[3] === 0x04 || bytes[3] === 0x06);
}

export function isSafeEntryName(name: string): boolean {
  if (!name || name.length > 200) return false;
  if (name.startsWith('/') || name.includes('\\') || /^[a-zA-Z]:/.test(name)) return false;
  return !name.split('/').some((part) => part === '..' || part === '.');
}

export function readArchive(bytes: Uint8Array): Map<string, Uint8Array> {
  if (bytes.length === 0) throw bad('tệp trống.');
  if (bytes.length > LIMITS.meetingFileBytes) throw bad(`tệp quá lớn (${Math.round(bytes.length / 1024 / 1024)} MB, tối đa ${LIMITS.meetingFileBytes / 1024 / 1024} MB).`);
  if (!isZip(bytes)) throw bad('đây không phải tệp hội nghị (.thukyhn) do Thư ký Hội nghị xuất ra, hoặc tệp đã bị hỏng.');
  let total = 0;
  let count = 0;
  let problem: UserError | null = null;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter(f) {
        if (problem) return false;
        count += 1;
        total += f.originalSize;
        if (!isSafeEntryName(f.name)) problem = bad(`có đường dẫn không an toàn bên trong ("${f.name.slice(0, 80)}").`);
        else if (count > LIMITS.meetingFileEntries) problem = bad('có quá nhiều mục bên trong.');
        else if (total > LIMITS.meetingFileInflated || (f.originalSize > 10_000_000 && f.originalSize / Math.max(f.size, 1) > 100))
          problem = bad('dữ liệu giải nén quá lớn (có thể là tệp độc hại "zip bomb").');
        return !problem;
      },
    });
  } catch {
    throw problem ?? bad('tệp bị cắt cụt hoặc hỏng, không giải nén được.');
  }
  if (problem) throw problem;
  return new Map(Object.entries(files));
}

export function writeArchive(entries: Record<string, Uint8Array>): Uint8Array {
  const zippable: Zippable = {};
  // JPEGs do not compress; storing them saves seconds on a big meeting.
  for (const [name, data] of Object.entries(entries)) zippable[name] = [data, { level: name.endsWith('.jpg') ? 0 : 6 }];
  return zipSync(zippable);
}
