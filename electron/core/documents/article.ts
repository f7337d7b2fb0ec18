// The news article (tin bài), written for any meeting from what the secretary recorded: headline;
// lead (legal basis, date, who held which meeting with whom, where, why); who attended; the opening
// speech and the report; the recommendations before and in the hall; what the leaders actually
// answered; other speeches; the conclusion with its directions; photos; byline.
//
// Rules, not cases: each part is built from fields that any meeting may have, a part with no data
// is left out whole, and nothing is printed that nobody typed (an empty reply adds no sentence).
import type { Attendee, MeetingRecord, OrgProfile, PhotoEvent, PhotoMeta, Recommendation, Reply, Speech } from '../../shared/domain';
import { DEFAULT_STYLE } from '../../shared/domain';
import type { ArticleOptions, DocBlock } from '../../shared/documents';
import { stripOpeners, suggestShortPhrase } from '../../shared/vi/short-phrase';
import {
  cleanSentence,
  containsFolded,
  endDocument,
  endSentence,
  extendWith,
  formatCount,
  joinAnd,
  listPhrases,
  lowerCommonStart,
  lowerFirst,
  newsDate,
  stripEnd,
  upperFirst,
} from './vi-text';
import { attendeeById, comrade, comrades, distinct, functionalTitles, mainTitle, raiserLabel } from './people';
import { fold } from '../../shared/vi/fold';

export const DEFAULT_ARTICLE_OPTIONS: ArticleOptions = { listSpeakers: false, legalBasis: '', photoIds: [] };

export function resolveArticleOptions(o: Partial<ArticleOptions> | undefined): ArticleOptions {
  return { ...DEFAULT_ARTICLE_OPTIONS, ...(o ?? {}) };
}

/**
 * Whether a title is a meeting's name ("Hội nghị …", "Buổi tiếp xúc …") rather than a sentence
 * about it ("Phường 10 tổ chức hội nghị …", "Đồng chí Bí thư … đối thoại với …"), which is a headline.
 */
export function isMeetingName(title: string): boolean {
  return /^(hoi nghi|buoi|cuoc|chuong trinh|dien dan|phien|ky hop|le)\b/u.test(fold(title.trim()));
}

/**
 * A title typed over two lines (the title field is a text area) is one name: its line breaks are
 * spaces, so that "… tổ chức hội nghị …" is still found and no sentence breaks in the middle.
 */
const oneLine = (s: string): string => s.replace(/\s+/gu, ' ');

/** The meeting's official name, or one built from its kind, audience and place. */
export function meetingName(record: MeetingRecord): string {
  const m = record.meeting;
  const title = oneLine(stripEnd(m.title.trim()));
  if (title && isMeetingName(title)) return title;
  // "Phường 10 tổ chức hội nghị tiếp xúc …": the name is what is organised (to the end: one line).
  const organised = / tổ chức ((?:hội nghị|buổi|cuộc) .+)/iu.exec(title)?.[1];
  if (organised) return organised;
  const audience = m.audience.trim();
  const locality = m.locality.trim();
  // "… với Nhân dân xã X" unless the audience or the place already names the unit.
  const placed = containsFolded(m.location, locality);
  const who = audience && locality && !containsFolded(audience, locality) && !placed ? `${audience} ${locality}` : audience || (placed ? '' : locality);
  const kind = m.kind === 'tiếp xúc cử tri' ? 'Hội nghị tiếp xúc cử tri' : m.kind === 'gặp mặt, đối thoại' ? 'Hội nghị gặp mặt, đối thoại' : 'Hội nghị đối thoại';
  if (m.kind === 'tiếp xúc cử tri') {
    if (locality) return `${kind} ${locality}`;
    // No place typed: the audience says which voters ("cử tri phường Ba Đình", "công nhân lao
    // động"), without repeating "cử tri" after the kind's own.
    const voters = audience.replace(/^cử tri(?:\s+|$)/iu, '');
    return voters ? `${kind} ${voters}` : kind;
  }
  return who ? `${kind} với ${who}` : kind;
}

/** The verb of the meeting's kind, for a headline: "đối thoại với", "tiếp xúc cử tri". */
function kindVerb(record: MeetingRecord): string {
  switch (record.meeting.kind) {
    case 'tiếp xúc cử tri':
      return 'tiếp xúc cử tri';
    case 'gặp mặt, đối thoại':
      return 'gặp mặt, đối thoại với';
    default:
      return 'đối thoại với';
  }
}

