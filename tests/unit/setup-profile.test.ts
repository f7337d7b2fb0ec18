// The first-run form's rules: the code that goes with the kind of body, the place read off the
// body's name, the Vietnamese messages, and the header lines as the minutes print them.
import { describe, expect, it } from 'vitest';
import {
  EMPTY_PROFILE,
  articleDateExample,
  countExample,
  levelExamples,
  nameExample,
  headerCase,
  normaliseProfile,
  numberLine,
  placeDateLine,
  suggestDocCode,
  suggestPlaceName,
  validateProfile,
} from '../../renderer/src/screens/setup/profile-form';
import { docNumberLine } from '../../electron/shared/minutes-text';
import { SAMPLE_PROFILE } from '../../electron/core/sample';
import { newsDate } from '../../electron/core/documents/vi-text';
import { comrade } from '../../electron/core/documents/people';
import { DATE_STYLES, NAME_STYLES, UNIT_LEVELS } from '../../electron/shared/domain';

describe('first-run profile form', () => {
  it('suggests the document code from the kind of issuing body', () => {
    expect(suggestDocCode(false, 'UBND QUẬN BẮC TỪ LIÊM')).toBe('BB-UBND');
    expect(suggestDocCode(false, 'HĐND QUẬN BẮC TỪ LIÊM')).toBe('BB-HĐND');
    expect(suggestDocCode(true, 'QUẬN ỦY BẮC TỪ LIÊM')).toBe('BB/QU');
    expect(suggestDocCode(true, 'QUẬN UỶ BẮC TỪ LIÊM')).toBe('BB/QU');
    expect(suggestDocCode(true, 'HUYỆN ỦY ĐÔNG ANH')).toBe('BB/HU');
    expect(suggestDocCode(true, 'ĐẢNG ỦY PHƯỜNG CỔ NHUẾ 1')).toBe('BB/ĐU');
    expect(suggestDocCode(true, 'TỈNH ỦY BẮC NINH')).toBe('BB/TU');
    expect(suggestDocCode(true, 'THÀNH ỦY HÀ NỘI')).toBe('BB/TU');
    // Nothing typed yet: the committee of the chosen level; since 1/7/2025 a commune by default.
    expect(suggestDocCode(true, '')).toBe('BB/ĐU');
    expect(suggestDocCode(true, '', 'commune')).toBe('BB/ĐU');
    expect(suggestDocCode(true, '', 'province')).toBe('BB/TU');
    expect(suggestDocCode(true, '', 'district')).toBe('BB/QU');
    expect(suggestDocCode(false, '', 'province')).toBe('BB-UBND');
    // The unit in a State body's name still says which committee it is.
    expect(suggestDocCode(true, 'UBND QUẬN BẮC TỪ LIÊM', 'commune')).toBe('BB/QU');
    expect(suggestDocCode(true, 'UBND PHƯỜNG TÂY TỰU', 'province')).toBe('BB/ĐU');
    expect(suggestDocCode(true, 'UBND THỊ XÃ SƠN TÂY', 'district')).toBe('BB/TU');
    expect(suggestDocCode(true, 'UBND TỈNH BẮC NINH', 'commune')).toBe('BB/TU');
    expect(suggestDocCode(true, 'HỘI LIÊN HIỆP PHỤ NỮ', 'province')).toBe('BB/TU');
  });

  it('reads the place for the date line off the body', () => {
    expect(suggestPlaceName('UBND QUẬN BẮC TỪ LIÊM')).toBe('Bắc Từ Liêm');
    expect(suggestPlaceName('quận ủy bắc từ liêm')).toBe('Bắc Từ Liêm');
    expect(suggestPlaceName('UBND QUẬN 1')).toBe('Quận 1');
    expect(suggestPlaceName('UBND THỊ XÃ SƠN TÂY')).toBe('Sơn Tây');
    expect(suggestPlaceName('HỘI LIÊN HIỆP PHỤ NỮ')).toBe('');
    expect(suggestPlaceName('UBND PHƯỜNG TÂY TỰU')).toBe('Tây Tựu');
    expect(suggestPlaceName('ĐẢNG ỦY PHƯỜNG TÂY TỰU')).toBe('Tây Tựu');
    expect(suggestPlaceName('UBND XÃ CHÍ MINH')).toBe('Chí Minh');
    expect(suggestPlaceName('TỈNH ỦY BẮC NINH')).toBe('Bắc Ninh');
    expect(suggestPlaceName('THÀNH ỦY HÀ NỘI')).toBe('Hà Nội');
    expect(suggestPlaceName('UBND ĐẶC KHU PHÚ QUỐC')).toBe('Phú Quốc');
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
    // The examples in the messages follow the level: a commune office never reads of a quận.
    expect(e.issuingBody).toBe('Hãy ghi tên cơ quan ban hành, ví dụ UBND PHƯỜNG TÂY TỰU.');
    expect(e.placeName).toBe('Hãy ghi địa danh cho dòng ngày tháng, ví dụ Tây Tựu.');
    expect(validateProfile({ ...EMPTY_PROFILE, level: 'province', isParty: true }).issuingBody).toBe('Hãy ghi tên cơ quan ban hành, ví dụ TỈNH ỦY BẮC NINH.');
    expect(validateProfile({ ...EMPTY_PROFILE, level: 'district' }).issuingBody).toBe('Hãy ghi tên cơ quan ban hành, ví dụ UBND QUẬN BẮC TỪ LIÊM.');
    expect(validateProfile({ ...SAMPLE_PROFILE, docCode: 'BB - UBND' }).docCode).toMatch(/không có dấu cách/);
    expect(validateProfile({ ...SAMPLE_PROFILE, docCode: '' }).docCode).toMatch(/ký hiệu biên bản/);
    expect(validateProfile({ ...SAMPLE_PROFILE, isParty: true, docCode: 'QU' }).docCode).toMatch(/BB\/QU/);
    expect(validateProfile({ ...SAMPLE_PROFILE, level: 'commune', isParty: true, docCode: 'ĐU' }).docCode).toMatch(/BB\/ĐU/);
    expect(validateProfile(SAMPLE_PROFILE)).toEqual({});
  });

  it('normalises what is saved', () => {
    const p = normaliseProfile({ ...SAMPLE_PROFILE, issuingBody: ' ubnd  quận bắc từ liêm ', docCode: 'BB- UBND ', placeName: ' Bắc Từ Liêm ' });
    expect([p.issuingBody, p.docCode, p.placeName]).toEqual(['UBND QUẬN BẮC TỪ LIÊM', 'BB-UBND', 'Bắc Từ Liêm']);
  });

  it('previews the number and the date line with the minutes’ own functions, for the local day', () => {
    // One implementation (electron/shared/minutes-text.ts), not a copy kept in step by a test.
    expect(numberLine).toBe(docNumberLine);
    const party = { ...SAMPLE_PROFILE, isParty: true, docCode: 'BB/QU' };
    expect(numberLine(party, 12)).toBe('Số 12-BB/QU');
    // The preview's own part: a Date of this computer's calendar, read as that local day.
    expect(placeDateLine('Bắc Từ Liêm', new Date(2019, 9, 18, 23, 59))).toBe('Bắc Từ Liêm, ngày 18 tháng 10 năm 2019');
    expect(placeDateLine('Bắc Từ Liêm', new Date(2026, 1, 5, 0, 0))).toBe('Bắc Từ Liêm, ngày 05 tháng 02 năm 2026');
    expect(placeDateLine('Bắc Từ Liêm', new Date(2026, 0, 9))).toBe('Bắc Từ Liêm, ngày 09 tháng 01 năm 2026');
    expect(placeDateLine('Bắc Từ Liêm', new Date(2026, 11, 31))).toBe('Bắc Từ Liêm, ngày 31 tháng 12 năm 2026');
  });

  it('shows the count the way the article will', () => {
    expect(countExample(true)).toBe('08 kiến nghị');
    expect(countExample(false)).toBe('8 kiến nghị');
  });
});

