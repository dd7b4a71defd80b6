// The trace: everything one simulated run did, as plain data a UI can draw and play back (docs/engine.md).
// Times are virtual milliseconds from 0, never rounded.
// The shapes and status words it shares with the exported runtime live in ./portable/facts.
import type { Strategy } from '../plan/schema';
import type { AttemptOf, CallEffectOf, CallOf, CompensationOf, EventOf, Outcome, RunOf, TurnFacts } from './portable/facts';

export {
  CALL_STATUSES,
  STATUS_LABEL,
  countStatuses,
  isSuccess,
  statusCounts,
  type AttemptEffect,
  type AttemptResult,
  type CallStatus,
  type CompensationStatus,
  type Outcome,
  type Reason,
} from './portable/facts';

export const OUTCOMES: readonly Outcome[] = ['complete', 'partial', 'aborted', 'deadline_exceeded', 'stuck'];

export const OUTCOME_LABEL: Record<Outcome, string> = {
  complete: 'complete',
  partial: 'partial',
  aborted: 'aborted',
  deadline_exceeded: 'deadline exceeded',
  stuck: 'stuck',
};

/**
 * One attempt of a call (see docs/engine.md); a sub-agent attempt carries its nested trace. In the engine's trace an
 * attempt also names the fault that decided it, when one fired and the attempt ended by itself (never a cancelled one).
 */
export type Attempt = AttemptOf<Trace> & { fault?: DecidingFault };

/** Which fault decided an attempt (slow faults never decide: they only stretch it). */
export interface DecidingFault {
  kind: 'error' | 'timeout' | 'rate_limit' | 'partial';
  /** Its place in the faults acting on the call or compensation: injected faults first, then the designed ones. */
  index: number;
  /** A one-click injection, not part of the design (docs/plan-format.md#injected-faults). */
  injected: boolean;
  /**
   * The call's timeout ended the attempt before this fault's own result (an error, a 429, a partial return) could
   * come back: the attempt timed out instead. Never set for a timeout fault, whose hang the timeout is there to cut.
   */
  cutByTimeout: boolean;
}

/** The run of a call's compensation after the plan stopped. */
export type CompensationTrace = CompensationOf<Attempt>;
/** What a call with an effect did over its attempts (see docs/side-effects.md). */
export type CallEffect = CallEffectOf<Attempt>;
/** One call's fate; its wave is the graph wave of docs/engine.md#the-wave-of-a-call. */
export type CallTrace = CallOf<Attempt>;
export type Turn = TurnFacts;

/** A step of the trace (`call` is the call's index), and the scheduling of a compensation's retry. */
export type TraceEvent = EventOf<number> | { t: number; type: 'comp_retry'; call: number; attempt: number; dueMs: number; waitMs: number };

export interface Trace extends RunOf<CallTrace> {
  strategy: Strategy;
  seed: number;
  run: number;
  /** The scenario whose faults were applied, if any. */
  scenario: string | null;
  /** Time-ordered; at one instant in the order of docs/engine.md#simultaneous-events. */
  events: TraceEvent[];
}

export interface SimulateOptions {
  seed?: number;
  strategy?: Strategy;
  /** 0-based run index (a single run is run 0). */
  run?: number;
}
