// The article's answers, photos, dateline and byline, rule by rule: what each leader answered, in
// order, grouped by responder; the promised written answers and forwarded ones; where each photo
// goes and its caption. Whole paragraphs are compared. Written for the mutants of article.ts (issue 13).
import { describe, expect, it } from 'vitest';
import { generateArticle } from '../../../electron/core/documents/article';
import type { ArticleOptions, DocBlock } from '../../../electron/shared/documents';
import type { Meeting, OrgProfile } from '../../../electron/shared/domain';
import { meeting, profile, RecordBuilder } from '../../fixtures/documents/build';

const build = (f: Partial<Meeting> = {}) => new RecordBuilder(meeting(1, { title: 'Hội nghị đối thoại', organizer: 'UBND xã', ...f }));
const paragraphs = (b: RecordBuilder, o: Partial<ArticleOptions> = {}, p: OrgProfile | null = null) =>
  generateArticle(b.record, p, o).flatMap((x) => (x.type === 'paragraph' ? [x.text] : []));
/** The paragraphs after the lead and the recommendations in the hall (one each). */
const answers = (b: RecordBuilder) => paragraphs(b).slice(2);
const WHO = 'đồng chí Lê Văn Bình – Chủ tịch UBND xã';

/** A meeting with one chair and two recommendations in the hall (the chair is named in the lead). */
function hall(f: Partial<Meeting> = {}) {
  const b = build({ organizer: '', ...f });
  const chair = b.attendee('Lê Văn Bình', ['Chủ tịch UBND xã'], 'chair');
  const r1 = b.rec('during', { shortPhrase: 'Sân bóng thôn 3' });
  const r2 = b.rec('during', { shortPhrase: 'việc làm' });
  const r3 = b.rec('during', { shortPhrase: 'điện' });
  return { b, chair, r1, r2, r3 };
}
const HALL_LEAD = 'Đồng chí Lê Văn Bình – Chủ tịch UBND xã chủ trì Hội nghị đối thoại.';

