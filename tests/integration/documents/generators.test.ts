// The article, the minutes and the summary generated from the seed and from fixture meetings
// of other shapes: the seed's facts, Vietnamese conventions, and no broken sentences.
import { describe, expect, it } from 'vitest';
import { generateArticle } from '../../../electron/core/documents/article';
import { generateMinutes } from '../../../electron/core/documents/minutes';
import { generateSummary, SUMMARY_COLUMNS } from '../../../electron/core/documents/summary';
import { articleText } from '../../../electron/core/documents/text';
import { articleHtml } from '../../../electron/core/documents/html';
import { cleanSentence, formatCount, joinPhrases, longDate, lowerFirst, timeOfDay } from '../../../electron/core/documents/vi-text';
import { readSeed, seedRecord, SEED_PROFILE } from '../../fixtures/documents/seed-record';
import { OTHER_FIXTURES, dongAnhFarmers, phucDienYouth } from '../../fixtures/documents/other-meetings';
import { blockTexts, textProblems } from './helpers';

describe('Vietnamese text helpers', () => {
  it('formats counts, dates and the time of day', () => {
    expect(formatCount(8, true)).toBe('08');
    expect(formatCount(8, false)).toBe('8');
    expect(formatCount(12, true)).toBe('12');
    expect(formatCount(0, true)).toBe('0');
    expect(longDate('2019-10-18')).toBe('ngày 18 tháng 10 năm 2019');
    expect(longDate('2023-02-03')).toBe('ngày 03 tháng 02 năm 2023');
    expect(longDate('2024-03-07')).toBe('ngày 07 tháng 3 năm 2024');
    expect(timeOfDay('07:30')).toBe('Sáng');
    expect(timeOfDay('14:00')).toBe('Chiều');
    expect(timeOfDay('19:00')).toBe('Tối');
    expect(timeOfDay(null)).toBeNull();
  });

  it('joins phrases with "; " and ends with "…", without doubled punctuation', () => {
    expect(joinPhrases(['tạo việc làm;', 'Xử lý rác thải.', 'Quận tập trung GPMB…'], { capitaliseFirst: true, ending: '…' })).toBe(
      'Tạo việc làm; xử lý rác thải; Quận tập trung GPMB…',
    );
    expect(lowerFirst('UBND Quận chỉ đạo')).toBe('UBND Quận chỉ đạo');
    expect(lowerFirst('Nhân dân tin tưởng')).toBe('Nhân dân tin tưởng');
    expect(lowerFirst('Hà Nội đầu tư')).toBe('Hà Nội đầu tư');
    expect(lowerFirst('Thường xuyên bám sát')).toBe('thường xuyên bám sát');
    expect(cleanSentence('Có  2 ý kiến ,, cụ thể ;; hết..')).toBe('Có 2 ý kiến, cụ thể; hết.');
  });
});

