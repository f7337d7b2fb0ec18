// The article's rules, each with the case that breaks if the rule goes: what was said reaches the
// article, nothing is printed that nobody typed, names and organisations keep their capitals, and
// the lead always has a subject.
import { describe, expect, it } from 'vitest';
import { generateArticle, isMeetingName, meetingName, suggestHeadline } from '../../electron/core/documents/article';
import { generateMinutes } from '../../electron/core/documents/minutes';
import type { DocBlock } from '../../electron/shared/documents';
import { RecordBuilder, meeting, profile } from '../fixtures/documents/build';

const text = (blocks: DocBlock[]) => blocks.map((b) => ('text' in b ? b.text : 'caption' in b ? b.caption : '')).join('\n');
const commune = () =>
  new RecordBuilder(
    meeting(1, {
      title: 'Hội nghị đối thoại với đoàn viên thanh niên',
      organizer: 'UBND xã An Phú',
      audience: 'đoàn viên thanh niên xã',
      locality: 'xã An Phú',
      date: '2025-11-30',
      session: 'sáng',
    }),
  );

describe('article: what was said reaches the article', () => {
  it('prints the opening speech with its speaker', () => {
    const b = commune();
    const chair = b.attendee('Lê Văn Bình', ['Bí thư Đảng ủy', 'Chủ tịch HĐND xã'], 'chair');
    b.speech('opening', chair, 'Nhấn mạnh đối thoại là dịp để cấp ủy, chính quyền lắng nghe thanh niên');
    const t = text(generateArticle(b.record, profile({})));
    expect(t).toContain('Phát biểu khai mạc hội nghị, đồng chí Lê Văn Bình – Bí thư Đảng ủy, Chủ tịch HĐND xã nhấn mạnh đối thoại là dịp');
  });

  it('prints what each leader actually answered, not a stock sentence', () => {
    const b = commune();
    const chair = b.attendee('Lê Văn Bình', ['Chủ tịch UBND xã'], 'chair');
    const r = b.rec('during', { raisedByText: 'Chi đoàn thôn 3', shortPhrase: 'sửa sân bóng thôn 3' });
    b.reply('on_spot', chair, 'Cho biết xã sẽ bố trí kinh phí sửa sân bóng trong quý I năm 2026', [r]);
    const t = text(generateArticle(b.record, profile({})));
    expect(t).toContain('đồng chí Lê Văn Bình – Chủ tịch UBND xã cho biết xã sẽ bố trí kinh phí sửa sân bóng trong quý I năm 2026');
    expect(t).not.toMatch(/trao đổi, giải đáp từng ý kiến/);
  });

  it('joins two answers of one leader into one sentence ("…; đồng thời …")', () => {
    const b = commune();
    const chair = b.attendee('Lê Văn Bình', ['Chủ tịch UBND xã'], 'chair');
    b.rec('during', { shortPhrase: 'việc làm' });
    b.reply('on_spot', chair, 'Ghi nhận toàn bộ kiến nghị');
    b.reply('forwarded', chair, 'Giao các bộ phận chuyên môn rà soát, tham mưu giải quyết', [], { agency: 'các bộ phận chuyên môn' });
    expect(text(generateArticle(b.record, profile({})))).toContain('ghi nhận toàn bộ kiến nghị; đồng thời giao các bộ phận chuyên môn rà soát');
  });

  it('names the agent of a passive answer ("… được R giải trình …")', () => {
    const b = commune();
    b.rec('during', { shortPhrase: 'điện' });
    b.reply('on_spot', 'đồng chí Bí thư, Chủ tịch UBND xã', 'Các ý kiến được giải trình cụ thể');
    expect(text(generateArticle(b.record, profile({})))).toContain('Các ý kiến được đồng chí Bí thư, Chủ tịch UBND xã giải trình cụ thể.');
  });

  it('tells a reply that a speech already reports only once', () => {
    const b = commune();
    const chair = b.attendee('Lê Văn Bình', ['Chủ tịch UBND tỉnh'], 'chair');
    b.rec('during', { shortPhrase: 'giá chè' });
    b.reply('written_later', 'UBND tỉnh', 'Đối với những câu hỏi chưa được trả lời, UBND tỉnh sẽ có văn bản trả lời cụ thể.', [], { agency: 'UBND tỉnh' });
    b.speech('conclusion', chair, 'Đánh giá cao các ý kiến; đối với những câu hỏi chưa được trả lời, UBND tỉnh sẽ có văn bản trả lời cụ thể');
    const t = text(generateArticle(b.record, profile({})));
    expect(t.split('UBND tỉnh sẽ có văn bản trả lời cụ thể').length - 1).toBe(1);
  });

  it('continues a summary with the longer direction instead of saying it twice', () => {
    const b = commune();
    const chair = b.attendee('Lê Văn Bình', ['Chủ tịch UBND xã'], 'chair');
    b.speech('conclusion', chair, 'Đề nghị thanh niên tiếp tục phát huy tinh thần xung kích, sáng tạo', [
      'Thanh niên tiếp tục phát huy tinh thần xung kích, sáng tạo, đặc biệt trong chuyển đổi số',
    ]);
    const t = text(generateArticle(b.record, profile({})));
    expect(t).toContain('đề nghị thanh niên tiếp tục phát huy tinh thần xung kích, sáng tạo, đặc biệt trong chuyển đổi số');
    expect(t.match(/tinh thần xung kích/g)).toHaveLength(1);
  });
});

