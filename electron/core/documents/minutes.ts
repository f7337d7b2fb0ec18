// The editable body of the minutes (biên bản, Nghị định 30/2020 Mẫu 1.9): from the meeting name
// under "BIÊN BẢN" to the closing line. The header table, the title, the signatures and "Nơi
// nhận" are laid out by the renderer from the organisation profile, so edits cannot break them.
//
// Block conventions: the first `heading` is the meeting name; later `heading`s are the numbered
// parts of "Nội dung"; every `paragraph` is one body paragraph.
import type { Attendee, MeetingRecord, OrgProfile, Reply, Speech } from '../../shared/domain';
import { DEFAULT_STYLE } from '../../shared/domain';
import type { DocBlock } from '../../shared/documents';
import { meetingName } from './article';
import { attendeeById, distinct, mainTitle, nameWithTitles, raiserLabel } from './people';
import { stripOpeners } from '../../shared/vi/short-phrase';
import { withMinutesTime } from './timing-text';
import { LONG_DATE_BLANK, adminLower, cleanSentence, clockTime, containsFolded, endDocument, endSentence, formatCount, longDate, lowerFirst, shortDate, stripEnd, upperFirst } from './vi-text';

/** A dotted blank the secretary fills in by hand when the record does not say. */
const BLANK = '………';

// "đồng chí" for the Party and State people; a delegate (a citizen, a business owner) is named plainly.
const personFull = (a: Attendee): string => (a.role === 'delegate' ? nameWithTitles(a, 'full') : `đồng chí ${nameWithTitles(a, 'full')}`);

export function replyKindText(r: Reply): string {
  switch (r.kind) {
    case 'on_spot':
      return 'trả lời trực tiếp tại hội nghị';
    case 'written_before':
      return 'đã trả lời bằng văn bản trước hội nghị';
    case 'written_later': {
      const parts = ['sẽ trả lời bằng văn bản'];
      if (r.agency.trim()) parts.push(`đơn vị giải quyết: ${stripEnd(r.agency.trim())}`);
      const d = shortDate(r.deadline);
      if (d) parts.push(`thời hạn: ${d}`);
      return parts.join('; ');
    }
    case 'forwarded': {
      const parts = ['chuyển cơ quan có thẩm quyền xem xét, giải quyết'];
      if (r.agency.trim()) parts.push(`đơn vị tiếp nhận: ${stripEnd(r.agency.trim())}`);
      const d = shortDate(r.deadline);
      if (d) parts.push(`thời hạn: ${d}`);
      return parts.join('; ');
    }
  }
}

function responderFull(record: MeetingRecord, r: Reply): string {
  const a = attendeeById(record, r.responderAttendeeId);
  return a ? personFull(a) : r.responderText.trim();
}

/**
 * "Đồng chí X – T trả lời trực tiếp tại hội nghị: nội dung." For a reply still to come in
 * writing the content goes first and the agency and deadline after it.
 */
/**
 * One reply in the minutes: "Đồng chí X – T ghi nhận …" (what was said, as said), then for a
 * written answer still to come or a transfer the agency and deadline entered, unless the words
 * already say it. Nothing typed in the hall, nothing stated.
 */
function replyParagraph(record: MeetingRecord, r: Reply, note: string): string {
  const who = upperFirst(responderFull(record, r));
  const content = stripEnd(r.content.trim());
  if (!content && (r.kind === 'on_spot' || r.kind === 'written_before')) return '';
  const said = content ? (who ? `${who}${note} ${r.kind === 'written_before' ? 'đã trả lời bằng văn bản: ' : ''}${r.kind === 'written_before' ? upperFirst(content) : afterSpeaker(content)}` : '') : '';
  const agency = stripEnd(r.agency.trim());
  const deadline = shortDate(r.deadline);
  let follow = '';
  if (r.kind === 'written_later' && !(content && /văn bản/iu.test(content) && (!agency || containsFolded(content, agency))))
    follow = `Nội dung này sẽ được trả lời bằng văn bản${agency ? ` (đơn vị giải quyết: ${agency}${deadline ? `; thời hạn: ${deadline}` : ''})` : deadline ? ` (thời hạn: ${deadline})` : ''}`;
  if (r.kind === 'forwarded' && !(content && agency && containsFolded(content, agency)))
    follow = `Nội dung này được chuyển ${agency || 'cơ quan có thẩm quyền'} xem xét, giải quyết${deadline ? ` (thời hạn: ${deadline})` : ''}`;
  if (!who && content) return [endSentence(`Ý kiến trả lời${note}: ${upperFirst(content)}`), follow && endSentence(follow)].filter(Boolean).join(' ');
  return [said && endSentence(said), follow && endSentence(follow)].filter(Boolean).join(' ');
}

