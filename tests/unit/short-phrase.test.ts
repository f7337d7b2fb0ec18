import { describe, expect, it } from 'vitest';
import { suggestShortPhrase } from '../../renderer/src/lib/short-phrase';

describe('suggestShortPhrase', () => {
  it('drops the opener and lower-cases the first letter', () => {
    expect(suggestShortPhrase('Đề nghị xử lý vấn đề ô nhiễm nguồn nước sông Pheo.')).toBe('xử lý vấn đề ô nhiễm nguồn nước sông Pheo');
    expect(suggestShortPhrase('Kiến nghị: Tăng cường các hoạt động hỗ trợ phụ nữ khởi nghiệp')).toBe('tăng cường các hoạt động hỗ trợ phụ nữ khởi nghiệp');
    expect(suggestShortPhrase('Mong muốn Quận quan tâm')).toBe('Quận quan tâm');
    expect(suggestShortPhrase('Đề xuất, đề nghị bổ sung kinh phí')).toBe('bổ sung kinh phí');
  });

  it('keeps only the first clause, not cut at commas', () => {
    expect(suggestShortPhrase('Bổ sung thêm nguồn kinh phí hoạt động cho Hội phụ nữ phường. Hiện nay kinh phí rất ít; các chi hội khó khăn.')).toBe(
      'bổ sung thêm nguồn kinh phí hoạt động cho Hội phụ nữ phường',
    );
    expect(suggestShortPhrase('Quan tâm hỗ trợ cán bộ, hội viên phụ nữ vay vốn; nâng cao đời sống')).toBe('quan tâm hỗ trợ cán bộ, hội viên phụ nữ vay vốn');
    expect(suggestShortPhrase('Dòng đầu\ndòng hai. Câu sau')).toBe('dòng đầu dòng hai');
  });

  it('never cuts a clause mid-word: a long one is cut at a comma, or kept whole', () => {
    const long = Array.from({ length: 30 }, (_, i) => `từ${i}`).join(' ');
    expect(suggestShortPhrase(long)).toBe(long);
    // The cases: "…giữ cương" and "…vay vốn để phát" were cut inside "cương vị" and "phát triển".
    const s = 'Có giải pháp lãnh đạo, chỉ đạo trong nhiệm kỳ 2020 – 2025 nâng cao tỷ lệ nữ giữ cương vị lãnh đạo trong các cơ quan, đơn vị của Quận và các phường';
    expect(suggestShortPhrase(s)).toBe('có giải pháp lãnh đạo, chỉ đạo trong nhiệm kỳ 2020 – 2025 nâng cao tỷ lệ nữ giữ cương vị lãnh đạo trong các cơ quan');
    expect(suggestShortPhrase('Quan tâm hỗ trợ cán bộ, hội viên phụ nữ, nữ công nhân lao động được vay vốn để phát triển sản xuất, kinh doanh, nâng cao đời sống')).toBe(
      'quan tâm hỗ trợ cán bộ, hội viên phụ nữ, nữ công nhân lao động được vay vốn để phát triển sản xuất, kinh doanh',
    );
    // A comma too early to leave a phrase of substance is not a place to cut.
    expect(suggestShortPhrase(`Ở tổ 5, ${long}`)).toBe(`ở tổ 5, ${long}`);
    expect(suggestShortPhrase('xử lý rác thải, ')).toBe('xử lý rác thải');
    expect(suggestShortPhrase('xử lý rác thải…')).toBe('xử lý rác thải');
  });

  it('keeps acronyms and proper nouns capitalised', () => {
    expect(suggestShortPhrase('GPMB các dự án chậm')).toBe('GPMB các dự án chậm');
    expect(suggestShortPhrase('UBND Quận sớm trả lời')).toBe('UBND Quận sớm trả lời');
    expect(suggestShortPhrase('Tây Tựu cần giữ làng hoa')).toBe('Tây Tựu cần giữ làng hoa');
    expect(suggestShortPhrase('Quận tập trung đẩy nhanh tiến độ')).toBe('Quận tập trung đẩy nhanh tiến độ');
  });

  it('handles empty and opener-only input, and decomposed (Unikey) text', () => {
    expect(suggestShortPhrase('')).toBe('');
    expect(suggestShortPhrase('   Đề nghị   ')).toBe('');
    expect(suggestShortPhrase('Đề nghị Tăng cường'.normalize('NFD'))).toBe('tăng cường');
    expect(suggestShortPhrase('Có giải pháp nâng cao tỷ lệ nữ giữ cương vị lãnh đạo, nhiệm kỳ 2020 – 2025')).toBe(
      'có giải pháp nâng cao tỷ lệ nữ giữ cương vị lãnh đạo, nhiệm kỳ 2020 – 2025',
    );
  });
});