describe('article: never states what nobody typed', () => {
  it('an empty answer in the hall adds no sentence to the article or the minutes', () => {
    const b = commune();
    const r = b.rec('during', { raisedByText: 'Chi đoàn thôn 3', shortPhrase: 'sửa sân bóng' });
    b.reply('on_spot', '', '', [r]);
    const a = text(generateArticle(b.record, profile({})));
    const m = text(generateMinutes(b.record, profile({})));
    expect(a).not.toMatch(/trả lời|giải đáp/);
    expect(m).not.toMatch(/Cơ quan chức năng|trả lời trực tiếp/);
  });

  it('a promised written answer says the agency and deadline that were entered, nothing more', () => {
    const b = commune();
    const r = b.rec('during', { shortPhrase: 'cấp sổ đỏ cho 12 hộ' });
    b.reply('written_later', '', '', [r], { agency: 'Phòng Kinh tế', deadline: '2025-12-15' });
    expect(text(generateArticle(b.record, profile({})))).toContain('Phòng Kinh tế sẽ trả lời bằng văn bản kiến nghị về cấp sổ đỏ cho 12 hộ trước ngày 15/12/2025.');
  });

  it('the pre-meeting paragraph names the compiler, never an invented "Ban Tổ chức"', () => {
    const b = commune();
    b.rec('before', { raisedByText: 'cử tri thôn 2', shortPhrase: 'đèn đường' });
    const t = text(generateArticle(b.record, profile({})));
    expect(t).toContain('Trước hội nghị, cử tri thôn 2 đã gửi 01 kiến nghị.');
    expect(t).not.toMatch(/Ban Tổ chức|cơ quan chức năng/i);
  });
});

