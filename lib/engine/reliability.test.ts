// Reliability statistics: the same numbers however the runs are split, histograms that hold every run,
// deltas worded as a reviewer reads them, and "never fails" variants that leave the other calls' draws alone.
import { describe, expect, it } from 'vitest';
import { parsePlan, type Plan } from '../plan';
import { example } from '../plan/test-examples';
import { MonteCarlo, mergeChunks } from './montecarlo';
import { deltas, describeDeltas, histogram, rankHurts, retriedOnceCalls, summarize, withoutFailures } from './reliability';
import { makePlan } from './testing/build';
import { simulate } from './simulate';

describe('summarize', () => {
  const plan = example('flaky-api');
  const mc = new MonteCarlo(plan);

  it('agrees with the Monte Carlo statistics and counts misled runs as the runs that did not complete', () => {
    const chunk = mc.runChunk(0, 2000);
    const r = summarize(mc.cp.ids, [chunk]);
    expect(r.stats).toEqual(mergeChunks(mc.cp.ids, [chunk]));
    expect(r.misledShare + r.successRate).toBeCloseTo(1, 12);
    expect(r.makespans.length).toBe(2000 - r.stats.outcomes.stuck);
    expect(r.attemptsPerRun).toBeCloseTo(
      Object.values(r.stats.calls).reduce((a, c) => a + c.meanAttempts, 0),
      12,
    );
  });

  it('gives identical numbers however the runs are split into chunks', () => {
    const whole = summarize(mc.cp.ids, [new MonteCarlo(plan).runChunk(0, 1000)]);
    const parts = [new MonteCarlo(plan).runChunk(600, 400), new MonteCarlo(plan).runChunk(0, 250), new MonteCarlo(plan).runChunk(250, 350)];
    const split = summarize(mc.cp.ids, parts);
    expect(split.stats).toEqual(whole.stats);
    expect(split.misledShare).toBe(whole.misledShare);
    expect([...split.makespans]).toEqual([...whole.makespans]);
  });

  it('counts a misled run exactly when some call of that run did not succeed', () => {
    const chunk = new MonteCarlo(plan).runChunk(0, 50);
    let expected = 0;
    for (let r = 0; r < 50; r++) if (simulate(plan, { run: r }).calls.some((c) => c.status !== 'succeeded')) expected++;
    expect(chunk.misled).toBe(expected);
  });
});

describe('histogram', () => {
  it('puts every run in a bin on round edges', () => {
    const xs = Float64Array.from([120, 130, 250, 999, 1000, 1740]);
    const bins = histogram(xs, 10);
    expect(bins.reduce((a, b) => a + b.count, 0)).toBe(xs.length);
    expect(bins[0].x0).toBeLessThanOrEqual(120);
    expect(bins[bins.length - 1].x1).toBeGreaterThan(1740);
    const step = bins[0].x1 - bins[0].x0;
    expect([1, 2, 5].some((m) => Number.isInteger(Math.log10(step / m)))).toBe(true);
  });

  it('handles no runs and runs that all took the same time', () => {
    expect(histogram(new Float64Array(0))).toEqual([]);
    expect(histogram(Float64Array.from([500, 500]))).toEqual([{ x0: 500, x1: 500, count: 2 }]);
  });
});

describe('deltas', () => {
  it('reads as a reviewer says it: points, seconds and attempts', () => {
    const plan = example('flaky-api');
    const a = summarize(new MonteCarlo(plan).cp.ids, [new MonteCarlo(plan).runChunk(0, 500)]);
    const d = deltas(a, a);
    expect(d.successPoints).toBe(0);
    expect(describeDeltas({ successPoints: 12.2, p95Ms: -1300, p50Ms: 0, attemptsPerRun: 0.4, misledPoints: -12, effects: null })).toBe(
      'success +12 points, p95 −1.3 s, +0.4 attempts per run',
    );
    expect(describeDeltas({ successPoints: -1, p95Ms: 250, p50Ms: 0, attemptsPerRun: 0, misledPoints: 1, effects: null })).toBe(
      'success −1 point, p95 +250 ms, ±0.0 attempts per run',
    );
  });
});

