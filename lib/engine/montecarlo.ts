// Monte Carlo over many seeded runs (docs/engine.md#many-runs): the same kernel as simulate(), without a recorder.
// Runs [offset, offset + count) give the same numbers however they are split, so workers can share the work.
import type { Plan, Strategy } from '../plan/schema';
import { compilePlan, type CompiledPlan } from './compile';
import { EFFECT_NONE, EFFECT_ONCE } from './compile';
import { Kernel } from './kernel';
import { O_ABORTED, O_COMPLETE, O_DEADLINE, O_PARTIAL, O_STUCK } from './kernel';
import { S_FAILED, S_HUNG, S_PARTIAL, S_SUCCEEDED, S_TIMED_OUT } from './kernel';
import { runBase } from './random';
import { OUTCOMES, type Outcome } from './types';

export interface MonteCarloOptions {
  runs: number;
  seed?: number;
  strategy?: Strategy;
}

/** Per call statistics; the effect rates only for a call whose effect is not "none". */
export interface CallStats {
  successRate: number;
  meanAttempts: number;
  /** Share of runs in which this `once` call applied its effect twice or more. */
  duplicateRate?: number;
  /** Share of runs in which it was not duplicated but applied + unknown ≥ 2. */
  maybeDuplicateRate?: number;
  /** Share of runs that stopped with its effect landed and not undone. */
  leftInPlaceRate?: number;
}

/** Share of runs in which at least one call was duplicated, maybe duplicated, left in place, or a compensation failed. */
export interface EffectShares {
  duplicated: number;
  maybeDuplicated: number;
  leftInPlace: number;
  compensationFailed: number;
}

export interface MonteCarloStats {
  runs: number;
  outcomes: Record<Outcome, number>;
  makespanMs: { p50: number | null; p95: number | null; p99: number | null; mean: number | null };
  calls: Record<string, CallStats>;
  effects: EffectShares;
}

/** Indices into ChunkResult.effectRuns. */
export const ER_DUPLICATED = 0;
export const ER_MAYBE = 1;
export const ER_LEFT = 2;
export const ER_COMP_FAILED = 3;

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
  /** Per call: runs where it failed on its own account (failed, timed out, hung; not skipped or cancelled). */
  failures: Float64Array;
  /** Runs in which some call did not end `succeeded`: an agent that drops failures would have misled the model. */
  misled: number;
  /** Per call: runs in which it was duplicated, maybe duplicated, left in place (all zero without effects). */
  duplicated: Float64Array;
  maybeDuplicated: Float64Array;
  leftInPlace: Float64Array;
  /** Runs with at least one duplicated, maybe-duplicated, left-in-place call, and with a failed compensation (ER_*). */
  effectRuns: Float64Array;
}

/** The typed arrays of a chunk, to transfer between threads without copying. */
export function chunkBuffers(r: ChunkResult): ArrayBuffer[] {
  return [r.outcomes, r.makespans, r.successes, r.attempts, r.failures, r.duplicated, r.maybeDuplicated, r.leftInPlace, r.effectRuns].map(
    (a) => a.buffer as ArrayBuffer,
  );
}

/** A plan compiled once, ready to run any chunk of its runs. */
export class MonteCarlo {
  readonly cp: CompiledPlan;
  readonly kernel: Kernel;
  readonly seed: number;

  /** Calls whose effect is not "none". */
  private readonly effectCalls: Int32Array;

