// Scenario edits (docs/plan-format.md#scenarios): name, create from the faults in force, switch, rename, delete.
// Pure plan edits, no React; every result is a plan parsePlan accepts, unchanged parts shared.
import { faultsActing, injectedFor, withInjectedMap } from './injected';
import { activeScenario } from './scenario';
import { LIMITS, type Plan, type Scenario } from './schema';

export type ScenarioResult = { ok: true; plan: Plan; id: string } | { ok: false; reason: string };
export type RenameResult = { ok: true; plan: Plan } | { ok: false; reason: string };

function withScenario(plan: Plan, scenario: Scenario): Plan {
  return { ...plan, scenarios: plan.scenarios.map((s) => (s.id === scenario.id ? scenario : s)) };
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
 * A new scenario named `name` holding the faults in force now, made active: every call with faults in force is listed
 * with them, and so is every call whose own faults are out of force now (with an empty list), so switching to the new
 * scenario changes nothing until it is edited. Injected faults in force move into it (they become part of the design,
 * first in each list as they acted) and leave the injection; a timeout an injection brought becomes the call's own.
 */
export function scenarioFromCurrent(plan: Plan, name: string): ScenarioResult {
  const problem = scenarioNameProblem(plan, name);
  if (problem !== null) return { ok: false, reason: problem };
  if (plan.scenarios.length >= LIMITS.maxScenarios)
    return { ok: false, reason: `The plan already has ${LIMITS.maxScenarios} scenarios, the most allowed.` };
  const current = activeScenario(plan);
  const faults: Scenario['faults'] = {};
  for (const call of plan.calls) {
    const inForce = faultsActing(plan, call, current).faults;
    if (inForce.length > 0 || call.faults.length > 0) faults[call.id] = structuredClone(inForce);
  }
  const id = scenarioIdFor(plan, name);
  const scenario: Scenario = { id, name: name.trim(), faults };
  const calls = plan.calls.map((c) => {
    const timeoutMs = injectedFor(plan, c.id)?.timeoutMs;
    return c.timeoutMs === null && timeoutMs !== undefined ? { ...c, timeoutMs } : c;
  });
  const next: Plan = { ...plan, calls, settings: { ...plan.settings, scenario: id }, scenarios: [...plan.scenarios, scenario] };
  return { ok: true, id, plan: withInjectedMap(next, {}) };
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
