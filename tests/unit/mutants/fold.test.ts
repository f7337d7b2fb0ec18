// Pins the type-ahead's name scores exactly (lower is better; -1 is no match), so that each
// branch of matchPrepared is observable: initials in order (1), initials in another order (3),
// word prefixes (2 per word that is not the given name, plus 2). Written against the mutants
// Stryker found surviving in electron/shared/vi/fold.ts (docs/testing.md, "Mutation testing").
import { describe, expect, it } from 'vitest';
import { fold, foldedWords, initials, matchName } from '../../../electron/shared/vi/fold';

const TQT = 'Trương Quang Thiều'; // words truong quang thieu, initials "tqt"

describe('fold', () => {
  it('folds a lower-case đ as well as an upper-case Đ', () => {
    expect(fold('đường Phạm Văn Đồng')).toBe('duong pham van dong');
    expect(fold('Đ đ')).toBe('d d');
    expect(initials('đỗ đình đức')).toBe('ddd');
  });

  it('keeps letters and digits, drops only the marks', () => {
    expect(fold('Tổ dân phố 5, Phường Cổ Nhuế 1')).toBe('to dan pho 5, phuong co nhue 1');
    expect(foldedWords('  Tổ 5 -- Cổ Nhuế  ')).toEqual(['to', '5', 'co', 'nhue']);
  });
});

describe('matchName scores', () => {
  it('an empty query matches everyone with score 0', () => {
    expect(matchName('', TQT)).toBe(0);
    expect(matchName('  , ', TQT)).toBe(0);
  });

  it('initials typed in order score 1, from two letters up', () => {
    expect(matchName('tqt', TQT)).toBe(1);
    expect(matchName('tq', TQT)).toBe(1);
    expect(matchName('TQ', TQT)).toBe(1);
    // A prefix of the initials, not a suffix.
    expect(matchName('qt', 'Trương Quang')).toBe(3);
  });

  it('one letter is a word prefix, not initials', () => {
    // "t" is the first letter of the initials, but one letter goes through the word rule:
    // first word (not the given name) 2, plus 2.
    expect(matchName('t', TQT)).toBe(4);
    // A one-word name: the given name itself, 0 + 2; its one initial does not count as a bag.
    expect(matchName('t', 'Thiều')).toBe(2);
  });

  it('several one-letter words are word prefixes, never initials', () => {
    expect(matchName('t q', TQT)).toBe(6);
    expect(matchName('t t q', TQT)).toBe(8);
  });

  it('initials in another order score 3, only with every initial used once', () => {
    expect(matchName('ttq', TQT)).toBe(3);
    expect(matchName('qtt', TQT)).toBe(3);
    expect(matchName('qt', 'Trương Quang')).toBe(3);
    // Two of three initials in another order: not a bag match, and not a word prefix either.
    expect(matchName('qt', TQT)).toBe(-1);
    // "q" twice where the name has one Q.
    expect(matchName('qqt', TQT)).toBe(-1);
    expect(matchName('tqx', TQT)).toBe(-1);
  });

  it('the given name (last word) is preferred over the other words', () => {
    expect(matchName('thieu', TQT)).toBe(2);
    expect(matchName('thi', TQT)).toBe(2);
    expect(matchName('quang', TQT)).toBe(4);
    expect(matchName('truong', TQT)).toBe(4);
    expect(matchName('quang thieu', TQT)).toBe(4);
    expect(matchName('truong quang', TQT)).toBe(6);
    expect(matchName('Thiều', TQT)).toBe(2);
  });

  it('a query word must be a prefix of some word, not a suffix or an inside part', () => {
    expect(matchName('ieu', TQT)).toBe(-1);
    expect(matchName('ang', TQT)).toBe(-1);
    expect(matchName('quang xyz', TQT)).toBe(-1);
  });
});
