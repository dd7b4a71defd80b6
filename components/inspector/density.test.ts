import { describe, expect, it } from 'vitest';
import { latencyShape, lognormalParams, lognormalPdf, normalCdf, shareLongerThan } from './density';

/** Trapezoid rule over the shape's points. */
function area(points: { x: number; y: number }[]): number {
  let a = 0;
  for (let i = 1; i < points.length; i++) a += ((points[i].x - points[i - 1].x) * (points[i].y + points[i - 1].y)) / 2;
  return a;
}

describe('normalCdf', () => {
  it.each([
    [0, 0.5],
    [1.6448536269514722, 0.95],
    [-1.6448536269514722, 0.05],
    [2.3263478740408408, 0.99],
  ])('Φ(%d) ≈ %d', (z, p) => {
    expect(normalCdf(z)).toBeCloseTo(p, 6);
  });
});

describe('lognormal', () => {
  it('puts the median at p50 and the 95th percentile at p95', () => {
    const { mu, sigma } = lognormalParams(600, 1500);
    expect(Math.exp(mu)).toBeCloseTo(600, 9);
    expect(Math.exp(mu + 1.6448536269514722 * sigma)).toBeCloseTo(1500, 6);
  });
  it('has a density that integrates to about 1', () => {
    const { mu, sigma } = lognormalParams(700, 2500);
    const pts = Array.from({ length: 20001 }, (_, i) => ({ x: (i * 60000) / 20000, y: 0 })).map((p) => ({
      x: p.x,
      y: lognormalPdf(p.x, mu, sigma),
    }));
    expect(area(pts)).toBeCloseTo(1, 3);
  });
  it('has no density at or below 0', () => {
    expect(lognormalPdf(0, 1, 1)).toBe(0);
    expect(lognormalPdf(-5, 1, 1)).toBe(0);
  });
});

describe('shareLongerThan (what a timeout cuts)', () => {
  it('cuts a fixed latency only when it is strictly longer', () => {
    expect(shareLongerThan({ kind: 'fixed', ms: 300 }, 300)).toBe(0);
    expect(shareLongerThan({ kind: 'fixed', ms: 300 }, 299)).toBe(1);
  });
  it('cuts the part of a uniform box past the timeout', () => {
    expect(shareLongerThan({ kind: 'uniform', minMs: 100, maxMs: 300 }, 250)).toBeCloseTo(0.25, 12);
    expect(shareLongerThan({ kind: 'uniform', minMs: 100, maxMs: 300 }, 50)).toBe(1);
    expect(shareLongerThan({ kind: 'uniform', minMs: 100, maxMs: 300 }, 400)).toBe(0);
  });
  it('cuts 5% of a lognormal at its p95 and half at its p50', () => {
    expect(shareLongerThan({ kind: 'lognormal', p50Ms: 700, p95Ms: 2500 }, 2500)).toBeCloseTo(0.05, 6);
    expect(shareLongerThan({ kind: 'lognormal', p50Ms: 700, p95Ms: 2500 }, 700)).toBeCloseTo(0.5, 6);
  });
});

describe('latencyShape', () => {
  it('draws a fixed latency as a spike with p50 = p95 = ms', () => {
    const s = latencyShape({ kind: 'fixed', ms: 350 });
    expect(s).toMatchObject({ kind: 'spike', p50: 350, p95: 350 });
    expect(s.maxX).toBeGreaterThan(350);
  });
  it('draws a uniform latency as a box of area 1', () => {
    const s = latencyShape({ kind: 'uniform', minMs: 100, maxMs: 300 });
    expect(s.kind).toBe('curve');
    expect(s.p50).toBe(200);
    expect(s.p95).toBe(290);
    expect(area(s.points)).toBeCloseTo(1, 9);
  });
  it('draws a zero-width uniform latency as a spike', () => {
    expect(latencyShape({ kind: 'uniform', minMs: 5, maxMs: 5 }).kind).toBe('spike');
  });
  it('draws a lognormal latency over most of its mass, p50 and p95 inside the axis', () => {
    const s = latencyShape({ kind: 'lognormal', p50Ms: 600, p95Ms: 1500 }, 400);
    expect(s.p50).toBe(600);
    expect(s.p95).toBe(1500);
    expect(s.maxX).toBeGreaterThan(1500);
    expect(area(s.points)).toBeGreaterThan(0.97);
    expect(s.points.every((p) => Number.isFinite(p.y) && p.y >= 0)).toBe(true);
  });
  it('stretches the axis to show a timeout just past the tail', () => {
    expect(latencyShape({ kind: 'fixed', ms: 100 }, 96, 300).maxX).toBeGreaterThan(300);
    expect(latencyShape({ kind: 'uniform', minMs: 100, maxMs: 300 }, 96, 600).maxX).toBeGreaterThan(600);
    expect(latencyShape({ kind: 'lognormal', p50Ms: 600, p95Ms: 1500 }, 96, 4000).maxX).toBeGreaterThan(4000);
  });
  it('leaves a far-off timeout off the chart rather than squash the distribution', () => {
    expect(latencyShape({ kind: 'fixed', ms: 100 }, 96, 10_000).maxX).toBeLessThan(10_000);
    expect(latencyShape({ kind: 'uniform', minMs: 100, maxMs: 300 }, 96, 10_000).maxX).toBeLessThan(10_000);
    expect(latencyShape({ kind: 'lognormal', p50Ms: 600, p95Ms: 1500 }, 96, 60_000).maxX).toBeLessThan(60_000);
  });
});
