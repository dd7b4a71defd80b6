// Test helpers that hold exported code to the engine: tools that replay each attempt of a simulated trace on a
// virtual clock (its latency, its fault), the engine's jitter draws in order, and one shape to compare runs by.
import { combine, draw, hashString, runBase } from '../../engine/random';
import type { AttemptOf, CallOf, RunOf } from '../../engine/portable/facts';
import type { Attempt, CallTrace, Trace } from '../../engine/types';
import { faultsActing } from '../../plan/injected';
import { activeScenario } from '../../plan/scenario';
import type { Fault, Plan, ToolCall } from '../../plan/schema';
import type { ToolContext } from '../runtime/types';
import { hangUntilAborted, type VirtualClock } from './virtual-clock';

/** The classes an exported module provides for tools to report their results. */
export interface RuntimeLib {
  ToolError: new (message: string, options?: { code?: string; retryable?: boolean; applied?: boolean }) => Error;
  RateLimitError: new (retryAfterMs: number) => Error;
  partial: (output: unknown, note?: string) => unknown;
}

/** What a replayed tool is told besides its input: the exported runtime's own ToolContext. */
export type ReplayContext = ToolContext;
export type ReplayTool = (input: unknown, ctx: ReplayContext) => Promise<unknown>;

interface Located {
  plan: Plan;
  spec: ToolCall;
  call: CallTrace;
  /** Where the enclosing nested runs started, on the virtual clock. */
  base: number;
}

function locate(plan: Plan, trace: Trace, parents: ReplayContext['parents'], callId: string): Located | null {
  let p = plan;
  let t = trace;
  let base = 0;
  for (const parent of parents) {
    const spec = p.calls.find((c) => c.id === parent.callId);
    const attempt = t.calls.find((c) => c.id === parent.callId)?.attempts[parent.attempt - 1];
    if (spec?.plan === undefined || attempt?.nested === undefined) return null;
    base += attempt.startMs;
    p = spec.plan;
    t = attempt.nested;
  }
  const spec = p.calls.find((c) => c.id === callId);
  const call = t.calls.find((c) => c.id === callId);
  return spec === undefined || call === undefined ? null : { plan: p, spec, call, base };
}

function retryAfter(faults: readonly Fault[], message: string): number {
  for (const f of faults) {
    if (f.kind === 'rate_limit' && `429 rate limited: retry after ${f.retryAfterMs} ms` === message) return f.retryAfterMs;
  }
  throw new Error(`no rate limit reads "${message}"`);
}

const APPLIED = ' (the work was done before the failure)';

/**
 * One function per tool name that plays back, for each call and attempt, what the engine's trace says it did:
 * it lasts until the attempt's end, then returns the plan's sample output, a partial result, or throws its error;
 * an attempt the engine cut (timeout, stop) or that hung never returns on its own. `problems` lists every call the
 * runtime made that the trace does not have, or made at another instant.
 */
export function replayTools(
  plan: Plan,
  trace: Trace,
  clock: VirtualClock,
  lib: RuntimeLib,
  tools: readonly string[],
  compensations: readonly string[] = [],
) {
  const problems: string[] = [];
  /** Plays attempt `a` (of a call, or of its compensation) as the engine says it went. */
  const replay = async (
    a: Attempt | undefined,
    base: number,
    output: unknown,
    faults: readonly Fault[],
    ctx: ReplayContext,
    what: string,
  ) => {
    const where = [...ctx.parents.map((p) => `${p.callId}#${p.attempt}`), `${what}#${ctx.attempt}`].join('/');
    if (a === undefined) {
      problems.push(`${where}: the engine made no such attempt`);
      return hangUntilAborted(ctx.signal);
    }
    const started = base + a.startMs;
    if (Math.abs(clock.now() - started) > 1e-6) problems.push(`${where}: started at ${clock.now()} ms, the engine at ${started} ms`);
    if (a.result === 'timeout' || a.result === 'cancelled' || a.result === 'hang' || a.endMs === null) return hangUntilAborted(ctx.signal);
    await clock.until(base + a.endMs, ctx.signal);
    switch (a.result) {
      case 'ok':
        return output;
      case 'partial':
        return lib.partial(output, a.message);
      case 'rate_limited':
        throw new lib.RateLimitError(retryAfter(faults, a.message));
      case 'error': {
        const applied = a.effect === 'applied' && a.message.endsWith(APPLIED);
        const message = applied ? a.message.slice(0, -APPLIED.length) : a.message;
        throw new lib.ToolError(message, {
          ...(a.code === undefined ? {} : { code: a.code }),
          retryable: a.retryable,
          ...(applied ? { applied } : {}),
        });
      }
    }
  };
  const play: ReplayTool = async (_input, ctx) => {
    const at = locate(plan, trace, ctx.parents, ctx.callId);
    if (at === null) return replay(undefined, 0, undefined, [], ctx, ctx.callId);
    // A call that runs without an optional input returns its degraded output, when the plan gives one.
    const output = at.call.missingInputs.length > 0 && at.spec.degradedOutput !== undefined ? at.spec.degradedOutput : at.spec.output;
    return replay(at.call.attempts[ctx.attempt - 1], at.base, output, faultsActing(at.plan, at.spec).faults, ctx, ctx.callId);
  };
  const undo: ReplayTool = async (_input, ctx) => {
    const at = locate(plan, trace, ctx.parents, ctx.callId);
    const comp = at?.call.effect?.compensation ?? null;
    if (at === null || comp === null) return replay(undefined, 0, undefined, [], ctx, `${ctx.callId}/compensation`);
    return replay(
      comp.attempts[ctx.attempt - 1],
      at.base,
      undefined,
      at.spec.compensation?.faults ?? [],
      ctx,
      `${ctx.callId}/compensation`,
    );
  };
  return {
    tools: Object.fromEntries(tools.map((name) => [name, play])),
    compensations: Object.fromEntries(compensations.map((name) => [name, undo])),
    problems,
  };
}

