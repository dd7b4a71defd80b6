// The wave layout: one column per wave, left to right, ordered to avoid crossings, deterministic, nothing overlapping;
// and the live wave bands the editor draws around wherever the nodes are.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { layeredPlan } from '../engine/layered';
import { adjacency, computeWaves } from './graph';
import { applyLayout, countCrossings, DEFAULT_LAYOUT, layoutPlan, needsLayout, orderColumns } from './layout';
import { waveBands } from './wave-bands';
import { parsePlan } from './parse';
import type { Plan } from './schema';
import { arbitraryPlan } from './testing/arbitrary';

const calls = (...ids: string[]) => ids.map((id) => ({ id }));
const edge = (from: string, to: string, optional = false) => ({ from, to, optional });

describe('layoutPlan', () => {
  it('lays out an empty plan as nothing', () => {
    expect(layoutPlan({ calls: [], dependencies: [] })).toEqual({ nodes: [], bands: [], width: 0, height: 0 });
  });

  it('puts each wave in its own column, left to right', () => {
    const plan = {
      calls: calls('search', 'weather', 'fetch', 'summarize'),
      dependencies: [edge('search', 'fetch'), edge('fetch', 'summarize'), edge('weather', 'summarize', true)],
    };
    const { nodes, bands } = layoutPlan(plan);
    const byId = Object.fromEntries(nodes.map((n) => [n.id, n]));
    expect(nodes.map((n) => [n.id, n.wave])).toEqual([
      ['search', 0],
      ['weather', 0],
      ['fetch', 1],
      ['summarize', 2],
    ]);
    expect(bands.map((b) => b.wave)).toEqual([0, 1, 2]);
    expect(bands.map((b) => b.callIds)).toEqual([['search', 'weather'], ['fetch'], ['summarize']]);
    expect(byId.search.x).toBe(byId.weather.x);
    expect(byId.search.x).toBeLessThan(byId.fetch.x);
    expect(byId.fetch.x).toBeLessThan(byId.summarize.x);
  });

  it('keeps every node inside its band and no two bands overlapping', () => {
    const plan = {
      calls: calls('a', 'b', 'c', 'd', 'e'),
      dependencies: [edge('a', 'c'), edge('b', 'c'), edge('c', 'd'), edge('c', 'e')],
    };
    const { nodes, bands, width, height } = layoutPlan(plan);
    for (const n of nodes) {
      const band = bands[n.wave];
      expect(n.x).toBeGreaterThanOrEqual(band.x);
      expect(n.x + DEFAULT_LAYOUT.nodeWidth).toBeLessThanOrEqual(band.x + band.width);
      expect(n.y).toBeGreaterThanOrEqual(band.y + DEFAULT_LAYOUT.bandHeader);
      expect(n.y + DEFAULT_LAYOUT.nodeHeight).toBeLessThanOrEqual(band.y + band.height);
    }
    for (let i = 1; i < bands.length; i++) expect(bands[i].x).toBeGreaterThan(bands[i - 1].x + bands[i - 1].width);
    expect(width).toBe(bands[bands.length - 1].x + bands[bands.length - 1].width);
    expect(height).toBe(bands[0].height);
  });

  it('never stacks two nodes of one column on top of each other', () => {
    const plan = { calls: calls('a', 'b', 'c', 'd'), dependencies: [] };
    const ys = layoutPlan(plan).nodes.map((n) => n.y);
    for (let i = 1; i < ys.length; i++) expect(ys[i] - ys[i - 1]).toBe(DEFAULT_LAYOUT.nodeHeight + DEFAULT_LAYOUT.rowGap);
  });

  it('orders a later wave by the rows of its upstreams, so edges do not cross needlessly', () => {
    // y comes first in calls but hangs off the lower of the two roots.
    const plan = { calls: calls('top', 'bottom', 'y', 'x'), dependencies: [edge('bottom', 'y'), edge('top', 'x')] };
    const { bands } = layoutPlan(plan);
    expect(bands[1].callIds).toEqual(['x', 'y']);
  });

  it('centres a short column on the tallest one', () => {
    const plan = { calls: calls('a', 'b', 'c', 'd'), dependencies: [edge('a', 'd'), edge('b', 'd'), edge('c', 'd')] };
    const byId = Object.fromEntries(layoutPlan(plan).nodes.map((n) => [n.id, n]));
    expect(byId.d.y).toBe(byId.b.y);
  });

  it('gives the same layout for the same plan', () => {
    const plan = { calls: calls('a', 'b', 'c'), dependencies: [edge('a', 'c'), edge('b', 'c')] };
    expect(layoutPlan(plan)).toEqual(layoutPlan(structuredClone(plan)));
  });

  it('honours custom sizes', () => {
    const plan = { calls: calls('a', 'b'), dependencies: [edge('a', 'b')] };
    const { bands } = layoutPlan(plan, { nodeWidth: 100, bandPadding: 10, columnGap: 5 });
    expect(bands[0].width).toBe(120);
    expect(bands[1].x).toBe(125);
  });
});

