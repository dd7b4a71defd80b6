// The effect state of a call at each instant of playback, from the hand-computed runs of effects.test.ts.
import { describe, expect, it } from 'vitest';
import { effectStateAt } from './effect-state';
import { simulate } from './simulate';
import { makePlan } from './testing/build';
import { retriedOncePayment } from './testing/effect-plans';
import type { Trace } from './types';

const comp = (ms: number, extra: object = {}) => ({ tool: 'cancel', latency: { kind: 'fixed' as const, ms }, ...extra });
const stateOf = (t: Trace, id: string, at: number) => {
  const call = t.calls.find((c) => c.id === id);
  if (call === undefined) throw new Error(id);
  return effectStateAt(t, call, at)?.state ?? null;
};

describe('effectStateAt', () => {
  it('follows a retried once call from nothing to applied to maybe twice', () => {
    // Attempt 1 cut at 300 (unknown), attempt 2 runs 400–500.
    const t = simulate(retriedOncePayment());
    expect([0, 299, 300, 450, 500].map((at) => stateOf(t, 'pay', at))).toEqual([
      'none_yet',
      'none_yet',
      'unknown',
      'unknown',
      'maybe_duplicated',
    ]);
  });

  it('shows the saga: applied, then being undone, then undone or left in place', () => {
    // flight lands at 100, hotel at 200; pay aborts at 250; hotel undone 250–290 (fails), flight 290–320.
    const t = simulate(
      makePlan(
        [
          { id: 'flight', ms: 100, effect: 'once', compensation: comp(30) },
          {
            id: 'hotel',
            ms: 200,
            effect: 'once',
            compensation: comp(40, { faults: [{ kind: 'error', message: 'locked', onAttempts: [1] }] }),
          },
          { id: 'email', ms: 10, effect: 'once' },
          { id: 'pay', ms: 50, onFailure: 'abort', faults: [{ kind: 'error', message: 'declined', onAttempts: [1] }] },
        ],
        [
          ['flight', 'pay'],
          ['hotel', 'pay'],
          ['email', 'pay'],
        ],
      ),
    );
    expect([150, 260, 290, 300, 320].map((at) => stateOf(t, 'flight', at))).toEqual(['applied', 'applied', 'undoing', 'undoing', 'undone']);
    expect([200, 260, 290].map((at) => stateOf(t, 'hotel', at))).toEqual(['applied', 'undoing', 'left_in_place']);
    expect([100, 250].map((at) => stateOf(t, 'email', at))).toEqual(['applied', 'left_in_place']);
    expect(stateOf(t, 'pay', 300)).toBeNull();
  });
});
