// One-click failure injection and scenarios (docs/plan-format.md#faults): pure plan edits, no React. Every result is a plan
// parsePlan accepts; unchanged parts are shared, not copied.
//
// Where an injection goes: while a scenario is active, into that scenario's faults for the call (starting from the
// faults in force for it); otherwise into the call's own faults. An injected fault is one this module makes (the
// exact fault `injectedFault` returns, on every attempt or on the first only); injecting a kind again replaces the
// injected fault of that kind instead of stacking another. The newest injection goes first in the list, so it decides
// the attempt over the faults already there (of the faults that fire, the first in list order decides;
// slow ones combine wherever they are).
import { preciseDuration } from '../format/duration';
import { typicalLatencyMs } from './latency';
import { activeScenario, effectiveFaults } from './scenario';
import { BOUNDS, LIMITS, faultListSchema, type Fault, type Plan, type Scenario, type ToolCall } from './schema';

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
  /** Something else the injection changed or that the person should know (a timeout it had to set). */
  note?: string;
  /** Why nothing was injected (no such call, too many faults). */
  refused?: string;
}

export interface ClearResult {
  plan: Plan;
  /** How many faults were in force for the call and are not any more. */
  cleared: number;
  summary: string;
}

export type ScenarioResult = { ok: true; plan: Plan; id: string } | { ok: false; reason: string };
export type RenameResult = { ok: true; plan: Plan } | { ok: false; reason: string };

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

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

