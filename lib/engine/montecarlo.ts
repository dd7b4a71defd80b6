// Monte Carlo over many seeded runs (SPEC §7 statistics): the same kernel as simulate(), without a recorder.
// Runs [offset, offset + count) give the same numbers however they are split, so workers can share the work.
import type { Plan, Strategy } from '../plan/schema';
import { compilePlan, type CompiledPlan } from './compile';
import { Kernel, O_ABORTED, O_COMPLETE, O_DEADLINE, O_PARTIAL, O_STUCK, S_PARTIAL, S_SUCCEEDED } from './kernel';
import { runBase } from './random';
import { OUTCOMES, type Outcome } from './types';

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

/** What a chunk of runs adds up to: plain numbers and typed arrays, cheap to post between threads. */
export interface ChunkResult {
  offset: number;
  count: number;
  /** Indexed like OUTCOMES. */
  outcomes: Float64Array;
  /** Makespan of each run in the chunk, in run order; NaN for a stuck run. */
  makespans: Float64Array;
  /** Per call: runs where it ended succeeded or partial. */
  successes: Float64Array;
  /** Per call: attempts summed over the runs. */
  attempts: Float64Array;
  /** Runs in which some call did not end `succeeded`: an agent that drops failures would have misled the model. */
  misled: number;
}

/** A plan compiled once, ready to run any chunk of its runs. */
export class MonteCarlo {
  readonly cp: CompiledPlan;
  readonly kernel: Kernel;
  readonly seed: number;

  constructor(plan: Plan, opts: { seed?: number; strategy?: Strategy } = {}) {
    this.cp = compilePlan(plan, { strategy: opts.strategy });
    this.kernel = new Kernel(this.cp);
    this.seed = opts.seed ?? plan.settings.seed;
  }

  /** Runs run r alone; the kernel's arrays then hold its statuses and attempts. */
  runOne(r: number): Kernel {
    this.kernel.run(runBase(this.seed, r), null);
    return this.kernel;
  }

  runChunk(offset: number, count: number): ChunkResult {
    const n = this.cp.n;
    const kernel = this.kernel;
    const status = kernel.status;
    const attemptsOf = kernel.attempts;
    const outcomes = new Float64Array(OUTCOMES.length);
    const makespans = new Float64Array(count);
    const successes = new Float64Array(n);
    const attempts = new Float64Array(n);
    const seed = this.seed;
    let misled = 0;
    for (let i = 0; i < count; i++) {
      kernel.run(runBase(seed, offset + i), null);
      outcomes[kernel.outcome]++;
      makespans[i] = kernel.outcome === O_STUCK ? NaN : kernel.makespan;
      let allSucceeded = 1;
      for (let c = 0; c < n; c++) {
        const s = status[c];
        if (s === S_SUCCEEDED) successes[c]++;
        else {
          allSucceeded = 0;
          if (s === S_PARTIAL) successes[c]++;
        }
        attempts[c] += attemptsOf[c];
      }
      misled += 1 - allSucceeded;
    }
    return { offset, count, outcomes, makespans, successes, attempts, misled };
  }
}

/** Nearest-rank percentile of an ascending array (p in 0..100]. */
export function nearestRank(sorted: ArrayLike<number>, p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

/** Adds chunks up (in run order, so float sums are identical however the runs were split). */
export function mergeChunks(ids: readonly string[], chunks: readonly ChunkResult[]): MonteCarloStats {
  const ordered = [...chunks].sort((a, b) => a.offset - b.offset);
  let runs = 0;
  const outcomeCounts = new Float64Array(OUTCOMES.length);
  const successes = new Float64Array(ids.length);
  const attempts = new Float64Array(ids.length);
  let withMakespan = 0;
  for (const ch of ordered) {
    runs += ch.count;
    for (let o = 0; o < OUTCOMES.length; o++) outcomeCounts[o] += ch.outcomes[o];
    for (let c = 0; c < ids.length; c++) {
      successes[c] += ch.successes[c];
      attempts[c] += ch.attempts[c];
    }
    for (let i = 0; i < ch.count; i++) if (!Number.isNaN(ch.makespans[i])) withMakespan++;
  }
  const all = new Float64Array(withMakespan);
  let k = 0;
  let sum = 0;
  for (const ch of ordered) {
    for (let i = 0; i < ch.count; i++) {
      const m = ch.makespans[i];
      if (Number.isNaN(m)) continue;
      all[k++] = m;
      sum += m;
    }
  }
  all.sort();
  const outcomes: Record<Outcome, number> = {
    complete: outcomeCounts[O_COMPLETE],
    partial: outcomeCounts[O_PARTIAL],
    aborted: outcomeCounts[O_ABORTED],
    deadline_exceeded: outcomeCounts[O_DEADLINE],
    stuck: outcomeCounts[O_STUCK],
  };
  // A null-prototype record: a call may be named "constructor" or "__proto__" and must stay data.
  const calls: MonteCarloStats['calls'] = Object.create(null);
  ids.forEach((id, c) => {
    Object.defineProperty(calls, id, {
      value: { successRate: runs === 0 ? 0 : successes[c] / runs, meanAttempts: runs === 0 ? 0 : attempts[c] / runs },
      enumerable: true,
      writable: true,
      configurable: true,
    });
  });
  return {
    runs,
    outcomes,
    makespanMs: {
      p50: nearestRank(all, 50),
      p95: nearestRank(all, 95),
      p99: nearestRank(all, 99),
      mean: withMakespan === 0 ? null : sum / withMakespan,
    },
    calls,
  };
}

/** SPEC §7 statistics of runs 0..runs−1 of the plan's seed (or opts.seed), on this thread. */
export function runMonteCarlo(plan: Plan, opts: MonteCarloOptions): MonteCarloStats {
  const mc = new MonteCarlo(plan, opts);
  return mergeChunks(mc.cp.ids, [mc.runChunk(0, opts.runs)]);
}
