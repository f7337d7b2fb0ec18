// The reporting periods (electron/shared/period.ts): first and last day of each kind, the label a
// report prints, and recognising a range as a named period only when it is exactly that period.
import { describe, expect, it } from 'vitest';
import { dayBefore, daysInMonth, dmy, parseIsoDate, periodContaining, periodFromRange, periodLabel, periodRange, rangeLabel } from '../../electron/shared/period';

describe('period ranges', () => {
  it('months, with February in leap and common years', () => {
    expect(periodRange({ kind: 'month', year: 2026, month: 11 })).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(periodRange({ kind: 'month', year: 2026, month: 12 })).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(periodRange({ kind: 'month', year: 2026, month: 2 })).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(periodRange({ kind: 'month', year: 2028, month: 2 })).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2026, 4)).toBe(30);
    expect(daysInMonth(2026, 7)).toBe(31);
  });
  it('quarters, halves, nine months, the year', () => {
    expect(periodRange({ kind: 'quarter', year: 2026, quarter: 1 })).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(periodRange({ kind: 'quarter', year: 2026, quarter: 2 })).toEqual({ from: '2026-04-01', to: '2026-06-30' });
    expect(periodRange({ kind: 'quarter', year: 2026, quarter: 3 })).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(periodRange({ kind: 'quarter', year: 2026, quarter: 4 })).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(periodRange({ kind: 'half', year: 2026, half: 1 })).toEqual({ from: '2026-01-01', to: '2026-06-30' });
    expect(periodRange({ kind: 'half', year: 2026, half: 2 })).toEqual({ from: '2026-07-01', to: '2026-12-31' });
    expect(periodRange({ kind: 'nine_months', year: 2026 })).toEqual({ from: '2026-01-01', to: '2026-09-30' });
    expect(periodRange({ kind: 'year', year: 2026 })).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(periodRange({ kind: 'custom', from: '2026-10-01', to: '2026-11-15' })).toEqual({ from: '2026-10-01', to: '2026-11-15' });
  });
});

describe('period labels', () => {
  it('say the period as reports do', () => {
    expect(periodLabel({ kind: 'quarter', year: 2026, quarter: 4 })).toBe('Quý IV năm 2026');
    expect(periodLabel({ kind: 'quarter', year: 2026, quarter: 1 })).toBe('Quý I năm 2026');
    expect(periodLabel({ kind: 'quarter', year: 2026, quarter: 2 })).toBe('Quý II năm 2026');
    expect(periodLabel({ kind: 'quarter', year: 2026, quarter: 3 })).toBe('Quý III năm 2026');
    expect(periodLabel({ kind: 'half', year: 2026, half: 1 })).toBe('6 tháng đầu năm 2026');
    expect(periodLabel({ kind: 'half', year: 2026, half: 2 })).toBe('6 tháng cuối năm 2026');
    expect(periodLabel({ kind: 'nine_months', year: 2026 })).toBe('9 tháng năm 2026');
    expect(periodLabel({ kind: 'month', year: 2026, month: 11 })).toBe('tháng 11 năm 2026');
    expect(periodLabel({ kind: 'year', year: 2026 })).toBe('năm 2026');
    expect(periodLabel({ kind: 'custom', from: '2026-10-01', to: '2026-11-15' })).toBe('từ ngày 01/10/2026 đến ngày 15/11/2026');
    expect(periodLabel({ kind: 'custom', from: '2026-03-05', to: '2026-03-05' })).toBe('ngày 05/03/2026');
  });
  it('name a range only when it is exactly the period asked for', () => {
    expect(rangeLabel('2026-10-01', '2026-12-31', 'quarter')).toBe('Quý IV năm 2026');
    expect(rangeLabel('2026-01-01', '2026-06-30', 'half')).toBe('6 tháng đầu năm 2026');
    expect(rangeLabel('2026-07-01', '2026-12-31', 'half')).toBe('6 tháng cuối năm 2026');
    expect(rangeLabel('2026-01-01', '2026-09-30', 'nine_months')).toBe('9 tháng năm 2026');
    expect(rangeLabel('2026-11-01', '2026-11-30', 'month')).toBe('tháng 11 năm 2026');
    expect(rangeLabel('2026-01-01', '2026-12-31', 'year')).toBe('năm 2026');
    // One day short, a day late, the wrong kind, across years, or not a real day: the dates themselves.
    expect(rangeLabel('2026-10-01', '2026-12-30', 'quarter')).toBe('từ ngày 01/10/2026 đến ngày 30/12/2026');
    expect(rangeLabel('2026-10-02', '2026-12-31', 'quarter')).toBe('từ ngày 02/10/2026 đến ngày 31/12/2026');
    expect(rangeLabel('2026-11-01', '2027-01-31', 'quarter')).toBe('từ ngày 01/11/2026 đến ngày 31/01/2027');
    expect(rangeLabel('2026-08-01', '2026-10-31', 'quarter')).toBe('từ ngày 01/08/2026 đến ngày 31/10/2026');
    expect(rangeLabel('2026-10-01', '2026-12-31', 'year')).toBe('từ ngày 01/10/2026 đến ngày 31/12/2026');
    expect(rangeLabel('2026-01-01', '2026-12-31')).toBe('từ ngày 01/01/2026 đến ngày 31/12/2026');
    expect(rangeLabel('2026-02-01', '2026-02-30', 'month')).toBe('từ ngày 01/02/2026 đến ngày 2026-02-30');
    expect(periodFromRange('2028-02-01', '2028-02-29', 'month')).toEqual({ kind: 'month', year: 2028, month: 2 });
    expect(periodFromRange('2026-07-01', '2026-09-30', 'quarter')).toEqual({ kind: 'quarter', year: 2026, quarter: 3 });
  });
  it('every named period labels its own range back', () => {
    for (const year of [2025, 2026, 2028]) {
      for (let month = 1; month <= 12; month++) expect(periodFromRange(periodRange({ kind: 'month', year, month }).from, periodRange({ kind: 'month', year, month }).to, 'month')).toEqual({ kind: 'month', year, month });
      for (const quarter of [1, 2, 3, 4] as const) {
        const r = periodRange({ kind: 'quarter', year, quarter });
        expect(periodFromRange(r.from, r.to, 'quarter')).toEqual({ kind: 'quarter', year, quarter });
      }
    }
  });
});

