// The documents screen redraws the minutes' header, signatures and "Nơi nhận" around the draft
// (the renderer may not import the core). These must print exactly what the .docx prints.
import { describe, expect, it } from 'vitest';
import * as core from '../../electron/core/documents/docx-minutes';
import { longDate as coreLongDate } from '../../electron/core/documents/vi-text';
import * as screen from '../../renderer/src/screens/documents/sheet-text';
import type { OrgProfile } from '../../electron/shared/domain';
import { seedRecord, SEED_PROFILE } from '../fixtures/documents/seed-record';

const party: OrgProfile = { ...SEED_PROFILE, isParty: true, docCode: 'BB/QU', issuingBody: 'Quận ủy Bắc Từ Liêm', placeName: '' };

describe('minutes frame on screen = in the .docx', () => {
  it('number, place-and-date and revision lines: one implementation for the sheet and the .docx', () => {
    // The same functions, not copies kept equal by a test.
    expect(screen.docNumberLine).toBe(core.docNumberLine);
    expect(screen.placeDateLine).toBe(core.placeDateLine);
    expect(screen.revisionLine).toBe(core.revisionLine);
    expect(screen.longDate).toBe(coreLongDate);
    expect(screen.DEFAULT_RECIPIENTS).toBe(core.DEFAULT_RECIPIENTS);
    // And what they print (Nghị định 30/2020; HD 36 for the Party).
    expect(screen.docNumberLine(SEED_PROFILE, 5)).toBe('Số: 05/BB-UBND');
    expect(screen.docNumberLine(SEED_PROFILE, 123)).toBe('Số: 123/BB-UBND');
    expect(screen.docNumberLine(SEED_PROFILE, null)).toBe('Số:      /BB-UBND');
    expect(screen.docNumberLine(party, 12)).toBe('Số 12-BB/QU');
    expect(screen.docNumberLine(party, null)).toBe('Số      -BB/QU');
    expect(screen.placeDateLine(SEED_PROFILE, '2020-02-03')).toBe('Bắc Từ Liêm, ngày 03 tháng 02 năm 2020');
    expect(screen.placeDateLine(party, '2019-10-18')).toBe('Ngày 18 tháng 10 năm 2019');
    expect(screen.placeDateLine(party, null)).toBe('Ngày …… tháng …… năm ……');
    expect(screen.longDate('2019-01-05')).toBe('ngày 05 tháng 01 năm 2019');
    expect(screen.longDate('x')).toBeNull();
    expect([0, 1, 2, 7].map(screen.revisionLine)).toEqual([null, null, 'Lần sửa đổi: 2', 'Lần sửa đổi: 7']);
  });

  it('signatures and recipients', () => {
    const r = seedRecord();
    const f = screen.minutesFrame(r, SEED_PROFILE, { minutes: { recipients: ['- Thường trực Quận ủy;', 'Lưu: VT, hồ sơ.'] } });
    expect(f.signatures[0].title).toBe('THƯ KÝ');
    expect(f.signatures[1].title).toBe(SEED_PROFILE.style.chairLabel);
    expect(f.signatures[1].name).toBe(r.attendees.find((a) => a.role === 'chair')?.fullName);
    expect(f.recipients).toEqual(['- Thường trực Quận ủy;', '- Lưu: VT, hồ sơ.']);
    expect(screen.minutesFrame(r, SEED_PROFILE, { minutes: { placeDateLine: false } }).dateLine).toBeNull();
  });

  it('refuses an over-long paragraph with a Vietnamese message, and extracts the HTML body', () => {
    expect(screen.blocksProblem([{ type: 'paragraph', text: 'a'.repeat(20_001) }])).toMatch(/Đoạn thứ 1 quá dài/);
    expect(screen.blocksProblem([{ type: 'paragraph', text: 'ngắn' }])).toBeNull();
    expect(screen.htmlBody('<html><body>\n<article>x</article>\n</body></html>')).toBe('<article>x</article>');
  });
});
