// Auto-layout by waves with dagre's crossing minimisation as one of the starting orders (layout-core.ts has the rest).
// Loaded on demand by the Auto-layout command, imports, example and lesson openings, the CLI and tests; the first
// screen places plans with layout-core.ts alone, so the layout library is not part of the first load.
import { Graph as DagreGraph, layout as dagreLayout, type EdgeLabel, type NodeLabel } from '@dagrejs/dagre';
import * as core from './layout-core';
import { naiveColumns, type LayoutGraph, type LayoutInput, type LayoutOptions, type PlanLayout } from './layout-core';
import type { Plan } from './schema';

export * from './layout-core';

interface DagreGraphLabel {
  rankdir: 'LR';
  nodesep: number;
  ranksep: number;
  /** A ranker function is dagre's documented hook (RankerFunction); its GraphLabel type only lists the named ones. */
  ranker: (graph: DagreGraph<DagreGraphLabel, NodeLabel, EdgeLabel>) => void;
}

/**
 * Dagre's crossing minimisation with its ranks pinned to our waves. Edges carry `minlen = wave[to] − wave[from]`,
 * and a ranker function assigns rank = 2 × wave (dagre doubles every minlen to make room for edge labels, and its
 * later phases expect an edge to span at least two ranks). Its own network-simplex ranker took ~10 s at 1,000
 * calls and gives the waves only up to a shift per connected component. Returns null if dagre disagreed.
 */
function dagreColumns(g: LayoutGraph): number[][] | null {
  const n = g.ids.length;
  // Dagre's graph keeps nodes in plain objects: ids like "constructor" would collide, so it sees n0, n1, … instead.
  const name = (i: number) => `n${i}`;
  const graph = new DagreGraph<DagreGraphLabel, NodeLabel, EdgeLabel>();
  graph.setGraph({
    rankdir: 'LR',
    nodesep: 20,
    ranksep: 40,
    ranker: (ranked) => {
      for (const v of ranked.nodes()) {
        const label = ranked.node(v);
        const i = /^n\d+$/.test(v) ? Number(v.slice(1)) : -1;
        // Dagre's nesting root (the only node that is not ours) goes before wave 0; it is removed before ordering.
        label.rank = i >= 0 && i < n ? 2 * g.waves[i] : -2;
      }
    },
  });
  for (let i = 0; i < n; i++) graph.setNode(name(i), { width: 1, height: 1 });
  g.adj.downstream.forEach((outs, u) => {
    for (const v of outs) graph.setEdge(name(u), name(v), { minlen: g.waves[v] - g.waves[u] });
  });
  dagreLayout(graph);
  const order = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const label = graph.node(name(i));
    if (label.rank !== 2 * g.waves[i] || typeof label.order !== 'number') return null;
    order[i] = label.order;
  }
  return naiveColumns(g).map((column) => column.sort((p, q) => order[p] - order[q] || p - q));
}

/** orderColumns with dagre's ordering among the candidates. */
export const orderColumns = (plan: LayoutInput, ordering: LayoutOptions['ordering'] = 'auto') =>
  core.orderColumns(plan, ordering, dagreColumns);

/** layoutPlan with dagre's ordering among the candidates. */
export const layoutPlan = (plan: LayoutInput, options: Partial<LayoutOptions> = {}): PlanLayout =>
  core.layoutPlan(plan, options, dagreColumns);

/** applyLayout with dagre's ordering among the candidates. */
export const applyLayout = (plan: Plan, options: Partial<LayoutOptions> = {}): Plan => core.applyLayout(plan, options, dagreColumns);
