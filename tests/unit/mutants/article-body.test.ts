// The article's body, rule by rule: who attended, the speeches and their directions, and the
// recommendations before and in the hall. Each case is the smallest meeting where the rule decides
// the words, and whole paragraphs are compared. Written for the mutants of article.ts (issue 13).
import { describe, expect, it } from 'vitest';
import { generateArticle } from '../../../electron/core/documents/article';
import type { ArticleOptions } from '../../../electron/shared/documents';
import type { Meeting, OrgProfile } from '../../../electron/shared/domain';
import { meeting, profile, RecordBuilder } from '../../fixtures/documents/build';

/** A meeting whose lead is one known sentence, "UBND xã tổ chức Hội nghị đối thoại.". */
const build = (f: Partial<Meeting> = {}) => new RecordBuilder(meeting(1, { title: 'Hội nghị đối thoại', organizer: 'UBND xã', ...f }));
/** The paragraphs after the lead. */
const body = (b: RecordBuilder, o: Partial<ArticleOptions> = {}, p: OrgProfile | null = null) => {
  const ps = generateArticle(b.record, p, o).flatMap((x) => (x.type === 'paragraph' ? [x.text] : []));
  expect(ps[0]).toMatch(/^UBND xã tổ chức Hội nghị đối thoại/u);
  return ps.slice(1);
};

describe('who attended', () => {
  it('guests first (people, then groups), then the chairs, then the host leaders with "Cùng dự có"', () => {
    const b = build();
    b.attendee('Hà Văn Khách', ['Phó Bí thư Tỉnh ủy'], 'guest');
    b.attendee('Lê Văn Bình', ['Chủ tịch UBND xã'], 'chair');
    b.attendee('Phạm Thị Hoa', ['Bí thư Đảng ủy'], 'host');
    b.group('Các đồng chí lãnh đạo huyện.', 'guest');
    b.group('Lãnh đạo các ban, ngành', 'host');
    expect(body(b)).toEqual([
      'Dự hội nghị có đồng chí Hà Văn Khách – Phó Bí thư Tỉnh ủy; các đồng chí lãnh đạo huyện. Đồng chí Lê Văn Bình – Chủ tịch UBND xã chủ trì hội nghị. Cùng dự có đồng chí Phạm Thị Hoa – Bí thư Đảng ủy; lãnh đạo các ban, ngành./.',
    ]);
  });

  it('several chairs "đồng chủ trì"; the host groups alone open with "Dự hội nghị có" and are joined with "và"', () => {
    const b = build();
    b.attendee('Lê Văn Bình', ['Chủ tịch UBND xã'], 'chair');
    b.attendee('Phạm Thị Hoa', ['Bí thư Đảng ủy'], 'chair');
    b.group('lãnh đạo Đảng ủy', 'host');
    b.group('đại diện các đoàn thể', 'host');
    expect(body(b)).toEqual([
      'Các đồng chí Lê Văn Bình – Chủ tịch UBND xã và Phạm Thị Hoa – Bí thư Đảng ủy đồng chủ trì hội nghị. Cùng dự có lãnh đạo Đảng ủy và đại diện các đoàn thể./.',
    ]);
    const c = build();
    c.group('lãnh đạo Đảng ủy', 'host');
    c.group('đại diện các đoàn thể', 'host');
    expect(body(c)).toEqual(['Dự hội nghị có lãnh đạo Đảng ủy và đại diện các đoàn thể./.']);
    // Groups that hold a semicolon are kept apart by semicolons.
    const d = build();
    d.group('lãnh đạo Đảng ủy; HĐND', 'host');
    d.group('đại diện các đoàn thể', 'host');
    d.group('trưởng thôn', 'host');
    expect(body(d)).toEqual(['Dự hội nghị có lãnh đạo Đảng ủy; HĐND; đại diện các đoàn thể và trưởng thôn./.']);
    const e = build();
    e.group('lãnh đạo Đảng ủy, HĐND', 'host');
    e.group('đại diện các đoàn thể', 'host');
    e.group('trưởng thôn', 'host');
    expect(body(e)).toEqual(['Dự hội nghị có lãnh đạo Đảng ủy, HĐND; đại diện các đoàn thể và trưởng thôn./.']);
  });

  it('the reporter sits among the host leaders in roster order', () => {
    const b = build();
    b.attendee('Phạm Thị Hoa', ['Bí thư Đảng ủy'], 'host');
    b.attendee('Trần Văn Nam', ['Trưởng phòng Tư pháp'], 'reporter');
    b.attendee('Ngô Văn Tư', ['Phó Chủ tịch UBND xã'], 'host');
    b.attendee('Đỗ Thị Năm', ['cán bộ'], 'delegate');
    expect(body(b)).toEqual([
      'Dự hội nghị có các đồng chí Phạm Thị Hoa – Bí thư Đảng ủy; Trần Văn Nam – Trưởng phòng Tư pháp; Ngô Văn Tư – Phó Chủ tịch UBND xã./.',
    ]);
  });

  it('the hall: the participant groups and the attendance, each said once', () => {
    const b = build({ attendance: { text: ' gần 150 đại biểu. ', count: 150 } });
    b.group('Đoàn viên thanh niên các thôn.', 'participant');
    expect(body(b)).toEqual(['Hội nghị có sự tham dự của đoàn viên thanh niên các thôn và gần 150 đại biểu./.']);
    const c = build({ attendance: { text: '150 đại biểu', count: 150 } });
    c.group('hơn 150 đại biểu các thôn', 'participant');
    expect(body(c)).toEqual(['Hội nghị có sự tham dự của hơn 150 đại biểu các thôn./.']);
    // Said already in the lead (the organiser's own words): not again.
    const d = build({ attendance: { text: 'UBND xã', count: null } });
    d.group('UBND xã', 'participant');
    expect(body(d)).toEqual([]);
    const e = build({ attendance: { text: '   ', count: null } });
    expect(body(e)).toEqual([]);
  });
});

