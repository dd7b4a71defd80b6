// Editing a fault list: the call's own faults, or its compensation's (the same editors serve both). Pure; never
// mutates its input, never returns a plan the schema would refuse (a compensation's faults cannot be partial).
import { formatPath, issuesToProblems, precheckJson, type Problem } from './parse';
import { policyOf, policyPatch, type PolicyPart } from './policy';
import { faultListSchema, faultSchema, LIMITS, toolCallSchema, type Fault, type FaultKind, type Plan, type ToolCall } from './schema';
import type * as z from 'zod/mini';

export type FaultInput = z.input<typeof faultSchema>;
type Result = { ok: true; plan: Plan } | { ok: false; problems: Problem[] };

/** A new fault of each kind, as the editor adds it: fires with probability 0.2. */
export function defaultFault(kind: FaultKind): Fault {
  switch (kind) {
    case 'error':
      return { kind, message: 'Service unavailable', retryable: true, probability: 0.2 };
    case 'timeout':
      return { kind, probability: 0.2 };
    case 'rate_limit':
      return { kind, retryAfterMs: 1000, probability: 0.2 };
    case 'slow':
      return { kind, factor: 3, probability: 0.2 };
    case 'partial':
      return { kind, note: 'incomplete result', probability: 0.2 };
  }
}

interface Located {
  index: number;
  call: ToolCall;
  faults: Fault[];
  /** `['calls', 2, 'faults']` or `['calls', 2, 'compensation', 'faults']`. */
  path: (string | number)[];
}

function locate(plan: Plan, id: string, part: PolicyPart): Located | Problem[] {
  const index = plan.calls.findIndex((c) => c.id === id);
  if (index === -1) return [{ path: 'calls', message: `has no call "${id}"` }];
  const call = plan.calls[index];
  const policy = policyOf(call, part);
  if (policy === undefined)
    return [{ path: formatPath(['calls', index, 'compensation']), message: 'is not set: add a compensation first' }];
  return {
    index,
    call,
    faults: policy.faults,
    path: part === 'call' ? ['calls', index, 'faults'] : ['calls', index, 'compensation', 'faults'],
  };
}

/** The plan with the part's faults replaced, if the list as a whole is allowed (for a compensation: no partial). */
function withFaults(plan: Plan, at: Located, part: PolicyPart, faults: Fault[]): Result {
  const listed = faultListSchema.safeParse(faults, { reportInput: true });
  if (!listed.success) return { ok: false, problems: issuesToProblems(listed.error.issues, at.path) };
  const next = { ...at.call, ...policyPatch(at.call, part, { faults }) };
  if (part === 'compensation') {
    const checked = toolCallSchema.safeParse(next, { reportInput: true });
    if (!checked.success) return { ok: false, problems: issuesToProblems(checked.error.issues, ['calls', at.index]) };
  }
  const calls = plan.calls.slice();
  calls[at.index] = next;
  return { ok: true, plan: { ...plan, calls } };
}

/** Appends a fault with defaults for its kind (refused past LIMITS.maxFaultsPerCall, or a partial on a compensation). */
export function addFault(plan: Plan, id: string, kind: FaultKind, part: PolicyPart = 'call'): Result {
  const at = locate(plan, id, part);
  if (Array.isArray(at)) return { ok: false, problems: at };
  if (at.faults.length >= LIMITS.maxFaultsPerCall) {
    return { ok: false, problems: [{ path: formatPath(at.path), message: `must have at most ${LIMITS.maxFaultsPerCall} faults` }] };
  }
  return withFaults(plan, at, part, [...at.faults, defaultFault(kind)]);
}

/** Removes one fault; an index out of range changes nothing. */
export function removeFault(plan: Plan, id: string, faultIndex: number, part: PolicyPart = 'call'): Plan {
  const at = locate(plan, id, part);
  if (Array.isArray(at) || !Number.isInteger(faultIndex) || faultIndex < 0 || faultIndex >= at.faults.length) return plan;
  const r = withFaults(
    plan,
    at,
    part,
    at.faults.filter((_, i) => i !== faultIndex),
  );
  return r.ok ? r.plan : plan;
}

/** Moves a fault within its list: order matters, as the first fault that fires decides the attempt. */
export function moveFault(plan: Plan, id: string, from: number, to: number, part: PolicyPart = 'call'): Plan {
  const at = locate(plan, id, part);
  if (Array.isArray(at)) return plan;
  const faults = at.faults.slice();
  const inRange = (i: number) => Number.isInteger(i) && i >= 0 && i < faults.length;
  if (!inRange(from) || !inRange(to) || from === to) return plan;
  const [moved] = faults.splice(from, 1);
  faults.splice(to, 0, moved);
  const r = withFaults(plan, at, part, faults);
  return r.ok ? r.plan : plan;
}

/** Replaces one fault, validated by the schema (problems at `calls[2].faults[0].probability`). */
export function updateFault(plan: Plan, id: string, faultIndex: number, fault: FaultInput, part: PolicyPart = 'call'): Result {
  const at = locate(plan, id, part);
  if (Array.isArray(at)) return { ok: false, problems: at };
  const prefix = [...at.path, faultIndex];
  if (!Number.isInteger(faultIndex) || faultIndex < 0 || faultIndex >= at.faults.length) {
    return { ok: false, problems: [{ path: formatPath(prefix), message: 'is no fault of this call' }] };
  }
  const pre = precheckJson(fault, prefix);
  if (pre.length > 0) return { ok: false, problems: pre };
  const parsed = faultSchema.safeParse(fault, { reportInput: true });
  if (!parsed.success) return { ok: false, problems: issuesToProblems(parsed.error.issues, prefix) };
  const next = at.faults.slice();
  next[faultIndex] = parsed.data;
  return withFaults(plan, at, part, next);
}
