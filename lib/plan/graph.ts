// Graph algorithms over a plan's calls and dependencies: cycles, topological order, waves, critical path.
// Pure and iterative (no recursion), so a 20,000-call chain cannot overflow the stack.

export interface Edge {
  from: string;
  to: string;
}

/**
 * A cycle as a closed path of ids (`['search', 'fetch', 'search']`), or null when the graph is acyclic.
 * Edges naming unknown ids are ignored (the schema reports those).
 */
export function findCycle(ids: readonly string[], edges: readonly Edge[]): string[] | null {
  const index = new Map<string, number>();
  ids.forEach((id, i) => index.set(id, i));
  const n = ids.length;
  const out: number[][] = Array.from({ length: n }, () => []);
  for (const e of edges) {
    const a = index.get(e.from);
    const b = index.get(e.to);
    if (a !== undefined && b !== undefined) out[a].push(b);
  }
  // 0 = unvisited, 1 = on the DFS stack, 2 = done.
  const state = new Uint8Array(n);
  const parent = new Int32Array(n).fill(-1);
  const cursor = new Int32Array(n);
  for (let root = 0; root < n; root++) {
    if (state[root] !== 0) continue;
    const stack = [root];
    state[root] = 1;
    while (stack.length > 0) {
      const v = stack[stack.length - 1];
      if (cursor[v] < out[v].length) {
        const w = out[v][cursor[v]++];
        if (state[w] === 0) {
          state[w] = 1;
          parent[w] = v;
          stack.push(w);
        } else if (state[w] === 1) {
          // Back edge v → w: the cycle is w → … → v → w.
          const path: number[] = [v];
          for (let u = v; u !== w;) {
            u = parent[u];
            path.push(u);
          }
          path.reverse();
          path.push(w);
          return path.map((i) => ids[i]);
        }
      } else {
        state[v] = 2;
        stack.pop();
      }
    }
  }
  return null;
}

/** Cycles up to this many calls are named in full; longer ones by their length, first calls and closing edge. */
const CYCLE_IN_FULL = 10;
const CYCLE_HEAD = 5;

/**
 * A closed path (`[a, b, c, a]`) for a one-line message after `lead`: `cycle: a → b → c → a`, or, past
 * CYCLE_IN_FULL calls, `cycle of 20000 calls: a → b → c → d → e → … → z → a` (the last call names the closing edge).
 */
export function describeCycle(cycle: readonly string[], lead = 'cycle'): string {
  const calls = cycle.length - 1;
  if (calls <= CYCLE_IN_FULL) return `${lead}: ${cycle.join(' → ')}`;
  const shown = [...cycle.slice(0, CYCLE_HEAD), '…', cycle[calls - 1], cycle[calls]];
  return `${lead} of ${calls} calls: ${shown.join(' → ')}`;
}

/** Upstream and downstream adjacency by call index, in dependency order. */
export interface Adjacency {
  upstream: number[][];
  downstream: number[][];
  /** Parallel to upstream: whether that edge is optional. */
  upstreamOptional: boolean[][];
}

export function adjacency(ids: readonly string[], edges: readonly (Edge & { optional?: boolean })[]): Adjacency {
  const index = new Map<string, number>();
  ids.forEach((id, i) => index.set(id, i));
  const upstream: number[][] = ids.map(() => []);
  const downstream: number[][] = ids.map(() => []);
  const upstreamOptional: boolean[][] = ids.map(() => []);
  for (const e of edges) {
    const a = index.get(e.from);
    const b = index.get(e.to);
    if (a === undefined || b === undefined) continue;
    downstream[a].push(b);
    upstream[b].push(a);
    upstreamOptional[b].push(e.optional === true);
  }
  return { upstream, downstream, upstreamOptional };
}

/**
 * Kahn's algorithm that always takes, among the ready calls, the one first in `calls` (the `sequential` strategy's order).
 * Assumes an acyclic graph.
 */
export function topologicalOrder(adj: Adjacency): number[] {
  const n = adj.upstream.length;
  const indegree = adj.upstream.map((u) => u.length);
  // A binary min-heap of indices.
  const heap: number[] = [];
  const push = (v: number) => {
    heap.push(v);
    let i = heap.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (heap[p] <= heap[i]) break;
      [heap[p], heap[i]] = [heap[i], heap[p]];
      i = p;
    }
  };
  const pop = (): number => {
    const top = heap[0];
    const last = heap.pop() as number;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && heap[l] < heap[m]) m = l;
        if (r < heap.length && heap[r] < heap[m]) m = r;
        if (m === i) break;
        [heap[m], heap[i]] = [heap[i], heap[m]];
        i = m;
      }
    }
    return top;
  };
  for (let i = 0; i < n; i++) if (indegree[i] === 0) push(i);
  const order: number[] = [];
  while (heap.length > 0) {
    const v = pop();
    order.push(v);
    for (const w of adj.downstream[v]) if (--indegree[w] === 0) push(w);
  }
  return order;
}

/** docs/engine.md#the-wave-of-a-call: a call's wave is 0 without upstreams, else 1 + the highest wave of its upstreams (optional edges count). */
export function computeWaves(adj: Adjacency, order: readonly number[] = topologicalOrder(adj)): number[] {
  const wave = new Array<number>(adj.upstream.length).fill(0);
  for (const v of order) {
    let w = 0;
    for (const u of adj.upstream[v]) if (wave[u] + 1 > w) w = wave[u] + 1;
    wave[v] = w;
  }
  return wave;
}

/**
 * The longest path by weight (e.g. fixed latency): its total and the call indices on it, first to last.
 * Ties go to the call that comes first in `calls`.
 */
export function criticalPath(
  adj: Adjacency,
  weight: readonly number[],
  order: readonly number[] = topologicalOrder(adj),
): { length: number; path: number[] } {
  const n = adj.upstream.length;
  const finish = new Float64Array(n);
  const via = new Int32Array(n).fill(-1);
  for (const v of order) {
    let start = 0;
    for (const u of adj.upstream[v]) {
      if (via[v] === -1 || finish[u] > start || (finish[u] === start && u < via[v])) {
        start = finish[u];
        via[v] = u;
      }
    }
    finish[v] = start + weight[v];
  }
  let end = -1;
  for (let i = 0; i < n; i++) if (end === -1 || finish[i] > finish[end]) end = i;
  if (end === -1) return { length: 0, path: [] };
  const path: number[] = [];
  for (let v = end; v !== -1; v = via[v]) path.push(v);
  path.reverse();
  return { length: finish[end], path };
}
