// Monte Carlo (docs/engine.md#many-runs): agreement with simulate(), split invariance, and the odds it reports.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryPlan } from '../plan/testing/arbitrary';
import { OUTCOME_NAME, STATUS_NAME } from './simulate';
import { MonteCarlo, mergeChunks, nearestRank, runMonteCarlo } from './montecarlo';
import { simulate } from './simulate';
import { makePlan } from './testing/build';
import type { Plan } from '../plan/schema';

describe('Monte Carlo run r is simulate() run r', () => {
  it('on 200 random plans with every fault kind: same outcome, makespan, statuses and attempts', () => {
    let compared = 0;
    fc.assert(
      fc.property(arbitraryPlan({ maxCalls: 10 }), fc.integer({ min: 0, max: 1000 }), (plan, firstRun) => {
        const mc = new MonteCarlo(plan);
        for (let r = firstRun; r < firstRun + 3; r++) {
          const k = mc.runOne(r);
          const t = simulate(plan, { run: r });
          expect(OUTCOME_NAME[k.outcome]).toBe(t.outcome);
          expect(Number.isNaN(k.makespan) ? null : k.makespan).toBe(t.makespanMs);
          t.calls.forEach((c, i) => {
            expect(STATUS_NAME[k.status[i]]).toBe(c.status);
            expect(k.attempts[i]).toBe(c.attempts.length);
          });
          compared++;
        }
      }),
      { numRuns: 200, seed: 20261125 },
    );
    expect(compared).toBe(600);
  });

  it('on 300 random uncapped plans without sub-agents, where the event-free pass runs: the same again', () => {
    let fast = 0;
    fc.assert(
      fc.property(arbitraryPlan({ maxCalls: 12, agents: false }), fc.integer({ min: 0, max: 1000 }), (raw, firstRun) => {
        const plan: Plan = { ...raw, settings: { ...raw.settings, maxConcurrency: null } };
        const mc = new MonteCarlo(plan);
        for (let r = firstRun; r < firstRun + 5; r++) {
          const k = mc.runOne(r);
          const t = simulate(plan, { run: r });
          if (t.stop === null && t.outcome !== 'stuck') fast++;
          expect(OUTCOME_NAME[k.outcome]).toBe(t.outcome);
          expect(Number.isNaN(k.makespan) ? null : k.makespan).toBe(t.makespanMs);
          t.calls.forEach((c, i) => {
            expect([c.id, STATUS_NAME[k.status[i]], k.attempts[i]]).toEqual([c.id, c.status, c.attempts.length]);
          });
        }
      }),
      { numRuns: 300, seed: 4242 },
    );
    // Most of these runs neither stop nor hang, so they took the event-free pass.
    expect(fast).toBeGreaterThan(600);
  });

  it('the random plans exercise every fault kind, strategy and outcome', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(arbitraryPlan({ maxCalls: 10 }), (plan) => {
        for (const c of plan.calls) for (const f of c.faults) seen.add(`fault:${f.kind}`);
        seen.add(`strategy:${plan.settings.strategy}`);
        seen.add(`outcome:${simulate(plan).outcome}`);
      }),
      { numRuns: 200, seed: 20261125 },
    );
    for (const k of ['error', 'timeout', 'rate_limit', 'slow', 'partial']) expect(seen).toContain(`fault:${k}`);
    for (const s of ['waves', 'eager', 'sequential']) expect(seen).toContain(`strategy:${s}`);
    for (const o of ['complete', 'partial', 'aborted', 'deadline_exceeded', 'stuck']) expect(seen).toContain(`outcome:${o}`);
  });
});

