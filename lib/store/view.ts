// Drill-down: which plan the canvas and the inspector show. The view path lists sub-agent call ids from the
// top plan down; [] is the top plan. Everything here is pure and returns objects that are part of the plan or
// the trace (or cached per trace), so selectors built on it give stable references.
import type { CallTrace, PreparedTrace, Trace } from '@/lib/engine';
import { prepareTrace } from '@/lib/engine/playback';
import type { Plan, ToolCall } from '@/lib/plan';

/** The agent call `id` of `plan`, if it is one. */
function agentCall(plan: Plan, id: string): (ToolCall & { plan: Plan }) | null {
  const call = plan.calls.find((c) => c.id === id);
  return call !== undefined && call.kind === 'agent' && call.plan !== undefined ? (call as ToolCall & { plan: Plan }) : null;
}

/** The longest prefix of `path` that still names agent calls in `plan` (an undo may have removed one). */
export function validViewPath(plan: Plan, path: readonly string[]): string[] {
  const out: string[] = [];
  let p = plan;
  for (const id of path) {
    const call = agentCall(p, id);
    if (call === null) break;
    out.push(id);
    p = call.plan;
  }
  return out;
}

/** The plan shown at `path` (the deepest valid level). */
export function planAtPath(plan: Plan, path: readonly string[]): Plan {
  let p = plan;
  for (const id of path) {
    const call = agentCall(p, id);
    if (call === null) break;
    p = call.plan;
  }
  return p;
}

/** Each level's title for the breadcrumb: the top plan's name, then each agent call's label or id. */
export function breadcrumb(plan: Plan, path: readonly string[]): { id: string | null; label: string }[] {
  const out: { id: string | null; label: string }[] = [{ id: null, label: plan.name }];
  let p = plan;
  for (const id of path) {
    const call = agentCall(p, id);
    if (call === null) break;
    out.push({ id, label: call.label ?? call.id });
    p = call.plan;
  }
  return out;
}

/** Replaces the plan at `path` inside `root` with `next`, copying only the plans and calls on the way down. */
export function replaceAtPath(root: Plan, path: readonly string[], next: Plan): Plan {
  if (path.length === 0) return next;
  const [id, ...rest] = path;
  const call = agentCall(root, id);
  if (call === null) return root;
  const inner = replaceAtPath(call.plan, rest, next);
  if (inner === call.plan) return root;
  return { ...root, calls: root.calls.map((c) => (c.id === id ? { ...c, plan: inner } : c)) };
}

/** The nested run shown for a sub-agent call: its last attempt that has a nested trace, and where that attempt started. */
export function nestedRun(call: CallTrace): { trace: Trace; startMs: number; attempt: number } | null {
  for (let k = call.attempts.length - 1; k >= 0; k--) {
    const a = call.attempts[k];
    if (a.nested !== undefined) return { trace: a.nested, startMs: a.startMs, attempt: a.n };
  }
  return null;
}

export interface TraceView {
  trace: Trace;
  /** The plan that trace ran (the matching level of the run's plan). */
  plan: Plan;
  /** Where this level's time 0 sits on the top run's clock. */
  offsetMs: number;
}

/** The run at `path`: the top trace, or the nested run of each agent call on the way down; null if a level did not run. */
export function traceAtPath(trace: Trace, tracePlan: Plan, path: readonly string[]): TraceView | null {
  let view: TraceView = { trace, plan: tracePlan, offsetMs: 0 };
  for (const id of path) {
    const call = view.trace.calls.find((c) => c.id === id);
    const planCall = agentCall(view.plan, id);
    if (call === undefined || planCall === null) return null;
    const nested = nestedRun(call);
    if (nested === null) return null;
    view = { trace: nested.trace, plan: planCall.plan, offsetMs: view.offsetMs + nested.startMs };
  }
  return view;
}

const preparedCache = new WeakMap<Trace, PreparedTrace>();

/** The trace indexed for playback, once per trace (timeouts from the plan it ran). */
export function preparedFor(trace: Trace, plan: Plan): PreparedTrace {
  let p = preparedCache.get(trace);
  if (p === undefined) {
    p = prepareTrace(trace, (i) => plan.calls[i]?.timeoutMs ?? null);
    preparedCache.set(trace, p);
  }
  return p;
}

const indexCache = new WeakMap<Trace, Map<string, number>>();

/** Call index by id in a trace, built once per trace. */
export function indexById(trace: Trace): Map<string, number> {
  let m = indexCache.get(trace);
  if (m === undefined) {
    m = new Map(trace.calls.map((c, i) => [c.id, i]));
    indexCache.set(trace, m);
  }
  return m;
}