/**
 * A short news headline, apart from the official name: the secretary's own, or "UBND xã Chí Minh
 * đối thoại với hơn 100 đoàn viên thanh niên xã". Suggested from the organiser (or the chairs'
 * titles), the kind and the audience; the official name when none of these is known.
 */
export function suggestHeadline(record: MeetingRecord): string {
  const m = record.meeting;
  if (m.headline.trim()) return stripEnd(m.headline.trim());
  // A title written as a sentence about the meeting is already a headline.
  if (m.title.trim() && !isMeetingName(m.title)) return upperFirst(oneLine(stripEnd(m.title.trim())));
  const chairs = record.attendees.filter((a) => a.role === 'chair');
  const subject =
    m.organizer.trim() ||
    (chairs.length === 1 ? functionalTitles(chairs[0]!.titles).join(', ') : '') ||
    (chairs.length > 1 ? joinAnd(distinct(chairs.map((a) => mainTitle(a)).filter(Boolean))) : '') ||
    '';
  const verb = kindVerb(record);
  if (m.kind === 'tiếp xúc cử tri') {
    const reporters = record.attendees.filter((a) => a.role === 'reporter').map(mainTitle).filter(Boolean);
    const who = subject || reporters[0] || '';
    const voters = m.audience.trim() || (m.locality.trim() ? `cử tri ${m.locality.trim()}` : '');
    const where = voters.replace(/^cử tri\s+/iu, '');
    if (who) return upperFirst(stripEnd(`${who} tiếp xúc cử tri${where ? ` ${where}` : ''}`));
    return meetingName(record);
  }
  const audience = m.audience.trim();
  if (subject && audience) return upperFirst(stripEnd(`${subject} ${verb} ${audience}`));
  return upperFirst(meetingName(record));
}

/** Phrase for a recommendation in a list: the secretary's short phrase, or a suggestion from the content. */
export function phraseOf(r: Recommendation): string {
  return stripEnd(r.shortPhrase.trim() || suggestShortPhrase(r.content));
}

type Section = 'lead' | 'attendees' | 'opening' | 'report' | 'before' | 'during' | 'replies' | 'remarks' | 'conclusion';
const SECTION_ORDER: Section[] = ['lead', 'attendees', 'opening', 'report', 'before', 'during', 'replies', 'remarks', 'conclusion'];
/** Where each kind of photo goes; a photo whose section is missing goes after the nearest earlier one. */
const PHOTO_SECTION: Record<PhotoEvent, Section> = {
  attendees: 'attendees',
  opening: 'opening',
  report: 'report',
  before: 'before',
  during: 'during',
  replies: 'replies',
  conclusion: 'conclusion',
  other: 'attendees',
};

// Words that open a sentence with its own subject or adverbial ("Đối với …, UBND tỉnh sẽ …"),
// so a speaker's name is not put in front of them.
export const OPENERS = [
  'đối với', 'về', 'sau khi', 'tại', 'qua', 'trước', 'riêng', 'trong', 'liên quan', 'bên cạnh', 'đồng thời', 'ngoài ra', 'nhằm', 'theo', 'với', 'từ', 'nhân dịp', 'thay mặt',
];
// Words that begin a noun phrase standing as the subject ("Việc tiếp xúc … có ý nghĩa …",
// "Các ý kiến được giải trình …").
export const SUBJECTS = ['việc', 'các', 'những', 'nhiều', 'một số', 'toàn bộ', 'mọi', 'hầu hết', 'ý kiến', 'kiến nghị', 'vấn đề', 'nội dung', 'câu hỏi', 'hội nghị', 'buổi', 'kết quả', 'tình hình', 'công tác'];

const startsWithAny = (s: string, words: string[]): boolean => {
  const t = s.trimStart().toLocaleLowerCase('vi');
  return words.some((w) => t.startsWith(`${w} `) || t.startsWith(`${w},`));
};

// Verbs (and aspect words) that open what a speaker did or said: "Ghi nhận …", "Giao …", "Sẽ …".
// Such a summary follows the speaker's name directly; any other one is reported ("cho biết …").
export const VERBS = [
  'ghi nhận', 'giao', 'trực tiếp', 'giải đáp', 'trả lời', 'tiếp thu', 'đánh giá', 'thông tin', 'thông báo', 'nhấn mạnh', 'khẳng định',
  'đề nghị', 'yêu cầu', 'chỉ đạo', 'cam kết', 'lắng nghe', 'làm rõ', 'giải trình', 'phát biểu', 'cho biết', 'báo cáo', 'chia sẻ',
  'biểu dương', 'đồng ý', 'thống nhất', 'nêu', 'chỉ rõ', 'quán triệt', 'trình bày', 'tóm tắt', 'điểm lại', 'nhắc lại', 'kêu gọi',
  'mong muốn', 'hoan nghênh', 'cảm ơn', 'chúc', 'ghi nhận và', 'tiếp nhận', 'xin', 'đối thoại', 'trao đổi', 'phân tích', 'gợi mở',
  'định hướng', 'lưu ý', 'hứa', 'chấp thuận', 'sẽ', 'đã', 'đang', 'cũng', 'tiếp tục', 'khen ngợi', 'nhận định', 'nhận xét', 'đưa ra',
];
const startsWithVerb = (s: string): boolean => startsWithAny(s, VERBS) || VERBS.includes(s.trim().toLocaleLowerCase('vi'));

