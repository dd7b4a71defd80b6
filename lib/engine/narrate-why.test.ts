// The reasons behind captions, read from real simulate() traces: the failed dependency, the policy that applied, the
// retry count and the timeout — and no reason where there is nothing to explain.
import { describe, expect, it } from 'vitest';
import { captionAt, captionAtStep } from './narrate';
import { policyEffect, whyFinalFailure, whyRetry, whySkipped } from './narrate-why';
import { simulate } from './simulate';
import { makePlan } from './testing/build';
import type { Trace } from './types';

const boom = (onAttempts: number[] = [1], retryable = false) => ({
  kind: 'error' as const,
  message: '503 Service Unavailable',
  retryable,
  onAttempts,
});

/** The reason of the caption at the instant call `id` became final. */
function whyWhenFinal(trace: Trace, plan: Parameters<typeof captionAt>[1], id: string): string | null {
  const i = trace.calls.findIndex((c) => c.id === id);
  const step = trace.events.findIndex((e) => e.type === 'final' && e.call === i);
  return captionAtStep(trace, plan, step).why;
}

/** fetch_b takes 500 ms but is cut at its 300 ms timeout on the given attempts, retried as `retry` says. */
const slowFetch = (retry: { maxAttempts: number; initialIntervalMs: number }, timedOut: number[]) =>
  makePlan([{ id: 'fetch_b', ms: 500, timeoutMs: 300, retry, faults: [{ kind: 'timeout', onAttempts: timedOut }] }], []);

describe('caption reasons', () => {
  // fetch_2 fails for good (degrade, the default); summarize needs it and is skipped at the same instant.
  const skipPlan = makePlan([{ id: 'fetch_2', ms: 50, faults: [boom()] }, { id: 'summarize' }], [['fetch_2', 'summarize']]);
  const skip = simulate(skipPlan);

  it('says why a call is skipped: the failed dependency and the policy that let the rest go on', () => {
    expect(whyWhenFinal(skip, skipPlan, 'summarize')).toBe(
      'summarize skipped: it needs fetch_2, which failed — degrade lets the rest go on',
    );
  });

  it('says "the rest of the plan goes on" when the failed dependency was itself skipped', () => {
    const plan = makePlan(
      [{ id: 'a', ms: 50, faults: [boom()] }, { id: 'b' }, { id: 'c' }],
      [
        ['a', 'b'],
        ['b', 'c'],
      ],
    );
    const trace = simulate(plan);
    const c = trace.calls.find((x) => x.id === 'c');
    expect(c?.status).toBe('skipped');
    expect(c && whySkipped(trace, plan, c)).toBe('it needs b, which was skipped — the rest of the plan goes on');
    // The caption gives the reason nearest the failure: b's.
    expect(whyWhenFinal(trace, plan, 'c')).toBe('b skipped: it needs a, which failed — degrade lets the rest go on');
  });

  it('says abort stopped the plan, and what that did to the calls in flight', () => {
    const plan = makePlan(
      [
        { id: 'auth', ms: 200, onFailure: 'abort', faults: [boom()] },
        { id: 'slow', ms: 500 },
      ],
      [],
      { strategy: 'eager' },
    );
    const trace = simulate(plan);
    const expected = 'abort stopped the plan when auth failed — calls still running are cancelled, results already in are kept';
    expect(captionAt(trace, plan, 200).why).toBe(expected);
    expect(captionAt(trace, plan, Infinity).why).toBe(expected);
  });

  it('says the deadline stopped the plan', () => {
    const plan = makePlan([{ id: 'long', ms: 10_000 }], [], { deadlineMs: 5000 });
    expect(captionAt(simulate(plan), plan, 5000).why).toBe(
      "the plan's deadline of 5 s stopped it — calls still running are cancelled, results already in are kept",
    );
  });

  it('counts the retry: which attempt comes next, of how many, after what wait', () => {
    const plan = slowFetch({ maxAttempts: 3, initialIntervalMs: 200 }, [1]);
    const trace = simulate(plan);
    expect(captionAt(trace, plan, 300).why).toBe('a timeout is retryable, so attempt 2 of 3 follows after 200 ms');
  });

  it('names the timeout and the spent attempts when a call fails for good', () => {
    const plan = slowFetch({ maxAttempts: 2, initialIntervalMs: 100 }, [1, 2]);
    expect(whyWhenFinal(simulate(plan), plan, 'fetch_b')).toBe(
      'cut at its 300 ms timeout, all 2 attempts used — degrade lets the rest go on',
    );
  });

  it('says a non-retryable error is why no retry followed', () => {
    const plan = makePlan([{ id: 'bad', ms: 50, onFailure: 'ignore', faults: [boom()] }], []);
    expect(whyWhenFinal(simulate(plan), plan, 'bad')).toBe(
      'the error is not retryable — ignore lets the calls that need it run without it',
    );
  });

  it.each([
    [
      'optional',
      makePlan([{ id: 'bad', ms: 50, faults: [boom()] }, { id: 'opt' }], [['bad', 'opt', 'optional']], { modelTurnMs: 100 }),
      'bad is an optional input, so opt runs without it',
    ],
    [
      'ignore',
      makePlan([{ id: 'bad', ms: 50, onFailure: 'ignore', faults: [boom()] }, { id: 'opt' }], [['bad', 'opt']], { modelTurnMs: 100 }),
      "bad's policy is ignore, so the calls that need it run without it",
    ],
  ])('says why a call runs degraded (%s input)', (_, plan, expected) => {
    const trace = simulate(plan);
    const opt = trace.calls.find((c) => c.id === 'opt');
    expect(captionAt(trace, plan, opt?.startMs ?? -1).why).toBe(expected);
  });

  it('gives no reason where nothing needs one: the start, a plain success', () => {
    const plan = makePlan([{ id: 'ok', ms: 100 }], []);
    const trace = simulate(plan);
    expect(captionAt(trace, plan, -1).why).toBeNull();
    expect(whyWhenFinal(trace, plan, 'ok')).toBeNull();
    expect(captionAt(trace, plan, Infinity).why).toBeNull();
  });

  it('falls back to what the trace alone says when the plan is unknown', () => {
    expect(whyWhenFinal(skip, null, 'summarize')).toBe('summarize skipped: it needs fetch_2, which failed — the rest of the plan goes on');
    expect(whyFinalFailure(skip.calls[0], undefined)).toBe('the error is not retryable');
    expect(whyRetry(undefined, 1, 'rate_limited', 0)).toBe('a rate limit is retryable, so attempt 2 follows at once');
    expect(policyEffect(undefined)).toBeNull();
  });
});
