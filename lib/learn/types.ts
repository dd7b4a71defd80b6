// What a lesson is: a starting plan and ordered steps, each checked against the real editor state (the plan on
// view, the last run and its context) and the learner's own answers. Pure data and functions: no React, no DOM.
import type { Trace } from '@/lib/engine';
import type { Plan } from '@/lib/plan';

/** Everything a step's check may read: the editor's real state, never a flag the lesson sets itself. */
export interface LearnState {
  /** The top plan on view. */
  plan: Plan;
  /** The last run, or null; `tracePlan` is the plan it ran. */
  trace: Trace | null;
  tracePlan: Plan | null;
  /** The last run was made from the plan as it is now (no edit since). */
  traceCurrent: boolean;
  /** The text context of the last run (what the model is handed), or null. */
  contextText: string | null;
  /** The learner's picks in this lesson's answer steps, by step id. */
  answers: Readonly<Record<string, string>>;
}

/** What the learner does to pass a step: edit the plan, run it, or pick an answer built from the run. */
export type StepAction = 'edit' | 'run' | 'answer';

export interface Step {
  id: string;
  /** What to do, in one or two sentences. */
  instruction: string;
  /** How to do it from the keyboard or the mouse, when it is not obvious. */
  how?: string;
  action: StepAction;
  /** True once the learner has done it: reads only `state`. */
  check: (state: LearnState) => boolean;
  /** One line shown after the check passes. */
  why: string;
  /** For answer steps: the choices, all built from the real run (null until there is a run to ask about). */
  choices?: (state: LearnState) => string[] | null;
}

export interface Lesson {
  id: string;
  title: string;
  /** One sentence: what the lesson teaches. */
  summary: string;
  plan: Plan;
  steps: Step[];
}
