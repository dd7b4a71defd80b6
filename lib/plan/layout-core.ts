// Layout by waves: one column per graph wave, left to right, each column ordered to avoid edge crossings, re-spaced
// evenly and centred. Pure geometry over calls and edges; never reads the DOM. This module has no layout library: the
// crossing minimisation from dagre is added by layout.ts, which the Auto-layout command and imports load on demand,
// so the first screen does without it (see docs/plan-format.md, Positions). The bands around the calls: wave-bands.ts.
import { adjacency, computeWaves, topologicalOrder, type Adjacency } from './graph';
import { BOUNDS, type Plan, type Strategy, type ToolCall } from './schema';

export interface LayoutOptions {
  nodeWidth: number;
  nodeHeight: number;
  /** Horizontal space between two bands. */
  columnGap: number;
  /** Vertical space between two nodes of one column. */
  rowGap: number;
  /** Space between a band's edge and its nodes. */
  bandPadding: number;
  /** Room at the top of a band for its label. */
  bandHeader: number;
  /** `auto`: fewest edge crossings (dagre, with safety nets); `calls`: each column in the order of `calls`. */
  ordering: 'auto' | 'calls';
}

export const DEFAULT_LAYOUT: LayoutOptions = {
  nodeWidth: 232,
  nodeHeight: 116,
  columnGap: 40,
  rowGap: 18,
  bandPadding: 14,
  bandHeader: 36,
  ordering: 'auto',
};

/**
 * Dagre runs on the calls plus one dummy node per rank an edge crosses (ranks are twice the waves, see rankGraph).
 * Its ordering and coordinate phases grow faster than linearly: ~230 ms at 1,650 nodes (a 500-call layered plan) and
 * ~560 ms at 3,400 (1,000 calls) in Node. Above this size the layout orders columns with its own barycenter sweeps.
 */
export const DAGRE_MAX_NODES = 2000;

/** Above this many edge segments (an edge counts once per column gap it spans) crossings are not counted at all. */
const MAX_COUNTED_SEGMENTS = 1_000_000;

export interface LaidOutNode {
  id: string;
  /** Index in `calls`. */
  index: number;
  /** Graph wave, 0-based. */
  wave: number;
  /** Position of the node's top-left corner. */
  x: number;
  y: number;
}

export interface WaveBand {
  /** Graph wave, 0-based (the UI labels it wave + 1). */
  wave: number;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Call ids in the band, top to bottom. */
  callIds: string[];
}

export interface PlanLayout {
  nodes: LaidOutNode[];
  bands: WaveBand[];
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

/** What layout reads of a plan (a Plan fits). */
export interface LayoutInput {
  calls: readonly { id: string; position?: Point }[];
  dependencies: readonly { from: string; to: string; optional?: boolean }[];
  settings?: { strategy: Strategy };
}

/**
 * How the columns were ordered: dagre's crossing minimisation as is, dagre's refined by barycenter sweeps, sweeps from
 * the order of `calls` (plans too large for dagre, or where they did better), or the order of `calls` itself.
 */
export type OrderingMethod = 'dagre' | 'dagre+barycenter' | 'barycenter' | 'calls';

/** A plan as the layout sees it: ids, adjacency and each call's wave. */
export interface LayoutGraph {
  ids: string[];
  adj: Adjacency;
  waves: number[];
  waveCount: number;
}

function graphOf(plan: LayoutInput): LayoutGraph {
  const ids = plan.calls.map((c) => c.id);
  const adj = adjacency(ids, plan.dependencies);
  const waves = computeWaves(adj, topologicalOrder(adj));
  let waveCount = 0;
  for (const w of waves) if (w + 1 > waveCount) waveCount = w + 1;
  return { ids, adj, waves, waveCount };
}

/** Each wave's call indices in the order of `calls`. */
export function naiveColumns(g: LayoutGraph): number[][] {
  const columns: number[][] = Array.from({ length: g.waveCount }, () => []);
  g.waves.forEach((w, i) => columns[w].push(i));
  return columns;
}

/** Each node's row centre relative to its own column's centre (columns are centred, so these compare across columns). */
function centres(columns: readonly number[][], n: number): Float64Array {
  const y = new Float64Array(n);
  for (const column of columns) column.forEach((i, row) => (y[i] = row - (column.length - 1) / 2));
  return y;
}

function segmentCount(g: LayoutGraph): number {
  let total = 0;
  g.adj.downstream.forEach((outs, u) => {
    for (const v of outs) total += g.waves[v] - g.waves[u];
  });
  return total;
}

/** Pairs i < j with b[i] > b[j], by merge sort (O(m log m)). Sorts `b` in place. */
function inversions(b: Float64Array): number {
  const m = b.length;
  if (m < 2) return 0;
  let src: Float64Array = b;
  let dst: Float64Array = new Float64Array(m);
  let count = 0;
  for (let width = 1; width < m; width *= 2) {
    for (let lo = 0; lo < m; lo += 2 * width) {
      const mid = Math.min(lo + width, m);
      const hi = Math.min(lo + 2 * width, m);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) {
        if (src[j] < src[i]) {
          count += mid - i;
          dst[k++] = src[j++];
        } else {
          dst[k++] = src[i++];
        }
      }
      while (i < mid) dst[k++] = src[i++];
      while (j < hi) dst[k++] = src[j++];
    }
    [src, dst] = [dst, src];
  }
  return count;
}

