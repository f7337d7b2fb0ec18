// The Vietnamese text rules the documents are written with. Each rule has a case that only passes
// while the rule is there: removing or weakening it turns that case red.
import { describe, expect, it } from 'vitest';
import type { DateStyle } from '../../electron/shared/domain';
import {
  adminLower,
  endDocument,
  endSentence,
  extendWith,
  formatCount,
  joinAnd,
  joinPhrases,
  listPhrases,
  longDate,
  lowerCommonStart,
  lowerFirst,
  newsDate,
  timeOfDay,
  upperFirst,
} from '../../electron/core/documents/vi-text';
import { PHRASE_SYLLABLES, stripOpeners, suggestShortPhrase } from '../../electron/shared/vi/short-phrase';

const style = (dateStyle: DateStyle, dateYear = true, padDayMonth = false) => ({ dateStyle, dateYear, padDayMonth });

describe('formatCount: padding of counts is a house style', () => {
  it('pads one digit only when the style says so', () => {
    expect(formatCount(8, true)).toBe('08');
    expect(formatCount(8, false)).toBe('8');
  });
  it('never pads 0 or two digits', () => {
    expect(formatCount(0, true)).toBe('0');
    expect(formatCount(10, true)).toBe('10');
    expect(formatCount(143, true)).toBe('143');
  });
});

describe('newsDate: every date style', () => {
  const d = '2019-10-18';
  it('ngay: "Chiều ngày 18/10/2019"', () => {
    expect(newsDate(d, 'chiều', null, style('ngay'))).toBe('Chiều ngày 18/10/2019');
    expect(newsDate('2025-10-14', 'chiều', null, style('ngay', false))).toBe('Chiều ngày 14/10');
  });
  it('plain: "Tối 10/5/2019"', () => {
    expect(newsDate('2019-05-10', 'tối', null, style('plain'))).toBe('Tối 10/5/2019');
  });
  it('dash: "Chiều 4-11", with or without the year', () => {
    expect(newsDate('2025-11-04', 'chiều', null, style('dash', false))).toBe('Chiều 4-11');
    expect(newsDate('2025-11-04', 'chiều', null, style('dash', true))).toBe('Chiều 4-11-2025');
  });
  it('long: "Chiều ngày 18 tháng 10 năm 2019", and without a session "Ngày 24 tháng 6 năm 2022"', () => {
    expect(newsDate(d, 'chiều', null, style('long'))).toBe('Chiều ngày 18 tháng 10 năm 2019');
    expect(newsDate('2022-06-24', null, null, style('long'))).toBe('Ngày 24 tháng 6 năm 2022');
    expect(newsDate('2022-06-24', null, null, style('long', false))).toBe('Ngày 24 tháng 6');
  });
  it('pads day and month only with padDayMonth, apart from counts', () => {
    expect(newsDate('2018-08-04', 'sáng', null, style('ngay', true, true))).toBe('Sáng ngày 04/08/2018');
    expect(newsDate('2018-08-04', 'sáng', null, style('ngay', true, false))).toBe('Sáng ngày 4/8/2018');
    expect(newsDate('2018-08-04', 'sáng', null, style('long', true, true))).toBe('Sáng ngày 04 tháng 08 năm 2018');
    expect(newsDate('2018-08-04', 'sáng', null, style('dash', false, true))).toBe('Sáng 04-08');
  });
  it('takes the time of day from the start time before the recorded session', () => {
    expect(newsDate(d, 'sáng', '14:00', style('ngay'))).toBe('Chiều ngày 18/10/2019');
    expect(newsDate(d, null, '08:30', style('plain'))).toBe('Sáng 18/10/2019');
    expect(newsDate(d, null, '19:30', style('plain'))).toBe('Tối 18/10/2019');
  });
  it('stands alone without either, and gives null without a date', () => {
    expect(newsDate(d, null, null, style('ngay'))).toBe('Ngày 18/10/2019');
    expect(newsDate(d, null, null, style('plain'))).toBe('Ngày 18/10/2019');
    expect(newsDate(null, 'chiều', null, style('ngay'))).toBeNull();
    expect(newsDate('18/10/2019', 'chiều', null, style('ngay'))).toBeNull();
  });
  it('splits the day at noon and 18:00', () => {
    expect(timeOfDay('11:59')).toBe('Sáng');
    expect(timeOfDay('12:00')).toBe('Chiều');
    expect(timeOfDay('17:59')).toBe('Chiều');
    expect(timeOfDay('18:00')).toBe('Tối');
    expect(timeOfDay(null)).toBeNull();
  });
  it('longDate zero-pads days below 10 and months 1–2 only (the decree)', () => {
    expect(longDate('2023-02-03')).toBe('ngày 03 tháng 02 năm 2023');
    expect(longDate('2020-03-18')).toBe('ngày 18 tháng 3 năm 2020');
    expect(longDate('2019-10-05')).toBe('ngày 05 tháng 10 năm 2019');
  });
});

