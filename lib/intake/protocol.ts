// Messages between the page and the intake worker, and how a large plan travels back in slices: each message is
// small enough to be received in a few milliseconds, so the page never stalls on one huge message.
import type { Dependency, Plan, ToolCall } from '../plan/schema';
import type { IntakeOutcome, IntakeRequest, IntakeStage } from './intake-core';

/** The page's one request to a fresh worker (files travel as File handles, read in the worker). */
export interface IntakeJob {
  type: 'intake';
  request: IntakeRequest;
}

export type IntakeMessage =
  | { type: 'stage'; stage: IntakeStage }
  | { type: 'calls'; calls: ToolCall[] }
  | { type: 'dependencies'; dependencies: Dependency[] }
  /** The outcome; a plan in it comes without its calls and dependencies, sent before in slices. */
  | { type: 'done'; outcome: IntakeOutcome };

/** Calls per message: a few hundred kilobytes of structured clone at most. */
export const CALLS_PER_MESSAGE = 500;
export const DEPENDENCIES_PER_MESSAGE = 5_000;

const hasPlan = (o: IntakeOutcome): o is Extract<IntakeOutcome, { plan: Plan }> => o.kind !== 'refused';

/** Sends an outcome as messages: a plan's calls and dependencies in slices, then the rest. */
export function postOutcome(outcome: IntakeOutcome, post: (m: IntakeMessage) => void): void {
  if (!hasPlan(outcome)) {
    post({ type: 'done', outcome });
    return;
  }
  const { plan } = outcome;
  for (let i = 0; i < plan.calls.length; i += CALLS_PER_MESSAGE) post({ type: 'calls', calls: plan.calls.slice(i, i + CALLS_PER_MESSAGE) });
  for (let i = 0; i < plan.dependencies.length; i += DEPENDENCIES_PER_MESSAGE) {
    post({ type: 'dependencies', dependencies: plan.dependencies.slice(i, i + DEPENDENCIES_PER_MESSAGE) });
  }
  post({ type: 'done', outcome: { ...outcome, plan: { ...plan, calls: [], dependencies: [] } } });
}

/** Puts the slices back together; `add` returns the outcome once the last message is in, else null. */
export function createAssembler(): { add(m: IntakeMessage): IntakeOutcome | null } {
  const calls: ToolCall[] = [];
  const dependencies: Dependency[] = [];
  return {
    add(m) {
      if (m.type === 'calls') for (const c of m.calls) calls.push(c);
      else if (m.type === 'dependencies') for (const d of m.dependencies) dependencies.push(d);
      else if (m.type === 'done') {
        const o = m.outcome;
        // The keys stay where they were (overwriting keeps a key's place), so the plan serialises as it was parsed.
        return hasPlan(o) ? { ...o, plan: { ...o.plan, calls, dependencies } } : o;
      }
      return null;
    },
  };
}
