// More of the article's rules, each at its edge: an empty part adds no paragraph, a count alone
// still opens its paragraph, nothing said is said again, a phrase too long to be a subject is not
// made passive. Whole paragraphs are compared. Written for the mutants of article.ts (issue 13).
import { describe, expect, it } from 'vitest';
import { generateArticle } from '../../../electron/core/documents/article';
import type { ArticleOptions } from '../../../electron/shared/documents';
import type { Meeting } from '../../../electron/shared/domain';
import { meeting, RecordBuilder } from '../../fixtures/documents/build';

const counts = (f: Partial<Meeting['counts']>): Meeting['counts'] => ({ before: null, received: null, fields: null, during: null, speakers: null, selected: null, contents: null, ...f });
const build = (f: Partial<Meeting> = {}) => new RecordBuilder(meeting(1, { title: 'Hội nghị đối thoại', organizer: 'UBND xã', ...f }));
const paragraphs = (b: RecordBuilder, o: Partial<ArticleOptions> = {}) => generateArticle(b.record, null, o).flatMap((x) => (x.type === 'paragraph' ? [x.text] : []));
const LEAD = 'UBND xã tổ chức Hội nghị đối thoại.';

describe('edges of the article’s rules', () => {
  it('a recommendation with no phrase adds no paragraph when speakers are listed', () => {
    const b = build();
    b.rec('during', { raisedByText: 'Tổ 3', shortPhrase: 'sân bóng' });
    b.rec('during', { raisedByText: 'Tổ 4', shortPhrase: '  ', content: '' });
    b.rec('during', { raisedByText: 'Tổ 5', shortPhrase: 'điện' });
    expect(paragraphs(b, { listSpeakers: true })).toEqual([
      LEAD,
      'Tại hội nghị, Tổ 3, Tổ 4 và Tổ 5 đã nêu 03 ý kiến, kiến nghị.',
      // "Tổ 3" is not a person's name (a number is not a capital letter): no "Đại biểu".
      'Tổ 3 kiến nghị sân bóng.',
      'Tổ 5 kiến nghị điện./.',
    ]);
  });

  it('with no recommendation listed, the hall’s count names no raiser, not even the audience', () => {
    const b = build({ audience: 'thanh niên', counts: counts({ during: 7 }) });
    expect(paragraphs(b)).toEqual(['UBND xã tổ chức Hội nghị đối thoại với thanh niên.', 'Tại hội nghị, đại biểu đã nêu 07 ý kiến, kiến nghị./.']);
  });

  it('a count of chosen questions alone opens the hall’s paragraph', () => {
    const b = build({ counts: counts({ selected: 4 }) });
    expect(paragraphs(b)).toEqual([LEAD, 'Tại hội nghị đã lựa chọn 04 ý kiến, kiến nghị để trao đổi, đối thoại./.']);
  });

  it('answers that add nothing do not take the "Sau khi nghe" opening from the first real one', () => {
    const b = build();
    const r = b.rec('during', { shortPhrase: 'sân bóng' });
    b.reply('on_spot', 'Phòng A', '  ', [r]);
    b.reply('on_spot', 'Phòng B', 'sân bóng', [r]);
    b.reply('on_spot', 'Phòng D', 'Sẽ sửa');
    b.reply('on_spot', 'Phòng E', 'Sẽ làm');
    expect(paragraphs(b).slice(2)).toEqual(['Sau khi nghe các ý kiến, kiến nghị, Phòng D sẽ sửa.', 'Phòng E sẽ làm./.']);
  });

  it('an answer that opens with "Tiếp thu" is not opened with "Sau khi nghe"', () => {
    const b = build();
    b.rec('during', { shortPhrase: 'sân bóng' });
    b.reply('on_spot', 'Phòng C', 'Tiếp thu các ý kiến');
    b.reply('on_spot', 'Phòng D', 'Sẽ sửa');
    expect(paragraphs(b).slice(2)).toEqual(['Phòng C tiếp thu các ý kiến.', 'Phòng D sẽ sửa./.']);
  });

  it('a subject of more than 200 characters before "được" is not taken for a passive sentence', () => {
    const b = build();
    b.rec('during', { shortPhrase: 'sân bóng' });
    const long = `Các kiến nghị về ${'đường giao thông nông thôn, '.repeat(8)}đã được giải trình`;
    b.reply('on_spot', 'Phòng D', long);
    expect(paragraphs(b).at(-1)).toBe(`Sau khi nghe các ý kiến, kiến nghị, Phòng D cho biết ${long[0]!.toLowerCase()}${long.slice(1)}./.`);
    const c = build();
    c.rec('during', { shortPhrase: 'sân bóng' });
    const short = `Các kiến nghị về ${'đường giao thông nông thôn, '.repeat(6)}đã được giải trình`;
    c.reply('on_spot', 'Phòng D', short);
    expect(paragraphs(c).at(-1)).toBe(`${short.replace('đã được', 'đã được Phòng D')}./.`);
  });
});

