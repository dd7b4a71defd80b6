// The exported TypeScript module, compiled and run on a virtual clock with tools that replay the engine's trace,
// must do what Toolwave simulates: same statuses, attempts, instants, turns, and the same context word for word.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../plan/parse';
import type { Fault, Plan, Strategy, ToolCall } from '../plan/schema';
import { arbitraryPlan } from '../plan/testing/arbitrary';
import { compareWithEngine, type Comparison } from './testing/conformance';
import { loadModule, runtimeOf } from './testing/load-module';
import { emitTypeScript } from './typescript';

const EXAMPLES = join(process.cwd(), 'public/examples');
const STRATEGIES: Strategy[] = ['waves', 'eager', 'sequential'];

function example(file: string): Plan {
  const parsed = parsePlanText(readFileSync(join(EXAMPLES, file), 'utf8'));
  if (!parsed.ok) throw new Error(`${file}: ${parsed.problems.map((p) => p.message).join('; ')}`);
  return parsed.plan;
}

/** Each example under each strategy and each of its scenarios (and none). */
const exampleCases: [string, Plan][] = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.json') && f !== 'index.json')
  .flatMap((file) => {
    const plan = example(file);
    const scenarios = [null, ...plan.scenarios.map((s) => s.id)];
    return STRATEGIES.flatMap((strategy) =>
      scenarios.map((scenario): [string, Plan] => [
        `${file} · ${strategy} · ${scenario ?? 'no scenario'}`,
        { ...plan, settings: { ...plan.settings, strategy, scenario } },
      ]),
    );
  });

async function runExported(plan: Plan): Promise<Comparison> {
  return compareWithEngine(plan, runtimeOf(loadModule(emitTypeScript(plan))));
}

/**
 * Where a run that never finishes (a call or a compensation that never returns) disagrees with the engine: each call
 * started as often, and final (status, instant) exactly when the engine's trace says it became final.
 */
function stuckDisagreements(c: Comparison): string[] {
  const out: string[] = [];
  for (const call of c.trace.calls) {
    const started = c.events.filter((e) => e.type === 'attempt_start' && e.call === call.id).length;
    if (started !== call.attempts.length) out.push(`${call.id}: ${started} attempts started, the engine made ${call.attempts.length}`);
    const final = c.events.find((e) => e.type === 'final' && e.call === call.id);
    const engine = c.trace.events.find((e) => e.type === 'final' && e.call === call.index);
    const said = (e: { status?: string; t: number } | undefined) => (e === undefined ? 'never final' : `${e.status} at ${e.t}`);
    if (said(final) !== said(engine)) out.push(`${call.id}: ${said(final)}, the engine says ${said(engine)}`);
  }
  return out;
}

function expectSameRun(c: Comparison): void {
  expect(c.problems).toEqual([]);
  expect(c.draws.taken).toBe(c.draws.given);
  if (c.finished) {
    expect(c.runtime).toEqual(c.engine);
    expect(c.runtimeContext).toEqual(c.engineContext);
  } else {
    expect(stuckDisagreements(c)).toEqual([]);
  }
}

describe('the exported TypeScript module runs a plan as the engine simulates it', () => {
  it.each(exampleCases)('%s', async (_label, plan) => {
    const c = await runExported(plan);
    expect(c.runtime?.calls.length ?? 0).toBe(plan.calls.length);
    expectSameRun(c);
  });

  it('random plans of every feature agree call by call and in the context', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryPlan({ maxCalls: 7 }).map(replayable), async (plan) => expectSameRun(await runExported(plan))),
      // TW_EXPORT_RUNS and TW_EXPORT_SEED let a longer hunt run, or a failure be replayed, without editing the test.
      {
        numRuns: Number(process.env.TW_EXPORT_RUNS ?? 100),
        ...(process.env.TW_EXPORT_SEED === undefined ? {} : { seed: Number(process.env.TW_EXPORT_SEED) }),
      },
    );
  }, 300_000);

  it('a call that hangs with no timeout and no deadline leaves the run waiting, everything else as simulated', async () => {
    const plan = example('parallel-fetches.json');
    const hangs: Plan = {
      ...plan,
      calls: plan.calls.map((c, i) => (i === 0 ? { ...c, timeoutMs: null, faults: [{ kind: 'timeout', onAttempts: [1] }] } : c)),
      settings: { ...plan.settings, deadlineMs: null },
    };
    const c = await runExported(hangs);
    expect(c.trace.outcome).toBe('stuck');
    expect(c.finished).toBe(false);
    expect(c.runtime).toBeNull();
    expectSameRun(c);
  });
});

