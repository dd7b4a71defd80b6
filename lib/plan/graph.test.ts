// Graph algorithms (docs/plan-format.md#graph-rules, docs/engine.md): cycles, Kahn's order (first in `calls` wins), graph waves and the critical path.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { adjacency, computeWaves, criticalPath, findCycle, topologicalOrder, type Edge } from './graph';
import { arbitraryFixedDag } from './testing/arbitrary';

const e = (from: string, to: string, optional = false) => ({ from, to, optional });
/** The adjacency of a generated plan, its calls in the order they are listed. */
const adjacencyOf = (plan: { calls: { id: string }[]; dependencies: Edge[] }) =>
  adjacency(
    plan.calls.map((c) => c.id),
    plan.dependencies,
  );

/** A chain c0 → c1 → … of `n` calls. */
function chain(n: number): { ids: string[]; edges: Edge[] } {
  const ids = Array.from({ length: n }, (_, i) => `c${i}`);
  return { ids, edges: ids.slice(1).map((id, i) => e(ids[i], id)) };
}

/** The Kahn order by brute force: repeatedly take the smallest index whose upstreams are all taken. */
function slowKahn(n: number, upstream: number[][]): number[] {
  const done = new Set<number>();
  const order: number[] = [];
  while (order.length < n) {
    const next = Array.from({ length: n }, (_, i) => i).find((i) => !done.has(i) && upstream[i].every((u) => done.has(u)));
    if (next === undefined) break;
    done.add(next);
    order.push(next);
  }
  return order;
}

describe('findCycle', () => {
  it('returns null for an acyclic graph', () => {
    expect(findCycle(['a', 'b', 'c'], [e('a', 'b'), e('b', 'c'), e('a', 'c')])).toBeNull();
  });

  it('returns null for a graph with no edges or no calls', () => {
    expect(findCycle(['a', 'b'], [])).toBeNull();
    expect(findCycle([], [])).toBeNull();
  });

  it('names a two-call cycle as a closed path', () => {
    expect(findCycle(['a', 'b'], [e('a', 'b'), e('b', 'a')])).toEqual(['a', 'b', 'a']);
  });

  it('names a longer cycle in edge order, starting where the search entered it', () => {
    const ids = ['search', 'fetch', 'extract', 'summary'];
    const edges = [e('search', 'fetch'), e('fetch', 'extract'), e('extract', 'summary'), e('summary', 'fetch')];
    expect(findCycle(ids, edges)).toEqual(['fetch', 'extract', 'summary', 'fetch']);
  });

  it('finds a cycle that an optional edge closes (optional edges still count)', () => {
    expect(findCycle(['a', 'b'], [e('a', 'b'), e('b', 'a', true)])).toEqual(['a', 'b', 'a']);
  });

  it('finds a cycle in a part of the graph not reachable from the first call', () => {
    expect(findCycle(['lonely', 'x', 'y'], [e('x', 'y'), e('y', 'x')])).toEqual(['x', 'y', 'x']);
  });

  it('ignores edges that name unknown ids', () => {
    expect(findCycle(['a'], [e('a', 'ghost'), e('ghost', 'a')])).toBeNull();
  });

  it('finds no cycle in a 20,000-call chain, and the one that closes it, without overflowing the stack', () => {
    const { ids, edges } = chain(20_000);
    expect(findCycle(ids, edges)).toBeNull();
    const cycle = findCycle(ids, [...edges, e('c19999', 'c0')]);
    expect(cycle).toHaveLength(20_001);
    expect(cycle?.[0]).toBe('c0');
    expect(cycle?.[20_000]).toBe('c0');
  });
});

describe('adjacency', () => {
  it('lists upstreams and downstreams by index, with each upstream edge marked optional or not', () => {
    const adj = adjacency(['a', 'b', 'c'], [e('a', 'c'), e('b', 'c', true), e('a', 'b')]);
    expect(adj.upstream).toEqual([[], [0], [0, 1]]);
    expect(adj.downstream).toEqual([[2, 1], [2], []]);
    expect(adj.upstreamOptional).toEqual([[], [false], [false, true]]);
  });

  it('treats a missing optional flag as a required edge', () => {
    expect(adjacency(['a', 'b'], [{ from: 'a', to: 'b' }]).upstreamOptional).toEqual([[], [false]]);
  });
});

describe('topologicalOrder (Kahn, first in calls first)', () => {
  it.each([
    ['independent calls keep their order in calls', ['a', 'b', 'c'], [], [0, 1, 2]],
    ['a call listed first but needing a later one waits for it', ['summary', 'search'], [e('search', 'summary')], [1, 0]],
    ['among ready calls the one first in calls goes first', ['d', 'c', 'b', 'a'], [e('a', 'b'), e('c', 'd')], [1, 0, 3, 2]],
    [
      'a fan-out runs its branches in calls order',
      ['root', 'x', 'y', 'z', 'join'],
      [e('root', 'z'), e('root', 'x'), e('root', 'y'), e('x', 'join'), e('y', 'join'), e('z', 'join')],
      [0, 1, 2, 3, 4],
    ],
    ['a call freed later than a smaller ready one still waits its turn', ['a', 'b', 'c'], [e('a', 'c')], [0, 1, 2]],
    ['a freed call with a smaller index jumps ahead of larger ready ones', ['b', 'a', 'x', 'y'], [e('a', 'b')], [1, 0, 2, 3]],
  ])('%s', (_label, ids, edges, order) => {
    expect(topologicalOrder(adjacency(ids, edges))).toEqual(order);
  });

  it('orders a 20,000-call chain listed backwards without overflowing the stack', () => {
    const { ids, edges } = chain(20_000);
    const order = topologicalOrder(adjacency([...ids].reverse(), edges));
    expect(order).toHaveLength(20_000);
    expect(order[0]).toBe(19_999);
    expect(order[19_999]).toBe(0);
  });

  it('matches the brute-force Kahn order on random DAGs in any call order', () => {
    fc.assert(
      fc.property(arbitraryFixedDag({ maxCalls: 12, shuffleCalls: true }), (plan) => {
        const adj = adjacencyOf(plan);
        expect(topologicalOrder(adj)).toEqual(slowKahn(plan.calls.length, adj.upstream));
      }),
      { numRuns: 300 },
    );
  });
});

