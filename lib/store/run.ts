// The run slice: the latest single run of the plan (its trace, the context built from it, each call's outcome for
// the canvas) and the step that makes it. It forgets the run by itself whenever another document is opened.
import type { StateCreator } from 'zustand/vanilla';
import type { CallStatus, StrategyResult, Trace } from '@/lib/engine';
import type { Plan } from '@/lib/plan';
import type { AppState } from './app-store';
import { playbackEnd } from './playback';
import type { Reaction } from './reactions';
import { errorText } from '@/lib/format/error';

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
  /** True while a run waits for the simulator to arrive (the first run on a slow connection). */
  runLoading: boolean;
  /** Runs the plan on view (once the simulator has loaded: the first run fetches it). */
  run: () => Promise<void>;
  clearRun: () => void;
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

export type { RunResult } from './run-plan';

type Runner = typeof import('./run-plan');
let loaded: Runner | null = null;
let loading: Promise<Runner> | null = null;

/** The simulator and the context builder, fetched once on the first run: drawing a plan does not need them. */
export function loadRunner(): Promise<Runner> {
  if (loaded !== null) return Promise.resolve(loaded);
  loading ??= import('./run-plan').then(
    (m) => (loaded = m),
    (err: unknown) => {
      loading = null; // a failed fetch is tried again on the next run
      throw err;
    },
  );
  return loading;
}

/** Starts fetching the simulator ahead of a likely run (the person is at work on the page): nothing happens if it fails. */
export function prefetchRunner(): void {
  loadRunner().catch(() => undefined);
}

export const createRunSlice: StateCreator<AppState, [], [], RunSlice> = (set, get) => {
  /** Runs the plan on view now and shows the run's final state. */
  const runNow = ({ runPlan }: Runner): void => {
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
    set({ ...result, tracePlan: plan, callRunById, traceRevision: revision, playing: false, runLoading: false });
    set({ cursorMs: playbackEnd(get()) });
  };
  return {
    ...NO_RUN,
    runLoading: false,
    run: async () => {
      // Once loaded, a run happens within the click or key press that asked for it, so the next key acts on it.
      if (loaded !== null) return runNow(loaded);
      let runner: Runner;
      set({ runLoading: true });
      try {
        runner = await loadRunner();
      } catch (err) {
        const runError = `The simulator could not be loaded (${errorText(err)}). Check the connection and run again.`;
        set({ ...NO_RUN, playing: false, runLoading: false, runError });
        // Said where the person is looking, not only in the Run tab; the plan is untouched.
        get().notify({ tone: 'error', text: runError });
        return;
      }
      // The plan on view when the simulator is ready: what the person sees is what runs.
      runNow(runner);
    },
    clearRun: () => set(CLEARED),
  };
};
