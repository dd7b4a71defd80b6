// One-click failure injection (docs/plan-format.md#injected-faults): pure plan edits, no React. Every result is a plan
// parsePlan accepts; unchanged parts are shared, not copied.
//
// An injection goes into the plan's `injected` map, never into a call's own faults or a scenario: the design stays as
// it was, and clearing the injection gives it back exactly. Injecting a kind again replaces the injected fault of that
// kind instead of stacking another; the newest goes first, so it decides the attempt over the faults already acting
// (of the faults that fire, the first in list order decides; slow ones combine wherever they are).
import { preciseDuration } from '../format/duration';
import { typicalLatencyMs } from './latency';
import { faultsActing, injectedFor, listInjected, withInjectedMap } from './injected';
import { activeScenario, effectiveFaults } from './scenario';
import { BOUNDS, LIMITS, faultListSchema, type Fault, type InjectedEntry, type Plan, type Scenario, type ToolCall } from './schema';

export {
  scenarioFromCurrent,
  scenarioIdFor,
  scenarioNameProblem,
  setActiveScenario,
  deleteScenario,
  renameScenario,
} from './scenario-edit';
export type { ScenarioResult, RenameResult } from './scenario-edit';

export type InjectKind = 'error' | 'timeout' | 'slow' | 'rate_limit' | 'partial';
export type InjectWhen = 'every' | 'first';

export const INJECT_KINDS: readonly InjectKind[] = ['error', 'timeout', 'slow', 'rate_limit', 'partial'];

/** The parameters of an injected fault, in one place. */
export const INJECTED = {
  errorMessage: 'injected failure',
  errorCode: 'INJECTED',
  slowFactor: 3,
  retryAfterMs: 1000,
  partialNote: 'injected: some results are missing',
} as const;

export interface InjectResult {
  /** The edited plan; the same plan when the injection was refused. */
  plan: Plan;
  /** What happened, in words: "fetch_3 now times out on every attempt". */
  summary: string;
  /** Something else the injection changed or that the person should know (a timeout it had to bring). */
  note?: string;
  /** Why nothing was injected (no such call, too many faults). */
  refused?: string;
}

export interface ClearResult {
  plan: Plan;
  /** How many faults were taken out of force. */
  cleared: number;
  summary: string;
}

/** The fault a one-click injection adds: `probability: 1` on every attempt, `onAttempts: [1]` on the first only. */
export function injectedFault(kind: InjectKind, when: InjectWhen): Fault {
  const trigger = when === 'every' ? { probability: 1 } : { onAttempts: [1] };
  switch (kind) {
    case 'error':
      return { kind, message: INJECTED.errorMessage, code: INJECTED.errorCode, retryable: true, ...trigger };
    case 'timeout':
      return { kind, ...trigger };
    case 'slow':
      return { kind, factor: INJECTED.slowFactor, ...trigger };
    case 'rate_limit':
      return { kind, retryAfterMs: INJECTED.retryAfterMs, ...trigger };
    case 'partial':
      return { kind, note: INJECTED.partialNote, ...trigger };
  }
}

/** Every fault acting on call `callId` now: its injected faults first, then the designed ones in force. */
export function faultsInForce(plan: Plan, callId: string): Fault[] {
  const call = plan.calls.find((c) => c.id === callId);
  return call === undefined ? [] : faultsActing(plan, call).faults;
}

/** The designed faults in force for call `callId`: the active scenario's for it, or its own. */
export function designedFaultsInForce(plan: Plan, callId: string): Fault[] {
  const call = plan.calls.find((c) => c.id === callId);
  return call === undefined ? [] : effectiveFaults(call, activeScenario(plan));
}

/** The faults injected into call `callId` (none: an empty list). */
export function injectedFaultsOf(plan: Plan, callId: string): Fault[] {
  return injectedFor(plan, callId)?.faults ?? [];
}

/** A timeout for a call that has none: twice its typical latency rounded up to whole seconds, at least 1 s, at most the bound on times. */
export function suggestedTimeoutMs(call: ToolCall): number {
  const typical = typicalLatencyMs(call.latency);
  return Math.min(BOUNDS.maxMs, Math.max(1000, Math.ceil((2 * typical) / 1000) * 1000));
}

const VERB: Record<InjectKind, string> = {
  error: 'fails',
  timeout: 'times out',
  slow: `runs ${INJECTED.slowFactor}× slower`,
  rate_limit: `is rate-limited (429, retry after ${preciseDuration(INJECTED.retryAfterMs)})`,
  partial: 'returns a partial result',
};