// ---- Random plans the replay can reproduce ----

function wholeFault(f: Fault): Fault {
  if (f.kind === 'rate_limit') return { ...f, retryAfterMs: Math.round(f.retryAfterMs) };
  if (f.kind === 'slow') return { ...f, factor: Math.max(1, Math.round(f.factor)) };
  return f;
}

/** Whole-number times everywhere, so a sub-agent's clock (counted from its start) loses no precision. */
function wholeTimes(plan: Plan): Plan {
  const call = (c: ToolCall): ToolCall => ({
    ...c,
    latency: {
      kind: 'fixed',
      ms: Math.round(c.latency.kind === 'fixed' ? c.latency.ms : c.latency.kind === 'uniform' ? c.latency.minMs : c.latency.p50Ms),
    },
    timeoutMs: c.timeoutMs === null ? null : Math.max(1, Math.round(c.timeoutMs)),
    retry: {
      ...c.retry,
      initialIntervalMs: Math.round(c.retry.initialIntervalMs),
      ...(c.retry.maximumIntervalMs === undefined
        ? {}
        : { maximumIntervalMs: Math.max(Math.round(c.retry.initialIntervalMs), Math.round(c.retry.maximumIntervalMs)) }),
    },
    faults: c.faults.map(wholeFault),
    ...(c.plan === undefined ? {} : { plan: wholeTimes(c.plan) }),
  });
  return {
    ...plan,
    settings: {
      ...plan.settings,
      modelTurnMs: Math.round(plan.settings.modelTurnMs),
      deadlineMs: plan.settings.deadlineMs === null ? null : Math.max(1, Math.round(plan.settings.deadlineMs)),
    },
    calls: plan.calls.map(call),
    scenarios: plan.scenarios.map((s) => ({
      ...s,
      faults: Object.fromEntries(Object.entries(s.faults).map(([id, fs]) => [id, fs.map(wholeFault)])),
    })),
  };
}

/**
 * What replayed tools can reproduce: a sub-agent call is no tool, so it carries no injected fault; nested runs
 * draw no jitter (the replay feeds the top plan's draws); plans with sub-agents use whole-number times.
 */
function replayable(plan: Plan): Plan {
  const agents = new Set(plan.calls.filter((c) => c.kind === 'agent').map((c) => c.id));
  // Inside a sub-agent: no jitter, and no compensation that hangs for ever (the top run would wait on it; the engine
  // reports the nested run at its stop and goes on).
  const noJitter = (p: Plan): Plan => ({
    ...p,
    calls: p.calls.map((c) => ({
      ...c,
      retry: { ...c.retry, jitter: 'none' },
      ...(c.compensation === undefined
        ? {}
        : {
            compensation: {
              ...c.compensation,
              retry: { ...c.compensation.retry, jitter: 'none' },
              faults: c.compensation.timeoutMs === null ? c.compensation.faults.filter((f) => f.kind !== 'timeout') : c.compensation.faults,
            },
          }),
      ...(c.plan === undefined ? {} : { plan: noJitter(c.plan) }),
    })),
  });
  const cleaned: Plan = {
    ...plan,
    calls: plan.calls.map((c) =>
      c.kind === 'agent' ? { ...c, faults: [], ...(c.plan === undefined ? {} : { plan: noJitter(replayable(c.plan)) }) } : c,
    ),
    scenarios: plan.scenarios.map((s) => ({
      ...s,
      faults: Object.fromEntries(Object.entries(s.faults).filter(([id]) => !agents.has(id))),
    })),
  };
  return agents.size > 0 ? wholeTimes(cleaned) : cleaned;
}
