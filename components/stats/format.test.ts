// The view's numbers: one rounding per kind of number, signs that never read −0, words for the hurt ranking.
import { describe, expect, it } from 'vitest';
import { deltas, describeDeltas, type Reliability } from '@/lib/engine/reliability';
import { durationDelta } from '@/lib/format/duration';
import { signed } from '@/lib/format/number';
import {
  deltaTone,
  describeHurt,
  formatAttemptsPerRun,
  formatCount,
  formatMeanAttempts,
  formatPercent,
  formatPoints,
  formatRuns,
  parseRuns,
} from './format';

describe('formatting', () => {
  it('counts and runs', () => {
    expect(formatCount(100000)).toBe('100,000');
    expect(formatRuns(10000)).toBe('10,000 runs');
    expect(formatRuns(1)).toBe('1 run');
  });

  it('shares as percents rounded to one decimal, never rounding a share that is not whole to 100% or 0%', () => {
    expect([0.9635, 0.9068, 1, 0.9996, 0, 0.00002].map((v) => formatPercent(v))).toEqual([
      '96.4%',
      '90.7%',
      '100.0%',
      '>99.9%',
      '0.0%',
      '<0.1%',
    ]);
  });

  it('signed numbers and points, never −0', () => {
    expect(signed(0.04, 1)).toBe('±0.0');
    expect(signed(-0.04, 1)).toBe('±0.0');
    expect(signed(-0.06, 1)).toBe('−0.1');
    expect(signed(1.25, 1)).toBe('+1.3');
    expect(formatPoints(12.34)).toBe('+12.3 pts');
    expect(formatPoints(-3)).toBe('−3.0 pts');
  });

  it('attempts: one decimal per run, two per call', () => {
    expect(formatAttemptsPerRun(7.36)).toBe('7.4');
    expect(formatMeanAttempts(1.2749)).toBe('1.27');
  });

  it('the table’s deltas agree with describeDeltas on the same numbers', () => {
    const r = (success: number, p95: number, attempts: number): Reliability =>
      ({
        stats: {
          runs: 100,
          outcomes: { complete: success, partial: 100 - success, aborted: 0, deadline_exceeded: 0, stuck: 0 },
          makespanMs: { p50: 1, p95, p99: 1, mean: 1 },
          calls: {},
        },
        successRate: success / 100,
        misledShare: 0,
        attemptsPerRun: attempts,
        makespans: new Float64Array(0),
      }) as Reliability;
    const a = r(61, 4300, 3.1);
    const b = r(73, 3000, 3.5);
    const d = deltas(a, b);
    expect(describeDeltas(d)).toBe('success +12 points, p95 −1.3 s, +0.4 attempts per run');
    expect(formatPoints(d.successPoints)).toBe('+12.0 pts');
    expect(durationDelta(d.p95Ms)).toBe('−1.3 s');
    expect(signed(d.attemptsPerRun, 1)).toBe('+0.4');
  });

  it('tones a delta by what is better, as rounded', () => {
    expect(deltaTone(12, 'higher', 1)).toBe('better');
    expect(deltaTone(-12, 'higher', 1)).toBe('worse');
    expect(deltaTone(-0.3, 'lower', 1)).toBe('better');
    expect(deltaTone(0.04, 'lower', 1)).toBe('same');
    expect(deltaTone(null, 'lower', 1)).toBe('same');
  });

  it('describes a call that would hurt less', () => {
    expect(describeHurt('fetch_3', 0.61, 0.932)).toBe('fetch_3 never failing: success 61.0% → 93.2% (+32.2 points)');
    expect(describeHurt('x', 0.5, 0.51)).toBe('x never failing: success 50.0% → 51.0% (+1.0 point)');
  });

  it('reads the runs field', () => {
    expect(parseRuns('10000')).toBe(10000);
    expect(parseRuns(' 10,000 ')).toBe(10000);
    expect(parseRuns('1e5')).toBeNaN();
    expect(parseRuns('')).toBeNaN();
    expect(parseRuns('12.5')).toBeNaN();
  });
});