/** The uniform draws the engine took for full-jitter retries, in the order it took them (top plan only). */
export function jitterDraws(plan: Plan, trace: Trace): number[] {
  const scenario = activeScenario(plan);
  const base = runBase(trace.seed, trace.run);
  const out: number[] = [];
  for (const ev of trace.events) {
    if (ev.type === 'retry_scheduled') {
      const call = plan.calls[ev.call];
      if (call.retry.jitter !== 'full') continue;
      const stride = faultsActing(plan, call, scenario).faults.length + 2;
      out.push(draw(combine(base, hashString(call.id)), (ev.attempt - 1) * stride - 1));
    } else if (ev.type === 'comp_retry') {
      const comp = plan.calls[ev.call].compensation;
      if (comp === undefined || comp.retry.jitter !== 'full') continue;
      const stride = comp.faults.length + 2;
      out.push(draw(combine(base, hashString(`${plan.calls[ev.call].id}/compensation`)), (ev.attempt - 1) * stride - 1));
    }
  }
  return out;
}

/** A run reduced to what must agree: outcome, stop, each call's fate and attempts, the turns. */
export interface RunShape {
  outcome: string;
  makespanMs: number | null;
  settledMs: number | null;
  compensations: number[];
  stop: unknown;
  calls: unknown[];
  turns: unknown[];
}

/** A run as both the engine's trace and the exported runtime's report have it: the portable shapes. */
type RunLike = RunOf<CallOf<AttemptLike>>;
type AttemptLike = AttemptOf<RunLike>;

/** A sub-agent's nested run is only whole when its attempt ended by itself (not cut by a timeout or a stop). */
function endedByItself(a: { result: string } | undefined): boolean {
  return a !== undefined && (a.result === 'ok' || a.result === 'partial' || a.result === 'error');
}

function attemptShape(a: AttemptLike) {
  return {
    n: a.n,
    startMs: a.startMs,
    endMs: a.endMs,
    result: a.result,
    message: a.message,
    retryable: a.retryable,
    code: a.code ?? null,
    retryWaitMs: a.retryWaitMs ?? null,
    effect: a.effect ?? null,
    nested: a.nested !== undefined && endedByItself(a) ? runShape(a.nested) : null,
  };
}

export function runShape(run: RunLike): RunShape {
  return {
    outcome: run.outcome,
    makespanMs: run.makespanMs,
    settledMs: run.settledMs,
    compensations: [...run.compensations],
    stop: run.stop,
    calls: run.calls.map((c) => ({
      id: c.id,
      status: c.status,
      reason: c.reason,
      wave: c.wave,
      turn: c.turn,
      startMs: c.startMs,
      endMs: c.endMs,
      missingInputs: c.missingInputs,
      warning: c.warning ?? null,
      hiddenFailures: endedByItself(c.attempts[c.attempts.length - 1]) ? (c.hiddenFailures ?? null) : null,
      attempts: c.attempts.map(attemptShape),
      effect:
        c.effect === undefined
          ? null
          : {
              ...c.effect,
              compensation:
                c.effect.compensation === null
                  ? null
                  : { ...c.effect.compensation, attempts: c.effect.compensation.attempts.map(attemptShape) },
            },
    })),
    turns: run.turns.map((t) => ({
      index: t.index,
      wave: t.wave,
      startMs: t.startMs,
      emitMs: t.emitMs,
      endMs: t.endMs,
      calls: [...t.calls],
    })),
  };
}

/** Every number rounded to 1e-6 ms: nested runs' clocks subtract their start, which can move the last bit. */
export function rounded<T>(value: T): T {
  const text = JSON.stringify(value, (_k, v: unknown) => (typeof v === 'number' ? Math.round(v * 1e6) / 1e6 : v));
  const back: T = JSON.parse(text);
  return back;
}
