'use client';
// Starts and cancels batches of runs on the page's one worker pool and writes progress and results to the store.
// "What hurts most" runs within its budget (lib/stats/hurts.ts), after the plan's own runs: those say which calls
// fail most, and only those are ranked. The pool is made on first use (in the browser only) and kept: warm workers
// answer the next batch faster.
import { rankHurts, type Reliability } from '@/lib/engine/reliability';
import { parsePlan, type Plan } from '@/lib/plan';
import type { AppStore } from '@/lib/store/app-store';
import { MAX_RUNS, MIN_RUNS } from '@/lib/store/stats';
import { hurtBudget, hurtCandidates } from '@/lib/stats/hurts';
import { CancelledError, createBrowserPool, type BatchPlan, type McPool, type Progress } from '@/lib/stats/pool';
import { errorText } from '@/lib/format/error';

let pool: McPool | null = null;
/** The latest batch; an older one's late answer (cancelled, or replaced by a new run) is dropped. */
let current = 0;
/** The batch the user cancelled (between its two parts no worker is busy, so the pool alone cannot tell it). */
let cancelled = -1;

export function statsPool(): McPool {
  pool ??= createBrowserPool();
  return pool;
}

/** Why a number of runs is refused, or null. */
export function runsProblem(runs: number): string | null {
  if (!Number.isInteger(runs) || runs < MIN_RUNS || runs > MAX_RUNS)
    return `Runs must be a whole number from ${MIN_RUNS.toLocaleString('en-US')} to ${MAX_RUNS.toLocaleString('en-US')}.`;
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
  /** Also rank the calls that fail most by what the plan would gain if each never failed. */
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
  const budget = hurtBudget(planA, runs);
  const hurtRuns = budget.runs;
  // The ranking's baseline is A over the variants' runs: A's own results when they are the same runs.
  const ownBaseline = opts.hurts && hurtRuns < runs;
  const plans: BatchPlan[] = [planA];
  const counts: number[] = [runs];
  if (planB !== null) {
    plans.push(planB);
    counts.push(runs);
  }
  if (ownBaseline) {
    plans.push(planA);
    counts.push(hurtRuns);
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
  const firstTotal = counts.reduce((a, b) => a + b, 0);
  let total = firstTotal + (opts.hurts ? budget.calls * hurtRuns : 0);
  const progress = (offset: number) => (p: Progress) => {
    latest = { done: offset + p.done, total };
    frame ??= nextFrame(flush);
  };
  s.statsStarted(total, { compare: planB !== null, hurts: opts.hurts });
  try {
    const results = await statsPool().run({ plans, runs: counts, seed }, progress(0));
    let hurts = null;
    let failing = 0;
    if (opts.hurts) {
      const baseline = ownBaseline ? results[results.length - 1] : results[0];
      const ids = planA.calls.map((c) => c.id);
      failing = ids.filter((id) => (results[0].failureRates[id] ?? 0) > 0).length;
      const ranked = hurtCandidates(ids, results[0].failureRates, budget.calls);
      total = firstTotal + ranked.length * hurtRuns;
      if (cancelled === token) throw new CancelledError();
      if (mine()) store.getState().statsProgressed(firstTotal, total);
      const variants: Reliability[] =
        ranked.length === 0
          ? []
          : await statsPool().run(
              {
                plans: ranked.map((id) => ({ base: planA, neverFail: [id] })),
                runs: ranked.map(() => hurtRuns),
                seed,
                whole: ranked.map(() => true),
              },
              progress(firstTotal),
            );
      hurts = rankHurts(
        baseline.successRate,
        ranked.map((id, i) => ({ id, successRate: variants[i].successRate })),
      );
    }
    // The last sum ran in the worker message's task: draw the results in a task of their own, so neither passes 50 ms.
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    if (!mine()) return;
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
      hurtFailing: hurts !== null ? failing : keep ? previous.hurtFailing : undefined,
      runs,
      seed,
      // The revision A was taken at: an edit made while the runs ran makes these results stale.
      revision,
    });
  } catch (err) {
    if (!mine()) return;
    if (err instanceof CancelledError) store.getState().statsStopped('cancelled', 'Cancelled: no statistics from the unfinished runs.');
    else store.getState().statsStopped('error', `The runs failed: ${errorText(err)}`);
  } finally {
    unsubscribe();
    if (frame !== null) cancelFrame(frame);
  }
}

export function cancelStats(): void {
  cancelled = current;
  pool?.cancel();
}

const nextFrame = (fn: () => void): number =>
  typeof requestAnimationFrame === 'function' ? requestAnimationFrame(fn) : (setTimeout(fn, 16) as unknown as number);
const cancelFrame = (id: number) => (typeof cancelAnimationFrame === 'function' ? cancelAnimationFrame(id) : clearTimeout(id));
