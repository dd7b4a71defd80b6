// The statistics slice: keeping A drops B and its numbers; keeping B makes it the plan in one undo step, with its
// numbers as the plan's (current, not stale), and the canvas heat read from them.
import { describe, expect, it } from 'vitest';
import { MonteCarlo } from '@/lib/engine/montecarlo';
import { summarize } from '@/lib/engine/reliability';
import type { Plan } from '@/lib/plan';
import { example } from '@/lib/plan/test-examples';
import { createAppStore } from './app-store';
import { callHeat, type StatsResult } from './stats';

const run = (plan: Plan, runs: number) => {
  const mc = new MonteCarlo(plan);
  return summarize(mc.cp.ids, [mc.runChunk(0, runs)]);
};

function compared() {
  const store = createAppStore();
  const a = example('research-agent');
  store.getState().open(a, null);
  const planA = store.getState().plan;
  const planB: Plan = {
    ...planA,
    calls: planA.calls.map((c) => (c.id === 'fetch_3' ? { ...c, retry: { ...c.retry, maxAttempts: 4 } } : c)),
  };
  store.getState().setVariantB(planB);
  const result: StatsResult = {
    planA,
    a: run(planA, 300),
    planB,
    b: run(planB, 300),
    hurts: [],
    hurtRuns: 300,
    runs: 300,
    seed: planA.settings.seed,
    revision: store.getState().revision,
  };
  store.getState().statsFinished(result);
  return { store, planA, planB, result };
}

describe('keepA and keepB', () => {
  it('keepA drops the variant and B’s numbers, and leaves the plan alone', () => {
    const { store, planA, result } = compared();
    const revision = store.getState().revision;
    store.getState().keepA();
    const s = store.getState();
    expect(s.variantB).toBeNull();
    expect(s.plan).toBe(planA);
    expect(s.revision).toBe(revision);
    expect(s.statsResult?.b).toBeNull();
    expect(s.statsResult?.planB).toBeNull();
    expect(s.statsResult?.a).toBe(result.a);
  });

  it('keepB commits B as one undo step; its numbers become the plan’s, current', () => {
    const { store, planA, planB, result } = compared();
    expect(store.getState().keepB()).toBe(true);
    const s = store.getState();
    expect(s.plan).toBe(planB);
    expect(s.variantB).toBeNull();
    expect(s.statsResult?.a).toBe(result.b);
    expect(s.statsResult?.planA).toBe(planB);
    expect(s.statsResult?.b).toBeNull();
    expect(s.statsResult?.hurts).toBeNull();
    expect(s.statsResult?.revision).toBe(s.revision);
    expect(callHeat(s, 'fetch_3')).toBe(result.b?.stats.calls.fetch_3.successRate);
    s.undo();
    expect(store.getState().plan).toBe(planA);
    expect(store.getState().statsResult?.revision).not.toBe(store.getState().revision);
  });

  it('keepB without a B result does nothing', () => {
    const store = createAppStore();
    expect(store.getState().keepB()).toBe(false);
    expect(store.getState().past).toHaveLength(0);
  });

  it('opening another plan forgets results and the variant', () => {
    const { store } = compared();
    store.getState().open(example('flaky-api'), null);
    expect(store.getState().statsResult).toBeNull();
    expect(store.getState().variantB).toBeNull();
  });
});
