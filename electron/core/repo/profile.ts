import type { Database } from 'better-sqlite3';
import { DEFAULT_STYLE, UNIT_LEVELS, type HouseStyle, type OrgProfile, type UnitLevel } from '../../shared/domain';
import { bool, int } from './json';

type ProfileRow = {
  issuing_body: string;
  level: string;
  parent_body: string;
  is_party: number;
  doc_code: string;
  place_name: string;
  byline: string;
  secretary_name: string;
  style_json: string;
};

function parseStyle(json: string): HouseStyle {
  try {
    return { ...DEFAULT_STYLE, ...(JSON.parse(json) as Partial<HouseStyle>) };
  } catch {
    return { ...DEFAULT_STYLE };
  }
}

export function getProfile(db: Database): OrgProfile | null {
  const r = db.prepare('SELECT * FROM org_profile WHERE id = 1').get() as ProfileRow | undefined;
  if (!r) return null;
  return {
    issuingBody: r.issuing_body,
    level: (UNIT_LEVELS as readonly string[]).includes(r.level) ? (r.level as UnitLevel) : 'commune',
    parentBody: r.parent_body,
    isParty: bool(r.is_party),
    docCode: r.doc_code,
    placeName: r.place_name,
    byline: r.byline,
    secretaryName: r.secretary_name,
    style: parseStyle(r.style_json),
  };
}

export function saveProfile(db: Database, p: OrgProfile): OrgProfile {
  db.prepare(
    `INSERT INTO org_profile (id, issuing_body, level, parent_body, is_party, doc_code, place_name, byline, secretary_name, style_json)
     VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET issuing_body = excluded.issuing_body, level = excluded.level, parent_body = excluded.parent_body,
       is_party = excluded.is_party, doc_code = excluded.doc_code, place_name = excluded.place_name,
       byline = excluded.byline, secretary_name = excluded.secretary_name, style_json = excluded.style_json`,
  ).run(p.issuingBody, p.level, p.parentBody, int(p.isParty), p.docCode, p.placeName, p.byline, p.secretaryName, JSON.stringify(p.style));
  return getProfile(db)!;
}