/**
 * Edge crossings of the drawing with straight edges between node centres, columns one per wave and each column
 * centred: per gap between two adjacent columns, the pairs of edge segments whose vertical order flips (an edge
 * spanning several waves passes each column in between at its interpolated height). Touching ends are no crossing.
 */
function crossingsOf(g: LayoutGraph, y: Float64Array): number {
  const gaps: { l: number; r: number }[][] = Array.from({ length: Math.max(0, g.waveCount - 1) }, () => []);
  g.adj.downstream.forEach((outs, u) => {
    const a = g.waves[u];
    for (const v of outs) {
      const b = g.waves[v];
      const span = b - a;
      const at = (k: number) => (k === a ? y[u] : k === b ? y[v] : y[u] + ((y[v] - y[u]) * (k - a)) / span);
      for (let k = a; k < b; k++) gaps[k].push({ l: at(k), r: at(k + 1) });
    }
  });
  let total = 0;
  for (const segments of gaps) {
    segments.sort((p, q) => p.l - q.l || p.r - q.r);
    total += inversions(Float64Array.from(segments, (s) => s.r));
  }
  return total;
}

/** Edge crossings of a laid-out plan (see crossingsOf): use it to compare orderings; only the nodes' y order matters. */
export function countCrossings(plan: LayoutInput, nodes: readonly { id: string; y: number }[]): number {
  const g = graphOf(plan);
  const yById = new Map(nodes.map((n) => [n.id, n.y]));
  const columns = naiveColumns(g).map((column) =>
    [...column].sort((p, q) => (yById.get(g.ids[p]) ?? 0) - (yById.get(g.ids[q]) ?? 0) || p - q),
  );
  return crossingsOf(g, centres(columns, g.ids.length));
}

interface Ordered {
  columns: number[][];
  /** Crossings of `columns` (Infinity when not counted). */
  crossings: number;
}

/**
 * Alternating barycenter sweeps (down by the mean row of upstreams, up by that of downstreams), starting from `start`
 * and keeping the ordering with the fewest crossings seen, `start` included. Without `count`, runs four sweeps blind.
 */
function barycenterSweeps(g: LayoutGraph, start: number[][], count: boolean): Ordered {
  let columns = start;
  const y = centres(columns, g.ids.length);
  let best: Ordered = { columns, crossings: count ? crossingsOf(g, y) : Number.POSITIVE_INFINITY };
  let stale = 0;
  for (let sweep = 0; sweep < (count ? 12 : 4) && stale < 3 && best.crossings > 0; sweep++) {
    const down = sweep % 2 === 0;
    const neighbours = down ? g.adj.upstream : g.adj.downstream;
    columns = columns.map((c) => [...c]);
    for (let k = 0; k < g.waveCount; k++) {
      const column = columns[down ? k : g.waveCount - 1 - k];
      const key = new Map<number, number>();
      const row = new Map<number, number>();
      column.forEach((i, r) => {
        const ns = neighbours[i];
        key.set(i, ns.length === 0 ? y[i] : ns.reduce((sum, u) => sum + y[u], 0) / ns.length);
        row.set(i, r);
      });
      column.sort((p, q) => (key.get(p) as number) - (key.get(q) as number) || (row.get(p) as number) - (row.get(q) as number));
      column.forEach((i, r) => (y[i] = r - (column.length - 1) / 2));
    }
    if (!count) {
      best = { columns, crossings: Number.POSITIVE_INFINITY };
      continue;
    }
    const crossings = crossingsOf(g, y);
    if (crossings < best.crossings) {
      best = { columns, crossings };
      stale = 0;
    } else {
      stale++;
    }
  }
  return best;
}

/**
 * A starting order for the columns (each wave's call indices, top to bottom) from a crossing-minimising library, or
 * null if it has none for this graph. layout.ts supplies dagre's.
 */
export type ColumnSeeder = (g: LayoutGraph) => number[][] | null;

function dagreSize(g: LayoutGraph): number {
  return g.ids.length + 2 * segmentCount(g) - g.adj.downstream.reduce((s, outs) => s + outs.length, 0);
}

/**
 * The call indices of each wave, top to bottom, and how that order was found. `auto` keeps the order of `calls` when
 * nothing crosses in it; else it starts from dagre's ordering when the plan is small enough for it (DAGRE_MAX_NODES)
 * and refines it with barycenter sweeps where they remove crossings, also tries sweeps from the order of `calls` and
 * that order itself, and keeps the fewest crossings (ties in that order). So it is never worse than the naive order.
 */
export function orderColumns(
  plan: LayoutInput,
  ordering: LayoutOptions['ordering'] = 'auto',
  seeder?: ColumnSeeder,
): { columns: string[][]; method: OrderingMethod; crossings: number } {
  const g = graphOf(plan);
  const { columns, method, crossings } = orderGraph(g, ordering, seeder);
  return { columns: columns.map((c) => c.map((i) => g.ids[i])), method, crossings };
}

