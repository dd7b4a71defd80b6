// Faults, statuses, outcomes and propagation (docs/engine.md): one deterministic plan per case.
import { describe, expect, it } from 'vitest';
import { simulate } from './simulate';
import { makePlan, summary } from './testing/build';
import type { CallStatus, Outcome } from './types';

const boom = (onAttempts: number[] = [1], retryable = false) => ({
  kind: 'error' as const,
  message: '503 Service Unavailable',
  retryable,
  onAttempts,
});

describe('one deterministic plan per final status', () => {
  const cases: [CallStatus, ReturnType<typeof makePlan>, string][] = [
    ['succeeded', makePlan([{ id: 'x' }]), 'x'],
    [
      'partial',
      makePlan([{ id: 'x', retry: { maxAttempts: 3 }, faults: [{ kind: 'partial', note: '2 of 3 pages', onAttempts: [1] }] }]),
      'x',
    ],
    ['failed', makePlan([{ id: 'x', retry: { maxAttempts: 3 }, faults: [boom([1, 2, 3], false)] }]), 'x'],
    ['timed_out', makePlan([{ id: 'x', timeoutMs: 50, faults: [{ kind: 'timeout', onAttempts: [1] }] }]), 'x'],
    ['skipped', makePlan([{ id: 'a', faults: [boom()] }, { id: 'x' }], [['a', 'x']]), 'x'],
    [
      'cancelled',
      makePlan([
        { id: 'a', onFailure: 'abort', faults: [boom()] },
        { id: 'x', ms: 500 },
      ]),
      'x',
    ],
    ['not_started', makePlan([{ id: 'a', onFailure: 'abort', faults: [boom()] }, { id: 'b', ms: 500 }, { id: 'x' }], [['b', 'x']]), 'x'],
    ['hung', makePlan([{ id: 'x', faults: [{ kind: 'timeout', onAttempts: [1] }] }]), 'x'],
  ];
  it.each(cases)('a call can end %s', (status, plan, id) => {
    expect(summary(simulate(plan))[id].status).toBe(status);
  });

  it('a partial result carries its warning and is never retried', () => {
    const t = simulate(cases[1][1]);
    expect(t.calls[0].attempts).toHaveLength(1);
    expect(t.calls[0].warning).toBe('2 of 3 pages');
  });

  it('an error’s code is kept beside its message, not inside it', () => {
    const t = simulate(makePlan([{ id: 'x', faults: [{ kind: 'error', message: 'Service Unavailable', code: '503', onAttempts: [1] }] }]));
    expect(t.calls[0].attempts[0]).toMatchObject({ code: '503', message: 'Service Unavailable' });
  });

  it('a non-retryable error ends the call after one attempt, retries left or not', () => {
    const t = simulate(cases[2][1]);
    expect(t.calls[0].attempts.map((a) => [a.result, a.retryable, a.message])).toEqual([['error', false, '503 Service Unavailable']]);
  });
});

describe('one deterministic plan per outcome', () => {
  const cases: [Outcome, ReturnType<typeof makePlan>, number | null][] = [
    ['complete', makePlan([{ id: 'a' }, { id: 'b', ms: 300 }]), 300],
    [
      'partial',
      makePlan([
        { id: 'a', faults: [boom()] },
        { id: 'b', ms: 300 },
      ]),
      300,
    ],
    [
      'aborted',
      makePlan([
        { id: 'a', onFailure: 'abort', faults: [boom()] },
        { id: 'b', ms: 300 },
      ]),
      100,
    ],
    ['deadline_exceeded', makePlan([{ id: 'a' }, { id: 'b', ms: 300 }], [], { deadlineMs: 250 }), 250],
    [
      'stuck',
      makePlan([
        { id: 'a', faults: [{ kind: 'timeout', onAttempts: [1] }] },
        { id: 'b', ms: 300 },
      ]),
      null,
    ],
  ];
  it.each(cases)('a plan can end %s', (outcome, plan, makespan) => {
    const t = simulate(plan);
    expect(t.outcome).toBe(outcome);
    expect(t.makespanMs).toBe(makespan);
  });

  it('a partial call makes the plan partial, not complete', () => {
    expect(simulate(makePlan([{ id: 'a', faults: [{ kind: 'partial', onAttempts: [1] }] }])).outcome).toBe('partial');
  });
});