describe('auto-layout by waves', () => {
  const wavesOf = (plan: { calls: readonly { id: string }[]; dependencies: readonly { from: string; to: string }[] }) =>
    computeWaves(
      adjacency(
        plan.calls.map((c) => c.id),
        plan.dependencies,
      ),
    );

  it('puts every call in the column of its graph wave, the columns left to right', () => {
    fc.assert(
      fc.property(arbitraryPlan({ maxCalls: 12, shuffleCalls: true, agents: false }), (plan) => {
        const { nodes, bands } = layoutPlan(plan);
        const waves = wavesOf(plan);
        nodes.forEach((n, i) => {
          expect(n.index).toBe(i);
          expect(n.wave).toBe(waves[i]);
          expect(n.x).toBe(bands[n.wave].x + DEFAULT_LAYOUT.bandPadding);
        });
        for (let w = 1; w < bands.length; w++) expect(bands[w].x).toBeGreaterThan(bands[w - 1].x + bands[w - 1].width);
      }),
      { numRuns: 100 },
    );
  });

  it('spaces each column evenly, never overlapping, and centres it on the tallest', () => {
    fc.assert(
      fc.property(arbitraryPlan({ maxCalls: 12, shuffleCalls: true, agents: false }), (plan) => {
        const { nodes, bands } = layoutPlan(plan);
        const pitch = DEFAULT_LAYOUT.nodeHeight + DEFAULT_LAYOUT.rowGap;
        const middles = new Set<number>();
        for (const band of bands) {
          const ys = band.callIds.map((id) => nodes.find((n) => n.id === id)?.y ?? Number.NaN);
          for (let i = 1; i < ys.length; i++) expect(ys[i] - ys[i - 1]).toBe(pitch);
          middles.add(ys[0] + (ys[ys.length - 1] + DEFAULT_LAYOUT.nodeHeight - ys[0]) / 2);
        }
        expect(middles.size).toBeLessThanOrEqual(1);
      }),
      { numRuns: 100 },
    );
  });

  it('is deterministic: the same plan, the same layout, whatever object it comes in', () => {
    fc.assert(
      fc.property(arbitraryPlan({ maxCalls: 12, shuffleCalls: true }), (plan) => {
        expect(layoutPlan(plan)).toEqual(layoutPlan(structuredClone(plan)));
      }),
      { numRuns: 50 },
    );
  });

  it('never has more crossings than the order of calls', () => {
    let fewer = 0;
    fc.assert(
      fc.property(arbitraryPlan({ minCalls: 3, maxCalls: 12, shuffleCalls: true, agents: false }), (plan) => {
        const auto = countCrossings(plan, layoutPlan(plan).nodes);
        const naive = countCrossings(plan, layoutPlan(plan, { ordering: 'calls' }).nodes);
        expect(auto).toBeLessThanOrEqual(naive);
        if (auto < naive) fewer++;
      }),
      { numRuns: 200, seed: 20_260_302 },
    );
    expect(fewer).toBeGreaterThan(10);
  });

  it('orders with dagre when the plan is small enough, and says so', () => {
    // Two roots listed in the order that makes their children's edges cross.
    const plan = {
      calls: calls('top', 'bottom', 'b1', 'b2', 't1', 't2'),
      dependencies: [edge('top', 't1'), edge('top', 't2'), edge('bottom', 'b1'), edge('bottom', 'b2')],
    };
    const { columns, method, crossings } = orderColumns(plan);
    expect(method.startsWith('dagre')).toBe(true);
    expect(crossings).toBe(0);
    expect(countCrossings(plan, layoutPlan(plan, { ordering: 'calls' }).nodes)).toBeGreaterThan(0);
    expect(columns[1].slice(0, 2).sort()).toEqual(columns[0][0] === 'top' ? ['t1', 't2'] : ['b1', 'b2']);
  });

  it('copes with call ids that are names of Object.prototype', () => {
    const plan = {
      calls: calls('constructor', 'toString', 'hasOwnProperty', 'valueOf'),
      dependencies: [edge('constructor', 'valueOf'), edge('toString', 'hasOwnProperty'), edge('constructor', 'hasOwnProperty')],
    };
    const { method } = orderColumns(plan);
    expect(method.startsWith('dagre') || method === 'calls').toBe(true);
    expect(layoutPlan(plan).bands.map((b) => b.callIds.length)).toEqual([2, 2]);
  });

  it.each([
    [100, 'dagre'],
    [1000, 'barycenter'],
  ] as const)('lays out a %d-call layered plan (%s ordering or better) with far fewer crossings than the order of calls', (n, method) => {
    const parsed = parsePlan(layeredPlan({ calls: n }));
    if (!parsed.ok) throw new Error('layered plan is invalid');
    const plan = parsed.plan;
    const order = orderColumns(plan);
    if (method === 'barycenter') expect(order.method).toBe('barycenter');
    else expect(['dagre', 'dagre+barycenter', 'barycenter']).toContain(order.method);
    const naive = orderColumns(plan, 'calls').crossings;
    expect(order.crossings).toBeLessThan(naive * 0.7);
    expect(countCrossings(plan, layoutPlan(plan).nodes)).toBe(order.crossings);
  });
});

