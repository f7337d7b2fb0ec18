// The office that issues the hub's reports (the province's Văn phòng), in the app's own profile
// shape and checked by the app's own schema, so the report .docx is built by the same code.
import { ProfileInput } from '../../electron/shared/contract';
import { DEFAULT_STYLE, type OrgProfile } from '../../electron/shared/domain';
import type { Sql } from './db';
import { audit } from './audit';
import { HubError } from './hub-error';

/** Until the admin sets one: a neutral provincial header the office then corrects. */
export const DEFAULT_HUB_PROFILE: OrgProfile = {
  issuingBody: 'VĂN PHÒNG UBND TỈNH',
  level: 'province',
  parentBody: 'UBND TỈNH',
  isParty: false,
  docCode: 'BC-VP',
  placeName: '',
  byline: '',
  secretaryName: '',
  style: DEFAULT_STYLE,
};

export async function hubProfile(db: Sql): Promise<OrgProfile> {
  const [r] = await db.query<{ value: OrgProfile }>("SELECT value FROM settings WHERE key = 'profile'");
  return r?.value ?? DEFAULT_HUB_PROFILE;
}

export async function setHubProfile(db: Sql, actor: string, input: unknown): Promise<OrgProfile> {
  const r = ProfileInput.safeParse(input);
  if (!r.success) {
    const i = r.error.issues[0];
    throw new HubError(400, 'bad_profile', `Thông tin cơ quan không hợp lệ${i?.path.length ? ` (${i.path.join('.')})` : ''}: ${i?.message ?? 'sai dạng'}.`);
  }
  const profile = r.data as OrgProfile;
  await db.query("INSERT INTO settings (key, value, updated_at) VALUES ('profile', $1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at", [
    JSON.stringify(profile),
    new Date().toISOString(),
  ]);
  await audit(db, actor, 'profile.set', { issuingBody: profile.issuingBody });
  return profile;
}
