// The run slice: the latest single run of the plan (its trace, the context built from it, each call's outcome for
// the canvas) and the step that makes it. It forgets the run by itself whenever another document is opened.
import type { StateCreator } from 'zustand/vanilla';
import type { CallStatus, StrategyResult, Trace } from '@/lib/engine';
import { compareStrategies } from '@/lib/engine/compare';
import { simulate } from '@/lib/engine/simulate';
import { buildContext } from '@/lib/engine/context';
import type { Plan } from '@/lib/plan';
import type { AppState } from './app-store';
import { playbackEnd } from './playback';
import type { Reaction } from './reactions';

export interface CallRunView {
  status: CallStatus;
  attempts: number;
  /** Failures inside an opaque sub-agent that the orchestrator never saw. */
  hiddenFailures: number;
  /** Optional inputs that did not succeed: the call ran degraded. */
  missingInputs: string[];
}

export interface RunSlice {
  trace: Trace | null;
  /** The plan the trace was made from: the document may have changed since. */
  tracePlan: Plan | null;
  /** The same plan and seed under each strategy. */
  strategies: StrategyResult[] | null;
  contextText: string | null;
  runError: string | null;
  contextError: string | null;
  /** The revision of the plan the trace belongs to: a trace of an older plan is shown as stale. */
  traceRevision: number;
  /** What the latest run did to each call, by id: read per node by the canvas (never copied into node data). */
  callRunById: Record<string, CallRunView>;
  run: () => void;
  clearRun: () => void;
}

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

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
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
    return { trace: null, contextText: null, runError: `The simulation failed: ${message(err)}`, contextError: null, strategies: null };
  }
  const strategies = compareStrategies(plan);
  try {
    return { trace, contextText: buildContext(plan, trace, 'text').text, runError: null, contextError: null, strategies };
  } catch (err) {
    return { trace, contextText: null, runError: null, contextError: `The context could not be built: ${message(err)}`, strategies };
  }
}

const NO_RUN = {
  trace: null,
  tracePlan: null,
  strategies: null,
  contextText: null,
  runError: null,
  contextError: null,
  callRunById: {},
  traceRevision: -1,
} as const;
const CLEARED = { ...NO_RUN, playing: false, cursorMs: 0 } as const;

/** Another document opened (or undo went back to one): its run, if any, is not this one, so it goes. */
export const forgetRunOfAnotherDocument: Reaction<AppState> = (next, prev) => (next.planVersion !== prev.planVersion ? CLEARED : null);

export const createRunSlice: StateCreator<AppState, [], [], RunSlice> = (set, get) => ({
  ...NO_RUN,
  run: () => {
    const { plan, revision } = get();
    const result = runPlan(plan);
    const callRunById: Record<string, CallRunView> = {};
    for (const c of result.trace?.calls ?? []) {
      callRunById[c.id] = {
        status: c.status,
        attempts: c.attempts.length,
        hiddenFailures: c.hiddenFailures ?? 0,
        missingInputs: c.missingInputs.map((m) => m.id),
      };
    }
    // The cursor goes to the end: the run's final state shows at once; Play replays it from the start.
    set({ ...result, tracePlan: plan, callRunById, traceRevision: revision, playing: false });
    set({ cursorMs: playbackEnd(get()) });
  },
  clearRun: () => set(CLEARED),
});
