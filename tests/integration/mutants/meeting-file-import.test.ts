// The meeting-file import's refusals, word for word, and the message for a file the database
// still refuses after every check passed (describeWriteFailure). Written for the mutants that
// survived the import's own suite (issue 13): each refusal below is produced by exactly one change
// to the sample file, and each database failure is a real SQLite error, not a hand-made object.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import Database from 'better-sqlite3';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeWriteFailure } from '../../../electron/core/meeting-file/import';
import type { MeetingDataInput } from '../../../electron/core/meeting-file/format';
import { UserError } from '../../../electron/shared/result';
import { tempCore, REPO_ROOT, SAMPLE_PATH, type TestCore } from '../../helpers/core';
import { fingerprint } from '../../helpers/fingerprint';

let core: TestCore;
beforeEach(() => {
  core = tempCore();
});
afterEach(() => core.dispose());

const importBytes = (bytes: Uint8Array) => core.registry.dispatch('meetingFile.import', { fileName: 'x.thukyhn', dataBase64: Buffer.from(bytes).toString('base64') });
const sampleFiles = (): Record<string, Uint8Array> => unzipSync(readFileSync(SAMPLE_PATH));
const PREFIX = 'Tệp hội nghị không hợp lệ: ';
const SUFFIX = ' Dữ liệu hiện có không bị thay đổi.';

/** The sample with its files changed by `edit` (meeting.json given parsed). */
function sampleWith(edit: (data: MeetingDataInput, files: Record<string, Uint8Array>) => void): Uint8Array {
  const files = sampleFiles();
  const data = JSON.parse(strFromU8(files['meeting.json']!)) as MeetingDataInput;
  edit(data, files);
  files['meeting.json'] = strToU8(JSON.stringify(data));
  return zipSync(files);
}

/** Refused with `code`, and the database byte for byte as it was; returns the message. */
async function refusal(bytes: Uint8Array, code = 'meeting_file_invalid'): Promise<string> {
  const before = fingerprint(core.db);
  const r = await importBytes(bytes);
  expect(r.ok).toBe(false);
  expect(fingerprint(core.db)).toBe(before);
  if (r.ok) return '';
  expect(r.error.code).toBe(code);
  return r.error.message;
}

/** A real PNG whose header claims `width` × `height`: the decoder reads the size without the pixels. */
async function pngClaiming(width: number, height: number): Promise<Buffer> {
  const png = await sharp({ create: { width: 1, height: 1, channels: 3, background: '#fff' } }).png().toBuffer();
  const out = Buffer.from(png);
  // IHDR: length (4) + "IHDR" (4) at byte 8; width and height at 16 and 20; its CRC after 13 bytes of data.
  out.writeUInt32BE(width, 16);
  out.writeUInt32BE(height, 20);
  out.writeUInt32BE(crc32(out.subarray(12, 29)) >>> 0, 29);
  return out;
}

