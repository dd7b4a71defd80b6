// A deterministic read-only layout: one column per graph wave, left to right, with a band behind each column.
// Pure geometry over the plan's calls and edges; never reads stored positions or the DOM.
import { adjacency, computeWaves, topologicalOrder } from './graph';

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
}

export const DEFAULT_LAYOUT: LayoutOptions = {
  nodeWidth: 232,
  nodeHeight: 116,
  columnGap: 40,
  rowGap: 18,
  bandPadding: 14,
  bandHeader: 36,
};

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

interface LayoutInput {
  calls: readonly { id: string }[];
  dependencies: readonly { from: string; to: string; optional?: boolean }[];
}

/**
 * Places each wave in its own column. Wave 0 keeps the order of `calls`; a later wave orders its calls by the mean
 * row of their upstreams (fewer crossings), ties by order in `calls`. Columns are centred on the tallest one.
 */
export function layoutPlan(plan: LayoutInput, options: Partial<LayoutOptions> = {}): PlanLayout {
  const o: LayoutOptions = { ...DEFAULT_LAYOUT, ...options };
  const ids = plan.calls.map((c) => c.id);
  const adj = adjacency(ids, plan.dependencies);
  const waves = computeWaves(adj, topologicalOrder(adj));
  const waveCount = ids.length === 0 ? 0 : Math.max(...waves) + 1;

  const columns: number[][] = Array.from({ length: waveCount }, () => []);
  ids.forEach((_, i) => columns[waves[i]].push(i));

  // Row centre of each placed call, in "row units" relative to its own column's centre, so columns of different
  // heights compare fairly once centred.
  const centre = new Float64Array(ids.length);
  for (const column of columns) {
    const key = new Map<number, number>();
    for (const i of column) {
      const ups = adj.upstream[i];
      key.set(i, ups.length === 0 ? Number.POSITIVE_INFINITY : ups.reduce((sum, u) => sum + centre[u], 0) / ups.length);
    }
    if (column !== columns[0]) {
      column.sort((a, b) => {
        const ka = key.get(a) as number;
        const kb = key.get(b) as number;
        if (ka !== kb) return ka < kb ? -1 : 1;
        return a - b;
      });
    }
    column.forEach((i, row) => {
      centre[i] = row - (column.length - 1) / 2;
    });
  }

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