describe('counting crossings', () => {
  it.each([
    ['two edges in an X', [edge('a', 'd'), edge('b', 'c')], 1],
    ['two parallel edges', [edge('a', 'c'), edge('b', 'd')], 0],
    ['edges sharing an upstream', [edge('a', 'c'), edge('a', 'd')], 0],
    ['edges sharing a downstream', [edge('a', 'd'), edge('b', 'd')], 0],
  ])('counts %s', (_name, dependencies, expected) => {
    const plan = { calls: calls('a', 'b', 'c', 'd'), dependencies };
    const nodes = [
      { id: 'a', y: 0 },
      { id: 'b', y: 1 },
      { id: 'c', y: 0 },
      { id: 'd', y: 1 },
    ];
    expect(countCrossings(plan, nodes)).toBe(expected);
  });

  it('counts an edge spanning two waves where it passes the column between', () => {
    // a → m → z is wave 0 → 1 → 2; b → z skips wave 1, passing it between m and n. With m on top nothing
    // crosses; with m below, a → m crosses both of b's edges.
    const plan = { calls: calls('a', 'b', 'm', 'n', 'z'), dependencies: [edge('a', 'm'), edge('m', 'z'), edge('b', 'z'), edge('b', 'n')] };
    const at = (ys: Record<string, number>) => Object.entries(ys).map(([id, y]) => ({ id, y }));
    expect(countCrossings(plan, at({ a: 0, b: 1, m: 0, n: 1, z: 0 }))).toBe(0);
    expect(countCrossings(plan, at({ a: 0, b: 1, m: 1, n: 0, z: 0 }))).toBe(2);
  });
});

