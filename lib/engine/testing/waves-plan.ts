// Test support: the worked waves plan that the playback and canvas run-view tests both read, and its fault.
import type { Plan } from '../../plan/schema';
import { makePlan, type CallSpec, type EdgeSpec } from './build';

/** An injected 503 on the given attempts (attempt 1 by default), retryable or not. */
export const boom = (onAttempts: number[] = [1], retryable = false) => ({
  kind: 'error' as const,
  message: '503 Service Unavailable',
  retryable,
  onAttempts,
});

/**
 * Waves, modelTurnMs 100. Turn 0 thinks [0,100) and emits wave 0 at 100:
 *   flaky: attempt 1 [100,200) fails (retryable), waits 50, attempt 2 [250,350) succeeds; timeout 400.
 *   a [100,400) succeeds; bad [100,150) fails for good, so dep is skipped at 150.
 * Turn 1 thinks [400,500), b runs [500,600). Makespan 600. `more` adds calls and edges to it.
 */
export function wavesPlan(more: { calls: CallSpec[]; edges: EdgeSpec[] } = { calls: [], edges: [] }): Plan {
  return makePlan(
    [
      { id: 'flaky', ms: 100, timeoutMs: 400, retry: { maxAttempts: 3, initialIntervalMs: 50 }, faults: [boom([1], true)] },
      { id: 'a', ms: 300 },
      { id: 'bad', ms: 50, faults: [boom()] },
      { id: 'dep' },
      { id: 'b', ms: 100 },
      ...more.calls,
    ],
    [['bad', 'dep'], ['a', 'b'], ...more.edges],
    { modelTurnMs: 100 },
  );
}
