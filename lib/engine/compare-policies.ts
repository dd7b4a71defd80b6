// One failure, several policies: the same plan and seed with one call's policy set to retry, degrade, abort (and
// ignore where it changes anything), side by side. Pure: a simulate() run per policy on a copy of the plan; common
// random numbers (docs/engine.md#random-streams) make every difference the policy's, not the dice's.
import type { OnFailure, Plan, RetryPolicy, ToolCall } from '../plan/schema';
import { buildContext } from './context';
import { simulate } from './simulate';
import type { CallStatus, Outcome } from './types';

export type PolicyChoice = 'retry' | 'degrade' | 'abort' | 'ignore';

/** Attempts a call is given under `retry` when it has fewer of its own. */
export const RETRY_ATTEMPTS = 3;

export interface PolicyOutcome {
  policy: PolicyChoice;
  /** The call's attempts and onFailure under this policy. */
  maxAttempts: number;
  onFailure: OnFailure;
  /** The call's own settings are this policy's. */
  current: boolean;
  outcome: Outcome;
  /** null when the run is stuck. */
  makespanMs: number | null;
  /** Every call's final status, in plan order. */
  statuses: { id: string; status: CallStatus }[];
  /** The chosen call's final status and how many attempts it made. */
  call: { status: CallStatus; attempts: number };
  /** The text context the model is handed. */
  context: string;
  /** The context's `Plan outcome: …` line. */
  outcomeLine: string;
  /** This context's line at `firstDiffLine`, '' when it has fewer lines; null when every context is the same. */
  diffLine: string | null;
}

export interface PolicyComparison {
  callId: string;
  seed: number;
  outcomes: PolicyOutcome[];
  /** 1-based number of the first line on which the contexts do not all agree; null when they are all the same. */
  firstDiffLine: number | null;
  /** Calls whose final status is not the same under every policy, in plan order. */
  differingCalls: string[];
}

/**
 * Whether `ignore` means anything for this call: it differs from `degrade` only for a call some other call needs over
 * a required edge (an ignored call is an optional input to everyone; docs/plan-format.md#onfailure).
 */
export function ignoreApplies(plan: Plan, callId: string): boolean {
  return plan.dependencies.some((d) => d.from === callId && !d.optional);
}

/** The policies compared for this call, in order. */
export function policiesFor(plan: Plan, callId: string): PolicyChoice[] {
  return ignoreApplies(plan, callId) ? ['retry', 'degrade', 'abort', 'ignore'] : ['retry', 'degrade', 'abort'];
}

/** The call's retry and onFailure under a policy: `retry` keeps its own retries (at least RETRY_ATTEMPTS) and degrades after; the others make one attempt. */
export function applyPolicy(call: ToolCall, policy: PolicyChoice): { retry: RetryPolicy; onFailure: OnFailure } {
  if (policy === 'retry')
    return { retry: { ...call.retry, maxAttempts: Math.max(call.retry.maxAttempts, RETRY_ATTEMPTS) }, onFailure: 'degrade' };
  return { retry: { ...call.retry, maxAttempts: 1 }, onFailure: policy };
}

/** Which policy the call's own settings are, if any (retries with an onFailure other than degrade are none of them). */
export function currentPolicy(call: ToolCall): PolicyChoice | null {
  if (call.retry.maxAttempts > 1) return call.onFailure === 'degrade' ? 'retry' : null;
  return call.onFailure;
}

/** The plan with one call's retry and onFailure replaced (every other field, and every other call, untouched). */
export function withPolicy(plan: Plan, callId: string, policy: PolicyChoice): Plan {
  return { ...plan, calls: plan.calls.map((c) => (c.id === callId ? { ...c, ...applyPolicy(c, policy) } : c)) };
}

/** 1-based number of the first line on which the texts do not all agree, or null. */
export function firstDifferingLine(texts: readonly string[]): number | null {
  const lines = texts.map((t) => t.split('\n'));
  const longest = Math.max(0, ...lines.map((l) => l.length));
  for (let k = 0; k < longest; k++) {
    const first = lines[0]?.[k];
    if (lines.some((l) => l[k] !== first)) return k + 1;
  }
  return null;
}

/** Run `run` (default 0) of the plan's seed (or `seed`) with the call under each policy that applies to it. */
export function comparePolicies(plan: Plan, callId: string, opts: { seed?: number; run?: number } = {}): PolicyComparison {
  const call = plan.calls.find((c) => c.id === callId);
  if (call === undefined) throw new Error(`no call "${callId}" in the plan`);
  const seed = opts.seed ?? plan.settings.seed;
  const own = currentPolicy(call);
  const runs = policiesFor(plan, callId).map((policy) => {
    const variant = withPolicy(plan, callId, policy);
    const trace = simulate(variant, { seed, run: opts.run });
    const context = buildContext(variant, trace, 'text').text;
    const mine = trace.calls.find((c) => c.id === callId);
    const { retry, onFailure } = applyPolicy(call, policy);
    return {
      policy,
      maxAttempts: retry.maxAttempts,
      onFailure,
      current: own === policy,
      outcome: trace.outcome,
      makespanMs: trace.makespanMs,
      statuses: trace.calls.map((c) => ({ id: c.id, status: c.status })),
      call: { status: mine?.status ?? 'not_started', attempts: mine?.attempts.length ?? 0 },
      context,
      outcomeLine: [...context.split('\n')].reverse().find((l) => l.startsWith('Plan outcome:')) ?? '',
    };
  });
  const firstDiffLine = firstDifferingLine(runs.map((r) => r.context));
  const outcomes: PolicyOutcome[] = runs.map((r) => ({
    ...r,
    diffLine: firstDiffLine === null ? null : (r.context.split('\n')[firstDiffLine - 1] ?? ''),
  }));
  const statusOf = outcomes.map((o) => new Map(o.statuses.map((s): [string, CallStatus] => [s.id, s.status])));
  const differingCalls = plan.calls.map((c) => c.id).filter((id) => new Set(statusOf.map((m) => m.get(id))).size > 1);
  return { callId, seed, outcomes, firstDiffLine, differingCalls };
}
