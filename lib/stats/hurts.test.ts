// "What hurts most" within its budget: at most 20 calls ranked, the ones that fail most on their own, and runs per
// variant cut so the whole ranking stays within its call-simulations, however large the plan.
import { describe, expect, it } from 'vitest';
import { layeredPlan } from '../engine/layered';
import { parsePlan, type Plan } from '../plan';
import { HURT_BUDGET, HURT_MAX_CALLS, HURT_RUNS_CAP, callsWithAgents, hurtBudget, hurtCandidates } from './hurts';

function layered(calls: number): Plan {
  const r = parsePlan(layeredPlan({ calls }));
  if (!r.ok) throw new Error(r.problems[0].message);
  return r.plan;
}

describe('the budget', () => {
  it.each([
    [6, 1000, 6, 1000],
    [200, 100_000, 20, HURT_RUNS_CAP],
    [5000, 10_000, 20, 476],
    [20_000, 100, 20, 100],
    [20_000, 10_000, 20, 119],
  ])('a %i-call plan run %i times ranks at most %i calls, %i runs each', (calls, runs, ranked, each) => {
    const plan = layered(calls);
    const budget = hurtBudget(plan, runs);
    expect(budget).toEqual({ calls: ranked, runs: each });
    expect(budget.runs * (budget.calls + 1) * callsWithAgents(plan)).toBeLessThanOrEqual(HURT_BUDGET);
  });

  it('counts a sub-agent’s calls in what one run costs', () => {
    const child = layered(10);
    const plan = { ...layered(3), calls: layered(3).calls.map((c, i) => (i === 0 ? { ...c, kind: 'agent' as const, plan: child } : c)) };
    expect(callsWithAgents(plan)).toBe(13);
  });
});

describe('the calls ranked', () => {
  it('are those that failed on their own, most often first, ties in plan order, at most 20', () => {
    const order = Array.from({ length: 40 }, (_, i) => `c${i}`);
    const rates = Object.fromEntries(order.map((id, i) => [id, i % 3 === 0 ? 0 : (1 + (i % 7)) / 100]));
    const picked = hurtCandidates(order, rates);
    expect(picked).toHaveLength(HURT_MAX_CALLS);
    expect(picked.every((id) => rates[id] > 0)).toBe(true);
    expect(picked.slice(0, 4)).toEqual(['c13', 'c20', 'c34', 'c5']);
    expect(hurtCandidates(['a', 'b'], { a: 0, b: 0 })).toEqual([]);
  });
});
