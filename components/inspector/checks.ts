// Field checks: from a field's text and the plan as it is now, the candidate plan (or the message to show).
// Every candidate is built by lib/plan/edit, so the zod schema judges it; nothing here restates a bound.
import { parsePlan } from '@/lib/plan/parse';
import type { Fault, Plan, Settings, ToolCall } from '@/lib/plan';
import { policyOf, type PolicyPart } from '@/lib/plan/policy';
import { renameCall, updateCall, updateFault, updateSettings, type FaultInput } from '@/lib/plan/edit';
import { parsed, toCandidate, type Candidate } from './candidate';
import type { Parsed } from './numbers';

export type Check = (text: string, plan: Plan) => Candidate;

const gone = (id: string): Candidate => ({ ok: false, message: `the call “${id}” is no longer in the plan` });

/** A call field: parse the text, patch the call as it is now, and let the schema judge the result. */
export function callCheck<T>(
  id: string,
  field: string,
  parse: (text: string) => Parsed<T>,
  patch: (value: T, call: ToolCall) => Partial<ToolCall>,
): Check {
  return (text, plan) => {
    const index = plan.calls.findIndex((c) => c.id === id);
    if (index === -1) return gone(id);
    const call = plan.calls[index];
    return parsed(parse(text), (v) => toCandidate(updateCall(plan, id, patch(v, call)), `calls[${index}]`, field));
  };
}

/** The id field: a rename (edges, scenarios and references follow), refused on a bad pattern or a duplicate. */
export function renameCheck(id: string): Check {
  return (text, plan) => {
    const index = plan.calls.findIndex((c) => c.id === id);
    if (index === -1) return gone(id);
    return toCandidate(renameCall(plan, id, text.trim()), `calls[${index}]`, 'id');
  };
}

/** One field of one fault (of the call, or of its compensation): the fault as it is now, with the patch, judged by the fault schema. */
export function faultCheck<T>(
  id: string,
  faultIndex: number,
  field: string,
  parse: (text: string) => Parsed<T>,
  patch: (value: T, fault: Fault) => FaultInput,
  part: PolicyPart = 'call',
): Check {
  return (text, plan) => {
    const index = plan.calls.findIndex((c) => c.id === id);
    if (index === -1) return gone(id);
    const fault = policyOf(plan.calls[index], part)?.faults[faultIndex];
    if (fault === undefined) return { ok: false, message: 'this fault is no longer in the list' };
    const at = part === 'call' ? `calls[${index}].faults[${faultIndex}]` : `calls[${index}].compensation.faults[${faultIndex}]`;
    return parsed(parse(text), (v) => toCandidate(updateFault(plan, id, faultIndex, patch(v, fault), part), at, field));
  };
}

/** The fault of a call (or of its compensation) at `index` in the plan as it is now. */
export function faultNow(plan: Plan, id: string, index: number, part: PolicyPart): Fault | undefined {
  const call = plan.calls.find((c) => c.id === id);
  return call === undefined ? undefined : policyOf(call, part)?.faults[index];
}

export function settingsCheck<T>(field: keyof Settings, parse: (text: string) => Parsed<T>, patch: (value: T) => Partial<Settings>): Check {
  return (text, plan) => parsed(parse(text), (v) => toCandidate(updateSettings(plan, patch(v)), 'settings', field));
}

/**
 * The plan's name or description. lib/plan/edit has no operation for them yet, so the whole plan is validated
 * by parsePlan (the same schema) and the shallow edit is what gets committed, so unchanged calls stay shared.
 */
export function planInfoCheck<T>(
  field: 'name' | 'description',
  parse: (text: string) => Parsed<T>,
  patch: (value: T) => Partial<Pick<Plan, 'name' | 'description'>>,
): Check {
  return (text, plan) =>
    parsed(parse(text), (v) => {
      const next: Plan = { ...plan, ...patch(v) };
      if (next.description === undefined) delete next.description;
      const result = parsePlan(next);
      return result.ok ? { ok: true, plan: next } : toCandidate(result, '(plan)', field);
    });
}

/** Text as typed. */
export const asText = (text: string): Parsed<string> => ({ ok: true, value: text });
/** Text where an empty field means "not set". */
export const asOptionalText = (text: string): Parsed<string | undefined> => ({ ok: true, value: text === '' ? undefined : text });