describe('the refusals, word for word', () => {
  it('a newer format says so with its own code, the versions and what to do', async () => {
    const msg = await refusal(
      sampleWith((_d, f) => void (f['manifest.json'] = strToU8(JSON.stringify({ format: 'thuky-hoi-nghi/meeting', version: 7, appVersion: '9.1.0', exportedAt: '' })))),
      'meeting_file_newer',
    );
    expect(msg).toBe(
      'Tệp hội nghị này được tạo bởi phiên bản mới hơn (định dạng 7, ứng dụng 9.1.0). Hãy cập nhật Thư ký Hội nghị rồi nhập lại. Dữ liệu hiện có không bị thay đổi.',
    );
  });

  it('a format version below 1 is refused; version 1 (the sample) imports', async () => {
    for (const version of [0, -3]) {
      const msg = await refusal(sampleWith((_d, f) => void (f['manifest.json'] = strToU8(JSON.stringify({ format: 'thuky-hoi-nghi/meeting', version, appVersion: '1.0.0', exportedAt: '' })))));
      expect(msg).toBe(`${PREFIX}phiên bản định dạng không đúng.${SUFFIX}`);
    }
    expect((await importBytes(sampleWith(() => {}))).ok).toBe(true);
  });

  it('a manifest with the wrong shape gives the schema’s own message', async () => {
    const msg = await refusal(sampleWith((_d, f) => void (f['manifest.json'] = strToU8(JSON.stringify({ format: 'khác', version: 1, appVersion: '1', exportedAt: '' })))));
    expect(msg).toBe(`${PREFIX}Đây không phải tệp hội nghị của Thư ký Hội nghị.${SUFFIX}`);
  });

  it('meeting.json of the wrong shape: the schema’s message, with the place when there is one', async () => {
    const atRoot = await refusal(zipSync({ ...sampleFiles(), 'meeting.json': strToU8('42') }));
    // No place for a problem with the whole part: nothing in brackets.
    expect(atRoot.startsWith(PREFIX)).toBe(true);
    expect(atRoot.endsWith(SUFFIX)).toBe(true);
    expect(atRoot).not.toContain('(tại');
    expect(atRoot).not.toContain('dữ liệu sai');
    expect(atRoot.length).toBeGreaterThan(PREFIX.length + SUFFIX.length + 5);
    expect(atRoot.slice(PREFIX.length, -SUFFIX.length)).not.toMatch(/Stryker/);

    const inside = await refusal(sampleWith((d) => void (d.attendees[0]!.key = 'KHÓA')));
    expect(inside).toBe(`${PREFIX}Khóa tham chiếu không hợp lệ. (tại attendees.0.key)${SUFFIX}`);
  });

  it('a reply whose responder is not an attendee, and one with no linked responder', async () => {
    const msg = await refusal(sampleWith((d) => void (d.replies[0]!.responder = 'a99')));
    expect(msg).toBe(`${PREFIX}một ý kiến trả lời trỏ tới đại biểu không có.${SUFFIX}`);
    const typed = await importBytes(sampleWith((d) => void (d.replies[0]!.responder = null)));
    expect(typed.ok).toBe(true);
  });

  it('a photo listed twice', async () => {
    const msg = await refusal(sampleWith((d) => void d.photos.push({ ...d.photos[0]! })));
    expect(msg).toBe(`${PREFIX}ảnh photos/1.jpg được liệt kê hai lần.${SUFFIX}`);
  });

  it('a photo with too many pixels names the file and the limit; an empty one is "bị hỏng"', async () => {
    const big = await refusal(await withPhoto('photos/1.jpg', await pngClaiming(20_000, 20_000)));
    expect(big).toBe(`${PREFIX}ảnh photos/1.jpg quá nhiều điểm ảnh (tối đa 100 triệu).${SUFFIX}`);
    const empty = await refusal(await withPhoto('photos/2.jpg', new Uint8Array(0)));
    expect(empty).toBe(`${PREFIX}ảnh photos/2.jpg bị hỏng.${SUFFIX}`);
  });

  it('a damaged photo (JPEG start, garbage after) is "bị hỏng", not "không phải là ảnh"', async () => {
    const garbage = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 0x41)]);
    const msg = await refusal(await withPhoto('photos/2.jpg', garbage));
    expect(msg).toBe(`${PREFIX}ảnh photos/2.jpg bị hỏng.${SUFFIX}`);
    const html = await refusal(await withPhoto('photos/2.jpg', Buffer.from('<html>không phải ảnh</html>')));
    expect(html).toBe(`${PREFIX}photos/2.jpg không phải là ảnh (JPEG, PNG hoặc WebP).${SUFFIX}`);
  });

  it('a draft of the wrong shape: the place inside the draft and the schema’s own message', async () => {
    const withDraft = (blocks: unknown) =>
      sampleWith(
        (d) =>
          void (d.documents = [
            { kind: 'summary', blocksJson: JSON.stringify(blocks), optionsJson: '{}', edited: false, generatedAt: '2026-11-20T08:00:00.000Z', updatedAt: '2026-11-20T08:00:00.000Z' },
          ]),
      );
    const nested = await refusal(withDraft([{ type: 'paragraph', text: 'Đoạn' }, { type: 'nope' }]));
    expect(nested).toMatch(/^Tệp hội nghị không hợp lệ: nội dung bản nháp bảng tổng hợp \(documents\.0\.blocksJson\) không đúng cấu trúc \(tại 1\.type\): \S/);
    const whole = await refusal(withDraft({ type: 'paragraph' }));
    expect(whole.startsWith(`${PREFIX}nội dung bản nháp bảng tổng hợp (documents.0.blocksJson) không đúng cấu trúc: `)).toBe(true);
    for (const m of [nested, whole]) {
      // The schema's message, not the fallback: zod always says something about the first issue.
      expect(m).not.toContain('dữ liệu sai');
      expect(m).not.toContain('Stryker');
      expect(m.endsWith(SUFFIX)).toBe(true);
      expect(m.split(': ').at(-1)!.length).toBeGreaterThan(SUFFIX.length + 3);
    }
  });

  it('an imported draft is marked as of unknown origin (shown as possibly out of date)', async () => {
    const r = await importBytes(
      sampleWith(
        (d) =>
          void (d.documents = [
            {
              kind: 'article',
              blocksJson: JSON.stringify([{ type: 'paragraph', text: 'Tin' }]),
              optionsJson: '{}',
              edited: true,
              generatedAt: '2026-11-20T08:00:00.000Z',
              updatedAt: '2026-11-20T09:00:00.000Z',
            },
          ]),
      ),
    );
    if (!r.ok) throw new Error(r.error.message);
    const id = (r.value as { id: number }).id;
    const row = core.db.prepare("SELECT source_hash FROM documents WHERE meeting_id = ? AND kind = 'article'").get(id) as { source_hash: string };
    expect(row.source_hash).toBe('imported');
    const draft = await core.call('doc.get', { meetingId: id, kind: 'article' });
    expect(draft?.stale).toBe(true);
    expect(draft?.edited).toBe(true);
  });
});

