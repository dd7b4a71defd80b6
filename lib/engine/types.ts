// The trace: everything one simulated run did, as plain data a UI can draw and play back (docs/engine.md).
// Times are virtual milliseconds from 0, never rounded.
import type { Strategy } from '../plan/schema';

export type CallStatus = 'succeeded' | 'partial' | 'failed' | 'timed_out' | 'skipped' | 'cancelled' | 'not_started' | 'hung';
export const CALL_STATUSES: readonly CallStatus[] = ['succeeded', 'partial', 'failed', 'timed_out', 'skipped', 'cancelled', 'not_started', 'hung'];

/** How a status reads in prose and in the UI: `2 succeeded, 1 timed out`. */
export const STATUS_LABEL: Record<CallStatus, string> = {
  succeeded: 'succeeded',
  partial: 'partial',
  failed: 'failed',
  timed_out: 'timed out',
  skipped: 'skipped',
  cancelled: 'cancelled',
  not_started: 'not started',
  hung: 'hung',
};

/** Succeeded, or returned partial (a success with a warning). */
export function isSuccess(status: CallStatus): boolean {
  return status === 'succeeded' || status === 'partial';
}

/** How many of each status, in CALL_STATUSES order, statuses that do not occur left out. */
export function statusCounts(statuses: Iterable<CallStatus>): [CallStatus, number][] {
  const counts = new Map<CallStatus, number>();
  for (const s of statuses) counts.set(s, (counts.get(s) ?? 0) + 1);
  return CALL_STATUSES.filter((s) => counts.has(s)).map((s) => [s, counts.get(s) as number]);
}

/** The counts in words, in status order: `2 succeeded, 1 timed out, 1 skipped`. */
export function countStatuses(statuses: Iterable<CallStatus>): string {
  return statusCounts(statuses)
    .map(([s, n]) => `${n} ${STATUS_LABEL[s]}`)
    .join(', ');
}

export type Outcome = 'complete' | 'partial' | 'aborted' | 'deadline_exceeded' | 'stuck';
export const OUTCOMES: readonly Outcome[] = ['complete', 'partial', 'aborted', 'deadline_exceeded', 'stuck'];

export const OUTCOME_LABEL: Record<Outcome, string> = {
  complete: 'complete',
  partial: 'partial',
  aborted: 'aborted',
  deadline_exceeded: 'deadline exceeded',
  stuck: 'stuck',
};

/**
 * How one attempt ended. `hang`: it never returned (open end); `cancelled`: the plan stopped while it ran.
 * `error` covers injected errors, rate limits (`rateLimited`) and failed sub-agent runs.
 */
export type AttemptResult = 'ok' | 'partial' | 'error' | 'rate_limited' | 'timeout' | 'hang' | 'cancelled';

export interface Attempt {
  /** 1-based. */
  n: number;
  startMs: number;
  /** null while hanging forever. */
  endMs: number | null;
  result: AttemptResult;
  /** What a person reads: "503 Service Unavailable", "timed out after 2000 ms", "partial: 2 of 3 pages". */
  message: string;
  /** Whether a failure of this attempt may be retried (false for successes). */
  retryable: boolean;
  /** The error code of an injected error or 429 for a rate limit. */
  code?: string;
  /** Wait before the next attempt, when one was scheduled. */
  retryWaitMs?: number;
  /** For a sub-agent attempt: the nested run. */
  nested?: Trace;
  /** For a call with an effect: whether this attempt applied it, did not, or may have (see docs/side-effects.md). */
  effect?: AttemptEffect;
  /** The fault that decided the attempt, when one fired and the attempt ended by itself (never on a cancelled one). */
  fault?: DecidingFault;
}

/** Which fault decided an attempt (slow faults never decide: they only stretch it). */
export interface DecidingFault {
  kind: 'error' | 'timeout' | 'rate_limit' | 'partial';
  /** Its place in the faults acting on the call or compensation: injected faults first, then the designed ones. */
  index: number;
  /** A one-click injection, not part of the design (docs/plan-format.md#injected-faults). */
  injected: boolean;
  /**
   * The call's timeout ended the attempt before this fault's own result (an error, a 429, a partial return) could
   * come back: the attempt timed out instead. Never set for a timeout fault, whose hang the timeout is there to cut.
   */
  cutByTimeout: boolean;
}

/** What one attempt of a call with an effect did to the world. */
export type AttemptEffect = 'applied' | 'not_applied' | 'unknown';

export type CompensationStatus = 'succeeded' | 'failed' | 'timed_out' | 'hung' | 'not_started';

/** The run of a call's compensation after the plan stopped. */
export interface CompensationTrace {
  tool: string;
  status: CompensationStatus;
  /** 0-based place in the compensation phase (compensations run one at a time). */
  order: number;
  /** null when it never started. */
  startMs: number | null;
  /** null when it never started or hung. */
  endMs: number | null;
  attempts: Attempt[];
}

