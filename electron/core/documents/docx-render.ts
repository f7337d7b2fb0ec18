// One entry point for every .docx the app writes. Pure: it takes plain data (blocks, record,
// profile, photo bytes) and returns the file, so it runs the same in a worker or in the core.
import { Packer } from 'docx';
import type { DocKind, MeetingRecord, OrgProfile } from '../../shared/domain';
import { DEFAULT_STYLE } from '../../shared/domain';
import type { DocBlock, DocOptions } from '../../shared/documents';
import { articleDocument, type PhotoLoader } from './docx-article';
import { minutesDocument } from './docx-minutes';
import { summaryDocument } from './docx-summary';

export type { PhotoData, PhotoLoader } from './docx-article';

/** A profile for a fresh install that has not filled in its organisation yet. */
export const FALLBACK_PROFILE: OrgProfile = {
  issuingBody: '',
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
  const doc =
    kind === 'article'
      ? articleDocument(blocks, record, profile, loadPhoto)
      : kind === 'minutes'
        ? minutesDocument(blocks, record, profile ?? FALLBACK_PROFILE, options)
        : summaryDocument(blocks, record, profile);
  return Packer.toBuffer(doc);
}
