// Upper bounds on every time and factor of a plan (docs/plan-format.md, "Bounds"): each is refused past its bound
// with its path and the bound, accepted at it, and a plan at every bound at once still runs to finite times.
import { describe, expect, it } from 'vitest';
import { simulate } from '../engine/simulate';
import { moveCalls } from './edit';
import { injectFault } from './inject';
import { parsePlan, type Problem } from './parse';
import { BOUNDS, LIMITS, type Plan, type PlanInput } from './schema';

const TOO_LONG = 'must be at most 1000000000 (about 11.6 days)';
const fixed = (ms: number) => ({ kind: 'fixed' as const, ms });

function plan(calls: PlanInput['calls'], extra: Partial<PlanInput> = {}): PlanInput {
  return { format: 'toolwave.plan', version: 1, name: 'Bounds', calls, dependencies: [], ...extra };
}

/** The plan with its first call's fields replaced by `call`. */
const withCall = (call: Record<string, unknown>): unknown =>
  plan([{ id: 'a', tool: 't', latency: fixed(1), ...call } as PlanInput['calls'][number]]);

function problems(data: unknown): Problem[] {
  const r = parsePlan(data);
  return r.ok ? [] : r.problems;
}

const slow = (factor: number) => ({ kind: 'slow' as const, factor, probability: 0.5 });

describe('every time is at most 1e9 ms (about 11.6 days)', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['a fixed latency', { latency: fixed(1e308) }, 'calls[0].latency.ms'],
    ['a uniform minMs', { latency: { kind: 'uniform', minMs: 2e9, maxMs: 3e9 } }, 'calls[0].latency.minMs'],
    ['a uniform maxMs', { latency: { kind: 'uniform', minMs: 0, maxMs: 1e9 + 1 } }, 'calls[0].latency.maxMs'],
    ['a lognormal p50Ms', { latency: { kind: 'lognormal', p50Ms: 2e9, p95Ms: 3e9 } }, 'calls[0].latency.p50Ms'],
    ['a lognormal p95Ms', { latency: { kind: 'lognormal', p50Ms: 1e8, p95Ms: 1.5e9 } }, 'calls[0].latency.p95Ms'],
    ['a timeout', { timeoutMs: 1e10 }, 'calls[0].timeoutMs'],
    [
      'a retry initialIntervalMs',
      { retry: { initialIntervalMs: 1e9 + 1, maximumIntervalMs: 1e9 + 1 } },
      'calls[0].retry.initialIntervalMs',
    ],
    ['a retry maximumIntervalMs', { retry: { maximumIntervalMs: 1e12 } }, 'calls[0].retry.maximumIntervalMs'],
    [
      'a rate limit retryAfterMs',
      { faults: [{ kind: 'rate_limit', retryAfterMs: 1e300, onAttempts: [1] }] },
      'calls[0].faults[0].retryAfterMs',
    ],
  ])('%s past the bound is refused with its path and the bound', (_what, call, path) => {
    expect(problems(withCall(call))).toContainEqual({ path, message: TOO_LONG });
  });

  it('a model turn and a deadline past the bound are refused', () => {
    const p = plan([{ id: 'a', tool: 't', latency: fixed(1) }], {
      settings: { modelTurnMs: 1e9 + 0.5, deadlineMs: 1e308 },
    });
    expect(problems(p)).toEqual([
      { path: 'settings.modelTurnMs', message: TOO_LONG },
      { path: 'settings.deadlineMs', message: TOO_LONG },
    ]);
  });

  it('the same bounds hold inside a sub-agent plan and a scenario', () => {
    const inner = plan([{ id: 'x', tool: 't', latency: fixed(5e9) }]);
    const p = plan([{ id: 'a', tool: 'agent', kind: 'agent', latency: fixed(0), plan: inner }], {
      scenarios: [{ id: 's', name: 'S', faults: { a: [{ kind: 'rate_limit', retryAfterMs: 1e10, probability: 1 }] } }],
    });
    expect(problems(p)).toEqual([
      { path: 'calls[0].plan.calls[0].latency.ms', message: TOO_LONG },
      { path: 'scenarios[0].faults.a[0].retryAfterMs', message: TOO_LONG },
    ]);
  });

  it('a compensation has the same bounds as a call: times, factors and its slow faults together', () => {
    const compensation = {
      tool: 'refund',
      latency: fixed(1e308),
      timeoutMs: 2e9,
      retry: { maxAttempts: 3, backoffCoefficient: 5000 },
      faults: [slow(40), { kind: 'rate_limit', retryAfterMs: 1e12, probability: 0.5 }],
    };
    expect(problems(withCall({ effect: 'once', compensation }))).toEqual([
      { path: 'calls[0].compensation.latency.ms', message: TOO_LONG },
      { path: 'calls[0].compensation.timeoutMs', message: TOO_LONG },
      { path: 'calls[0].compensation.retry.backoffCoefficient', message: 'must be at most 1000' },
      { path: 'calls[0].compensation.faults[1].retryAfterMs', message: TOO_LONG },
    ]);
    const slowOnly = { tool: 'refund', latency: fixed(1), faults: [slow(40), slow(40)] };
    expect(problems(withCall({ effect: 'once', compensation: slowOnly }))).toEqual([
      { path: 'calls[0].compensation.faults', message: 'the slow faults multiply an attempt by 1600 when they all fire (at most 1000)' },
    ]);
  });

  it('every time exactly at the bound is accepted', () => {
    const p = withCall({
      latency: { kind: 'uniform', minMs: 1e9, maxMs: 1e9 },
      timeoutMs: 1e9,
      retry: { maxAttempts: 2, initialIntervalMs: 1e9, maximumIntervalMs: 1e9 },
      faults: [{ kind: 'rate_limit', retryAfterMs: 1e9, onAttempts: [1] }],
    });
    expect(problems(p)).toEqual([]);
    expect(BOUNDS.maxMs).toBe(1e9);
  });
});