describe('examples by level (two tiers since 1/7/2025)', () => {
  it('shows a commune office a phường under the city, with the Party code BB/ĐU', () => {
    const state = levelExamples('commune', false);
    const party = levelExamples('commune', true);
    expect([state.issuingBody, state.parentBody, state.docCode]).toEqual(['UBND PHƯỜNG TÂY TỰU', 'UBND THÀNH PHỐ HÀ NỘI', 'BB-UBND']);
    expect([party.issuingBody, party.parentBody, party.docCode]).toEqual(['ĐẢNG ỦY PHƯỜNG TÂY TỰU', 'ĐẢNG BỘ THÀNH PHỐ HÀ NỘI', 'BB/ĐU']);
    expect(numberLine({ isParty: true, docCode: party.docCode }, 5)).toBe('Số 05-BB/ĐU');
  });

  it('shows a province office its Tỉnh ủy with BB/TU', () => {
    expect(levelExamples('province', false).issuingBody).toMatch(/^UBND TỈNH /);
    expect(levelExamples('province', true).issuingBody).toMatch(/^TỈNH ỦY /);
    expect(levelExamples('province', true).docCode).toBe('BB/TU');
  });

  it('never says quận or huyện unless the old district level is chosen', () => {
    const district = /quận|huyện/iu;
    for (const level of UNIT_LEVELS)
      for (const isParty of [false, true]) {
        const text = JSON.stringify(levelExamples(level, isParty));
        if (level === 'district') expect(text).toMatch(district);
        else expect(text, `${level} ${isParty}`).not.toMatch(district);
      }
  });
});

describe('house-style previews print what the article prints', () => {
  it('dates the example meeting exactly as newsDate does, in every style', () => {
    const seen = new Set<string>();
    for (const dateStyle of DATE_STYLES)
      for (const dateYear of [true, false])
        for (const padDayMonth of [true, false]) {
          const style = { dateStyle, dateYear, padDayMonth };
          const shown = articleDateExample(style);
          expect(shown).toBe(newsDate('2025-08-05', null, '14:00', style));
          seen.add(shown);
        }
    // Each choice shows something different, so the secretary can tell them apart.
    expect(seen.size).toBe(DATE_STYLES.length * 4);
    expect(articleDateExample({ dateStyle: 'ngay', dateYear: true, padDayMonth: false })).toBe('Chiều ngày 5/8/2025');
    expect(articleDateExample({ dateStyle: 'dash', dateYear: false, padDayMonth: true })).toBe('Chiều 05-08');
  });

  it('names the example person exactly as the article does, in every style', () => {
    const person = levelExamples('commune', false).person;
    for (const style of NAME_STYLES) expect(nameExample(style, person)).toBe(comrade(person, 'full', style));
    expect(nameExample('dash', person)).toBe('đồng chí Nguyễn Văn An – Bí thư Đảng ủy, Chủ tịch UBND phường');
    expect(nameExample('title-first', person)).toBe('Bí thư Đảng ủy, Chủ tịch UBND phường Nguyễn Văn An');
    expect(nameExample('title-first', { fullName: 'Nguyễn Văn An', titles: [] })).toBe(comrade({ fullName: 'Nguyễn Văn An', titles: [] }, 'full', 'title-first'));
  });
});
