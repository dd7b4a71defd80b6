// What a run shares with the sub-agent runs nested in it: one clock, sleep and randomness, the error classifier and
// the event sink, where it sits in the tree of runs, and the compensations still going on in the background.
import type { Node } from './instant';
import type { ErrorClassifier, RunEvent, RunReport, Tools } from './types';

export interface Scope {
  /** One clock for the whole run, sub-agents included: ms since the top plan started. */
  clock: () => number;
  /** When this (nested) run started on that clock; its report counts from there. */
  origin: number;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  random: () => number;
  classify: ErrorClassifier;
  modelTurnMs: number | undefined;
  agentAnswer: ((callId: string, report: RunReport) => unknown) | undefined;
  onEvent: (event: RunEvent) => void;
  parents: readonly { callId: string; attempt: number }[];
  /** Aborted when the enclosing sub-agent attempt ends: the nested run then stops and reports nothing. */
  outer: AbortSignal | null;
  /** The run this one is nested in (a sub-agent attempt's), or null for the top plan. */
  parent: Node | null;
  /** The functions that undo effects, by compensation tool. */
  compensations: Tools;
  /** Sub-agents' compensations still running after their nested run reported (the top run waits for them). */
  background: Promise<unknown>[];
}
