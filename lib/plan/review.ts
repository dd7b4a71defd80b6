// Plan review (docs/review.md): advice shown beside the plan, one sentence per finding. Findings never make a plan invalid;
// only the schema and graph rules do. Pure: reads the plan, returns data.
import { adjacency, computeWaves, topologicalOrder, type Adjacency } from './graph';
import { references, type Reference } from './references';
import { activeScenario, effectiveFaults } from './scenario';
import { effectOf, type Fault, type Plan, type ToolCall } from './schema';

export type FindingSeverity = 'error' | 'warning' | 'hint';

export type FindingRule =
  /** error: the input uses `{{id}}` but there is no edge id → call (it would be called with missing information). */
  | 'reference-without-edge'
  /** warning: `{{id}}` names no call of the plan (it is sent as written). */
  | 'unknown-reference'
  /** hint: an edge whose output the call never references (only judged on calls whose input uses references at all). */
  | 'false-dependency'
  /** warning: no timeout, and no deadline on the plan or around it: a hang never ends. */
  | 'unbounded'
  /** hint: retries configured, but the only way the call fails is a non-retryable error. */
  | 'retry-never-helps'
  /** hint: `abort` on a call nothing needs. */
  | 'abort-unneeded'
  /** warning: a `once` call that may be retried: a retry can apply its effect twice. */
  | 'once-retried'
  /** warning: an effect that can land before the plan stops (an abort elsewhere, or its deadline) and has no compensation. */
  | 'effect-left-in-place'
  /** hint: a compensation that no stop can ever call for. */
  | 'compensation-unused';

export interface Finding {
  severity: FindingSeverity;
  rule: FindingRule;
  /** The call the finding is about (in the plan named by `within`), or null for the plan as a whole. */
  callId: string | null;
  /** One sentence for a person. */
  message: string;
  /** The edge concerned: the false dependency, or the edge a reference is missing. */
  edge?: { from: string; to: string };
  /** The sub-agent calls leading to the nested plan the finding is in; empty for the top plan. */
  within: string[];
}

const SEVERITY_ORDER: Record<FindingSeverity, number> = { error: 0, warning: 1, hint: 2 };

/**
 * Reviews a plan and each nested sub-agent plan. Errors first, then warnings, then hints; within a severity, in
 * the order of `calls`.
 *
 * A false dependency is only reported on a call whose input uses at least one reference: a call that references
 * nothing has not had its arguments written yet (palette calls start with sample inputs), so its edges say more
 * than its input and flagging them all would be noise.
 */
export function reviewPlan(plan: Plan): Finding[] {
  const findings: Finding[] = [];
  reviewOne(plan, [], false, findings);
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.i - b.i)
    .map(({ f }) => f);
}

