// The summary table (bảng tổng hợp kiến nghị) cell by cell for a small meeting that has one of
// each case: both phases, topics written in two cases and one left blank, a recommendation with
// no content but a short phrase, replies by a roster member and by an agency, one with two
// replies of different forms, one with none. Written for the summary's mutants (issue 13).
import { describe, expect, it } from 'vitest';
import { generateSummary, SUMMARY_COLUMNS } from '../../../electron/core/documents/summary';
import type { DocBlock } from '../../../electron/shared/documents';
import { DEFAULT_TIMER_RULE, type SpeakingTime } from '../../../electron/shared/timer';
import { meeting, profile, RecordBuilder } from '../../fixtures/documents/build';

function fixture() {
  const b = new RecordBuilder(meeting(1, { title: 'hội nghị đối thoại với Nhân dân xã Tân Lập', date: '2025-03-06' }));
  const chair = b.attendee('Nguyễn Văn Hùng', ['Bí thư Đảng ủy', 'Chủ tịch HĐND xã'], 'chair');
  const voter = b.attendee('Lê Thị Mai', [], 'delegate');
  const r1 = b.rec('before', { raisedByText: 'cử tri thôn 2', unit: 'Thôn 2', topic: 'đất đai', content: 'đề nghị cấp giấy chứng nhận quyền sử dụng đất.' });
  const r2 = b.rec('before', { raisedByAttendeeId: voter.id, topic: 'Đất đai ', content: '', shortPhrase: 'làm đường liên thôn' });
  const r3 = b.rec('before', { raisedByText: 'hội nông dân', topic: '', content: 'hỗ trợ giống lúa' });
  const r4 = b.rec('during', { raisedByText: '', topic: 'Y tế', content: 'Trạm y tế thiếu thuốc' });
  const r5 = b.rec('during', { raisedByText: 'ông Tư', topic: 'Giáo dục', content: 'Sửa trường mầm non.' });
  b.reply('on_spot', chair, 'xã sẽ rà soát và cấp trong quý II.', [r1, r2]);
  b.reply('written_later', 'Phòng Tài nguyên và Môi trường', '', [r1], { agency: 'Phòng TN&MT huyện', deadline: '2025-06-30' });
  b.reply('forwarded', 'UBND xã', 'Đã chuyển Trung tâm Y tế huyện.', [r3], { agency: 'không in ra', deadline: null });
  // Nothing typed in a reply: it still counts as a form of answer, but prints no empty answer.
  b.reply('written_later', '', '', [r5], { agency: 'Phòng GD&ĐT', deadline: '2025-04-01' });
  void r4;
  return b.record;
}

const tableOf = (blocks: DocBlock[]): string[][] => {
  const t = blocks.find((x) => x.type === 'table');
  if (!t || t.type !== 'table') throw new Error('no table');
  return t.rows;
};