describe('upperFirst / lowerFirst: capitals inside a sentence', () => {
  it('upperFirst capitalises the first letter, Vietnamese letters included', () => {
    expect(upperFirst('chiều ngày 18/10')).toBe('Chiều ngày 18/10');
    expect(upperFirst('  đồng chí')).toBe('Đồng chí');
    expect(upperFirst('ủy ban')).toBe('Ủy ban');
    expect(upperFirst('')).toBe('');
  });
  it('lowerFirst lowers a sentence capital on a common noun', () => {
    expect(lowerFirst('Các đồng chí lãnh đạo')).toBe('các đồng chí lãnh đạo');
    expect(lowerFirst('Hội viên phụ nữ')).toBe('hội viên phụ nữ');
    expect(lowerFirst('Đường giao thông')).toBe('đường giao thông');
  });
  it('keeps abbreviations', () => {
    expect(lowerFirst('UBND phường')).toBe('UBND phường');
    expect(lowerFirst('HĐND xã')).toBe('HĐND xã');
  });
  it('keeps proper names of two capitalised words', () => {
    expect(lowerFirst('Tây Tựu cần giữ làng hoa')).toBe('Tây Tựu cần giữ làng hoa');
    expect(lowerFirst('Nguyễn Văn A phát biểu')).toBe('Nguyễn Văn A phát biểu');
  });
  it('keeps the words that begin an institution (Phụ lục II)', () => {
    expect(lowerFirst('Quận tập trung chỉ đạo')).toBe('Quận tập trung chỉ đạo');
    expect(lowerFirst('Đảng ủy khối doanh nghiệp')).toBe('Đảng ủy khối doanh nghiệp');
    expect(lowerFirst('Nhân dân phường')).toBe('Nhân dân phường');
    expect(lowerFirst('Nhà nước quản lý')).toBe('Nhà nước quản lý');
    expect(lowerFirst('Huyện ủy chỉ đạo')).toBe('Huyện ủy chỉ đạo');
    expect(lowerFirst('Ủy ban nhân dân xã')).toBe('Ủy ban nhân dân xã');
    // The old tone placement offices still type is the same institution.
    expect(lowerFirst('Uỷ ban nhân dân xã')).toBe('Uỷ ban nhân dân xã');
    expect(lowerFirst('Hội đồng nhân dân tỉnh')).toBe('Hội đồng nhân dân tỉnh');
    expect(lowerFirst('Mặt trận Tổ quốc')).toBe('Mặt trận Tổ quốc');
  });
  it('lowerCommonStart lowers only the common-noun starters', () => {
    expect(lowerCommonStart('Các đồng chí lãnh đạo phường')).toBe('các đồng chí lãnh đạo phường');
    expect(lowerCommonStart('Đại diện các tổ dân phố')).toBe('đại diện các tổ dân phố');
    expect(lowerCommonStart('Đông đảo cử tri')).toBe('đông đảo cử tri');
    expect(lowerCommonStart('Hơn 100 đoàn viên')).toBe('hơn 100 đoàn viên');
    expect(lowerCommonStart('Các')).toBe('các');
    // Any other capital is taken as a name and kept.
    expect(lowerCommonStart('Trưởng các ngành, đoàn thể')).toBe('Trưởng các ngành, đoàn thể');
    expect(lowerCommonStart('Hội Nông dân tỉnh')).toBe('Hội Nông dân tỉnh');
    expect(lowerCommonStart('Cácbon')).toBe('Cácbon');
  });
  it('adminLower lowers the unit noun of a named unit, not of a numbered one', () => {
    expect(adminLower('Quận Bắc Từ Liêm')).toBe('quận Bắc Từ Liêm');
    expect(adminLower('Thị trấn Cát Tiên')).toBe('thị trấn Cát Tiên');
    expect(adminLower('Phường 10')).toBe('Phường 10');
    expect(adminLower('Quận 4')).toBe('Quận 4');
    // A Party committee is a proper name (Phụ lục II): "Huyện ủy Châu Thành", also in the old tone placement.
    expect(adminLower('Huyện uỷ Châu Thành')).toBe('Huyện uỷ Châu Thành');
    expect(adminLower('Quận ủy Bắc Từ Liêm')).toBe('Quận ủy Bắc Từ Liêm');
    expect(adminLower('Huyện ủyên')).toBe('huyện ủyên');
  });
});

