// Runs exported code against the engine: simulate the plan, replay each attempt through the exported runtime on a
// virtual clock, and return both sides (runs reduced to one shape, contexts in every format) for a test to compare.
import { buildContext } from '../../engine/context';
import { simulate } from '../../engine/simulate';
import type { Trace } from '../../engine/types';
import type { Plan } from '../../plan/schema';
import { compensationTools, toolNames } from '../policy';
import { jitterDraws, replayTools, rounded, runShape, type ReplayTool, type RunShape, type RuntimeLib } from './replay';
import { VirtualClock } from './virtual-clock';

const FORMATS = ['text', 'anthropic', 'openai'] as const;

/** What a test needs from an exported module (its own classes, its run function, its context builder). */
export interface ExportedRuntime {
  lib: RuntimeLib;
  run(
    tools: Record<string, ReplayTool>,
    options: {
      now: () => number;
      sleep: (ms: number, signal: AbortSignal) => Promise<void>;
      random: () => number;
      onEvent: (e: unknown) => void;
      compensations: Record<string, ReplayTool>;
    },
  ): Promise<unknown>;
  buildContext(report: unknown, format: (typeof FORMATS)[number]): unknown;
}

export interface Comparison {
  trace: Trace;
  /** false when the engine says the run is stuck: the exported code then waits, as a real run would. */
  finished: boolean;
  engine: RunShape;
  runtime: RunShape | null;
  engineContext: unknown[];
  runtimeContext: unknown[];
  /** Calls the runtime made that the trace does not have, or made at another instant. */
  problems: string[];
  events: { type: string; call?: string; attempt?: number; status?: string; t: number }[];
  draws: { given: number; taken: number };
}

function hasAgents(plan: Plan): boolean {
  return plan.calls.some((c) => c.kind === 'agent');
}

function isRunShapeSource(x: unknown): x is Parameters<typeof runShape>[0] {
  return typeof x === 'object' && x !== null && 'calls' in x && 'turns' in x && 'outcome' in x;
}

function isEvent(x: unknown): x is Comparison['events'][number] {
  return typeof x === 'object' && x !== null && 'type' in x && 't' in x;
}

export async function compareWithEngine(plan: Plan, mod: ExportedRuntime): Promise<Comparison> {
  const trace = simulate(plan);
  const clock = new VirtualClock();
  const { tools, compensations, problems } = replayTools(plan, trace, clock, mod.lib, toolNames(plan), compensationTools(plan));
  const draws = jitterDraws(plan, trace);
  let taken = 0;
  const events: Comparison['events'] = [];
  let report: unknown = null;
  let failure: unknown = null;
  void mod
    .run(tools, {
      now: clock.now,
      sleep: clock.sleep,
      compensations,
      random: () => {
        const u = draws[taken++];
        if (u === undefined) throw new Error('the runtime drew more jitter than the engine did');
        return u;
      },
      onEvent: (e) => {
        if (isEvent(e)) events.push(e);
      },
    })
    .then(
      (r) => (report = r),
      (e: unknown) => (failure = e),
    );
  await clock.runUntilIdle();
  await new Promise<void>((resolve) => setImmediate(resolve));
  if (failure !== null) throw failure;
  // A run waits, as a real one would, for a call or a compensation that never returns.
  const finished = trace.outcome !== 'stuck' && trace.calls.every((c) => c.effect?.compensation?.status !== 'hung');
  if (finished && report === null) throw new Error('the exported run never finished, though the engine says it does');
  if (!finished && report !== null) throw new Error('the exported run finished, though the engine says a call hangs for ever');
  const round = hasAgents(plan) ? rounded : <T>(x: T) => x;
  const runtime = report !== null && isRunShapeSource(report) ? round(runShape(report)) : null;
  return {
    trace,
    finished,
    engine: round(runShape(trace)),
    runtime,
    engineContext: finished ? FORMATS.map((f) => buildContext(plan, trace, f)) : [],
    runtimeContext: report !== null ? FORMATS.map((f) => mod.buildContext(report, f)) : [],
    problems,
    events,
    draws: { given: draws.length, taken },
  };
}