describe('the summary table, cell by cell', () => {
  it('heading, the meeting and its date, then one table', () => {
    const blocks = generateSummary(fixture(), profile({}));
    expect(blocks.slice(0, 2)).toEqual([
      { type: 'heading', text: 'BẢNG TỔNG HỢP Ý KIẾN, KIẾN NGHỊ' },
      { type: 'paragraph', text: 'Hội nghị đối thoại với Nhân dân xã Tân Lập, ngày 06/03/2025' },
    ]);
    expect(blocks.map((x) => x.type)).toEqual(['heading', 'paragraph', 'table']);
  });

  it('grouped by phase, then by topic in the order topics came up (any case), unlabelled last', () => {
    expect(tableOf(generateSummary(fixture(), null))).toEqual([
      [...SUMMARY_COLUMNS],
      ['I. KIẾN NGHỊ GỬI TRƯỚC HỘI NGHỊ (3)'],
      ['1. Đất đai (2)'],
      [
        '1',
        'Cử tri thôn 2\nThôn 2',
        'Đề nghị cấp giấy chứng nhận quyền sử dụng đất',
        'Đất đai',
        'Nguyễn Văn Hùng – Bí thư Đảng ủy, Chủ tịch HĐND xã: Xã sẽ rà soát và cấp trong quý II\nPhòng Tài nguyên và Môi trường',
        'Tại hội nghị\nBằng văn bản',
        'Phòng TN&MT huyện',
        '30/06/2025',
      ],
      ['2', 'Lê Thị Mai', 'Làm đường liên thôn', 'Đất đai', 'Nguyễn Văn Hùng – Bí thư Đảng ủy, Chủ tịch HĐND xã: Xã sẽ rà soát và cấp trong quý II', 'Tại hội nghị', '', ''],
      ['2. Lĩnh vực khác (1)'],
      ['3', 'Hội nông dân', 'Hỗ trợ giống lúa', '', 'UBND xã: Đã chuyển Trung tâm Y tế huyện', 'Chuyển cơ quan có thẩm quyền', '', ''],
      ['II. Ý KIẾN, KIẾN NGHỊ TẠI HỘI NGHỊ (2)'],
      ['1. Y tế (1)'],
      ['4', '', 'Trạm y tế thiếu thuốc', 'Y tế', 'Chưa trả lời', '', '', ''],
      ['2. Giáo dục (1)'],
      ['5', 'Ông Tư', 'Sửa trường mầm non', 'Giáo dục', 'Chưa trả lời', 'Bằng văn bản', 'Phòng GD&ĐT', '01/04/2025'],
    ]);
  });

  it('the form "before the meeting" and each written form named once', () => {
    const b = new RecordBuilder(meeting(2, { title: 'Hội nghị' }));
    const r = b.rec('during', { content: 'Một kiến nghị' });
    b.reply('written_before', 'UBND xã', 'Trả lời 1', [r]);
    b.reply('written_before', 'UBND xã', 'Trả lời 2', [r]);
    const row = tableOf(generateSummary(b.record, null))[3]!;
    expect(row).toEqual(['1', '', 'Một kiến nghị', '', 'UBND xã: Trả lời 1\nUBND xã: Trả lời 2', 'Bằng văn bản (trước hội nghị)', '', '']);
  });

  it('a meeting with no date and no recommendation: no date, and one line saying so', () => {
    const b = new RecordBuilder(meeting(3, { title: 'Hội nghị đối thoại năm 2025' }));
    expect(generateSummary(b.record, null)).toEqual([
      { type: 'heading', text: 'BẢNG TỔNG HỢP Ý KIẾN, KIẾN NGHỊ' },
      { type: 'paragraph', text: 'Hội nghị đối thoại năm 2025' },
      { type: 'table', rows: [[...SUMMARY_COLUMNS], ['Chưa có kiến nghị nào được ghi.']] },
    ]);
  });

  it('white space around what was typed is not printed, and an empty answer adds no empty line', () => {
    const b = new RecordBuilder(meeting(4, { title: 'Hội nghị' }));
    const blank = b.rec('during', { raisedByText: 'ông A', unit: '  Thôn 3  ', topic: '   ', content: '   ', shortPhrase: '  làm cầu tạm  ' });
    b.reply('on_spot', '  UBND xã  ', '  Sẽ làm trong tháng 5.  ', [blank]);
    b.reply('on_spot', '', '   ', [blank]);
    b.reply('written_later', 'Phòng Kinh tế', '', [blank], { agency: 'Phòng Kinh tế', deadline: '2025-05-31' });
    b.reply('written_later', 'Phòng Tài chính', '', [blank], { agency: 'Phòng Tài chính', deadline: '2025-06-30' });
    expect(tableOf(generateSummary(b.record, null)).slice(1)).toEqual([
      ['I. Ý KIẾN, KIẾN NGHỊ TẠI HỘI NGHỊ (1)'],
      // A topic of spaces is no topic: the recommendation is under "Lĩnh vực khác", not lost.
      ['1. Lĩnh vực khác (1)'],
      [
        '1',
        'Ông A\nThôn 3',
        'Làm cầu tạm',
        '',
        'UBND xã: Sẽ làm trong tháng 5\nPhòng Kinh tế\nPhòng Tài chính',
        'Tại hội nghị\nBằng văn bản',
        'Phòng Kinh tế\nPhòng Tài chính',
        '31/05/2025\n30/06/2025',
      ],
    ]);
  });

  it('the eight columns, in order', () => {
    expect(SUMMARY_COLUMNS).toEqual(['STT', 'Người / đơn vị kiến nghị', 'Nội dung', 'Lĩnh vực', 'Trả lời (người trả lời, nội dung)', 'Hình thức', 'Đơn vị giải quyết', 'Thời hạn']);
  });
});

