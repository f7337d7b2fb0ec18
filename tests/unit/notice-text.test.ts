// The fixed lines of the notice and the report (electron/shared/notice-text.ts): the number with
// the type's abbreviation, and the signature's authority line, State (NĐ 30) and Party (HD 36).
import { describe, expect, it } from 'vitest';
import { bodyInText, defaultAuthority, defaultSignerTitle, noticeSignature, reportRecipients, signingRank, typedDocCode, typedNumberLine } from '../../electron/shared/notice-text';

const state = { isParty: false, docCode: 'BB-UBND', issuingBody: 'UBND PHƯỜNG TÂY TỰU' };
const party = { isParty: true, docCode: 'BB/ĐU', issuingBody: 'ĐẢNG ỦY PHƯỜNG TÂY TỰU' };

describe('number line with the type abbreviation', () => {
  it('swaps the minutes code for the notice or report code', () => {
    expect(typedDocCode(state, 'TB')).toBe('TB-UBND');
    expect(typedDocCode(state, 'BC')).toBe('BC-UBND');
    expect(typedDocCode(party, 'TB')).toBe('TB/ĐU');
    expect(typedDocCode({ isParty: true, docCode: ' -BB/QU ' }, 'BC')).toBe('BC/QU');
    expect(typedDocCode({ isParty: false, docCode: 'UBND' }, 'TB')).toBe('TB-UBND');
    expect(typedDocCode({ isParty: true, docCode: 'ĐU' }, 'TB')).toBe('TB/ĐU');
    expect(typedDocCode({ isParty: false, docCode: '' }, 'TB')).toBe('TB');
    // A code that is not a type abbreviation stays whole ("VP-UBND" is the office's own sign).
    expect(typedDocCode({ isParty: false, docCode: 'VP-UBND' }, 'TB')).toBe('TB-VP-UBND');
  });
  it('prints "Số: 12/TB-UBND" and "Số 12-TB/ĐU", or the blank', () => {
    expect(typedNumberLine(state, 'TB', 12)).toBe('Số: 12/TB-UBND');
    expect(typedNumberLine(state, 'TB', 5)).toBe('Số: 05/TB-UBND');
    expect(typedNumberLine(state, 'BC', null)).toBe('Số:      /BC-UBND');
    expect(typedNumberLine(party, 'TB', 12)).toBe('Số 12-TB/ĐU');
    expect(typedNumberLine(party, 'TB', undefined)).toBe('Số      -TB/ĐU');
  });
});

describe('signature', () => {
  it('defaults: TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH, T/M BAN THƯỜNG VỤ / BÍ THƯ', () => {
    expect(defaultAuthority(state)).toBe('TM. ỦY BAN NHÂN DÂN');
    expect(defaultAuthority({ isParty: false, issuingBody: 'Ủy ban nhân dân xã Chí Minh' })).toBe('TM. ỦY BAN NHÂN DÂN');
    expect(defaultAuthority({ isParty: false, issuingBody: 'HĐND PHƯỜNG X' })).toBe('TM. HỘI ĐỒNG NHÂN DÂN');
    expect(defaultAuthority({ isParty: false, issuingBody: 'VĂN PHÒNG UBND TỈNH' })).toBe('');
    expect(defaultAuthority(party)).toBe('T/M BAN THƯỜNG VỤ');
    expect(defaultSignerTitle(state)).toBe('CHỦ TỊCH');
    expect(defaultSignerTitle(party)).toBe('BÍ THƯ');
  });
  it('the chosen authority, title and signer win; the chair signs by default', () => {
    expect(noticeSignature(state, undefined, ' Nguyễn Văn A ')).toEqual({ authority: 'TM. ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH', name: 'Nguyễn Văn A' });
    expect(noticeSignature(state, { authority: 'tl. chủ tịch', signerTitle: 'Chánh Văn phòng', signerName: 'Trần Thị B' }, 'Nguyễn Văn A')).toEqual({
      authority: 'TL. CHỦ TỊCH',
      title: 'CHÁNH VĂN PHÒNG',
      name: 'Trần Thị B',
    });
    expect(noticeSignature(state, { authority: '', signerTitle: '  ' }, 'A').authority).toBe('');
    expect(noticeSignature(state, { authority: '', signerTitle: '  ' }, 'A').title).toBe('CHỦ TỊCH');
    expect(noticeSignature(party, {}, 'A')).toEqual({ authority: 'T/M BAN THƯỜNG VỤ', title: 'BÍ THƯ', name: 'A' });
  });
});

