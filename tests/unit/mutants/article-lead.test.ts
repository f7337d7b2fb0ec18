// The article's name, headline and lead, rule by rule: each case is the smallest meeting where the
// rule decides the words, and the whole sentence is compared, so a condition flipped, a bound moved
// or a phrase emptied shows. Written for the mutants of article.ts (issue 13).
import { describe, expect, it } from 'vitest';
import { generateArticle, isMeetingName, meetingName, phraseOf, resolveArticleOptions, suggestHeadline } from '../../../electron/core/documents/article';
import type { ArticleOptions } from '../../../electron/shared/documents';
import type { Meeting } from '../../../electron/shared/domain';
import { meeting, profile, RecordBuilder } from '../../fixtures/documents/build';

const build = (f: Partial<Meeting>) => new RecordBuilder(meeting(1, f));
const name = (f: Partial<Meeting>) => meetingName(build(f).record);
const headline = (f: Partial<Meeting>) => suggestHeadline(build(f).record);
/** The first paragraph of the article (the lead). */
const lead = (b: RecordBuilder, o: Partial<ArticleOptions> = {}) => generateArticle(b.record, null, o).find((x) => x.type === 'paragraph')!;
const leadText = (b: RecordBuilder, o: Partial<ArticleOptions> = {}) => {
  const p = lead(b, o);
  return p.type === 'paragraph' ? p.text : '';
};

describe('isMeetingName', () => {
  it('knows every word a meeting’s name opens with, at the start only and as a whole word', () => {
    for (const t of ['Hội nghị X', 'Buổi gặp', 'Cuộc gặp', 'Chương trình gặp', 'Diễn đàn thanh niên', 'Phiên họp', 'Kỳ họp thứ 5', 'Lễ ra quân', '  hội nghị có khoảng trắng']) {
      expect(isMeetingName(t), t).toBe(true);
    }
    for (const t of ['Kết quả buổi tiếp xúc', 'Phường 10 tổ chức hội nghị', 'Lệnh điều động', 'Hội nghịch', 'Cuộcc', 'Phiếu lấy ý kiến', '']) {
      expect(isMeetingName(t), t).toBe(false);
    }
  });
});

