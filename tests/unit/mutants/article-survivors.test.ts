// The survivors of the full Stryker run of article.ts (28 November 2026, 145 survived): each test
// below is a meeting a secretary could type where one of them changed what a reader sees. Fields
// are typed with stray spaces, a short name, a title over two lines, a direction speech, two
// deputies, photos in the secretary's order. Whole paragraphs are compared. The review of every
// survivor (killed here, static, or equivalent) is in docs/testing.md (issue 13).
import { describe, expect, it } from 'vitest';
import { generateArticle, meetingName, suggestHeadline } from '../../../electron/core/documents/article';
import type { ArticleOptions, DocBlock } from '../../../electron/shared/documents';
import type { Meeting } from '../../../electron/shared/domain';
import { meeting, RecordBuilder } from '../../fixtures/documents/build';

const build = (f: Partial<Meeting> = {}) => new RecordBuilder(meeting(1, { title: 'Hội nghị đối thoại', organizer: 'UBND xã', ...f }));
const paragraphs = (b: RecordBuilder, o: Partial<ArticleOptions> = {}) => generateArticle(b.record, null, o).flatMap((x) => (x.type === 'paragraph' ? [x.text] : []));
const LEAD = 'UBND xã tổ chức Hội nghị đối thoại.';
const CHAIR = 'đồng chí Lê Văn Bình – Chủ tịch UBND xã';

describe('fields typed with stray spaces read as if typed without', () => {
  it('an organiser typed with spaces is found in the name (not said twice) and signs the article trimmed', () => {
    const b = build({ title: 'Hội nghị đối thoại giữa UBND xã Chí Minh với thanh niên', organizer: '  UBND xã Chí Minh  ' });
    expect(generateArticle(b.record, null)).toEqual([
      { type: 'heading', text: 'Hội nghị đối thoại giữa UBND xã Chí Minh với thanh niên' },
      { type: 'paragraph', text: 'Diễn ra Hội nghị đối thoại giữa UBND xã Chí Minh với thanh niên./.' },
      { type: 'byline', text: 'UBND xã Chí Minh' },
    ]);
  });

  it('an audience of spaces is no audience: no "với" in the lead, nobody named as the raisers', () => {
    const b = build({ audience: '   ' });
    b.rec('before', { shortPhrase: 'sửa đường' });
    b.rec('before', { shortPhrase: 'điện chiếu sáng' });
    expect(paragraphs(b)).toEqual([LEAD, 'Trước hội nghị, có 02 kiến nghị được gửi đến hội nghị. Các kiến nghị tập trung vào các nội dung: sửa đường, điện chiếu sáng./.']);
  });

  it('voters typed after a space are still "cử tri …": the deputies meet them, not "cử tri với cử tri"', () => {
    const b = build({ title: '', organizer: '', kind: 'tiếp xúc cử tri', audience: ' cử tri xã Lộc Quang ' });
    b.attendee('Nguyễn Thị Thuận', ['đại biểu HĐND tỉnh'], 'reporter');
    expect(paragraphs(b)).toEqual(['Đồng chí Nguyễn Thị Thuận – đại biểu HĐND tỉnh tiếp xúc cử tri xã Lộc Quang./.']);
  });

  it('a place of spaces is no place: no "tại" in the lead; a place with spaces is trimmed', () => {
    expect(paragraphs(build({ location: '   ' }))).toEqual(['UBND xã tổ chức Hội nghị đối thoại./.']);
    expect(paragraphs(build({ location: '  hội trường UBND xã  ' }))).toEqual(['UBND xã tổ chức Hội nghị đối thoại tại hội trường UBND xã./.']);
  });

  it('a title of spaces is no title: the voters’ lead is the one written with no title at all', () => {
    const f: Partial<Meeting> = { kind: 'tiếp xúc cử tri', organizer: 'Tổ đại biểu HĐND tỉnh', audience: 'Nhân dân thôn 3' };
    const spaces = build({ ...f, title: '   ' });
    const none = build({ ...f, title: '' });
    expect(generateArticle(spaces.record, null)).toEqual(generateArticle(none.record, null));
  });

  it('a summary typed after spaces that names its speaker near the 80th letter still stands alone', () => {
    // The speaker's name ends at the 80th letter of the summary: inside what is read for it.
    const said = 'Thanh niên trong xã có nhiều đóng góp cho phong trào chung, đồng chí Lê Văn Bình ghi nhận và biểu dương';
    expect(said.indexOf('Lê Văn Bình') + 'Lê Văn Bình'.length).toBe(80);
    const typed = (summary: string) => {
      const b = build();
      const chair = b.attendee('Lê Văn Bình', ['Chủ tịch UBND xã'], 'chair');
      b.speech('remarks', chair, summary);
      return paragraphs(b);
    };
    const expected = [LEAD, `Đồng chí Lê Văn Bình – Chủ tịch UBND xã chủ trì hội nghị.`, `${said}./.`];
    expect(typed(said)).toEqual(expected);
    expect(typed(`   ${said}`)).toEqual(expected);
    expect(typed(`\n${said}`)).toEqual(expected);
  });

  it('an answer typed after spaces that names its responder near the 80th letter still stands alone', () => {
    const said = 'Kinh phí sửa đường liên thôn sẽ được bố trí trong quý tới, đồng chí Lê Văn Bình sẽ trực tiếp đôn đốc';
    expect(said.indexOf('Lê Văn Bình') + 'Lê Văn Bình'.length).toBe(79);
    const answered = (content: string) => {
      const b = build();
      const chair = b.attendee('Lê Văn Bình', ['Chủ tịch UBND xã'], 'chair');
      const r = b.rec('during', { shortPhrase: 'sửa đường liên thôn' });
      b.rec('during', { shortPhrase: 'điện chiếu sáng' });
      b.reply('on_spot', chair, content, [r]);
      return paragraphs(b).at(-1);
    };
    expect(answered(said)).toBe(`${said}./.`);
    expect(answered(`    ${said}`)).toBe(`${said}./.`);
  });
});