describe('applyLayout and needsLayout', () => {
  const plan = (): Plan => {
    const r = parsePlan({
      format: 'toolwave.plan',
      version: 1,
      name: 'x',
      calls: calls('a', 'b', 'c').map((c) => ({ ...c, tool: 't', latency: { kind: 'fixed', ms: 1 } })),
      dependencies: [edge('a', 'c')],
    });
    if (!r.ok) throw new Error('invalid');
    return r.plan;
  };

  it('says a plan without positions needs a layout, and a laid-out one does not', () => {
    expect(needsLayout(plan())).toBe(true);
    expect(needsLayout(applyLayout(plan()))).toBe(false);
    expect(needsLayout({ calls: [] })).toBe(false);
  });

  it('sets every call’s position to where layoutPlan puts it, and the plan stays valid', () => {
    const laid = applyLayout(plan());
    const { nodes } = layoutPlan(plan());
    expect(laid.calls.map((c) => c.position)).toEqual(nodes.map((n) => ({ x: n.x, y: n.y })));
    const again = parsePlan(JSON.parse(JSON.stringify(laid)));
    expect(again.ok && again.plan).toStrictEqual(laid);
  });
});

describe('waveBands', () => {
  const plan = {
    settings: { strategy: 'waves' as const },
    calls: calls('a', 'b', 'c'),
    dependencies: [edge('a', 'c'), edge('b', 'c')],
  };
  const size = { width: 100, height: 50 };

  it('spans each wave’s nodes where they are now, with padding and room for the label', () => {
    const bands = waveBands(plan, { a: { x: 0, y: 0 }, b: { x: 20, y: 200 }, c: { x: 400, y: 90 } }, size, {
      bandPadding: 10,
      bandHeader: 30,
    });
    expect(bands).toEqual([
      { wave: 0, label: 'Wave 1 · model turn 1', x: -10, y: -40, width: 140, height: 300, callIds: ['a', 'b'] },
      { wave: 1, label: 'Wave 2 · model turn 2', x: 390, y: 50, width: 120, height: 100, callIds: ['c'] },
    ]);
  });

  it('labels bands "Wave n" under strategies other than waves', () => {
    const bands = waveBands({ ...plan, settings: { strategy: 'eager' } }, { a: { x: 0, y: 0 }, c: { x: 1, y: 1 } }, size);
    expect(bands.map((b) => b.label)).toEqual(['Wave 1', 'Wave 2']);
  });

  it('takes a call’s own position when none is given, and leaves out a call with neither', () => {
    const withOwn = { ...plan, calls: [{ id: 'a', position: { x: 5, y: 5 } }, { id: 'b' }, { id: 'c' }] };
    const bands = waveBands(withOwn, new Map([['c', { x: 300, y: 0 }]]), size);
    expect(bands.map((b) => b.callIds)).toEqual([['a'], ['c']]);
  });

  it('accepts a size per node and waves computed beforehand', () => {
    const bands = waveBands(
      plan,
      { a: { x: 0, y: 0 }, b: { x: 0, y: 100 } },
      (id) => (id === 'b' ? { width: 300, height: 10 } : undefined),
      { bandPadding: 0, bandHeader: 0, waves: [0, 0, 1] },
    );
    // a has no size of its own: it takes the default node size (232 × 116).
    expect(bands).toEqual([
      { wave: 0, label: 'Wave 1 · model turn 1', x: 0, y: 0, width: 300, height: DEFAULT_LAYOUT.nodeHeight, callIds: ['a', 'b'] },
    ]);
  });

  it('matches the bands of the auto-layout around the laid-out nodes', () => {
    const layout = layoutPlan(plan);
    const live = waveBands(plan, Object.fromEntries(layout.nodes.map((n) => [n.id, { x: n.x, y: n.y }])), {
      width: DEFAULT_LAYOUT.nodeWidth,
      height: DEFAULT_LAYOUT.nodeHeight,
    });
    expect(live.map((b) => [b.x, b.width, b.callIds])).toEqual(layout.bands.map((b) => [b.x, b.width, b.callIds]));
  });
});