describe('meetingName', () => {
  it('keeps a title that is a name, without its final punctuation', () => {
    expect(name({ title: '  Hội nghị đối thoại với Nhân dân. ' })).toBe('Hội nghị đối thoại với Nhân dân');
  });

  it('finds the name inside a title written as a sentence ("… tổ chức hội nghị/buổi/cuộc …")', () => {
    expect(name({ title: 'Phường 10 Tổ chức Buổi gặp mặt thanh niên' })).toBe('Buổi gặp mặt thanh niên');
    expect(name({ title: 'Phường 10 tổ chức  cuộc gặp' })).toBe('cuộc gặp');
    expect(name({ title: 'Phường 10 tổ chức hội nghị với Nhân dân' })).toBe('hội nghị với Nhân dân');
    // "tổ chức" with no name after it, or a word not a meeting: the name is built.
    expect(name({ title: 'Phường 10 tổ chức tốt phong trào', audience: 'thanh niên' })).toBe('Hội nghị đối thoại với thanh niên');
    expect(name({ title: 'Đoàn tổ chức hội nghịch', audience: 'thanh niên' })).toBe('Hội nghị đối thoại với thanh niên');
  });

  it('names whom the meeting is with once: audience and place, the audience alone, or the place alone', () => {
    const title = 'Đồng chí Bí thư đối thoại với thanh niên';
    expect(name({ title, audience: 'đoàn viên thanh niên', locality: 'xã An Phú' })).toBe('Hội nghị đối thoại với đoàn viên thanh niên xã An Phú');
    expect(name({ audience: 'đoàn viên thanh niên xã An Phú', locality: 'xã An Phú' })).toBe('Hội nghị đối thoại với đoàn viên thanh niên xã An Phú');
    expect(name({ audience: '  thanh niên ', locality: 'xã An Phú', location: 'Hội trường UBND xã An Phú' })).toBe('Hội nghị đối thoại với thanh niên');
    expect(name({ audience: 'thanh niên' })).toBe('Hội nghị đối thoại với thanh niên');
    expect(name({ locality: ' xã An Phú ' })).toBe('Hội nghị đối thoại với xã An Phú');
    expect(name({ locality: 'xã An Phú', location: 'Hội trường UBND xã An Phú' })).toBe('Hội nghị đối thoại');
    expect(name({})).toBe('Hội nghị đối thoại');
  });

  it('names each kind of meeting', () => {
    expect(name({ kind: 'tiếp xúc cử tri', locality: ' xã An Phú ', audience: 'cử tri thôn 3' })).toBe('Hội nghị tiếp xúc cử tri xã An Phú');
    // No place: the audience says which voters, without a second "cử tri".
    expect(name({ kind: 'tiếp xúc cử tri', audience: 'cử tri thôn 3' })).toBe('Hội nghị tiếp xúc cử tri thôn 3');
    expect(name({ kind: 'tiếp xúc cử tri', audience: ' Cử tri  tổ dân phố 5 ' })).toBe('Hội nghị tiếp xúc cử tri tổ dân phố 5');
    expect(name({ kind: 'tiếp xúc cử tri', audience: 'công nhân lao động' })).toBe('Hội nghị tiếp xúc cử tri công nhân lao động');
    expect(name({ kind: 'tiếp xúc cử tri', audience: 'cử tri' })).toBe('Hội nghị tiếp xúc cử tri');
    expect(name({ kind: 'tiếp xúc cử tri', audience: 'cử tri trẻ' })).toBe('Hội nghị tiếp xúc cử tri trẻ');
    expect(name({ kind: 'tiếp xúc cử tri' })).toBe('Hội nghị tiếp xúc cử tri');
    expect(name({ kind: 'gặp mặt, đối thoại', audience: 'thanh niên' })).toBe('Hội nghị gặp mặt, đối thoại với thanh niên');
    expect(name({ kind: 'gặp mặt, đối thoại' })).toBe('Hội nghị gặp mặt, đối thoại');
  });
});