describe('edges found by the sampled Stryker run', () => {
  const lead = (f: Partial<Meeting>, o: Partial<ArticleOptions> = {}) => paragraphs(build(f), o)[0];

  it('a title of spaces is no title: the headline is built', () => {
    const b = build({ title: '   ', audience: 'thanh niên' });
    expect(generateArticle(b.record, null)[0]).toEqual({ type: 'heading', text: 'UBND xã đối thoại với thanh niên' });
  });

  it('an opener or a purpose word inside the purpose does not count as its first word', () => {
    expect(lead({ purpose: 'triển khai phong trào Để thanh niên lập nghiệp' })).toBe('UBND xã tổ chức Hội nghị đối thoại nhằm triển khai phong trào Để thanh niên lập nghiệp./.');
    expect(lead({ purpose: 'lắng nghe để phát triển' })).toBe('UBND xã tổ chức Hội nghị đối thoại nhằm lắng nghe để phát triển./.');
  });

  it('voters named inside the audience: the deputies meet "cử tri với" that audience', () => {
    const b = new RecordBuilder(meeting(1, { kind: 'tiếp xúc cử tri', audience: 'Nhân dân và cử tri xã Lộc Quang' }));
    b.attendee('Nguyễn Thị Thuận', ['đại biểu HĐND tỉnh'], 'reporter');
    expect(paragraphs(b)[0]).toBe('Đồng chí Nguyễn Thị Thuận – đại biểu HĐND tỉnh tiếp xúc cử tri với Nhân dân và cử tri xã Lộc Quang./.');
  });

  it('a legal basis of spaces is none; one typed after spaces keeps its own opening word', () => {
    expect(lead({}, { legalBasis: '   ' })).toBe('UBND xã tổ chức Hội nghị đối thoại./.');
    expect(lead({}, { legalBasis: '  Theo Kế hoạch số 5' })).toBe('Theo Kế hoạch số 5, UBND xã tổ chức Hội nghị đối thoại./.');
    expect(lead({ legalBasis: ['   ', 'Căn cứ Kế hoạch số 5'] })).toBe('Căn cứ Kế hoạch số 5, UBND xã tổ chức Hội nghị đối thoại./.');
    expect(lead({ legalBasis: ['  Theo Kế hoạch số 5'] })).toBe('Theo Kế hoạch số 5, UBND xã tổ chức Hội nghị đối thoại./.');
  });

  it('a speaker typed as spaces is no speaker', () => {
    const b = build();
    b.speech('opening', '   ', 'Thanh niên là lực lượng xung kích');
    b.speech('report', '   ', 'Tình hình thanh niên ổn định');
    expect(paragraphs(b).slice(1)).toEqual(['Phát biểu khai mạc hội nghị, thanh niên là lực lượng xung kích.', 'Hội nghị đã nghe tình hình thanh niên ổn định./.']);
  });

  it('a recommendation with no phrase is not counted as listed: the list is cut with "…"', () => {
    const b = build();
    b.rec('during', { shortPhrase: 'sân bóng' });
    b.rec('during', { shortPhrase: '  ', content: '' });
    b.rec('during', { shortPhrase: 'điện' });
    expect(paragraphs(b)[1]).toBe('Tại hội nghị, đại biểu đã nêu 03 ý kiến, kiến nghị, tập trung vào các nội dung: sân bóng, điện…');
  });

  it('a count of received opinions alone opens the paragraph before the meeting; a compiler of spaces is none', () => {
    expect(paragraphs(build({ counts: counts({ received: 9 }) }))[1]).toBe('Trước hội nghị, đã có 09 ý kiến, kiến nghị./.');
    const b = build({ compiledBy: '   ' });
    b.rec('before', { shortPhrase: 'đèn đường' });
    expect(paragraphs(b)[1]).toBe('Trước hội nghị, có 01 kiến nghị được gửi đến hội nghị. Các kiến nghị tập trung vào các nội dung: đèn đường./.');
  });

  it('a responder typed with spaces is the same responder as without', () => {
    const b = build();
    b.rec('during', { shortPhrase: 'sân bóng' });
    b.reply('on_spot', 'Phòng Kinh tế  ', 'Sẽ sửa');
    b.reply('on_spot', 'phòng kinh tế', 'Sẽ làm');
    expect(paragraphs(b).slice(2)).toEqual(['Sau khi nghe các ý kiến, kiến nghị, Phòng Kinh tế sẽ sửa; đồng thời sẽ làm./.']);
  });

  it('an answer that a speech said across its parts, or across two speeches, is not said again', () => {
    const b = build();
    b.rec('during', { shortPhrase: 'sân bóng' });
    b.reply('on_spot', 'Phòng Kinh tế', 'thanh niên xã sẽ hỗ trợ vốn');
    b.reply('on_spot', 'Phòng Kinh tế', 'thanh niên khởi nghiệp được vay vốn');
    b.speech('conclusion', 'Chủ tịch xã', 'Đánh giá cao thanh niên', ['Xã sẽ hỗ trợ vốn']);
    b.speech('conclusion', 'Chủ tịch xã', 'Cảm ơn thanh niên');
    b.speech('conclusion', 'Chủ tịch xã', 'Khởi nghiệp được vay vốn');
    expect(paragraphs(b).slice(2)).toEqual([
      'Phát biểu kết luận hội nghị, Chủ tịch xã đánh giá cao thanh niên. Đồng chí đề nghị: Xã sẽ hỗ trợ vốn.',
      'Phát biểu kết luận hội nghị, Chủ tịch xã cảm ơn thanh niên.',
      'Phát biểu kết luận hội nghị, Chủ tịch xã cho biết khởi nghiệp được vay vốn./.',
    ]);
  });

  it('a passive answer after a semicolon is not rebuilt from the middle', () => {
    const b = build();
    b.rec('during', { shortPhrase: 'sân bóng' });
    b.reply('on_spot', 'Phòng Kinh tế', 'Các kiến nghị; việc làm được giải quyết');
    expect(paragraphs(b).at(-1)).toBe('Sau khi nghe các ý kiến, kiến nghị, Phòng Kinh tế cho biết các kiến nghị; việc làm được giải quyết./.');
  });

  it('a raiser of two capitalised words is a delegate', () => {
    const b = build();
    b.rec('during', { raisedByText: 'Văn An', shortPhrase: 'điện' });
    expect(paragraphs(b, { listSpeakers: true }).at(-1)).toBe('Đại biểu Văn An kiến nghị điện./.');
  });

  it('a photo caption of spaces gets the caption by event', () => {
    const b = build();
    b.photo('attendees', '   ');
    expect(generateArticle(b.record, null).find((x) => x.type === 'photo')).toEqual({ type: 'photo', photoId: 1, caption: 'Quang cảnh hội nghị' });
  });
});

