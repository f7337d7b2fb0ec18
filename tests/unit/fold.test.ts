import { describe, expect, it } from 'vitest';
import { fold, initials, matchName } from '../../electron/shared/vi/fold';
import { toFtsQuery } from '../../electron/core/search/search';

describe('Vietnamese folding', () => {
  it('folds tone marks, vowel marks and đ', () => {
    expect(fold('HĐND')).toBe('hdnd');
    expect(fold('sông Pheo')).toBe('song pheo');
    expect(fold('Nguyễn Hữu Tuyên')).toBe('nguyen huu tuyen');
    expect(fold('Đảng ủy khối Doanh nghiệp')).toBe('dang uy khoi doanh nghiep');
  });
  it('folds combining (decomposed) input the same as precomposed', () => {
    expect(fold('Tuye\u0302n')).toBe('tuyen');
    expect(fold('Tuye\u0302n'.normalize('NFC'))).toBe('tuyen');
  });
  it('keeps one character per character for NFC Vietnamese (snippets rely on it)', () => {
    const s = 'Trương Quang Thiều – TUV, Bí thư Quận ủy; Đường Phạm Văn Đồng';
    expect(fold(s).length).toBe(s.length);
  });
  it('makes initials', () => {
    expect(initials('Trương Quang Thiều')).toBe('tqt');
  });
  it('matches names by prefix words and by initials', () => {
    expect(matchName('thieu', 'Trương Quang Thiều')).toBeGreaterThanOrEqual(0);
    expect(matchName('ttq', 'Trương Quang Thiều')).toBeGreaterThanOrEqual(0);
    expect(matchName('tqt', 'Trương Quang Thiều')).toBeGreaterThanOrEqual(0);
    expect(matchName('truong thieu', 'Trương Quang Thiều')).toBeGreaterThanOrEqual(0);
    expect(matchName('khanh', 'Trương Quang Thiều')).toBe(-1);
    expect(matchName('tqk', 'Trương Quang Thiều')).toBe(-1);
  });
  it('builds FTS queries that cannot inject operators', () => {
    expect(toFtsQuery('song pheo')).toBe('"song"* "pheo"*');
    expect(toFtsQuery('"); DROP TABLE meetings; --')).toBe('"drop"* "table"* "meetings"*');
    expect(toFtsQuery('   ')).toBeNull();
    expect(toFtsQuery('NEAR(a b) OR c*')).toBe('"near"* "a"* "b"* "or"* "c"*');
  });
});