describe('suggestHeadline', () => {
  it('keeps the secretary’s headline, trimmed and without a final full stop', () => {
    expect(headline({ headline: '  Thanh niên hiến kế. ', title: 'Hội nghị X', organizer: 'UBND xã' })).toBe('Thanh niên hiến kế');
  });

  it('takes a title written as a sentence, capitalised and without its full stop', () => {
    expect(headline({ title: ' phường 10 tổ chức hội nghị với Nhân dân. ' })).toBe('Phường 10 tổ chức hội nghị với Nhân dân');
  });

  it('says who met whom: the organiser, the one chair’s functional titles, or the chairs’ main titles', () => {
    expect(headline({ organizer: '  UBND xã An Phú ', audience: ' thanh niên ' })).toBe('UBND xã An Phú đối thoại với thanh niên');
    expect(headline({ organizer: 'UBND xã', audience: 'thanh niên', kind: 'gặp mặt, đối thoại' })).toBe('UBND xã gặp mặt, đối thoại với thanh niên');
    const one = build({ audience: 'thanh niên' });
    one.attendee('Lê Văn Bình', ['Bí thư Đảng ủy', 'Chủ tịch HĐND xã'], 'chair');
    one.attendee('Phạm Văn Hai', ['Phó Chủ tịch UBND xã'], 'host');
    expect(suggestHeadline(one.record)).toBe('Bí thư Đảng ủy, Chủ tịch HĐND xã đối thoại với thanh niên');
    const two = build({ audience: 'thanh niên' });
    two.attendee('Lê Văn Bình', ['Bí thư Đảng ủy', 'Chủ tịch HĐND xã'], 'chair');
    two.attendee('Trần Văn Nam', ['Chủ tịch UBND xã'], 'chair');
    two.attendee('Trần Văn Ba', ['Chủ tịch UBND xã'], 'chair');
    expect(suggestHeadline(two.record)).toBe('Bí thư Đảng ủy và Chủ tịch UBND xã đối thoại với thanh niên');
  });

  it('falls back to the official name, capitalised, when the subject or the audience is missing', () => {
    expect(headline({ organizer: 'UBND xã', locality: 'xã An Phú' })).toBe('Hội nghị đối thoại với xã An Phú');
    expect(headline({ audience: 'thanh niên' })).toBe('Hội nghị đối thoại với thanh niên');
    expect(headline({ title: 'buổi đối thoại' })).toBe('Buổi đối thoại');
  });

  it('for voters: the organiser or the first deputy meets the voters of the place', () => {
    expect(headline({ kind: 'tiếp xúc cử tri', organizer: 'Tổ đại biểu HĐND tỉnh', audience: ' cử tri xã An Phú ' })).toBe('Tổ đại biểu HĐND tỉnh tiếp xúc cử tri xã An Phú');
    expect(headline({ kind: 'tiếp xúc cử tri', organizer: 'Tổ đại biểu HĐND tỉnh', audience: 'Cử tri  thôn 3' })).toBe('Tổ đại biểu HĐND tỉnh tiếp xúc cử tri thôn 3');
    expect(headline({ kind: 'tiếp xúc cử tri', organizer: 'Tổ đại biểu HĐND tỉnh', locality: ' xã An Phú ' })).toBe('Tổ đại biểu HĐND tỉnh tiếp xúc cử tri xã An Phú');
    expect(headline({ kind: 'tiếp xúc cử tri', organizer: 'Tổ đại biểu HĐND tỉnh' })).toBe('Tổ đại biểu HĐND tỉnh tiếp xúc cử tri');
    const b = build({ kind: 'tiếp xúc cử tri', locality: 'xã An Phú' });
    b.attendee('Lê Thị Mai', [], 'reporter');
    b.attendee('Nguyễn Thị Thuận', ['đại biểu HĐND tỉnh'], 'reporter');
    b.attendee('Trần Văn Hà', ['đại biểu Quốc hội'], 'reporter');
    b.attendee('Lê Văn Bình', ['Chủ tịch UBND xã'], 'host');
    expect(suggestHeadline(b.record)).toBe('Đại biểu HĐND tỉnh tiếp xúc cử tri xã An Phú');
    // No organiser, no deputy: the official name.
    expect(headline({ kind: 'tiếp xúc cử tri', locality: 'xã An Phú' })).toBe('Hội nghị tiếp xúc cử tri xã An Phú');
  });
});

describe('phraseOf and the options', () => {
  it('uses the typed short phrase, trimmed, or a phrase from the content; never a final stop', () => {
    const b = build({});
    expect(phraseOf(b.rec('during', { shortPhrase: '  sửa đường thôn 3. ', content: 'Đề nghị làm cầu' }))).toBe('sửa đường thôn 3');
    expect(phraseOf(b.rec('during', { shortPhrase: '   ', content: 'Sửa đường thôn 3.' }))).toBe('sửa đường thôn 3');
  });

  it('fills the options that were not given, and keeps those that were', () => {
    expect(resolveArticleOptions(undefined)).toEqual({ listSpeakers: false, legalBasis: '', photoIds: [] });
    expect(resolveArticleOptions({ listSpeakers: true })).toEqual({ listSpeakers: true, legalBasis: '', photoIds: [] });
  });
});