describe('answers in the hall', () => {
  it('the first answer opens "Sau khi nghe …"; the next by another responder does not; one responder’s run is one sentence', () => {
    const { b, chair } = hall();
    b.reply('on_spot', chair, 'Ghi nhận các ý kiến');
    b.reply('on_spot', chair, 'Giao Công an xã xử lý');
    b.reply('on_spot', 'Trưởng Công an xã', 'Cho biết sẽ xử lý ngay');
    b.reply('on_spot', 'trưởng công an xã ', 'Đã lập tổ công tác');
    b.reply('on_spot', chair, 'Cảm ơn thanh niên');
    expect(paragraphs(b)).toEqual([
      HALL_LEAD,
      'Tại hội nghị, đại biểu đã nêu 03 ý kiến, kiến nghị, tập trung vào các nội dung: Sân bóng thôn 3, việc làm, điện.',
      `Sau khi nghe các ý kiến, kiến nghị, ${WHO} ghi nhận các ý kiến; đồng thời giao Công an xã xử lý.`,
      'Trưởng Công an xã cho biết sẽ xử lý ngay; đồng thời đã lập tổ công tác.',
      `${WHO[0]!.toUpperCase()}${WHO.slice(1)} cảm ơn thanh niên./.`,
    ]);
  });

  it('an answer that is about listening, or a later speech that opens "Sau khi", changes the opening', () => {
    const { b, chair } = hall();
    b.reply('on_spot', chair, 'Lắng nghe các ý kiến');
    expect(answers(b)).toEqual([`Đồng chí Lê Văn Bình – Chủ tịch UBND xã lắng nghe các ý kiến./.`]);
    const c = hall();
    c.b.reply('on_spot', c.chair, 'Ghi nhận các ý kiến');
    c.b.speech('conclusion', c.chair, '  sau khi nghe, đồng chí Chủ tịch kết luận');
    expect(answers(c.b)[0]).toBe(`Trao đổi tại hội nghị, ${WHO} ghi nhận các ý kiến.`);
    // "Sau khi" in the middle of a later speech, or in an opening speech: the usual opening.
    const d = hall();
    d.b.reply('on_spot', d.chair, 'Ghi nhận các ý kiến');
    d.b.speech('remarks', d.chair, 'Đánh giá cao, sau khi nghe các ý kiến');
    d.b.speech('opening', d.chair, 'Sau khi chào mừng, nêu mục đích');
    expect(paragraphs(d.b)[3]).toBe(`Sau khi nghe các ý kiến, kiến nghị, ${WHO} ghi nhận các ý kiến.`);
    const e = hall();
    e.b.reply('on_spot', e.chair, 'Ghi nhận các ý kiến');
    e.b.speech('remarks', e.chair, 'Sau khi nghe, xin cảm ơn');
    expect(answers(e.b)[0]).toBe(`Trao đổi tại hội nghị, ${WHO} ghi nhận các ý kiến.`);
  });

  it('an answer about some of the recommendations names them; about all of them, or none, it does not', () => {
    const { b, chair, r1, r2, r3 } = hall();
    b.reply('on_spot', chair, 'Sẽ sửa sân bóng', [r1]);
    b.reply('on_spot', chair, 'Sẽ giới thiệu việc làm', [r2, r3]);
    b.reply('on_spot', 'Phòng Kinh tế', 'Đã có kế hoạch', [r1, r2, r3]);
    b.reply('on_spot', 'Phòng Tư pháp', 'Đã rõ', [r1, r2, r3, r3]);
    expect(answers(b)).toEqual([
      `Trả lời kiến nghị về sân bóng thôn 3, ${WHO} sẽ sửa sân bóng; đồng thời về việc làm và điện, sẽ giới thiệu việc làm.`,
      'Phòng Kinh tế đã có kế hoạch.',
      'Phòng Tư pháp đã rõ./.',
    ]);
  });

  it('with two recommendations in the phase, an answer to both names neither; to one names it', () => {
    const b = build({ organizer: '' });
    const r1 = b.rec('during', { shortPhrase: 'sân bóng' });
    const r2 = b.rec('during', { shortPhrase: 'việc làm' });
    const b4 = b.rec('before', { shortPhrase: 'đèn đường', inArticle: false });
    b.reply('on_spot', 'Phòng Kinh tế', 'Đã có kế hoạch', [r1, r2]);
    b.reply('on_spot', 'Phòng Tư pháp', 'Đã rõ', [b4]);
    b.reply('on_spot', 'Phòng Nội vụ', 'Sẽ xem xét', [r2, { ...r2, id: 999 }]);
    expect(paragraphs(b).slice(3)).toEqual([
      'Sau khi nghe các ý kiến, kiến nghị, Phòng Kinh tế đã có kế hoạch.',
      'Trả lời kiến nghị về đèn đường, Phòng Tư pháp đã rõ.',
      'Trả lời kiến nghị về việc làm, Phòng Nội vụ sẽ xem xét./.',
    ]);
    // The only recommendation of its phase: named.
    const c = build({ organizer: '' });
    const only = c.rec('during', { shortPhrase: 'sân bóng' });
    c.reply('on_spot', 'Phòng Kinh tế', 'Đã có kế hoạch', [only]);
    expect(paragraphs(c).at(-1)).toBe('Trả lời kiến nghị về sân bóng, Phòng Kinh tế đã có kế hoạch./.');
  });

  it('an answer that stands alone, or has no responder, is its own sentence; a passive one names the agent', () => {
    const { b, chair } = hall();
    b.reply('on_spot', chair, 'Về sân bóng, xã sẽ sửa trong quý I.');
    b.reply('on_spot', '   ', 'xã sẽ sửa sân bóng');
    b.reply('on_spot', chair, 'Các kiến nghị đã được giải trình cụ thể');
    b.reply('on_spot', chair, 'Các kiến nghị sẽ được giải quyết');
    b.reply('on_spot', chair, 'Các kiến nghị được ghi nhận');
    b.reply('on_spot', chair, 'Các kiến nghị được UBND xã ghi nhận');
    b.reply('on_spot', chair, 'Các kiến nghị; được ghi nhận');
    b.reply('on_spot', chair, 'Thanh niên được hỗ trợ vay vốn');
    expect(answers(b)).toEqual([
      'Về sân bóng, xã sẽ sửa trong quý I.',
      'Xã sẽ sửa sân bóng.',
      `${WHO[0]!.toUpperCase()}${WHO.slice(1)} cho biết các kiến nghị được UBND xã ghi nhận; đồng thời cho biết các kiến nghị; được ghi nhận; đồng thời cho biết thanh niên được hỗ trợ vay vốn. Các kiến nghị đã được ${WHO} giải trình cụ thể. Các kiến nghị sẽ được ${WHO} giải quyết. Các kiến nghị được ${WHO} ghi nhận./.`,
    ]);
  });

  it('an answer the article or a speech already said is not said again', () => {
    const { b, chair } = hall();
    b.reply('on_spot', chair, 'Sân bóng thôn 3');
    b.reply('on_spot', chair, 'Thanh niên tiếp tục phát huy');
    b.speech('conclusion', chair, 'Ghi nhận', ['Thanh niên tiếp tục phát huy vai trò']);
    expect(answers(b)).toEqual([`Phát biểu kết luận hội nghị, ${WHO} ghi nhận. Đồng chí Chủ tịch UBND xã đề nghị: Thanh niên tiếp tục phát huy vai trò./.`]);
  });

  it('a promised written answer: the agency, else the responder, else "cơ quan chức năng"; with its deadline', () => {
    const { b, chair, r1 } = hall();
    b.reply('written_later', chair, '', [r1], { agency: ' Phòng Kinh tế. ', deadline: '2025-12-15' });
    b.reply('written_later', 'trưởng thôn', '  ', [], {});
    b.reply('written_later', '', '', []);
    expect(answers(b)).toEqual([
      'Phòng Kinh tế sẽ trả lời bằng văn bản kiến nghị về sân bóng thôn 3 trước ngày 15/12/2025.',
      'Trưởng thôn sẽ trả lời bằng văn bản các kiến nghị chưa trả lời tại hội nghị.',
      'Cơ quan chức năng sẽ trả lời bằng văn bản các kiến nghị chưa trả lời tại hội nghị./.',
    ]);
  });

  it('a forwarded answer: to the agency, else "cơ quan có thẩm quyền"; the deadline in the house date style', () => {
    const { b, chair, r1 } = hall();
    b.reply('forwarded', chair, '', [r1], { agency: 'UBND huyện', deadline: '2025-12-15' });
    b.reply('forwarded', 'Phòng Kinh tế', '', []);
    b.reply('on_spot', 'Phòng Tư pháp', '', []);
    const ps = generateArticle(b.record, profile({ style: { dateStyle: 'dash', dateYear: false } }), {}).flatMap((x) => (x.type === 'paragraph' ? [x.text] : []));
    expect(ps.slice(2)).toEqual([
      'Kiến nghị về sân bóng thôn 3 được chuyển UBND huyện xem xét, giải quyết trước ngày 15-12-2025.',
      'Các kiến nghị chưa trả lời tại hội nghị được chuyển cơ quan có thẩm quyền xem xét, giải quyết./.',
    ]);
    const plain = generateArticle(b.record, profile({ style: { dateStyle: 'long' } }), {}).flatMap((x) => (x.type === 'paragraph' ? [x.text] : []));
    expect(plain[2]).toBe('Kiến nghị về sân bóng thôn 3 được chuyển UBND huyện xem xét, giải quyết trước ngày 15/12/2025.');
  });

  it('written answers before the meeting are not told among the answers in the hall', () => {
    const { b, chair } = hall();
    b.reply('written_before', chair, 'Đã trả lời bằng văn bản');
    expect(paragraphs(b)).toEqual([
      HALL_LEAD,
      'Tại hội nghị, đại biểu đã nêu 03 ý kiến, kiến nghị, tập trung vào các nội dung: Sân bóng thôn 3, việc làm, điện./.',
    ]);
  });
});