describe('computeWaves', () => {
  it('puts independent calls in wave 0', () => {
    expect(computeWaves(adjacency(['a', 'b', 'c'], []))).toEqual([0, 0, 0]);
  });

  it('puts a call one wave after its latest upstream, optional edges included', () => {
    const ids = ['search', 'fetch_a', 'fetch_b', 'extract', 'summary'];
    const edges = [
      e('search', 'fetch_a'),
      e('search', 'fetch_b'),
      e('fetch_a', 'extract'),
      e('extract', 'summary'),
      e('fetch_b', 'summary', true),
    ];
    expect(computeWaves(adjacency(ids, edges))).toEqual([0, 1, 1, 2, 3]);
  });

  it('does not depend on the order of calls', () => {
    const edges = [e('a', 'b'), e('b', 'c')];
    expect(computeWaves(adjacency(['c', 'b', 'a'], edges))).toEqual([2, 1, 0]);
  });

  it('numbers the waves of a 20,000-call chain 0 to 19,999', () => {
    const { ids, edges } = chain(20_000);
    const waves = computeWaves(adjacency(ids, edges));
    expect(waves[0]).toBe(0);
    expect(waves[19_999]).toBe(19_999);
    expect(waves.every((w, i) => w === i)).toBe(true);
  });

  it('gives the graph wave on random DAGs: 0 without upstreams, else 1 + the highest upstream wave', () => {
    fc.assert(
      fc.property(arbitraryFixedDag({ maxCalls: 12, shuffleCalls: true }), (plan) => {
        const adj = adjacencyOf(plan);
        const waves = computeWaves(adj);
        adj.upstream.forEach((ups, v) => {
          expect(waves[v]).toBe(ups.length === 0 ? 0 : 1 + Math.max(...ups.map((u) => waves[u])));
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('criticalPath', () => {
  it('is empty for a plan with no calls', () => {
    expect(criticalPath(adjacency([], []), [])).toEqual({ length: 0, path: [] });
  });

  it('is the slowest call when all are independent', () => {
    expect(criticalPath(adjacency(['a', 'b', 'c'], []), [300, 900, 200])).toEqual({ length: 900, path: [1] });
  });

  it('follows the slow branch of a fan-out and join', () => {
    const ids = ['search', 'fast', 'slow', 'join'];
    const edges = [e('search', 'fast'), e('search', 'slow'), e('fast', 'join'), e('slow', 'join')];
    expect(criticalPath(adjacency(ids, edges), [400, 100, 700, 50])).toEqual({ length: 1150, path: [0, 2, 3] });
  });

  it('breaks ties toward the call first in calls', () => {
    const ids = ['root', 'left', 'right', 'join'];
    const edges = [e('root', 'right'), e('root', 'left'), e('right', 'join'), e('left', 'join')];
    expect(criticalPath(adjacency(ids, edges), [10, 5, 5, 1])).toEqual({ length: 16, path: [0, 1, 3] });
    expect(criticalPath(adjacency(['a', 'b'], []), [7, 7])).toEqual({ length: 7, path: [0] });
  });

  it('counts zero-latency calls on the path and keeps real numbers unrounded', () => {
    expect(criticalPath(adjacency(['a', 'b', 'c'], [e('a', 'b'), e('b', 'c')]), [0.5, 0, 1.25])).toEqual({ length: 1.75, path: [0, 1, 2] });
  });

  it('walks a 20,000-call chain without overflowing the stack', () => {
    const { ids, edges } = chain(20_000);
    const result = criticalPath(
      adjacency(ids, edges),
      ids.map(() => 2),
    );
    expect(result.length).toBe(40_000);
    expect(result.path).toHaveLength(20_000);
  });

  it('equals the longest path found by brute-force enumeration on random DAGs', () => {
    fc.assert(
      fc.property(arbitraryFixedDag({ maxCalls: 9, shuffleCalls: true }), (plan) => {
        const ids = plan.calls.map((c) => c.id);
        const weight = plan.calls.map((c) => (c.latency.kind === 'fixed' ? c.latency.ms : 0));
        const adj = adjacency(ids, plan.dependencies);
        // Longest path ending at v, by exhaustive recursion (fine at ≤ 9 calls).
        const best = (v: number): number => weight[v] + Math.max(0, ...adj.upstream[v].map(best));
        const expected = Math.max(0, ...ids.map((_, v) => best(v)));
        const { length, path } = criticalPath(adj, weight);
        expect(length).toBe(expected);
        expect(path.reduce((sum, v) => sum + weight[v], 0)).toBe(length);
        for (let k = 1; k < path.length; k++) expect(adj.upstream[path[k]]).toContain(path[k - 1]);
        if (path.length > 0) expect(adj.upstream[path[0]]).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