/** The first letter lowered, as a verb after the speaker's name: always, whatever follows ("Giao Công an …"). */
const lowerVerb = (s: string): string => {
  const t = s.trimStart();
  return t ? t[0]!.toLocaleLowerCase('vi') + t.slice(1) : t;
};

/** What a speaker said or did, after their name: "đồng chí X ghi nhận …" or "đồng chí X cho biết Đảng ủy sẽ …". */
const afterName = (s: string): string => (startsWithVerb(s) ? lowerVerb(s) : `cho biết ${lowerFirst(s)}`);

/** Whether a summary reads as a sentence of its own, with its own subject or opener. */
function standsAlone(summary: string, speakerNames: string[]): boolean {
  if (startsWithAny(summary, OPENERS)) return true;
  const head = summary.slice(0, 80);
  return speakerNames.some((n) => n.trim().length > 3 && containsFolded(head, n));
}

/**
 * "X được giải trình" with an agent: "X được R giải trình", the way a reporter names who answered
 * ("… đã được lãnh đạo Đảng ủy, UBND phường làm rõ, trả lời cụ thể"). Null when the sentence is not
 * a passive one about the recommendations.
 */
function passiveWithAgent(content: string, agent: string): string | null {
  if (!startsWithAny(content, SUBJECTS)) return null;
  const m = /^([^;.]{2,200}?)\s(đã được|sẽ được|được)\s(?!\p{Lu})/u.exec(content);
  if (!m) return null;
  return `${m[1]} ${m[2]} ${agent} ${content.slice(m[0].length)}`;
}

/** "Đồng chí đề nghị: a; b; c." for a speech's directions, skipping those the summary already says. */
function directionsSentence(subject: string, directions: string[], said: string): string {
  const ds = directions.map((d) => stripEnd(d.trim())).filter((d) => d && !containsFolded(said, d));
  if (!ds.length) return '';
  return `${upperFirst(subject)} đề nghị: ${ds.map((d, i) => (i === 0 ? d : lowerFirst(d))).join('; ')}.`;
}

