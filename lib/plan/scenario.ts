// Scenarios (docs/plan-format.md#scenarios): while one is active, the faults it lists for a call replace that call's own.
// The one place that rule lives; scenario fault maps are keyed by untrusted ids, so look-ups are own-key only.
import type { Fault, Plan, Scenario, ToolCall } from './schema';

/** The plan's active scenario, if any. */
export function activeScenario(plan: Plan): Scenario | undefined {
  const id = plan.settings.scenario;
  return id === null ? undefined : plan.scenarios.find((s) => s.id === id);
}

/** The faults that act on a call under a scenario (or its own faults when the scenario says nothing of it). */
export function effectiveFaults(call: ToolCall, scenario: Scenario | undefined): Fault[] {
  return scenario !== undefined && Object.hasOwn(scenario.faults, call.id) ? scenario.faults[call.id] : call.faults;
}