describe('who spoke, and how they are introduced', () => {
  it('a name of three letters or fewer is not looked for in the summary, even typed with spaces after it', () => {
    // "Hà" would be found inside "thanh": the speaker would vanish from her own speech.
    const b = build();
    const chair = b.attendee('Hà  ', ['Bí thư Đoàn xã'], 'chair');
    b.speech('remarks', chair, 'Thanh niên cần gương mẫu');
    expect(paragraphs(b)).toEqual([
      LEAD,
      'Đồng chí Hà – Bí thư Đoàn xã chủ trì hội nghị.',
      'Phát biểu tại hội nghị, đồng chí Hà – Bí thư Đoàn xã cho biết thanh niên cần gương mẫu./.',
    ]);
  });

  it('a guest’s direction speech opens with "Phát biểu chỉ đạo hội nghị"', () => {
    const b = build();
    const guest = b.attendee('Trần Văn Nam', ['Phó Bí thư Huyện ủy'], 'guest');
    b.speech('direction', guest, 'Đề nghị Đoàn xã quan tâm hơn đến thanh niên');
    expect(paragraphs(b)).toEqual([
      LEAD,
      'Dự hội nghị có đồng chí Trần Văn Nam – Phó Bí thư Huyện ủy.',
      'Phát biểu chỉ đạo hội nghị, đồng chí Trần Văn Nam – Phó Bí thư Huyện ủy đề nghị Đoàn xã quan tâm hơn đến thanh niên./.',
    ]);
  });

  it('two deputies with no organiser meet their voters: both named, the last after "và"', () => {
    const b = build({ title: '', organizer: '', kind: 'tiếp xúc cử tri', audience: 'cử tri xã Lộc Quang' });
    b.attendee('Nguyễn Thị Thuận', ['đại biểu HĐND tỉnh'], 'reporter');
    b.attendee('Trần Văn Hà', ['đại biểu Quốc hội'], 'reporter');
    expect(paragraphs(b)).toEqual(['Các đồng chí Nguyễn Thị Thuận – đại biểu HĐND tỉnh và Trần Văn Hà – đại biểu Quốc hội tiếp xúc cử tri xã Lộc Quang./.']);
  });
});

