// How people are named in the documents: "đồng chí Họ Tên – Chức danh" with a spaced en dash.
import type { Attendee, MeetingRecord, NameStyle, Reply, Speech } from '../../shared/domain';

/**
 * Party-rank abbreviations (TUV, UVTV, HUV…) written as a title of their own. The seed article
 * prints them only in the attendee list; elsewhere the functional title is enough.
 */
export function isRankAbbreviation(title: string): boolean {
  const t = title.trim();
  return t.length >= 2 && t.length <= 6 && !/\s/.test(t) && t === t.toLocaleUpperCase('vi') && t !== t.toLocaleLowerCase('vi');
}

export function cleanTitles(titles: string[]): string[] {
  return titles.map((t) => t.trim().replace(/[;,.]+$/u, '')).filter(Boolean);
}

/** Titles without the rank abbreviations, unless that would leave none. */
export function functionalTitles(titles: string[]): string[] {
  const all = cleanTitles(titles);
  const kept = all.filter((t) => !isRankAbbreviation(t));
  return kept.length ? kept : all;
}

/**
 * "Trương Quang Thiều – TUV, Bí thư Quận ủy" (full) or "… – Bí thư Quận ủy" (functional), in the
 * office's style: a spaced en dash (default), a comma, or the titles before the name ("Chủ tịch
 * UBND tỉnh Lê Văn Hẳn"). A person known by title alone is named by the titles.
 */
export function nameWithTitles(a: Pick<Attendee, 'fullName' | 'titles'>, which: 'full' | 'functional', style: NameStyle = 'dash'): string {
  const titles = which === 'full' ? cleanTitles(a.titles) : functionalTitles(a.titles);
  const name = a.fullName.trim();
  if (!titles.length) return name;
  if (!name) return titles.join(', ');
  switch (style) {
    case 'comma':
      return `${name}, ${titles.join(', ')}`;
    case 'hyphen':
      return `${name} - ${titles.join(', ')}`;
    case 'title-first':
      return `${titles.join(', ')} ${name}`;
    default:
      return `${name} – ${titles.join(', ')}`;
  }
}

/** "đồng chí Họ Tên – Chức danh", or "đồng chí Chủ tịch UBND tỉnh" for a person known by title alone. */
export function comrade(a: Pick<Attendee, 'fullName' | 'titles'>, which: 'full' | 'functional', style: NameStyle = 'dash'): string {
  // "Chủ tịch UBND tỉnh Lê Văn Hẳn": with the title first, the title is the honorific.
  if (style === 'title-first' && a.fullName.trim() && functionalTitles(a.titles).length) return nameWithTitles(a, which, style);
  return `đồng chí ${nameWithTitles(a, which, style)}`;
}

/** "Bí thư Quận ủy": the first functional title, for "Đồng chí Bí thư Quận ủy đề nghị". */
export function mainTitle(a: Pick<Attendee, 'titles'>): string {
  return functionalTitles(a.titles)[0] ?? '';
}

export function attendeeById(record: MeetingRecord, id: number | null): Attendee | undefined {
  return id == null ? undefined : record.attendees.find((a) => a.id === id);
}

/** Who gave a speech: the roster entry when linked, else the free text. */
export function speechSpeaker(record: MeetingRecord, s: Speech): { attendee?: Attendee; text: string } {
  const a = attendeeById(record, s.speakerAttendeeId);
  return a ? { attendee: a, text: a.fullName } : { text: s.speakerText.trim() };
}

/** A responder as the article names them: "đồng chí A – Chức danh" or the agency as typed. */
export function responderLabel(record: MeetingRecord, r: Reply, which: 'full' | 'functional', style: NameStyle = 'dash'): string {
  const a = attendeeById(record, r.responderAttendeeId);
  if (a) return comrade(a, which, style);
  return r.responderText.trim();
}

/** Who raised a recommendation: the roster name, else the free text. */
export function raiserLabel(record: MeetingRecord, raisedByAttendeeId: number | null, raisedByText: string): string {
  const a = attendeeById(record, raisedByAttendeeId);
  return a ? a.fullName.trim() : raisedByText.trim();
}

/** Distinct non-empty strings, in first-seen order. */
export function distinct(xs: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const x of xs) {
    const k = x.trim();
    if (k && !seen.has(k.toLocaleLowerCase('vi'))) {
      seen.add(k.toLocaleLowerCase('vi'));
      out.push(k);
    }
  }
  return out;
}

/**
 * Several people in one clause, as reporters list them: "các đồng chí A – T1; B – T2" (the plural
 * honorific once), one person "đồng chí A – T1"; with the titles first the titles are the honorific
 * ("Chủ tịch UBND tỉnh A, Phó Chủ tịch UBND tỉnh B"). `and` joins the last two with "và".
 */
export function comrades(people: Pick<Attendee, 'fullName' | 'titles'>[], which: 'full' | 'functional', style: NameStyle = 'dash', and = false): string {
  if (people.length === 0) return '';
  if (people.length === 1) return comrade(people[0]!, which, style);
  const named = people.map((a) => nameWithTitles(a, which, style));
  const sep = style === 'title-first' ? ', ' : '; ';
  const list = and ? `${named.slice(0, -1).join(sep)} và ${named[named.length - 1]}` : named.join(sep);
  if (style === 'title-first' && people.every((a) => a.fullName.trim() && functionalTitles(a.titles).length)) return list;
  return `các đồng chí ${list}`;
}