describe('the end of the article', () => {
  it('closes the last paragraph with "./." and only that one', () => {
    const { b, chair } = hall();
    b.speech('remarks', chair, 'Cảm ơn thanh niên');
    const ps = paragraphs(b);
    expect(ps.filter((p) => p.endsWith('./.'))).toEqual([`Phát biểu tại hội nghị, ${WHO} cảm ơn thanh niên./.`]);
  });

  it('the dateline and the byline: the meeting’s, else the profile’s, else the organiser', () => {
    const b = build({ publishedAt: '  Thứ Hai, 01/12/2025 ', byline: '  Minh Anh ' });
    const blocks = generateArticle(b.record, profile({ byline: 'Văn phòng' }));
    expect(blocks).toEqual([
      { type: 'heading', text: 'Hội nghị đối thoại' },
      { type: 'dateline', text: 'Thứ Hai, 01/12/2025' },
      { type: 'paragraph', text: 'UBND xã tổ chức Hội nghị đối thoại./.' },
      { type: 'byline', text: 'Minh Anh' },
    ]);
    b.record.meeting.byline = ' ';
    b.record.meeting.publishedAt = '  ';
    expect(generateArticle(b.record, profile({ byline: ' Văn phòng ' })).slice(1)).toEqual([
      { type: 'paragraph', text: 'UBND xã tổ chức Hội nghị đối thoại./.' },
      { type: 'byline', text: 'Văn phòng' },
    ]);
    expect(generateArticle(b.record, profile({ byline: '  ' })).at(-1)).toEqual({ type: 'byline', text: 'UBND xã' });
    expect(generateArticle(b.record, null).at(-1)).toEqual({ type: 'byline', text: 'UBND xã' });
    const none = new RecordBuilder(meeting(1, { title: 'Hội nghị đối thoại' }));
    expect(generateArticle(none.record, null).map((x) => x.type)).toEqual(['heading', 'paragraph']);
  });
});

