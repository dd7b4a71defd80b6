// The page's one zustand store, made per provider (never a module-level singleton): plan, example, latest run.
// Vanilla (zustand/vanilla) so it can be created and tested without React.
import { createStore } from 'zustand/vanilla';
import type { Plan, Problem } from '@/lib/plan';
import type { CallStatus, Trace } from '@/lib/engine';
import type { ExampleEntry } from './examples';
import { runPlan } from './run';

export type LoadState = 'idle' | 'loading' | 'ready' | 'error';

export interface ExamplesSlice {
  examples: ExampleEntry[];
  examplesError: string | null;
  exampleId: string | null;
  loadState: LoadState;
  setExamples: (examples: ExampleEntry[]) => void;
  setExamplesError: (message: string) => void;
  /** Marks another example as loading; the plan and any run are cleared. */
  selectExample: (id: string) => void;
}

export interface PlanSlice {
  plan: Plan | null;
  /** Counts loaded plans, so views can start afresh on each new one. */
  planVersion: number;
  problems: Problem[];
  /** Accepts a load result only if it is for the example still selected (a slower, older fetch is dropped). */
  planLoaded: (exampleId: string, result: { ok: true; plan: Plan } | { ok: false; problems: Problem[] }) => void;
}

export interface RunSlice {
  trace: Trace | null;
  contextText: string | null;
  runError: string | null;
  contextError: string | null;
  /** What the latest run did to each call, by id: read per node by the canvas (never copied into node data). */
  callRunById: Record<string, CallRunView>;
  run: () => void;
}

export interface CallRunView {
  status: CallStatus;
  attempts: number;
  /** Failures inside an opaque sub-agent that the orchestrator never saw. */
  hiddenFailures: number;
  /** Optional inputs that did not succeed: the call ran degraded. */
  missingInputs: string[];
}

export type AppState = ExamplesSlice & PlanSlice & RunSlice;
export type AppStore = ReturnType<typeof createAppStore>;

const NO_RUN = { trace: null, contextText: null, runError: null, contextError: null, callRunById: {} } as const;

export function createAppStore() {
  return createStore<AppState>()((set, get) => ({
    examples: [],
    examplesError: null,
    exampleId: null,
    loadState: 'idle',
    plan: null,
    planVersion: 0,
    problems: [],
    ...NO_RUN,

    setExamples: (examples) => set({ examples, examplesError: null }),
    setExamplesError: (message) => set({ examplesError: message, loadState: 'error' }),
    selectExample: (id) => {
      // Choosing the example already shown keeps it (and its run): there is nothing new to load.
      if (id === get().exampleId) return;
      set({ exampleId: id, loadState: 'loading', plan: null, problems: [], ...NO_RUN });
    },

    planLoaded: (exampleId, result) => {
      if (get().exampleId !== exampleId) return;
      if (result.ok) set({ plan: result.plan, planVersion: get().planVersion + 1, problems: [], loadState: 'ready', ...NO_RUN });
      else set({ plan: null, problems: result.problems, loadState: 'error', ...NO_RUN });
    },

    run: () => {
      const plan = get().plan;
      if (plan === null) return;
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
      set({ ...result, callRunById });
    },
  }));
}
