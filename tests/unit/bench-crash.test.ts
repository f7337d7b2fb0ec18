// The bench runs the crash test as side-by-side runs and adds their verdicts: a share lost in the
// split, or a run's corrupt database or lost write dropped from the sum, would hide a failure.
import { describe, expect, it } from 'vitest';
import { splitKills, sumVerdicts } from '../../bench/crash';

describe('bench crash test: side-by-side runs', () => {
  it('splits the kills into shares that add up to the whole, as even as can be', () => {
    expect(splitKills(150, 2)).toEqual([75, 75]);
    expect(splitKills(151, 2)).toEqual([76, 75]);
    expect(splitKills(7, 3)).toEqual([3, 2, 2]);
    expect(splitKills(1, 2)).toEqual([1]);
    expect(splitKills(20, 1)).toEqual([20]);
    expect(splitKills(20, 0)).toEqual([20]);
  });

  it('adds every run: one corrupt database or one lost write in any run shows in the total', () => {
    expect(sumVerdicts(['kills: 75, corrupt: 0, lost: 0', 'kills: 75, corrupt: 0, lost: 0'])).toEqual({ kills: 150, corrupt: 0, lost: 0 });
    expect(sumVerdicts(['kills: 75, corrupt: 0, lost: 0', 'kills: 75, corrupt: 1, lost: 0'])).toEqual({ kills: 150, corrupt: 1, lost: 0 });
    expect(sumVerdicts(['kills: 76, corrupt: 0, lost: 2', 'kills: 75, corrupt: 0, lost: 3'])).toEqual({ kills: 151, corrupt: 0, lost: 5 });
  });

  it('says a run did not finish rather than counting what the others did', () => {
    expect(sumVerdicts(['kills: 75, corrupt: 0, lost: 0', 'Error: spawn failed'])).toBeNull();
    expect(sumVerdicts(['', 'kills: 75, corrupt: 0, lost: 0'])).toBeNull();
  });
});
