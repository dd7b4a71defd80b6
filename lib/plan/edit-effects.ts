// Editing what a call does to the world: its effect, and the compensation that undoes it (see docs/side-effects.md).
// Pure; every result is judged by the call schema, so a compensation never outlives the effect it undoes.
import { issuesToProblems, precheckJson, type Problem } from './parse';
import { defaultCompensation } from './palette';
import { toolCallSchema, type Compensation, type Effect, type Plan, type ToolCall } from './schema';

type Result = { ok: true; plan: Plan } | { ok: false; problems: Problem[] };

function replaceCall(plan: Plan, id: string, make: (call: ToolCall) => object): Result {
  const index = plan.calls.findIndex((c) => c.id === id);
  if (index === -1) return { ok: false, problems: [{ path: 'calls', message: `has no call "${id}"` }] };
  const next = make(plan.calls[index]);
  const pre = precheckJson(next, ['calls', index]);
  if (pre.length > 0) return { ok: false, problems: pre };
  const parsed = toolCallSchema.safeParse(next, { reportInput: true });
  if (!parsed.success) return { ok: false, problems: issuesToProblems(parsed.error.issues, ['calls', index]) };
  const calls = plan.calls.slice();
  calls[index] = parsed.data;
  return { ok: true, plan: { ...plan, calls } };
}

/** The call without some of its keys (absent, not undefined, so a saved plan reads back the same). */
function without(call: ToolCall, ...keys: (keyof ToolCall)[]): Record<string, unknown> {
  const next: Record<string, unknown> = { ...call };
  for (const k of keys) delete next[k];
  return next;
}

/** Sets a call's effect. Back to "none" removes the key and the compensation with it (only an effect can be undone). */
export function setEffect(plan: Plan, id: string, effect: Effect): Result {
  return replaceCall(plan, id, (call) => (effect === 'none' ? without(call, 'effect', 'compensation') : { ...call, effect }));
}

/** Gives a call with an effect a compensation to start from: its palette tool's, else an undo named after its tool. */
export function addCompensation(plan: Plan, id: string): Result {
  return replaceCall(plan, id, (call) =>
    call.compensation !== undefined ? call : { ...call, compensation: defaultCompensation(call.tool) },
  );
}

export function removeCompensation(plan: Plan, id: string): Result {
  return replaceCall(plan, id, (call) => without(call, 'compensation'));
}

/** Patches the compensation's own fields (tool, label, input, and the policy fields). */
export function updateCompensation(plan: Plan, id: string, patch: Partial<Compensation>): Result {
  return replaceCall(plan, id, (call) => {
    if (call.compensation === undefined) return call;
    const next: Record<string, unknown> = { ...call.compensation, ...patch };
    for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
    return { ...call, compensation: next };
  });
}
