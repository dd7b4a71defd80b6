// The plan's policies in the shape every export target maps from: per call its timeout, retry (defaults resolved),
// failure policy and inputs; per plan its strategy, cap and deadline. Pure: a parsed plan in, plain data out.
import { effectOf, retryMaximumIntervalMs, type Plan, type RetryPolicy, type ToolCall } from '../plan/schema';
import type { CallSpec, PlanSpec, RetrySpec } from './runtime/types';

export function retrySpec(call: { retry: RetryPolicy }): RetrySpec {
  const r = call.retry;
  return {
    maxAttempts: r.maxAttempts,
    initialIntervalMs: r.initialIntervalMs,
    backoffCoefficient: r.backoffCoefficient,
    maximumIntervalMs: retryMaximumIntervalMs(r),
    jitter: r.jitter,
  };
}

function callSpec(plan: Plan, call: ToolCall): CallSpec {
  const spec: CallSpec = {
    id: call.id,
    tool: call.tool,
    input: call.input,
    timeoutMs: call.timeoutMs,
    retry: retrySpec(call),
    onFailure: call.onFailure,
    needs: plan.dependencies.filter((d) => d.to === call.id).map((d) => ({ id: d.from, optional: d.optional })),
  };
  const effect = effectOf(call);
  if (effect !== 'none') {
    spec.effect = effect;
    const comp = call.compensation;
    if (comp !== undefined) spec.compensation = { tool: comp.tool, input: comp.input, timeoutMs: comp.timeoutMs, retry: retrySpec(comp) };
  }
  if (call.kind === 'agent' && call.plan !== undefined) {
    spec.agent = {
      report: call.report,
      plan: planSpec(call.plan),
      ...(call.output === undefined ? {} : { answer: call.output }),
      ...(call.degradedOutput === undefined ? {} : { degradedAnswer: call.degradedOutput }),
    };
  }
  return spec;
}

/** The plan as the exported runtime runs it; `strategy` overrides the plan's own (top plan only). */
export function planSpec(plan: Plan, strategy = plan.settings.strategy): PlanSpec {
  return {
    name: plan.name,
    strategy,
    maxConcurrency: plan.settings.maxConcurrency,
    modelTurnMs: plan.settings.modelTurnMs,
    deadlineMs: plan.settings.deadlineMs,
    calls: plan.calls.map((c) => callSpec(plan, c)),
  };
}

/** The distinct tool names a plan calls (sub-agents' included), in first-use order. */
export function toolNames(plan: Plan): string[] {
  const out = new Set<string>();
  const walk = (p: Plan) => {
    for (const c of p.calls) {
      if (c.kind === 'agent' && c.plan !== undefined) walk(c.plan);
      else out.add(c.tool);
    }
  };
  walk(plan);
  return [...out];
}

/** The distinct compensation tools a plan calls (sub-agents' included), in first-use order. */
export function compensationTools(plan: Plan): string[] {
  const out = new Set<string>();
  const walk = (p: Plan) => {
    for (const c of p.calls) {
      if (c.kind === 'agent' && c.plan !== undefined) walk(c.plan);
      if (c.compensation !== undefined && effectOf(c) !== 'none') out.add(c.compensation.tool);
    }
  };
  walk(plan);
  return [...out];
}

/** The wait before retry n (1 = first retry) without jitter: min(initial × coefficient^(n−1), maximum). */
export function backoffMs(r: RetrySpec, n: number): number {
  let wait = r.initialIntervalMs;
  if (wait > 0 && n > 1) wait *= Math.pow(r.backoffCoefficient, n - 1);
  return Math.min(wait, r.maximumIntervalMs);
}

/** Whether a call's faults (as designed in Toolwave) include failures a retry is meant for. */
export function hasRetryableFaults(call: ToolCall): boolean {
  return call.faults.some((f) => f.kind === 'timeout' || f.kind === 'rate_limit' || (f.kind === 'error' && f.retryable));
}
