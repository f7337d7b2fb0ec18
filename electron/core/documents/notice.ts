// The editable body of the chair's conclusion notice (thông báo kết luận, NĐ 30/2020 Phụ lục III
// Mẫu 1.4; HD 36 for a Party committee): from the subject line under "THÔNG BÁO" to the closing
// line. The header, the type name, the signature and "Nơi nhận" are laid out by the renderer
// (docx-notice.ts) from the profile and the notice's options, so edits cannot break them.
//
// Block conventions, as the minutes: the first `heading` is the subject line (trích yếu); later
// `heading`s are the numbered parts; every `paragraph` is one body paragraph.
import type { Attendee, MeetingRecord, OrgProfile } from '../../shared/domain';
import { DEFAULT_STYLE } from '../../shared/domain';
import type { DocBlock } from '../../shared/documents';
import { fold } from '../../shared/vi/fold';
import { bodyInText } from '../../shared/notice-text';
import { meetingName } from './article';
import { attendeeById, comrade, functionalTitles, mainTitle, nameWithTitles } from './people';
import { adminLower, cleanSentence, endDocument, endSentence, formatCount, listPhrases, lowerFirst, shortDate, stripEnd, upperFirst } from './vi-text';

/** A direction of the conclusion as a tracked task: what, who, by when (from the register). */
export type NoticeTask = { uid?: string; content: string; agency: string; deadline: string | null };

const LETTERS = 'abcdđeghiklmnopqrstuvxy';
const letter = (i: number): string => (i < LETTERS.length ? LETTERS[i]! : `${LETTERS[i % LETTERS.length]!}${Math.floor(i / LETTERS.length)}`);

function chairOf(record: MeetingRecord): Attendee | undefined {
  const conclusion = record.speeches.find((s) => s.kind === 'conclusion' && s.speakerAttendeeId != null);
  return attendeeById(record, conclusion?.speakerAttendeeId ?? null) ?? record.attendees.find((a) => a.role === 'chair');
}

/**
 * The chair's title that speaks for the issuer: "Chủ tịch UBND …" in a State notice, "Bí thư …" in
 * a Party one ("Phó bí thư Đảng ủy, Chủ tịch UBND xã" concludes as Chủ tịch for the UBND).
 */
export function issuerTitle(a: Pick<Attendee, 'titles'>, isParty: boolean): string {
  const titles = functionalTitles(a.titles);
  const want = isParty ? /^(phó )?bí thư/iu : /^(phó )?chủ tịch/iu;
  return titles.find((t) => want.test(t.trim())) ?? mainTitle(a);
}

/** "Kết luận của đồng chí Nguyễn Văn A – Chủ tịch UBND phường tại Hội nghị đối thoại … ngày 14/10/2025". */
export function noticeSubject(record: MeetingRecord): string {
  const chair = chairOf(record);
  const who = chair ? `đồng chí ${nameWithTitles(chair, 'functional')}` : 'chủ trì hội nghị';
  const date = shortDate(record.meeting.date);
  return cleanSentence(`Kết luận của ${who} tại ${upperFirst(stripEnd(meetingName(record)))}${date ? ` ngày ${date}` : ''}`);
}

/** "Đơn vị thực hiện: …; thời hạn: trước ngày …" for a task, or '' when neither is set. */
function assignment(agency: string, deadline: string | null): string {
  const parts: string[] = [];
  if (agency.trim()) parts.push(`Đơn vị thực hiện: ${stripEnd(agency.trim())}`);
  const d = shortDate(deadline);
  if (d) parts.push(`${parts.length ? 'thời hạn' : 'Thời hạn'}: trước ngày ${d}`);
  return parts.length ? endSentence(parts.join('; ')) : '';
}

const same = (a: string, b: string): boolean => fold(stripEnd(a)).replace(/\s+/g, ' ').trim() === fold(stripEnd(b)).replace(/\s+/g, ' ').trim();

/**
 * The directions as the notice numbers them: each direction of the conclusion, with the agency
 * and deadline of the task that carries it; then the tasks the secretary added that no direction
 * says. A task names its direction by the same text (the tasks editor starts from the directions).
 */
export function noticeDirections(record: MeetingRecord, tasks: readonly NoticeTask[]): NoticeTask[] {
  const dirs = record.speeches
    .filter((s) => s.kind === 'conclusion')
    .flatMap((s) => s.directions)
    .map((d) => stripEnd(d.trim()))
    .filter(Boolean);
  const used = new Set<number>();
  const out: NoticeTask[] = dirs.map((content) => {
    const i = tasks.findIndex((t, k) => !used.has(k) && same(t.content, content));
    if (i < 0) return { content, agency: '', deadline: null };
    used.add(i);
    const t = tasks[i]!;
    return { ...(t.uid ? { uid: t.uid } : {}), content, agency: t.agency, deadline: t.deadline };
  });
  tasks.forEach((t, k) => {
    if (!used.has(k) && t.content.trim()) out.push({ ...t, content: stripEnd(t.content.trim()) });
  });
  return out;
}

