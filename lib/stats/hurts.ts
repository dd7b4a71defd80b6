// "What hurts most" within a stated budget: which calls are ranked (the ones that fail most on their own in the
// plan's runs) and how many runs each variant gets, so that a 20,000-call plan ranks in seconds rather than queuing
// millions of runs. Pure: numbers in, numbers out.
import type { Plan } from '../plan/schema';

/** Most calls ranked: the ones that fail most on their own in the plan's runs. */
export const HURT_MAX_CALLS = 20;
/** Most runs of each variant: enough to rank, bounded so large plans stay quick. */
export const HURT_RUNS_CAP = 2_000;
/** Call-simulations the ranking may spend at most (its variants and their baseline together). */
export const HURT_BUDGET = 50_000_000;

/** Calls in a plan with those of its sub-agents: what one run of it costs, in call-simulations. */
export function callsWithAgents(plan: Plan): number {
  let n = 0;
  for (const c of plan.calls) n += 1 + (c.kind === 'agent' && c.plan ? callsWithAgents(c.plan) : 0);
  return n;
}

export interface HurtBudget {
  /** Calls that will be ranked at most. */
  calls: number;
  /** Runs of each variant (and of the baseline they are measured against). */
  runs: number;
}

/** How much "what hurts most" runs beside `runs` runs of the plan. */
export function hurtBudget(plan: Plan, runs: number): HurtBudget {
  const calls = Math.min(HURT_MAX_CALLS, plan.calls.length);
  const perRun = Math.max(1, callsWithAgents(plan));
  const affordable = Math.floor(HURT_BUDGET / (perRun * (calls + 1)));
  return { calls, runs: Math.max(1, Math.min(runs, HURT_RUNS_CAP, affordable)) };
}

/**
 * The calls to rank: those that failed on their own in some run, most often first (ties in plan order), at most
 * `max`. A call that never failed would gain nothing: it is not run.
 */
export function hurtCandidates(order: readonly string[], failureRates: Readonly<Record<string, number>>, max = HURT_MAX_CALLS): string[] {
  return order
    .map((id, i) => ({ id, i, rate: failureRates[id] ?? 0 }))
    .filter((c) => c.rate > 0)
    .sort((a, b) => b.rate - a.rate || a.i - b.i)
    .slice(0, max)
    .map((c) => c.id);
}
