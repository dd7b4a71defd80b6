// Splitting runs across workers: contiguous shares in run order, as even as they come, none empty.
export interface Share {
  offset: number;
  count: number;
}

/** Runs [0, runs) in at most `workers` contiguous shares (the first ones one run longer when it does not divide). */
export function shard(runs: number, workers: number): Share[] {
  const w = Math.max(1, Math.min(Math.floor(workers), runs));
  if (runs <= 0) return [];
  const base = Math.floor(runs / w);
  const extra = runs - base * w;
  const out: Share[] = [];
  let offset = 0;
  for (let i = 0; i < w; i++) {
    const count = base + (i < extra ? 1 : 0);
    out.push({ offset, count });
    offset += count;
  }
  return out;
}

/**
 * Runs per progress message: about 40 ms of work, estimated from the plan's size (call-simulations per ms), at
 * least 50 runs and at most the share itself, so a message arrives well within each 50 ms frame budget.
 */
export function chunkSize(calls: number, share: number, callSimsPerMs = 4000): number {
  const runs = Math.floor((40 * callSimsPerMs) / Math.max(1, calls));
  return Math.max(1, Math.min(share, Math.max(50, runs)));
}