  constructor(plan: Plan, opts: { seed?: number; strategy?: Strategy } = {}) {
    this.cp = compilePlan(plan, { strategy: opts.strategy });
    this.kernel = new Kernel(this.cp);
    this.seed = opts.seed ?? plan.settings.seed;
    const effectCalls: number[] = [];
    for (let c = 0; c < this.cp.n; c++) if (this.cp.effect[c] !== EFFECT_NONE) effectCalls.push(c);
    this.effectCalls = Int32Array.from(effectCalls);
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
    const failures = new Float64Array(n);
    const seed = this.seed;
    const duplicated = new Float64Array(n);
    const maybeDuplicated = new Float64Array(n);
    const leftInPlace = new Float64Array(n);
    const effectRuns = new Float64Array(4);
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
          else if (s === S_FAILED || s === S_TIMED_OUT || s === S_HUNG) failures[c]++;
        }
        attempts[c] += attemptsOf[c];
      }
      misled += 1 - allSucceeded;
      if (this.effectCalls.length > 0) this.countEffects(duplicated, maybeDuplicated, leftInPlace, effectRuns);
    }
    return {
      offset,
      count,
      outcomes,
      makespans,
      successes,
      attempts,
      failures,
      misled,
      duplicated,
      maybeDuplicated,
      leftInPlace,
      effectRuns,
    };
  }

  /** Adds what the last run did to the world (see docs/side-effects.md) to the chunk's counts. */
  private countEffects(duplicated: Float64Array, maybe: Float64Array, left: Float64Array, runs: Float64Array): void {
    const k = this.kernel;
    const effect = this.cp.effect;
    const stopped = k.outcome === O_ABORTED || k.outcome === O_DEADLINE;
    let anyDup = 0;
    let anyMaybe = 0;
    let anyLeft = 0;
    let anyFailed = 0;
    for (let j = 0; j < this.effectCalls.length; j++) {
      const c = this.effectCalls[j];
      const applied = k.effApplied[c];
      const landed = applied + k.effUnknown[c];
      if (effect[c] === EFFECT_ONCE) {
        if (applied >= 2) {
          duplicated[c]++;
          anyDup = 1;
        } else if (landed >= 2) {
          maybe[c]++;
          anyMaybe = 1;
        }
      }
      const comp = k.compStatus[c];
      if (stopped && landed > 0 && comp !== S_SUCCEEDED) {
        left[c]++;
        anyLeft = 1;
      }
      if (comp === S_FAILED || comp === S_TIMED_OUT || comp === S_HUNG) anyFailed = 1;
    }
    runs[ER_DUPLICATED] += anyDup;
    runs[ER_MAYBE] += anyMaybe;
    runs[ER_LEFT] += anyLeft;
    runs[ER_COMP_FAILED] += anyFailed;
  }
}

/** Nearest-rank percentile of an ascending array (p in 0..100]. */
export function nearestRank(sorted: ArrayLike<number>, p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

/**
 * Adds chunks up (in run order, so float sums are identical however the runs were split). `effects` lists the
 * effect of each call (indexed like ids): calls whose effect is not "none" get the effect rates.
 */
export function mergeChunks(ids: readonly string[], chunks: readonly ChunkResult[], effects?: ArrayLike<number>): MonteCarloStats {
  const ordered = [...chunks].sort((a, b) => a.offset - b.offset);
  let runs = 0;
  const outcomeCounts = new Float64Array(OUTCOMES.length);
  const successes = new Float64Array(ids.length);
  const attempts = new Float64Array(ids.length);
  const duplicated = new Float64Array(ids.length);
  const maybeDuplicated = new Float64Array(ids.length);
  const leftInPlace = new Float64Array(ids.length);
  const effectRuns = new Float64Array(4);
  let withMakespan = 0;
  for (const ch of ordered) {
    runs += ch.count;
    for (let o = 0; o < OUTCOMES.length; o++) outcomeCounts[o] += ch.outcomes[o];
    for (let c = 0; c < ids.length; c++) {
      successes[c] += ch.successes[c];
      attempts[c] += ch.attempts[c];
      duplicated[c] += ch.duplicated[c];
      maybeDuplicated[c] += ch.maybeDuplicated[c];
      leftInPlace[c] += ch.leftInPlace[c];
    }
    for (let e = 0; e < 4; e++) effectRuns[e] += ch.effectRuns[e];
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
  const share = (x: number) => (runs === 0 ? 0 : x / runs);
  ids.forEach((id, c) => {
    const value: CallStats = { successRate: share(successes[c]), meanAttempts: share(attempts[c]) };
    if (effects !== undefined && effects[c] !== EFFECT_NONE) {
      value.duplicateRate = share(duplicated[c]);
      value.maybeDuplicateRate = share(maybeDuplicated[c]);
      value.leftInPlaceRate = share(leftInPlace[c]);
    }
    Object.defineProperty(calls, id, {
      value,
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
    effects: {
      duplicated: share(effectRuns[ER_DUPLICATED]),
      maybeDuplicated: share(effectRuns[ER_MAYBE]),
      leftInPlace: share(effectRuns[ER_LEFT]),
      compensationFailed: share(effectRuns[ER_COMP_FAILED]),
    },
  };
}

/** The many-runs statistics (docs/cli.md) of runs 0..runs−1 of the plan's seed (or opts.seed), on this thread. */
export function runMonteCarlo(plan: Plan, opts: MonteCarloOptions): MonteCarloStats {
  const mc = new MonteCarlo(plan, opts);
  return mergeChunks(mc.cp.ids, [mc.runChunk(0, opts.runs)], mc.cp.effect);
}