describe('joinAnd / listPhrases / joinPhrases: lists', () => {
  it('joinAnd: "A, B và C"', () => {
    expect(joinAnd(['A', 'B', 'C'])).toBe('A, B và C');
    expect(joinAnd(['A', 'B'])).toBe('A và B');
    expect(joinAnd(['A'])).toBe('A');
    expect(joinAnd([])).toBe('');
    expect(joinAnd(['A;', ' B. '])).toBe('A và B');
    expect(joinAnd(['A', '', 'B'])).toBe('A và B');
  });
  it('joinAnd keeps items with their own commas apart with semicolons', () => {
    expect(joinAnd(['đồng chí A – TUV, Bí thư', 'đồng chí B – Chủ tịch', 'đồng chí C – Phó Chủ tịch'])).toBe(
      'đồng chí A – TUV, Bí thư; đồng chí B – Chủ tịch và đồng chí C – Phó Chủ tịch',
    );
    expect(joinAnd(['cán bộ, hội viên', 'nhân dân'], ', ')).toBe('cán bộ, hội viên và nhân dân');
  });
  it('joinAnd never writes "… và A và B"', () => {
    expect(joinAnd(['Quận ủy', 'HĐND', 'UBND và các ban'])).toBe('Quận ủy; HĐND; UBND và các ban');
    expect(joinAnd(['A và B', 'C'])).toBe('A và B; C');
  });
  it('listPhrases runs short topics with commas and sets long ones apart with semicolons', () => {
    expect(listPhrases(['GTNT', 'điện', 'nước', 'giá cả xăng dầu, mặt hàng thiết yếu tăng cao'])).toBe('GTNT, điện, nước; giá cả xăng dầu, mặt hàng thiết yếu tăng cao');
    expect(listPhrases(['vệ sinh môi trường', 'an ninh trật tự'])).toBe('vệ sinh môi trường, an ninh trật tự');
    expect(listPhrases(['hỗ trợ vay vốn phát triển kinh tế', 'tạo việc làm tại chỗ'])).toBe('hỗ trợ vay vốn phát triển kinh tế; tạo việc làm tại chỗ');
    // A short item that holds a comma is not short.
    expect(listPhrases(['điện, nước', 'GTNT'])).toBe('điện, nước; GTNT');
  });
  it('listPhrases keeps the case typed and drops trailing punctuation', () => {
    expect(listPhrases(['Vấn đề đất đai;', '  ', 'GPMB.'])).toBe('Vấn đề đất đai, GPMB');
  });
  it('joinPhrases lowers the sentence capital of later phrases and ends as asked', () => {
    expect(joinPhrases(['xử lý ô nhiễm', 'Các lớp tập huấn', 'UBND quan tâm'], { capitaliseFirst: true, ending: '…' })).toBe('Xử lý ô nhiễm; các lớp tập huấn; UBND quan tâm…');
    expect(joinPhrases(['Đường giao thông'], { capitaliseFirst: false, ending: '.' })).toBe('đường giao thông.');
    expect(joinPhrases([], { capitaliseFirst: true, ending: '.' })).toBe('');
  });
});

describe('extendWith: a direction that continues the summary is written once', () => {
  const summary = 'Chủ tịch UBND xã đề nghị thanh niên tiếp tục phát huy tinh thần xung kích, sáng tạo trong các phong trào của địa phương.';
  const direction = 'Thanh niên tiếp tục phát huy tinh thần xung kích, sáng tạo trong các phong trào của địa phương, đặc biệt là xây dựng nông thôn mới nâng cao';
  it('continues the summary with the longer direction', () => {
    expect(extendWith(summary, direction)).toBe(
      'Chủ tịch UBND xã đề nghị thanh niên tiếp tục phát huy tinh thần xung kích, sáng tạo trong các phong trào của địa phương, đặc biệt là xây dựng nông thôn mới nâng cao',
    );
  });
  it('gives null when they do not overlap, when the direction adds nothing, or on too short a probe', () => {
    expect(extendWith(summary, 'Đoàn xã tổ chức các lớp tập huấn kỹ năng cho đoàn viên')).toBeNull();
    expect(extendWith(summary, 'Thanh niên tiếp tục phát huy tinh thần xung kích, sáng tạo trong các phong trào của địa phương.')).toBeNull();
    expect(extendWith('Đề nghị thanh niên tiếp tục', 'Thanh niên tiếp tục')).toBeNull();
  });
  it('matches across tone marks and case (Unikey and old tone placement)', () => {
    expect(extendWith('Đồng chí đề nghị Hội viên tích cực tham gia sinh hoạt', 'hội viên tích cực tham gia sinh hoạt và đóng hội phí')).toBe(
      'Đồng chí đề nghị hội viên tích cực tham gia sinh hoạt và đóng hội phí',
    );
  });
});