describe('photos', () => {
  const kinds = (blocks: DocBlock[]) => blocks.map((x) => (x.type === 'photo' ? `photo ${x.photoId}: ${x.caption}` : x.type === 'paragraph' ? x.text.slice(0, 24) : x.type));

  it('each photo goes after its section, with a caption by event; one whose section is missing goes to the nearest earlier one', () => {
    const b = build();
    const chair = b.attendee('Lê Văn Bình', ['Chủ tịch UBND xã'], 'chair');
    const rep = b.attendee('Trần Văn Nam', ['Phó Chủ tịch UBND xã'], 'host');
    b.speech('opening', chair, 'Nêu mục đích');
    b.speech('report', rep, 'Trình bày báo cáo');
    const r = b.rec('during', { shortPhrase: 'sân bóng' });
    b.reply('on_spot', chair, 'Sẽ sửa sân bóng', [r]);
    b.speech('conclusion', chair, 'Ghi nhận');
    b.photo('conclusion');
    b.photo('opening');
    b.photo('report');
    b.photo('during');
    b.photo('replies');
    b.photo('other');
    b.photo('attendees', '  Toàn cảnh  hội nghị ');
    b.photo('before');
    b.photo('opening', 'x', { inArticle: false });
    expect(kinds(generateArticle(b.record, null))).toEqual([
      'heading',
      'UBND xã tổ chức Hội nghị',
      'Đồng chí Lê Văn Bình – C',
      'photo 13: Quang cảnh hội nghị',
      'photo 14: Toàn cảnh hội nghị',
      'Phát biểu khai mạc hội n',
      'photo 9: Đồng chí Lê Văn Bình – Chủ tịch UBND xã phát biểu khai mạc hội nghị',
      'Đồng chí Trần Văn Nam – ',
      'photo 10: Đồng chí Trần Văn Nam – Phó Chủ tịch UBND xã trình bày báo cáo tại hội nghị',
      'photo 15: Quang cảnh hội nghị',
      'Tại hội nghị, đại biểu đ',
      'photo 11: Đại biểu phát biểu ý kiến tại hội nghị',
      'Trả lời kiến nghị về sân',
      'photo 12: Lãnh đạo trả lời ý kiến, kiến nghị của đại biểu',
      'Phát biểu kết luận hội n',
      'photo 8: Đồng chí Lê Văn Bình – Chủ tịch UBND xã phát biểu kết luận hội nghị',
      'byline',
    ]);
  });

  it('a speech with no speaker on the roster gives the neutral caption; a missing section falls back to the lead', () => {
    const b = build();
    b.speech('opening', 'Bí thư Đoàn', 'Nêu mục đích');
    b.speech('report', null, 'Báo cáo kết quả');
    b.speech('conclusion', 'Chủ tịch xã', 'Ghi nhận');
    b.photo('opening');
    b.photo('report');
    b.photo('conclusion');
    b.photo('attendees');
    b.photo('replies');
    expect(kinds(generateArticle(b.record, null))).toEqual([
      'heading',
      'UBND xã tổ chức Hội nghị',
      'photo 7: Quang cảnh hội nghị',
      'Phát biểu khai mạc hội n',
      'photo 4: Quang cảnh hội nghị',
      'Hội nghị đã nghe báo cáo',
      'photo 5: Quang cảnh hội nghị',
      'photo 8: Lãnh đạo trả lời ý kiến, kiến nghị của đại biểu',
      'Phát biểu kết luận hội n',
      'photo 6: Quang cảnh hội nghị',
      'byline',
    ]);
  });

  it('photos chosen in the options, in the options’ order, even one not marked for the article; unknown ids are skipped', () => {
    const b = build();
    const p1 = b.photo('attendees', 'Ảnh một');
    const p2 = b.photo('attendees', 'Ảnh hai', { inArticle: false });
    b.photo('attendees', 'Ảnh ba');
    expect(kinds(generateArticle(b.record, null, { photoIds: [p2.id, 999, p1.id] }))).toEqual(['heading', 'UBND xã tổ chức Hội nghị', 'photo 2: Ảnh hai', 'photo 1: Ảnh một', 'byline']);
    expect(kinds(generateArticle(b.record, null))).toEqual(['heading', 'UBND xã tổ chức Hội nghị', 'photo 1: Ảnh một', 'photo 3: Ảnh ba', 'byline']);
  });
});
