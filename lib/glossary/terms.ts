// The glossary: every term the UI uses, each with exactly one definition. The help lists it in this order and the
// term tips (components/glossary/term-tip.tsx) show the same sentence where a term appears. Pure data: no React.
import type { CallStatus } from '../engine/types';

export interface GlossaryTerm {
  /** Stable id, used by the UI to name the term it explains (`<TermTip term="wave">`). */
  id: string;
  /** The term as the UI writes it. */
  term: string;
  /** One sentence, plain words, closed by a full stop. */
  definition: string;
  /** Ids of related terms. */
  seeAlso?: readonly string[];
}

export const GLOSSARY = [
  {
    id: 'plan',
    term: 'Plan',
    definition: 'The tool calls an agent makes and which of them need another’s output, drawn as a dependency graph.',
    seeAlso: ['wave', 'optional-input'],
  },
  {
    id: 'run',
    term: 'Run',
    definition:
      'One simulated execution of the plan with its seed: each call’s fate, the timeline, the outcome and the context the model is handed.',
    seeAlso: ['seed', 'many-runs'],
  },
  {
    id: 'wave',
    term: 'Wave',
    definition: 'The calls that can run together: a call with no upstream is in wave 1, any other in the wave after its latest upstream.',
    seeAlso: ['model-turn', 'strategy'],
  },
  {
    id: 'model-turn',
    term: 'Model turn',
    definition: 'One reply of the model that emits a batch of tool calls; under the waves strategy each wave costs one model turn.',
    seeAlso: ['wave'],
  },
  {
    id: 'strategy',
    term: 'Strategy',
    definition:
      'How the plan is executed: waves (one model turn per wave), eager (each call starts as soon as its inputs are in) or sequential (one call per model turn).',
    seeAlso: ['wave', 'makespan'],
  },
  {
    id: 'critical-path',
    term: 'Critical path',
    definition: 'The longest chain of dependent calls by typical latency: no schedule can finish the plan sooner than it.',
    seeAlso: ['makespan'],
  },
  {
    id: 'makespan',
    term: 'Makespan',
    definition: 'How long the run took: the instant its last call became final (the abort or deadline instant when the plan stopped).',
    seeAlso: ['critical-path'],
  },
  {
    id: 'optional-input',
    term: 'Optional input',
    definition: 'An input a call can run without: if it fails, the call still runs, degraded, and its context names what is missing.',
    seeAlso: ['degraded', 'ignore'],
  },
  {
    id: 'retry',
    term: 'Retry',
    definition:
      'Trying a failed call again after a wait that grows each time, up to its maximum attempts; only retryable failures (a timeout, a rate limit, a transient error) are retried.',
    seeAlso: ['timeout'],
  },
  {
    id: 'timeout',
    term: 'Timeout',
    definition: 'The longest one attempt may take: an attempt that runs longer is cut and counts as a retryable failure.',
    seeAlso: ['retry'],
  },
  {
    id: 'degrade',
    term: 'Degrade',
    definition:
      'The default failure policy: when the call fails for good the plan goes on without it, calls that need it are skipped, and the failure is reported.',
    seeAlso: ['abort', 'ignore', 'skipped'],
  },
  {
    id: 'abort',
    term: 'Abort',
    definition:
      'A failure policy: when the call fails for good the whole plan stops at once, running calls are cancelled, and results already in are kept.',
    seeAlso: ['degrade', 'ignore', 'cancelled'],
  },
  {
    id: 'ignore',
    term: 'Ignore',
    definition: 'A failure policy: the call is an optional input to everyone, so calls that need it run (degraded) whatever became of it.',
    seeAlso: ['degrade', 'abort', 'optional-input'],
  },
  {
    id: 'degraded',
    term: 'Degraded',
    definition: 'A call that runs without one of its optional inputs; its result says which input was missing.',
    seeAlso: ['optional-input'],
  },
  {
    id: 'succeeded',
    term: 'Succeeded',
    definition: 'The call returned its result.',
  },
  {
    id: 'partial',
    term: 'Partial',
    definition: 'The call returned, but incomplete: a success with a warning, never retried.',
  },
  {
    id: 'failed',
    term: 'Failed',
    definition: 'The call’s last attempt ended in an error and no retry was left or allowed.',
    seeAlso: ['retry'],
  },
  {
    id: 'timed-out',
    term: 'Timed out',
    definition: 'The call’s last attempt ran past its timeout.',
    seeAlso: ['timeout'],
  },
  {
    id: 'skipped',
    term: 'Skipped',
    definition: 'The call never ran because an input it needs did not succeed.',
    seeAlso: ['degrade'],
  },
  {
    id: 'cancelled',
    term: 'Cancelled',
    definition: 'The call was running or waiting to retry when the plan stopped (an abort or the deadline).',
    seeAlso: ['abort'],
  },
  {
    id: 'not-started',
    term: 'Not started',
    definition: 'The call had not started when the plan stopped, or never became ready because a call it waits on never returned.',
  },
  {
    id: 'hung',
    term: 'Hung',
    definition: 'The call never returns: it has no timeout and the plan has no deadline to cut it.',
    seeAlso: ['timeout'],
  },
  {
    id: 'outcome',
    term: 'Outcome',
    definition: 'How the whole run ended: complete (every call succeeded), partial, aborted, deadline exceeded or stuck.',
  },
  {
    id: 'partial-state-context',
    term: 'Partial-state context',
    definition:
      'The conversation the model is handed after the calls: every result, every failure as an explicit error, and a summary of what never ran and why.',
    seeAlso: ['anti-pattern'],
  },
  {
    id: 'anti-pattern',
    term: 'Anti-pattern',
    definition:
      'A wrong way to hand the model a partial failure, shown for teaching: dropping the failures, treating the batch as a total failure, or reporting failures as empty successes.',
    seeAlso: ['partial-state-context'],
  },
  {
    id: 'scenario',
    term: 'Scenario',
    definition: 'A named set of injected faults; while it is active its faults replace the calls’ own.',
    seeAlso: ['fault'],
  },
  {
    id: 'fault',
    term: 'Fault',
    definition:
      'A failure injected into a call: an error, a timeout, a rate limit, a slow or a partial result, on chosen attempts or with a probability.',
    seeAlso: ['scenario'],
  },
  {
    id: 'seed',
    term: 'Seed',
    definition: 'The number every random draw of a run derives from: the same plan and seed always give the same run.',
    seeAlso: ['many-runs'],
  },
  {
    id: 'many-runs',
    term: 'Many runs',
    definition:
      'The plan run hundreds to thousands of times on successive seeds, to see how often each outcome happens and how long runs take.',
    seeAlso: ['seed'],
  },
  {
    id: 'effect',
    term: 'Effect',
    definition:
      'What a call changes in the world: none (it only reads), idempotent (repeating it changes nothing more) or once (every attempt that goes through writes again).',
    seeAlso: ['compensation'],
  },
  {
    id: 'compensation',
    term: 'Compensation',
    definition: 'The call that undoes an effect when the plan stops, latest effect first (a saga).',
    seeAlso: ['effect', 'abort'],
  },
] as const satisfies readonly GlossaryTerm[];

export type TermId = (typeof GLOSSARY)[number]['id'];

const BY_ID: ReadonlyMap<string, GlossaryTerm> = new Map(GLOSSARY.map((t) => [t.id, t]));

/** The entry for `id`; every id the UI passes is checked by the type. */
export function glossaryTerm(id: TermId): GlossaryTerm {
  const t = BY_ID.get(id);
  if (t === undefined) throw new Error(`No glossary term ${id}`);
  return t;
}

/** The DOM id of a term's entry in the help, so a tip can point to it. */
export const glossaryAnchor = (id: TermId | string) => `tw-term-${id}`;

/** The term that explains each final call status (the UI's status badges). */
export const STATUS_TERM = {
  succeeded: 'succeeded',
  partial: 'partial',
  failed: 'failed',
  timed_out: 'timed-out',
  skipped: 'skipped',
  cancelled: 'cancelled',
  not_started: 'not-started',
  hung: 'hung',
} as const satisfies Record<CallStatus, TermId>;
