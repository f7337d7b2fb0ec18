// The window's close sequence: held until the page has written every field, bounded by a
// timeout that closes anyway (and logs it), never waiting on a page that is gone.
import { describe, expect, it } from 'vitest';
import { FLUSH_TIMEOUT_MS, initialCloseState, nextCloseStep, type CloseEvent, type CloseState } from '../../../electron/main/close-sequence';

function run(events: CloseEvent[], state: CloseState = initialCloseState) {
  const effects = [];
  for (const e of events) {
    const step = nextCloseStep(state, e);
    state = step.state;
    effects.push(step.effects);
  }
  return { state, effects };
}

describe('close sequence', () => {
  it('holds the close, asks the page to flush and starts a bounded wait', () => {
    const { state, effects } = run([{ type: 'close' }]);
    expect(state).toEqual({ phase: 'flushing', request: 1 });
    expect(effects[0]).toEqual([{ type: 'prevent' }, { type: 'ask', request: 1 }, { type: 'start-timer', request: 1, ms: FLUSH_TIMEOUT_MS }]);
    expect(FLUSH_TIMEOUT_MS).toBeGreaterThanOrEqual(1_000);
    expect(FLUSH_TIMEOUT_MS).toBeLessThanOrEqual(10_000);
  });

  it('closes when the page answers, and lets that close through', () => {
    const { state, effects } = run([{ type: 'close' }, { type: 'flushed', request: 1 }, { type: 'close' }]);
    expect(effects[1]).toEqual([{ type: 'close-window' }]);
    expect(effects[2]).toEqual([]); // no prevent: the window really closes
    expect(state).toEqual({ phase: 'closing' });
  });

  it('does not close before the answer: a second click keeps waiting', () => {
    const { state, effects } = run([{ type: 'close' }, { type: 'close' }]);
    expect(effects[1]).toEqual([{ type: 'prevent' }]);
    expect(state.phase).toBe('flushing');
  });

  it('ignores an answer or a timeout for another request', () => {
    const { state, effects } = run([{ type: 'close' }, { type: 'flushed', request: 7 }, { type: 'timeout', request: 0 }]);
    expect(effects[1]).toEqual([]);
    expect(effects[2]).toEqual([]);
    expect(state.phase).toBe('flushing');
    expect(run([{ type: 'flushed', request: 1 }, { type: 'timeout', request: 1 }]).state).toEqual(initialCloseState);
  });

  it('closes anyway when the page does not answer in time, and logs why', () => {
    const { state, effects } = run([{ type: 'close' }, { type: 'timeout', request: 1 }]);
    expect(state).toEqual({ phase: 'closing' });
    expect(effects[1]?.map((e) => e.type)).toEqual(['log', 'close-window']);
    expect(effects[1]?.[0]).toMatchObject({ message: expect.stringMatching(/did not confirm/) });
  });

  it('closes at once when the page goes away during the flush', () => {
    const { state, effects } = run([{ type: 'close' }, { type: 'renderer-gone' }]);
    expect(state).toEqual({ phase: 'closing' });
    expect(effects[1]?.map((e) => e.type)).toEqual(['log', 'close-window']);
  });

  it('does not wait for an answer from a page that has already gone', () => {
    const { state, effects } = run([{ type: 'renderer-gone' }, { type: 'close' }]);
    expect(state).toEqual({ phase: 'closing' });
    expect(effects[1]?.some((e) => e.type === 'prevent' || e.type === 'ask')).toBe(false);
  });

  it('uses the timeout it is given', () => {
    expect(nextCloseStep(initialCloseState, { type: 'close' }, 1234).effects).toContainEqual({ type: 'start-timer', request: 1, ms: 1234 });
  });
});