describe('abort', () => {
  // auth fails at 100 and aborts; slow is running; flaky failed at 50 and waits to retry at 250; d waits on slow.
  const plan = makePlan(
    [
      { id: 'auth', onFailure: 'abort', faults: [boom()] },
      { id: 'slow', ms: 500 },
      { id: 'flaky', ms: 50, retry: { maxAttempts: 3, initialIntervalMs: 200 }, faults: [boom([1], true)] },
      { id: 'd' },
      { id: 'done', ms: 100 },
    ],
    [['slow', 'd']],
    { strategy: 'eager' },
  );

  it('cancels a running call and a call waiting to retry, and leaves the rest not started', () => {
    const t = simulate(plan);
    expect(t.outcome).toBe('aborted');
    expect(t.makespanMs).toBe(100);
    expect(t.stop).toEqual({ reason: 'abort', atMs: 100, by: 'auth' });
    expect(summary(t)).toEqual({
      auth: { status: 'failed', startMs: 0, endMs: 100, attempts: 1 },
      slow: { status: 'cancelled', startMs: 0, endMs: 100, attempts: 1 },
      flaky: { status: 'cancelled', startMs: 0, endMs: 100, attempts: 1 },
      d: { status: 'not_started', startMs: null, endMs: null, attempts: 0 },
      done: { status: 'succeeded', startMs: 0, endMs: 100, attempts: 1 },
    });
    expect(t.calls[1].attempts[0]).toMatchObject({ result: 'cancelled', endMs: 100 });
    expect(t.calls[1].reason).toEqual({ kind: 'abort', by: 'auth', atMs: 100 });
    expect(t.calls[3].reason).toEqual({ kind: 'abort', by: 'auth', atMs: 100 });
  });

  it('keeps the result of a call that ends at the very instant of the abort', () => {
    expect(summary(simulate(plan)).done.status).toBe('succeeded');
  });

  it('cancels a retry that falls due at the instant of the abort (the stop comes first)', () => {
    const p = makePlan([
      { id: 'auth', onFailure: 'abort', faults: [boom()] },
      { id: 'flaky', ms: 50, retry: { maxAttempts: 3, initialIntervalMs: 50 }, faults: [boom([1], true)] },
    ]);
    expect(summary(simulate(p)).flaky).toEqual({ status: 'cancelled', startMs: 0, endMs: 100, attempts: 1 });
  });

  it('a skipped call never aborts, whatever its policy', () => {
    const p = makePlan(
      [
        { id: 'x', faults: [boom()] },
        { id: 'a', onFailure: 'abort' },
      ],
      [['x', 'a']],
    );
    const t = simulate(p);
    expect(t.outcome).toBe('partial');
    expect(summary(t).a.status).toBe('skipped');
  });
});

describe('deadline', () => {
  it('stops the plan at the deadline: running calls cancelled, the rest not started', () => {
    const p = makePlan([{ id: 'a' }, { id: 'b', ms: 500 }, { id: 'c' }], [['b', 'c']], { deadlineMs: 300, strategy: 'eager' });
    const t = simulate(p);
    expect(t.outcome).toBe('deadline_exceeded');
    expect(t.makespanMs).toBe(300);
    expect(summary(t)).toEqual({
      a: { status: 'succeeded', startMs: 0, endMs: 100, attempts: 1 },
      b: { status: 'cancelled', startMs: 0, endMs: 300, attempts: 1 },
      c: { status: 'not_started', startMs: null, endMs: null, attempts: 0 },
    });
    expect(t.calls[2].reason).toEqual({ kind: 'deadline', atMs: 300 });
  });

  it('a plan that finishes exactly at its deadline is not deadline_exceeded', () => {
    const t = simulate(makePlan([{ id: 'a', ms: 300 }], [], { deadlineMs: 300 }));
    expect(t.outcome).toBe('complete');
    expect(t.makespanMs).toBe(300);
  });

  it('a deadline that falls during the first model turn leaves every call not started', () => {
    const t = simulate(makePlan([{ id: 'a' }], [], { deadlineMs: 100, modelTurnMs: 500 }));
    expect(t.outcome).toBe('deadline_exceeded');
    expect(summary(t).a.status).toBe('not_started');
    expect(t.turns).toHaveLength(0);
  });
});

describe('hangs', () => {
  const hang = { kind: 'timeout' as const, onAttempts: [1] };

  it('a hang without a timeout or deadline is hung, and the run is stuck with no makespan', () => {
    const p = makePlan([{ id: 'h', faults: [hang] }, { id: 'ok', ms: 200 }, { id: 'after_h' }], [['h', 'after_h']]);
    const t = simulate(p);
    expect(t.outcome).toBe('stuck');
    expect(t.makespanMs).toBeNull();
    expect(summary(t)).toEqual({
      h: { status: 'hung', startMs: 0, endMs: null, attempts: 1 },
      ok: { status: 'succeeded', startMs: 0, endMs: 200, attempts: 1 },
      after_h: { status: 'not_started', startMs: null, endMs: null, attempts: 0 },
    });
    expect(t.calls[0].attempts[0]).toMatchObject({ result: 'hang', endMs: null });
    expect(t.calls[2].reason).toEqual({ kind: 'hung_upstream', waitingOn: 'h' });
  });

  it('under waves a hung call holds its wave open for ever, so no later wave starts', () => {
    const p = makePlan([{ id: 'h', faults: [hang] }, { id: 'ok' }, { id: 'next' }], [['ok', 'next']]);
    const t = simulate(p);
    expect(summary(t).next.status).toBe('not_started');
    expect(t.calls[2].reason).toEqual({ kind: 'wave_held', by: 'h' });
    expect(simulate(p, { strategy: 'eager' }).calls[2].status).toBe('succeeded');
  });

  it('a hang with a deadline is cancelled at the deadline', () => {
    const t = simulate(makePlan([{ id: 'h', faults: [hang] }], [], { deadlineMs: 1000 }));
    expect(t.outcome).toBe('deadline_exceeded');
    expect(summary(t).h).toEqual({ status: 'cancelled', startMs: 0, endMs: 1000, attempts: 1 });
  });

  it('a hang with a timeout ends at the timeout as a retryable timeout', () => {
    const t = simulate(makePlan([{ id: 'h', timeoutMs: 250, retry: { maxAttempts: 2, initialIntervalMs: 10 }, faults: [hang] }]));
    expect(summary(t).h).toEqual({ status: 'succeeded', startMs: 0, endMs: 360, attempts: 2 });
    expect(t.calls[0].attempts[0]).toMatchObject({ result: 'timeout', endMs: 250, retryable: true, message: 'timed out after 250 ms' });
  });
});