function orderGraph(g: LayoutGraph, ordering: LayoutOptions['ordering'], seeder?: ColumnSeeder): Ordered & { method: OrderingMethod } {
  const naive = naiveColumns(g);
  const edgeCount = g.adj.downstream.reduce((s, outs) => s + outs.length, 0);
  if (ordering === 'calls' || g.waveCount < 2 || edgeCount === 0) {
    return { columns: naive, method: 'calls', crossings: edgeCount === 0 ? 0 : crossingsOf(g, centres(naive, g.ids.length)) };
  }
  if (segmentCount(g) > MAX_COUNTED_SEGMENTS) return { ...barycenterSweeps(g, naive, false), method: 'barycenter' };
  // Nothing crosses in the order the calls are listed: keep it (stable for the user, and dagre costs ms even on tiny graphs).
  const naiveCrossings = crossingsOf(g, centres(naive, g.ids.length));
  if (naiveCrossings === 0) return { columns: naive, method: 'calls', crossings: 0 };
  const candidates: (Ordered & { method: OrderingMethod })[] = [];
  const fromDagre = seeder !== undefined && dagreSize(g) <= DAGRE_MAX_NODES ? seeder(g) : null;
  if (fromDagre !== null) {
    const refined = barycenterSweeps(g, fromDagre, true);
    candidates.push({ ...refined, method: refined.columns === fromDagre ? 'dagre' : 'dagre+barycenter' });
  }
  candidates.push({ ...barycenterSweeps(g, naive, true), method: 'barycenter' });
  candidates.push({ columns: naive, crossings: naiveCrossings, method: 'calls' });
  return candidates.reduce((best, c) => (c.crossings < best.crossings ? c : best));
}

/**
 * Places each wave in its own column, left to right (x from the wave), orders each column to avoid crossings
 * (orderColumns), spaces it evenly and centres it on the tallest one. Deterministic: the same plan, the same layout.
 */
export function layoutPlan(plan: LayoutInput, options: Partial<LayoutOptions> = {}, seeder?: ColumnSeeder): PlanLayout {
  const o: LayoutOptions = { ...DEFAULT_LAYOUT, ...options };
  const g = graphOf(plan);
  const { columns } = orderGraph(g, o.ordering, seeder);
  const { ids, waveCount } = g;

  const tallest = columns.reduce((m, c) => Math.max(m, c.length), 0);
  const pitch = o.nodeHeight + o.rowGap;
  const innerHeight = tallest === 0 ? 0 : tallest * o.nodeHeight + (tallest - 1) * o.rowGap;
  const bandHeight = o.bandHeader + innerHeight + 2 * o.bandPadding;
  const bandWidth = o.nodeWidth + 2 * o.bandPadding;

  const nodes: LaidOutNode[] = [];
  const bands: WaveBand[] = [];
  columns.forEach((column, wave) => {
    const bandX = wave * (bandWidth + o.columnGap);
    const columnHeight = column.length * o.nodeHeight + (column.length - 1) * o.rowGap;
    const top = o.bandHeader + o.bandPadding + (innerHeight - columnHeight) / 2;
    column.forEach((i, row) => {
      nodes.push({ id: ids[i], index: i, wave, x: bandX + o.bandPadding, y: top + row * pitch });
    });
    bands.push({ wave, x: bandX, y: 0, width: bandWidth, height: bandHeight, callIds: column.map((i) => ids[i]) });
  });
  nodes.sort((a, b) => a.index - b.index);

  const width = waveCount === 0 ? 0 : waveCount * bandWidth + (waveCount - 1) * o.columnGap;
  return { nodes, bands, width, height: waveCount === 0 ? 0 : bandHeight };
}

const clampCoordinate = (v: number) => Math.min(BOUNDS.maxCoordinate, Math.max(-BOUNDS.maxCoordinate, v));

/**
 * The call placed at `p` (held within BOUNDS.maxCoordinate, so a far drag or many pastes never make the plan invalid),
 * its keys kept in schema order (position, then plan) so exported files stay canonical.
 */
export function withPosition(call: ToolCall, p: Point): ToolCall {
  const { position: _old, plan: nested, ...rest } = call;
  void _old;
  const position = { x: clampCoordinate(p.x), y: clampCoordinate(p.y) };
  return nested === undefined ? { ...rest, position } : { ...rest, position, plan: nested };
}

/** The plan with every call's `position` set by layoutPlan (the top plan only; nested sub-agent plans are untouched). */
export function applyLayout(plan: Plan, options: Partial<LayoutOptions> = {}, seeder?: ColumnSeeder): Plan {
  const { nodes } = layoutPlan(plan, options, seeder);
  return { ...plan, calls: plan.calls.map((call, i) => withPosition(call, nodes[i])) };
}

/** True when some call has no position: the plan should be laid out before it is drawn. */
export function needsLayout(plan: { calls: readonly { position?: Point }[] }): boolean {
  return plan.calls.some((c) => c.position === undefined);
}
