// The context rules over real traces from simulate(): the hand-built fixtures match the engine, and every rule
// holds for every strategy, format, seed and instant.
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../plan/schema';
import { simulate } from '../simulate';
import type { CallTrace, Trace } from '../types';
import { ANTI_PATTERNS, buildAntiPattern, buildContext, CONTEXT_FORMATS, type ContextFormat } from './index';
import { makePlan, readContext } from './test-fixtures';
import { SCENARIOS } from './test-scenarios';
import { STATUS_WORD } from './wording';

const FORMATS: ContextFormat[] = [...CONTEXT_FORMATS];
const STRATEGIES = ['waves', 'eager', 'sequential'] as const;
const ERRORS = new Set(['failed', 'timed_out', 'cancelled', 'hung']);

/** What the context depends on, without the engine's own wording of attempt messages. */
function shape(c: CallTrace) {
  return {
    id: c.id,
    status: c.status,
    wave: c.wave,
    reason: c.reason,
    startMs: c.startMs,
    endMs: c.endMs,
    turn: c.turn,
    missingInputs: c.missingInputs,
    warning: c.warning !== undefined,
    hiddenFailures: c.hiddenFailures,
    attempts: c.attempts.map((a) => [a.n, a.startMs, a.endMs, a.result, a.retryable, a.nested?.outcome]),
  };
}

/** Every context rule (docs/context.md#the-rules) that can be checked from the trace alone. */
function checkRules(plan: Plan, trace: Trace, f: ContextFormat): void {
  const ctx = readContext(buildContext(plan, trace, f));
  const results = ctx.turns.flatMap((t) => t.results);
  const started = trace.calls.filter((c) => c.startMs !== null);
  expect(results.map((r) => r.id).sort()).toEqual(started.map((c) => c.id).sort());
  for (const t of ctx.turns) expect(t.results.map((r) => r.id)).toEqual(t.uses.map((u) => u.id));
  for (const r of results) {
    const call = trace.calls.find((c) => c.id === r.id);
    expect([r.id, r.isError]).toEqual([r.id, ERRORS.has(call?.status ?? 'succeeded')]);
    if (call?.status === 'partial') expect(r.content).toContain('Warning: this result is partial');
    for (const m of call?.missingInputs ?? []) expect(r.content).toMatch(new RegExp(`Degraded: ran without .*${m.id}`));
  }
  for (const c of trace.calls.filter((x) => x.startMs === null)) {
    expect(ctx.summary).toContain(`- ${c.id}: ${STATUS_WORD[c.status]} — `);
    expect(ctx.turns.flatMap((t) => t.uses.map((u) => u.id))).not.toContain(c.id);
  }
  const counts = new Map<string, number>();
  for (const c of trace.calls) counts.set(STATUS_WORD[c.status], (counts.get(STATUS_WORD[c.status]) ?? 0) + 1);
  for (const [word, n] of counts) expect(ctx.summary.split('\n')[0]).toContain(`${n} ${word}`);
  expect(ctx.summary).toContain(`Plan outcome: ${trace.outcome}`);
}

describe('the hand-built fixtures are what the engine produces', () => {
  it.each(Object.entries(SCENARIOS))('%s', (_name, make) => {
    const { plan, trace } = make();
    const real = simulate(plan);
    expect([real.outcome, real.makespanMs, real.stop, real.strategy]).toEqual([
      trace.outcome,
      trace.makespanMs,
      trace.stop,
      trace.strategy,
    ]);
    expect(real.calls.map(shape)).toEqual(trace.calls.map(shape));
    expect(real.turns).toEqual(trace.turns);
  });
});

