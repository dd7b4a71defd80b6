// Retries and the concurrency cap (docs/engine.md#retries, #strategies): waits, jitter, rate-limit floors, slots and queue order.
import { describe, expect, it } from 'vitest';
import { simulate } from './simulate';
import { makePlan, summary } from './testing/build';

const fail = (onAttempts: number[]) => ({ kind: 'error' as const, message: 'flaky', retryable: true, onAttempts });

describe('retry waits', () => {
  it('waits initial × coefficient^(n−1), capped at maximumIntervalMs', () => {
    const p = makePlan([
      {
        id: 'x',
        ms: 10,
        retry: { maxAttempts: 5, initialIntervalMs: 100, backoffCoefficient: 2, maximumIntervalMs: 300 },
        faults: [fail([1, 2, 3, 4])],
      },
    ]);
    const t = simulate(p);
    const a = t.calls[0].attempts;
    expect(a.map((x) => x.retryWaitMs)).toEqual([100, 200, 300, 300, undefined]);
    expect(a.map((x) => x.startMs)).toEqual([0, 110, 320, 630, 940]);
    expect(summary(t).x).toEqual({ status: 'succeeded', startMs: 0, endMs: 950, attempts: 5 });
  });

  it('maximumIntervalMs defaults to 100 × initialIntervalMs', () => {
    const p = makePlan([
      { id: 'x', ms: 0, retry: { maxAttempts: 10, initialIntervalMs: 1, backoffCoefficient: 10 }, faults: [fail([1, 2, 3, 4])] },
    ]);
    expect(
      simulate(p)
        .calls[0].attempts.map((x) => x.retryWaitMs)
        .slice(0, 4),
    ).toEqual([1, 10, 100, 100]);
  });

  it('with full jitter each wait is a uniform draw in [0, the capped backoff], and draws vary', () => {
    const waits: number[][] = [];
    for (let seed = 0; seed < 300; seed++) {
      const p = makePlan(
        [
          {
            id: 'x',
            ms: 5,
            retry: { maxAttempts: 4, initialIntervalMs: 100, backoffCoefficient: 3, maximumIntervalMs: 500, jitter: 'full' },
            faults: [fail([1, 2, 3])],
          },
        ],
        [],
        { seed },
      );
      waits.push(
        simulate(p)
          .calls[0].attempts.slice(0, 3)
          .map((a) => a.retryWaitMs ?? NaN),
      );
    }
    const bounds = [100, 300, 500];
    for (const w of waits) w.forEach((x, i) => expect(x >= 0 && x <= bounds[i]).toBe(true));
    bounds.forEach((b, i) => {
      const mean = waits.reduce((s, w) => s + w[i], 0) / waits.length;
      expect(mean).toBeGreaterThan(b * 0.4);
      expect(mean).toBeLessThan(b * 0.6);
    });
  });

  it('after a rate limit the wait is at least retryAfterMs, jitter or not', () => {
    const rl = { kind: 'rate_limit' as const, retryAfterMs: 1000, onAttempts: [1] };
    for (const jitter of ['none', 'full'] as const) {
      const t = simulate(makePlan([{ id: 'x', ms: 10, retry: { maxAttempts: 2, initialIntervalMs: 100, jitter }, faults: [rl] }]));
      expect(t.calls[0].attempts[0]).toMatchObject({ result: 'rate_limited', code: '429', retryWaitMs: 1000, retryable: true });
      expect(summary(t).x.endMs).toBe(1020);
    }
    const longer = simulate(makePlan([{ id: 'x', ms: 10, retry: { maxAttempts: 2, initialIntervalMs: 5000 }, faults: [rl] }]));
    expect(longer.calls[0].attempts[0].retryWaitMs).toBe(5000);
  });

  it('the last attempt failing ends the call failed; a last timeout ends it timed out', () => {
    const t = simulate(makePlan([{ id: 'x', retry: { maxAttempts: 2, initialIntervalMs: 0 }, faults: [fail([1, 2])] }]));
    expect(summary(t).x).toEqual({ status: 'failed', startMs: 0, endMs: 200, attempts: 2 });
  });

  it('retries happen inside the wave and cost no model turn', () => {
    const p = makePlan([{ id: 'x', retry: { maxAttempts: 3, initialIntervalMs: 10 }, faults: [fail([1, 2])] }, { id: 'y' }], [['x', 'y']], {
      modelTurnMs: 1000,
    });
    const t = simulate(p);
    expect(t.turns).toHaveLength(2);
    // x: 100 ms, wait 10, 100 ms, wait 20, 100 ms = 330 ms inside wave 1.
    expect(summary(t).y.startMs).toBe(1000 + 330 + 1000);
  });
});

