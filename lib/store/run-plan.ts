// One Run of a plan: simulate it, then build the text context from the trace. Loaded on the first run (see
// `loadRunner` in run.ts): the simulator and the context builder are not needed to draw a plan.
import type { StrategyResult, Trace } from '@/lib/engine';
import { compareStrategies } from '@/lib/engine/compare';
import { simulate } from '@/lib/engine/simulate';
import { buildContext } from '@/lib/engine/context';
import type { Plan } from '@/lib/plan';
import { errorText } from '@/lib/format/error';

export interface RunResult {
  trace: Trace | null;
  contextText: string | null;
  /** Why the run itself failed (no trace). */
  runError: string | null;
  /** Why the context could not be built (the trace is still shown). */
  contextError: string | null;
  /** The same plan and seed under each strategy, for the side-by-side makespans. */
  strategies: StrategyResult[] | null;
}

/**
 * One Run from the page: simulate the plan, then build the text context from the trace. Each step's failure is
 * caught and reported as data, so a broken engine shows as a message, never a blank page.
 */
export function runPlan(plan: Plan): RunResult {
  let trace: Trace;
  try {
    trace = simulate(plan);
  } catch (err) {
    return { trace: null, contextText: null, runError: `The simulation failed: ${errorText(err)}`, contextError: null, strategies: null };
  }
  const strategies = compareStrategies(plan);
  try {
    return { trace, contextText: buildContext(plan, trace, 'text').text, runError: null, contextError: null, strategies };
  } catch (err) {
    return { trace, contextText: null, runError: null, contextError: `The context could not be built: ${errorText(err)}`, strategies };
  }
}