/** "ghi nhận …" after a name when the words open with a verb; else "phát biểu: …" (as said). */
function afterSpeaker(content: string): string {
  const t = content.trim();
  return /^(ghi nhận|giao|trực tiếp|giải đáp|trả lời|tiếp thu|đánh giá|thông tin|thông báo|nhấn mạnh|khẳng định|đề nghị|yêu cầu|chỉ đạo|cam kết|lắng nghe|làm rõ|giải trình|phát biểu|cho biết|báo cáo|chia sẻ|đồng ý|thống nhất|nêu|sẽ|đã|đang)(\s|,|$)/iu.test(t)
    ? t[0]!.toLocaleLowerCase('vi') + t.slice(1)
    : `phát biểu: ${upperFirst(t)}`;
}

function speechParagraphs(record: MeetingRecord, s: Speech, verb: string): string[] {
  const a = attendeeById(record, s.speakerAttendeeId);
  const who = a ? personFull(a) : s.speakerText.trim();
  const summary = stripEnd(s.summary.trim());
  const out: string[] = [];
  if (summary) out.push(endSentence(`${upperFirst(who || 'Hội nghị nghe')} ${who ? verb : lowerFirst(verb)}: ${summary}`));
  else if (who && s.directions.some((d) => d.trim())) out.push(endSentence(`${upperFirst(who)} ${verb}`));
  const dirs = s.directions.map((d) => stripEnd(d.trim())).filter(Boolean);
  if (dirs.length) {
    const title = a ? mainTitle(a) : '';
    out.push(`${title ? `Đồng chí ${title}` : upperFirst(who || 'Hội nghị')} đề nghị:`);
    dirs.forEach((d, i) => out.push(`- ${upperFirst(d)}${i === dirs.length - 1 ? '.' : ';'}`));
  }
  return out;
}

