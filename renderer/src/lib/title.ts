import type { Attendee, Meeting } from '../../../electron/shared/domain';

// The posts a dialogue is "with": the heads of the Party committee, the People's Council and the
// People's Committee. Membership abbreviations (TUV, UVTV) never appear in a title.
const HEAD_POSTS = /^(Bí thư|Chủ tịch HĐND|Chủ tịch UBND|Chủ tịch Ủy ban MTTQ)/;
const UNIT_WORD = /\s(Quận|Huyện|Phường|Xã|Thị xã|Thị trấn|Thành phố|Tỉnh)$/;

/** "đồng chí Bí thư Quận ủy, Chủ tịch HĐND Quận và Chủ tịch UBND Quận", from the roster. */
export function leadersPhrase(attendees: Pick<Attendee, 'role' | 'titles'>[]): string | null {
  const posts: string[] = [];
  for (const a of attendees) {
    if (a.role === 'guest' || a.role === 'delegate') continue;
    for (const t of a.titles) if (HEAD_POSTS.test(t.trim()) && !posts.includes(t.trim())) posts.push(t.trim());
  }
  if (posts.length === 0) return null;
  const list = posts.length === 1 ? posts[0] : `${posts.slice(0, -1).join(', ')} và ${posts[posts.length - 1]}`;
  return `đồng chí ${list}`;
}

/**
 * "Hội nghị đối thoại giữa đồng chí Bí thư Quận ủy, … với cán bộ, hội viên phụ nữ quận Bắc Từ Liêm".
 * An audience that ends in a bare unit word ("… phụ nữ Quận") takes the locality's full name
 * instead of repeating it ("… phụ nữ quận Bắc Từ Liêm", not "… phụ nữ Quận quận Bắc Từ Liêm").
 */
export function suggestTitle(m: Pick<Meeting, 'organizer' | 'audience' | 'locality'>, attendees: Pick<Attendee, 'role' | 'titles'>[] = []): string | null {
  const audience = m.audience.trim();
  if (!audience) return null;
  const who = leadersPhrase(attendees) ?? (m.organizer.trim() ? `lãnh đạo ${m.organizer.trim()}` : 'lãnh đạo địa phương');
  const locality = m.locality.trim();
  let whom = audience;
  const unit = UNIT_WORD.exec(audience);
  if (locality && unit && locality.toLowerCase().startsWith(unit[1].toLowerCase())) whom = audience.slice(0, unit.index) + ' ' + locality;
  else if (locality && !audience.toLowerCase().includes(locality.toLowerCase())) whom = `${audience} ${locality}`;
  return `Hội nghị đối thoại giữa ${who} với ${whom}`;
}
