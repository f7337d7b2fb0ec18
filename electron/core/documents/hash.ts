// A stable fingerprint of the data a document is generated from. A draft stores it; when the
// current fingerprint differs, the app tells the secretary the meeting changed after the draft.
import { createHash } from 'node:crypto';
import type { DocKind, MeetingRecord, OrgProfile } from '../../shared/domain';

/** JSON with sorted keys, so the same data always gives the same string. */
function stable(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .filter((k) => o[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${stable(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v ?? null);
}

/**
 * Only what the blocks print counts: timestamps, status, lock and revision never do; the article does
 * not print the minutes number, the secretary or the end time; minutes and summary print no photos.
 */
export function sourceHash(kind: DocKind, record: MeetingRecord, profile: OrgProfile | null): string {
  // The revision is printed from the record at export time, never from the blocks, and it rises
  // when the secretary edits the unlocked minutes themselves: it must not make the draft stale.
  const { updatedAt: _u, createdAt: _c, status: _s, locked: _l, revision: _r, ...meeting } = record.meeting;
  const m: Record<string, unknown> = { ...meeting };
  const p: Record<string, unknown> = profile ? { ...profile } : {};
  if (kind === 'article') {
    delete m.docNumber;
    delete m.secretary;
    delete m.endTime;
    for (const k of ['issuingBody', 'parentBody', 'isParty', 'docCode', 'placeName', 'secretaryName']) delete p[k];
  }
  const photos = kind === 'article' ? record.photos.map(({ createdAt: _pc, ...rest }) => rest) : [];
  // Speaking times print in the summary, and in the minutes when the rule asks (issue 16). Without
  // them the key is left out (stable() drops undefined), so older drafts keep their hash.
  const times = record.timing && (kind === 'summary' || (kind === 'minutes' && record.timing.rule.inMinutes)) ? record.timing.times : undefined;
  const data = { kind, meeting: m, attendees: record.attendees, groups: record.groups, speeches: record.speeches, recommendations: record.recommendations, replies: record.replies, photos, profile: p, times };
  return createHash('sha256').update(stable(data)).digest('hex');
}
