// The latency preview's numbers, computed analytically from the distribution (never sampled):
// a density curve, p50 and p95, and the share of attempts a timeout would cut. Pure; tested in density.test.ts.
import type { Latency } from '@/lib/plan';
import { Z95 } from '@/lib/engine/random';

export interface DensityPoint {
  x: number;
  y: number;
}

export interface LatencyShape {
  /** `spike` for a fixed latency (all mass at one instant), else a density curve. */
  kind: 'spike' | 'curve';
  /** Points of the density from 0 to maxX, in ms and 1/ms (y unscaled). */
  points: DensityPoint[];
  p50: number;
  p95: number;
  /** Right edge of the preview's x axis, in ms. */
  maxX: number;
}

/** Standard normal CDF, Abramowitz & Stegun 7.1.26 through erf (|error| < 1.5e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-x * x);
  return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

/** μ and σ of ln X for a lognormal given by its median and 95th percentile (as the engine reads it). */
export function lognormalParams(p50Ms: number, p95Ms: number): { mu: number; sigma: number } {
  return { mu: Math.log(p50Ms), sigma: Math.log(p95Ms / p50Ms) / Z95 };
}

export function lognormalPdf(x: number, mu: number, sigma: number): number {
  if (x <= 0) return 0;
  const z = (Math.log(x) - mu) / sigma;
  return Math.exp(-0.5 * z * z) / (x * sigma * Math.sqrt(2 * Math.PI));
}

/** P(latency > t): the share of attempts a per-attempt timeout of t ms would cut (strictly longer, docs/engine.md#faults-one-attempt-at-a-time). */
export function shareLongerThan(l: Latency, t: number): number {
  switch (l.kind) {
    case 'fixed':
      return l.ms > t ? 1 : 0;
    case 'uniform': {
      if (l.maxMs === l.minMs) return l.minMs > t ? 1 : 0;
      return Math.min(1, Math.max(0, (l.maxMs - t) / (l.maxMs - l.minMs)));
    }
    case 'lognormal': {
      if (t <= 0) return 1;
      const { mu, sigma } = lognormalParams(l.p50Ms, l.p95Ms);
      return 1 - normalCdf((Math.log(t) - mu) / sigma);
    }
  }
}

/** How far the axis stretches to show a timeout: just past it, but never beyond `limit` (it is then off the chart). */
function reach(timeoutMs: number | null, limit: number): number {
  return timeoutMs === null ? 0 : Math.min(timeoutMs * 1.08, limit);
}

/** The preview's shape with `samples` points; the x axis ends a little past the 99th percentile, or past a timeout that is not too far out. */
export function latencyShape(l: Latency, samples = 96, timeoutMs: number | null = null): LatencyShape {
  switch (l.kind) {
    case 'fixed': {
      const maxX = Math.max(l.ms * 1.5, reach(timeoutMs, Math.max(l.ms, 1) * 4), 1);
      return { kind: 'spike', points: [{ x: l.ms, y: 1 }], p50: l.ms, p95: l.ms, maxX };
    }
    case 'uniform': {
      const width = l.maxMs - l.minMs;
      const maxX = Math.max(l.maxMs + Math.max(width, l.maxMs) * 0.15, reach(timeoutMs, Math.max(l.maxMs, 1) * 3), 1);
      const p50 = l.minMs + width / 2;
      const p95 = l.minMs + width * 0.95;
      if (width === 0) return { kind: 'spike', points: [{ x: l.minMs, y: 1 }], p50, p95, maxX };
      const h = 1 / width;
      const points = [
        { x: 0, y: 0 },
        { x: l.minMs, y: 0 },
        { x: l.minMs, y: h },
        { x: l.maxMs, y: h },
        { x: l.maxMs, y: 0 },
        { x: maxX, y: 0 },
      ];
      return { kind: 'curve', points, p50, p95, maxX };
    }
    case 'lognormal': {
      const { mu, sigma } = lognormalParams(l.p50Ms, l.p95Ms);
      const p99 = Math.exp(mu + 2.3263478740408408 * sigma);
      // A very wide distribution would squash the body into the first pixels: cut the axis at 4 × p95.
      const tail = Math.min(p99 * 1.1, l.p95Ms * 4);
      const maxX = Math.max(tail, reach(timeoutMs, l.p95Ms * 6));
      const points: DensityPoint[] = [];
      for (let i = 0; i <= samples; i++) {
        const x = (maxX * i) / samples;
        points.push({ x, y: lognormalPdf(x, mu, sigma) });
      }
      return { kind: 'curve', points, p50: l.p50Ms, p95: l.p95Ms, maxX };
    }
  }
}