describe('speeches', () => {
  it('an opening speech with a verb follows the name; one with its own subject stands alone', () => {
    const b = build();
    const chair = b.attendee('Lê Văn Bình', ['Chủ tịch UBND xã'], 'chair');
    b.speech('opening', chair, ' Nhấn mạnh ý nghĩa của hội nghị. ');
    b.speech('direction', chair, 'Về việc làm, xã sẽ hỗ trợ');
    expect(body(b)).toEqual([
      'Đồng chí Lê Văn Bình – Chủ tịch UBND xã chủ trì hội nghị.',
      'Phát biểu khai mạc hội nghị, đồng chí Lê Văn Bình – Chủ tịch UBND xã nhấn mạnh ý nghĩa của hội nghị.',
      'Về việc làm, xã sẽ hỗ trợ./.',
    ]);
  });

  it('a summary that names its speaker in its first 80 characters stands alone', () => {
    const b = build();
    const chair = b.attendee('Lê Văn Bình', ['Chủ tịch UBND xã'], 'chair');
    b.speech('remarks', chair, 'Chủ tịch UBND xã nêu rõ xã sẽ hỗ trợ');
    b.speech('remarks', chair, 'Thanh niên trong xã đã có nhiều đóng góp cho phong trào chung của địa phương, trong đó đồng chí Lê Văn Bình ghi nhận');
    b.speech('remarks', chair, 'Năm nay đồng chí lê văn bình về thăm');
    expect(body(b).slice(1)).toEqual([
      'Chủ tịch UBND xã nêu rõ xã sẽ hỗ trợ.',
      'Phát biểu tại hội nghị, đồng chí Lê Văn Bình – Chủ tịch UBND xã cho biết thanh niên trong xã đã có nhiều đóng góp cho phong trào chung của địa phương, trong đó đồng chí Lê Văn Bình ghi nhận.',
      'Năm nay đồng chí lê văn bình về thăm./.',
    ]);
  });

  it('a speaker typed as text: a name of three letters or fewer does not make the summary stand alone', () => {
    const b = build();
    b.speech('remarks', 'Tâm', 'Tâm sự với thanh niên về khởi nghiệp');
    b.speech('remarks', 'Hùng', 'Hùng hồn kể về khởi nghiệp');
    expect(body(b)).toEqual(['Phát biểu tại hội nghị, Tâm cho biết tâm sự với thanh niên về khởi nghiệp.', 'Hùng hồn kể về khởi nghiệp./.']);
  });

  it('a speech with no speaker: the intro and the summary; a report with no speaker "Hội nghị đã nghe …"', () => {
    const b = build();
    b.speech('opening', null, 'Nêu ý nghĩa của hội nghị');
    b.speech('report', null, 'Báo cáo kết quả thực hiện các kiến nghị năm 2024');
    b.speech('report', '  ', 'báo cáo tình hình thanh niên');
    b.speech('opening', null, 'UBND xã sẽ hỗ trợ');
    expect(body(b)).toEqual([
      'Phát biểu khai mạc hội nghị, nêu ý nghĩa của hội nghị.',
      'Phát biểu khai mạc hội nghị, UBND xã sẽ hỗ trợ.',
      'Hội nghị đã nghe báo cáo kết quả thực hiện các kiến nghị năm 2024.',
      'Hội nghị đã nghe báo cáo tình hình thanh niên./.',
    ]);
  });

  it('a report by its speaker has no intro', () => {
    const b = build();
    const r = b.attendee('Trần Văn Nam', ['Phó Chủ tịch UBND xã'], 'host');
    b.speech('report', r, 'Trình bày báo cáo kết quả năm 2024');
    b.speech('report', 'Trưởng Công an xã', 'Thông tin tình hình an ninh');
    expect(body(b).slice(1)).toEqual([
      'Đồng chí Trần Văn Nam – Phó Chủ tịch UBND xã trình bày báo cáo kết quả năm 2024.',
      'Trưởng Công an xã thông tin tình hình an ninh./.',
    ]);
  });

  it('directions: after the summary, with the speaker’s title, skipping the empty and those said already', () => {
    const b = build();
    const chair = b.attendee('Lê Văn Bình', ['Chủ tịch UBND xã'], 'chair');
    b.speech('conclusion', chair, 'Ghi nhận các ý kiến; giao Công an xã xử lý', ['  ', 'Giao Công an xã xử lý.', 'Đoàn thanh niên phát huy vai trò. ', 'Các thôn rà soát hộ nghèo']);
    expect(body(b).slice(1)).toEqual([
      'Phát biểu kết luận hội nghị, đồng chí Lê Văn Bình – Chủ tịch UBND xã ghi nhận các ý kiến; giao Công an xã xử lý. Đồng chí Chủ tịch UBND xã đề nghị: Đoàn thanh niên phát huy vai trò; các thôn rà soát hộ nghèo./.',
    ]);
  });

  it('directions with no summary: the intro and the speaker, or the speaker alone, or "hội nghị"', () => {
    const b = build();
    const chair = b.attendee('Lê Văn Bình', ['Chủ tịch UBND xã'], 'chair');
    b.speech('conclusion', chair, '', ['các thôn rà soát hộ nghèo']);
    b.speech('conclusion', null, ' ', ['các thôn rà soát hộ nghèo']);
    b.speech('report', 'Trưởng Công an xã', '', ['các thôn giữ an ninh']);
    b.speech('report', null, '', ['các thôn giữ an ninh']);
    b.speech('remarks', null, 'Các thôn thi đua', ['các thôn giữ vệ sinh']);
    b.speech('remarks', 'Bí thư Đoàn', 'Các thôn thi đua', ['các thôn giữ vệ sinh']);
    expect(body(b).slice(1)).toEqual([
      'Trưởng Công an xã đề nghị: các thôn giữ an ninh.',
      'Hội nghị đã nghe đồng chí đề nghị: các thôn giữ an ninh.',
      'Phát biểu tại hội nghị, các thôn thi đua. Đồng chí đề nghị: các thôn giữ vệ sinh.',
      'Phát biểu tại hội nghị, Bí thư Đoàn cho biết các thôn thi đua. Đồng chí đề nghị: các thôn giữ vệ sinh.',
      'Phát biểu kết luận hội nghị, đồng chí Lê Văn Bình – Chủ tịch UBND xã đề nghị: các thôn rà soát hộ nghèo.',
      'Phát biểu kết luận hội nghị, đồng chí đề nghị: các thôn rà soát hộ nghèo./.',
    ]);
  });

  it('a direction the summary begins continues the summary, and only that one', () => {
    const b = build();
    const chair = b.attendee('Lê Văn Bình', ['Chủ tịch UBND xã'], 'chair');
    b.speech('conclusion', chair, 'Đề nghị thanh niên tiếp tục phát huy tinh thần xung kích', [
      'Các thôn rà soát hộ nghèo',
      'Thanh niên tiếp tục phát huy tinh thần xung kích, sáng tạo',
    ]);
    expect(body(b).slice(1)).toEqual([
      'Phát biểu kết luận hội nghị, đồng chí Lê Văn Bình – Chủ tịch UBND xã đề nghị thanh niên tiếp tục phát huy tinh thần xung kích, sáng tạo. Đồng chí Chủ tịch UBND xã đề nghị: Các thôn rà soát hộ nghèo./.',
    ]);
  });
});