describe('timeouts, slow and fault precedence', () => {
  it('an attempt lasting exactly its timeout is not a timeout; a longer one is', () => {
    expect(summary(simulate(makePlan([{ id: 'x', ms: 200, timeoutMs: 200 }]))).x.status).toBe('succeeded');
    expect(summary(simulate(makePlan([{ id: 'x', ms: 201, timeoutMs: 200 }]))).x).toMatchObject({ status: 'timed_out', endMs: 200 });
  });

  it('slow faults multiply together and can push an attempt past its timeout', () => {
    const slow = (factor: number) => ({ kind: 'slow' as const, factor, onAttempts: [1] });
    expect(summary(simulate(makePlan([{ id: 'x', faults: [slow(2), slow(3)] }]))).x.endMs).toBe(600);
    expect(summary(simulate(makePlan([{ id: 'x', timeoutMs: 250, faults: [slow(3)] }]))).x).toMatchObject({
      status: 'timed_out',
      endMs: 250,
    });
  });

  it('of the faults that fire, the first in list order decides the attempt', () => {
    const t = simulate(makePlan([{ id: 'x', faults: [{ kind: 'partial', note: 'half', onAttempts: [1] }, boom()] }]));
    expect(summary(t).x.status).toBe('partial');
    const u = simulate(makePlan([{ id: 'x', faults: [boom(), { kind: 'partial', note: 'half', onAttempts: [1] }] }]));
    expect(summary(u).x.status).toBe('failed');
  });

  it('an error fails after its latency, and probability 0 never fires while 1 always does', () => {
    const p = (probability: number) => makePlan([{ id: 'x', ms: 70, faults: [{ kind: 'error', message: 'no', probability }] }]);
    expect(summary(simulate(p(1))).x).toMatchObject({ status: 'failed', endMs: 70 });
    expect(summary(simulate(p(0))).x.status).toBe('succeeded');
  });
});

describe('propagation through required and optional edges', () => {
  it('a required input that failed skips the call and names it', () => {
    const t = simulate(makePlan([{ id: 'fetch_b', faults: [boom()] }, { id: 'sum' }], [['fetch_b', 'sum']]));
    expect(t.calls[1].reason).toEqual({ kind: 'upstream', blockers: [{ id: 'fetch_b', status: 'failed' }] });
  });

  it('skips cascade down a chain at the same instant', () => {
    const t = simulate(
      makePlan(
        [{ id: 'a', faults: [boom()] }, { id: 'b' }, { id: 'c' }],
        [
          ['a', 'b'],
          ['b', 'c'],
        ],
      ),
    );
    expect(summary(t)).toMatchObject({ b: { status: 'skipped' }, c: { status: 'skipped' } });
    expect(t.calls[2].reason).toEqual({ kind: 'upstream', blockers: [{ id: 'b', status: 'skipped' }] });
  });

  it('an optional input that failed lets the call run degraded, naming what is missing', () => {
    const t = simulate(makePlan([{ id: 'a', faults: [boom()] }, { id: 'b' }], [['a', 'b', 'optional']]));
    expect(summary(t).b.status).toBe('succeeded');
    expect(t.calls[1].missingInputs).toEqual([{ id: 'a', status: 'failed' }]);
  });

  it('an `ignore` call is an optional input to everyone, even when it was itself skipped', () => {
    const p = makePlan(
      [{ id: 'x', faults: [boom()] }, { id: 'enrich', onFailure: 'ignore' }, { id: 'b' }],
      [
        ['x', 'enrich'],
        ['enrich', 'b'],
      ],
    );
    const t = simulate(p);
    expect(summary(t)).toMatchObject({ enrich: { status: 'skipped' }, b: { status: 'succeeded' } });
    expect(t.calls[2].missingInputs).toEqual([{ id: 'enrich', status: 'skipped' }]);
  });
});
