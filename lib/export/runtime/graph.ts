// The plan's dependency graph, worked out once per run: edges by call index, graph waves, the sequential order.
// Mirrors how Toolwave orders calls; it assumes a valid plan (ids unique, edges resolvable, no cycle).
import type { PlanSpec } from './types';

export interface Graph {
  n: number;
  index: Map<string, number>;
  /** Per call, its upstreams; `blocks` when a failure there skips this call (required, and not `ignore`). */
  up: { from: number; optional: boolean; blocks: boolean }[][];
  down: { to: number; blocks: boolean }[][];
  /** 0 without upstream, else 1 + the highest wave of its upstreams. */
  wave: number[];
  /** Call indices per wave, in plan order. */
  waves: number[][];
  /** Kahn's order, always taking the ready call that comes first in the plan (one call per turn under `sequential`). */
  seqOrder: number[];
}

export function buildGraph(plan: PlanSpec): Graph {
  const n = plan.calls.length;
  const index = new Map<string, number>();
  plan.calls.forEach((c, i) => index.set(c.id, i));
  const up: Graph['up'] = plan.calls.map(() => []);
  const down: Graph['down'] = plan.calls.map(() => []);
  plan.calls.forEach((c, i) => {
    for (const need of c.needs) {
      const from = index.get(need.id);
      if (from === undefined) throw new Error(`call ${c.id} needs ${need.id}, which is not a call of this plan`);
      const blocks = !need.optional && plan.calls[from].onFailure !== 'ignore';
      up[i].push({ from, optional: need.optional, blocks });
      down[from].push({ to: i, blocks });
    }
  });

  const indegree = up.map((u) => u.length);
  const ready: number[] = [];
  for (let i = 0; i < n; i++) if (indegree[i] === 0) ready.push(i);
  const seqOrder: number[] = [];
  while (ready.length > 0) {
    let at = 0;
    for (let k = 1; k < ready.length; k++) if (ready[k] < ready[at]) at = k;
    const v = ready.splice(at, 1)[0];
    seqOrder.push(v);
    for (const d of down[v]) if (--indegree[d.to] === 0) ready.push(d.to);
  }
  if (seqOrder.length !== n) throw new Error('the plan has a dependency cycle');

  const wave = new Array<number>(n).fill(0);
  for (const v of seqOrder) for (const u of up[v]) wave[v] = Math.max(wave[v], wave[u.from] + 1);
  const waves: number[][] = [];
  for (let i = 0; i < n; i++) (waves[wave[i]] ??= []).push(i);
  return { n, index, up, down, wave, waves, seqOrder };
}