describe('every factor is at most 1000', () => {
  it.each<[string, Record<string, unknown>, string, string]>([
    ['a slow factor', { faults: [slow(1001)] }, 'calls[0].faults[0].factor', 'must be at most 1000'],
    ['a backoff coefficient', { retry: { backoffCoefficient: 1e6 } }, 'calls[0].retry.backoffCoefficient', 'must be at most 1000'],
    [
      'a lognormal spread (p95Ms over p50Ms)',
      { latency: { kind: 'lognormal', p50Ms: 0.001, p95Ms: 1e9 } },
      'calls[0].latency.p95Ms',
      'must be at most 1000 × p50Ms (here 1 ms)',
    ],
  ])('%s past the bound is refused with its path and the bound', (_what, call, path, message) => {
    expect(problems(withCall(call))).toEqual([{ path, message }]);
  });

  it('the slow faults of one list multiply to at most 1000, wherever the list is', () => {
    const three = [slow(10), slow(100), slow(1.5)];
    const p = plan([{ id: 'a', tool: 't', latency: fixed(1), faults: three }], {
      scenarios: [{ id: 's', name: 'S', faults: { a: three } }],
    });
    const message = 'the slow faults multiply an attempt by 1500 when they all fire (at most 1000)';
    expect(problems(p)).toEqual([
      { path: 'calls[0].faults', message },
      { path: 'scenarios[0].faults.a', message },
    ]);
  });

  it('factors exactly at their bounds are accepted', () => {
    const p = withCall({
      latency: { kind: 'lognormal', p50Ms: 1e6, p95Ms: 1e9 },
      retry: { maxAttempts: 3, backoffCoefficient: 1000 },
      faults: [slow(1000), slow(1)],
    });
    expect(problems(p)).toEqual([]);
  });
});

describe('canvas positions stay within 1e9 px of the origin', () => {
  it('refuses a position past the bound, naming the coordinate', () => {
    expect(problems(withCall({ position: { x: 0, y: -1e12 } }))).toEqual([
      { path: 'calls[0].position.y', message: 'must be at least -1000000000' },
    ]);
  });
});