describe('deltas with side effects', () => {
  const pay = (maxAttempts: number) =>
    makePlan([
      {
        id: 'pay',
        effect: 'once',
        timeoutMs: 100,
        retry: { maxAttempts, initialIntervalMs: 0 },
        faults: [{ kind: 'timeout', probability: 0.3 }],
      },
    ]);
  const run = (plan: Plan) => {
    const mc = new MonteCarlo(plan);
    return summarize(mc.cp.ids, [mc.runChunk(0, 2000)], mc.cp.effect);
  };

  it('never reads a success bought with duplicates as a plain win', () => {
    const a = run(pay(1));
    const b = run(pay(3));
    const d = deltas(a, b);
    expect(d.successPoints).toBeGreaterThan(15);
    expect(d.effects?.maybeDuplicated).toBeGreaterThan(15);
    expect(describeDeltas(d)).toMatch(/^success \+\d+ points, .*; but runs with a possible duplicate \+\d+ points$/);
  });

  it('names the once calls B retries more than A, with B’s duplicate rates beside its success', () => {
    const b = run(pay(3));
    const rows = retriedOnceCalls(pay(1), pay(3), b);
    expect(rows).toEqual([
      {
        id: 'pay',
        attemptsA: 1,
        attemptsB: 3,
        successB: b.stats.calls.pay.successRate,
        duplicateRateB: 0,
        maybeDuplicateRateB: b.stats.calls.pay.maybeDuplicateRate,
      },
    ]);
    expect(rows[0].maybeDuplicateRateB).toBeGreaterThan(0.2);
    expect(retriedOnceCalls(pay(3), pay(3), b)).toEqual([]);
  });

  it('has no effect deltas for plans without side effects', () => {
    const plan = example('flaky-api');
    const mc = new MonteCarlo(plan);
    const a = summarize(mc.cp.ids, [mc.runChunk(0, 100)], mc.cp.effect);
    expect(a.hasEffects).toBe(false);
    expect(deltas(a, a).effects).toBeNull();
  });
});

describe('what hurts most', () => {
  it('makes one call never fail, as a valid plan, leaving every other call as it was', () => {
    const plan = example('research-agent');
    const variant = withoutFailures(plan, 'fetch_3');
    expect(parsePlan(variant).ok).toBe(true);
    const c = variant.calls.find((x) => x.id === 'fetch_3')!;
    expect(c.faults).toEqual([]);
    expect(c.timeoutMs).toBeNull();
    expect(variant.calls.filter((x) => x.id !== 'fetch_3')).toEqual(plan.calls.filter((x) => x.id !== 'fetch_3'));
    for (const s of variant.scenarios) if (Object.hasOwn(s.faults, 'fetch_3')) expect(s.faults.fetch_3).toEqual([]);
  });

  it('the hardened call succeeds in every run and other calls keep their draws', () => {
    const plan = example('research-agent');
    const variant = withoutFailures(plan, 'fetch_3');
    for (let r = 0; r < 20; r++) {
      const a = simulate(plan, { run: r });
      const b = simulate(variant, { run: r });
      expect(b.calls.find((c) => c.id === 'fetch_3')!.status).toBe('succeeded');
      // fetch_1 does not depend on fetch_3: same attempts, same times.
      expect(b.calls.find((c) => c.id === 'fetch_1')!.attempts).toEqual(a.calls.find((c) => c.id === 'fetch_1')!.attempts);
    }
  });

  it('ranks calls by the points they would add, largest first', () => {
    expect(
      rankHurts(0.5, [
        { id: 'a', successRate: 0.55 },
        { id: 'b', successRate: 0.9 },
        { id: 'c', successRate: 0.55 },
      ]).map((r) => [r.id, Math.round(r.gainPoints)]),
    ).toEqual([
      ['b', 40],
      ['a', 5],
      ['c', 5],
    ]);
  });
});
