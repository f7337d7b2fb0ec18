// nameSortKey lets SQLite keep the directory in Vietnamese alphabetical order (the type-ahead
// index reads it in that order): its plain code-point order must be Intl.Collator('vi') order.
import { describe, expect, it } from 'vitest';
import { nameSortKey } from '../../electron/shared/people-search';
import { personName, rng } from '../../bench/data';

const collator = new Intl.Collator('vi');
const byKey = (a: string, b: string): number => {
  const x = nameSortKey(a);
  const y = nameSortKey(b);
  return x < y ? -1 : x > y ? 1 : 0;
};

describe('nameSortKey', () => {
  it('orders letters, tones and case as Vietnamese does', () => {
    const sorted = (names: string[]): string[] => [...names].sort(byKey);
    expect(sorted(['mạ', 'má', 'mã', 'mả', 'mà', 'ma'])).toEqual(['ma', 'mà', 'mả', 'mã', 'má', 'mạ']);
    expect(sorted(['ân', 'ăn', 'ao', 'an'])).toEqual(['an', 'ao', 'ăn', 'ân']);
    expect(sorted(['Đa', 'Dz', 'đa', 'da', 'Da'])).toEqual(['da', 'Da', 'Dz', 'đa', 'Đa']);
    expect(sorted(['ơ', 'ô', 'o', 'ó', 'ờ'])).toEqual(['o', 'ó', 'ô', 'ơ', 'ờ']);
    // Letters before tones: Lễ An before Lê Anh, a space before any letter.
    expect(sorted(['Lêan', 'Lê Anh', 'Lễ An', 'Lê An', 'Le An'])).toEqual(['Le An', 'Lê An', 'Lễ An', 'Lê Anh', 'Lêan']);
    // NFC and NFD spellings are the same name.
    expect(nameSortKey('Nguyễn'.normalize('NFD'))).toBe(nameSortKey('Nguyễn'.normalize('NFC')));
  });

  it('agrees with Intl.Collator("vi") on 20,000 generated names', () => {
    const r = rng(99);
    const names = Array.from({ length: 20000 }, () => personName(r));
    const a = [...names].sort(collator.compare);
    const b = [...names].sort(byKey);
    const firstDiff = a.findIndex((n, i) => collator.compare(n, b[i]!) !== 0);
    expect(firstDiff).toBe(-1);
  });
});