describe('the lead', () => {
  it('an organiser holds the meeting, with whom, where and why', () => {
    const b = build({ title: 'Hội nghị đối thoại', organizer: ' UBND xã An Phú ', audience: ' thanh niên ', location: ' Hội trường xã. ', purpose: ' lắng nghe thanh niên. ', date: '2025-11-30', session: 'sáng' });
    expect(leadText(b)).toBe('Sáng ngày 30/11/2025, UBND xã An Phú tổ chức Hội nghị đối thoại với thanh niên tại Hội trường xã nhằm lắng nghe thanh niên./.');
  });

  it('does not add the audience when the name or the title already has it, or when there is no title', () => {
    const b = build({ title: 'Hội nghị đối thoại giữa Đảng ủy và thanh niên', organizer: 'UBND xã', audience: 'thanh niên' });
    expect(leadText(b)).toBe('UBND xã tổ chức Hội nghị đối thoại giữa Đảng ủy và thanh niên./.');
    const c = build({ title: 'Hội nghị đối thoại thanh niên xã', organizer: 'UBND xã', audience: 'Thanh niên' });
    expect(leadText(c)).toBe('UBND xã tổ chức Hội nghị đối thoại thanh niên xã./.');
    const d = build({ title: 'Hội nghị đối thoại', organizer: 'UBND xã', audience: 'thanh niên' });
    expect(leadText(d)).toBe('UBND xã tổ chức Hội nghị đối thoại với thanh niên./.');
    // No title: the name is built from the audience and says it already.
    const e = build({ organizer: 'UBND xã', audience: 'thanh niên' });
    expect(leadText(e)).toBe('UBND xã tổ chức Hội nghị đối thoại với thanh niên./.');
    // A word holding "với" is not the word "với".
    const f = build({ title: 'Hội nghị vớii', organizer: 'UBND xã', audience: 'thanh niên' });
    expect(leadText(f)).toBe('UBND xã tổ chức Hội nghị vớii với thanh niên./.');
  });

  it('writes the purpose after the clause: as typed when it opens with its own word, else after "nhằm"', () => {
    const p = (purpose: string) => leadText(build({ title: 'Hội nghị đối thoại', organizer: 'UBND xã', purpose }));
    expect(p('nhằm lắng nghe')).toBe('UBND xã tổ chức Hội nghị đối thoại nhằm lắng nghe./.');
    expect(p('để lắng nghe')).toBe('UBND xã tổ chức Hội nghị đối thoại để lắng nghe./.');
    expect(p('với mục đích lắng nghe')).toBe('UBND xã tổ chức Hội nghị đối thoại với mục đích lắng nghe./.');
    expect(p('Là dịp lắng nghe')).toBe('UBND xã tổ chức Hội nghị đối thoại là dịp lắng nghe./.');
    expect(p('Lắng nghe thanh niên')).toBe('UBND xã tổ chức Hội nghị đối thoại nhằm lắng nghe thanh niên./.');
    expect(p('nhằmlắng nghe')).toBe('UBND xã tổ chức Hội nghị đối thoại nhằm nhằmlắng nghe./.');
    expect(p('  ')).toBe('UBND xã tổ chức Hội nghị đối thoại./.');
  });

  it('opens with a purpose typed as an opener (capitalised only)', () => {
    const p = (purpose: string) => leadText(build({ title: 'Hội nghị đối thoại', organizer: 'UBND xã', purpose, date: '2025-11-30' }));
    expect(p('Nhằm lắng nghe.')).toBe('Nhằm lắng nghe, ngày 30/11/2025, UBND xã tổ chức Hội nghị đối thoại./.');
    expect(p('Để lắng nghe')).toBe('Để lắng nghe, ngày 30/11/2025, UBND xã tổ chức Hội nghị đối thoại./.');
    expect(p('Với mục đích lắng nghe')).toBe('Với mục đích lắng nghe, ngày 30/11/2025, UBND xã tổ chức Hội nghị đối thoại./.');
    expect(p('Nhằmlắng nghe')).toBe('Ngày 30/11/2025, UBND xã tổ chức Hội nghị đối thoại nhằm nhằmlắng nghe./.');
  });

  it('an organiser that the name states is not said twice: the meeting "takes place"', () => {
    const b = build({ title: 'Hội nghị đối thoại giữa UBND xã với thanh niên', organizer: 'UBND xã', location: 'hội trường', purpose: 'lắng nghe' });
    expect(leadText(b)).toBe('Tại hội trường, diễn ra Hội nghị đối thoại giữa UBND xã với thanh niên nhằm lắng nghe./.');
    const c = build({ title: 'Hội nghị đối thoại giữa UBND xã với thanh niên', organizer: 'UBND xã' });
    expect(leadText(c)).toBe('Diễn ra Hội nghị đối thoại giữa UBND xã với thanh niên./.');
  });

  it('with no organiser: the deputies meet their voters', () => {
    const deputies = (f: Partial<Meeting>) => {
      const b = build({ kind: 'tiếp xúc cử tri', ...f });
      b.attendee('Nguyễn Thị Thuận', ['đại biểu HĐND tỉnh'], 'reporter');
      return leadText(b);
    };
    expect(deputies({ audience: 'cử tri xã Lộc Quang', location: 'nhà văn hóa', purpose: 'lắng nghe' })).toBe(
      'Đồng chí Nguyễn Thị Thuận – đại biểu HĐND tỉnh tiếp xúc cử tri xã Lộc Quang tại nhà văn hóa nhằm lắng nghe./.',
    );
    expect(deputies({ audience: 'Nhân dân xã Lộc Quang' })).toBe('Đồng chí Nguyễn Thị Thuận – đại biểu HĐND tỉnh tiếp xúc cử tri với Nhân dân xã Lộc Quang./.');
    expect(deputies({ audience: 'cử tri' })).toBe('Đồng chí Nguyễn Thị Thuận – đại biểu HĐND tỉnh tiếp xúc cử tri với cử tri./.');
    expect(deputies({})).toBe('Đồng chí Nguyễn Thị Thuận – đại biểu HĐND tỉnh tiếp xúc cử tri./.');
    expect(deputies({ title: 'Buổi tiếp xúc cử tri trước kỳ họp', audience: 'cử tri xã Lộc Quang' })).toBe(
      'Đồng chí Nguyễn Thị Thuận – đại biểu HĐND tỉnh có buổi tiếp xúc cử tri trước kỳ họp./.',
    );
    expect(deputies({ title: 'Cuộc tiếp xúc cử tri' })).toBe('Đồng chí Nguyễn Thị Thuận – đại biểu HĐND tỉnh có cuộc tiếp xúc cử tri./.');
    // "buổi" inside the name, or a word that begins with it, is not the name's first word.
    expect(deputies({ title: 'Hội nghị tiếp xúc cử tri buổi chiều', audience: 'cử tri xã Lộc Quang' })).toBe(
      'Đồng chí Nguyễn Thị Thuận – đại biểu HĐND tỉnh tiếp xúc cử tri xã Lộc Quang./.',
    );
    expect(deputies({ title: 'Hội nghị cuộc sống mới' })).toBe('Đồng chí Nguyễn Thị Thuận – đại biểu HĐND tỉnh tiếp xúc cử tri./.');
    // The deputies are named in the lead, so not again among those present.
    const b = build({ kind: 'tiếp xúc cử tri' });
    b.attendee('Nguyễn Thị Thuận', ['đại biểu HĐND tỉnh'], 'reporter');
    const paras = generateArticle(b.record, null).flatMap((x) => (x.type === 'paragraph' ? [x.text] : []));
    expect(paras).toEqual(['Đồng chí Nguyễn Thị Thuận – đại biểu HĐND tỉnh tiếp xúc cử tri./.']);
  });

  it('a meeting with voters and no deputy, or another kind with a reporter, has the chair or the place as subject', () => {
    const b = build({ kind: 'tiếp xúc cử tri', location: 'nhà văn hóa' });
    expect(leadText(b)).toBe('Tại nhà văn hóa, diễn ra Hội nghị tiếp xúc cử tri./.');
    const c = build({ title: 'Hội nghị đối thoại' });
    c.attendee('Nguyễn Thị Thuận', ['Trưởng phòng Tư pháp'], 'reporter');
    c.attendee('Lê Văn Bình', ['Chủ tịch UBND xã'], 'chair');
    const paras = generateArticle(c.record, null).flatMap((x) => (x.type === 'paragraph' ? [x.text] : []));
    expect(paras).toEqual([
      'Đồng chí Lê Văn Bình – Chủ tịch UBND xã chủ trì Hội nghị đối thoại.',
      'Dự hội nghị có đồng chí Nguyễn Thị Thuận – Trưởng phòng Tư pháp./.',
    ]);
  });

  it('the chairs hold it when there is no organiser', () => {
    const b = build({ title: 'Hội nghị đối thoại', audience: 'thanh niên', location: 'hội trường', purpose: 'lắng nghe' });
    b.attendee('Lê Văn Bình', ['Chủ tịch UBND xã'], 'chair');
    b.attendee('Trần Văn Nam', ['Bí thư Đảng ủy'], 'chair');
    expect(leadText(b)).toBe('Các đồng chí Lê Văn Bình – Chủ tịch UBND xã và Trần Văn Nam – Bí thư Đảng ủy chủ trì Hội nghị đối thoại với thanh niên tại hội trường nhằm lắng nghe./.');
  });

  it('with nobody to hold it, the meeting takes place', () => {
    expect(leadText(build({ title: 'Hội nghị đối thoại', location: 'hội trường', purpose: 'lắng nghe' }))).toBe('Tại hội trường, diễn ra Hội nghị đối thoại nhằm lắng nghe./.');
    expect(leadText(build({ title: 'Hội nghị đối thoại' }))).toBe('Diễn ra Hội nghị đối thoại./.');
  });

  it('opens with the legal basis: the options’ first, then the meeting’s, each trimmed', () => {
    const b = build({ title: 'Hội nghị đối thoại', organizer: 'UBND xã', legalBasis: [' Kế hoạch số 12-KH/UBND. ', '  ', 'Công văn số 3'] });
    expect(leadText(b)).toBe('Thực hiện Kế hoạch số 12-KH/UBND và Công văn số 3, UBND xã tổ chức Hội nghị đối thoại./.');
    expect(leadText(b, { legalBasis: '  Chỉ thị số 1;  ' })).toBe('Thực hiện Chỉ thị số 1; Kế hoạch số 12-KH/UBND và Công văn số 3, UBND xã tổ chức Hội nghị đối thoại./.');
    const c = build({ title: 'Hội nghị đối thoại', organizer: 'UBND xã' });
    expect(leadText(c, { legalBasis: '  Kế hoạch số 5  ' })).toBe('Thực hiện Kế hoạch số 5, UBND xã tổ chức Hội nghị đối thoại./.');
    expect(leadText(c, { legalBasis: 'Theo Kế hoạch số 5' })).toBe('Theo Kế hoạch số 5, UBND xã tổ chức Hội nghị đối thoại./.');
    expect(leadText(c, { legalBasis: 'căn cứ Kế hoạch số 5' })).toBe('Căn cứ Kế hoạch số 5, UBND xã tổ chức Hội nghị đối thoại./.');
    expect(leadText(c, { legalBasis: 'Thực hiện Kế hoạch số 5' })).toBe('Thực hiện Kế hoạch số 5, UBND xã tổ chức Hội nghị đối thoại./.');
    expect(leadText(c, { legalBasis: 'Theo dõi Kế hoạch số 5' })).toBe('Theo dõi Kế hoạch số 5, UBND xã tổ chức Hội nghị đối thoại./.');
  });

  it('lowers what follows the first part, and keeps a name’s capital', () => {
    const b = build({ title: 'Hội nghị đối thoại', organizer: 'Đảng ủy xã', purpose: 'Nhằm lắng nghe', date: '2025-11-30', legalBasis: ['Kế hoạch số 5'] });
    expect(leadText(b)).toBe('Nhằm lắng nghe, thực hiện Kế hoạch số 5, ngày 30/11/2025, Đảng ủy xã tổ chức Hội nghị đối thoại./.');
  });

  it('follows the profile’s date style', () => {
    const b = build({ title: 'Hội nghị đối thoại', organizer: 'UBND xã', date: '2025-11-30', session: 'chiều' });
    const p = generateArticle(b.record, profile({ style: { dateStyle: 'dash', dateYear: false } }))[1]!;
    expect(p).toEqual({ type: 'paragraph', text: 'Chiều 30-11, UBND xã tổ chức Hội nghị đối thoại./.' });
  });
});