/** Same fields, same values, whatever the key order. */
function sameFault(a: Fault, b: Fault): boolean {
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Whether a fault is exactly what a one-click injection makes (of its kind, on every attempt or the first only). */
export function isInjectedFault(f: Fault): boolean {
  return sameFault(f, injectedFault(f.kind, 'every')) || sameFault(f, injectedFault(f.kind, 'first'));
}

/** The faults that act on call `callId` now: the active scenario's, if it lists the call, else the call's own. */
export function faultsInForce(plan: Plan, callId: string): Fault[] {
  const call = plan.calls.find((c) => c.id === callId);
  return call === undefined ? [] : effectiveFaults(call, activeScenario(plan));
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

/** Writes `faults` as the faults in force for the call at `index`: into the active scenario, or the call's own. */
function setFaultsInForce(plan: Plan, index: number, faults: Fault[]): Plan {
  const call = plan.calls[index];
  const scenario = activeScenario(plan);
  if (scenario === undefined) {
    const calls = plan.calls.slice();
    calls[index] = { ...call, faults };
    return { ...plan, calls };
  }
  return withScenario(plan, { ...scenario, faults: withEntry(scenario.faults, call.id, faults) });
}

/** A copy of a scenario's fault map with `id` set (a new key goes last). */
function withEntry(map: Scenario['faults'], id: string, faults: Fault[]): Scenario['faults'] {
  const out: Scenario['faults'] = {};
  for (const [k, v] of Object.entries(map)) out[k] = v;
  out[id] = faults;
  return out;
}

function withoutEntry(map: Scenario['faults'], id: string): Scenario['faults'] {
  return Object.fromEntries(Object.entries(map).filter(([k]) => k !== id));
}

function withScenario(plan: Plan, scenario: Scenario): Plan {
  return { ...plan, scenarios: plan.scenarios.map((s) => (s.id === scenario.id ? scenario : s)) };
}

/**
 * Injects a fault of `kind` into call `callId`, on every attempt (`probability: 1`) or on the first only
 * (`onAttempts: [1]`). It replaces an earlier injected fault of the same kind and goes first in the list. A `timeout`
 * hangs the attempt until `timeoutMs`: a call without one gets `suggestedTimeoutMs`, and the note says so.
 */
export function injectFault(plan: Plan, callId: string, kind: InjectKind, when: InjectWhen): InjectResult {
  const index = plan.calls.findIndex((c) => c.id === callId);
  const summary = describeInjection(callId, kind, when);
  if (index === -1) return { plan, summary, refused: `the plan has no call "${callId}"` };
  const call = plan.calls[index];
  const scenario = activeScenario(plan);
  const current = effectiveFaults(call, scenario);
  const kept = current.filter((f) => !(f.kind === kind && isInjectedFault(f)));
  if (kept.length >= LIMITS.maxFaultsPerCall) {
    return { plan, summary, refused: `${callId} already has ${LIMITS.maxFaultsPerCall} faults, the most allowed` };
  }
  const faults = [injectedFault(kind, when), ...kept];
  if (!faultListSchema.safeParse(faults).success) {
    return { plan, summary, refused: `${callId} is already as slow as allowed: its slow faults would multiply an attempt by more than ${BOUNDS.maxSlowProduct}` };
  }
  let next = setFaultsInForce(plan, index, faults);
  const notes: string[] = [];
  if (scenario !== undefined) notes.push(`Injected into the active scenario “${scenario.name}”, not into the call’s own faults.`);
  if (kind === 'timeout' && call.timeoutMs === null) {
    const timeoutMs = suggestedTimeoutMs(call);
    const calls = next.calls.slice();
    calls[index] = { ...next.calls[index], timeoutMs };
    next = { ...next, calls };
    notes.push(`${callId} had no timeout: it now times out after ${preciseDuration(timeoutMs)}, so the injected timeout can cut it.`);
  }
  if (when === 'first' && call.retry.maxAttempts === 1 && kind !== 'slow' && kind !== 'partial') {
    notes.push(`${callId} has no retry, so its first attempt is its only one.`);
  }
  return notes.length === 0 ? { plan: next, summary } : { plan: next, summary, note: notes.join(' ') };
}

/**
 * Clears the faults in force for call `callId`: the active scenario's entry for it when the scenario lists it (left
 * as an empty list if the call has faults of its own, so they stay out of force), else the call's own faults.
 */
export function clearFaults(plan: Plan, callId: string): ClearResult {
  const index = plan.calls.findIndex((c) => c.id === callId);
  if (index === -1) return { plan, cleared: 0, summary: `The plan has no call "${callId}"` };
  const call = plan.calls[index];
  const scenario = activeScenario(plan);
  const inScenario = scenario !== undefined && Object.hasOwn(scenario.faults, callId);
  const cleared = effectiveFaults(call, scenario).length;
  if (cleared === 0) return { plan, cleared, summary: `${callId} has no faults to clear` };
  let next: Plan;
  if (inScenario) {
    const faults = call.faults.length === 0 ? withoutEntry(scenario.faults, callId) : withEntry(scenario.faults, callId, []);
    next = withScenario(plan, { ...scenario, faults });
  } else {
    const calls = plan.calls.slice();
    calls[index] = { ...call, faults: [] };
    next = { ...plan, calls };
  }
  const where = inScenario ? ` in the scenario “${scenario.name}”` : '';
  return { plan: next, cleared, summary: `${callId} has no faults now${where} (${cleared} cleared)` };
}

const MAX_NAME = 200;
const MAX_ID = 64;

/** Why `name` cannot name a scenario of `plan` (empty, too long, taken by another), or null. `except` is the scenario being renamed. */
export function scenarioNameProblem(plan: Plan, name: string, except?: string): string | null {
  const n = name.trim();
  if (n === '') return 'Give the scenario a name.';
  if (n.length > MAX_NAME) return `The name is too long (at most ${MAX_NAME} characters).`;
  const taken = plan.scenarios.find((s) => s.id !== except && s.name.trim().toLowerCase() === n.toLowerCase());
  return taken === undefined ? null : `There is already a scenario called “${taken.name}”.`;
}

/** An id from a name (`Search API down` → `search_api_down`), unique among the plan's scenarios, matching the call-id pattern. */
export function scenarioIdFor(plan: Plan, name: string): string {
  let base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (base === '') base = 'scenario';
  if (/^[0-9]/.test(base)) base = `scenario_${base}`;
  const taken = new Set(plan.scenarios.map((s) => s.id));
  const make = (suffix: string) => base.slice(0, MAX_ID - suffix.length).replace(/_+$/, '') + suffix;
  if (!taken.has(make(''))) return make('');
  for (let n = 2; ; n++) {
    const id = make(`_${n}`);
    if (!taken.has(id)) return id;
  }
}

/**
 * A new scenario named `name` holding the faults in force now, made active: every call with faults in force is
 * listed with them, and so is every call whose own faults are out of force now (with an empty list), so switching
 * to the new scenario changes nothing until it is edited.
 */
export function scenarioFromCurrent(plan: Plan, name: string): ScenarioResult {
  const problem = scenarioNameProblem(plan, name);
  if (problem !== null) return { ok: false, reason: problem };
  if (plan.scenarios.length >= LIMITS.maxScenarios) return { ok: false, reason: `The plan already has ${LIMITS.maxScenarios} scenarios, the most allowed.` };
  const current = activeScenario(plan);
  const faults: Scenario['faults'] = {};
  for (const call of plan.calls) {
    const inForce = effectiveFaults(call, current);
    if (inForce.length > 0 || call.faults.length > 0) faults[call.id] = structuredClone(inForce);
  }
  const id = scenarioIdFor(plan, name);
  const scenario: Scenario = { id, name: name.trim(), faults };
  return { ok: true, id, plan: { ...plan, settings: { ...plan.settings, scenario: id }, scenarios: [...plan.scenarios, scenario] } };
}

/** Makes scenario `id` active, or none with null (the calls' own faults). An unknown id changes nothing. */
export function setActiveScenario(plan: Plan, id: string | null): Plan {
  if (plan.settings.scenario === id) return plan;
  if (id !== null && !plan.scenarios.some((s) => s.id === id)) return plan;
  return { ...plan, settings: { ...plan.settings, scenario: id } };
}

/** Removes scenario `id`; if it was active, no scenario is. */
export function deleteScenario(plan: Plan, id: string): Plan {
  if (!plan.scenarios.some((s) => s.id === id)) return plan;
  const settings = plan.settings.scenario === id ? { ...plan.settings, scenario: null } : plan.settings;
  return { ...plan, settings, scenarios: plan.scenarios.filter((s) => s.id !== id) };
}

/** Renames scenario `id` (its id stays, so nothing that names it breaks), or says why the name is refused. */
export function renameScenario(plan: Plan, id: string, name: string): RenameResult {
  const scenario = plan.scenarios.find((s) => s.id === id);
  if (scenario === undefined) return { ok: false, reason: `There is no scenario "${id}".` };
  const problem = scenarioNameProblem(plan, name, id);
  if (problem !== null) return { ok: false, reason: problem };
  const trimmed = name.trim();
  if (trimmed === scenario.name) return { ok: true, plan };
  return { ok: true, plan: withScenario(plan, { ...scenario, name: trimmed }) };
}
