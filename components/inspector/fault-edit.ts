// Fault reshaping for the inspector: switch a fault's kind or its trigger while keeping what still applies.
// Pure; tested in fault-edit.test.ts. The results are still judged by the schema (updateFault) before a commit.
import type { Fault, FaultKind } from '@/lib/plan';
import { defaultFault, type FaultInput } from '@/lib/plan/edit';

export type Trigger = { probability: number } | { onAttempts: number[] };

export function triggerOf(f: Pick<FaultInput, 'probability' | 'onAttempts'>): Trigger {
  return f.onAttempts !== undefined ? { onAttempts: f.onAttempts } : { probability: f.probability ?? 0 };
}

/** The fault with exactly this trigger (the schema wants one of probability or onAttempts, never both). */
export function withTrigger(f: Fault, trigger: Trigger): FaultInput {
  const next: Fault = { ...f };
  delete next.probability;
  delete next.onAttempts;
  return { ...next, ...trigger };
}

/** A fault of another kind, with that kind's defaults and the old trigger (and message/code when both are errors). */
export function convertFault(f: Fault, kind: FaultKind): FaultInput {
  if (f.kind === kind) return f;
  return withTrigger(defaultFault(kind), triggerOf(f));
}

/** The trigger switched to the other form: a probability of 0.2, or the first attempt. */
export function switchTrigger(f: Fault, to: 'probability' | 'onAttempts'): FaultInput {
  if (to === 'probability') return f.probability !== undefined ? f : withTrigger(f, { probability: 0.2 });
  return f.onAttempts !== undefined ? f : withTrigger(f, { onAttempts: [1] });
}
