// What the canvas derives from a plan's graph: each call's wave and the critical path by typical latency.
// Pure and linear in calls + edges, so it can run on every plan change.
import { typicalLatencyMs } from '@/lib/plan/latency';
import type { Plan } from '@/lib/plan';
import { adjacency, computeWaves, criticalPath, topologicalOrder } from '@/lib/plan/graph';

export interface XY {
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

/** The id React Flow knows a dependency by. */
export function edgeId(from: string, to: string): string {
  return `${from}->${to}`;
}

export interface PlanModel {
  /** Graph wave (0-based) by index in `calls`. */
  waves: number[];
  /** Graph wave (0-based) by call id. */
  waveOf: Map<string, number>;
  waveCount: number;
  /** Calls on the longest path by typical latency. */
  criticalCalls: Set<string>;
  /** Edge ids (edgeId) on that path. */
  criticalEdges: Set<string>;
  /** The critical path's ids, first to last, and its typical length. */
  criticalPath: string[];
  criticalMs: number;
}

type GraphInput = Pick<Plan, 'calls' | 'dependencies'>;

/** Waves and the critical path of a plan (assumed acyclic, as every plan in the store is). */
export function planModel(plan: GraphInput): PlanModel {
  const ids = plan.calls.map((c) => c.id);
  const adj = adjacency(ids, plan.dependencies);
  const order = topologicalOrder(adj);
  const waves = computeWaves(adj, order);
  const waveOf = new Map<string, number>();
  let waveCount = 0;
  ids.forEach((id, i) => {
    waveOf.set(id, waves[i]);
    if (waves[i] + 1 > waveCount) waveCount = waves[i] + 1;
  });
  const weights = plan.calls.map((c) => typicalLatencyMs(c.latency));
  const cp = criticalPath(adj, weights, order);
  const path = cp.path.map((i) => ids[i]);
  const criticalEdges = new Set<string>();
  for (let i = 1; i < path.length; i++) criticalEdges.add(edgeId(path[i - 1], path[i]));
  // A plan whose calls all take no time has no meaningful critical path: mark nothing.
  const marked = cp.length > 0 && path.length > 0;
  return {
    waves,
    waveOf,
    waveCount,
    criticalCalls: marked ? new Set(path) : new Set(),
    criticalEdges: marked ? criticalEdges : new Set(),
    criticalPath: marked ? path : [],
    criticalMs: cp.length,
  };
}