describe('split invariance', () => {
  it('runs [offset, offset + n) give identical statistics however they are split', () => {
    fc.assert(
      fc.property(
        arbitraryPlan({ maxCalls: 8 }),
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 6 }),
        (plan, sizes) => {
          const total = sizes.reduce((a, b) => a + b, 0);
          const ids = plan.calls.map((c) => c.id);
          const whole = mergeChunks(ids, [new MonteCarlo(plan).runChunk(0, total)]);
          // Each chunk on its own MonteCarlo, as separate workers would, merged in shuffled order.
          let offset = 0;
          const chunks = sizes.map((n) => {
            const ch = new MonteCarlo(plan).runChunk(offset, n);
            offset += n;
            return ch;
          });
          expect(mergeChunks(ids, chunks.reverse())).toEqual(whole);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('runMonteCarlo is the single-chunk merge and is deterministic', () => {
    const plan = makePlan([{ id: 'a', latency: { kind: 'lognormal', p50Ms: 100, p95Ms: 300 } }], [], { seed: 9 });
    expect(runMonteCarlo(plan, { runs: 500 })).toEqual(runMonteCarlo(plan, { runs: 500 }));
    expect(runMonteCarlo(plan, { runs: 500, seed: 10 })).not.toEqual(runMonteCarlo(plan, { runs: 500 }));
  });
});

describe('the odds Monte Carlo reports', () => {
  // One call that fails with p = 0.3 on each of k = 3 attempts succeeds with probability 1 − p^k.
  const flaky = (seed: number): Plan =>
    makePlan(
      [
        {
          id: 'x',
          retry: { maxAttempts: 3, initialIntervalMs: 0 },
          faults: [{ kind: 'error', message: 'flaky', retryable: true, probability: 0.3 }],
        },
      ],
      [],
      { seed },
    );

  it.each([1, 2, 3, 1234, 4294967295])('success rate is within 5 standard errors of 1 − 0.3³ over 20,000 runs (seed %i)', (seed) => {
    const runs = 20_000;
    const stats = runMonteCarlo(flaky(seed), { runs });
    const p = 1 - 0.3 ** 3;
    const se = Math.sqrt((p * (1 - p)) / runs);
    expect(Math.abs(stats.calls.x.successRate - p)).toBeLessThan(5 * se);
    // Expected attempts: 1 + 0.3 + 0.09.
    expect(stats.calls.x.meanAttempts).toBeCloseTo(1.39, 1);
    expect(stats.outcomes.complete + stats.outcomes.partial).toBe(runs);
  });

  it('lists every outcome, zero counts included', () => {
    const stats = runMonteCarlo(makePlan([{ id: 'a' }]), { runs: 10 });
    expect(stats.outcomes).toEqual({ complete: 10, partial: 0, aborted: 0, deadline_exceeded: 0, stuck: 0 });
    expect(stats.makespanMs).toEqual({ p50: 100, p95: 100, p99: 100, mean: 100 });
    expect(stats.calls.a).toEqual({ successRate: 1, meanAttempts: 1 });
  });

  it('counts 0 attempts for a call that never started and has no makespan for stuck runs', () => {
    const plan = makePlan([{ id: 'h', faults: [{ kind: 'timeout', onAttempts: [1] }] }, { id: 'after' }], [['h', 'after']]);
    const stats = runMonteCarlo(plan, { runs: 5 });
    expect(stats.outcomes.stuck).toBe(5);
    expect(stats.makespanMs).toEqual({ p50: null, p95: null, p99: null, mean: null });
    expect(stats.calls.after).toEqual({ successRate: 0, meanAttempts: 0 });
  });

  it('percentiles are by nearest rank', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect([nearestRank(sorted, 50), nearestRank(sorted, 95), nearestRank(sorted, 99)]).toEqual([50, 95, 99]);
    expect(nearestRank([7, 8, 9], 50)).toBe(8);
    expect(nearestRank([7], 99)).toBe(7);
    expect(nearestRank([], 50)).toBeNull();
  });

  it('keeps call ids that look like object internals as plain data', () => {
    const stats = runMonteCarlo(makePlan([{ id: 'constructor' }, { id: 'toString' }]), { runs: 3 });
    expect(JSON.parse(JSON.stringify(stats)).calls).toEqual({
      constructor: { successRate: 1, meanAttempts: 1 },
      toString: { successRate: 1, meanAttempts: 1 },
    });
  });
});
