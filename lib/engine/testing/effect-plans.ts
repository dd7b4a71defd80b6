// Test support: side-effect plans whose runs are worked out by hand, shared by the tests that read those runs
// (effects.test.ts for what each attempt did, effect-state.test.ts for the state at each instant).
import type { Plan } from '../../plan/schema';
import { makePlan } from './build';

/** A "once" payment whose attempt 1 hangs and is cut at 300 ms (unknown); the retry waits 100 ms, attempt 2 runs 400–500 and succeeds. */
export function retriedOncePayment(): Plan {
  return makePlan([
    {
      id: 'pay',
      effect: 'once',
      timeoutMs: 300,
      retry: { maxAttempts: 2, initialIntervalMs: 100 },
      faults: [{ kind: 'timeout', onAttempts: [1] }],
    },
  ]);
}
