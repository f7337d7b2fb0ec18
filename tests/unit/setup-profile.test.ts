// The first-run form's rules: the code that goes with the kind of body, the place read off the
// body's name, the Vietnamese messages, and the header lines as the minutes print them.
import { describe, expect, it } from 'vitest';
import {
  EMPTY_PROFILE,
  countExample,
  headerCase,
  normaliseProfile,
  numberLine,
  placeDateLine,
  suggestDocCode,
  suggestPlaceName,
  validateProfile,
} from '../../renderer/src/screens/setup/profile-form';
import { docNumberLine, placeDateLine as minutesPlaceDate } from '../../electron/core/documents/docx-minutes';
import { SAMPLE_PROFILE } from '../../electron/core/sample';

describe('first-run profile form', () => {
  it('suggests the document code from the kind of issuing body', () => {
    expect(suggestDocCode(false, 'UBND QUẬN BẮC TỪ LIÊM')).toBe('BB-UBND');
    expect(suggestDocCode(false, 'HĐND QUẬN BẮC TỪ LIÊM')).toBe('BB-HĐND');
    expect(suggestDocCode(true, 'QUẬN ỦY BẮC TỪ LIÊM')).toBe('BB/QU');
    expect(suggestDocCode(true, 'QUẬN UỶ BẮC TỪ LIÊM')).toBe('BB/QU');
    expect(suggestDocCode(true, 'HUYỆN ỦY ĐÔNG ANH')).toBe('BB/HU');
    expect(suggestDocCode(true, 'ĐẢNG ỦY PHƯỜNG CỔ NHUẾ 1')).toBe('BB/ĐU');
    expect(suggestDocCode(true, '')).toBe('BB/QU');
  });

  it('reads the place for the date line off the body', () => {
    expect(suggestPlaceName('UBND QUẬN BẮC TỪ LIÊM')).toBe('Bắc Từ Liêm');
    expect(suggestPlaceName('quận ủy bắc từ liêm')).toBe('Bắc Từ Liêm');
    expect(suggestPlaceName('UBND QUẬN 1')).toBe('Quận 1');
    expect(suggestPlaceName('UBND THỊ XÃ SƠN TÂY')).toBe('Sơn Tây');
    expect(suggestPlaceName('HỘI LIÊN HIỆP PHỤ NỮ')).toBe('');
  });

  it('upper-cases names the Vietnamese way, in NFC', () => {
    const combining = 'ubnd quận bắc từ liêm'.normalize('NFD');
    expect(headerCase(combining)).toBe('UBND QUẬN BẮC TỪ LIÊM');
    expect(headerCase(combining)).toBe(headerCase(combining).normalize('NFC'));
  });

  it('says in Vietnamese what is missing or wrong', () => {
    const e = validateProfile(EMPTY_PROFILE);
    expect(Object.keys(e).sort()).toEqual(['issuingBody', 'placeName']);
    expect(e.issuingBody).toMatch(/^Hãy ghi tên cơ quan ban hành/);
    expect(validateProfile({ ...SAMPLE_PROFILE, docCode: 'BB - UBND' }).docCode).toMatch(/không có dấu cách/);
    expect(validateProfile({ ...SAMPLE_PROFILE, docCode: '' }).docCode).toMatch(/ký hiệu biên bản/);
    expect(validateProfile({ ...SAMPLE_PROFILE, isParty: true, docCode: 'QU' }).docCode).toMatch(/BB\/QU/);
    expect(validateProfile(SAMPLE_PROFILE)).toEqual({});
  });

  it('normalises what is saved', () => {
    const p = normaliseProfile({ ...SAMPLE_PROFILE, issuingBody: ' ubnd  quận bắc từ liêm ', docCode: 'BB- UBND ', placeName: ' Bắc Từ Liêm ' });
    expect([p.issuingBody, p.docCode, p.placeName]).toEqual(['UBND QUẬN BẮC TỪ LIÊM', 'BB-UBND', 'Bắc Từ Liêm']);
  });

  it('previews the number and the date line exactly as the minutes print them', () => {
    expect(numberLine(SAMPLE_PROFILE, 5)).toBe(docNumberLine(SAMPLE_PROFILE, 5));
    const party = { ...SAMPLE_PROFILE, isParty: true, docCode: 'BB/QU' };
    expect(numberLine(party, 12)).toBe('Số 12-BB/QU');
    expect(numberLine(party, 12)).toBe(docNumberLine(party, 12));
    for (const iso of ['2019-10-18', '2026-02-05', '2026-01-09', '2026-12-31']) {
      const [y, m, d] = iso.split('-').map(Number);
      expect(placeDateLine('Bắc Từ Liêm', new Date(y, m - 1, d))).toBe(minutesPlaceDate(SAMPLE_PROFILE, iso));
    }
  });

  it('shows the count the way the article will', () => {
    expect(countExample(true)).toBe('08 kiến nghị');
    expect(countExample(false)).toBe('8 kiến nghị');
  });
});
