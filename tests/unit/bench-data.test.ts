import { describe, expect, it } from 'vitest';
import { person, personName, recommendationText, rng, searchQueries, TOPICS } from '../../bench/data';

describe('benchmark data generator', () => {
  it('gives the same data for the same seed', () => {
    const a = rng(42);
    const b = rng(42);
    const draw = (r: ReturnType<typeof rng>) => Array.from({ length: 50 }, () => [person(r), recommendationText(r, r.pick(TOPICS), 4)]);
    expect(draw(a)).toEqual(draw(b));
    expect(searchQueries(rng(5), 200)).toEqual(searchQueries(rng(5), 200));
  });

  it('gives different data for different seeds', () => {
    const names = (seed: number) => Array.from({ length: 20 }, ((r) => () => personName(r))(rng(seed)));
    expect(names(1)).not.toEqual(names(2));
  });

  it('draws uniformly in [0, 1) and integers within bounds', () => {
    const r = rng(7);
    for (let i = 0; i < 10_000; i++) {
      const x = r.next();
      expect(x >= 0 && x < 1).toBe(true);
      const n = r.int(3, 5);
      expect(n >= 3 && n <= 5).toBe(true);
    }
  });

  it('writes Vietnamese names and long recommendation texts, in NFC', () => {
    const r = rng(3);
    const names = Array.from({ length: 500 }, () => personName(r));
    expect(names.every((n) => n.split(' ').length >= 3 && n === n.normalize('NFC'))).toBe(true);
    expect(names.some((n) => n.startsWith('Nguyễn'))).toBe(true);
    const text = recommendationText(r, 'môi trường', 6);
    expect(text.length).toBeGreaterThan(200);
    expect(text).toBe(text.normalize('NFC'));
  });
});