export function generateMinutes(record: MeetingRecord, profile: OrgProfile | null): DocBlock[] {
  const m = record.meeting;
  const style = profile?.style ?? DEFAULT_STYLE;
  const count = (n: number) => formatCount(n, style.padCounts);
  const blocks: DocBlock[] = [{ type: 'heading', text: upperFirst(meetingName(record)) }];
  const para = (text: string) => {
    const t = cleanSentence(text);
    if (t) blocks.push({ type: 'paragraph', text: t });
  };
  const heading = (text: string) => blocks.push({ type: 'heading', text });

  const start = clockTime(m.startTime);
  para(`Thời gian bắt đầu: ${start ?? `${BLANK} giờ ${BLANK} phút`}, ${longDate(m.date) ?? LONG_DATE_BLANK}.`);
  para(`Địa điểm: ${m.location.trim() ? endSentence(m.location.trim()) : BLANK}`);

  // Attendance: guests, the host leaders in protocol order, the responders, then the groups.
  const labelAt = blocks.length;
  para('Thành phần tham dự:');
  // Absent people are named with their reasons in the count line, not in the lists.
  const by = (roles: string[]) => record.attendees.filter((a) => roles.includes(a.role) && a.presence !== 'absent');
  const chairs = record.attendees.filter((a) => a.role === 'chair');
  const line = (label: string, people: Attendee[], groups: string[]) => {
    const items = [...people.map(personFull), ...groups.map(stripEnd)].filter(Boolean);
    if (items.length) para(`- ${label}: ${items.join('; ')}.`);
  };
  const groupsOf = (role: string) => record.groups.filter((g) => g.role === role).map((g) => g.text.trim());
  line('Đại biểu cấp trên', by(['guest']), groupsOf('guest'));
  line(m.organizer.trim() ? `Lãnh đạo ${adminLower(m.organizer.trim())}` : 'Lãnh đạo dự hội nghị', by(['chair', 'host', 'reporter']), groupsOf('host'));
  line('Đại diện các cơ quan trả lời ý kiến', by(['responder']), []);
  line('Đại biểu dự hội nghị', by(['delegate']).length <= 30 ? by(['delegate']) : [], groupsOf('participant'));
  const hall = stripEnd(m.attendance.text.trim());
  // The hall apart from the named roster, in the words recorded, once.
  const participants = groupsOf('participant').join(' ');
  if (hall && !containsFolded(participants, hall)) para(`- Ngoài các đại biểu có tên, hội nghị có sự tham dự của ${lowerFirst(hall)}.`);
  else if (!hall && m.attendance.count != null) para(`- Số người dự hội nghị: khoảng ${count(m.attendance.count)} người.`);
  if (record.attendees.length) {
    const absent = record.attendees.filter((a) => a.presence === 'absent');
    const present = record.attendees.length - absent.length;
    const late = record.attendees.filter((a) => a.presence === 'late').length;
    const why = absent.map((a) => `${a.fullName.trim()}${a.reason.trim() ? ` – ${stripEnd(a.reason.trim())}` : ''}`);
    let s = `- Đại biểu được mời có tên trong danh sách: ${count(record.attendees.length)}; có mặt: ${count(present)}`;
    if (late) s += ` (đến muộn: ${count(late)})`;
    s += `; vắng mặt: ${count(absent.length)}${why.length ? ` (${why.join('; ')})` : ''}.`;
    para(s);
  }
  if (blocks.length === labelAt + 1) blocks[labelAt] = { type: 'paragraph', text: `Thành phần tham dự: ${BLANK}` };

  para(`Chủ trì (chủ tọa): ${chairs.length ? endSentence(chairs.map(personFull).join('; ')) : BLANK}`);
  const secretary = m.secretary.trim() || (profile?.secretaryName ?? '').trim();
  para(`Thư ký (người ghi biên bản): ${secretary ? endSentence(secretary) : BLANK}`);
  para('Nội dung (theo diễn biến cuộc họp):');

  // Parts in Roman numerals, items within a part in Arabic ones: two levels never share a style.
  const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV'];
  let part = 0;
  const partHeading = (t: string) => heading(`${ROMAN[part++] ?? String(part)}. ${t}`);

  for (const s of record.speeches.filter((x) => x.kind === 'opening')) {
    const ps = speechParagraphs(record, s, 'phát biểu khai mạc hội nghị');
    if (ps.length) {
      partHeading('Khai mạc hội nghị');
      ps.forEach(para);
    }
  }
  for (const s of record.speeches.filter((x) => x.kind === 'direction')) {
    const ps = speechParagraphs(record, s, 'phát biểu chỉ đạo');
    if (ps.length) {
      partHeading('Phát biểu chỉ đạo');
      ps.forEach(para);
    }
  }
  for (const s of record.speeches.filter((x) => x.kind === 'report')) {
    const ps = speechParagraphs(record, s, 'trình bày báo cáo');
    if (ps.length) {
      partHeading('Báo cáo tại hội nghị');
      ps.forEach(para);
    }
  }

  const before = record.recommendations.filter((r) => r.phase === 'before');
  const during = record.recommendations.filter((r) => r.phase === 'during');
  const recIndex = new Map<number, { phase: 'before' | 'during'; n: number }>();
  before.forEach((r, i) => recIndex.set(r.id, { phase: 'before', n: i + 1 }));
  during.forEach((r, i) => recIndex.set(r.id, { phase: 'during', n: i + 1 }));

  // A reply answering several recommendations is written once, after the last of them.
  const repliesAfter = new Map<number, Reply[]>();
  const unlinked: Reply[] = [];
  for (const r of record.replies) {
    const linked = r.recommendationIds.filter((id) => recIndex.has(id));
    if (!linked.length) {
      unlinked.push(r);
      continue;
    }
    const phase = recIndex.get(linked[0]!)!.phase;
    const list = phase === 'before' ? before : during;
    const last = list.filter((x) => linked.includes(x.id)).pop() ?? list[0]!;
    repliesAfter.set(last.id, [...(repliesAfter.get(last.id) ?? []), r]);
  }
  // "(trả lời chung các ý kiến số 2, 5)" names the items one answer grouped; an answer to every
  // item of its part needs no list.
  const jointNote = (r: Reply): string => {
    const ns = r.recommendationIds.map((id) => recIndex.get(id)?.n).filter((n): n is number => n != null);
    const phase = recIndex.get(r.recommendationIds.find((id) => recIndex.has(id)) ?? -1)?.phase;
    const all = phase ? (phase === 'before' ? before : during).length : 0;
    return ns.length > 1 && ns.length < all ? ` (trả lời chung các ý kiến số ${ns.join(', ')})` : '';
  };
  const recParagraph = (r: (typeof before)[number], n: number) => {
    const who = raiserLabel(record, r.raisedByAttendeeId, r.raisedByText);
    const unitText = stripEnd(r.unit.trim());
    // "Đại biểu phường Tây Tựu (phường Tây Tựu)": a unit already in the name is not repeated.
    const unit = unitText && !containsFolded(who, unitText) ? ` (${unitText})` : '';
    const typed = stripEnd(r.content.trim() || r.shortPhrase.trim());
    // "… kiến nghị: Đề nghị …" says it twice: a content that opens with its own verb takes its place.
    const own = typed && stripOpeners(typed) !== typed.normalize('NFC').replace(/\s+/g, ' ').trim();
    const head = who ? `${upperFirst(who)}${unit}` : '';
    if (own) para(withMinutesTime(record, `${n}. ${head ? `${head} ${lowerFirst(typed)}` : upperFirst(typed)}.`, 'recommendation', r.id));
    else para(withMinutesTime(record, `${n}. ${head ? `${head} kiến nghị` : 'Kiến nghị'}${typed ? `: ${upperFirst(typed)}` : ''}.`, 'recommendation', r.id));
    for (const reply of repliesAfter.get(r.id) ?? []) para(withMinutesTime(record, replyParagraph(record, reply, jointNote(reply)), 'reply', reply.id));
  };

  if (before.length) {
    partHeading('Kiến nghị gửi trước hội nghị và trả lời bằng văn bản');
    const answered = distinct(record.replies.filter((r) => r.kind === 'written_before').map((r) => responderFull(record, r)));
    const compiler = m.compiledBy.trim();
    const n = m.counts.before ?? before.length;
    const listedNote = n > before.length ? ` (biên bản ghi ${count(before.length)} kiến nghị tiêu biểu)` : '';
    const others = answered.filter((x) => !compiler || !containsFolded(compiler, x));
    const compilerAnswered = !!compiler && others.length < answered.length;
    para(
      `Trước hội nghị, ${compiler ? `${compiler} ` : ''}đã tổng hợp${compilerAnswered ? ' và trả lời bằng văn bản' : ''} ${count(n)} kiến nghị${listedNote}${others.length ? `; ${others.join(', ')} đã trả lời bằng văn bản` : ''}. Cụ thể:`,
    );
    before.forEach((r, i) => recParagraph(r, i + 1));
    for (const r of unlinked.filter((x) => x.kind === 'written_before')) para(replyParagraph(record, r, ''));
  }

  const otherUnlinked = unlinked.filter((x) => x.kind !== 'written_before');
  if (during.length || otherUnlinked.length) {
    partHeading('Ý kiến, kiến nghị tại hội nghị và trả lời');
    const n = m.counts.during ?? during.length;
    const speakers = m.counts.speakers != null ? ` với ${count(m.counts.speakers)} lượt ý kiến phát biểu` : '';
    if (during.length) para(`Tại hội nghị có ${count(n)} ý kiến, kiến nghị${speakers}${n > during.length ? ` (biên bản ghi ${count(during.length)} ý kiến tiêu biểu)` : ''}, cụ thể:`);
    during.forEach((r, i) => recParagraph(r, i + 1));
    if (otherUnlinked.length) {
      if (during.length) para('Trả lời chung các ý kiến, kiến nghị:');
      for (const r of otherUnlinked) para(withMinutesTime(record, replyParagraph(record, r, ''), 'reply', r.id));
    }
  }

  for (const s of record.speeches.filter((x) => x.kind === 'remarks')) {
    const ps = speechParagraphs(record, s, 'phát biểu');
    if (ps.length) {
      partHeading('Ý kiến phát biểu khác');
      ps.forEach(para);
    }
  }
  for (const s of record.speeches.filter((x) => x.kind === 'conclusion')) {
    const ps = speechParagraphs(record, s, 'kết luận hội nghị');
    if (ps.length) {
      partHeading('Kết luận của chủ trì hội nghị');
      ps.forEach(para);
    }
  }

  const end = clockTime(m.endTime) ?? `${BLANK} giờ ${BLANK} phút`;
  para(endDocument(`Hội nghị kết thúc vào ${end}, ${longDate(m.date) ?? LONG_DATE_BLANK}.`));
  return blocks;
}
