// Strategies and model turns (docs/engine.md#strategies): worked examples and the closed forms as properties on random DAGs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adjacency, computeWaves, criticalPath } from '../plan/graph';
import { simulate } from './simulate';
import { makePlan, summary } from './testing/build';

// a (100) and b (300) need nothing; c (200) needs a. One model turn costs 50 ms.
const abc = () =>
  makePlan(
    [
      { id: 'a', ms: 100 },
      { id: 'b', ms: 300 },
      { id: 'c', ms: 200 },
    ],
    [['a', 'c']],
    { modelTurnMs: 50 },
  );

/** The summary of a run in which each call succeeded at its first attempt, from start to end as given. */
const succeededAt = (spans: Record<string, [number, number]>) =>
  Object.fromEntries(Object.entries(spans).map(([id, [startMs, endMs]]) => [id, { status: 'succeeded', startMs, endMs, attempts: 1 }]));

describe('strategies', () => {
  it('waves: each wave starts one model turn after the previous wave ends', () => {
    const t = simulate(abc(), { strategy: 'waves' });
    expect(summary(t)).toEqual(succeededAt({ a: [50, 150], b: [50, 350], c: [400, 600] }));
    expect(t.makespanMs).toBe(600);
    expect(t.turns.map((x) => [x.wave, x.startMs, x.emitMs, x.endMs, x.calls])).toEqual([
      [0, 0, 50, 350, [0, 1]],
      [1, 350, 400, 600, [2]],
    ]);
  });

  it('eager: one model turn, then each call starts as soon as its upstreams are final', () => {
    const t = simulate(abc(), { strategy: 'eager' });
    expect(summary(t).c).toEqual({ status: 'succeeded', startMs: 150, endMs: 350, attempts: 1 });
    expect(t.makespanMs).toBe(350);
    expect(t.turns).toHaveLength(1);
    expect(t.turns[0].calls).toEqual([0, 1, 2]);
  });

  it('sequential: one call per model turn in Kahn order, smallest index first', () => {
    const t = simulate(abc(), { strategy: 'sequential' });
    expect(summary(t)).toEqual(succeededAt({ a: [50, 150], b: [200, 500], c: [550, 750] }));
    expect(t.turns.map((x) => x.calls)).toEqual([[0], [1], [2]]);
  });

  it.each(['waves', 'eager', 'sequential'] as const)('%s reports each call’s graph wave', (strategy) => {
    const t = simulate(abc(), { strategy });
    expect(t.calls.map((c) => c.wave)).toEqual([0, 0, 1]);
  });

  it('waves: a wave whose calls are all skipped costs no turn and no time', () => {
    const plan = makePlan(
      [{ id: 'a', faults: [{ kind: 'error', message: 'boom', onAttempts: [1] }] }, { id: 'x' }, { id: 'b' }, { id: 'd' }],
      [
        ['a', 'b'],
        ['x', 'd'],
        ['b', 'd', 'optional'],
      ],
      { modelTurnMs: 50 },
    );
    const t = simulate(plan);
    expect(t.calls.map((c) => c.wave)).toEqual([0, 0, 1, 2]);
    expect(summary(t).b.status).toBe('skipped');
    expect(summary(t).d).toEqual({ status: 'succeeded', startMs: 200, endMs: 300, attempts: 1 });
    expect(t.turns.map((x) => x.wave)).toEqual([0, 2]);
    expect(t.calls[3].missingInputs).toEqual([{ id: 'b', status: 'skipped' }]);
  });

  it('sequential: a skipped call costs no model turn', () => {
    const plan = makePlan(
      [{ id: 'a', faults: [{ kind: 'error', message: 'boom', onAttempts: [1] }] }, { id: 'b' }, { id: 'c' }],
      [['a', 'b']],
      {
        modelTurnMs: 10,
        strategy: 'sequential',
      },
    );
    const t = simulate(plan);
    expect(summary(t).b.status).toBe('skipped');
    expect(summary(t).c).toEqual({ status: 'succeeded', startMs: 120, endMs: 220, attempts: 1 });
    expect(t.turns).toHaveLength(2);
  });

  it('an empty plan is complete at 0 ms', () => {
    const t = simulate(makePlan([]));
    expect(t.outcome).toBe('complete');
    expect(t.makespanMs).toBe(0);
  });
});

interface FixedDag {
  latencies: number[];
  ids: string[];
  edges: ([string, string] | [string, string, 'optional'])[];
  modelTurnMs: number;
}

/** Random DAGs with fixed integer latencies, no faults, no cap: the setting of the closed forms (docs/engine.md#closed-forms-for-fixed-plans). */
const fixedDag: fc.Arbitrary<FixedDag> = fc
  .record({
    latencies: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 12 }),
    edgeBits: fc.array(fc.boolean(), { minLength: 66, maxLength: 66 }),
    optionalBits: fc.array(fc.boolean(), { minLength: 66, maxLength: 66 }),
    modelTurnMs: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 500 })),
  })
  .map(({ latencies, edgeBits, optionalBits, modelTurnMs }) => {
    const ids = latencies.map((_, i) => `c${i}`);
    const edges: FixedDag['edges'] = [];
    let k = 0;
    for (let j = 1; j < ids.length; j++) {
      for (let i = 0; i < j; i++, k++) {
        if (edgeBits[k]) edges.push(optionalBits[k] ? [ids[i], ids[j], 'optional'] : [ids[i], ids[j]]);
      }
    }
    return { latencies, ids, edges, modelTurnMs };
  });

describe('closed forms with fixed latencies, no faults and no cap', () => {
  const build = (d: FixedDag) =>
    makePlan(
      d.ids.map((id, i) => ({ id, ms: d.latencies[i] })),
      d.edges,
      { modelTurnMs: d.modelTurnMs },
    );

  it('eager makespan = modelTurnMs + the critical path', () => {
    fc.assert(
      fc.property(fixedDag, (d) => {
        const plan = build(d);
        const adj = adjacency(d.ids, plan.dependencies);
        const { length } = criticalPath(adj, d.latencies);
        expect(simulate(plan, { strategy: 'eager' }).makespanMs).toBe(d.modelTurnMs + length);
      }),
      { numRuns: 300 },
    );
  });

  it('waves makespan = the sum over waves of (modelTurnMs + the wave’s longest call)', () => {
    fc.assert(
      fc.property(fixedDag, (d) => {
        const plan = build(d);
        const waves = computeWaves(adjacency(d.ids, plan.dependencies));
        const longest = new Map<number, number>();
        waves.forEach((w, i) => longest.set(w, Math.max(longest.get(w) ?? 0, d.latencies[i])));
        const expected = [...longest.values()].reduce((s, l) => s + d.modelTurnMs + l, 0);
        expect(simulate(plan, { strategy: 'waves' }).makespanMs).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('sequential makespan = the sum over calls of (modelTurnMs + latency)', () => {
    fc.assert(
      fc.property(fixedDag, (d) => {
        const expected = d.latencies.reduce((s, l) => s + d.modelTurnMs + l, 0);
        expect(simulate(build(d), { strategy: 'sequential' }).makespanMs).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('every call succeeds exactly once and the outcome is complete', () => {
    fc.assert(
      fc.property(fixedDag, fc.constantFrom('waves', 'eager', 'sequential' as const), (d, strategy) => {
        const t = simulate(build(d), { strategy });
        expect(t.outcome).toBe('complete');
        expect(t.calls.every((c) => c.status === 'succeeded' && c.attempts.length === 1)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
