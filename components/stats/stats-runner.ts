'use client';
// Starts and cancels batches of runs on the page's one worker pool and writes progress and results to the store.
// The pool is made on first use (in the browser only) and kept: warm workers answer the next batch faster.
import { rankHurts, withoutFailures } from '@/lib/engine/reliability';
import { parsePlan, type Plan } from '@/lib/plan';
import type { AppStore } from '@/lib/store/app-store';
import { HURT_RUNS_CAP, MAX_RUNS, MIN_RUNS } from '@/lib/store/stats';
import { CancelledError, createBrowserPool, type McPool, type Progress } from '@/lib/stats/pool';

let pool: McPool | null = null;
/** The latest batch; an older one's late answer (cancelled, or replaced by a new run) is dropped. */
let current = 0;

export function statsPool(): McPool {
  pool ??= createBrowserPool();
  return pool;
}

/** Why a number of runs is refused, or null. */
export function runsProblem(runs: number): string | null {
  if (!Number.isInteger(runs) || runs < MIN_RUNS || runs > MAX_RUNS) return `Runs must be a whole number from ${MIN_RUNS.toLocaleString('en-US')} to ${MAX_RUNS.toLocaleString('en-US')}.`;
  return null;
}

/** Why variant B cannot run (its first schema problem, with its path), or null. */
export function variantProblem(plan: Plan): string | null {
  const r = parsePlan(plan);
  if (r.ok) return null;
  const p = r.problems[0];
  return `Variant B is not a valid plan: ${p.path ? `${p.path}: ` : ''}${p.message}`;
}

export interface RunOptions {
  /** Also run variant B on the same seeds. */
  compare: boolean;
  /** Also run, for each call, the plan with that call never failing. */
  hurts: boolean;
}

/** Runs the plan (and B, and the "what hurts most" variants) statsRuns times on the plan's seed. */
export async function runStats(store: AppStore, opts: RunOptions): Promise<void> {
  const s = store.getState();
  const planA = s.plan;
  const revision = s.revision;
  const runs = s.statsRuns;
  const problem = runsProblem(runs);
  if (problem !== null) {
    s.statsStopped('error', problem);
    return;
  }
  const planB = opts.compare ? s.variantB : null;
  if (planB !== null) {
    const bad = variantProblem(planB);
    if (bad !== null) {
      s.statsStopped('error', bad);
      return;
    }
  }
  const hurtRuns = Math.min(runs, HURT_RUNS_CAP);
  const plans: Plan[] = [planA];
  const counts: number[] = [runs];
  if (planB !== null) {
    plans.push(planB);
    counts.push(runs);
  }
  const hurtFrom = plans.length;
  if (opts.hurts) {
    // The baseline over the same runs as the variants, then one variant per call.
    plans.push(planA);
    counts.push(hurtRuns);
    for (const c of planA.calls) {
      plans.push(withoutFailures(planA, c.id));
      counts.push(hurtRuns);
    }
  }
  const seed = planA.settings.seed;
  const token = ++current;
  const mine = () => token === current;
  // Another plan opened (or undo/redo switched documents) while running: its statistics would be of the wrong plan.
  const planVersion = s.planVersion;
  const unsubscribe = store.subscribe((st) => {
    if (st.planVersion !== planVersion && mine()) {
      current++;
      pool?.cancel();
    }
  });
  // Progress arrives once per worker chunk; the store (and every subscriber) hears of it at most once a frame.
  let latest: Progress | null = null;
  let frame: number | null = null;
  const flush = () => {
    frame = null;
    if (latest !== null && mine()) store.getState().statsProgressed(latest.done, latest.total);
  };
  const onProgress = (p: Progress) => {
    latest = p;
    frame ??= nextFrame(flush);
  };
  s.statsStarted(counts.reduce((a, b) => a + b, 0), { compare: planB !== null, hurts: opts.hurts });
  try {
    const results = await statsPool().run({ plans, runs: counts, seed }, onProgress);
    // The last sum ran in the worker message's task: draw the results in a task of their own, so neither passes 50 ms.
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    if (!mine()) return;
    const hurts = opts.hurts
      ? rankHurts(
          results[hurtFrom].successRate,
          planA.calls.map((c, i) => ({ id: c.id, successRate: results[hurtFrom + 1 + i].successRate })),
        )
      : null;
    const previous = store.getState().statsResult;
    // "What hurts most" alone keeps the A/B results it was run beside when they are of the same plan and seed.
    const keep = previous !== null && previous.planA === planA && previous.seed === seed && previous.runs === runs;
    store.getState().statsFinished({
      planA,
      a: results[0],
      planB: planB ?? (keep && !opts.compare ? previous.planB : null),
      b: planB !== null ? results[1] : keep && !opts.compare ? previous.b : null,
      hurts: hurts ?? (keep ? previous.hurts : null),
      hurtRuns: hurts !== null ? hurtRuns : keep ? previous.hurtRuns : 0,
      runs,
      seed,
      // The revision A was taken at: an edit made while the runs ran makes these results stale.
      revision,
    });
  } catch (err) {
    if (!mine()) return;
    if (err instanceof CancelledError) store.getState().statsStopped('cancelled', 'Cancelled: no statistics from the unfinished runs.');
    else store.getState().statsStopped('error', `The runs failed: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    unsubscribe();
    if (frame !== null) cancelFrame(frame);
  }
}

export function cancelStats(): void {
  pool?.cancel();
}

const nextFrame = (fn: () => void): number => (typeof requestAnimationFrame === 'function' ? requestAnimationFrame(fn) : (setTimeout(fn, 16) as unknown as number));
const cancelFrame = (id: number) => (typeof cancelAnimationFrame === 'function' ? cancelAnimationFrame(id) : clearTimeout(id));