describe('who signs by default (review: a name only under a title its holder has)', () => {
  const xa = { isParty: false, issuingBody: 'UBND XÃ CHÍ MINH' };
  const dangUy = { isParty: true, issuingBody: 'ĐẢNG ỦY XÃ CHÍ MINH' };
  const chair = (titles: string[], fullName = 'Vũ Minh Thành') => ({ fullName, titles, role: 'chair' });

  it('the chair who heads the body signs TM. … / CHỦ TỊCH; a deputy signs KT. CHỦ TỊCH / PHÓ CHỦ TỊCH', () => {
    expect(noticeSignature(xa, {}, [chair(['Phó bí thư đảng uỷ', 'Chủ tịch UBND xã'])])).toEqual({ authority: 'TM. ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH', name: 'Vũ Minh Thành' });
    expect(noticeSignature(xa, {}, [chair(['Phó Chủ tịch Ủy ban nhân dân xã'])])).toEqual({ authority: 'KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', name: 'Vũ Minh Thành' });
  });

  it('Party: Bí thư or Phó Bí thư (thường trực) of this committee, under T/M BAN THƯỜNG VỤ (HD 36 has no KT.)', () => {
    expect(noticeSignature(dangUy, {}, [chair(['Phó bí thư đảng uỷ', 'Chủ tịch UBND xã'])])).toEqual({ authority: 'T/M BAN THƯỜNG VỤ', title: 'PHÓ BÍ THƯ', name: 'Vũ Minh Thành' });
    expect(noticeSignature(dangUy, {}, [chair(['Phó Bí thư Thường trực Đảng ủy'], 'Vũ Thị Bền')]).title).toBe('PHÓ BÍ THƯ');
    expect(noticeSignature(dangUy, {}, [chair(['Bí thư Đảng ủy xã'])])).toMatchObject({ title: 'BÍ THƯ', name: 'Vũ Minh Thành' });
  });

  it('a title of another body or level never signs; the head among the attendees does', () => {
    // "Bí thư Quận ủy" chairs, but a UBND signs by its Chủ tịch, and a phường is not a quận.
    const people = [chair(['TUV', 'Bí thư Quận ủy'], 'Trương Quang Thiều'), { fullName: 'Trần Thế Cương', titles: ['Phó Bí thư Quận ủy', 'Chủ tịch UBND Quận'], role: 'reporter' }];
    expect(noticeSignature({ isParty: false, issuingBody: 'UBND QUẬN BẮC TỪ LIÊM' }, {}, people)).toEqual({ authority: 'TM. ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH', name: 'Trần Thế Cương' });
    expect(noticeSignature({ isParty: false, issuingBody: 'UBND PHƯỜNG TÂY TỰU' }, {}, people)).toEqual({ authority: 'TM. ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH', name: '' });
    expect(noticeSignature({ isParty: false, issuingBody: 'HĐND QUẬN BẮC TỪ LIÊM' }, {}, people).name).toBe('');
    expect(noticeSignature({ isParty: true, issuingBody: 'QUẬN ỦY BẮC TỪ LIÊM' }, {}, people)).toMatchObject({ title: 'BÍ THƯ', name: 'Trương Quang Thiều' });
    expect(noticeSignature({ isParty: true, issuingBody: 'ĐẢNG ỦY PHƯỜNG TÂY TỰU' }, {}, people).name).toBe('');
    expect(noticeSignature(xa, {}, [chair(['Chủ tịch UBND tỉnh'])]).name).toBe('');
  });

  it('a title chosen without a name leaves the name to fill; a chosen name always wins', () => {
    const c = [chair(['Chủ tịch UBND xã'])];
    expect(noticeSignature(xa, { authority: 'TL. CHỦ TỊCH', signerTitle: 'Chánh Văn phòng' }, c)).toEqual({ authority: 'TL. CHỦ TỊCH', title: 'CHÁNH VĂN PHÒNG', name: '' });
    expect(noticeSignature(xa, { signerTitle: 'chủ tịch' }, c).name).toBe('Vũ Minh Thành');
    expect(noticeSignature(xa, { signerName: 'Lê Văn Bình' }, c).name).toBe('Lê Văn Bình');
  });

  it('signingRank reads the rank and checks the body', () => {
    expect(signingRank(xa, 'Chủ tịch Ủy ban nhân dân xã')).toBe('head');
    expect(signingRank(xa, 'Chủ tịch HĐND xã')).toBeNull();
    expect(signingRank(xa, 'Chủ tịch Hội Nông dân xã')).toBeNull();
    expect(signingRank({ isParty: true, issuingBody: 'TỈNH ỦY NINH BÌNH' }, 'Phó Bí thư Tỉnh uỷ')).toBe('deputy');
  });
});