describe('a plan at every bound at once runs to finite times', () => {
  /** The slowest attempt the bounds allow: the widest lognormal, slow faults that multiply to 1000, no timeout. */
  const slowest = {
    latency: { kind: 'lognormal' as const, p50Ms: 1e6, p95Ms: 1e9 },
    faults: [slow(10), slow(100)].map((f) => ({ ...f, probability: 1 })),
  };

  /** Sub-agents nested to the depth limit, each level as slow as allowed, with the longest turns and retry waits. */
  function deepest(depth: number): PlanInput {
    const settings = { modelTurnMs: 1e9, strategy: 'sequential' as const };
    const retry = { maxAttempts: 3, initialIntervalMs: 1e9, backoffCoefficient: 1000, maximumIntervalMs: 1e9 };
    const failing = { kind: 'error' as const, message: 'down', retryable: true, onAttempts: [1, 2] };
    const leaf = { id: 'leaf', tool: 't', ...slowest, retry, faults: [...slowest.faults, failing] };
    if (depth === 0) return plan([leaf, { id: 'next', tool: 't', ...slowest }], { settings, dependencies: [{ from: 'leaf', to: 'next' }] });
    const agent = {
      id: 'agent',
      tool: 'sub_agent',
      kind: 'agent' as const,
      latency: fixed(0),
      faults: slowest.faults,
      plan: deepest(depth - 1),
    };
    return plan([agent, { id: 'after', tool: 't', ...slowest }], { settings, dependencies: [{ from: 'agent', to: 'after' }] });
  }

  function allTimes(p: Plan): number[] {
    const trace = simulate(p, { seed: 7 });
    const out: number[] = [trace.makespanMs ?? NaN];
    for (const c of trace.calls) {
      out.push(c.startMs ?? 0, c.endMs ?? 0);
      for (const a of c.attempts) out.push(a.startMs, a.endMs ?? 0, a.retryWaitMs ?? 0);
    }
    return out;
  }

  it('sub-agents nested to the limit, every time and factor at its bound: the makespan and every instant are finite', () => {
    const parsed = parsePlan(deepest(LIMITS.maxAgentDepth));
    if (!parsed.ok) throw new Error(parsed.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
    const times = allTimes(parsed.plan);
    expect(times.every(Number.isFinite)).toBe(true);
    // Far below Number.MAX_VALUE, as docs/plan-format.md works out: room for sums over a million runs and their squares.
    expect(Math.max(...times)).toBeLessThan(1e46);
  });
});

describe('edits and injections never carry a plan past the bounds', () => {
  const parsed = (data: unknown): Plan => {
    const r = parsePlan(data);
    if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
    return r.plan;
  };

  it('a call dragged or pasted past the coordinate bound stays at the bound', () => {
    const p = parsed(withCall({ position: { x: 0, y: 0 } }));
    const moved = moveCalls(p, { a: { x: 5e12, y: -5e12 } });
    expect(moved.calls[0].position).toEqual({ x: BOUNDS.maxCoordinate, y: -BOUNDS.maxCoordinate });
    expect(parsePlan(moved).ok).toBe(true);
  });

  it('an injected timeout on a call of the longest latency gets a timeout at the bound, not twice it', () => {
    const p = parsed(withCall({ latency: fixed(BOUNDS.maxMs) }));
    const r = injectFault(p, 'a', 'timeout', 'every');
    expect(r.plan.injected?.a?.timeoutMs).toBe(BOUNDS.maxMs);
    expect(parsePlan(r.plan).ok).toBe(true);
  });

  it('an injected slow fault is refused, with the reason, when the call is already as slow as allowed', () => {
    const p = parsed(withCall({ faults: [slow(500)] }));
    const r = injectFault(p, 'a', 'slow', 'every');
    expect(r.refused).toBe('a is already as slow as allowed: its slow faults would multiply an attempt by more than 1000');
    expect(r.plan).toBe(p);
  });
});