describe('the legal basis', () => {
  it('"theo", "thực hiện" or "căn cứ" inside the basis does not take the place of the opening "Thực hiện"', () => {
    const lead = (o: Partial<ArticleOptions>, f: Partial<Meeting> = {}) => paragraphs(build(f), o)[0];
    expect(lead({ legalBasis: 'Kế hoạch số 15/KH-UBND về đối thoại theo Quy chế dân chủ' })).toBe(
      'Thực hiện Kế hoạch số 15/KH-UBND về đối thoại theo Quy chế dân chủ, UBND xã tổ chức Hội nghị đối thoại./.',
    );
    expect(lead({}, { legalBasis: ['Kế hoạch số 7 về thực hiện Quy chế dân chủ ở cơ sở'] })).toBe(
      'Thực hiện Kế hoạch số 7 về thực hiện Quy chế dân chủ ở cơ sở, UBND xã tổ chức Hội nghị đối thoại./.',
    );
  });
});

describe('a title typed over two lines', () => {
  it('is one name on one line, in the heading and in the lead', () => {
    const b = build({ title: 'Hội nghị đối thoại giữa Bí thư Đảng ủy \n với thanh niên xã' });
    expect(meetingName(b.record)).toBe('Hội nghị đối thoại giữa Bí thư Đảng ủy với thanh niên xã');
    expect(generateArticle(b.record, null)).toEqual([
      { type: 'heading', text: 'Hội nghị đối thoại giữa Bí thư Đảng ủy với thanh niên xã' },
      { type: 'paragraph', text: 'UBND xã tổ chức Hội nghị đối thoại giữa Bí thư Đảng ủy với thanh niên xã./.' },
      { type: 'byline', text: 'UBND xã' },
    ]);
  });

  it('written as a sentence, it is the headline on one line, and the name it organises is found across the break', () => {
    const b = build({ title: 'Phường 10 tổ chức hội nghị tiếp xúc,\r\n  đối thoại với Nhân dân', organizer: 'UBND phường 10' });
    expect(suggestHeadline(b.record)).toBe('Phường 10 tổ chức hội nghị tiếp xúc, đối thoại với Nhân dân');
    expect(meetingName(b.record)).toBe('hội nghị tiếp xúc, đối thoại với Nhân dân');
    expect(paragraphs(b)).toEqual(['UBND phường 10 tổ chức hội nghị tiếp xúc, đối thoại với Nhân dân./.']);
    // The name runs to the end of the title, not one letter.
    expect(meetingName(build({ title: 'Phường 10 tổ chức buổi gặp mặt' }).record)).toBe('buổi gặp mặt');
  });
});

describe('photos', () => {
  const shown = (blocks: DocBlock[]) => blocks.map((x) => (x.type === 'photo' ? `ảnh: ${x.caption}` : x.type === 'paragraph' ? x.text : x.type));

  it('photos that land after one paragraph keep the secretary’s order, whatever event each was filed under', () => {
    const b = build();
    const chair = b.attendee('Lê Văn Bình', ['Chủ tịch UBND xã'], 'chair');
    b.speech('opening', chair, 'Nêu mục đích của hội nghị');
    // Filed under the report, which was not recorded: it goes after the opening, in its place in the order.
    const report = b.photo('report', 'Đồng chí Trần Văn Nam trình bày báo cáo');
    const opening = b.photo('opening', 'Đồng chí Lê Văn Bình phát biểu khai mạc');
    const opened = `Phát biểu khai mạc hội nghị, ${CHAIR} nêu mục đích của hội nghị./.`;
    expect(shown(generateArticle(b.record, null))).toEqual([
      'heading',
      LEAD,
      'Đồng chí Lê Văn Bình – Chủ tịch UBND xã chủ trì hội nghị.',
      opened,
      'ảnh: Đồng chí Trần Văn Nam trình bày báo cáo',
      'ảnh: Đồng chí Lê Văn Bình phát biểu khai mạc',
      'byline',
    ]);
    expect(shown(generateArticle(b.record, null, { photoIds: [opening.id, report.id] })).slice(4, 6)).toEqual([
      'ảnh: Đồng chí Lê Văn Bình phát biểu khai mạc',
      'ảnh: Đồng chí Trần Văn Nam trình bày báo cáo',
    ]);
  });
});
