// The reasons behind narrated captions (lib/engine/narrate.ts): why a call was skipped, why no retry followed, which
// failure policy applied and what it did — each read from the run's own state (the failed dependency, the call's
// policy, its attempts, its timeout), never guessed. Pure: no React, no DOM.
import { spokenDuration } from '../format/duration';
import type { Plan, ToolCall } from '../plan/schema';
import { describeUpstream, listWords } from './context/wording';
import type { CallTrace, Trace } from './types';

/** The call's spec in `plan`, by index first (the trace keeps the plan's order), else by id. */
export function specOf(plan: Plan | null | undefined, call: CallTrace): ToolCall | undefined {
  if (!plan) return undefined;
  const byIndex = plan.calls[call.index];
  return byIndex !== undefined && byIndex.id === call.id ? byIndex : plan.calls.find((c) => c.id === call.id);
}

/** Why no retry follows the last failed attempt. */
export function noRetryTail(call: CallTrace, spec: ToolCall | undefined): string {
  const last = call.attempts[call.attempts.length - 1];
  if (last !== undefined && !last.retryable) return 'not retryable';
  const max = spec?.retry.maxAttempts ?? call.attempts.length;
  return max <= 1 ? 'no retry allowed' : 'no retries left';
}

/** The caption sentence for the plan stopping. */
export function stopSentence(trace: Trace, e: { t: number; reason: 'abort' | 'deadline'; by: string | null }): string {
  if (e.reason === 'deadline') return `The plan stops: deadline of ${spokenDuration(e.t)} reached`;
  return `The plan stops: ${e.by ?? trace.stop?.by ?? 'a call'} failed and its policy aborts the plan`;
}

/** Why the plan stopped and what that did to the calls still in flight. */
export function whyStop(reason: 'abort' | 'deadline', by: string | null, atMs: number): string {
  const kept = 'calls still running are cancelled, results already in are kept';
  if (reason === 'deadline') return `the plan's deadline of ${spokenDuration(atMs)} stopped it — ${kept}`;
  return `abort stopped the plan${by === null ? '' : ` when ${by} failed`} — ${kept}`;
}

/** What a call's failure policy does once it has failed for good: `degrade lets the rest go on`. */
export function policyEffect(spec: ToolCall | undefined): string | null {
  switch (spec?.onFailure) {
    case 'degrade':
      return 'degrade lets the rest go on';
    case 'ignore':
      return 'ignore lets the calls that need it run without it';
    case 'abort':
      return 'abort stops the whole plan';
    default:
      return null;
  }
}

/** Why a call failed for good: `cut at its 300 ms timeout, all 2 attempts used — degrade lets the rest go on`. */
export function whyFinalFailure(call: CallTrace, spec: ToolCall | undefined): string | null {
  const last = call.attempts[call.attempts.length - 1];
  const parts: string[] = [];
  if (last?.result === 'timeout' && spec?.timeoutMs != null) parts.push(`cut at its ${spokenDuration(spec.timeoutMs)} timeout`);
  const max = spec?.retry.maxAttempts;
  if (last !== undefined && !last.retryable) parts.push(last.result === 'error' ? 'the error is not retryable' : 'not retryable');
  else if (max !== undefined && max > 1 && call.attempts.length >= max) parts.push(`all ${max} attempts used`);
  const policy = spec?.onFailure === 'abort' ? null : policyEffect(spec);
  const head = parts.join(', ');
  if (policy === null) return head === '' ? null : head;
  return head === '' ? policy : `${head} — ${policy}`;
}

/** Why calls were skipped, after their names: `it needs fetch_2, which failed — degrade lets the rest go on`. */
export function whySkipped(trace: Trace, plan: Plan | null | undefined, call: CallTrace, count = 1): string | null {
  const reason = call.reason;
  if (reason === null || reason.kind !== 'upstream' || reason.blockers.length === 0) return null;
  const blockers = reason.blockers.map((b) => describeUpstream(b));
  const policies = new Set(
    reason.blockers.map((b) => {
      const up = trace.calls.find((c) => c.id === b.id);
      const spec = up === undefined ? undefined : specOf(plan, up);
      // A skipped input's own policy never ran: the plan goes on around it whatever it says.
      return b.status === 'skipped' ? 'skipped' : (spec?.onFailure ?? 'unknown');
    }),
  );
  const only = policies.size === 1 ? [...policies][0] : null;
  const tail = only === 'degrade' ? 'degrade lets the rest go on' : 'the rest of the plan goes on';
  return `${count === 1 ? 'it needs' : 'they need'} ${listWords(blockers)} — ${tail}`;
}

/** Why a call runs without an input: the edge is optional, or the input's policy is ignore. */
export function whyDegraded(trace: Trace, plan: Plan | null | undefined, call: CallTrace): string | null {
  const m = call.missingInputs[0];
  if (m === undefined) return null;
  const edge = plan?.dependencies.find((d) => d.from === m.id && d.to === call.id);
  const up = trace.calls.find((c) => c.id === m.id);
  const upSpec = up === undefined ? undefined : specOf(plan, up);
  if (edge?.optional) return `${m.id} is an optional input, so ${call.id} runs without it`;
  if (upSpec?.onFailure === 'ignore') return `${m.id}'s policy is ignore, so the calls that need it run without it`;
  return null;
}

/** Why an attempt is tried again: `a timeout is retryable, so attempt 2 of 3 follows after 200 ms`. */
export function whyRetry(spec: ToolCall | undefined, failedAttempt: number, result: string, waitMs: number): string {
  const max = spec?.retry.maxAttempts;
  const what = result === 'timeout' ? 'a timeout is' : result === 'rate_limited' ? 'a rate limit is' : 'the error is';
  const wait = waitMs > 0 ? ` after ${spokenDuration(waitMs)}` : ' at once';
  return `${what} retryable, so attempt ${failedAttempt + 1}${max === undefined ? '' : ` of ${max}`} follows${wait}`;
}

/** Why a call never returns. */
export function whyHung(spec: ToolCall | undefined): string | null {
  if (spec === undefined) return null;
  return spec.timeoutMs == null ? 'it has no timeout and the plan no deadline, so nothing cuts it' : null;
}

/** Why the run ended as it did, for the closing caption; null for a run with nothing to explain. */
export function whyOutcome(trace: Trace, plan: Plan | null | undefined): string | null {
  if (trace.outcome === 'aborted' || trace.outcome === 'deadline_exceeded') {
    return whyStop(trace.outcome === 'aborted' ? 'abort' : 'deadline', trace.stop?.by ?? null, trace.makespanMs ?? 0);
  }
  if (trace.outcome === 'partial') {
    const failed = trace.calls.filter((c) => c.status === 'failed' || c.status === 'timed_out');
    const degraded = failed.filter((c) => specOf(plan, c)?.onFailure !== 'abort').map((c) => c.id);
    if (degraded.length > 0)
      return `${listWords(degraded)} did not succeed and no policy stopped the plan — the model is told what failed and what never ran`;
  }
  return null;
}
