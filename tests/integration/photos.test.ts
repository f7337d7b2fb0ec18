// Photos from outside: checked by their bytes, bounded in size and pixels, never trusted by name.
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempCore, type TestCore } from '../helpers/core';
import { fingerprint } from '../helpers/fingerprint';
import { displayName } from '../../electron/core/photos/process';

let core: TestCore;
let meetingId: number;
beforeAll(async () => {
  core = tempCore();
  meetingId = (await core.call('meeting.create', {})).id;
});
afterAll(() => core.dispose());

const add = (fileName: string, bytes: Buffer) => core.registry.dispatch('photo.add', { meetingId, fileName, dataBase64: bytes.toString('base64'), caption: 'Quang cảnh' });

async function camera(width: number, height: number): Promise<Buffer> {
  // Noise compresses badly, like a real photo; a flat colour would not test downscaling honestly.
  const raw = Buffer.alloc(width * height * 3);
  for (let i = 0; i < raw.length; i++) raw[i] = (i * 2654435761) >>> 24;
  return sharp(raw, { raw: { width, height, channels: 3 } }).jpeg({ quality: 90 }).toBuffer();
}

describe('photos', () => {
  it('downscales a 4000×3000 photo to 2000 px on the long side and makes a thumbnail', async () => {
    const r = await add('IMG_0001.JPG', await camera(4000, 3000));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value).toMatchObject({ width: 2000, height: 1500, mime: 'image/jpeg', caption: 'Quang cảnh' });
    const thumb = await core.call('photo.thumb', { id: (r as { value: { id: number } }).value.id });
    expect(thumb).toMatch(/^data:image\/jpeg;base64,/);
  });

  const refused: [string, () => Promise<Buffer>, string, RegExp][] = [
    ['a text file named .jpg', async () => Buffer.from('Đây là văn bản, không phải ảnh'), 'anh.jpg', /không phải ảnh JPEG, PNG hoặc WebP/],
    ['an HTML file named .jpg', async () => Buffer.from('<img src=x onerror=alert(1)>'), 'x.jpg', /không phải ảnh/],
    ['an empty file', async () => Buffer.alloc(0), 'trong.jpg', /trống/],
    ['a truncated JPEG', async () => (await camera(400, 300)).subarray(0, 600), 'cut.jpg', /hỏng/],
    ['a 60 MB file', async () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(60 * 1024 * 1024)]), 'big.jpg', /quá lớn/],
    [
      'a 20000×20000 image (decompression bomb)',
      () => sharp({ create: { width: 20000, height: 20000, channels: 3, background: '#fff' }, limitInputPixels: false }).png({ compressionLevel: 9 }).toBuffer(),
      'bomb.png',
      /vượt giới hạn 100 triệu điểm ảnh/,
    ],
  ];
  for (const [name, make, fileName, msg] of refused) {
    it(`refuses ${name} with a message, storing nothing`, async () => {
      const before = fingerprint(core.db);
      const r = await add(fileName, await make());
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(msg);
      expect(fingerprint(core.db)).toBe(before);
    });
  }

  it('never uses the file name as a path, and shows it safely in messages', async () => {
    for (const name of ['../../etc/passwd.jpg', 'C:\\Windows\\system32\\CON.jpg', 'CON', 'NUL.jpg', 'a\u0000b.jpg', `${'x'.repeat(300)}.jpg`]) {
      const r = await add(name, Buffer.from('not an image'));
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.message).not.toMatch(/\.\.\/|\\|\u0000/);
        expect(r.error.message.length).toBeLessThan(300);
      }
    }
    expect(displayName('../../etc/passwd.jpg')).toBe('"passwd.jpg"');
    expect(displayName('C:\\Windows\\CON.jpg')).toBe('"CON.jpg"');
    // A valid photo with a hostile name is stored; the name goes nowhere near the disk.
    expect((await add('../../../../tmp/evil.jpg', await camera(300, 200))).ok).toBe(true);
  });
});
