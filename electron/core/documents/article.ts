// The news article (tin bài), in the structure and conventions of the seed article
// (../shared/seed/article-bac-tu-liem-2019.txt): headline; lead with time of day and date;
// attendees; report; pre-meeting recommendations; recommendations in the hall; replies;
// conclusion; byline. A part with no data is left out whole, never printed half-empty.
import type { Attendee, MeetingRecord, OrgProfile, PhotoEvent, PhotoMeta, Recommendation, Reply } from '../../shared/domain';
import { DEFAULT_STYLE } from '../../shared/domain';
import type { ArticleOptions, DocBlock } from '../../shared/documents';
import {
  adminLower,
  cleanSentence,
  endDocument,
  endSentence,
  formatCount,
  joinAnd,
  joinPhrases,
  lowerFirst,
  shortDate,
  stripEnd,
  suggestPhrase,
  timeOfDay,
  upperFirst,
} from './vi-text';
import { distinct, mainTitle, nameWithTitles, raiserLabel, responderLabel, speechSpeaker } from './people';

export const DEFAULT_ARTICLE_OPTIONS: ArticleOptions = { listSpeakers: false, legalBasis: '', photoIds: [] };

export function resolveArticleOptions(o: Partial<ArticleOptions> | undefined): ArticleOptions {
  return { ...DEFAULT_ARTICLE_OPTIONS, ...(o ?? {}) };
}

const LEADER_ROLES = new Set(['chair', 'host', 'reporter']);

/** The headline: the meeting's own title, or one built from the audience and the place. */
export function meetingName(record: MeetingRecord): string {
  const m = record.meeting;
  if (m.title.trim()) return stripEnd(m.title.trim());
  const audience = m.audience.trim();
  const locality = m.locality.trim();
  const who = audience && locality && !audience.toLocaleLowerCase('vi').includes(locality.toLocaleLowerCase('vi')) ? `${audience} ${locality}` : audience || locality;
  return who ? `Hội nghị đối thoại với ${who}` : 'Hội nghị đối thoại';
}

/** Phrase for a recommendation in a list: the secretary's short phrase, or a suggestion from the content. */
export function phraseOf(r: Recommendation): string {
  return stripEnd(r.shortPhrase.trim() || suggestPhrase(r.content));
}

/** The collective that raised a group of recommendations, when they share one; else the audience. */
function raisersOf(recs: Recommendation[], fallback: string): string {
  const collective = distinct(recs.filter((r) => r.raisedByAttendeeId == null).map((r) => r.raisedByText));
  if (collective.length === 1 && recs.every((r) => r.raisedByAttendeeId == null)) return collective[0];
  return fallback;
}

type Section = 'lead' | 'attendees' | 'report' | 'before' | 'during' | 'replies' | 'conclusion';
const SECTION_ORDER: Section[] = ['lead', 'attendees', 'report', 'before', 'during', 'replies', 'conclusion'];
/** Where each kind of photo goes; a photo whose section is missing goes after the nearest earlier one. */
const PHOTO_SECTION: Record<PhotoEvent, Section> = {
  attendees: 'attendees',
  report: 'report',
  before: 'before',
  during: 'during',
  replies: 'replies',
  conclusion: 'conclusion',
  other: 'attendees',
};

