// Random streams (docs/engine.md#random-streams): counter-based draws, per-call independence, and the latency distributions they feed.
import { describe, expect, it } from 'vitest';
import { simulate } from './simulate';
import { combine, draw, hashString, normalQuantile, normalQuantileExact, runBase } from './random';
import { makePlan } from './testing/build';

describe('random streams', () => {
  it('draws lie strictly between 0 and 1 and depend only on (key, index)', () => {
    for (let j = 0; j < 10_000; j++) {
      const u = draw(123456789, j);
      expect(u > 0 && u < 1).toBe(true);
    }
    expect(draw(42, 7)).toBe(draw(42, 7));
    expect(draw(42, 7)).not.toBe(draw(43, 7));
  });

  it('draws are close to uniform', () => {
    const bins = new Array(10).fill(0);
    const n = 100_000;
    for (let j = 0; j < n; j++) bins[Math.floor(draw(runBase(7, 0), j) * 10)]++;
    for (const b of bins) expect(Math.abs(b - n / 10)).toBeLessThan(5 * Math.sqrt(n / 10));
  });

  it('run keys differ by seed and by run, and call keys by id', () => {
    expect(runBase(1, 0)).not.toBe(runBase(1, 1));
    expect(runBase(1, 0)).not.toBe(runBase(2, 0));
    expect(combine(runBase(1, 0), hashString('a'))).not.toBe(combine(runBase(1, 0), hashString('b')));
  });

  it('the tabled normal quantile agrees with Acklam’s formula to 2e-6', () => {
    for (let i = 1; i < 100_000; i++) {
      const u = i / 100_000;
      expect(Math.abs(normalQuantile(u) - normalQuantileExact(u))).toBeLessThan(2e-6);
    }
    expect(normalQuantileExact(0.975)).toBeCloseTo(1.959964, 5);
  });

  it('a lognormal latency has the p50 and p95 it was given', () => {
    const plan = makePlan([{ id: 'x', latency: { kind: 'lognormal', p50Ms: 200, p95Ms: 1000 } }]);
    const samples = Array.from({ length: 4000 }, (_, run) => simulate(plan, { run }).calls[0].endMs ?? 0).sort((a, b) => a - b);
    expect(samples[1999] / 200).toBeGreaterThan(0.93);
    expect(samples[1999] / 200).toBeLessThan(1.07);
    expect(samples[3799] / 1000).toBeGreaterThan(0.88);
    expect(samples[3799] / 1000).toBeLessThan(1.12);
  });

  it('a uniform latency stays within its bounds', () => {
    const plan = makePlan([{ id: 'x', latency: { kind: 'uniform', minMs: 50, maxMs: 80 } }]);
    for (let run = 0; run < 500; run++) {
      const end = simulate(plan, { run }).calls[0].endMs ?? -1;
      expect(end >= 50 && end <= 80).toBe(true);
    }
  });

  it('changing one call’s policy leaves every other call’s draws unchanged (common random numbers)', () => {
    const calls = (retries: number) => [
      {
        id: 'a',
        latency: { kind: 'lognormal' as const, p50Ms: 100, p95Ms: 500 },
        retry: { maxAttempts: retries },
        faults: [{ kind: 'error' as const, message: 'x', retryable: true, probability: 0.4 }],
      },
      {
        id: 'b',
        latency: { kind: 'lognormal' as const, p50Ms: 100, p95Ms: 500 },
        faults: [{ kind: 'error' as const, message: 'x', probability: 0.4 }],
      },
    ];
    for (let run = 0; run < 50; run++) {
      const one = simulate(makePlan(calls(1), [], { strategy: 'eager' }), { run });
      const three = simulate(makePlan(calls(3), [], { strategy: 'eager' }), { run });
      expect(three.calls[1]).toEqual(one.calls[1]);
      expect(three.calls[0].attempts[0]).toMatchObject({
        startMs: one.calls[0].attempts[0].startMs,
        endMs: one.calls[0].attempts[0].endMs,
      });
    }
  });
});