describe('article: a lead with a subject, names kept as names', () => {
  it('has a subject when the organiser is empty: the chair, or the place', () => {
    const b = new RecordBuilder(meeting(1, { title: 'Hội nghị đối thoại với Nhân dân', date: '2022-06-24', location: 'ấp Thạnh Ngọc' }));
    expect(text(generateArticle(b.record, profile({})))).toMatch(/^Ngày 24\/6\/2022, tại ấp Thạnh Ngọc, diễn ra Hội nghị đối thoại với Nhân dân\./mu);
    const chair = b.attendee('Trần Văn Dũng', ['Chủ tịch UBND tỉnh'], 'chair');
    expect(chair.id).toBeGreaterThan(0);
    expect(text(generateArticle(b.record, profile({})))).toContain('Ngày 24/6/2022, đồng chí Trần Văn Dũng – Chủ tịch UBND tỉnh chủ trì Hội nghị đối thoại với Nhân dân tại ấp Thạnh Ngọc.');
  });

  it('keeps "Quận ủy", "Đảng ủy" and "Ủy ban" (also typed "Uỷ ban") capitalised mid-sentence', () => {
    const b = commune();
    b.record.meeting.compiledBy = 'Uỷ ban Mặt trận Tổ quốc Việt Nam xã';
    b.rec('before', { shortPhrase: 'nước sạch' });
    b.group('Các đồng chí lãnh đạo Quận ủy, HĐND, UBND', 'host');
    const t = text(generateArticle(b.record, profile({})));
    expect(t).toContain('Trước hội nghị, Uỷ ban Mặt trận Tổ quốc Việt Nam xã đã tổng hợp');
    expect(t).toContain('Dự hội nghị có các đồng chí lãnh đạo Quận ủy, HĐND, UBND.');
    expect(t).not.toMatch(/có Các đồng chí/);
  });

  it('says "Cùng dự có" once and lists the hall as its own sentence', () => {
    const b = commune();
    b.attendee('Lê Văn Bình', ['Chủ tịch UBND xã'], 'chair');
    b.attendee('Phạm Thị Hoa', ['Bí thư Đảng ủy'], 'host');
    b.group('lãnh đạo các ban, ngành', 'host');
    b.group('hơn 100 đoàn viên thanh niên', 'participant');
    const t = text(generateArticle(b.record, profile({})));
    expect(t.match(/Cùng dự có/g)).toHaveLength(1);
    expect(t).toContain('Hội nghị có sự tham dự của hơn 100 đoàn viên thanh niên.');
  });

  it('adds the hall attendance only when no group says it already', () => {
    const b = commune();
    b.record.meeting.attendance = { text: 'gần 150 đại biểu', count: 150 };
    expect(text(generateArticle(b.record, profile({})))).toContain('Hội nghị có sự tham dự của gần 150 đại biểu.');
    b.group('gần 150 đại biểu của các thôn', 'participant');
    expect(text(generateArticle(b.record, profile({}))).match(/gần 150 đại biểu/gi)).toHaveLength(1);
  });

  it('opens the lead with the legal basis, or with a purpose typed as an opener', () => {
    const b = commune();
    b.record.meeting.legalBasis = ['Kế hoạch số 12-KH/ĐU ngày 02/10/2025 của Ban Thường vụ Đảng ủy xã'];
    expect(text(generateArticle(b.record, profile({})))).toMatch(/^Thực hiện Kế hoạch số 12-KH\/ĐU ngày 02\/10\/2025 của Ban Thường vụ Đảng ủy xã, sáng ngày 30\/11\/2025, UBND xã An Phú tổ chức/mu);
    b.record.meeting.legalBasis = [];
    b.record.meeting.purpose = 'Nhằm tháo gỡ khó khăn cho thanh niên khởi nghiệp';
    expect(text(generateArticle(b.record, profile({})))).toMatch(/^Nhằm tháo gỡ khó khăn cho thanh niên khởi nghiệp, sáng ngày 30\/11\/2025, UBND xã An Phú/mu);
    b.record.meeting.purpose = 'nhằm lắng nghe thanh niên';
    expect(text(generateArticle(b.record, profile({})))).toContain('tổ chức Hội nghị đối thoại với đoàn viên thanh niên nhằm lắng nghe thanh niên.');
  });

  it('follows the house style for dates and names', () => {
    const b = commune();
    b.attendee('Lê Văn Bình', ['Chủ tịch UBND xã'], 'chair');
    const with_ = (style: Parameters<typeof profile>[0]['style']) => text(generateArticle(b.record, profile({ style })));
    expect(with_({ dateStyle: 'plain', dateYear: false })).toMatch(/^Sáng 30\/11, /mu);
    expect(with_({ dateStyle: 'dash', dateYear: false })).toMatch(/^Sáng 30-11, /mu);
    expect(with_({ dateStyle: 'long' })).toMatch(/^Sáng ngày 30 tháng 11 năm 2025, /mu);
    expect(with_({ nameStyle: 'comma' })).toContain('Lê Văn Bình, Chủ tịch UBND xã');
    expect(with_({ nameStyle: 'title-first' })).toContain('Chủ tịch UBND xã Lê Văn Bình');
    expect(with_({ nameStyle: 'hyphen' })).toContain('Lê Văn Bình - Chủ tịch UBND xã');
  });

  it('joins short topics with commas and long ones with semicolons; a full list ends with a full stop', () => {
    const b = commune();
    for (const p of ['giao thông nông thôn', 'điện', 'nước', 'giá cả xăng dầu, mặt hàng thiết yếu tăng cao']) b.rec('during', { shortPhrase: p });
    const t = text(generateArticle(b.record, profile({})));
    expect(t).toContain('giao thông nông thôn, điện, nước; giá cả xăng dầu, mặt hàng thiết yếu tăng cao.');
    b.record.meeting.counts.during = 9;
    expect(text(generateArticle(b.record, profile({ style: { padCounts: false } })))).toContain('đã nêu 9 ý kiến, kiến nghị, tập trung vào các nội dung: giao thông nông thôn, điện, nước; giá cả xăng dầu, mặt hàng thiết yếu tăng cao…');
  });
});

