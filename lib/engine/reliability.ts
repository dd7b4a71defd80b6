// Reliability statistics over many runs, built on the Monte Carlo chunks: docs/cli.md's numbers plus what
// the UI draws — the makespan distribution, expected attempts, the share of runs a failure-dropping agent would
// have misled, A/B deltas on common random numbers, and "what hurts most" variants. Pure; no DOM, no clock.
import { durationDelta } from '../format/duration';
import { signed } from '../format/number';
import type { Plan, ToolCall } from '../plan/schema';
import { mergeChunks, type ChunkResult, type MonteCarloStats } from './montecarlo';

export interface Reliability {
  stats: MonteCarloStats;
  /** Share of runs that ended `complete` (every call final and the plan not stopped). */
  successRate: number;
  /** Runs in which some call did not end `succeeded`, as a share of all runs. */
  misledShare: number;
  /** Attempts per run, all calls together (the cost of retries). */
  attemptsPerRun: number;
  /** Makespans of the runs that have one, ascending (stuck runs have none). */
  makespans: Float64Array;
  /** Whether the plan has a call with a side effect (its effect shares mean something). */
  hasEffects: boolean;
  /** Per call id: share of runs in which it failed on its own account (failed, timed out, hung). */
  failureRates: Record<string, number>;
}

/** Adds chunks up in run order (identical however the runs were split) into the UI's statistics. */
export function summarize(ids: readonly string[], chunks: readonly ChunkResult[], effects?: ArrayLike<number>): Reliability {
  const stats = mergeChunks(ids, chunks, effects);
  let misled = 0;
  let count = 0;
  for (const ch of chunks) {
    misled += ch.misled;
    for (let i = 0; i < ch.count; i++) if (!Number.isNaN(ch.makespans[i])) count++;
  }
  const makespans = new Float64Array(count);
  let k = 0;
  for (const ch of [...chunks].sort((a, b) => a.offset - b.offset))
    for (let i = 0; i < ch.count; i++) if (!Number.isNaN(ch.makespans[i])) makespans[k++] = ch.makespans[i];
  makespans.sort();
  let attemptsPerRun = 0;
  for (const id of ids) attemptsPerRun += stats.calls[id].meanAttempts;
  const runs = stats.runs;
  const failed = new Float64Array(ids.length);
  for (const ch of chunks) for (let c = 0; c < ids.length; c++) failed[c] += ch.failures[c];
  // A null-prototype record: a call may be named "constructor" or "__proto__" and must stay data.
  const failureRates: Record<string, number> = Object.create(null);
  ids.forEach((id, c) =>
    Object.defineProperty(failureRates, id, {
      value: runs === 0 ? 0 : failed[c] / runs,
      enumerable: true,
      writable: true,
      configurable: true,
    }),
  );
  return {
    stats,
    successRate: runs === 0 ? 0 : stats.outcomes.complete / runs,
    misledShare: runs === 0 ? 0 : misled / runs,
    attemptsPerRun,
    makespans,
    hasEffects: ids.some((id) => stats.calls[id].duplicateRate !== undefined),
    failureRates,
  };
}

export interface Bin {
  /** Inclusive lower edge, ms. */
  x0: number;
  /** Exclusive upper edge, ms (inclusive for the last bin). */
  x1: number;
  count: number;
}

/** A step of 1, 2 or 5 × 10^k at least `raw`. */
function niceStep(raw: number): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const p = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * p >= raw) return m * p;
  return 10 * p;
}

/** Equal-width bins on round edges covering the ascending makespans (about `target` of them; none if empty). */
export function histogram(sorted: ArrayLike<number>, target = 30): Bin[] {
  const n = sorted.length;
  if (n === 0) return [];
  const lo = sorted[0];
  const hi = sorted[n - 1];
  if (hi === lo) return [{ x0: lo, x1: lo, count: n }];
  const step = niceStep((hi - lo) / Math.max(1, target));
  const start = Math.floor(lo / step) * step;
  // About `target` bins; capped, so a range that rounds badly at a huge magnitude never asks for an endless array.
  const bins = Math.min(4 * Math.max(1, target) + 4, Math.max(1, Math.floor((hi - start) / step) + 1));
  const out: Bin[] = Array.from({ length: bins }, (_, i) => ({ x0: start + i * step, x1: start + (i + 1) * step, count: 0 }));
  for (let i = 0; i < n; i++) out[Math.min(bins - 1, Math.floor((sorted[i] - start) / step))].count++;
  return out;
}

export interface Deltas {
  /** Percentage points of runs that completed, B − A. */
  successPoints: number;
  /** p95 makespan, B − A, ms (null if either has none). */
  p95Ms: number | null;
  p50Ms: number | null;
  /** Attempts per run, B − A. */
  attemptsPerRun: number;
  /** Percentage points of runs a failure-dropping agent would have misled, B − A. */
  misledPoints: number;
  /** Percentage points of runs with a duplicated, maybe-duplicated, left-in-place effect, a failed compensation, B − A (null without side effects). */
  effects: { duplicated: number; maybeDuplicated: number; leftInPlace: number; compensationFailed: number } | null;
}

const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : b - a);