/** "fetch_3 now times out on every attempt", "search now fails on its first attempt only". */
export function describeInjection(callId: string, kind: InjectKind, when: InjectWhen): string {
  return `${callId} now ${VERB[kind]} ${when === 'every' ? 'on every attempt' : 'on its first attempt only'}`;
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** A copy of the injection map with `id`'s entry set (a new key goes last), or removed when `entry` is undefined. */
function withEntry(plan: Plan, id: string, entry: InjectedEntry | undefined): Plan {
  const map: Record<string, InjectedEntry> = {};
  for (const [k, v] of Object.entries(plan.injected ?? {})) if (k !== id) map[k] = v;
  if (entry !== undefined) map[id] = entry;
  return withInjectedMap(plan, map);
}

/**
 * Injects a fault of `kind` into call `callId`, on every attempt (`probability: 1`) or on the first only
 * (`onAttempts: [1]`), into the plan's injected faults. It replaces an earlier injected fault of the same kind and goes
 * first. A `timeout` hangs the attempt until the call's timeout: a call without one is given `suggestedTimeoutMs` for as
 * long as the injection lasts, and the note says so.
 */
export function injectFault(plan: Plan, callId: string, kind: InjectKind, when: InjectWhen): InjectResult {
  const call = plan.calls.find((c) => c.id === callId);
  const summary = describeInjection(callId, kind, when);
  if (call === undefined) return { plan, summary, refused: `the plan has no call "${callId}"` };
  const before = injectedFor(plan, callId);
  const kept = (before?.faults ?? []).filter((f) => f.kind !== kind);
  const designed = effectiveFaults(call, activeScenario(plan));
  const faults = [injectedFault(kind, when), ...kept];
  if (faults.length + designed.length > LIMITS.maxFaultsPerCall) {
    return {
      plan,
      summary,
      refused: `${callId} already has ${faults.length + designed.length - 1} faults, the most allowed is ${LIMITS.maxFaultsPerCall}`,
    };
  }
  if (!faultListSchema.safeParse([...faults, ...designed]).success) {
    return {
      plan,
      summary,
      refused: `${callId} is already as slow as allowed: its slow faults would multiply an attempt by more than ${BOUNDS.maxSlowProduct}`,
    };
  }
  const notes: string[] = [];
  let timeoutMs = before?.timeoutMs;
  if (kind === 'timeout' && call.timeoutMs === null && timeoutMs === undefined) {
    timeoutMs = suggestedTimeoutMs(call);
    notes.push(
      `${callId} has no timeout: while the injection lasts it times out after ${preciseDuration(timeoutMs)}, so the injected timeout can cut it.`,
    );
  }
  if (when === 'first' && call.retry.maxAttempts === 1 && kind !== 'slow' && kind !== 'partial') {
    notes.push(`${callId} has no retry, so its first attempt is its only one.`);
  }
  const next = withEntry(plan, callId, { faults, ...(timeoutMs !== undefined ? { timeoutMs } : {}) });
  return notes.length === 0 ? { plan: next, summary } : { plan: next, summary, note: notes.join(' ') };
}

/** Takes call `callId`'s injected faults (and the timeout they brought) out of force; its designed faults stay. */
export function clearInjected(plan: Plan, callId: string): ClearResult {
  const n = injectedFor(plan, callId)?.faults.length ?? 0;
  if (n === 0) return { plan, cleared: 0, summary: `${callId} has no injected faults` };
  const kept = designedFaultsInForce(plan, callId).length;
  const rest = kept === 0 ? 'it has no faults now' : `its ${plural(kept, 'designed fault')} ${kept === 1 ? 'stays' : 'stay'}`;
  return {
    plan: withEntry(plan, callId, undefined),
    cleared: n,
    summary: `Cleared ${plural(n, 'injected fault')} from ${callId}; ${rest}`,
  };
}

/** Takes every injected fault out of force, in the plan and in its sub-agents' plans; the design stays as it is. */
export function clearAllInjected(plan: Plan): ClearResult {
  const n = listInjected(plan).reduce((sum, x) => sum + x.faults.length, 0);
  if (n === 0) return { plan, cleared: 0, summary: 'No injected faults are in force' };
  const strip = (p: Plan): Plan => {
    const calls = p.calls.map((c) =>
      c.kind === 'agent' && c.plan !== undefined && listInjected(c.plan).length > 0 ? { ...c, plan: strip(c.plan) } : c,
    );
    return withInjectedMap({ ...p, calls }, {});
  };
  return { plan: strip(plan), cleared: n, summary: `Cleared ${plural(n, 'injected fault')}; the designed faults stay` };
}

/**
 * Takes every fault acting on call `callId` out of force, designed ones included (asked for by name, never the
 * default): its injection, and the active scenario's entry for it when the scenario lists it (left as an empty list if
 * the call has faults of its own, so they stay out of force), else the call's own faults.
 */
export function clearAllFaults(plan: Plan, callId: string): ClearResult {
  const index = plan.calls.findIndex((c) => c.id === callId);
  if (index === -1) return { plan, cleared: 0, summary: `The plan has no call "${callId}"` };
  const call = plan.calls[index];
  const scenario = activeScenario(plan);
  const inScenario = scenario !== undefined && Object.hasOwn(scenario.faults, callId);
  const designed = effectiveFaults(call, scenario).length;
  const injected = injectedFaultsOf(plan, callId).length;
  if (designed + injected === 0) return { plan, cleared: 0, summary: `${callId} has no faults to clear` };
  let next = withEntry(plan, callId, undefined);
  if (designed > 0 && inScenario) {
    const faults: Scenario['faults'] = {};
    for (const [k, v] of Object.entries(scenario.faults)) if (k !== callId) faults[k] = v;
    if (call.faults.length > 0) faults[callId] = [];
    next = { ...next, scenarios: next.scenarios.map((s) => (s.id === scenario.id ? { ...scenario, faults } : s)) };
  } else if (designed > 0) {
    next = { ...next, calls: next.calls.map((c, i) => (i === index ? { ...c, faults: [] } : c)) };
  }
  const where = inScenario && designed > 0 ? ` in the scenario “${scenario.name}”` : '';
  return { plan: next, cleared: designed + injected, summary: `${callId} has no faults now${where} (${designed + injected} cleared)` };
}
