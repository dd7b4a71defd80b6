// The statistics slice: many seeded runs of the plan (A), optionally of a variant B on the same seeds, and "what
// hurts most". The workers live in the view (components/stats); this slice holds the request, the progress and the
// results, so they survive switching tabs, and the per-call success rates the canvas tints by. It forgets results
// and the variant by itself whenever another document is opened.
import type { StateCreator } from 'zustand/vanilla';
import type { HurtRow, Reliability } from '@/lib/engine/reliability';
import type { Plan } from '@/lib/plan';
import type { AppState } from './app-store';
import type { Reaction } from './reactions';

export const MIN_RUNS = 100;
export const MAX_RUNS = 100_000;

export { HURT_RUNS_CAP } from '@/lib/stats/hurts';

export type StatsPhase = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

export interface StatsResult {
  /** The plan A ran (the document may have changed since). */
  planA: Plan;
  a: Reliability;
  /** Variant B, run on the same seeds. */
  planB: Plan | null;
  b: Reliability | null;
  /** Calls ranked by what the plan's success rate would gain if each never failed (and the runs each used). */
  hurts: HurtRow[] | null;
  hurtRuns: number;
  /** Calls that failed on their own in A's runs (the ranked ones are the most frequent of them). */
  hurtFailing?: number;
  runs: number;
  seed: number;
  /** The document revision the results belong to (older ones show as stale). */
  revision: number;
}

export interface StatsSlice {
  statsRuns: number;
  statsPhase: StatsPhase;
  statsProgress: { done: number; total: number };
  /** What the latest batch runs besides A (its progress bar says so, finished or not). */
  statsBatch: { compare: boolean; hurts: boolean };
  statsMessage: string | null;
  statsResult: StatsResult | null;
  /** The variant being prepared for comparison (a copy of the plan, edited), or null. */
  variantB: Plan | null;
  /** Tint the canvas by each call's success rate over the runs. */
  heatOn: boolean;
  /** Also rank "what hurts most" on the next run. */
  statsHurts: boolean;
  setStatsRuns: (runs: number) => void;
  setStatsHurts: (on: boolean) => void;
  /** A batch began: its total runs, and whether it runs B and the "what hurts most" variants. */
  statsStarted: (total: number, kind?: { compare: boolean; hurts: boolean }) => void;
  statsProgressed: (done: number, total: number) => void;
  statsFinished: (result: StatsResult) => void;
  statsStopped: (phase: 'cancelled' | 'error', message: string) => void;
  setVariantB: (plan: Plan | null) => void;
  setHeatOn: (on: boolean) => void;
  /** Forgets results and the variant (done by itself when another document is opened). */
  clearStats: () => void;
  /** Drops variant B (and B's numbers from the results): A stays the plan. */
  keepA: () => void;
  /**
   * Makes the B that was run the plan (one undo step); its numbers become the results of the plan, and the
   * variant is dropped. Returns false when there is no B result to keep.
   */
  keepB: () => boolean;
}

const NO_STATS = {
  statsPhase: 'idle',
  statsProgress: { done: 0, total: 0 },
  statsMessage: null,
  statsResult: null,
  variantB: null,
} as const;

/** Another document opened (or undo went back to one): results of the one before are not its results, so they go. */
export const forgetStatsOfAnotherDocument: Reaction<AppState> = (next, prev) => (next.planVersion !== prev.planVersion ? NO_STATS : null);

export const createStatsSlice: StateCreator<AppState, [], [], StatsSlice> = (set, get) => ({
  statsRuns: 10_000,
  statsPhase: 'idle',
  statsProgress: { done: 0, total: 0 },
  statsBatch: { compare: false, hurts: false },
  statsMessage: null,
  statsResult: null,
  variantB: null,
  heatOn: true,
  statsHurts: false,
  setStatsRuns: (statsRuns) => set({ statsRuns }),
  setStatsHurts: (statsHurts) => set({ statsHurts }),
  statsStarted: (total, kind = { compare: false, hurts: false }) =>
    set({ statsPhase: 'running', statsProgress: { done: 0, total }, statsMessage: null, statsBatch: kind }),
  statsProgressed: (done, total) => set({ statsProgress: { done, total } }),
  // A finished batch shows its bar full (the last progress message may not have been drawn yet).
  statsFinished: (statsResult) =>
    set((s) => ({
      statsResult,
      statsPhase: 'done',
      statsMessage: null,
      statsProgress: { done: s.statsProgress.total, total: s.statsProgress.total },
    })),
  statsStopped: (statsPhase, statsMessage) => set({ statsPhase, statsMessage }),
  setVariantB: (variantB) => set({ variantB }),
  setHeatOn: (heatOn) => set({ heatOn }),
  clearStats: () => set(NO_STATS),
  keepA: () => {
    const r = get().statsResult;
    set({ variantB: null, statsResult: r === null || r.b === null ? r : { ...r, planB: null, b: null } });
  },
  keepB: () => {
    const r = get().statsResult;
    if (r === null || r.planB === null || r.b === null) return false;
    get().commit(r.planB);
    // B's numbers are now the plan's (still "what hurts most" was measured on A, so it goes). They stay current
    // only if B ran on its own seed (a B copied before A's seed changed did not).
    const current = r.planB.settings.seed === r.seed;
    set({
      variantB: null,
      statsResult: {
        ...r,
        planA: r.planB,
        a: r.b,
        planB: null,
        b: null,
        hurts: null,
        hurtRuns: 0,
        revision: current ? get().revision : r.revision,
      },
    });
    return true;
  },
});

/** A call's success rate over A's runs, for the canvas overlay: null when the overlay is off or has no number for it. */
export function callHeat(s: Pick<AppState, 'statsResult' | 'heatOn' | 'viewPath'>, id: string): number | null {
  if (!s.heatOn || s.statsResult === null || s.viewPath.length > 0) return null;
  const calls = s.statsResult.a.stats.calls;
  return Object.hasOwn(calls, id) ? calls[id].successRate : null;
}
