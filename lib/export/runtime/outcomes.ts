// How one attempt's result is read: a value, a partial result, a thrown error, a sub-agent's nested run;
// and the wait before the next attempt. Pure functions, so the scheduler stays a loop of decisions.
import { countStatuses, type AttemptResult } from '../../engine/portable/facts';
import { PartialResult, RateLimitError, ToolError, type CallSpec, type ErrorClassifier, type RunReport } from './types';

/** An attempt that returned or failed, as the scheduler records it. */
export interface Settled {
  result: AttemptResult;
  message: string;
  retryable: boolean;
  code?: string;
  retryAfterMs?: number;
  output?: unknown;
  nested?: RunReport;
  /** An error after the service did the work: the effect counts as applied. */
  applied?: boolean;
}

/** How Toolwave words an error whose work was done before it failed. */
export function appliedMessage(message: string): string {
  return `${message} (the work was done before the failure)`;
}

/** Plain errors are not retryable unless a classifier says so, as an injected error fault is not unless it says so. */
export const defaultClassifier: ErrorClassifier = (error) => ({
  message: error instanceof Error ? error.message : String(error),
  retryable: false,
});

export function fromValue(value: unknown): Settled {
  if (value instanceof PartialResult) {
    const note = value.note !== undefined && value.note !== '' ? value.note : 'partial result';
    return { result: 'partial', message: note, retryable: false, output: value.output };
  }
  return { result: 'ok', message: 'ok', retryable: false, output: value };
}

export function fromError(error: unknown, classify: ErrorClassifier): Settled {
  if (error instanceof RateLimitError)
    return { result: 'rate_limited', message: error.message, retryable: true, code: '429', retryAfterMs: error.retryAfterMs };
  const c: ReturnType<ErrorClassifier> =
    error instanceof ToolError
      ? {
          message: error.message,
          retryable: error.retryable,
          applied: error.applied,
          ...(error.code === undefined ? {} : { code: error.code }),
        }
      : classify(error);
  if (c.retryAfterMs !== undefined)
    return { result: 'rate_limited', message: c.message, retryable: true, code: c.code ?? '429', retryAfterMs: c.retryAfterMs };
  const applied = c.applied === true;
  return {
    result: 'error',
    message: applied ? appliedMessage(c.message) : c.message,
    retryable: c.retryable,
    ...(c.code === undefined ? {} : { code: c.code }),
    ...(applied ? { applied } : {}),
  };
}

/**
 * A sub-agent attempt's result from its nested run. Explicit: succeeded when complete, partial when partial, a
 * failure (not retryable) when aborted or past its deadline. Opaque: success whatever happened inside.
 */
export function fromNestedRun(agent: NonNullable<CallSpec['agent']>, nested: RunReport, answer: unknown): Settled {
  if (agent.report === 'opaque' || nested.outcome === 'complete')
    return { result: 'ok', message: 'sub-agent returned', retryable: false, output: answer, nested };
  if (nested.outcome === 'partial') {
    const message = `sub-agent finished partial: ${countStatuses(nested.calls.map((c) => c.status))}`;
    return { result: 'partial', message, retryable: false, output: answer, nested };
  }
  const by = nested.stop?.by;
  const message =
    nested.outcome === 'aborted' ? `sub-agent run aborted${by ? ` because ${by} failed` : ''}` : 'sub-agent run exceeded its deadline';
  return { result: 'error', message, retryable: false, nested };
}

/**
 * The wait before retry k (after attempt k failed): min(initial × coefficient^(k−1), maximum), times a uniform draw
 * under full jitter, and never less than a rate limit's retry-after. Computed in exactly this order.
 */
export function retryWait(retry: CallSpec['retry'], k: number, settled: Settled, random: () => number): number {
  let wait = retry.initialIntervalMs;
  if (wait > 0 && k > 1) wait *= Math.pow(retry.backoffCoefficient, k - 1);
  if (wait > retry.maximumIntervalMs) wait = retry.maximumIntervalMs;
  if (retry.jitter === 'full') wait *= random();
  if (settled.result === 'rate_limited' && settled.retryAfterMs !== undefined && settled.retryAfterMs > wait) wait = settled.retryAfterMs;
  return wait;
}