export function generateNotice(record: MeetingRecord, profile: OrgProfile | null, tasks: readonly NoticeTask[] = []): DocBlock[] {
  const m = record.meeting;
  const blocks: DocBlock[] = [{ type: 'heading', text: noticeSubject(record) }];
  const para = (text: string) => {
    const t = cleanSentence(text);
    if (t) blocks.push({ type: 'paragraph', text: t });
  };
  const chair = chairOf(record);
  const chairTitle = chair ? issuerTitle(chair, profile?.isParty ?? false) : '';
  // The body that issues the notice, as its header names it: it "thông báo" in the closing line.
  const issuer = bodyInText(stripEnd(profile?.issuingBody ?? ''));
  const organizer = m.organizer.trim() || issuer;
  const date = shortDate(m.date);
  const name = lowerFirst(stripEnd(meetingName(record)));

  // The opening: when, where, who held it, who presided, who attended.
  const where = m.location.trim() ? `, tại ${stripEnd(m.location.trim())}` : '';
  const held = organizer ? `${adminLower(organizer)} tổ chức ${name}` : `đã diễn ra ${name}`;
  para(`${date ? `Ngày ${date}` : 'Vừa qua'}${where}, ${held}.${chair ? ` ${upperFirst(comrade(chair, 'functional'))} chủ trì hội nghị.` : ''}`);
  const guests = record.attendees.filter((a) => a.role === 'guest' && a.presence !== 'absent');
  if (guests.length) para(`Dự hội nghị có ${guests.map((g) => comrade(g, 'functional')).join('; ')}.`);

  const reports = record.speeches.filter((s) => s.kind === 'report');
  const during = record.recommendations.filter((r) => r.phase === 'during');
  const before = record.recommendations.filter((r) => r.phase === 'before');
  const heard: string[] = [];
  if (reports.length) heard.push('báo cáo tại hội nghị');
  const count = (n: number) => formatCount(n, (profile?.style ?? DEFAULT_STYLE).padCounts);
  // "07 ý kiến, kiến nghị của đoàn viên thanh niên": the audience without its head count ("hơn 100
  // đoàn viên…"), which would read as the number of people who spoke.
  const audience = stripEnd(m.audience.trim()).replace(/^(?:(?:hơn|gần|khoảng|trên|dưới|hàng)\s+)?\d[\d.,]*\s+/iu, '');
  if (before.length || during.length) heard.push(`${count(before.length + during.length)} ý kiến, kiến nghị${audience ? ` của ${lowerFirst(audience)}` : ''}`);
  if (record.replies.length) heard.push('ý kiến trả lời của các cơ quan, đơn vị');
  const who = chairTitle ? `đồng chí ${chairTitle}` : chair ? `đồng chí ${chair.fullName.trim()}` : 'chủ trì hội nghị';
  const heardText = heard.length > 1 ? `${heard.slice(0, -1).join(', ')} và ${heard[heard.length - 1]!}` : (heard[0] ?? '');
  para(`${heardText ? `Sau khi nghe ${heardText}, ` : ''}${who} kết luận như sau:`);

  let part = 0;
  const heading = (t: string) => blocks.push({ type: 'heading', text: `${++part}. ${t}` });

  const summaries = record.speeches
    .filter((s) => s.kind === 'conclusion')
    .map((s) => stripEnd(s.summary.trim()))
    .filter(Boolean);
  if (summaries.length) {
    heading('Đánh giá chung');
    summaries.forEach((s) => para(endSentence(upperFirst(s))));
  }

  const directions = noticeDirections(record, tasks);
  if (directions.length) {
    heading('Nhiệm vụ giao các cơ quan, đơn vị');
    directions.forEach((d, i) => para(`${letter(i)}) ${endSentence(upperFirst(d.content))}${assignment(d.agency, d.deadline) ? ` ${assignment(d.agency, d.deadline)}` : ''}`));
  }

  // Kiến nghị still owed an answer: written later or forwarded, grouped by the agency that owes it.
  const owed = new Map<string, { phrases: string[]; deadline: string | null; forwarded: boolean }>();
  for (const r of record.replies) {
    if (r.kind !== 'written_later' && r.kind !== 'forwarded') continue;
    const key = stripEnd(r.agency.trim()) || stripEnd(r.responderText.trim());
    const recs = r.recommendationIds.map((id) => record.recommendations.find((x) => x.id === id)).filter((x) => x != null);
    const phrases = recs.map((x) => stripEnd(x.shortPhrase.trim() || x.content.trim())).filter(Boolean);
    const cur = owed.get(key) ?? { phrases: [], deadline: null, forwarded: r.kind === 'forwarded' };
    cur.phrases.push(...phrases);
    if (r.deadline && (!cur.deadline || r.deadline < cur.deadline)) cur.deadline = r.deadline;
    owed.set(key, cur);
  }
  if (owed.size) {
    heading('Đối với các ý kiến, kiến nghị chưa được trả lời tại hội nghị');
    for (const [agency, o] of owed) {
      const d = shortDate(o.deadline);
      const what = o.phrases.length ? ` các kiến nghị về: ${listPhrases(o.phrases)}` : ' các kiến nghị liên quan';
      const verb = o.forwarded ? 'tiếp nhận, xem xét, giải quyết' : 'xem xét, trả lời bằng văn bản';
      para(`- ${agency ? `Giao ${agency}` : 'Giao các cơ quan, đơn vị liên quan'} ${verb}${what}${d ? `; thời hạn: trước ngày ${d}` : ''}.`);
    }
  }

  const closer = issuer || (organizer ? adminLower(organizer) : '');
  para(endDocument(`${closer ? `${upperFirst(closer)} thông báo` : 'Thông báo'} để các cơ quan, đơn vị, cá nhân liên quan biết, thực hiện`));
  return blocks;
}