export function generateArticle(record: MeetingRecord, profile: OrgProfile | null, options: Partial<ArticleOptions> = {}): DocBlock[] {
  const opts = resolveArticleOptions(options);
  const style = profile?.style ?? DEFAULT_STYLE;
  const count = (n: number) => formatCount(n, style.padCounts);
  const m = record.meeting;
  const organizer = m.organizer.trim();
  const audience = m.audience.trim() || 'đại biểu';
  const sections = new Map<Section, string[]>();
  const put = (s: Section, text: string) => {
    const t = cleanSentence(text);
    if (t) sections.set(s, [...(sections.get(s) ?? []), t]);
  };

  // Lead: "[Thực hiện …, c]hiều ngày 18/10/2019, Quận X tổ chức Hội nghị … [tại …]."
  {
    const tod = timeOfDay(m.startTime);
    const date = shortDate(m.date);
    const when = date ? (tod ? `${tod} ngày ${date}` : `Ngày ${date}`) : '';
    const name = meetingName(record);
    const what = `tổ chức ${lowerFirst(name)}`;
    const where = m.location.trim() ? ` tại ${stripEnd(m.location.trim())}` : '';
    const subject = organizer || '';
    const main = [when, subject ? `${subject} ${what}${where}` : `${upperFirst(what)}${where}`].filter(Boolean).join(', ');
    const basis = stripEnd(opts.legalBasis.trim());
    put('lead', endSentence(basis ? `${upperFirst(basis)}, ${lowerFirst(main)}` : upperFirst(main)));
  }

  // Attendees: guests first, then the host leaders in protocol order, then "Cùng dự có …".
  {
    const guests = record.attendees.filter((a) => a.role === 'guest');
    const leaders = record.attendees.filter((a) => LEADER_ROLES.has(a.role));
    const guestGroups = record.groups.filter((g) => g.role === 'guest').map((g) => stripEnd(g.text));
    const otherGroups = [...record.groups.filter((g) => g.role === 'host'), ...record.groups.filter((g) => g.role === 'participant')].map((g) =>
      stripEnd(g.text),
    );
    const sentences: string[] = [];
    const guestItems = [
      ...(guests.length ? [`${guests.length > 1 ? 'các đồng chí' : 'đồng chí'} ${guests.map(guestLabel).join('; ')}`] : []),
      ...guestGroups,
    ];
    if (guestItems.length) sentences.push(`Dự Hội nghị có ${guestItems.join('; ')}.`);
    if (leaders.length) {
      const list = `${leaders.length > 1 ? 'các đồng chí' : 'đồng chí'} ${leaders.map((a) => nameWithTitles(a, 'full')).join('; ')}`;
      if (organizer) sentences.push(`${organizer} có ${list}.`);
      else sentences.push(`${guestItems.length ? 'Về phía địa phương có' : 'Dự Hội nghị có'} ${list}.`);
    }
    if (otherGroups.length) sentences.push(`${sentences.length ? 'Cùng dự có' : 'Dự Hội nghị có'} ${joinAnd(otherGroups, ', ')}.`);
    if (sentences.length) put('attendees', sentences.join(' '));
  }

  // Report: "Đồng chí X – Chức danh đánh giá …".
  for (const s of record.speeches.filter((x) => x.kind === 'report')) {
    const summary = stripEnd(s.summary.trim());
    if (!summary) continue;
    const who = speechSpeaker(record, s);
    if (who.attendee) put('report', endSentence(`Đồng chí ${nameWithTitles(who.attendee, 'functional')} ${lowerFirst(summary)}`));
    else if (who.text) put('report', endSentence(`${upperFirst(who.text)} ${lowerFirst(summary)}`));
    else put('report', endSentence(`Hội nghị đã nghe báo cáo ${lowerFirst(summary)}`));
  }

  const before = record.recommendations.filter((r) => r.phase === 'before');
  const during = record.recommendations.filter((r) => r.phase === 'during');

  // Pre-meeting recommendations: who compiled and answered them, the count, the phrases.
  if (before.length) {
    const answeredBy = distinct(record.replies.filter((r) => r.kind === 'written_before').map((r) => responderLabel(record, r, 'functional')));
    const subject = answeredBy.length ? `${joinAnd(answeredBy)} đã tổng hợp và có báo cáo trả lời` : 'Ban Tổ chức đã tổng hợp';
    const raisers = raisersOf(before, audience);
    const listed = before.filter((r) => r.inArticle).map(phraseOf).filter(Boolean);
    const head = `Trước khi diễn ra buổi đối thoại, ${lowerFirst(subject)} ${count(before.length)} kiến nghị của ${raisers}`;
    put('before', listText(head, listed, before.length));
  }

  // Recommendations raised in the hall.
  if (during.length) {
    const raisers = raisersOf(during, audience);
    const toWhom = organizer ? `lãnh đạo ${adminLower(organizer)}` : 'các cấp, các ngành';
    const again = before.length ? 'tiếp tục có' : 'đã có';
    const head = `Tại Hội nghị đối thoại, ${raisers} ${again} ${count(during.length)} ý kiến, kiến nghị đề nghị ${toWhom} quan tâm, chỉ đạo, giải quyết`;
    if (opts.listSpeakers) {
      put('during', endSentence(`${head}`));
      for (const r of during) {
        const who = raiserLabel(record, r.raisedByAttendeeId, r.raisedByText);
        const unit = r.unit.trim() ? ` (${stripEnd(r.unit.trim())})` : '';
        const phrase = phraseOf(r);
        if (!phrase) continue;
        const replies = record.replies.filter((x) => x.recommendationIds.includes(r.id) && x.kind !== 'written_before');
        const onSpot = sortByProtocol(record, replies.filter((x) => x.kind === 'on_spot'));
        const later = replies.filter((x) => x.kind === 'written_later');
        const lead = who ? `${upperFirst(speakerPrefix(who))}${unit} kiến nghị ${lowerFirst(phrase)}.` : `Có ý kiến kiến nghị ${lowerFirst(phrase)}.`;
        let reply = '';
        if (onSpot.length) reply += ` ${upperFirst(joinAnd(distinct(onSpot.map((x) => responderLabel(record, x, 'functional')))))} đã trả lời, làm rõ nội dung này.`;
        if (later.length) {
          const agencies = distinct(later.map((x) => x.agency.trim() || responderLabel(record, x, 'functional')));
          reply += ` Nội dung này sẽ được ${joinAnd(agencies)} nghiên cứu, trả lời bằng văn bản.`;
        }
        put('during', lead + reply);
      }
    } else {
      const listed = during.filter((r) => r.inArticle).map(phraseOf).filter(Boolean);
      put('during', listText(`${head}, đó là`, listed, during.length, true));
    }
  }

  // Replies given in the hall.
  {
    const onSpot = sortByProtocol(record, record.replies.filter((r) => r.kind === 'on_spot'));
    const later = record.replies.filter((r) => r.kind === 'written_later');
    const who = distinct(onSpot.map((r) => responderLabel(record, r, 'functional')));
    const parts: string[] = [];
    // With each speaker listed, the replies were already told recommendation by recommendation.
    const toldPerItem = opts.listSpeakers && during.length > 0;
    if (who.length && !toldPerItem) {
      const whom = during.length > 1 ? 'từng ý kiến, kiến nghị của đại biểu' : during.length === 1 ? 'ý kiến, kiến nghị của đại biểu' : 'các vấn đề đại biểu quan tâm';
      parts.push(`${upperFirst(joinAnd(who))} đã trực tiếp trao đổi, giải đáp ${whom}.`);
    }
    if (later.length && !toldPerItem) {
      const agencies = distinct(later.map((r) => r.agency.trim() || responderLabel(record, r, 'functional')));
      const recCount = new Set(later.flatMap((r) => r.recommendationIds)).size || later.length;
      parts.push(`Riêng ${count(recCount)} ý kiến, kiến nghị cần thêm thời gian xem xét sẽ được ${joinAnd(agencies)} nghiên cứu, trả lời bằng văn bản.`);
    }
    if (parts.length) put('replies', parts.join(' '));
  }

  // Conclusion with its directions.
  for (const s of record.speeches.filter((x) => x.kind === 'conclusion')) {
    const who = speechSpeaker(record, s);
    const summary = stripEnd(s.summary.trim());
    const directions = s.directions.map(stripEnd).filter(Boolean);
    if (!summary && !directions.length) continue;
    const speaker = who.attendee ? `đồng chí ${nameWithTitles(who.attendee, 'functional')}` : who.text;
    const opener = speaker ? `Phát biểu kết luận buổi đối thoại, ${speaker}` : 'Kết luận buổi đối thoại, chủ trì Hội nghị';
    const sentences: string[] = [];
    if (summary) sentences.push(`${opener} đã ${lowerFirst(summary)}.`);
    if (directions.length) {
      const title = who.attendee ? mainTitle(who.attendee) : '';
      const subj = summary ? (title ? `Đồng chí ${title}` : 'Đồng chí') : opener;
      sentences.push(`${subj} đề nghị: ${joinPhrases(directions, { capitaliseFirst: true, ending: '.' })}`);
    }
    put('conclusion', sentences.join(' '));
  }

  // Close the last paragraph of the body with "./." as the seed does.
  const lastSection = [...SECTION_ORDER].reverse().find((s) => sections.has(s));
  if (lastSection) {
    const ps = sections.get(lastSection)!;
    ps[ps.length - 1] = endDocument(ps[ps.length - 1]);
  }

  // Photos: by event, in the chosen order.
  const photosBySection = placePhotos(record, opts, sections);

  const blocks: DocBlock[] = [{ type: 'heading', text: meetingName(record) }];
  for (const s of SECTION_ORDER) {
    for (const text of sections.get(s) ?? []) blocks.push({ type: 'paragraph', text });
    for (const p of photosBySection.get(s) ?? []) blocks.push({ type: 'photo', photoId: p.id, caption: captionFor(record, p) });
  }
  const byline = (profile?.byline ?? '').trim() || organizer;
  if (byline) blocks.push({ type: 'byline', text: byline });
  return blocks;
}

