// The sample meetings shipped with the app, as meeting records (the same format `thuky import-record`
// reads): the seed meeting of Bắc Từ Liêm, 18/10/2019 (a quận, before the two-tier reform: history),
// and a commune meeting of 2025 (xã Chí Minh). A new user explores one and then deletes it. One
// implementation for the first-run screen ('sample.load') and the CLI (`npm run demo`).
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Meeting, OrgProfile, SampleName } from '../shared/domain';
import { DEFAULT_STYLE } from '../shared/domain';
import { UserError } from '../shared/result';
import { nowIso, type CoreContext } from './context';
import { writeMeeting } from './meeting-file/import';
import { checkRecord, parseRecordText } from './records/import';
import { getMeeting } from './repo/meetings';
import { markSampleMeeting, sampleMeetingIds } from './repo/sample';

/** The default sample meeting's record, relative to the app folder. */
export const SAMPLE_FILE = 'resources/sample/bac-tu-liem-2019.json';
/** Every sample, by the name the first-run screen and `npm run demo -- --sample` use. */
export const SAMPLE_FILES: Record<SampleName, string> = {
  'bac-tu-liem-2019': SAMPLE_FILE,
  'chi-minh-2025': 'resources/sample/chi-minh-2025.json',
};

/** The organisation of the sample meeting, set on first demo load when no profile exists. */
export const SAMPLE_PROFILE: OrgProfile = {
  issuingBody: 'UBND QUẬN BẮC TỪ LIÊM',
  level: 'district',
  parentBody: '',
  isParty: false,
  docCode: 'BB-UBND',
  placeName: 'Bắc Từ Liêm',
  byline: 'Hội Liên hiệp phụ nữ quận Bắc Từ Liêm',
  secretaryName: 'Nguyễn Thị Thu Hà',
  style: { ...DEFAULT_STYLE, padCounts: true, placeDateLine: true, chairLabel: 'CHỦ TRÌ' },
};

/**
 * Where the sample file is. The core runs from source (tsx: electron/core/), from the build
 * (out/main/) and from a package (<resources>/app.asar/out/main/, with the file copied to
 * <resources>/resources/ by electron-builder's extraResources), and the core worker is not told
 * the app folder; walking up from this module finds the file in all three without asking main.
 */
export function findSampleFile(name: SampleName = 'bac-tu-liem-2019'): string {
  const SAMPLE_FILE = SAMPLE_FILES[name];
  const tried: string[] = [];
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    tried.push(path.join(dir, SAMPLE_FILE));
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  const resourcesPath = (process as { resourcesPath?: unknown }).resourcesPath;
  if (typeof resourcesPath === 'string') tried.push(path.join(resourcesPath, SAMPLE_FILE));
  tried.push(path.resolve(SAMPLE_FILE));
  const found = tried.find((f) => existsSync(f));
  if (!found) throw new UserError('not_found', 'Không tìm thấy hội nghị mẫu đi kèm ứng dụng. Hãy cài lại ứng dụng; dữ liệu của anh/chị không bị ảnh hưởng.');
  return found;
}

/**
 * Loads the sample meeting and marks it as the sample (repo/sample.ts). When a sample is already
 * there (not deleted), that one is returned: pressing the button twice must not make two.
 */
export async function loadSampleMeeting(ctx: Pick<CoreContext, 'db' | 'now'>, name: SampleName = 'bac-tu-liem-2019', file?: string): Promise<Meeting> {
  const existing = sampleMeetingIds(ctx.db)[0];
  if (existing !== undefined) return getMeeting(ctx.db, existing);
  const at = nowIso(ctx);
  const checked = await checkRecord(parseRecordText(await readFile(file ?? findSampleFile(name))), at);
  // writeMeeting's own transaction becomes a savepoint: the meeting and its mark commit together.
  return ctx.db.transaction(() => {
    const m = writeMeeting(ctx.db, at, checked);
    markSampleMeeting(ctx.db, at, m.id);
    return m;
  })();
}
