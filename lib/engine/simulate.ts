// simulate(): one seeded run of a plan with its full trace (SPEC §3). Pure and deterministic.
import type { Plan } from '../plan/schema';
import type { SimulateOptions, Trace } from './types';

/** One run (run 0 unless opts.run says otherwise) with every attempt and event recorded. */
export function simulate(plan: Plan, opts: SimulateOptions = {}): Trace {
  void plan;
  void opts;
  throw new Error('simulate: not implemented yet');
}