/** Replies by people on the roster in protocol order (the roster's order), then agencies as typed. */
function sortByProtocol(record: MeetingRecord, replies: Reply[]): Reply[] {
  const order = (r: Reply): number => record.attendees.find((a) => a.id === r.responderAttendeeId)?.sortOrder ?? Number.MAX_SAFE_INTEGER;
  const rank = (r: Reply): number => {
    const a = record.attendees.find((x) => x.id === r.responderAttendeeId);
    return a ? (ROLE_RANK[a.role] ?? 9) : 10;
  };
  return [...replies].sort((x, y) => rank(x) - rank(y) || order(x) - order(y) || x.seq - y.seq);
}

const ROLE_RANK: Record<string, number> = { guest: 0, chair: 1, host: 2, reporter: 2, responder: 3, delegate: 4 };

function guestLabel(a: Attendee): string {
  // The seed writes a guest with a comma ("đồng chí Nguyễn Kim Hoàng, Phó trưởng Ban Dân vận Thành ủy").
  const titles = a.titles.map((t) => stripEnd(t.trim())).filter(Boolean);
  return titles.length ? `${a.fullName.trim()}, ${titles.join(', ')}` : a.fullName.trim();
}

/** "Đại biểu Nguyễn Văn A" for a person's name, or a collective as typed. */
function speakerPrefix(who: string): string {
  const words = who.split(/\s+/u);
  const looksLikeName = words.length >= 2 && words.length <= 5 && words.every((w) => w[0] === w[0].toLocaleUpperCase('vi'));
  return looksLikeName ? `đại biểu ${who}` : who;
}

