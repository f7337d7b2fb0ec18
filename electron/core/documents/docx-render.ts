// One entry point for every .docx the app writes. Pure: it takes plain data (blocks, record,
// profile, photo bytes) and returns the file, so it runs the same in a worker or in the core.
import { Packer } from 'docx';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import type { DocKind, MeetingRecord, OrgProfile } from '../../shared/domain';
import { DEFAULT_STYLE } from '../../shared/domain';
import type { DocBlock, DocOptions } from '../../shared/documents';
import { articleDocument, type PhotoLoader } from './docx-article';
import { minutesDocument } from './docx-minutes';
import { summaryDocument } from './docx-summary';
import { noticeDocument } from './notice-docx';

export type { PhotoData, PhotoLoader } from './docx-article';

/** A profile for a fresh install that has not filled in its organisation yet. */
export const FALLBACK_PROFILE: OrgProfile = {
  issuingBody: '',
  level: 'commune',
  parentBody: '',
  isParty: false,
  docCode: 'BB',
  placeName: '',
  byline: '',
  secretaryName: '',
  style: DEFAULT_STYLE,
};

export async function renderDocx(
  kind: DocKind,
  blocks: DocBlock[],
  record: MeetingRecord,
  profile: OrgProfile | null,
  loadPhoto: PhotoLoader,
  options: DocOptions = {},
): Promise<Buffer> {
  if (kind === 'minutes') return Packer.toBuffer(minutesDocument(blocks, record, profile ?? FALLBACK_PROFILE, options));
  if (kind === 'summary') return Packer.toBuffer(summaryDocument(blocks, record, profile));
  if (kind === 'notice') return Packer.toBuffer(noticeDocument(blocks, record, profile ?? FALLBACK_PROFILE, options));
  // docx hashes every image with a JavaScript SHA-1 and deflates it again inside the zip, which
  // for twenty 1 MB photos costs most of a second and gains nothing (JPEG does not compress).
  // So the document is built with tiny stand-ins, and the real photos are stored afterwards.
  const real = new Map<number, Uint8Array>();
  const withStandIns: PhotoLoader = (id) => {
    const p = loadPhoto(id);
    if (!p) return null;
    real.set(id, p.data);
    return { ...p, data: standInJpeg(id) };
  };
  const packed = await Packer.toBuffer(articleDocument(blocks, record, profile, withStandIns));
  if (!real.size) return packed;
  const files = unzipSync(packed);
  const out: Zippable = {};
  for (const [name, data] of Object.entries(files)) {
    const id = name.startsWith('word/media/') ? standInId(data) : null;
    const photo = id == null ? undefined : real.get(id);
    out[name] = photo ? [photo, { level: 0 }] : [data, { level: 6 }];
  }
  return Buffer.from(zipSync(out));
}

const STAND_IN = 'thuky-photo-';

/** A minimal JPEG (start, a comment naming the photo, end): unique per photo, so docx keeps one file each. */
function standInJpeg(id: number): Uint8Array {
  const note = Buffer.from(`${STAND_IN}${id}`, 'ascii');
  const len = note.length + 2;
  return Uint8Array.from([0xff, 0xd8, 0xff, 0xfe, len >> 8, len & 0xff, ...note, 0xff, 0xd9]);
}

/** The photo id a stand-in names, or null for any other file. */
function standInId(data: Uint8Array): number | null {
  if (data.length > 64 || data[0] !== 0xff || data[1] !== 0xd8 || data[2] !== 0xff || data[3] !== 0xfe) return null;
  const m = new RegExp(`^${STAND_IN}(\\d+)$`).exec(Buffer.from(data.subarray(6, data.length - 2)).toString('ascii'));
  return m ? Number(m[1]) : null;
}
