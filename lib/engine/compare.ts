// The same plan and seed under each strategy (the run panel's "waves 2.4 s · eager 1.9 s · sequential 6.1 s").
// Pure: three simulate() runs; a stopped or stuck run keeps its outcome so it is never read as a plain time.
import type { Plan, Strategy } from '../plan/schema';
import { simulate } from './simulate';
import type { Outcome } from './types';

export const STRATEGIES: readonly Strategy[] = ['waves', 'eager', 'sequential'];

export interface StrategyResult {
  strategy: Strategy;
  outcome: Outcome;
  /** null when the run is stuck. */
  makespanMs: number | null;
}

/** Run r (default 0) of the plan's seed (or `seed`) under each strategy, in STRATEGIES order. */
export function compareStrategies(plan: Plan, opts: { seed?: number; run?: number } = {}): StrategyResult[] {
  return STRATEGIES.map((strategy) => {
    const t = simulate(plan, { strategy, seed: opts.seed, run: opts.run });
    return { strategy, outcome: t.outcome, makespanMs: t.makespanMs };
  });
}