describe('endSentence / endDocument', () => {
  it('ends with one full stop, keeping … ! ?', () => {
    expect(endSentence('xong;')).toBe('xong.');
    expect(endSentence('xong.')).toBe('xong.');
    expect(endSentence('còn nữa…')).toBe('còn nữa…');
    expect(endSentence('   ')).toBe('');
  });
  it('closes a document with "./." once', () => {
    expect(endDocument('Hội nghị kết thúc.')).toBe('Hội nghị kết thúc./.');
    expect(endDocument('Hội nghị kết thúc./.')).toBe('Hội nghị kết thúc./.');
    expect(endDocument('Hội nghị kết thúc,')).toBe('Hội nghị kết thúc./.');
  });
});

describe('suggestShortPhrase (electron/shared/vi/short-phrase.ts)', () => {
  it('drops the openers a speaker says first, however many are stacked', () => {
    expect(stripOpeners('Kính đề nghị, kiến nghị: Xem xét hỗ trợ')).toBe('Xem xét hỗ trợ');
    expect(suggestShortPhrase('Đề nghị xử lý vấn đề ô nhiễm nguồn nước sông Pheo.')).toBe('xử lý vấn đề ô nhiễm nguồn nước sông Pheo');
    expect(suggestShortPhrase('Mong muốn được hỗ trợ vay vốn')).toBe('được hỗ trợ vay vốn');
  });
  it('drops an opener only as a whole word', () => {
    expect(stripOpeners('Xinh đẹp')).toBe('Xinh đẹp');
    expect(stripOpeners('Đề nghịquyết')).toBe('Đề nghịquyết');
  });
  it('keeps the first clause: a sentence end, a semicolon or a colon ends it, a comma does not', () => {
    expect(suggestShortPhrase('Bổ sung kinh phí. Hiện nay rất ít')).toBe('bổ sung kinh phí');
    expect(suggestShortPhrase('Hỗ trợ cán bộ, hội viên vay vốn; nâng cao đời sống')).toBe('hỗ trợ cán bộ, hội viên vay vốn');
    expect(suggestShortPhrase('Giải quyết việc làm: nhiều thanh niên thất nghiệp')).toBe('giải quyết việc làm');
  });
  it(`cuts a long clause only at a comma within ${PHRASE_SYLLABLES} syllables, never mid-word`, () => {
    const head = 'đề xuất tăng cường các hoạt động hỗ trợ phụ nữ khởi nghiệp,';
    const tail = Array.from({ length: 30 }, () => 'thêm').join(' ');
    expect(suggestShortPhrase(`${head} ${tail}`)).toBe('tăng cường các hoạt động hỗ trợ phụ nữ khởi nghiệp');
    // No comma early enough: the clause stays whole rather than stopping at "…giữ cương".
    const whole = 'có giải pháp nâng cao tỷ lệ nữ giữ cương vị lãnh đạo quản lý trong các cơ quan đơn vị trên địa bàn quận nhất là cấp phường và tổ dân phố';
    expect(whole.split(' ').length).toBeGreaterThan(PHRASE_SYLLABLES);
    expect(suggestShortPhrase(whole)).toBe(whole);
  });
  it('keeps abbreviations, proper names and institution words capitalised; lowers the rest', () => {
    expect(suggestShortPhrase('GPMB chậm')).toBe('GPMB chậm');
    expect(suggestShortPhrase('Tây Tựu giữ làng hoa')).toBe('Tây Tựu giữ làng hoa');
    expect(suggestShortPhrase('Hội phụ nữ cần thêm kinh phí')).toBe('Hội phụ nữ cần thêm kinh phí');
    expect(suggestShortPhrase('Đảng ủy quan tâm')).toBe('Đảng ủy quan tâm');
    expect(suggestShortPhrase('Nâng cấp đường')).toBe('nâng cấp đường');
  });
  it('reads decomposed (NFD) text as the same words', () => {
    expect(suggestShortPhrase('Đề nghị Nâng cấp đường'.normalize('NFD'))).toBe('nâng cấp đường');
  });
});
