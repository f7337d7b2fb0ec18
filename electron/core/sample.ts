import type { OrgProfile } from '../shared/domain';

/** The sample meeting shipped with the app (built by scripts/make-sample.ts from the seed). */
export const SAMPLE_FILE = 'resources/sample/bac-tu-liem-2019.thukyhn';

/** The organisation of the sample meeting, set on first demo load when no profile exists. */
export const SAMPLE_PROFILE: OrgProfile = {
  issuingBody: 'UBND QUẬN BẮC TỪ LIÊM',
  parentBody: '',
  isParty: false,
  docCode: 'BB-UBND',
  placeName: 'Bắc Từ Liêm',
  byline: 'Hội Liên hiệp phụ nữ quận Bắc Từ Liêm',
  secretaryName: 'Nguyễn Thị Thu Hà',
  style: { padCounts: true, placeDateLine: true, chairLabel: 'CHỦ TRÌ' },
};