describe('article from the seed meeting', () => {
  const record = seedRecord();
  const blocks = generateArticle(record, SEED_PROFILE, {});
  const text = articleText(blocks);

  it('contains every fact of the seed', () => {
    for (const fact of readSeed().facts) expect(text, fact).toContain(fact);
  });

  it('follows the seed structure and conventions', () => {
    // A short news headline, apart from the official name (which the lead carries).
    expect(blocks[0]).toEqual({ type: 'heading', text: 'Quận Bắc Từ Liêm đối thoại với cán bộ, hội viên phụ nữ Quận' });
    const paras = blocks.filter((b) => b.type === 'paragraph').map((b) => (b.type === 'paragraph' ? b.text : ''));
    expect(paras[0]).toMatch(/^Chiều ngày 18\/10\/2019, Quận Bắc Từ Liêm tổ chức Hội nghị đối thoại giữa đồng chí Bí thư Quận ủy/);
    // "Dự hội nghị có đồng chí …" as a reporter writes it; the chair in a sentence of their own.
    expect(paras[1]).toMatch(/^Dự hội nghị có đồng chí Nguyễn Kim Hoàng – Phó trưởng Ban Dân vận Thành ủy; /);
    expect(paras[1]).toContain('Đồng chí Trương Quang Thiều – TUV, Bí thư Quận ủy chủ trì hội nghị.');
    // Several leaders in one clause: the plural honorific once, as the seed writes it.
    expect(paras[1]).toContain('Cùng dự có các đồng chí Nguyễn Công Khanh – Phó Bí thư Thường trực Quận ủy; Nguyễn Hữu Tuyên – UVTV, Chủ tịch HĐND Quận; ');
    expect(paras[1].match(/Cùng dự có/g)).toHaveLength(1);
    // Only the five phrases marked for the article, though the count is every recorded one.
    const before = paras.find((p) => p.startsWith('Trước hội nghị'))!;
    expect(before).toContain('08 kiến nghị');
    expect(before.match(/; /g)?.length).toBe(4);
    expect(before.endsWith('…')).toBe(true);
    expect(before).not.toContain('nhà văn hóa');
    // TUV and UVTV only in the attendee list.
    for (const p of paras.slice(2)) expect(p).not.toMatch(/\b(TUV|UVTV)\b/);
    expect(paras[paras.length - 1].endsWith('./.')).toBe(true);
    expect(blocks[blocks.length - 1]).toEqual({ type: 'byline', text: 'Hội Liên hiệp phụ nữ quận Bắc Từ Liêm' });
    // Photos after the attendees and after the pre-meeting recommendations, as in the seed.
    const kinds = blocks.map((b) => b.type);
    expect(kinds.indexOf('photo')).toBe(3);
    expect(blocks[blocks.findIndex((b) => b.type === 'paragraph' && b.text.startsWith('Trước hội nghị')) + 1].type).toBe('photo');
    expect(text).not.toMatch(/Hội đồng nhân dân|Ủy ban nhân dân/);
  });

  it('has the options: legal basis, chosen photos, speakers listed', () => {
    const withBasis = generateArticle(record, SEED_PROFILE, { legalBasis: 'Thực hiện Kế hoạch số 15-KH/QU ngày 01/3/2019 của Quận ủy Bắc Từ Liêm.' });
    const lead = withBasis.find((b) => b.type === 'paragraph');
    expect(lead && lead.type === 'paragraph' ? lead.text : '').toMatch(/^Thực hiện Kế hoạch số 15-KH\/QU ngày 01\/3\/2019 của Quận ủy Bắc Từ Liêm, chiều ngày 18\/10\/2019, /);
    const onePhoto = generateArticle(record, SEED_PROFILE, { photoIds: [record.photos[1].id] });
    expect(onePhoto.filter((b) => b.type === 'photo').map((b) => (b.type === 'photo' ? b.photoId : 0))).toEqual([record.photos[1].id]);
    const listed = articleText(generateArticle(record, SEED_PROFILE, { listSpeakers: true }));
    expect(listed).toContain('kiến nghị xử lý vấn đề ô nhiễm nguồn nước sông Pheo.');
  });
});

describe('other meetings read naturally and have no broken sentences', () => {
  for (const make of OTHER_FIXTURES) {
    const f = make();
    for (const listSpeakers of [false, true]) {
      it(`${f.name} (listSpeakers ${listSpeakers})`, () => {
        const article = generateArticle(f.record, f.profile, { listSpeakers });
        const minutes = generateMinutes(f.record, f.profile);
        const summary = generateSummary(f.record, f.profile);
        for (const t of [...blockTexts(article), ...blockTexts(minutes)]) expect(textProblems(t), t).toEqual([]);
        for (const t of blockTexts(summary).filter(Boolean)) expect(t).not.toMatch(/undefined|null|NaN/);
        expect(article[0].type).toBe('heading');
      });
    }
  }

  it('pads counts only when the house style says so, and words 1 and 3 naturally', () => {
    const f = phucDienYouth();
    const text = articleText(generateArticle(f.record, f.profile, {}));
    // News style by default: "Tối ngày 3/2/2023"; padding of day and month is a house-style switch.
    expect(text).toContain('Tối ngày 3/2/2023');
    expect(articleText(generateArticle(f.record, { ...f.profile, style: { ...f.profile.style, padDayMonth: true } }, {}))).toContain('Tối ngày 03/02/2023');
    expect(text).toContain('Trước hội nghị, Chi đoàn tổ dân phố số 5 đã gửi 1 kiến nghị.');
    expect(text).toContain('Các kiến nghị tập trung vào các nội dung: bố trí sân chơi thể thao cho thanh niên.');
    expect(text).toContain('đã nêu 3 ý kiến, kiến nghị');
    expect(text).not.toContain('03 ý kiến');
  });

  it('leaves out what was not recorded: no report, no guests, no photos, nothing before the meeting', () => {
    const f = dongAnhFarmers();
    const text = articleText(generateArticle(f.record, f.profile, {}));
    expect(text).toMatch(/^Huyện Đông Anh đối thoại với hội viên nông dân huyện/);
    expect(text).toContain('Sáng ngày 7/3/2024, Huyện Đông Anh tổ chức Hội nghị đối thoại giữa Chủ tịch UBND huyện Đông Anh');
    expect(text).not.toContain('Dự hội nghị có');
    expect(text).not.toContain('Trước hội nghị');
    expect(text).not.toContain('[Ảnh');
    // The promised written answer says who will answer, what, and by when: all entered, nothing invented.
    expect(text).toContain('Phòng Kinh tế, Ngân hàng Chính sách xã hội huyện sẽ trả lời bằng văn bản kiến nghị về hỗ trợ vốn vay ưu đãi');
    expect(text).toContain('trước ngày 15/4/2024');
    const minutes = blockTexts(generateMinutes(f.record, f.profile)).join('\n');
    expect(minutes).toContain('Hội nghị kết thúc vào ……… giờ ……… phút, ngày 07 tháng 3 năm 2024./.');
    expect(minutes).toContain('Nội dung này sẽ được trả lời bằng văn bản (đơn vị giải quyết: Phòng Kinh tế, Ngân hàng Chính sách xã hội huyện; thời hạn: 15/04/2024).');
    expect(minutes).toContain('vắng mặt: 1 (Vũ Đình Khoa – ốm)');
  });
});

