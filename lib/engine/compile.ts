// Compiles a parsed Plan into flat typed arrays the kernel runs on without allocating (docs/engine.md).
// Applies the active scenario (its faults replace a call's own) and the injected faults (they go first, with the
// timeout they bring), and resolves every default once.
import { adjacency, computeWaves, topologicalOrder } from '../plan/graph';
import { faultsActing, timeoutActing } from '../plan/injected';
import { activeScenario } from '../plan/scenario';
import { effectOf, retryMaximumIntervalMs, type Fault, type Latency, type Plan, type RetryPolicy, type Strategy } from '../plan/schema';
import { hashString, mixRight, Z95 } from './random';

export const STRATEGY_WAVES = 0;
export const STRATEGY_EAGER = 1;
export const STRATEGY_SEQUENTIAL = 2;

export const LAT_FIXED = 0;
export const LAT_UNIFORM = 1;
export const LAT_LOGNORMAL = 2;

export const FK_ERROR = 0;
export const FK_TIMEOUT = 1;
export const FK_RATE = 2;
export const FK_SLOW = 3;
export const FK_PARTIAL = 4;

export const EFFECT_NONE = 0;
export const EFFECT_IDEMPOTENT = 1;
export const EFFECT_ONCE = 2;

export const ON_DEGRADE = 0;
export const ON_ABORT = 1;
export const ON_IGNORE = 2;

const FAULT_CODE: Record<Fault['kind'], number> = {
  error: FK_ERROR,
  timeout: FK_TIMEOUT,
  rate_limit: FK_RATE,
  slow: FK_SLOW,
  partial: FK_PARTIAL,
};
const STRATEGY_CODE: Record<Strategy, number> = { waves: STRATEGY_WAVES, eager: STRATEGY_EAGER, sequential: STRATEGY_SEQUENTIAL };

/**
 * Policy arrays (latency, timeout, retry, faults) have one slot per call, then one per compensation: compensation j
 * of the plan sits at slot n + j, so the kernel draws and retries a compensation exactly as it does a call.
 */
export interface CompiledPlan {
  plan: Plan;
  n: number;
  /** Compensations in the plan (slots n .. n + m − 1 of the policy arrays). */
  m: number;
  ids: string[];
  idHash: Uint32Array;
  /** mixRight(idHash[i]): the call's half of its stream key, so a run keys each call with one mix. */
  idMix: Int32Array;
  strategy: number;
  strategyName: Strategy;
  /** Infinity when uncapped. */
  cap: number;
  modelTurnMs: number;
  /** Infinity when there is none. */
  deadline: number;
  scenario: string | null;
  // Topology (CSR by call index, edges in dependency order).
  upStart: Int32Array;
  upList: Int32Array;
  /** 1 when the edge is optional. */
  upOptional: Uint8Array;
  /** 1 when the edge is required and its upstream is not `ignore`: its failure skips this call. */
  upBlocks: Uint8Array;
  downStart: Int32Array;
  downList: Int32Array;
  /** 1 when the edge from this call to that downstream is required and the call is not `ignore`: a failure skips it. */
  downBlocks: Uint8Array;
  wave: Int32Array;
  waveCount: number;
  waveStart: Int32Array;
  waveList: Int32Array;
  /** Kahn order, smallest index first (sequential turns). */
  seqOrder: Int32Array;
  // Per call policy.
  latKind: Uint8Array;
  latA: Float64Array;
  latB: Float64Array;
  timeout: Float64Array;
  maxAttempts: Int32Array;
  initialInterval: Float64Array;
  coefficient: Float64Array;
  maxInterval: Float64Array;
  jitterFull: Uint8Array;
  onFailure: Uint8Array;
  isAgent: Uint8Array;
  opaque: Uint8Array;
  nested: (CompiledPlan | null)[];
  // Side effects (see docs/side-effects.md).
  /** Per call: EFFECT_NONE, EFFECT_IDEMPOTENT or EFFECT_ONCE. */
  effect: Uint8Array;
  /** Whether any call has an effect (the kernel counts what attempts did only then). */
  hasEffects: boolean;
  /** Per call: the policy slot of its compensation, or -1. */
  compOf: Int32Array;
  /** Per compensation (slot − n): the call it undoes. */
  compCall: Int32Array;
  /** Per compensation: mixRight(hashString("<call id>/compensation")), its stream's name, half-mixed. */
  compMix: Int32Array;
  // Faults (CSR by call). Draws per attempt: 1 latency + one per fault + 1 jitter.
  fStart: Int32Array;
  fKind: Uint8Array;
  /** Probability, or -1 when the fault fires on listed attempts (fMask). */
  fProb: Float64Array;
  /** 128 bits per fault: bit k set when it fires on attempt k. */
  fMask: Uint32Array;
  fRetryable: Uint8Array;
  /** 1 for an error fault that says `applied: true` (the work was done before the failure). */
  fApplied: Uint8Array;
  /** retryAfterMs for rate limits, factor for slow. */
  fParam: Float64Array;
  /** The effective faults of each call (injected ones first, then the scenario's or its own), then of each compensation, for messages. */
  faults: Fault[][];
  /** Per policy slot: how many of its faults (the first ones) were injected rather than designed. */
  injected: Int32Array;
}

