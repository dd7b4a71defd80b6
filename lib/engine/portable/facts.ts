// The shapes a run leaves behind, shared by the engine's trace and the exported runtime's report, and the words
// for their statuses. Portable: pure, imports only its siblings, and is copied verbatim into every TypeScript export.

export type CallStatus = 'succeeded' | 'partial' | 'failed' | 'timed_out' | 'skipped' | 'cancelled' | 'not_started' | 'hung';
export const CALL_STATUSES: readonly CallStatus[] = [
  'succeeded',
  'partial',
  'failed',
  'timed_out',
  'skipped',
  'cancelled',
  'not_started',
  'hung',
];

/** How a status reads in prose: `2 succeeded, 1 timed out`. */
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

/** Succeeded, or returned partial (a success with a warning); a call still under way is neither. */
export function isSuccess(status: string): boolean {
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

/**
 * How one attempt ended. `hang`: it never returned (open end); `cancelled`: the plan stopped while it ran.
 * `error` covers errors, rate limits (`rate_limited`) and failed sub-agent runs.
 */
export type AttemptResult = 'ok' | 'partial' | 'error' | 'rate_limited' | 'timeout' | 'hang' | 'cancelled';

/** What one attempt of a call with an effect did to the world: applied it, did not, or may have. */
export type AttemptEffect = 'applied' | 'not_applied' | 'unknown';

export type CompensationStatus = 'succeeded' | 'failed' | 'timed_out' | 'hung' | 'not_started';

/** One attempt of a call; `Nested` is the run a sub-agent attempt carries. */
export interface AttemptOf<Nested> {
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
  /** The error code of a failure, 429 for a rate limit. */
  code?: string;
  /** The wait before the next attempt, when one was scheduled. */
  retryWaitMs?: number;
  /** For a sub-agent attempt: its nested run. */
  nested?: Nested;
  /** For a call with an effect. */
  effect?: AttemptEffect;
}

/** The run of a call's compensation after the plan stopped. */
export interface CompensationOf<Attempt> {
  tool: string;
  status: CompensationStatus;
  /** Its place among the compensations, which run one at a time (0-based). */
  order: number;
  /** null when it never started. */
  startMs: number | null;
  /** null when it never started or hung. */
  endMs: number | null;
  attempts: Attempt[];
}

/** What a call with an effect did over its attempts, and whether a stopped plan undid it. */
export interface CallEffectOf<Attempt> {
  kind: 'idempotent' | 'once';
  /** Attempts that applied the effect. */
  applied: number;
  /** Attempts that may have applied it (cut by a timeout or by the stop, or hung). */
  unknown: number;
  /** A `once` call that applied at least twice. */
  duplicated: boolean;
  /** A `once` call not duplicated, with applied + unknown ≥ 2. */
  maybeDuplicated: boolean;
  /** End of the last attempt that applied or may have applied it (null: none did, or that attempt hung). */
  landedMs: number | null;
  /** The plan stopped, the effect landed, and no compensation undid it. */
  leftInPlace: boolean;
  /** null when no compensation was due (no stop, nothing landed, or the call has none). */
  compensation: CompensationOf<Attempt> | null;
}

/** Why a call ended as it did, in data. */
export type Reason =
  | { kind: 'upstream'; /** required inputs that did not succeed */ blockers: { id: string; status: CallStatus }[] }
  | { kind: 'abort'; by: string; atMs: number }
  | { kind: 'deadline'; atMs: number }
  | { kind: 'hung_upstream'; /** the direct upstream that never became final */ waitingOn: string }
  | { kind: 'wave_held'; /** the hung call that keeps an earlier wave open */ by: string };

/** What became of one call of the plan. */
export interface CallOf<Attempt> {
  id: string;
  index: number;
  tool: string;
  /** Graph wave, from 0, whatever the strategy. */
  wave: number;
  status: CallStatus;
  /** null for succeeded, partial, failed and timed_out calls (their attempts say why). */
  reason: Reason | null;
  /** First attempt's start; null if it never started. */
  startMs: number | null;
  /** When it became final; null for hung, skipped and not-started calls. */
  endMs: number | null;
  attempts: Attempt[];
  /** Optional inputs that had not succeeded when it started (it ran degraded). */
  missingInputs: { id: string; status: CallStatus }[];
  /** Index of the model turn that emitted it, or null if it never started. */
  turn: number | null;
  /** For a partial result: the warning. */
  warning?: string;
  /** For an opaque sub-agent: failures inside it that the orchestrator never saw. */
  hiddenFailures?: number;
  /** For a call with an effect. */
  effect?: CallEffectOf<Attempt>;
}

export interface TurnFacts {
  /** 0-based; it reads as "model turn n+1". */
  index: number;
  /** The graph wave this turn emits under `waves`, else null. */
  wave: number | null;
  /** When the model turn began thinking. */
  startMs: number;
  /** When its calls were emitted (startMs + the model-turn latency). */
  emitMs: number;
  /** When the last of its calls became final; null if one never did. */
  endMs: number | null;
  /** Call indices it emitted that started, in start order. */
  calls: number[];
}

/** When the last of a turn's calls became final (its emit instant when it has none); null when one never did. */
export function turnEndMs(turn: TurnFacts, calls: readonly { endMs: number | null }[]): number | null {
  let end = turn.emitMs;
  for (const i of turn.calls) {
    const e = calls[i].endMs;
    if (e === null) return null;
    if (e > end) end = e;
  }
  return end;
}

/** A whole run: how it ended and what each call and model turn did. */
export interface RunOf<Call> {
  strategy: 'waves' | 'eager' | 'sequential';
  outcome: Outcome;
  /** null when stuck. */
  makespanMs: number | null;
  stop: { reason: 'abort' | 'deadline'; atMs: number; by: string | null } | null;
  /** The end of the last compensation, else the makespan; null when stuck or a compensation hung. */
  settledMs: number | null;
  /** Indices of the calls whose compensations ran (or were due), in the order they ran. */
  compensations: number[];
  calls: Call[];
  turns: TurnFacts[];
}

/**
 * What every run's record starts with, after its own leading fields (spread it in, the key order stays): complete until
 * something says otherwise, no stop, and each call not started, at its graph wave.
 */
export function openRun<Attempt>(
  calls: readonly { id: string; tool: string }[],
  wave: ArrayLike<number>,
): Omit<RunOf<CallOf<Attempt>>, 'strategy'> {
  return {
    outcome: 'complete',
    makespanMs: 0,
    stop: null,
    settledMs: 0,
    compensations: [],
    calls: calls.map((c, i): CallOf<Attempt> => ({
      id: c.id,
      index: i,
      tool: c.tool,
      wave: wave[i],
      status: 'not_started',
      reason: null,
      startMs: null,
      endMs: null,
      attempts: [],
      missingInputs: [],
      turn: null,
    })),
    turns: [],
  };
}

/** An attempt as it starts (of a call or of a compensation): it counts as hanging until it ends. */
export function openAttempt<Nested>(n: number, startMs: number): AttemptOf<Nested> {
  return { n, startMs, endMs: null, result: 'hang', message: 'no response: it hung with no timeout', retryable: false };
}

/** One step of a run, in time order; `Call` names the call (the engine's trace: its index; a run report: its id). */
export type EventOf<Call> =
  | { t: number; type: 'turn'; turn: number; wave: number | null }
  | { t: number; type: 'attempt_start'; call: Call; attempt: number }
  | { t: number; type: 'attempt_end'; call: Call; attempt: number; result: AttemptResult; message: string }
  | { t: number; type: 'retry_scheduled'; call: Call; attempt: number; dueMs: number; waitMs: number }
  | { t: number; type: 'final'; call: Call; status: CallStatus }
  | { t: number; type: 'stop'; reason: 'abort' | 'deadline'; by: string | null }
  // The compensation phase after a stop: `call` is the call whose effect is being undone.
  | { t: number; type: 'comp_start'; call: Call; attempt: number }
  | { t: number; type: 'comp_end'; call: Call; attempt: number; result: AttemptResult; message: string }
  | { t: number; type: 'comp_final'; call: Call; status: CompensationStatus };

/** Any call, whatever its nested runs are: what the wording reads. */
export type CallFacts = CallOf<AttemptOf<unknown>>;
/** Any run: what the wording reads. */
export type RunFacts = RunOf<CallFacts>;
