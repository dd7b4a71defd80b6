// The A | B | Δ table on real runs: the numbers the CLI computes, rounded as the view rounds them.
import { describe, expect, it } from 'vitest';
import { MonteCarlo } from '@/lib/engine/montecarlo';
import { summarize } from '@/lib/engine/reliability';
import type { Plan } from '@/lib/plan';
import { example } from '@/lib/plan/test-examples';
import { compareRows } from './compare-rows';
import { signed } from '@/lib/format/number';
import { formatPercent } from './format';

const run = (plan: Plan, runs: number) => {
  const mc = new MonteCarlo(plan);
  return summarize(mc.cp.ids, [mc.runChunk(0, runs)]);
};

describe('compareRows', () => {
  it('shows A, B and B − A for every outcome, percentile, attempts and the misled share', () => {
    const a = example('research-agent');
    const b: Plan = { ...a, calls: a.calls.map((c) => (c.id === 'fetch_3' ? { ...c, retry: { ...c.retry, maxAttempts: 4 } } : c)) };
    const ra = run(a, 2000);
    const rb = run(b, 2000);
    const rows = compareRows(ra, rb);
    expect(rows.map((r) => r.key)).toEqual([
      'complete',
      'partial',
      'aborted',
      'deadline_exceeded',
      'stuck',
      'p50',
      'p95',
      'p99',
      'attempts',
      'misled',
    ]);
    const success = rows[0];
    expect(success.a).toBe(formatPercent(ra.successRate));
    expect(success.b).toBe(formatPercent(rb.successRate));
    // More attempts on a timing-out fetch: more complete runs, at the price of attempts.
    expect(rb.successRate).toBeGreaterThan(ra.successRate);
    expect(success.tone).toBe('better');
    expect(success.delta.startsWith('+')).toBe(true);
    expect(rb.attemptsPerRun).toBeGreaterThan(ra.attemptsPerRun);
    expect(rows.find((r) => r.key === 'attempts')?.delta).toBe(signed(rb.attemptsPerRun - ra.attemptsPerRun, 1));
    // Partial is neither good nor bad news by itself.
    expect(rows[1].tone).toBe('same');
  });

  it('says ± and no tone for identical variants', () => {
    const a = example('flaky-api');
    const r = run(a, 300);
    for (const row of compareRows(r, r)) {
      expect(row.tone).toBe('same');
      expect(row.delta.startsWith('±') || row.delta === '—').toBe(true);
    }
  });
});

describe('compareRows with side effects', () => {
  it('adds the effect shares, fewer being better, when a variant has side effects', () => {
    const a = example('double-charge');
    const b: Plan = { ...a, calls: a.calls.map((c) => (c.id === 'charge_card' ? { ...c, effect: 'idempotent' as const } : c)) };
    const mcA = new MonteCarlo(a);
    const mcB = new MonteCarlo(b);
    const rows = compareRows(
      summarize(mcA.cp.ids, [mcA.runChunk(0, 200)], mcA.cp.effect),
      summarize(mcB.cp.ids, [mcB.runChunk(0, 200)], mcB.cp.effect),
    );
    const dup = rows.find((r) => r.key === 'maybeDuplicated');
    expect(dup).toEqual({
      key: 'maybeDuplicated',
      label: 'Possible duplicate',
      a: '100.0%',
      b: '0.0%',
      delta: '−100.0 pts',
      tone: 'better',
    });
    expect(rows.map((r) => r.key)).toContain('leftInPlace');
  });

  it('has no effect rows for plans without side effects', () => {
    const a = example('flaky-api');
    expect(compareRows(run(a, 50), run(a, 50)).map((r) => r.key)).not.toContain('duplicated');
  });
});
