// The type-ahead over the people directory: name matches first by score, then matches in titles
// or unit, ties in protocol order (rank, then name), never someone who matches nothing. Written
// against the mutants Stryker found surviving in electron/shared/people-search.ts.
import { describe, expect, it } from 'vitest';
import { byRank, prepareDirectory, searchPrepared } from '../../../electron/shared/people-search';
import type { Person } from '../../../electron/shared/domain';

const person = (id: number, fullName: string, rank: number, titles: string[] = [], organization = ''): Person => ({ id, fullName, titles, organization, rank });

const PEOPLE: Person[] = [
  person(1, 'Nguyễn Kim Hoàng', 3, ['TUV', 'Bí thư Quận ủy'], 'Thành ủy Hà Nội'),
  person(2, 'Lưu Ngọc Hà', 1, ['Phó Chủ tịch UBND quận'], 'UBND quận Bắc Từ Liêm'),
  person(3, 'Bùi Thị Minh', 2, ['Hội viên'], 'Chi hội phụ nữ tổ dân phố 5'),
  person(4, 'An Văn Bình', 2, [], 'Phường Cổ Nhuế 1'),
];
// Prepared inside each call, not at load time: Stryker only sees what runs inside a test.
const ids = (q: string, limit = 10): number[] => searchPrepared(prepareDirectory(PEOPLE), q, limit).map((p) => p.id);

describe('people type-ahead', () => {
  it('an empty query lists everyone in protocol order (rank, then name), up to the limit', () => {
    expect(ids('')).toEqual([2, 4, 3, 1]);
    expect(ids('  ', 2)).toEqual([2, 4]);
  });

  it('byRank: rank first, the name only breaks ties', () => {
    expect(byRank(PEOPLE[1]!, PEOPLE[0]!)).toBeLessThan(0);
    expect(byRank(PEOPLE[0]!, PEOPLE[1]!)).toBeGreaterThan(0);
    // Same rank: An before Bùi.
    expect(byRank(PEOPLE[3]!, PEOPLE[2]!)).toBeLessThan(0);
    expect(byRank(PEOPLE[2]!, PEOPLE[2]!)).toBe(0);
  });

  it('finds people by a title or their unit, after every name match, and never someone who matches nothing', () => {
    // "ha": Hà is Lưu Ngọc Hà's given name (a name match); Hoàng's unit is in Hà Nội (title/unit match).
    expect(ids('ha')).toEqual([2, 1]);
    expect(ids('ha noi')).toEqual([1]);
    // Several titles are searched as the words they are.
    expect(ids('tuv bi thu')).toEqual([1]);
    expect(ids('bi thu quan uy')).toEqual([1]);
    expect(ids('pho chu tich')).toEqual([2]);
    expect(ids('co nhue')).toEqual([4]);
    expect(ids('xyz')).toEqual([]);
  });

  it('a trailing space does not stop a match at the end of the unit', () => {
    expect(ids('Hà Nội ')).toEqual([1]);
    expect(ids('tổ dân phố 5 ')).toEqual([3]);
  });

  it('name matches come before title matches whatever the rank', () => {
    const d = prepareDirectory([person(1, 'Trần Văn Nam', 0, ['Trưởng ban Minh Khai']), person(2, 'Lê Minh', 5)]);
    expect(searchPrepared(d, 'minh', 10).map((p) => p.id)).toEqual([2, 1]);
  });
});
