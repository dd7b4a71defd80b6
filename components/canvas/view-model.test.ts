// The plan as React Flow nodes and edges: what each node and edge says, and that unchanged ones keep their
// identity across edits (so React Flow skips them), the heart of the canvas's speed on large plans.
import { describe, expect, it } from 'vitest';
import { fixed, testPlan } from '@/lib/plan/test-examples';
import { connect, moveCalls, setEdgeOptional } from '@/lib/plan/edit';
import { layoutPlan } from '@/lib/plan/layout';
import { edgeId } from './model';
import { NODE_SIZE, buildView } from './view-model';

const NONE: ReadonlySet<string> = new Set();

const placed = testPlan({
  calls: [
    { id: 'search', tool: 'web_search', latency: fixed(300), position: { x: 0, y: 0 } },
    { id: 'fetch_a', tool: 'fetch_url', latency: fixed(500), position: { x: 300, y: 0 } },
    {
      id: 'fetch_b',
      tool: 'fetch_url',
      latency: fixed(100),
      position: { x: 300, y: 150 },
      faults: [{ kind: 'timeout', probability: 0.5 }],
    },
    { id: 'summary', tool: 'code_run', latency: fixed(200), position: { x: 600, y: 0 }, onFailure: 'abort' },
  ],
  dependencies: [
    { from: 'search', to: 'fetch_a' },
    { from: 'search', to: 'fetch_b' },
    { from: 'fetch_a', to: 'summary' },
    { from: 'fetch_b', to: 'summary', optional: true },
  ],
});

describe('buildView', () => {
  it('draws each call at its position with its wave, the critical path and an accessible name', () => {
    const v = buildView(null, placed, [], NONE);
    expect(v.nodes.map((n) => [n.id, n.position, n.data.wave, n.data.critical])).toEqual([
      ['search', { x: 0, y: 0 }, 0, true],
      ['fetch_a', { x: 300, y: 0 }, 1, true],
      ['fetch_b', { x: 300, y: 150 }, 1, false],
      ['summary', { x: 600, y: 0 }, 2, true],
    ]);
    const label = v.nodes[2].ariaLabel ?? '';
    expect(label).toContain('fetch_b');
    expect(label).toContain('tool fetch_url');
    expect(label).toContain('wave 2');
    expect(label).toContain('on failure degrade');
    expect(label).toContain('faults: timeout');
    expect(v.nodes[3].ariaLabel).toContain('on failure abort');
  });

  it('gives React Flow each node’s size and handles, so it never measures the DOM', () => {
    const [n] = buildView(null, placed, [], NONE).nodes;
    expect(n.measured).toEqual(NODE_SIZE);
    expect(n.handles?.map((h) => h.type)).toEqual(['target', 'source']);
  });

  it('draws optional edges dashed and the critical path marked', () => {
    const v = buildView(null, placed, [], NONE);
    const byId = new Map(v.edges.map((e) => [e.id, e]));
    expect(byId.get(edgeId('fetch_b', 'summary'))?.className).toContain('tw-edge--optional');
    expect(byId.get(edgeId('search', 'fetch_a'))?.className).toContain('tw-edge--critical');
    expect(byId.get(edgeId('search', 'fetch_b'))?.className).not.toContain('tw-edge--critical');
    expect(byId.get(edgeId('fetch_b', 'summary'))?.ariaLabel).toBe('Dependency: summary can use fetch_b (optional)');
  });

  it('marks the selected calls and edges', () => {
    const v = buildView(null, placed, ['fetch_a'], new Set([edgeId('search', 'fetch_b')]));
    expect(v.nodes.filter((n) => n.selected).map((n) => n.id)).toEqual(['fetch_a']);
    expect(v.edges.filter((e) => e.selected).map((e) => e.id)).toEqual([edgeId('search', 'fetch_b')]);
  });

  it('keeps every untouched node and edge object when one call moves', () => {
    const before = buildView(null, placed, [], NONE);
    const after = buildView(before, moveCalls(placed, { fetch_b: { x: 320, y: 180 } }), [], NONE);
    after.nodes.forEach((n, i) => (n.id === 'fetch_b' ? expect(n).not.toBe(before.nodes[i]) : expect(n).toBe(before.nodes[i])));
    expect(after.nodes[2].position).toEqual({ x: 320, y: 180 });
    expect(after.edges).toBe(before.edges);
  });

  it('keeps the very lists when nothing the canvas shows changed', () => {
    const before = buildView(null, placed, ['search'], NONE);
    const again = buildView(before, placed, ['search'], NONE);
    expect(again.nodes).toBe(before.nodes);
    expect(again.edges).toBe(before.edges);
  });

  it('renews only the edge that changed, and the nodes whose wave changed', () => {
    const before = buildView(null, placed, [], NONE);
    const toggled = buildView(before, setEdgeOptional(placed, 'search', 'fetch_b', true), [], NONE);
    expect(toggled.nodes).toBe(before.nodes);
    expect(toggled.edges.filter((e, i) => e !== before.edges[i]).map((e) => e.id)).toEqual([edgeId('search', 'fetch_b')]);
    const linked = connect(placed, 'fetch_b', 'fetch_a');
    if (!linked.ok) throw new Error(linked.reason);
    const rewaved = buildView(before, linked.plan, [], NONE);
    // fetch_a moves to wave 3 and summary to wave 4; fetch_b joins the critical path; search stays as it was.
    expect(rewaved.nodes.filter((n, i) => n !== before.nodes[i]).map((n) => [n.id, n.data.wave, n.data.critical])).toEqual([
      ['fetch_a', 2, true],
      ['fetch_b', 1, true],
      ['summary', 3, true],
    ]);
    expect(rewaved.nodes[0]).toBe(before.nodes[0]);
  });
});

describe('positions for a plan that arrived without them', () => {
  const unplaced = testPlan({
    calls: [
      { id: 'a', tool: 't', latency: fixed(1) },
      { id: 'b', tool: 't', latency: fixed(1) },
    ],
    dependencies: [{ from: 'a', to: 'b' }],
  });

  it('shows the wave layout’s positions', () => {
    const layout = layoutPlan(unplaced);
    const v = buildView(null, unplaced, [], NONE);
    expect(v.nodes.map((n) => n.position)).toEqual(layout.nodes.map((n) => ({ x: n.x, y: n.y })));
  });
});