/** What a call with an effect did over its attempts, and whether a stopped plan undid it. */
export interface CallEffect {
  kind: 'idempotent' | 'once';
  /** Attempts that applied the effect. */
  applied: number;
  /** Attempts that may have applied it (timed out, cancelled, hung). */
  unknown: number;
  /** A `once` call applied at least twice. */
  duplicated: boolean;
  /** A `once` call not duplicated, but with applied + unknown ≥ 2. */
  maybeDuplicated: boolean;
  /** End of the last applied or unknown attempt: when the effect landed (null: it did not, or that attempt hung). */
  landedMs: number | null;
  /** The plan stopped and the effect landed, but no compensation undid it. */
  leftInPlace: boolean;
  /** null when no compensation was due (no stop, nothing landed, or the call has none). */
  compensation: CompensationTrace | null;
}

/** Why a call ended as it did, in data (the context and UI word it). */
export type Reason =
  | { kind: 'upstream'; /** required inputs that did not succeed */ blockers: { id: string; status: CallStatus }[] }
  | { kind: 'abort'; by: string; atMs: number }
  | { kind: 'deadline'; atMs: number }
  | { kind: 'hung_upstream'; /** the direct upstream that never became final */ waitingOn: string }
  | { kind: 'wave_held'; /** the hung call that keeps an earlier wave open */ by: string };

export interface CallTrace {
  id: string;
  index: number;
  tool: string;
  /** Graph wave, 0-based (docs/engine.md#the-wave-of-a-call), whatever the strategy. */
  wave: number;
  status: CallStatus;
  /** null for succeeded, partial, failed and timed_out calls (their attempts say why). */
  reason: Reason | null;
  /** First attempt's start; null if it never started. */
  startMs: number | null;
  /** When it became final; null for hung, skipped and not-started calls. */
  endMs: number | null;
  attempts: Attempt[];
  /** Optional inputs (optional edges, or `ignore` upstreams) that did not succeed when it started. */
  missingInputs: { id: string; status: CallStatus }[];
  /** The model turn that emitted it (index into Trace.turns), or null if it never started. */
  turn: number | null;
  /** For a partial result: the warning. */
  warning?: string;
  /** For a sub-agent with report "opaque": failures inside it that the orchestrator never saw. */
  hiddenFailures?: number;
  /** For a call whose effect is not "none". */
  effect?: CallEffect;
}

export interface Turn {
  /** 0-based; the UI says "model turn n+1". */
  index: number;
  /** The graph wave this turn emits under `waves`, else null. */
  wave: number | null;
  /** When the model turn began thinking. */
  startMs: number;
  /** When its calls were emitted (startMs + modelTurnMs). */
  emitMs: number;
  /** When the last of its calls became final; null if one never did. */
  endMs: number | null;
  /** Call indices it emitted that started, in start order. */
  calls: number[];
}

export type TraceEvent =
  | { t: number; type: 'turn'; turn: number; wave: number | null }
  | { t: number; type: 'attempt_start'; call: number; attempt: number }
  | { t: number; type: 'attempt_end'; call: number; attempt: number; result: AttemptResult; message: string }
  | { t: number; type: 'retry_scheduled'; call: number; attempt: number; dueMs: number; waitMs: number }
  | { t: number; type: 'final'; call: number; status: CallStatus }
  | { t: number; type: 'stop'; reason: 'abort' | 'deadline'; by: string | null }
  // The compensation phase after a stop: `call` is the call whose effect is being undone.
  | { t: number; type: 'comp_start'; call: number; attempt: number }
  | { t: number; type: 'comp_end'; call: number; attempt: number; result: AttemptResult; message: string }
  | { t: number; type: 'comp_retry'; call: number; attempt: number; dueMs: number; waitMs: number }
  | { t: number; type: 'comp_final'; call: number; status: CompensationStatus };

export interface Trace {
  strategy: Strategy;
  seed: number;
  run: number;
  /** The scenario whose faults were applied, if any. */
  scenario: string | null;
  outcome: Outcome;
  /** null when stuck. */
  makespanMs: number | null;
  stop: { reason: 'abort' | 'deadline'; atMs: number; by: string | null } | null;
  /** When everything settled: the end of the last compensation, else the makespan; null when stuck or a compensation hung. */
  settledMs: number | null;
  /** Indices of the calls whose compensations ran (or were due), in the order they ran. */
  compensations: number[];
  calls: CallTrace[];
  turns: Turn[];
  /** Time-ordered; at one instant in the order of docs/engine.md#simultaneous-events. */
  events: TraceEvent[];
}

export interface SimulateOptions {
  seed?: number;
  strategy?: Strategy;
  /** 0-based run index (a single run is run 0). */
  run?: number;
}
