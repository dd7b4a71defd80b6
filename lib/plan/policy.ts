// The policy fields a call and its compensation share (latency, timeout, retry, faults), so one set of editors and
// edit functions serves both. Pure data helpers; never validates (the schema does that where the edit lands).
import type { Compensation, Fault, Latency, RetryPolicy, ToolCall } from './schema';

/** Which policy of a call: its own, or its compensation's. */
export type PolicyPart = 'call' | 'compensation';

export interface Policy {
  latency: Latency;
  timeoutMs: number | null;
  retry: RetryPolicy;
  faults: Fault[];
}

/** The call's own policy, or its compensation's (undefined when it has none). */
export function policyOf(call: ToolCall, part: PolicyPart): Policy | undefined {
  return part === 'call' ? call : call.compensation;
}

/** The patch of the call that sets some policy fields of the part (the compensation keeps its other fields). */
export function policyPatch(call: ToolCall, part: PolicyPart, fields: Partial<Policy>): Partial<ToolCall> {
  if (part === 'call') return fields;
  const comp = call.compensation;
  if (comp === undefined) return {};
  const next: Compensation = { ...comp, ...fields };
  return { compensation: next };
}

/** The path of a policy field in messages and drafts: `retry.maxAttempts` or `compensation.retry.maxAttempts`. */
export function policyPath(part: PolicyPart, field: string): string {
  return part === 'call' ? field : `compensation.${field}`;
}