describe('day arithmetic', () => {
  it('the day before, across months, years and February 29', () => {
    expect(dayBefore('2026-10-01')).toBe('2026-09-30');
    expect(dayBefore('2026-10-15')).toBe('2026-10-14');
    expect(dayBefore('2026-01-01')).toBe('2025-12-31');
    expect(dayBefore('2028-03-01')).toBe('2028-02-29');
    expect(dayBefore('2026-03-01')).toBe('2026-02-28');
  });
  it('real days only, dd/mm/yyyy', () => {
    expect(parseIsoDate('2026-02-29')).toBeNull();
    expect(parseIsoDate('2026-13-01')).toBeNull();
    expect(parseIsoDate('2026-00-10')).toBeNull();
    expect(parseIsoDate('2026-1-01')).toBeNull();
    expect(parseIsoDate('2028-02-29')).toEqual({ y: 2028, m: 2, d: 29 });
    expect(dmy('2026-03-05')).toBe('05/03/2026');
  });
  it('the period that contains a day', () => {
    expect(periodContaining('quarter', '2026-11-15')).toEqual({ kind: 'quarter', year: 2026, quarter: 4 });
    expect(periodContaining('quarter', '2026-03-31')).toEqual({ kind: 'quarter', year: 2026, quarter: 1 });
    expect(periodContaining('quarter', '2026-04-01')).toEqual({ kind: 'quarter', year: 2026, quarter: 2 });
    expect(periodContaining('half', '2026-06-30')).toEqual({ kind: 'half', year: 2026, half: 1 });
    expect(periodContaining('half', '2026-07-01')).toEqual({ kind: 'half', year: 2026, half: 2 });
    expect(periodContaining('month', '2026-11-15')).toEqual({ kind: 'month', year: 2026, month: 11 });
    expect(periodContaining('year', '2026-11-15')).toEqual({ kind: 'year', year: 2026 });
    expect(periodContaining('nine_months', '2026-11-15')).toEqual({ kind: 'nine_months', year: 2026 });
  });
});