function reviewOne(plan: Plan, within: string[], boundedAround: boolean, out: Finding[]): void {
  const ids = plan.calls.map((c) => c.id);
  const index = new Map(ids.map((id, i) => [id, i]));
  const adj = adjacency(ids, plan.dependencies);
  const order = topologicalOrder(adj);
  const waves = computeWaves(adj, order);
  const scenario = activeScenario(plan);
  const bounded = boundedAround || plan.settings.deadlineMs !== null;
  const where = within.length === 0 ? '' : `In sub-agent ${within.join(' › ')}: `;
  const add = (f: Omit<Finding, 'within' | 'message'> & { message: string }) => out.push({ ...f, message: where + f.message, within });

  plan.calls.forEach((call, i) => {
    const refs = references(call.input);
    const upstream = new Set(adj.upstream[i].map((u) => ids[u]));
    const referenced = new Set<string>();
    for (const [refId, ref] of firstByCallId(refs)) {
      referenced.add(refId);
      if (!index.has(refId)) {
        add({
          severity: 'warning',
          rule: 'unknown-reference',
          callId: call.id,
          message: `${call.id} refers to ${ref.text} in ${ref.jsonPath}, but no call is named ${refId}: it will be sent as written.`,
        });
      } else if (refId === call.id) {
        add({
          severity: 'error',
          rule: 'reference-without-edge',
          callId: call.id,
          message: `${call.id} uses its own output (${ref.text} in ${ref.jsonPath}): a call cannot need its own output.`,
        });
      } else if (!upstream.has(refId)) {
        const indirect = ancestors(adj.upstream, i).has(index.get(refId) as number);
        add({
          severity: 'error',
          rule: 'reference-without-edge',
          callId: call.id,
          edge: { from: refId, to: call.id },
          message: indirect
            ? `${call.id} uses ${ref.text} in ${ref.jsonPath} but reaches ${refId} only through other calls: add the edge ${refId} → ${call.id} to declare it.`
            : `${call.id} uses ${ref.text} in ${ref.jsonPath} but does not depend on ${refId}: it would be called without that information. Add the edge ${refId} → ${call.id}.`,
        });
      }
    }
    if (refs.length > 0) {
      for (const u of adj.upstream[i]) {
        if (referenced.has(ids[u])) continue;
        add({
          severity: 'hint',
          rule: 'false-dependency',
          callId: call.id,
          edge: { from: ids[u], to: call.id },
          message: `${call.id} depends on ${ids[u]} but never uses its output: a false dependency. ${saving(plan, ids, adj, order, waves, u, i)}`,
        });
      }
    }
    if (call.timeoutMs === null && !bounded) {
      add({
        severity: 'warning',
        rule: 'unbounded',
        callId: call.id,
        message: `${call.id} has no timeout and ${within.length === 0 ? 'the plan has no deadline' : 'nothing around it sets a deadline'}: if it hangs, the run never ends.`,
      });
    }
    const faults = effectiveFaults(call, scenario);
    if (call.retry.maxAttempts > 1 && onlyFatalErrors(faults) && !mayTimeOut(call, faults)) {
      add({
        severity: 'hint',
        rule: 'retry-never-helps',
        callId: call.id,
        message: `${call.id} allows ${call.retry.maxAttempts} attempts, but its only failure is a non-retryable error: the retries are never used.`,
      });
    }
    if (call.onFailure === 'abort' && adj.downstream[i].length === 0) {
      add({
        severity: 'hint',
        rule: 'abort-unneeded',
        callId: call.id,
        message: `${call.id} aborts the whole plan if it fails, yet no call needs its output: "degrade" would keep the other results.`,
      });
    }
  });

  reviewEffects(plan, adj, add);

  for (const call of plan.calls) {
    if (call.kind === 'agent' && call.plan) reviewOne(call.plan, [...within, call.id], bounded || call.timeoutMs !== null, out);
  }
}

type AddFinding = (f: Omit<Finding, 'within' | 'message'> & { message: string }) => void;

/** Whether a failed run of the call can still have applied its effect (a timeout, or an error that says applied). */
function canLandAndFail(call: ToolCall, faults: readonly Fault[]): boolean {
  return call.timeoutMs !== null || faults.some((f) => f.kind === 'timeout' || (f.kind === 'error' && f.applied === true));
}

/**
 * Side-effect rules (docs/side-effects.md): retried `once` calls; effects a stop would leave in place with nothing to
 * undo them; compensations that no stop can call for. A stop after a call's effect landed comes from an `abort`
 * call that is not one of its upstreams (those are over before it starts), itself when its failure can follow a
 * landed attempt, or the plan's deadline.
 */
function reviewEffects(plan: Plan, adj: Adjacency, add: AddFinding): void {
  const deadline = plan.settings.deadlineMs;
  const scenario = activeScenario(plan);
  plan.calls.forEach((call, i) => {
    const effect = effectOf(call);
    if (effect === 'none') return;
    if (effect === 'once' && call.retry.maxAttempts > 1) {
      add({
        severity: 'warning',
        rule: 'once-retried',
        callId: call.id,
        message: `${call.id} applies its effect on every attempt (effect "once") and allows ${call.retry.maxAttempts} attempts: a retry after a timeout or a lost answer can apply it twice. Make it idempotent (an idempotency key) or do not retry it.`,
      });
    }
    const before = ancestors(adj.upstream, i);
    const stoppers = plan.calls
      .filter((c, j) => c.onFailure === 'abort' && !before.has(j) && (j !== i || canLandAndFail(call, effectiveFaults(call, scenario))))
      .map((c) => c.id);
    const stops: string[] = [];
    if (stoppers.length > 0) stops.push(`${listIds(stoppers)} can abort the plan after it lands`);
    if (deadline !== null) stops.push(`the plan's deadline (${deadline} ms) can stop it`);
    if (call.compensation === undefined && stops.length > 0) {
      add({
        severity: 'warning',
        rule: 'effect-left-in-place',
        callId: call.id,
        message: `${call.id} changes the world (effect "${effect}") but has no compensation, and ${stops.join(', and ')}: its effect would be left in place. Add a compensation that undoes it.`,
      });
    }
    if (call.compensation !== undefined && stops.length === 0) {
      add({
        severity: 'hint',
        rule: 'compensation-unused',
        callId: call.id,
        message: `${call.id} has a compensation (${call.compensation.tool}), but no stop can follow it: nothing that runs after it aborts the plan and there is no deadline, so it never runs.`,
      });
    }
  });
}