/** "<head> tập trung vào các nội dung: P1; p2…" with the right form for 0, 1 or many phrases. */
function listText(head: string, phrases: string[], total: number, headHasVerb = false): string {
  if (!phrases.length) return endSentence(head);
  const partial = phrases.length < total;
  if (phrases.length === 1 && !partial) {
    return `${head}${headHasVerb ? '' : ' về nội dung'}: ${joinPhrases(phrases, { capitaliseFirst: true, ending: '.' })}`;
  }
  const intro = headHasVerb ? `${head}: ` : `${head} tập trung vào các nội dung: `;
  return intro + joinPhrases(phrases, { capitaliseFirst: true, ending: '…' });
}

function placePhotos(record: MeetingRecord, opts: ArticleOptions, sections: Map<Section, string[]>): Map<Section, PhotoMeta[]> {
  const chosen = opts.photoIds.length
    ? opts.photoIds.map((id) => record.photos.find((p) => p.id === id)).filter((p): p is PhotoMeta => !!p)
    : record.photos.filter((p) => p.inArticle);
  const out = new Map<Section, PhotoMeta[]>();
  for (const p of chosen) {
    let idx = SECTION_ORDER.indexOf(PHOTO_SECTION[p.event] ?? 'attendees');
    while (idx > 0 && !sections.has(SECTION_ORDER[idx])) idx--;
    const s = SECTION_ORDER[idx];
    out.set(s, [...(out.get(s) ?? []), p]);
  }
  return out;
}

/** The photo's own caption, or a neutral one by event (the secretary edits it in the draft). */
function captionFor(record: MeetingRecord, p: PhotoMeta): string {
  if (p.caption.trim()) return cleanSentence(p.caption.trim());
  const speakerOf = (kind: 'report' | 'conclusion'): string => {
    const s = record.speeches.find((x) => x.kind === kind);
    const who = s ? speechSpeaker(record, s) : null;
    return who?.attendee ? `Đồng chí ${nameWithTitles(who.attendee, 'functional')}` : '';
  };
  switch (p.event) {
    case 'report': {
      const who = speakerOf('report');
      return who ? `${who} trình bày báo cáo tại Hội nghị` : 'Quang cảnh Hội nghị';
    }
    case 'conclusion': {
      const who = speakerOf('conclusion');
      return who ? `${who} phát biểu kết luận Hội nghị` : 'Quang cảnh Hội nghị';
    }
    case 'during':
      return 'Đại biểu phát biểu ý kiến tại Hội nghị';
    case 'replies':
      return 'Lãnh đạo trả lời ý kiến, kiến nghị của đại biểu';
    default:
      return 'Quang cảnh Hội nghị';
  }
}
