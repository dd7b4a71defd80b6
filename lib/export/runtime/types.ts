// The exported runtime's public shapes: the plan's policies as data, the tools a team supplies, the run report.
// Part of the code Toolwave writes into an exported module: standard library only, never an import from the app.
import type { AttemptOf, CallEffectOf, CallOf, CompensationOf, EventOf, RunOf, TurnFacts } from '../../engine/portable/facts';
import type { Json, JsonObject } from '../../engine/portable/json-refs';

export type Strategy = 'waves' | 'eager' | 'sequential';
export type OnFailure = 'degrade' | 'abort' | 'ignore';

/** Retry policy; `maxAttempts` counts the first attempt (1 = no retry), intervals are milliseconds. */
export interface RetrySpec {
  maxAttempts: number;
  initialIntervalMs: number;
  backoffCoefficient: number;
  maximumIntervalMs: number;
  jitter: 'none' | 'full';
}

export interface CallSpec {
  id: string;
  tool: string;
  /** Arguments; a string may hold `{{callId}}` or `{{callId.path}}`, resolved from upstream outputs. */
  input: JsonObject;
  /** Per-attempt timeout, or null (an attempt may then last until the plan's deadline, or forever). */
  timeoutMs: number | null;
  retry: RetrySpec;
  onFailure: OnFailure;
  /** The calls whose output this one needs, in the plan's order; `optional` ones may be missing. */
  needs: { id: string; optional: boolean }[];
  /** What the call does to the world: absent, it only reads; `idempotent` writes that a repeat changes no more; `once` writes on every attempt that goes through. */
  effect?: 'idempotent' | 'once';
  /** The call that undoes the effect when the plan stops (aborted, or past its deadline). */
  compensation?: CompensationSpec;
  /**
   * A sub-agent: each attempt runs this nested plan. `explicit` reports what failed inside, `opaque` does not.
   * `answer` is what later calls read from it (the plan's sample; `degradedAnswer` when it ran without an optional
   * input), unless RunOptions.agentAnswer says otherwise.
   */
  agent?: { report: 'explicit' | 'opaque'; plan: PlanSpec; answer?: Json; degradedAnswer?: Json };
}

/** A compensation runs like a call (its own timeout and retries), one at a time, after a stop. */
export interface CompensationSpec {
  tool: string;
  input: JsonObject;
  timeoutMs: number | null;
  retry: RetrySpec;
}

export interface PlanSpec {
  name: string;
  strategy: Strategy;
  /** null = no cap on calls in flight. */
  maxConcurrency: number | null;
  /** How long one model turn takes before it emits its calls. */
  modelTurnMs: number;
  /** The whole plan's budget, or null. */
  deadlineMs: number | null;
  calls: CallSpec[];
}

/** What a tool is told besides its input. */
export interface ToolContext {
  /** Aborted when the attempt times out or the plan stops: hand it to fetch() and the like. */
  signal: AbortSignal;
  /** 1-based attempt number. */
  attempt: number;
  callId: string;
  /** The sub-agent calls this call runs inside, outermost first, with their attempt numbers. */
  parents: readonly { callId: string; attempt: number }[];
}

export type ToolFn = (input: JsonObject, context: ToolContext) => Promise<unknown>;
export type Tools = { readonly [tool: string]: ToolFn };

/** A failure a tool reports on purpose: whether a retry may help, and an error code. */
export class ToolError extends Error {
  readonly code: string | undefined;
  readonly retryable: boolean;
  /** The service did the work, then failed to answer (a 500 after commit): the effect counts as applied. */
  readonly applied: boolean;
  constructor(message: string, options: { code?: string; retryable?: boolean; applied?: boolean } = {}) {
    super(message);
    this.name = 'ToolError';
    this.code = options.code;
    this.retryable = options.retryable ?? false;
    this.applied = options.applied ?? false;
  }
}

/** HTTP 429: always retryable, and the next attempt waits at least `retryAfterMs`. */
export class RateLimitError extends ToolError {
  readonly retryAfterMs: number;
  constructor(retryAfterMs: number) {
    super(`429 rate limited: retry after ${retryAfterMs} ms`, { code: '429', retryable: true });
    this.name = 'RateLimitError';
    this.retryAfterMs = retryAfterMs;
  }
}

/** A result that came back incomplete: a success with a warning, never retried. */
export class PartialResult {
  constructor(
    readonly output: unknown,
    readonly note: string | undefined,
  ) {}
}

/** Wraps a tool's output to report it as partial: `return partial(rows, 'only 3 of 10 pages')`. */
export function partial(output: unknown, note?: string): PartialResult {
  return new PartialResult(output, note);
}

/** How a thrown value that is no ToolError is understood: by default, not retryable. */
export type ErrorClassifier = (error: unknown) => {
  message: string;
  retryable: boolean;
  code?: string;
  retryAfterMs?: number;
  applied?: boolean;
};

export interface RunOptions {
  /** Milliseconds on a monotonic clock (default: performance.now()). */
  now?: () => number;
  /** Resolves after `ms`, or early once `signal` aborts (default: setTimeout). */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** A uniform draw in [0, 1) for full jitter (default: Math.random). */
  random?: () => number;
  /** Overrides the plan's model-turn latency (set 0 when a real model call sits between the turns). */
  modelTurnMs?: number;
  classifyError?: ErrorClassifier;
  /** One function per compensation tool: what undoes a call's effect after a stop. */
  compensations?: Tools;
  /** A sub-agent's answer from its nested run (default: the answer the plan gives it). */
  agentAnswer?: (callId: string, report: RunReport) => unknown;
  /** Called at each step of the run, in order: for logs, metrics and progress bars. */
  onEvent?: (event: RunEvent) => void;
}

export type AttemptReport = AttemptOf<RunReport>;
export type CompensationReport = CompensationOf<AttemptReport>;
export type CallEffect = CallEffectOf<AttemptReport>;

export interface CallReport extends CallOf<AttemptReport> {
  /** The input as sent, references resolved. */
  input?: JsonObject;
  /** What the tool returned (for a partial result, the output inside it). */
  output?: unknown;
}

export type TurnReport = TurnFacts;

export interface RunReport extends RunOf<CallReport> {
  plan: PlanSpec;
}

/** A step of the run, `call` naming the call by its id. */
export type RunEvent = EventOf<string>;
