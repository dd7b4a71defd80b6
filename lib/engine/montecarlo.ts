// Monte Carlo over many seeded runs (SPEC §7 statistics), on typed arrays, splittable into chunks.
import type { Plan, Strategy } from '../plan/schema';
import type { Outcome } from './types';

export interface MonteCarloOptions {
  runs: number;
  seed?: number;
  strategy?: Strategy;
}

export interface MonteCarloStats {
  runs: number;
  outcomes: Record<Outcome, number>;
  makespanMs: { p50: number | null; p95: number | null; p99: number | null; mean: number | null };
  calls: Record<string, { successRate: number; meanAttempts: number }>;
}

export function runMonteCarlo(plan: Plan, opts: MonteCarloOptions): MonteCarloStats {
  void plan;
  void opts;
  throw new Error('runMonteCarlo: not implemented yet');
}
