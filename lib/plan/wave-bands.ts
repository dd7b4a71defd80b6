// The wave bands drawn behind the canvas's calls: per graph wave, the box around wherever its calls are now, labelled
// with its wave (and model turn). Pure geometry over positions and sizes; never reads the DOM.
import { DEFAULT_LAYOUT, type LayoutInput, type Point, type WaveBand } from './layout-core';
import { adjacency, computeWaves, topologicalOrder } from './graph';
import type { Strategy } from './schema';

/** Each call's graph wave, by index in `calls`. */
function wavesOf(plan: LayoutInput): number[] {
  const adj = adjacency(
    plan.calls.map((c) => c.id),
    plan.dependencies,
  );
  return computeWaves(adj, topologicalOrder(adj));
}

/** "Wave 2 · model turn 2" under `waves` (each wave is one model turn); "Wave 2" otherwise. Waves are 0-based. */
export function waveLabel(wave: number, strategy: Strategy): string {
  return strategy === 'waves' ? `Wave ${wave + 1} · model turn ${wave + 1}` : `Wave ${wave + 1}`;
}

export interface NodeSize {
  width: number;
  height: number;
}

export interface LiveWaveBand extends WaveBand {
  /** `Wave n · model turn n` under the `waves` strategy, else `Wave n` (n from 1). */
  label: string;
}

export interface WaveBandOptions {
  bandPadding: number;
  bandHeader: number;
  /** Each call's wave by index in `calls`, when the caller already has them (saves recomputing them on every drag). */
  waves?: readonly number[];
}

/**
 * The wave bands around wherever the nodes are now: per wave, the box spanning its nodes plus padding, with room for
 * the label on top. A call is placed by `positions[id]`, else its own `position`; a call with neither is left out,
 * and a wave with no placed call has no band. Bands may overlap when the user drags nodes across them.
 */
export function waveBands(
  plan: LayoutInput,
  positions: Readonly<Record<string, Point>> | ReadonlyMap<string, Point>,
  nodeSize: NodeSize | ((id: string) => NodeSize | undefined),
  options: Partial<WaveBandOptions> = {},
): LiveWaveBand[] {
  const pad = options.bandPadding ?? DEFAULT_LAYOUT.bandPadding;
  const header = options.bandHeader ?? DEFAULT_LAYOUT.bandHeader;
  const strategy = plan.settings?.strategy ?? 'waves';
  const waves = options.waves ?? wavesOf(plan);
  const at = (id: string): Point | undefined =>
    positions instanceof Map
      ? positions.get(id)
      : Object.hasOwn(positions, id)
        ? (positions as Readonly<Record<string, Point>>)[id]
        : undefined;
  const sizeOf = typeof nodeSize === 'function' ? nodeSize : () => nodeSize;

  interface Box {
    minX: number;
    minY: number;
    maxX: number;
    maxY: number;
    members: { id: string; x: number; y: number }[];
  }
  const boxes = new Map<number, Box>();
  plan.calls.forEach((call, i) => {
    const p = at(call.id) ?? call.position;
    const wave = waves[i];
    if (p === undefined || wave === undefined || !Number.isFinite(p.x) || !Number.isFinite(p.y)) return;
    const { width: w, height: h } = sizeOf(call.id) ?? { width: DEFAULT_LAYOUT.nodeWidth, height: DEFAULT_LAYOUT.nodeHeight };
    let box = boxes.get(wave);
    if (box === undefined) {
      box = { minX: p.x, minY: p.y, maxX: p.x + w, maxY: p.y + h, members: [] };
      boxes.set(wave, box);
    }
    box.minX = Math.min(box.minX, p.x);
    box.minY = Math.min(box.minY, p.y);
    box.maxX = Math.max(box.maxX, p.x + w);
    box.maxY = Math.max(box.maxY, p.y + h);
    box.members.push({ id: call.id, x: p.x, y: p.y });
  });
  return [...boxes.entries()]
    .sort(([a], [b]) => a - b)
    .map(([wave, box]) => ({
      wave,
      label: waveLabel(wave, strategy),
      x: box.minX - pad,
      y: box.minY - pad - header,
      width: box.maxX - box.minX + 2 * pad,
      height: box.maxY - box.minY + 2 * pad + header,
      callIds: box.members.sort((a, b) => a.y - b.y || a.x - b.x).map((m) => m.id),
    }));
}
