// Turns observed durations and outcomes into a call's latency and faults: a lognormal fitted to the observed
// p50/p95 (or fixed/uniform where the data cannot carry one), and fault probabilities equal to the observed shares.
import type { Fault, Latency } from '../plan/schema';

/** Latency given to a call whose source records no timing at all. */
export const DEFAULT_LATENCY_MS = 500;
/** Per-attempt timeout given to a call that timed out in an untimed source. */
export const DEFAULT_TIMEOUT_MS = 30_000;
/** Fewest timed samples a lognormal is fitted to. */
export const MIN_LOGNORMAL_SAMPLES = 3;

/** Milliseconds rounded to the microsecond: clock noise off, no real precision lost. */
export const roundMs = (ms: number): number => Math.round(ms * 1000) / 1000;

/** Nearest-rank percentile of ascending samples (the rank the CLI's statistics use too). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1];
}

export type LatencyFit = { latency: Latency; how: 'lognormal' | 'fixed-equal' | 'fixed-one' | 'fixed-flat' | 'uniform' | 'default' };

/**
 * A latency for these samples: none → the default, fixed; one, or all equal → fixed; at least three with
 * 0 < p50 < p95 → lognormal with that p50 and p95; p50 = p95 (a spike past the 95th) → fixed at the median;
 * otherwise (two samples, or a median of 0) → uniform over the range seen.
 */
export function fitLatency(samples: readonly number[]): LatencyFit {
  const xs = samples
    .filter((x) => Number.isFinite(x) && x >= 0)
    .map(roundMs)
    .sort((a, b) => a - b);
  if (xs.length === 0) return { latency: { kind: 'fixed', ms: DEFAULT_LATENCY_MS }, how: 'default' };
  if (xs.length === 1) return { latency: { kind: 'fixed', ms: xs[0] }, how: 'fixed-one' };
  const min = xs[0];
  const max = xs[xs.length - 1];
  if (min === max) return { latency: { kind: 'fixed', ms: min }, how: 'fixed-equal' };
  const p50 = percentile(xs, 50);
  const p95 = percentile(xs, 95);
  if (xs.length >= MIN_LOGNORMAL_SAMPLES && p50 > 0 && p95 > p50)
    return { latency: { kind: 'lognormal', p50Ms: p50, p95Ms: p95 }, how: 'lognormal' };
  if (xs.length >= MIN_LOGNORMAL_SAMPLES && p50 === p95 && p50 > 0) return { latency: { kind: 'fixed', ms: p50 }, how: 'fixed-flat' };
  return { latency: { kind: 'uniform', minMs: min, maxMs: max }, how: 'uniform' };
}

/** How often one kind of failure happened, over every attempt of a call in every run. */
export interface FailureShare {
  kind: 'error' | 'timeout';
  /** The error's message (the first one seen); ignored for timeouts. */
  message: string;
  count: number;
  /** A retry followed this failure at least once: it was treated as retryable. */
  retried: boolean;
}

/**
 * Faults whose outcomes happen with exactly the observed shares. Faults are rolled independently and the first that
 * fires decides the attempt, so each later fault's probability is its share divided by what the earlier ones leave:
 * p_i = share_i / (1 − share_1 − … − share_{i−1}). Timeouts come first, then errors by how often they happened.
 */
export function faultsForShares(failures: readonly FailureShare[], attempts: number): Fault[] {
  if (attempts <= 0) return [];
  const ordered = [...failures]
    .filter((f) => f.count > 0)
    .sort((a, b) => (a.kind === b.kind ? b.count - a.count : a.kind === 'timeout' ? -1 : 1));
  const out: Fault[] = [];
  let left = 1;
  for (const f of ordered) {
    const share = f.count / attempts;
    const p = left <= 0 ? 1 : Math.min(1, share / left);
    left -= share;
    const probability = Math.round(p * 1e9) / 1e9;
    out.push(
      f.kind === 'timeout' ? { kind: 'timeout', probability } : { kind: 'error', message: f.message, retryable: f.retried, probability },
    );
  }
  return out;
}

/** Faults that replay one run exactly: each failed attempt's failure fires on that attempt number. */
export function faultsForAttempts(attempts: readonly ({ kind: 'error' | 'timeout'; message: string; retried: boolean } | null)[]): Fault[] {
  const groups = new Map<string, { kind: 'error' | 'timeout'; message: string; retried: boolean; on: number[] }>();
  attempts.forEach((a, i) => {
    if (a === null) return;
    const key = a.kind === 'timeout' ? 'timeout' : `error:${a.message}`;
    const g = groups.get(key) ?? { kind: a.kind, message: a.message, retried: false, on: [] };
    g.on.push(i + 1);
    g.retried ||= a.retried;
    groups.set(key, g);
  });
  return [...groups.values()].map((g) =>
    g.kind === 'timeout'
      ? { kind: 'timeout', onAttempts: g.on }
      : { kind: 'error', message: g.message, retryable: g.retried, onAttempts: g.on },
  );
}