export function deltas(a: Reliability, b: Reliability): Deltas {
  return {
    successPoints: (b.successRate - a.successRate) * 100,
    p95Ms: diff(a.stats.makespanMs.p95, b.stats.makespanMs.p95),
    p50Ms: diff(a.stats.makespanMs.p50, b.stats.makespanMs.p50),
    attemptsPerRun: b.attemptsPerRun - a.attemptsPerRun,
    misledPoints: (b.misledShare - a.misledShare) * 100,
    effects:
      a.hasEffects || b.hasEffects
        ? {
            duplicated: (b.stats.effects.duplicated - a.stats.effects.duplicated) * 100,
            maybeDuplicated: (b.stats.effects.maybeDuplicated - a.stats.effects.maybeDuplicated) * 100,
            leftInPlace: (b.stats.effects.leftInPlace - a.stats.effects.leftInPlace) * 100,
            compensationFailed: (b.stats.effects.compensationFailed - a.stats.effects.compensationFailed) * 100,
          }
        : null,
  };
}

const points = (x: number) => `${signed(x, 0)} ${Math.abs(Math.round(x)) === 1 ? 'point' : 'points'}`;

/**
 * "success +12 points, p95 −1.3 s, +0.4 attempts per run", and for plans with side effects whatever of duplicates,
 * maybe-duplicates, effects left in place and failed compensations moved by a point or more ("but duplicated
 * effects +8 points"), so a success bought with double charges never reads as a plain win.
 */
export function describeDeltas(d: Deltas): string {
  const parts = [`success ${points(d.successPoints)}`];
  if (d.p95Ms !== null) parts.push(`p95 ${durationDelta(d.p95Ms)}`);
  parts.push(`${signed(d.attemptsPerRun, 1)} attempts per run`);
  const e = d.effects;
  if (e === null) return parts.join(', ');
  const moved: string[] = [];
  const note = (x: number, what: string) => {
    if (Math.abs(x) >= 0.5) moved.push(`${what} ${points(x)}`);
  };
  note(e.duplicated, 'runs with a duplicated effect');
  note(e.maybeDuplicated, 'runs with a possible duplicate');
  note(e.leftInPlace, 'runs leaving an effect in place');
  note(e.compensationFailed, 'runs with a failed compensation');
  const worse = e.duplicated + e.maybeDuplicated + e.leftInPlace + e.compensationFailed > 0;
  return moved.length === 0 ? parts.join(', ') : `${parts.join(', ')}${worse ? '; but ' : '; '}${moved.join(', ')}`;
}

/** A call B retries more than A although every attempt that goes through applies its effect again. */
export interface RetriedOnce {
  id: string;
  attemptsA: number;
  attemptsB: number;
  /** B's success rate for the call, and how often B applied it twice or more, or maybe did. */
  successB: number;
  duplicateRateB: number;
  maybeDuplicateRateB: number;
}

/** The `once` calls that B allows more attempts than A does, with B's duplicate rates beside its success. */
export function retriedOnceCalls(planA: Plan, planB: Plan, b: Reliability): RetriedOnce[] {
  const out: RetriedOnce[] = [];
  for (const call of planB.calls) {
    if (call.effect !== 'once') continue;
    const before = planA.calls.find((c) => c.id === call.id);
    const attemptsA = before?.retry.maxAttempts ?? 1;
    if (call.retry.maxAttempts <= attemptsA) continue;
    const s = Object.hasOwn(b.stats.calls, call.id) ? b.stats.calls[call.id] : undefined;
    out.push({
      id: call.id,
      attemptsA,
      attemptsB: call.retry.maxAttempts,
      successB: s?.successRate ?? 0,
      duplicateRateB: s?.duplicateRate ?? 0,
      maybeDuplicateRateB: s?.maybeDuplicateRate ?? 0,
    });
  }
  return out;
}

/** A call made never to fail: no faults (its own or a scenario's), no timeout; a sub-agent's nested calls too. */
function hardened(call: ToolCall): ToolCall {
  const next: ToolCall = { ...call, faults: [], timeoutMs: null };
  if (call.kind === 'agent' && call.plan !== undefined)
    next.plan = neverFailing(
      call.plan,
      call.plan.calls.map((c) => c.id),
    );
  return next;
}

/** The plan with each of `ids` made never to fail (see withoutFailures). */
export function neverFailing(plan: Plan, ids: readonly string[]): Plan {
  const set = new Set(ids);
  return {
    ...plan,
    calls: plan.calls.map((c) => (set.has(c.id) ? hardened(c) : c)),
    scenarios: plan.scenarios.map((s) => {
      const faults = { ...s.faults };
      for (const id of ids) if (Object.hasOwn(faults, id)) faults[id] = [];
      return { ...s, faults };
    }),
  };
}

/**
 * The plan with call `id` made never to fail, for "what hurts most": its faults (and the active scenario's for it)
 * removed and its timeout lifted, so every attempt returns its result after its latency. Other calls' random
 * streams are keyed by their own ids, so they draw exactly as in the plan (common random numbers).
 */
export function withoutFailures(plan: Plan, id: string): Plan {
  return neverFailing(plan, [id]);
}

export interface HurtRow {
  id: string;
  /** The plan's success rate (share of runs complete) if this call never failed. */
  successRate: number;
  /** successRate − the plan's own success rate, in points. */
  gainPoints: number;
}

/** Ranks calls by how much the plan's success rate would gain if each never failed (largest first; ties by id order). */
export function rankHurts(baseline: number, rows: readonly { id: string; successRate: number }[]): HurtRow[] {
  return rows
    .map((r, i) => ({ ...r, gainPoints: (r.successRate - baseline) * 100, i }))
    .sort((a, b) => b.gainPoints - a.gainPoints || a.i - b.i)
    .map(({ id, successRate, gainPoints }) => ({ id, successRate, gainPoints }));
}
