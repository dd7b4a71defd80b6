// Builders for what each lesson declares: the edges of its plan, and its steps of the three kinds (edit the plan, run
// it, pick an answer), each a check on the real state with the words shown around it. Pure data.
import type { ToolCall } from '@/lib/plan';
import { callOf } from './facts';
import type { LearnState, Step } from './types';

type Check = (s: LearnState) => boolean;

/** A step's words: what to do, how (when it is not obvious), and the line shown once its check passes. */
type StepText = Pick<Step, 'instruction' | 'how' | 'why'>;

/** An edge of a lesson plan: `to` needs `from`'s output, or can do without it when `optional`. */
export const edge = (from: string, to: string, optional?: true) => (optional ? { from, to, optional } : { from, to });

/** A step passed by changing the plan on view. */
export const editStep = (id: string, check: Check, text: StepText): Step => ({ id, action: 'edit', check, ...text });

/** A step passed by running the plan. */
export const runStep = (id: string, check: Check, text: StepText): Step => ({ id, action: 'run', check, ...text });

/** A step passed by picking the right one of `choices`, which are built from the run. */
export const answerStep = (id: string, choices: NonNullable<Step['choices']>, check: Check, text: StepText): Step => ({
  id,
  action: 'answer',
  choices,
  check,
  ...text,
});

/** A check that call `id` of the plan on view has `key` set to `value`. */
export const callSetTo =
  <K extends keyof ToolCall>(id: string, key: K, value: ToolCall[K]): Check =>
  (s) =>
    callOf(s.plan, id)?.[key] === value;