export function generateArticle(record: MeetingRecord, profile: OrgProfile | null, options: Partial<ArticleOptions> = {}): DocBlock[] {
  const opts = resolveArticleOptions(options);
  const style = { ...DEFAULT_STYLE, ...(profile?.style ?? {}) };
  const count = (n: number) => formatCount(n, style.padCounts);
  const person = (a: Attendee, which: 'full' | 'functional' = 'functional') => comrade(a, which, style.nameStyle);
  const m = record.meeting;
  const organizer = m.organizer.trim();
  const sections = new Map<Section, string[]>();
  const printed: string[] = [];
  const put = (s: Section, text: string) => {
    const t = cleanSentence(text);
    if (!t) return;
    sections.set(s, [...(sections.get(s) ?? []), t]);
    printed.push(t);
  };
  const saidAlready = (text: string) => printed.some((p) => containsFolded(p, stripEnd(text)));
  // A reply a speech also reports (the conclusion promising written answers) is told once, in the speech.
  const speechText = record.speeches.map((s) => [s.summary, ...s.directions].join(' ')).join(' ');

  const chairs = record.attendees.filter((a) => a.role === 'chair');
  const guests = record.attendees.filter((a) => a.role === 'guest');
  const reporters = record.attendees.filter((a) => a.role === 'reporter');
  const before = record.recommendations.filter((r) => r.phase === 'before');
  const during = record.recommendations.filter((r) => r.phase === 'during');
  const audience = m.audience.trim();

  // ---- Lead: "[Thực hiện …, ][c]hiều ngày 18/10/2019, UBND xã X tổ chức Hội nghị … [với …] [tại …] [nhằm …]."
  let chairsInLead = false;
  let reportersInLead = false;
  {
    const date = newsDate(m.date, m.session, m.startTime, style);
    const name = meetingName(record);
    const titleHasAudience = /\s(với|giữa)\s/u.test(` ${name} `) || (!!audience && containsFolded(name, audience));
    const withWhom = audience && !titleHasAudience && m.title.trim() ? ` với ${audience}` : '';
    const where = m.location.trim() ? ` tại ${stripEnd(m.location.trim())}` : '';
    const purposeRaw = stripEnd(m.purpose.trim());
    // A purpose typed as a sentence opener ("Nhằm …") opens the lead, as reporters write it.
    const purposeFirst = /^(Nhằm|Để|Với mục đích)\s/u.test(purposeRaw);
    const purposeAfter = purposeRaw && !purposeFirst ? ` ${/^(nhằm|để|với mục đích|là dịp)\s/iu.test(purposeRaw) ? lowerFirst(purposeRaw) : `nhằm ${lowerFirst(purposeRaw)}`}` : '';
    const object = `${lowerFirstKeepName(name)}${withWhom}`;
    let clause: string;
    // An organiser the meeting's own name already states is not said twice ("X tổ chức Hội nghị … giữa X với …").
    if (organizer && name.includes(organizer)) clause = `${where ? `${where.trim()}, ` : ''}diễn ra ${object}${purposeAfter}`;
    else if (organizer) clause = `${organizer} tổ chức ${object}${where}${purposeAfter}`;
    else if (m.kind === 'tiếp xúc cử tri' && reporters.length) {
      // The deputies meet their voters: "đồng chí X – đại biểu HĐND tỉnh có buổi tiếp xúc cử tri …".
      reportersInLead = true;
      const deputies = comrades(reporters, 'functional', style.nameStyle, true);
      const voters = audience ? (/^cử tri\s/iu.test(audience) ? `tiếp xúc ${audience}` : `tiếp xúc cử tri với ${audience}`) : 'tiếp xúc cử tri';
      const meeting = /^(buổi|cuộc)\s/iu.test(name) ? `có ${lowerFirst(name)}` : voters;
      clause = `${deputies} ${meeting}${where}${purposeAfter}`;
    } else if (chairs.length) {
      chairsInLead = true;
      clause = `${comrades(chairs, 'functional', style.nameStyle, true)} chủ trì ${object}${where}${purposeAfter}`;
    } else clause = `${where ? `${where.trim()}, ` : ''}diễn ra ${object}${purposeAfter}`;
    const basis = [opts.legalBasis.trim(), ...m.legalBasis.map((b) => b.trim())].filter(Boolean).map(stripEnd);
    const basisText = basis.length ? `${/^(thực hiện|theo|căn cứ)\s/iu.test(basis[0]!) ? '' : 'Thực hiện '}${joinAnd(basis, '; ')}` : '';
    const parts = [purposeFirst ? purposeRaw : '', basisText, date ?? '', clause].filter(Boolean);
    const sentence = parts.map((p, i) => (i === 0 ? upperFirst(p) : lowerFirstKeepName(p))).join(', ');
    put('lead', endSentence(sentence));
  }

  // ---- Who attended: guests, the chairs (unless the lead named them), the host leaders, the groups and the hall.
  {
    const sentences: string[] = [];
    const guestGroups = record.groups.filter((g) => g.role === 'guest').map((g) => lowerCommonStart(stripEnd(g.text)));
    const guestItems = [...(guests.length ? [comrades(guests, 'full', style.nameStyle)] : []), ...guestGroups];
    if (guestItems.length) sentences.push(`Dự hội nghị có ${guestItems.join('; ')}.`);
    if (chairs.length && !chairsInLead) {
      const list = comrades(chairs, 'full', style.nameStyle, true);
      sentences.push(`${upperFirst(list)} ${chairs.length > 1 ? 'đồng chủ trì' : 'chủ trì'} hội nghị.`);
    }
    // The host leaders in protocol order (the roster's order), the reporter among them.
    const hostPeople = record.attendees.filter((a) => a.role === 'host' || (a.role === 'reporter' && !reportersInLead));
    const hostGroups = record.groups.filter((g) => g.role === 'host').map((g) => lowerCommonStart(stripEnd(g.text)));
    const items = [...(hostPeople.length ? [comrades(hostPeople, 'full', style.nameStyle)] : []), ...hostGroups];
    if (items.length) {
      const list = hostPeople.length ? items.join('; ') : joinAnd(items, items.some((g) => g.includes(';')) ? '; ' : 'auto');
      sentences.push(sentences.length ? `Cùng dự có ${list}.` : `Dự hội nghị có ${list}.`);
    }
    // Whom the leaders met, and the hall's attendance when the groups do not already say it.
    const participants = record.groups.filter((g) => g.role === 'participant').map((g) => stripEnd(g.text)).filter((g) => !saidAlready(g));
    const attendance = stripEnd(m.attendance.text.trim());
    const hall = attendance && !participants.some((g) => containsFolded(g, attendance)) && !saidAlready(attendance) ? [attendance] : [];
    const present = [...participants, ...hall];
    if (present.length) sentences.push(`Hội nghị có sự tham dự của ${joinAnd(present.map(lowerCommonStart))}.`);
    if (sentences.length) put('attendees', sentences.join(' '));
  }

  // ---- Speeches before the recommendations: opening, guests' directions, reports.
  const speechSentence = (s: Speech, intro: string): string => {
    const a = attendeeById(record, s.speakerAttendeeId);
    const speakerText = s.speakerText.trim();
    const summary = stripEnd(s.summary.trim());
    const names = a ? [a.fullName, mainTitle(a)] : [speakerText];
    const who = a ? person(a) : speakerText;
    const out: string[] = [];
    // A direction the summary already begins ("… đề nghị thanh niên tiếp tục …") continues it.
    let rest = s.directions;
    let said = summary;
    for (const d of s.directions) {
      const longer = extendWith(said, d);
      if (longer) {
        said = longer;
        rest = rest.filter((x) => x !== d);
      }
    }
    const summaryText = said;
    if (summaryText) {
      const summary = summaryText;
      // With no speaker the summary follows the intro's comma, so it is lowered (names keep their capital).
      if (standsAlone(summary, names) || !who) out.push(endSentence(intro && !who ? `${intro}, ${lowerFirst(summary)}` : upperFirst(summary)));
      else out.push(endSentence(`${intro ? `${intro}, ${who}` : upperFirst(who)} ${afterName(summary)}`));
    }
    const title = a ? mainTitle(a) : '';
    const subject = summary ? (title ? `đồng chí ${title}` : 'đồng chí') : intro ? `${intro}, ${who || 'đồng chí'}` : who || 'hội nghị';
    const d = directionsSentence(subject, rest, summaryText);
    if (d) out.push(d);
    return out.join(' ');
  };
  for (const s of record.speeches.filter((x) => x.kind === 'opening')) put('opening', speechSentence(s, 'Phát biểu khai mạc hội nghị'));
  for (const s of record.speeches.filter((x) => x.kind === 'direction')) put('opening', speechSentence(s, 'Phát biểu chỉ đạo hội nghị'));
  for (const s of record.speeches.filter((x) => x.kind === 'report')) {
    const who = attendeeById(record, s.speakerAttendeeId);
    const text = speechSentence(s, who || s.speakerText.trim() ? '' : 'Hội nghị đã nghe');
    put('report', text.startsWith('Hội nghị đã nghe, ') ? `Hội nghị đã nghe ${lowerFirst(text.slice('Hội nghị đã nghe, '.length))}` : text);
  }

  // ---- Recommendations collected before the meeting.
  const raisersOf = (recs: Recommendation[]): string => {
    const named = distinct(recs.map((r) => raiserLabel(record, r.raisedByAttendeeId, r.raisedByText)));
    if (named.length && recs.every((r) => raiserLabel(record, r.raisedByAttendeeId, r.raisedByText))) return joinAnd(named);
    // Several raisers, or some unnamed: the audience raised them; with nothing listed, nobody is named.
    return recs.length ? audience || joinAnd(named) : '';
  };
  const listOf = (recs: Recommendation[], total: number): string => {
    const listed = recs.filter((r) => r.inArticle).map(phraseOf).filter(Boolean);
    if (!listed.length) return '';
    return `${listPhrases(listed)}${listed.length < total ? '…' : '.'}`;
  };
  /**
   * Many recommendations are told by field first ("tập trung vào các lĩnh vực: …, với những vấn đề
   * cụ thể như: …") when the secretary classified them and several share a field; else ''.
   */
  const fieldsOf = (recs: Recommendation[]): string => {
    const listed = recs.filter((r) => r.inArticle);
    const topics = listed.map((r) => stripEnd(r.topic.trim())).filter(Boolean);
    const unique = distinct(topics);
    if (listed.length < 6 || topics.length < listed.length || unique.length === topics.length || unique.length < 2) return '';
    return listPhrases(unique);
  };
  if (before.length || m.counts.before != null || m.counts.received != null) {
    const n = m.counts.before ?? before.length;
    const writtenBy = distinct(
      record.replies.filter((r) => r.kind === 'written_before' && (r.content.trim() || r.responderText.trim() || r.responderAttendeeId)).map((r) => responder(r)),
    );
    const compiler = m.compiledBy.trim();
    const raisers = raisersOf(before);
    const sentences: string[] = [];
    const received = m.counts.received;
    const fields = m.counts.fields;
    // Who answered in writing, apart from the compiler (who then "tổng hợp và có báo cáo trả lời").
    const answered = writtenBy.filter((w) => !compiler || !containsFolded(compiler, w));
    const compilerAnswered = !!compiler && writtenBy.length > answered.length;
    const of = raisers ? ` của ${raisers}` : '';
    let head: string;
    if (received != null) {
      head = `Trước hội nghị, ${compiler ? `${lowerCommonStart(compiler)} đã nhận được` : 'đã có'} ${count(received)} ý kiến, kiến nghị${of}`;
      if (n > 0) head += `, tổng hợp thành ${count(n)} kiến nghị`;
    } else if (compiler) head = `Trước hội nghị, ${lowerCommonStart(compiler)} đã tổng hợp${compilerAnswered ? ' và có báo cáo trả lời' : ''} ${count(n)} kiến nghị${of}`;
    else head = raisers ? `Trước hội nghị, ${raisers} đã gửi ${count(n)} kiến nghị` : `Trước hội nghị, có ${count(n)} kiến nghị được gửi đến hội nghị`;
    if (fields != null) head += ` thuộc ${count(fields)} lĩnh vực`;
    sentences.push(endSentence(head));
    if (answered.length) sentences.push(`${upperFirst(joinAnd(answered))} đã có văn bản trả lời các kiến nghị này.`);
    const list = listOf(before, n);
    const byField = fieldsOf(before);
    if (list && byField) sentences.push(`Các kiến nghị thuộc các lĩnh vực: ${byField}, với những nội dung cụ thể như: ${list}`);
    else if (list) sentences.push(`Các kiến nghị tập trung vào các nội dung: ${list}`);
    put('before', sentences.join(' '));
  }

  // ---- Recommendations raised in the hall.
  if (during.length || m.counts.during != null || m.counts.speakers != null || m.counts.selected != null) {
    // A count of speakers or of chosen questions says how many there were; the listed items then do not.
    const n = m.counts.during ?? (m.counts.selected != null || m.counts.speakers != null ? null : during.length);
    const raisers = raisersOf(during) || 'đại biểu';
    const parts: string[] = [];
    if (m.counts.selected != null) parts.push(`đã lựa chọn ${count(m.counts.selected)} ý kiến, kiến nghị để trao đổi, đối thoại`);
    if (m.counts.speakers != null) parts.push(`có ${count(m.counts.speakers)} lượt ý kiến phát biểu${m.counts.contents != null ? ` với ${count(m.counts.contents)} nội dung` : ''}`);
    if (n != null && n > 0 && n !== m.counts.selected) parts.push(`${parts.length ? 'nêu' : 'đã nêu'} ${count(n)} ý kiến, kiến nghị`);
    const opener = m.counts.selected != null ? 'Tại hội nghị' : `Tại hội nghị, ${raisers}`;
    if (opts.listSpeakers && during.length) {
      put('during', endSentence(`${opener} ${parts.join(', ') || 'đã nêu ý kiến, kiến nghị'}`));
      for (const r of during) put('during', perSpeaker(r));
    } else {
      const list = listOf(during, n ?? during.length);
      const main = `${opener} ${parts.join(', ') || 'đã nêu nhiều ý kiến, kiến nghị'}`;
      const byField = fieldsOf(during);
      if (list && byField) put('during', `${main}, tập trung vào các lĩnh vực: ${byField}, với những nội dung cụ thể như: ${list}`);
      else put('during', list ? `${main}, tập trung vào các nội dung: ${list}` : endSentence(main));
    }
  }

  // ---- What the leaders answered, in the order they answered.
  {
    const replies = record.replies.filter((r) => r.kind !== 'written_before');
    let first = true;
    let i = 0;
    while (i < replies.length) {
      // Consecutive replies by one responder read as one sentence: "… ghi nhận …; đồng thời giao …".
      const r = replies[i]!;
      const group = [r];
      while (i + group.length < replies.length && sameResponder(replies[i + group.length]!, r)) group.push(replies[i + group.length]!);
      i += group.length;
      const sentence = replySentence(group, first);
      if (sentence) {
        put('replies', sentence);
        first = false;
      }
    }
  }

  // ---- Other speeches, then the conclusion.
  for (const s of record.speeches.filter((x) => x.kind === 'remarks')) put('remarks', speechSentence(s, 'Phát biểu tại hội nghị'));
  for (const s of record.speeches.filter((x) => x.kind === 'conclusion')) put('conclusion', speechSentence(s, 'Phát biểu kết luận hội nghị'));

  // Close the last paragraph of the body with "./." as official articles do.
  const lastSection = [...SECTION_ORDER].reverse().find((s) => sections.has(s));
  if (lastSection) {
    const ps = sections.get(lastSection)!;
    ps[ps.length - 1] = endDocument(ps[ps.length - 1]!);
  }

  const photosBySection = placePhotos(record, opts, sections);
  const blocks: DocBlock[] = [{ type: 'heading', text: suggestHeadline(record) }];
  if (m.publishedAt.trim()) blocks.push({ type: 'dateline', text: m.publishedAt.trim() });
  for (const s of SECTION_ORDER) {
    for (const text of sections.get(s) ?? []) blocks.push({ type: 'paragraph', text });
    for (const p of photosBySection.get(s) ?? []) blocks.push({ type: 'photo', photoId: p.id, caption: captionFor(record, p, person) });
  }
  const byline = m.byline.trim() || (profile?.byline ?? '').trim() || organizer;
  if (byline) blocks.push({ type: 'byline', text: byline });
  return blocks;

  // -- helpers that read the record --

  function responder(r: Reply): string {
    const a = attendeeById(record, r.responderAttendeeId);
    return a ? person(a) : r.responderText.trim();
  }

  function sameResponder(x: Reply, y: Reply): boolean {
    if (x.responderAttendeeId != null || y.responderAttendeeId != null) return x.responderAttendeeId === y.responderAttendeeId;
    return x.responderText.trim().toLocaleLowerCase('vi') === y.responderText.trim().toLocaleLowerCase('vi');
  }

  /** What the recommendations a reply answers are about, when it answers some and not all of a phase. */
  function aboutWhat(r: Reply): string {
    const recs = r.recommendationIds.map((id) => record.recommendations.find((x) => x.id === id)).filter((x): x is Recommendation => !!x);
    if (!recs.length || recs.length > 2) return '';
    const samePhase = record.recommendations.filter((x) => x.phase === recs[0]!.phase);
    if (recs.length === samePhase.length && samePhase.length > 1) return '';
    return joinAnd(recs.map(phraseOf).filter(Boolean).map(lowerFirst));
  }

  function replySentence(group: Reply[], first: boolean): string {
    const who = responder(group[0]!);
    const a = attendeeById(record, group[0]!.responderAttendeeId);
    const names = a ? [a.fullName, mainTitle(a)] : [who];
    const clauses: { about: string; text: string }[] = [];
    const alone: string[] = [];
    for (const r of group) {
      const content = stripEnd(r.content.trim());
      const about = aboutWhat(r);
      if (content) {
        if (saidAlready(content) || containsFolded(speechText, content)) continue;
        const passive = who ? passiveWithAgent(content, lowerFirstKeepName(who)) : null;
        if (passive) alone.push(endSentence(upperFirst(passive)));
        else if (standsAlone(content, names) || !who) alone.push(endSentence(upperFirst(content)));
        else clauses.push({ about, text: afterName(content) });
      } else if (r.kind === 'written_later' || r.kind === 'forwarded') {
        // The kind, agency and deadline were entered: say exactly that, nothing more.
        const agency = stripEnd(r.agency.trim());
        const deadline = newsDeadline(r.deadline);
        const what = about ? `kiến nghị về ${about}` : 'các kiến nghị chưa trả lời tại hội nghị';
        if (r.kind === 'written_later') alone.push(`${upperFirst(agency || who || 'cơ quan chức năng')} sẽ trả lời bằng văn bản ${what}${deadline}.`);
        else alone.push(`${upperFirst(what)} được chuyển ${agency || 'cơ quan có thẩm quyền'} xem xét, giải quyết${deadline}.`);
      }
    }
    const out: string[] = [];
    if (clauses.length) {
      // "Trả lời kiến nghị về …, đồng chí X cho biết …" when the answer is about named items.
      const [head, ...more] = clauses;
      // "Sau khi nghe …" opens the first answer, unless the answer itself is about listening or a
      // later speech opens with "Sau khi" too (two paragraphs never start alike).
      const listens = /^(lắng nghe|nghe|tiếp thu)\s/u.test(head!.text);
      const laterSauKhi = record.speeches.some((s) => (s.kind === 'remarks' || s.kind === 'conclusion') && /^sau khi\s/iu.test(s.summary.trim()));
      const lead = head!.about
        ? `Trả lời kiến nghị về ${head!.about}, ${lowerFirstKeepName(who)}`
        : first && !listens
          ? `${laterSauKhi ? 'Trao đổi tại hội nghị' : 'Sau khi nghe các ý kiến, kiến nghị'}, ${lowerFirstKeepName(who)}`
          : upperFirst(who);
      const rest = more.map((c) => (c.about ? `về ${c.about}, ${c.text}` : c.text));
      out.push(endSentence(`${lead} ${[head!.text, ...rest].join('; đồng thời ')}`));
    }
    out.push(...alone);
    return out.join(' ');
  }

  /** "Đại biểu Nguyễn Văn A (Chi hội phụ nữ tổ 5) kiến nghị …", and who answered it. */
  function perSpeaker(r: Recommendation): string {
    const who = raiserLabel(record, r.raisedByAttendeeId, r.raisedByText);
    const unit = stripEnd(r.unit.trim());
    const phrase = lowerFirst(stripOpeners(phraseOf(r)));
    if (!phrase) return '';
    const unitText = unit && !containsFolded(who, unit) ? ` (${unit})` : '';
    const lead = who ? `${upperFirst(looksLikeName(who) ? `đại biểu ${who}` : who)}${unitText} kiến nghị ${phrase}.` : `Có ý kiến kiến nghị ${phrase}.`;
    const answers = record.replies.filter((x) => x.recommendationIds.includes(r.id) && x.kind === 'on_spot' && x.content.trim() && !x.recommendationIds.every((id) => during.some((d) => d.id === id)) );
    const by = distinct(answers.map(responder));
    return by.length ? `${lead} ${upperFirst(joinAnd(by))} đã trả lời, làm rõ nội dung này.` : lead;
  }

  function newsDeadline(iso: string | null): string {
    const d = newsDate(iso, null, null, { ...style, dateStyle: style.dateStyle === 'dash' ? 'dash' : 'plain', dateYear: true });
    return d ? ` trước ${lowerFirst(d)}` : '';
  }
}