describe('minutes body and summary table from the seed', () => {
  const record = seedRecord();
  it('minutes list the fields of Mẫu 1.9 in order and close with the end time', () => {
    const texts = blockTexts(generateMinutes(record, SEED_PROFILE));
    const order = ['Thời gian bắt đầu: 14 giờ 00 phút, ngày 18 tháng 10 năm 2019.', 'Địa điểm: Hội trường UBND quận Bắc Từ Liêm.', 'Thành phần tham dự:', 'Chủ trì (chủ tọa): đồng chí Trương Quang Thiều – TUV, Bí thư Quận ủy.', 'Thư ký (người ghi biên bản): Nguyễn Thị Lan.', 'Nội dung (theo diễn biến cuộc họp):'];
    const idx = order.map((o) => texts.indexOf(o));
    expect(idx.every((i) => i > 0)).toBe(true);
    expect([...idx].sort((a, b) => a - b)).toEqual(idx);
    expect(texts[texts.length - 1]).toBe('Hội nghị kết thúc vào 16 giờ 30 phút, ngày 18 tháng 10 năm 2019./.');
    // What each responder said, as said: a verb follows the name ("… trực tiếp đối thoại …"), the
    // written answers are introduced as such, and the section heading says where it was said.
    expect(texts.join('\n')).toContain('III. Ý kiến, kiến nghị tại hội nghị và trả lời');
    expect(texts.join('\n')).toMatch(/đã trả lời bằng văn bản: /);
    expect(texts.join('\n')).not.toMatch(/trả lời trực tiếp tại hội nghị: Trực tiếp/);
  });

  it('summary numbers its sections by what is present: no pre-meeting items means the hall is I.', () => {
    const { record: farmers, profile } = dongAnhFarmers();
    expect(farmers.recommendations.some((r) => r.phase === 'before')).toBe(false);
    const table = generateSummary(farmers, profile).find((b) => b.type === 'table');
    if (!table || table.type !== 'table') throw new Error('no table');
    const sections = table.rows.filter((r) => r.length === 1 && /^[IVX]+\. /.test(r[0])).map((r) => r[0]);
    expect(sections).toEqual([expect.stringMatching(/^I\. Ý KIẾN, KIẾN NGHỊ TẠI HỘI NGHỊ \(\d+\)$/)]);
  });

  it('summary is one table grouped by phase then topic, with the eight columns', () => {
    const blocks = generateSummary(record, SEED_PROFILE);
    const table = blocks.find((b) => b.type === 'table');
    if (!table || table.type !== 'table') throw new Error('no table');
    expect(table.rows[0]).toEqual([...SUMMARY_COLUMNS]);
    const groups = table.rows.filter((r) => r.length === 1).map((r) => r[0]);
    expect(groups[0]).toBe('I. KIẾN NGHỊ GỬI TRƯỚC HỘI NGHỊ (8)');
    expect(groups).toContain('II. Ý KIẾN, KIẾN NGHỊ TẠI HỘI NGHỊ (8)');
    expect(groups[1]).toBe('1. Vốn vay (2)');
    const data = table.rows.filter((r) => r.length === 8).slice(1);
    expect(data.length).toBe(16);
    expect(data.map((r) => r[0])).toEqual(data.map((_, i) => String(i + 1)));
    expect(data[0][5]).toBe('Bằng văn bản (trước hội nghị)');
  });
});

describe('article HTML and text for the CMS', () => {
  it('escapes whatever the secretary typed', () => {
    const f = phucDienYouth();
    f.record.recommendations[1].raisedByText = '<img src=x onerror=alert(1)>';
    const blocks = generateArticle(f.record, f.profile, { listSpeakers: true });
    const html = articleHtml(blocks, () => 'data:image/jpeg;base64,AAAA');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img src=x');
    expect(html).toMatch(/<h1>Đảng ủy phường Phúc Diễn đối thoại với đoàn viên thanh niên phường Phúc Diễn<\/h1>/);
    expect(html).toContain('<figure><img src="data:image/jpeg;base64,AAAA"');
    expect(html).not.toContain('"javascript:');
    const evil = articleHtml([{ type: 'photo', photoId: 1, caption: 'x' }], () => 'javascript:alert(1)');
    expect(evil).not.toContain('javascript:');
    expect(articleText(blocks)).toContain('<img src=x onerror=alert(1)>');
  });
});
