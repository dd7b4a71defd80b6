// Injected faults (docs/plan-format.md#injected-faults): the one place the rule lives of how they act. They sit apart
// from the design (a call's own faults, the scenarios) and go before the faults in force, so one that fires decides the
// attempt. Pure; the `injected` map is keyed by untrusted ids, so look-ups are own-key only.
import { activeScenario, effectiveFaults } from './scenario';
import type { Fault, InjectedEntry, Plan, Scenario, ToolCall } from './schema';

/** The injection into call `callId` of `plan` (this level only), if any. */
export function injectedFor(plan: Plan, callId: string): InjectedEntry | undefined {
  const map = plan.injected;
  return map !== undefined && Object.hasOwn(map, callId) ? map[callId] : undefined;
}

/**
 * Every fault that acts on `call` in a run: its injected faults first, then the faults in force by design (the
 * active scenario's for it, or its own). `injected` says how many of the list's first faults were injected.
 */
export function faultsActing(
  plan: Plan,
  call: ToolCall,
  scenario: Scenario | undefined = activeScenario(plan),
): { faults: Fault[]; injected: number } {
  const designed = effectiveFaults(call, scenario);
  const entry = injectedFor(plan, call.id);
  if (entry === undefined) return { faults: designed, injected: 0 };
  return { faults: [...entry.faults, ...designed], injected: entry.faults.length };
}

/** The timeout that cuts `call`'s attempts in a run: its own, else the one its injection brought, else none. */
export function timeoutActing(plan: Plan, call: ToolCall): number | null {
  return call.timeoutMs ?? injectedFor(plan, call.id)?.timeoutMs ?? null;
}

/** One call with injected faults, at some level of a plan: `path` lists the sub-agent call ids above it ([] = top). */
export interface InjectedAt {
  path: string[];
  callId: string;
  faults: Fault[];
  /** The timeout its injection gave it, if the call had none. */
  timeoutMs?: number;
}

/** Every injection in the plan and the plans of its sub-agents, top plan first, in call order at each level. */
export function listInjected(plan: Plan, path: string[] = []): InjectedAt[] {
  const out: InjectedAt[] = [];
  for (const call of plan.calls) {
    const entry = injectedFor(plan, call.id);
    if (entry !== undefined)
      out.push({ path, callId: call.id, faults: entry.faults, ...(entry.timeoutMs !== undefined ? { timeoutMs: entry.timeoutMs } : {}) });
  }
  for (const call of plan.calls) {
    if (call.kind === 'agent' && call.plan !== undefined) out.push(...listInjected(call.plan, [...path, call.id]));
  }
  return out;
}

/** How many injected faults are in force across the plan and its sub-agents, and on how many calls. */
export function countInjected(plan: Plan): { faults: number; calls: number } {
  let faults = 0;
  let calls = 0;
  const visit = (p: Plan) => {
    for (const call of p.calls) {
      const entry = injectedFor(p, call.id);
      if (entry !== undefined) {
        faults += entry.faults.length;
        calls++;
      }
      if (call.kind === 'agent' && call.plan !== undefined) visit(call.plan);
    }
  };
  visit(plan);
  return { faults, calls };
}

/** "2 injected faults in force on fetch_2 and search" — null when there are none. */
export function injectedInWords(plan: Plan): string | null {
  const list = listInjected(plan);
  if (list.length === 0) return null;
  const n = list.reduce((sum, x) => sum + x.faults.length, 0);
  const names = list.map((x) => [...x.path, x.callId].join(' › '));
  const shown = names.length <= 3 ? names : [...names.slice(0, 2), `${names.length - 2} more calls`];
  const on = shown.length === 1 ? shown[0] : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
  return `${n} injected ${n === 1 ? 'fault' : 'faults'} in force on ${on}`;
}

/** The plan as designed: every injection removed, at every level (the same plan when it has none). */
export function withoutInjected(plan: Plan): Plan {
  let changed = plan.injected !== undefined;
  const calls = plan.calls.map((c) => {
    if (c.kind !== 'agent' || c.plan === undefined) return c;
    const inner = withoutInjected(c.plan);
    if (inner === c.plan) return c;
    changed = true;
    return { ...c, plan: inner };
  });
  if (!changed) return plan;
  const next: Plan = { ...plan, calls };
  delete next.injected;
  return next;
}

/** A copy of `plan` whose injection map is `map`, the key left out when the map is empty. */
export function withInjectedMap(plan: Plan, map: Record<string, InjectedEntry>): Plan {
  const next: Plan = { ...plan };
  if (Object.keys(map).length === 0) delete next.injected;
  else next.injected = map;
  return next;
}