describe('edges found by the second sampled run', () => {
  it('a headline of spaces is none; the voters’ place is found at the start of the audience only', () => {
    const b = build({ headline: '   ', audience: 'thanh niên' });
    expect(generateArticle(b.record, null)[0]).toEqual({ type: 'heading', text: 'UBND xã đối thoại với thanh niên' });
    const c = new RecordBuilder(meeting(1, { kind: 'tiếp xúc cử tri', organizer: 'Tổ đại biểu', audience: 'Nhân dân và cử tri xã An Phú' }));
    expect(generateArticle(c.record, null)[0]).toEqual({ type: 'heading', text: 'Tổ đại biểu tiếp xúc cử tri Nhân dân và cử tri xã An Phú' });
  });

  it('the headline’s deputy is the first reporter, not the first person with a title', () => {
    const b = new RecordBuilder(meeting(1, { kind: 'tiếp xúc cử tri', locality: 'xã An Phú' }));
    b.attendee('Lê Văn Bình', ['Chủ tịch UBND xã'], 'host');
    b.attendee('Nguyễn Thị Thuận', ['đại biểu HĐND tỉnh'], 'reporter');
    expect(generateArticle(b.record, null)[0]).toEqual({ type: 'heading', text: 'Đại biểu HĐND tỉnh tiếp xúc cử tri xã An Phú' });
  });

  it('a purpose typed after spaces keeps its opening word', () => {
    expect(paragraphs(build({ purpose: '  Nhằm lắng nghe', date: '2025-11-30' }))[0]).toBe('Nhằm lắng nghe, ngày 30/11/2025, UBND xã tổ chức Hội nghị đối thoại./.');
  });

  it('three host groups with no comma or semicolon are joined with commas', () => {
    const b = build();
    for (const g of ['lãnh đạo Đảng ủy', 'đại diện các đoàn thể', 'trưởng thôn']) b.group(g, 'host');
    expect(paragraphs(b)[1]).toBe('Dự hội nghị có lãnh đạo Đảng ủy, đại diện các đoàn thể và trưởng thôn./.');
  });

  it('an answer that names its responder stands alone', () => {
    const b = build();
    const chair = b.attendee('Lê Văn Bình', ['Chủ tịch UBND xã'], 'host');
    b.rec('during', { shortPhrase: 'sân bóng' });
    b.reply('on_spot', chair, 'Chủ tịch UBND xã khẳng định sẽ sửa sân bóng');
    b.reply('on_spot', 'Phòng Kinh tế', 'Phòng Kinh tế đã có kế hoạch');
    expect(paragraphs(b).slice(3)).toEqual(['Chủ tịch UBND xã khẳng định sẽ sửa sân bóng.', 'Phòng Kinh tế đã có kế hoạch./.']);
  });

  it('a raiser’s name typed with two spaces is still a name', () => {
    const b = build();
    b.rec('during', { raisedByText: 'Nguyễn  Văn An', shortPhrase: 'điện' });
    expect(paragraphs(b, { listSpeakers: true }).at(-1)).toBe('Đại biểu Nguyễn Văn An kiến nghị điện./.');
  });
});