/** `a`, `a and b`, `a, b and 2 more`. */
function listIds(ids: readonly string[]): string {
  if (ids.length <= 2) return ids.join(' and ');
  return `${ids.slice(0, 2).join(', ')} and ${ids.length - 2} more`;
}

/** The first reference to each call id, in order of appearance. */
function firstByCallId(refs: readonly Reference[]): Map<string, Reference> {
  const first = new Map<string, Reference>();
  for (const r of refs) if (!first.has(r.callId)) first.set(r.callId, r);
  return first;
}

function ancestors(upstream: readonly number[][], from: number): Set<number> {
  const seen = new Set<number>();
  const stack = [...upstream[from]];
  while (stack.length > 0) {
    const v = stack.pop() as number;
    if (seen.has(v)) continue;
    seen.add(v);
    for (const u of upstream[v]) stack.push(u);
  }
  return seen;
}

/**
 * What removing the edge u → v would buy: a whole wave (a model turn under `waves`), an earlier start for v, or
 * only less waiting. Cheap when v keeps its wave (most edges); else re-derives the waves after v, in topological order.
 */
function saving(
  plan: Plan,
  ids: readonly string[],
  adj: Adjacency,
  order: readonly number[],
  waves: readonly number[],
  u: number,
  v: number,
): string {
  let start = 0;
  for (const x of adj.upstream[v]) if (x !== u && waves[x] + 1 > start) start = waves[x] + 1;
  if (start === waves[v]) return `Removing it would let ${ids[v]} run without waiting for ${ids[u]}.`;
  const next = Int32Array.from(waves);
  next[v] = start;
  for (let k = order.indexOf(v) + 1; k < order.length; k++) {
    const x = order[k];
    let w = 0;
    for (const y of adj.upstream[x]) if (next[y] + 1 > w) w = next[y] + 1;
    next[x] = w;
  }
  const count = (ws: ArrayLike<number>) => {
    let m = 0;
    for (let i = 0; i < ws.length; i++) if (ws[i] + 1 > m) m = ws[i] + 1;
    return m;
  };
  if (count(next) < count(waves)) {
    return plan.settings.strategy === 'waves' ? 'Removing it would save a model turn.' : 'Removing it would save a wave.';
  }
  return `Removing it would let ${ids[v]} start a wave earlier.`;
}

/** Some fault can fail an attempt, and every such fault is a non-retryable error. */
function onlyFatalErrors(faults: readonly Fault[]): boolean {
  const failing = faults.filter((f) => f.kind === 'error' || f.kind === 'timeout' || f.kind === 'rate_limit');
  return failing.length > 0 && failing.every((f) => f.kind === 'error' && !f.retryable);
}

/** Whether an attempt could outlast the call's timeout (a retryable failure), slow faults included. */
function mayTimeOut(call: ToolCall, faults: readonly Fault[]): boolean {
  if (call.timeoutMs === null) return false;
  if (call.kind === 'agent' || call.latency.kind === 'lognormal') return true;
  const longest = call.latency.kind === 'fixed' ? call.latency.ms : call.latency.maxMs;
  const slowest = faults.reduce((f, x) => (x.kind === 'slow' ? f * x.factor : f), 1);
  return longest * slowest > call.timeoutMs;
}