export interface CompileOptions {
  strategy?: Strategy;
}

export function compilePlan(plan: Plan, opts: CompileOptions = {}): CompiledPlan {
  const n = plan.calls.length;
  const ids = plan.calls.map((c) => c.id);
  const adj = adjacency(ids, plan.dependencies);
  const order = topologicalOrder(adj);
  const waves = computeWaves(adj, order);
  const strategyName = opts.strategy ?? plan.settings.strategy;

  const scenario = activeScenario(plan);
  const acting = plan.calls.map((c) => faultsActing(plan, c, scenario));
  const faults: Fault[][] = acting.map((a) => a.faults);

  const upStart = new Int32Array(n + 1);
  const downStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    upStart[i + 1] = upStart[i] + adj.upstream[i].length;
    downStart[i + 1] = downStart[i] + adj.downstream[i].length;
  }
  const upList = new Int32Array(upStart[n]);
  const upOptional = new Uint8Array(upStart[n]);
  const upBlocks = new Uint8Array(upStart[n]);
  const downList = new Int32Array(downStart[n]);
  const downBlocks = new Uint8Array(downStart[n]);
  const onFailure = new Uint8Array(n);
  plan.calls.forEach((c, i) => {
    onFailure[i] = c.onFailure === 'abort' ? ON_ABORT : c.onFailure === 'ignore' ? ON_IGNORE : ON_DEGRADE;
  });
  for (let i = 0; i < n; i++) {
    adj.upstream[i].forEach((u, k) => {
      upList[upStart[i] + k] = u;
      upOptional[upStart[i] + k] = adj.upstreamOptional[i][k] ? 1 : 0;
      upBlocks[upStart[i] + k] = !adj.upstreamOptional[i][k] && onFailure[u] !== ON_IGNORE ? 1 : 0;
    });
    adj.downstream[i].forEach((d, k) => {
      downList[downStart[i] + k] = d;
      // The edge i → d: find whether it is optional (d's upstream entry for i).
      const at = adj.upstream[d].indexOf(i);
      const optional = adj.upstreamOptional[d][at];
      downBlocks[downStart[i] + k] = !optional && onFailure[i] !== ON_IGNORE ? 1 : 0;
    });
  }

  let waveCount = 0;
  for (let i = 0; i < n; i++) if (waves[i] + 1 > waveCount) waveCount = waves[i] + 1;
  const waveStart = new Int32Array(waveCount + 1);
  for (let i = 0; i < n; i++) waveStart[waves[i] + 1]++;
  for (let k = 0; k < waveCount; k++) waveStart[k + 1] += waveStart[k];
  const waveList = new Int32Array(n);
  const fill = waveStart.slice(0, waveCount);
  for (let i = 0; i < n; i++) waveList[fill[waves[i]]++] = i;

  // Compensations take the policy slots after the calls.
  const compOf = new Int32Array(n).fill(-1);
  const compCallList: number[] = [];
  const effect = new Uint8Array(n);
  plan.calls.forEach((c, i) => {
    const e = effectOf(c);
    effect[i] = e === 'once' ? EFFECT_ONCE : e === 'idempotent' ? EFFECT_IDEMPOTENT : EFFECT_NONE;
    if (c.compensation !== undefined && e !== 'none') {
      compOf[i] = n + compCallList.length;
      compCallList.push(i);
    }
  });
  const m = compCallList.length;
  const compCall = Int32Array.from(compCallList);
  const compMix = Int32Array.from(compCallList, (i) => mixRight(hashString(`${ids[i]}/compensation`)));
  const slots = n + m;
  for (const i of compCallList) faults.push((plan.calls[i].compensation as NonNullable<Plan['calls'][number]['compensation']>).faults);

  const latKind = new Uint8Array(slots);
  const latA = new Float64Array(slots);
  const latB = new Float64Array(slots);
  const timeout = new Float64Array(slots);
  const maxAttempts = new Int32Array(slots);
  const initialInterval = new Float64Array(slots);
  const coefficient = new Float64Array(slots);
  const maxInterval = new Float64Array(slots);
  const jitterFull = new Uint8Array(slots);
  const isAgent = new Uint8Array(slots);
  const opaque = new Uint8Array(slots);
  const nested: (CompiledPlan | null)[] = [];
  const idHash = new Uint32Array(n);
  const fStart = new Int32Array(slots + 1);
  for (let i = 0; i < slots; i++) fStart[i + 1] = fStart[i] + faults[i].length;
  const F = fStart[slots];
  const fKind = new Uint8Array(F);
  const fProb = new Float64Array(F);
  const fMask = new Uint32Array(F * 4);
  const fRetryable = new Uint8Array(F);
  const fApplied = new Uint8Array(F);
  const fParam = new Float64Array(F);

  /** Writes one slot's latency, timeout, retry policy and faults. */
  const writePolicy = (i: number, l: Latency, timeoutMs: number | null, retry: RetryPolicy): void => {
    if (l.kind === 'fixed') {
      latKind[i] = LAT_FIXED;
      latA[i] = l.ms;
    } else if (l.kind === 'uniform') {
      latKind[i] = LAT_UNIFORM;
      latA[i] = l.minMs;
      latB[i] = l.maxMs - l.minMs;
    } else {
      latKind[i] = LAT_LOGNORMAL;
      latA[i] = Math.log(l.p50Ms);
      latB[i] = Math.log(l.p95Ms / l.p50Ms) / Z95;
    }
    timeout[i] = timeoutMs ?? Infinity;
    maxAttempts[i] = retry.maxAttempts;
    initialInterval[i] = retry.initialIntervalMs;
    coefficient[i] = retry.backoffCoefficient;
    maxInterval[i] = retryMaximumIntervalMs(retry);
    jitterFull[i] = retry.jitter === 'full' ? 1 : 0;
    faults[i].forEach((f, k) => {
      const j = fStart[i] + k;
      fKind[j] = FAULT_CODE[f.kind];
      fProb[j] = f.probability ?? -1;
      if (f.onAttempts !== undefined) {
        for (const a of f.onAttempts) if (a < 128) fMask[j * 4 + (a >>> 5)] |= 1 << (a & 31);
      }
      fRetryable[j] = f.kind === 'error' ? (f.retryable ? 1 : 0) : 1;
      fApplied[j] = f.kind === 'error' && f.applied === true ? 1 : 0;
      fParam[j] = f.kind === 'rate_limit' ? f.retryAfterMs : f.kind === 'slow' ? f.factor : 0;
    });
  };

  plan.calls.forEach((c, i) => {
    idHash[i] = hashString(c.id);
    writePolicy(i, c.latency, timeoutActing(plan, c), c.retry);
    isAgent[i] = c.kind === 'agent' ? 1 : 0;
    opaque[i] = c.report === 'opaque' ? 1 : 0;
    // A nested plan keeps its own settings (strategy included); only its seed comes from the parent's streams.
    nested.push(c.kind === 'agent' && c.plan !== undefined ? compilePlan(c.plan) : null);
  });
  compCallList.forEach((i, j) => {
    const comp = plan.calls[i].compensation as NonNullable<Plan['calls'][number]['compensation']>;
    writePolicy(n + j, comp.latency, comp.timeoutMs, comp.retry);
  });

  return {
    plan,
    n,
    m,
    ids,
    idHash,
    idMix: Int32Array.from(idHash, mixRight),
    strategy: STRATEGY_CODE[strategyName],
    strategyName,
    cap: plan.settings.maxConcurrency ?? Infinity,
    modelTurnMs: plan.settings.modelTurnMs,
    deadline: plan.settings.deadlineMs ?? Infinity,
    scenario: scenario?.id ?? null,
    upStart,
    upList,
    upOptional,
    upBlocks,
    downStart,
    downList,
    downBlocks,
    wave: Int32Array.from(waves),
    waveCount,
    waveStart,
    waveList,
    seqOrder: Int32Array.from(order),
    latKind,
    latA,
    latB,
    timeout,
    maxAttempts,
    initialInterval,
    coefficient,
    maxInterval,
    jitterFull,
    onFailure,
    isAgent,
    opaque,
    nested,
    effect,
    hasEffects: effect.some((e) => e !== EFFECT_NONE),
    compOf,
    compCall,
    compMix,
    fStart,
    fKind,
    fProb,
    fMask,
    fRetryable,
    fApplied,
    fParam,
    faults,
    injected: Int32Array.from({ length: slots }, (_, i) => (i < n ? acting[i].injected : 0)),
  };
}