describe('recommendations before the meeting', () => {
  it('the compiler received opinions and compiled them, with the raiser, in the fields', () => {
    const b = build({ compiledBy: 'Các đoàn thể xã', counts: { before: 3, received: 12, fields: 4, during: null, speakers: null, selected: null, contents: null } });
    b.rec('before', { raisedByText: 'cử tri thôn 2', shortPhrase: 'đèn đường' });
    expect(body(b)).toEqual(['Trước hội nghị, các đoàn thể xã đã nhận được 12 ý kiến, kiến nghị của cử tri thôn 2, tổng hợp thành 03 kiến nghị thuộc 04 lĩnh vực. Các kiến nghị tập trung vào các nội dung: đèn đường…']);
  });

  it('received with no compiler and no compiled count', () => {
    const b = build({ counts: { before: 0, received: 5, fields: null, during: null, speakers: null, selected: null, contents: null } });
    expect(body(b)).toEqual(['Trước hội nghị, đã có 05 ý kiến, kiến nghị./.']);
  });

  it('the compiler compiled, and answered when a written reply is its own', () => {
    const b = build({ compiledBy: 'UBMTTQ xã' });
    b.rec('before', { shortPhrase: 'đèn đường' });
    b.rec('before', { shortPhrase: 'nước sạch' });
    b.reply('written_before', 'UBMTTQ xã', '');
    b.reply('written_before', 'Phòng Kinh tế', 'Đã trả lời');
    b.reply('written_before', '  ', '  ');
    expect(body(b)).toEqual([
      'Trước hội nghị, UBMTTQ xã đã tổng hợp và có báo cáo trả lời 02 kiến nghị. Phòng Kinh tế đã có văn bản trả lời các kiến nghị này. Các kiến nghị tập trung vào các nội dung: đèn đường, nước sạch./.',
    ]);
    const c = build({ compiledBy: 'UBMTTQ xã' });
    c.rec('before', { shortPhrase: 'đèn đường' });
    c.reply('written_before', 'Phòng Kinh tế', 'Đã trả lời');
    expect(body(c)).toEqual(['Trước hội nghị, UBMTTQ xã đã tổng hợp 01 kiến nghị. Phòng Kinh tế đã có văn bản trả lời các kiến nghị này. Các kiến nghị tập trung vào các nội dung: đèn đường./.']);
  });

  it('a written answer by a person on the roster names the person', () => {
    const b = build();
    const a = b.attendee('Trần Văn Nam', ['Trưởng phòng Kinh tế'], 'host');
    b.rec('before', { shortPhrase: 'đèn đường', inArticle: false });
    b.reply('written_before', a, '');
    expect(body(b)).toEqual([
      'Dự hội nghị có đồng chí Trần Văn Nam – Trưởng phòng Kinh tế.',
      'Trước hội nghị, có 01 kiến nghị được gửi đến hội nghị. Đồng chí Trần Văn Nam – Trưởng phòng Kinh tế đã có văn bản trả lời các kiến nghị này./.',
    ]);
  });

  it('the raisers: all named, or the audience when some are not, or nobody', () => {
    const b = build({ audience: 'thanh niên' });
    b.rec('before', { raisedByText: 'Chi đoàn thôn 1', shortPhrase: 'sân bóng' });
    b.rec('before', { raisedByText: 'Chi đoàn thôn 2', shortPhrase: 'việc làm' });
    expect(body(b)).toEqual(['Trước hội nghị, Chi đoàn thôn 1 và Chi đoàn thôn 2 đã gửi 02 kiến nghị. Các kiến nghị tập trung vào các nội dung: sân bóng, việc làm./.']);
    b.rec('before', { shortPhrase: 'điện' });
    expect(body(b)).toEqual(['Trước hội nghị, thanh niên đã gửi 03 kiến nghị. Các kiến nghị tập trung vào các nội dung: sân bóng, việc làm, điện./.']);
    // No audience: the named ones, though not all are named.
    const c = build();
    c.rec('before', { raisedByText: 'Chi đoàn thôn 1', shortPhrase: 'sân bóng' });
    c.rec('before', { shortPhrase: 'điện' });
    c.rec('before', { raisedByText: 'Chi đoàn thôn 2', shortPhrase: 'việc làm' });
    expect(body(c)).toEqual(['Trước hội nghị, Chi đoàn thôn 1 và Chi đoàn thôn 2 đã gửi 03 kiến nghị. Các kiến nghị tập trung vào các nội dung: sân bóng, điện, việc làm./.']);
    // Nobody named, no audience; and a count with no recommendation listed.
    const d = build({ counts: { before: 4, received: null, fields: null, during: null, speakers: null, selected: null, contents: null } });
    expect(body(d)).toEqual(['Trước hội nghị, có 04 kiến nghị được gửi đến hội nghị./.']);
    const e = build({ audience: 'thanh niên', counts: { before: 4, received: null, fields: null, during: null, speakers: null, selected: null, contents: null } });
    expect(body(e)).toEqual(['Trước hội nghị, có 04 kiến nghị được gửi đến hội nghị./.']);
  });

  it('a compiler who is not among the writers; the list cut short with "…" when not all are listed', () => {
    const b = build({ compiledBy: 'UBMTTQ xã', audience: 'cử tri' });
    b.rec('before', { shortPhrase: 'đèn đường' });
    b.rec('before', { shortPhrase: 'nước sạch', inArticle: false });
    expect(body(b)).toEqual(['Trước hội nghị, UBMTTQ xã đã tổng hợp 02 kiến nghị của cử tri. Các kiến nghị tập trung vào các nội dung: đèn đường…']);
  });

  it('six or more listed recommendations sharing fields are told by field first', () => {
    const b = build();
    const topics = ['Giao thông', 'Giao thông', 'Đất đai', 'Đất đai', 'Môi trường.', 'Môi trường'];
    topics.forEach((topic, i) => b.rec('before', { topic, shortPhrase: `việc ${i + 1}` }));
    expect(body(b)).toEqual([
      'Trước hội nghị, có 06 kiến nghị được gửi đến hội nghị. Các kiến nghị thuộc các lĩnh vực: Giao thông, Đất đai, Môi trường, với những nội dung cụ thể như: việc 1, việc 2, việc 3, việc 4, việc 5, việc 6./.',
    ]);
  });

  it('not by field: five listed, one without a field, every field different, or one field only', () => {
    const plain = (topics: string[]) => {
      const b = build();
      topics.forEach((topic, i) => b.rec('before', { topic, shortPhrase: `việc ${i + 1}` }));
      return body(b)[0]!.split('. ')[1];
    };
    const list = (n: number) => `Các kiến nghị tập trung vào các nội dung: ${Array.from({ length: n }, (_, i) => `việc ${i + 1}`).join(', ')}./.`;
    expect(plain(['A', 'A', 'B', 'B', 'B'])).toBe(list(5));
    expect(plain(['A', 'A', 'B', 'B', 'B', ' '])).toBe(list(6));
    expect(plain(['A', 'B', 'C', 'D', 'E', 'F'])).toBe(list(6));
    expect(plain(['A', 'A', 'A', 'A', 'A', 'A'])).toBe(list(6));
    // Not listed in the article: not counted.
    const b = build();
    ['A', 'A', 'B', 'B', 'C', 'C'].forEach((topic, i) => b.rec('before', { topic, shortPhrase: `việc ${i + 1}`, inArticle: i > 0 }));
    expect(body(b)[0]).toBe('Trước hội nghị, có 06 kiến nghị được gửi đến hội nghị. Các kiến nghị tập trung vào các nội dung: việc 2, việc 3, việc 4, việc 5, việc 6…');
  });

  it('counts follow the profile: unpadded when asked', () => {
    const b = build({ counts: { before: 3, received: null, fields: 2, during: null, speakers: null, selected: null, contents: null } });
    expect(body(b, {}, profile({ style: { padCounts: false } }))).toEqual(['Trước hội nghị, có 3 kiến nghị được gửi đến hội nghị thuộc 2 lĩnh vực./.']);
  });
});