describe('honorifics', () => {
  it('says "các đồng chí" once for several people in one clause, "đồng chí" for one, none with the titles first', () => {
    const b = commune();
    b.attendee('Lê Văn Bình', ['Chủ tịch UBND xã'], 'chair');
    b.attendee('Phạm Thị Hoa', ['Bí thư Đảng ủy'], 'host');
    b.attendee('Trần Văn Nam', ['Phó Chủ tịch UBND xã'], 'host');
    const t = text(generateArticle(b.record, profile({})));
    expect(t).toContain('Đồng chí Lê Văn Bình – Chủ tịch UBND xã chủ trì hội nghị.');
    expect(t).toContain('Cùng dự có các đồng chí Phạm Thị Hoa – Bí thư Đảng ủy; Trần Văn Nam – Phó Chủ tịch UBND xã.');
    expect(t).not.toMatch(/đồng chí Trần Văn Nam/);
    const tf = text(generateArticle(b.record, profile({ style: { nameStyle: 'title-first' } })));
    expect(tf).toContain('Cùng dự có Bí thư Đảng ủy Phạm Thị Hoa, Phó Chủ tịch UBND xã Trần Văn Nam.');
    expect(tf).not.toMatch(/đồng chí/);
  });
});

describe('headline and meeting name', () => {
  it('suggests a short news headline apart from the official name, and keeps the secretary\'s own', () => {
    const b = commune();
    expect(suggestHeadline(b.record)).toBe('UBND xã An Phú đối thoại với đoàn viên thanh niên xã');
    b.record.meeting.headline = 'Thanh niên An Phú hiến kế phát triển kinh tế';
    expect(generateArticle(b.record, profile({}))[0]).toEqual({ type: 'heading', text: 'Thanh niên An Phú hiến kế phát triển kinh tế' });
  });

  it('treats a title written as a sentence as a headline, and finds the meeting in it', () => {
    expect(isMeetingName('Hội nghị đối thoại với Nhân dân')).toBe(true);
    expect(isMeetingName('buổi tiếp xúc cử tri trước kỳ họp')).toBe(true);
    expect(isMeetingName('Phường 10 tổ chức hội nghị tiếp xúc đối thoại')).toBe(false);
    const b = new RecordBuilder(meeting(1, { title: 'Phường 10 tổ chức hội nghị tiếp xúc đối thoại với Nhân dân', organizer: 'Phường 10' }));
    expect(meetingName(b.record)).toBe('hội nghị tiếp xúc đối thoại với Nhân dân');
    expect(suggestHeadline(b.record)).toBe('Phường 10 tổ chức hội nghị tiếp xúc đối thoại với Nhân dân');
    expect(text(generateArticle(b.record, profile({})))).toContain('Phường 10 tổ chức hội nghị tiếp xúc đối thoại với Nhân dân.');
    expect(text(generateArticle(b.record, profile({})))).not.toMatch(/tổ chức Phường 10/);
  });

  it('builds a name for a meeting with voters (tiếp xúc cử tri) with the deputies as subject', () => {
    const b = new RecordBuilder(meeting(1, { kind: 'tiếp xúc cử tri', audience: 'cử tri xã Lộc Quang', locality: 'xã Lộc Quang', date: '2025-11-04', session: 'chiều' }));
    b.attendee('Nguyễn Thị Thuận', ['đại biểu HĐND tỉnh'], 'reporter');
    const t = text(generateArticle(b.record, profile({})));
    expect(t).toContain('Chiều ngày 4/11/2025, đồng chí Nguyễn Thị Thuận – đại biểu HĐND tỉnh tiếp xúc cử tri xã Lộc Quang.');
    expect(t).not.toMatch(/cử tri với cử tri/);
  });
});