/** Lower-cases a sentence capital but keeps a name's ("Hội nghị", "UBND", "Quận Bắc Từ Liêm"). */
function lowerFirstKeepName(s: string): string {
  return lowerFirst(s);
}

function looksLikeName(who: string): boolean {
  const words = who.split(/\s+/u);
  return words.length >= 2 && words.length <= 5 && words.every((w) => !!w[0] && w[0] === w[0].toLocaleUpperCase('vi') && w[0] !== w[0].toLocaleLowerCase('vi'));
}

function placePhotos(record: MeetingRecord, opts: ArticleOptions, sections: Map<Section, string[]>): Map<Section, PhotoMeta[]> {
  const chosen = opts.photoIds.length
    ? opts.photoIds.map((id) => record.photos.find((p) => p.id === id)).filter((p): p is PhotoMeta => !!p)
    : record.photos.filter((p) => p.inArticle);
  const out = new Map<Section, PhotoMeta[]>();
  for (const p of chosen) {
    let idx = SECTION_ORDER.indexOf(PHOTO_SECTION[p.event] ?? 'attendees');
    while (idx > 0 && !sections.has(SECTION_ORDER[idx]!)) idx--;
    const s = SECTION_ORDER[idx]!;
    out.set(s, [...(out.get(s) ?? []), p]);
  }
  return out;
}