describe('concurrency cap', () => {
  const three = (maxConcurrency: number | null) =>
    makePlan([{ id: 'a' }, { id: 'b' }, { id: 'c' }], [], { maxConcurrency, strategy: 'eager' });

  it('a cap of 1 runs one call at a time, in order', () => {
    expect(Object.values(summary(simulate(three(1)))).map((c) => [c.startMs, c.endMs])).toEqual([
      [0, 100],
      [100, 200],
      [200, 300],
    ]);
  });

  it('a cap of k runs k at a time', () => {
    expect(Object.values(summary(simulate(three(2)))).map((c) => c.startMs)).toEqual([0, 0, 100]);
  });

  it('a cap of n or more is the same as no cap', () => {
    expect(simulate(three(3))).toEqual(simulate(three(null)));
    expect(simulate(three(50))).toEqual(simulate(three(null)));
  });

  it('queues by ready time first, then wave, then order in calls', () => {
    // late (index 0, wave 1) becomes ready at 50, after other (index 2) has waited since 0.
    const p = makePlan([{ id: 'late' }, { id: 'first', ms: 50 }, { id: 'other' }], [['first', 'late']], {
      maxConcurrency: 1,
      strategy: 'eager',
    });
    expect(summary(simulate(p))).toMatchObject({
      first: { startMs: 0, endMs: 50 },
      other: { startMs: 50, endMs: 150 },
      late: { startMs: 150, endMs: 250 },
    });
  });

  it('a call waiting to retry holds no slot, and takes one when its wait is over', () => {
    const p = makePlan(
      [
        { id: 'a', ms: 10, retry: { maxAttempts: 2, initialIntervalMs: 100 }, faults: [fail([1])] },
        { id: 'b', ms: 100 },
      ],
      [],
      {
        maxConcurrency: 1,
      },
    );
    expect(summary(simulate(p))).toMatchObject({
      a: { startMs: 0, endMs: 120, attempts: 2 },
      b: { startMs: 10, endMs: 110 },
    });
  });

  it('under waves the cap queues the calls of the current wave', () => {
    const p = makePlan([{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }], [['a', 'd']], { maxConcurrency: 2, modelTurnMs: 10 });
    expect(Object.values(summary(simulate(p))).map((c) => c.startMs)).toEqual([10, 10, 110, 220]);
  });
});

describe('simultaneous events at one instant, in their order', () => {
  it('logs ends, then the stop, before anything else at that instant', () => {
    const p = makePlan([{ id: 'auth', onFailure: 'abort', faults: [{ kind: 'error', message: 'denied', onAttempts: [1] }] }, { id: 'b' }]);
    const at100 = simulate(p)
      .events.filter((e) => e.t === 100)
      .map((e) => e.type);
    expect(at100.slice(0, 4)).toEqual(['attempt_end', 'final', 'attempt_end', 'final']);
    expect(at100[4]).toBe('stop');
  });

  it('a zero-latency chain finishes within one instant', () => {
    const t = simulate(
      makePlan(
        [
          { id: 'a', ms: 0 },
          { id: 'b', ms: 0 },
        ],
        [['a', 'b']],
        { strategy: 'eager' },
      ),
    );
    expect(summary(t).b).toEqual({ status: 'succeeded', startMs: 0, endMs: 0, attempts: 1 });
  });

  it('a retry due at the instant a wave would start runs first: the wave waits for it', () => {
    // x fails at 100, retries with no wait at 100; y (wave 1) cannot start before x is final.
    const p = makePlan([{ id: 'x', retry: { maxAttempts: 2, initialIntervalMs: 0 }, faults: [fail([1])] }, { id: 'y' }], [['x', 'y']]);
    expect(summary(simulate(p))).toMatchObject({ x: { endMs: 200, attempts: 2 }, y: { startMs: 200 } });
  });
});

describe('determinism', () => {
  it('the same plan and seed give the same trace, byte for byte', () => {
    const p = makePlan(
      [
        {
          id: 'a',
          latency: { kind: 'lognormal', p50Ms: 100, p95Ms: 400 },
          retry: { maxAttempts: 3, jitter: 'full' },
          faults: [{ kind: 'error', message: 'x', retryable: true, probability: 0.5 }],
        },
        { id: 'b', latency: { kind: 'uniform', minMs: 10, maxMs: 90 } },
      ],
      [['a', 'b', 'optional']],
      { seed: 42 },
    );
    expect(JSON.stringify(simulate(p))).toBe(JSON.stringify(simulate(p)));
    const runs = new Set(Array.from({ length: 20 }, (_, run) => JSON.stringify(simulate(p, { run }).calls)));
    expect(runs.size).toBeGreaterThan(1);
  });
});
