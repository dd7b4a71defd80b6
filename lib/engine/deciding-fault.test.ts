// Which fault decided an attempt, as data in the trace: its kind, its place among the faults acting, whether it was
// injected, and whether the call's timeout cut the attempt before that fault's own result could come back.
import { describe, expect, it } from 'vitest';
import { injectFault } from '../plan/inject';
import { simulate } from './simulate';
import { makePlan } from './testing/build';

const fail = { kind: 'error' as const, message: '503 Service Unavailable', retryable: true, probability: 1 };

describe('the fault that decided an attempt', () => {
  it('an error that returns in time decides the attempt, and is named with its place in the list', () => {
    const t = simulate(makePlan([{ id: 'x', ms: 100, timeoutMs: 1000, faults: [{ kind: 'slow', factor: 2, probability: 1 }, fail] }]));
    expect(t.calls[0].attempts[0]).toMatchObject({
      result: 'error',
      message: '503 Service Unavailable',
      fault: { kind: 'error', index: 1, injected: false, cutByTimeout: false },
    });
  });

  it('an error whose attempt outlasts the timeout is cut first: the attempt timed out, and the trace says which fault it preempted', () => {
    const t = simulate(makePlan([{ id: 'x', ms: 5000, timeoutMs: 3000, faults: [fail] }]));
    const a = t.calls[0].attempts[0];
    expect(a).toMatchObject({ result: 'timeout', endMs: 3000, message: 'timed out after 3000 ms' });
    expect(a.fault).toEqual({ kind: 'error', index: 0, injected: false, cutByTimeout: true });
    expect(t.calls[0].status).toBe('timed_out');
  });

  it('a timeout fault is what made the attempt time out: it is never said to be cut', () => {
    const t = simulate(makePlan([{ id: 'x', timeoutMs: 50, faults: [{ kind: 'timeout', onAttempts: [1] }] }]));
    expect(t.calls[0].attempts[0].fault).toEqual({ kind: 'timeout', index: 0, injected: false, cutByTimeout: false });
  });

  it('a one-click injection goes before the designed faults and is marked injected', () => {
    const plan = makePlan([{ id: 'x', ms: 100, timeoutMs: 1000, faults: [{ kind: 'partial', probability: 1 }] }]);
    const injected = injectFault(plan, 'x', 'error', 'every').plan;
    expect(simulate(injected).calls[0].attempts[0].fault).toEqual({ kind: 'error', index: 0, injected: true, cutByTimeout: false });
    expect(simulate(plan).calls[0].attempts[0].fault).toEqual({ kind: 'partial', index: 0, injected: false, cutByTimeout: false });
  });

  it('no fault is named when none fired, when only a slow one did, or when the plan stopped the attempt', () => {
    const quiet = simulate(makePlan([{ id: 'x', faults: [{ kind: 'error', message: 'never', probability: 0 }] }]));
    expect(quiet.calls[0].attempts[0].fault).toBeUndefined();
    const slow = simulate(makePlan([{ id: 'x', faults: [{ kind: 'slow', factor: 3, probability: 1 }] }]));
    expect(slow.calls[0].attempts[0]).toMatchObject({ result: 'ok', endMs: 300 });
    expect(slow.calls[0].attempts[0].fault).toBeUndefined();
    const stopped = simulate(
      makePlan([
        { id: 'a', onFailure: 'abort', faults: [{ ...fail, retryable: false }] },
        { id: 'x', ms: 500, faults: [fail] },
      ]),
    );
    expect(stopped.calls[1].attempts[0]).toMatchObject({ result: 'cancelled' });
    expect(stopped.calls[1].attempts[0].fault).toBeUndefined();
  });

  it('a compensation’s attempts name their deciding fault as a call’s do', () => {
    const plan = makePlan([
      {
        id: 'pay',
        effect: 'idempotent',
        compensation: { tool: 'refund', latency: { kind: 'fixed', ms: 100 }, faults: [{ ...fail, retryable: false }] },
      },
      { id: 'stop', ms: 200, onFailure: 'abort', faults: [{ ...fail, retryable: false }] },
    ]);
    const comp = simulate(plan).calls[0].effect?.compensation;
    expect(comp?.attempts[0]).toMatchObject({ result: 'error', fault: { kind: 'error', index: 0, injected: false, cutByTimeout: false } });
  });
});
