// The read-only wave layout: one column per wave, left to right, deterministic, nothing overlapping.
import { describe, expect, it } from 'vitest';
import { DEFAULT_LAYOUT, layoutPlan } from './layout';

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