async function withPhoto(name: string, bytes: Uint8Array): Promise<Uint8Array> {
  return sampleWith((_d, f) => void (f[name] = bytes));
}

// ---- describeWriteFailure, on real SQLite errors -------------------------------------------

/** The error SQLite raises for `sql` run on a scratch database prepared with `setup`. */
function sqliteError(setup: string, sql: string): unknown {
  const db = new Database(':memory:');
  try {
    db.pragma('foreign_keys = ON');
    db.exec(setup);
    db.exec(sql);
  } catch (e) {
    return e;
  } finally {
    db.close();
  }
  throw new Error(`no error from ${sql}`);
}
const unique = (table: string) => sqliteError(`CREATE TABLE ${table} (x UNIQUE); INSERT INTO ${table} VALUES (1);`, `INSERT INTO ${table} VALUES (1)`);
const message = (e: unknown): string => {
  expect(e).toBeInstanceOf(UserError);
  expect((e as UserError).code).toBe('meeting_file_invalid');
  return (e as UserError).message;
};
const written = (where: string, what: string) =>
  `${PREFIX}dữ liệu ${where} ${what}, nên không ghi được. Hãy xuất lại tệp từ máy gốc bằng cùng phiên bản ứng dụng.${SUFFIX}`;

describe('a file the database refuses after every check passed', () => {
  const labels: [string, string][] = [
    ['meetings', 'thông tin hội nghị'],
    ['people', 'danh bạ đại biểu'],
    ['attendees', 'danh sách đại biểu'],
    ['attendee_groups', 'thành phần tham dự'],
    ['speeches', 'phát biểu'],
    ['recommendations', 'kiến nghị'],
    ['replies', 'ý kiến trả lời'],
    ['reply_links', 'liên kết trả lời – kiến nghị'],
    ['photos', 'ảnh'],
    ['documents', 'bản nháp văn bản'],
  ];
  for (const [table, label] of labels) {
    it(`names the part of the file: ${table} is "${label}"`, () => {
      expect(message(describeWriteFailure(unique(table)))).toBe(written(`ở phần ${label}`, 'có mục bị trùng lặp'));
    });
  }

  it('a table the file has no part for is "trong tệp"', () => {
    expect(message(describeWriteFailure(unique('audit_log')))).toBe(written('trong tệp', 'có mục bị trùng lặp'));
  });

  it('says what kind of problem: duplicate key, dangling reference, missing value, refused value', () => {
    const pk = sqliteError('CREATE TABLE photos (id INTEGER PRIMARY KEY); INSERT INTO photos VALUES (1);', 'INSERT INTO photos VALUES (1)');
    expect((pk as { code: string }).code).toBe('SQLITE_CONSTRAINT_PRIMARYKEY');
    expect(message(describeWriteFailure(pk))).toBe(written('ở phần ảnh', 'có mục bị trùng lặp'));

    const fk = sqliteError('CREATE TABLE meetings (id INTEGER PRIMARY KEY); CREATE TABLE speeches (m REFERENCES meetings(id));', 'INSERT INTO speeches VALUES (5)');
    expect((fk as { code: string }).code).toBe('SQLITE_CONSTRAINT_FOREIGNKEY');
    // SQLite does not name the table of a foreign-key failure.
    expect(message(describeWriteFailure(fk))).toBe(written('trong tệp', 'có mục trỏ tới dữ liệu không có'));

    const notNull = sqliteError('CREATE TABLE replies (content TEXT NOT NULL);', 'INSERT INTO replies VALUES (NULL)');
    expect((notNull as { code: string }).code).toBe('SQLITE_CONSTRAINT_NOTNULL');
    expect(message(describeWriteFailure(notNull))).toBe(written('ở phần ý kiến trả lời', 'thiếu một giá trị bắt buộc'));

    const check = sqliteError('CREATE TABLE speeches (seq INTEGER CHECK (seq >= 0));', 'INSERT INTO speeches VALUES (-1)');
    expect((check as { code: string }).code).toBe('SQLITE_CONSTRAINT_CHECK');
    expect(message(describeWriteFailure(check))).toBe(written('trong tệp', 'có giá trị không được chấp nhận'));

    const trigger = sqliteError("CREATE TABLE photos (x); CREATE TRIGGER no BEFORE INSERT ON photos BEGIN SELECT RAISE(ABORT, 'disk said no'); END;", 'INSERT INTO photos VALUES (1)');
    expect((trigger as { code: string }).code).toBe('SQLITE_CONSTRAINT_TRIGGER');
    expect(message(describeWriteFailure(trigger))).toBe(written('trong tệp', 'có giá trị không được chấp nhận'));
  });

  it('any other failure passes through unchanged (a full disk is not a bad file)', () => {
    const busy = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    expect(describeWriteFailure(busy)).toBe(busy);
    const ioerr = Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR_WRITE' });
    expect(describeWriteFailure(ioerr)).toBe(ioerr);
    const plain = new TypeError('x is undefined');
    expect(describeWriteFailure(plain)).toBe(plain);
    const numeric = { code: 19, message: 'UNIQUE constraint failed: photos.id' };
    expect(describeWriteFailure(numeric)).toBe(numeric);
    expect(describeWriteFailure(null)).toBe(null);
    expect(describeWriteFailure(undefined)).toBe(undefined);
  });
});

// ---- one transaction, for every caller of writeMeeting ---------------------------------------

describe('a meeting record that passes the checks but fails while being written', () => {
  it('leaves nothing half-written (writeMeeting is one transaction, whoever calls it)', async () => {
    const json = readFileSync(path.join(REPO_ROOT, 'tests', 'fixtures', 'records', '00-seed-bac-tu-liem-2019.json'), 'utf8');
    // A real SQLite failure after the meeting, its roster, speeches and recommendations are in.
    core.db.exec("CREATE TRIGGER fail_at_replies BEFORE INSERT ON replies BEGIN SELECT RAISE(ABORT, 'disk said no'); END");
    const before = fingerprint(core.db);
    const r = await core.registry.dispatch('record.import', { json });
    expect(r.ok).toBe(false);
    expect(fingerprint(core.db)).toBe(before);
    expect((core.db.prepare('SELECT count(*) AS n FROM meetings').get() as { n: number }).n).toBe(0);
    core.db.exec('DROP TRIGGER fail_at_replies');
    expect((await core.registry.dispatch('record.import', { json })).ok).toBe(true);
  });
});
