// The editor's one zustand store, made per provider (never a module-level singleton), built from slices.
// Vanilla (zustand/vanilla) so it can be created and tested without React. Views read it through selectors.
import { createStore } from 'zustand/vanilla';
import type { CallStatus, StrategyResult, Trace } from '@/lib/engine';
import type { Plan } from '@/lib/plan';
import { createDocumentSlice, type DocumentSlice } from './document';
import type { ExampleEntry } from './examples';
import { runPlan } from './run';
import { createPlaybackSlice, playbackEnd, type PlaybackSlice } from './playback';
import { createStatsSlice, type StatsSlice } from './stats';
import { createUiSlice, type UiSlice } from './ui';

export interface ExamplesSlice {
  examples: ExampleEntry[];
  examplesError: string | null;
  setExamples: (examples: ExampleEntry[]) => void;
  setExamplesError: (message: string) => void;
}

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

export type SaveStatus = 'idle' | 'saving' | 'saved' | 'memory-only' | 'conflict';

export interface PersistenceSlice {
  saveStatus: SaveStatus;
  /** What to tell the user about saving, when there is something to tell. */
  saveMessage: string | null;
  setSaveStatus: (status: SaveStatus, message?: string | null) => void;
}

export type AppState = ExamplesSlice & DocumentSlice & UiSlice & RunSlice & PersistenceSlice & PlaybackSlice & StatsSlice;
export type AppStore = ReturnType<typeof createAppStore>;

const NO_RUN = { trace: null, tracePlan: null, strategies: null, contextText: null, runError: null, contextError: null, callRunById: {}, traceRevision: -1 } as const;

export function createAppStore() {
  return createStore<AppState>()((set, get, api) => ({
    ...createDocumentSlice(set, get, api),
    ...createUiSlice(set, get, api),
    ...createPlaybackSlice(set, get, api),
    ...createStatsSlice(set, get, api),

    examples: [],
    examplesError: null,
    setExamples: (examples) => set({ examples, examplesError: null }),
    setExamplesError: (message) => set({ examplesError: message }),

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
    clearRun: () => set({ ...NO_RUN, playing: false, cursorMs: 0 }),

    saveStatus: 'idle',
    saveMessage: null,
    setSaveStatus: (saveStatus, saveMessage = null) => set({ saveStatus, saveMessage }),
  }));
}