describe('bodies in running text and the report’s recipients', () => {
  it('bodyInText: capitals of the header become the sentence form of Phụ lục II', () => {
    expect(bodyInText('UBND PHƯỜNG TÂY TỰU')).toBe('UBND phường Tây Tựu');
    expect(bodyInText('ỦY BAN NHÂN DÂN XÃ CHÍ MINH')).toBe('Ủy ban nhân dân xã Chí Minh');
    expect(bodyInText('ĐẢNG ỦY PHƯỜNG TÂY TỰU')).toBe('Đảng ủy phường Tây Tựu');
    expect(bodyInText('ĐẢNG BỘ THÀNH PHỐ HÀ NỘI')).toBe('Đảng bộ thành phố Hà Nội');
    expect(bodyInText('TỈNH ỦY NINH BÌNH')).toBe('Tỉnh ủy Ninh Bình');
    expect(bodyInText('THÀNH UỶ HẢI PHÒNG')).toBe('Thành ủy Hải Phòng');
    expect(bodyInText('UBND PHƯỜNG 10')).toBe('UBND Phường 10');
    expect(bodyInText('HĐND ĐẶC KHU PHÚ QUỐC')).toBe('HĐND đặc khu Phú Quốc');
    // Mixed case is the secretary's own writing: kept.
    expect(bodyInText(' UBND xã Chí Minh ')).toBe('UBND xã Chí Minh');
    expect(bodyInText('')).toBe('');
  });

  it('reportRecipients: the parent by name (a Đảng bộ reports to its Tỉnh ủy / Thành ủy), the standing committees, the archive', () => {
    expect(reportRecipients({ isParty: false, issuingBody: 'UBND PHƯỜNG TÂY TỰU', parentBody: 'UBND THÀNH PHỐ HÀ NỘI' })).toEqual([
      'UBND thành phố Hà Nội (để báo cáo)',
      'Thường trực Đảng ủy, HĐND phường (để báo cáo)',
      'Lưu: VT',
    ]);
    expect(reportRecipients({ isParty: false, issuingBody: 'UBND TỈNH NINH BÌNH', parentBody: '' })).toEqual(['Thường trực Tỉnh ủy, HĐND tỉnh (để báo cáo)', 'Lưu: VT']);
    expect(reportRecipients({ isParty: true, issuingBody: 'ĐẢNG ỦY XÃ CHÍ MINH', parentBody: 'ĐẢNG BỘ TỈNH NINH BÌNH' })).toEqual([
      'Tỉnh ủy Ninh Bình (để báo cáo)',
      'Các đồng chí Ủy viên Ban Thường vụ',
      'Lưu: VT',
    ]);
    expect(reportRecipients({ isParty: false, issuingBody: 'VĂN PHÒNG UBND TỈNH', parentBody: '' })).toEqual(['Cơ quan cấp trên (để báo cáo)', 'Lưu: VT']);
  });
});