describe('recommendations in the hall', () => {
  const counts = (f: Partial<Meeting['counts']>): Meeting['counts'] => ({ before: null, received: null, fields: null, during: null, speakers: null, selected: null, contents: null, ...f });

  it('the raisers and how many, with the list', () => {
    const b = build();
    b.rec('during', { raisedByText: 'Chi đoàn thôn 1', shortPhrase: 'sân bóng' });
    b.rec('during', { raisedByText: 'Chi đoàn thôn 1', shortPhrase: 'việc làm' });
    expect(body(b)).toEqual(['Tại hội nghị, Chi đoàn thôn 1 đã nêu 02 ý kiến, kiến nghị, tập trung vào các nội dung: sân bóng, việc làm./.']);
  });

  it('nobody named: "đại biểu"; nothing listed: a sentence of its own', () => {
    const b = build({ counts: counts({ during: 7 }) });
    b.rec('during', { shortPhrase: 'sân bóng', inArticle: false });
    expect(body(b)).toEqual(['Tại hội nghị, đại biểu đã nêu 07 ý kiến, kiến nghị./.']);
    const c = build({ counts: counts({ during: 0 }) });
    expect(body(c)).toEqual(['Tại hội nghị, đại biểu đã nêu nhiều ý kiến, kiến nghị./.']);
  });

  it('the chosen questions and the speakers say how many; the contents with the speakers', () => {
    const b = build({ counts: counts({ selected: 5, speakers: 12, contents: 20 }) });
    b.rec('during', { shortPhrase: 'sân bóng' });
    expect(body(b)).toEqual([
      'Tại hội nghị đã lựa chọn 05 ý kiến, kiến nghị để trao đổi, đối thoại, có 12 lượt ý kiến phát biểu với 20 nội dung, tập trung vào các nội dung: sân bóng./.',
    ]);
    const c = build({ audience: 'thanh niên', counts: counts({ speakers: 12 }) });
    c.rec('during', { shortPhrase: 'sân bóng' });
    expect(body(c)).toEqual(['Tại hội nghị, thanh niên có 12 lượt ý kiến phát biểu, tập trung vào các nội dung: sân bóng./.']);
    const d = build({ counts: counts({ speakers: 12, during: 15 }) });
    expect(body(d)).toEqual(['Tại hội nghị, đại biểu có 12 lượt ý kiến phát biểu, nêu 15 ý kiến, kiến nghị./.']);
    const e = build({ counts: counts({ selected: 5, during: 5 }) });
    expect(body(e)).toEqual(['Tại hội nghị đã lựa chọn 05 ý kiến, kiến nghị để trao đổi, đối thoại./.']);
    const f = build({ counts: counts({ selected: 5, during: 6 }) });
    expect(body(f)).toEqual(['Tại hội nghị đã lựa chọn 05 ý kiến, kiến nghị để trao đổi, đối thoại, nêu 06 ý kiến, kiến nghị./.']);
  });

  it('six or more sharing fields: by field first', () => {
    const b = build();
    ['Giao thông', 'Giao thông', 'Đất đai', 'Đất đai', 'Đất đai', 'Đất đai'].forEach((topic, i) => b.rec('during', { topic, shortPhrase: `việc ${i + 1}` }));
    expect(body(b)).toEqual([
      'Tại hội nghị, đại biểu đã nêu 06 ý kiến, kiến nghị, tập trung vào các lĩnh vực: Giao thông, Đất đai, với những nội dung cụ thể như: việc 1, việc 2, việc 3, việc 4, việc 5, việc 6./.',
    ]);
  });

  it('speaker by speaker when asked: who, from where, what, and who answered on the spot', () => {
    const b = build({ counts: counts({ speakers: 3 }) });
    const chair = b.attendee('Lê Văn Bình', ['Chủ tịch UBND xã'], 'chair');
    const before = b.rec('before', { shortPhrase: 'đèn đường', inArticle: false });
    const r1 = b.rec('during', { raisedByText: 'Nguyễn Văn An', unit: ' Chi đoàn thôn 3. ', shortPhrase: 'Đề nghị sửa sân bóng' });
    const r2 = b.rec('during', { raisedByText: 'Chi đoàn thôn 4', unit: 'thôn 4', shortPhrase: 'việc làm' });
    const r3 = b.rec('during', { shortPhrase: 'điện' });
    b.rec('during', { shortPhrase: '  ' });
    b.reply('on_spot', chair, 'Sẽ sửa sân bóng', [r1, before]);
    b.reply('on_spot', 'Phòng Kinh tế', 'Xã có quỹ việc làm', [r1, before]);
    b.reply('written_later', 'Phòng Lao động', 'Sẽ trả lời sau', [r2, before]);
    b.reply('on_spot', 'Phòng Nội vụ', '  ', [r2, before]);
    b.reply('on_spot', 'Phòng Tư pháp', 'Đã rõ', [r3]);
    const ps = body(b, { listSpeakers: true });
    expect(ps.slice(1, 6)).toEqual([
      'Trước hội nghị, có 01 kiến nghị được gửi đến hội nghị.',
      'Tại hội nghị, Nguyễn Văn An và Chi đoàn thôn 4 có 03 lượt ý kiến phát biểu.',
      'Đại biểu Nguyễn Văn An (Chi đoàn thôn 3) kiến nghị sửa sân bóng. Đồng chí Lê Văn Bình – Chủ tịch UBND xã và Phòng Kinh tế đã trả lời, làm rõ nội dung này.',
      'Chi đoàn thôn 4 kiến nghị việc làm.',
      'Có ý kiến kiến nghị điện.',
    ]);
  });

  it('speaker by speaker: a name of two to five capitalised words is a delegate', () => {
    const b = build({ counts: counts({ speakers: 1 }) });
    for (const who of ['An', 'Nguyễn Văn An', 'Tôn Nữ Thị Ngọc Anh', 'Công Tằng Tôn Nữ Thị Ngọc', 'Nguyễn văn An', 'chi đoàn Thôn']) b.rec('during', { raisedByText: who, shortPhrase: 'điện' });
    expect(body(b, { listSpeakers: true }).slice(1)).toEqual([
      'An kiến nghị điện.',
      'Đại biểu Nguyễn Văn An kiến nghị điện.',
      'Đại biểu Tôn Nữ Thị Ngọc Anh kiến nghị điện.',
      'Công Tằng Tôn Nữ Thị Ngọc kiến nghị điện.',
      'Nguyễn văn An kiến nghị điện.',
      'Chi đoàn Thôn kiến nghị điện./.',
    ]);
  });

  it('listing speakers with nobody in the list keeps the summary sentence', () => {
    const b = build({ counts: counts({ speakers: 3 }) });
    expect(body(b, { listSpeakers: true })).toEqual(['Tại hội nghị, đại biểu có 03 lượt ý kiến phát biểu./.']);
    const c = build();
    c.rec('during', { raisedByText: 'Chi đoàn thôn 1', shortPhrase: 'sân bóng' });
    expect(body(c, { listSpeakers: true })).toEqual(['Tại hội nghị, Chi đoàn thôn 1 đã nêu 01 ý kiến, kiến nghị.', 'Chi đoàn thôn 1 kiến nghị sân bóng./.']);
    const d = build({ counts: counts({ selected: 2 }) });
    d.rec('during', { shortPhrase: 'sân bóng' });
    expect(body(d, { listSpeakers: true })).toEqual(['Tại hội nghị đã lựa chọn 02 ý kiến, kiến nghị để trao đổi, đối thoại.', 'Có ý kiến kiến nghị sân bóng./.']);
    const e = build({ counts: counts({ during: 0 }) });
    e.rec('during', { shortPhrase: 'sân bóng' });
    expect(body(e, { listSpeakers: true })).toEqual(['Tại hội nghị, đại biểu đã nêu ý kiến, kiến nghị.', 'Có ý kiến kiến nghị sân bóng./.']);
  });
});