describe('speaking times in the summary table (issue 16)', () => {
  function timed(times: (b: ReturnType<typeof build>) => SpeakingTime[]) {
    const b = build();
    b.builder.record.timing = { rule: DEFAULT_TIMER_RULE, overrides: [], times: times(b) };
    return tableOf(generateSummary(b.builder.record, null)).slice(3);
  }
  function build() {
    const builder = new RecordBuilder(meeting(5, { title: 'Hội nghị' }));
    const chair = builder.attendee('Nguyễn Văn Hùng', ['Chủ tịch UBND xã'], 'chair');
    const r1 = builder.rec('during', { raisedByText: 'ông Tư', unit: 'Thôn 2', topic: 'Giao thông', content: 'Sửa đường' });
    const r2 = builder.rec('during', { topic: 'Giao thông', content: 'Làm cầu' });
    const a1 = builder.reply('on_spot', chair, 'sẽ sửa trong quý III.', [r1]);
    const a2 = builder.reply('on_spot', '', '', [r2]);
    const a3 = builder.reply('on_spot', 'UBND xã', 'Sẽ làm', [r2]);
    return { builder, r1, r2, a1, a2, a3 };
  }
  const t = (entity: SpeakingTime['entity'], entityId: number, seconds: number): SpeakingTime => ({ entity, entityId, seconds, limitSeconds: 180 });

  it('after the raiser and unit, and after each answer in brackets; a blank reply is just its time', () => {
    const rows = timed(({ r1, r2, a1, a2 }) => [t('recommendation', r1.id, 130), t('recommendation', r2.id, 45), t('reply', a1.id, 300), t('reply', a2.id, 3_900)]);
    expect(rows.map((r) => [r[1], r[4]])).toEqual([
      ['Ông Tư\nThôn 2\nPhát biểu 2 phút 10 giây', 'Nguyễn Văn Hùng – Chủ tịch UBND xã: Sẽ sửa trong quý III (trả lời 5 phút)'],
      ['Phát biểu 45 giây', '(trả lời 1 giờ 05 phút)\nUBND xã: Sẽ làm'],
    ]);
  });

  it('a time shows only on the kind of item it was recorded for', () => {
    // Kiến nghị and replies are numbered in different tables in the app: the same number can be both.
    const rows = timed(({ r1, a3 }) => [t('reply', r1.id, 60), t('recommendation', a3.id, 70)]);
    expect(rows.map((r) => [r[1], r[4]])).toEqual([
      ['Ông Tư\nThôn 2', 'Nguyễn Văn Hùng – Chủ tịch UBND xã: Sẽ sửa trong quý III'],
      ['', 'UBND xã: Sẽ làm'],
    ]);
  });

  it('a meeting with timing but no time recorded prints as one never timed', () => {
    const plain = build();
    expect(timed(() => [])).toEqual(tableOf(generateSummary(plain.builder.record, null)).slice(3));
    expect(timed(() => [])[1]![4]).toBe('UBND xã: Sẽ làm');
  });
});
