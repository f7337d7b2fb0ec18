// The summary table of recommendations (bảng tổng hợp kiến nghị): one table, grouped by phase
// and then by topic. Table convention (kept by the renderer and the editor): the first row is
// the header; a row with a single cell is a group row spanning the whole width.
import type { MeetingRecord, OrgProfile, Phase, Recommendation, Reply } from '../../shared/domain';
import type { DocBlock } from '../../shared/documents';
import { meetingName } from './article';
import { attendeeById, distinct, nameWithTitles, raiserLabel } from './people';
import { shortDate, stripEnd, upperFirst } from './vi-text';
import { summaryTime } from './timing-text';

export const SUMMARY_COLUMNS = [
  'STT',
  'Người / đơn vị kiến nghị',
  'Nội dung',
  'Lĩnh vực',
  'Trả lời (người trả lời, nội dung)',
  'Hình thức',
  'Đơn vị giải quyết',
  'Thời hạn',
] as const;

// Numbered by the sections actually present: a meeting with no pre-meeting recommendations has
// a section "I." for the hall, not a lone "II.".
const PHASE_LABEL: Record<Phase, string> = {
  before: 'KIẾN NGHỊ GỬI TRƯỚC HỘI NGHỊ',
  during: 'Ý KIẾN, KIẾN NGHỊ TẠI HỘI NGHỊ',
};
const ROMAN = ['I', 'II'];

const FORM_LABEL: Record<Reply['kind'], string> = {
  written_before: 'Bằng văn bản (trước hội nghị)',
  on_spot: 'Tại hội nghị',
  written_later: 'Bằng văn bản',
  forwarded: 'Chuyển cơ quan có thẩm quyền',
};

const OTHER_TOPIC = 'Lĩnh vực khác';

export function generateSummary(record: MeetingRecord, _profile: OrgProfile | null): DocBlock[] {
  const m = record.meeting;
  const date = shortDate(m.date);
  const blocks: DocBlock[] = [
    { type: 'heading', text: 'BẢNG TỔNG HỢP Ý KIẾN, KIẾN NGHỊ' },
    { type: 'paragraph', text: `${upperFirst(meetingName(record))}${date ? `, ngày ${date}` : ''}` },
  ];
  const repliesFor = new Map<number, Reply[]>();
  for (const r of record.replies) for (const id of r.recommendationIds) repliesFor.set(id, [...(repliesFor.get(id) ?? []), r]);

  const rows: string[][] = [[...SUMMARY_COLUMNS]];
  let stt = 0;
  let section = 0;
  for (const phase of ['before', 'during'] as const) {
    const recs = record.recommendations.filter((r) => r.phase === phase);
    if (!recs.length) continue;
    rows.push([`${ROMAN[section++]}. ${PHASE_LABEL[phase]} (${recs.length})`]);
    // Topics in the order they first came up; unlabelled ones last.
    const topics = distinct(recs.map((r) => r.topic));
    const groups: [string, Recommendation[]][] = topics.map((t) => [t, recs.filter((r) => r.topic.trim().toLocaleLowerCase('vi') === t.toLocaleLowerCase('vi'))]);
    const untagged = recs.filter((r) => !r.topic.trim());
    if (untagged.length) groups.push([OTHER_TOPIC, untagged]);
    groups.forEach(([topic, list], i) => {
      rows.push([`${i + 1}. ${upperFirst(topic)} (${list.length})`]);
      for (const r of list) rows.push(recRow(record, r, ++stt, repliesFor.get(r.id) ?? []));
    });
  }
  if (rows.length === 1) rows.push(['Chưa có kiến nghị nào được ghi.']);
  blocks.push({ type: 'table', rows });
  return blocks;
}

function recRow(record: MeetingRecord, r: Recommendation, stt: number, replies: Reply[]): string[] {
  const who = raiserLabel(record, r.raisedByAttendeeId, r.raisedByText);
  const raiser = [upperFirst(who), r.unit.trim(), summaryTime(record, 'recommendation', r.id)].filter(Boolean).join('\n');
  const content = upperFirst(stripEnd(r.content.trim() || r.shortPhrase.trim()));
  const answers = replies
    .map((x) => {
      const a = attendeeById(record, x.responderAttendeeId);
      const by = a ? nameWithTitles(a, 'functional') : x.responderText.trim();
      const text = stripEnd(x.content.trim());
      const time = summaryTime(record, 'reply', x.id);
      // A reply timed but left blank is just its time, "(trả lời 1 phút)", not " (trả lời 1 phút)".
      const said = [upperFirst(by), upperFirst(text)].filter(Boolean).join(': ');
      return [said, time && `(${time.toLocaleLowerCase('vi')})`].filter(Boolean).join(' ');
    })
    .filter(Boolean);
  const forms = distinct(replies.map((x) => FORM_LABEL[x.kind]));
  const agencies = distinct(replies.filter((x) => x.kind === 'written_later').map((x) => x.agency));
  const deadlines = distinct(replies.map((x) => shortDate(x.deadline) ?? ''));
  return [
    String(stt),
    raiser,
    content,
    upperFirst(r.topic.trim()),
    answers.join('\n') || 'Chưa trả lời',
    forms.join('\n'),
    agencies.join('\n'),
    deadlines.join('\n'),
  ];
}
