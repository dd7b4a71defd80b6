// What the makespan chart draws, computed once per result: bins (shared by A and B so their bars line up), the
// time axis's unit and ticks. Pure and linear in the runs (100,000 sorted makespans bin in about a millisecond).
import { histogram } from '@/lib/engine/reliability';

export interface ChartBin {
  /** The bin's middle, ms: where its bar stands on the numeric axis. */
  mid: number;
  x0: number;
  x1: number;
  /** Runs of A (and of B) whose makespan falls in [x0, x1) (the last bin includes x1). */
  a: number;
  b: number;
}

export interface ChartData {
  bins: ChartBin[];
  /** The axis's domain, ms. */
  domain: [number, number];
  unit: 's' | 'ms';
  ticks: number[];
  /** The width of one bin, ms. */
  step: number;
}

/** Empty bins each side of a single value's bin. */
const PAD = 4;

/** Counts an ascending array into the bins `edges` describes (start, step, count), clamping the last edge in. */
function countInto(sorted: ArrayLike<number>, start: number, step: number, n: number): number[] {
  const out = new Array<number>(n).fill(0);
  for (let i = 0; i < sorted.length; i++) out[Math.max(0, Math.min(n - 1, Math.floor((sorted[i] - start) / step)))]++;
  return out;
}

/** A step of 1, 2, 2.5 or 5 × 10^k at least `raw`, for axis ticks. */
export function tickStep(raw: number): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const p = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= raw - 1e-9 * p) return m * p;
  return 10 * p;
}

/**
 * Round ticks inside [lo, hi], their number as close to `target` as a step of 1, 2, 2.5 or 5 × 10^k allows. Ticks
 * are counted from the first, never accumulated, and at most 10 × target are tried: where the step is finer than a
 * double's spacing at that magnitude (a narrow range far from 0), the ticks that collapse are dropped, not looped on.
 */
export function axisTicks(lo: number, hi: number, target = 5): number[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [Number.isFinite(lo) ? lo : 0];
  if (!(hi > lo)) return [lo];
  const range = hi - lo;
  if (!Number.isFinite(range)) return [lo, hi];
  const p = 10 ** Math.floor(Math.log10(range / target));
  let step = p;
  for (const m of [1, 2, 2.5, 5, 10]) if (Math.abs(range / (m * p) - target) <= Math.abs(range / step - target)) step = m * p;
  const out: number[] = [];
  const first = Math.ceil(lo / step);
  for (let i = 0; i <= 10 * target; i++) {
    const t = (first + i) * step;
    if (t > hi + step * 1e-9) break;
    const v = Number(t.toFixed(9));
    if (out.length === 0 || v > out[out.length - 1]) out.push(v);
  }
  return out;
}

/**
 * Bins for the makespans of A (and B, on the same edges): about `target` equal bins on round edges over both
 * ranges. Every makespan identical gives one bin around it, between empty ones, so its bar has a width to draw.
 */
export function chartData(a: ArrayLike<number>, b: ArrayLike<number> | null = null, target = 30): ChartData | null {
  const lo = Math.min(a.length > 0 ? a[0] : Infinity, b !== null && b.length > 0 ? b[0] : Infinity);
  const hi = Math.max(a.length > 0 ? a[a.length - 1] : -Infinity, b !== null && b.length > 0 ? b[b.length - 1] : -Infinity);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return null;
  let start: number;
  let step: number;
  let n: number;
  let only = -1;
  if (hi === lo) {
    // One value: its bin in the middle of a few empty ones, so the bar has a bin's width, not the whole chart's.
    step = Math.max(1, tickStep(Math.abs(lo) / 40));
    start = lo - step / 2 - PAD * step;
    n = 2 * PAD + 1;
    only = PAD;
  } else {
    // The library's histogram over the two ends gives the shared round edges.
    const edges = histogram([lo, hi], target);
    start = edges[0].x0;
    step = edges[0].x1 - edges[0].x0;
    n = edges.length;
  }
  // A alone: the library's histogram of its makespans, as is.
  const ca = b === null && only === -1 ? histogram(a, target).map((bin) => bin.count) : countInto(a, start, step, n);
  const cb = b === null ? null : countInto(b, start, step, n);
  const bins: ChartBin[] = ca.map((count, i) => ({
    x0: start + i * step,
    x1: start + (i + 1) * step,
    mid: start + (i + 0.5) * step,
    a: count,
    b: cb === null ? 0 : cb[i],
  }));
  const domain: [number, number] = [start, start + n * step];
  const unit = domain[1] >= 2000 ? 's' : 'ms';
  return { bins, domain, unit, ticks: axisTicks(domain[0], domain[1], 5), step };
}
