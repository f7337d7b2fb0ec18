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
  it('number, place-and-date and revision lines', () => {
    for (const p of [SEED_PROFILE, party])
      for (const n of [null, 1, 5, 9, 10, 123]) expect(screen.docNumberLine(p, n)).toBe(core.docNumberLine(p, n));
    for (const p of [SEED_PROFILE, party]) for (const d of [null, '2019-10-18', '2020-02-03', '2021-12-31']) expect(screen.placeDateLine(p, d)).toBe(core.placeDateLine(p, d));
    for (const d of [null, '2019-01-05', '2019-10-18', 'x']) expect(screen.longDate(d)).toBe(coreLongDate(d));
    for (const r of [0, 1, 2, 7]) expect(screen.revisionLine(r)).toBe(core.revisionLine(r));
    expect(screen.DEFAULT_RECIPIENTS).toEqual(core.DEFAULT_RECIPIENTS);
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