/** The photo's own caption, or a neutral one by event (the secretary edits it in the draft). */
function captionFor(record: MeetingRecord, p: PhotoMeta, person: (a: Attendee) => string): string {
  if (p.caption.trim()) return cleanSentence(p.caption.trim());
  const speakerOf = (kind: Speech['kind']): string => {
    const s = record.speeches.find((x) => x.kind === kind);
    const a = s ? attendeeById(record, s.speakerAttendeeId) : undefined;
    return a ? upperFirst(person(a)) : '';
  };
  switch (p.event) {
    case 'opening': {
      const who = speakerOf('opening');
      return who ? `${who} phát biểu khai mạc hội nghị` : 'Quang cảnh hội nghị';
    }
    case 'report': {
      const who = speakerOf('report');
      return who ? `${who} trình bày báo cáo tại hội nghị` : 'Quang cảnh hội nghị';
    }
    case 'conclusion': {
      const who = speakerOf('conclusion');
      return who ? `${who} phát biểu kết luận hội nghị` : 'Quang cảnh hội nghị';
    }
    case 'during':
      return 'Đại biểu phát biểu ý kiến tại hội nghị';
    case 'replies':
      return 'Lãnh đạo trả lời ý kiến, kiến nghị của đại biểu';
    default:
      return 'Quang cảnh hội nghị';
  }
}