describe('every rule holds on real traces', () => {
  it.each(STRATEGIES.flatMap((s) => FORMATS.flatMap((f) => Object.entries(SCENARIOS).map(([n, make]) => [s, f, n, make] as const))))(
    '%s / %s / %s',
    (strategy, f, _name, make) => {
      const { plan } = make();
      checkRules(plan, simulate(plan, { strategy }), f);
    },
  );

  const flaky = makePlan({
    settings: { modelTurnMs: 50, deadlineMs: 4000 },
    calls: [
      {
        id: 'search',
        tool: 'web_search',
        latency: { kind: 'uniform', minMs: 100, maxMs: 900 },
        timeoutMs: 800,
        retry: { maxAttempts: 3, initialIntervalMs: 100, jitter: 'full' },
        output: { urls: ['u1', 'u2'] },
      },
      {
        id: 'fetch_1',
        tool: 'fetch_url',
        latency: { kind: 'lognormal', p50Ms: 300, p95Ms: 1500 },
        timeoutMs: 1000,
        retry: { maxAttempts: 2 },
        input: { url: '{{search.urls.0}}' },
        faults: [{ kind: 'error', message: 'HTTP 500', probability: 0.3, retryable: true }],
        output: 'page one',
      },
      {
        id: 'fetch_2',
        tool: 'fetch_url',
        latency: { kind: 'fixed', ms: 400 },
        input: { url: '{{search.urls.1}}' },
        onFailure: 'ignore',
        faults: [
          { kind: 'partial', note: 'truncated', probability: 0.3 },
          { kind: 'rate_limit', retryAfterMs: 200, probability: 0.2 },
        ],
        output: 'page two',
      },
      {
        id: 'audit',
        tool: 'audit_log',
        latency: { kind: 'fixed', ms: 100 },
        onFailure: 'abort',
        faults: [{ kind: 'error', message: 'audit down', probability: 0.1 }],
      },
      { id: 'answer', tool: 'llm', latency: { kind: 'fixed', ms: 500 }, input: { a: '{{fetch_1}}', b: 'and {{fetch_2}}' }, output: 'done' },
    ],
    dependencies: [
      { from: 'search', to: 'fetch_1' },
      { from: 'search', to: 'fetch_2' },
      { from: 'fetch_1', to: 'answer' },
      { from: 'fetch_2', to: 'answer' },
    ],
  });

  it.each(STRATEGIES)('%s: over 60 seeds of a plan with random faults, in every format', (strategy) => {
    const outcomes = new Set<string>();
    for (let seed = 0; seed < 60; seed++) {
      const trace = simulate(flaky, { seed, strategy });
      outcomes.add(trace.outcome);
      for (const f of FORMATS) checkRules(flaky, trace, f);
    }
    expect(outcomes.size).toBeGreaterThan(1);
  });

  it.each(STRATEGIES)(
    '%s: at every instant where something happened, the context is a valid conversation that drops nothing',
    (strategy) => {
      for (let seed = 0; seed < 15; seed++) {
        const trace = simulate(flaky, { seed, strategy });
        const instants = [...new Set(trace.events.map((e) => e.t))];
        for (const t of instants) {
          for (const f of FORMATS) {
            const ctx = readContext(buildContext(flaky, trace, f, { atMs: t }));
            const shown = new Set<string>();
            for (const turn of ctx.turns) {
              expect(turn.results.map((r) => r.id)).toEqual(turn.uses.map((u) => u.id));
              turn.results.forEach((r) => shown.add(r.id));
            }
            for (const c of trace.calls) if (!shown.has(c.id)) expect(ctx.summary).toContain(`- ${c.id}: `);
            const ended = trace.makespanMs !== null && t >= trace.makespanMs;
            expect(ctx.summary.split('\n').at(-1)).toMatch(
              ended ? new RegExp(`^Plan outcome: ${trace.outcome}`) : /^Plan outcome: in progress$/,
            );
          }
        }
      }
    },
  );

  it('the same plan and seed give the same context, byte for byte', () => {
    for (const f of FORMATS) {
      expect(JSON.stringify(buildContext(flaky, simulate(flaky, { seed: 9 }), f))).toBe(
        JSON.stringify(buildContext(flaky, simulate(flaky, { seed: 9 }), f)),
      );
    }
  });

  it.each(ANTI_PATTERNS)('the %s anti-pattern renders every real trace as a labelled, answerable conversation', (kind) => {
    for (let seed = 0; seed < 20; seed++) {
      const trace = simulate(flaky, { seed });
      for (const f of ['anthropic', 'openai'] as const) {
        const ctx = buildAntiPattern(flaky, trace, kind, f);
        expect(ctx.label.startsWith('Anti-pattern: ')).toBe(true);
        for (const turn of readContext(ctx).turns) expect(turn.results.map((r) => r.id)).toEqual(turn.uses.map((u) => u.id));
      }
    }
  });
});

describe('sub-agents over real nested runs', () => {
  const nested = makePlan({
    name: 'Payments',
    calls: [
      { id: 'quote', tool: 'price', latency: { kind: 'fixed', ms: 100 }, output: { eur: 9 } },
      {
        id: 'charge',
        tool: 'charge',
        latency: { kind: 'fixed', ms: 200 },
        onFailure: 'abort',
        faults: [{ kind: 'error', message: 'card declined', onAttempts: [1] }],
      },
      { id: 'mail', tool: 'email', latency: { kind: 'fixed', ms: 500 } },
    ],
    dependencies: [],
  });
  const parent = (report: 'explicit' | 'opaque') =>
    makePlan({
      calls: [
        { id: 'pay', tool: 'payment_agent', kind: 'agent', report, latency: { kind: 'fixed', ms: 0 }, plan: nested },
        { id: 'slow', tool: 'slow_agent', kind: 'agent', report, timeoutMs: 150, latency: { kind: 'fixed', ms: 0 }, plan: nested },
      ],
      dependencies: [],
    });
  const result = (plan: Plan, f: ContextFormat, id: string) =>
    readContext(buildContext(plan, simulate(plan), f)).turns[0].results.find((r) => r.id === id);

  it.each(FORMATS)('%s: an explicit sub-agent whose nested run aborted fails, and still hands back its own report', (f) => {
    const r = result(parent('explicit'), f, 'pay');
    expect(r?.isError).toBe(true);
    expect(r?.content).toMatch(
      /^pay failed after 1 attempt: .*; the failure was not retryable\nSub-agent report \(nested plan "Payments"\):\nResults:\n- quote: \{"eur":9\}\n/,
    );
    expect(r?.content).toContain('- charge: failed after 1 attempt: card declined');
    expect(r?.content).toContain('Plan outcome: aborted');
  });

  it.each(FORMATS)('%s: an opaque sub-agent reports success with the results that came in and no word of what failed', (f) => {
    const plan = parent('opaque');
    expect(simulate(plan).calls[0].hiddenFailures).toBe(2);
    expect(result(plan, f, 'pay')).toEqual({ id: 'pay', isError: false, content: 'Results:\n- quote: {"eur":9}' });
  });

  it.each(FORMATS)('%s: a sub-agent cut by its timeout reports the timeout only: its report never came back', (f) => {
    for (const report of ['explicit', 'opaque'] as const) {
      expect(result(parent(report), f, 'slow')).toEqual({
        id: 'slow',
        isError: true,
        content: 'slow timed out after 1 attempt (cut at 150 ms); the failure was retryable, but the call allows no retry',
      });
    }
  });
});
