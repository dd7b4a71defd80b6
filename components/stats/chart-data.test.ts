// The chart's bins: the library's histogram for A alone, shared round edges for A and B, one bin when all agree.
import { describe, expect, it } from 'vitest';
import { histogram } from '@/lib/engine/reliability';
import { axisTicks, chartData, tickStep } from './chart-data';

const sorted = (xs: number[]) => Float64Array.from(xs).sort();

describe('chartData', () => {
  it('bins A exactly as histogram() does', () => {
    const a = sorted(Array.from({ length: 1000 }, (_, i) => 1000 + ((i * 7919) % 5000)));
    const d = chartData(a);
    const h = histogram(a);
    expect(d).not.toBeNull();
    expect(d?.bins.map((b) => [b.x0, b.x1, b.a])).toEqual(h.map((b) => [b.x0, b.x1, b.count]));
    expect(d?.bins.reduce((n, b) => n + b.a, 0)).toBe(1000);
    expect(d?.unit).toBe('s');
  });

  it('puts A and B on the same edges, every run counted once', () => {
    const a = sorted([100, 150, 200, 900]);
    const b = sorted([50, 60, 1200, 1300, 1400]);
    const d = chartData(a, b);
    expect(d).not.toBeNull();
    if (d === null) return;
    expect(d.bins[0].x0).toBeLessThanOrEqual(50);
    expect(d.bins[d.bins.length - 1].x1).toBeGreaterThanOrEqual(1400);
    expect(d.bins.reduce((n, x) => n + x.a, 0)).toBe(4);
    expect(d.bins.reduce((n, x) => n + x.b, 0)).toBe(5);
    for (const x of d.bins) expect(x.mid).toBeCloseTo((x.x0 + x.x1) / 2);
  });

  it('gives one bin with a width when every makespan is the same, and none without makespans', () => {
    const d = chartData(sorted([1050, 1050, 1050]));
    const full = d?.bins.filter((x) => x.a > 0) ?? [];
    expect(full).toHaveLength(1);
    expect(full[0].a).toBe(3);
    expect(full[0].x0 < 1050 && full[0].x1 > 1050).toBe(true);
    // Empty bins either side give the bar a bin's width on the axis.
    expect(d?.bins.length).toBeGreaterThan(4);
    expect(d && d.domain[0] < full[0].x0 && d.domain[1] > full[0].x1).toBe(true);
    expect(chartData(new Float64Array(0))).toBeNull();
    expect(chartData(new Float64Array(0), new Float64Array(0))).toBeNull();
  });

  it('ticks on round steps inside the domain, labelled in the axis unit', () => {
    expect(tickStep(0.9)).toBe(1);
    expect(tickStep(2.2)).toBe(2.5);
    expect(tickStep(430)).toBe(500);
    expect(axisTicks(4000, 17500)).toEqual([5000, 7500, 10000, 12500, 15000, 17500]);
  });

  it('axis ticks end, and stay few, on a range too narrow for its magnitude (steps below a double’s spacing)', () => {
    // At 1e17 doubles are 16 apart: a 2.5-ms step cannot move t, which once looped forever.
    const ticks = axisTicks(1e17, 1e17 + 16);
    expect(ticks.length).toBeGreaterThanOrEqual(1);
    expect(ticks.length).toBeLessThanOrEqual(20);
    expect(axisTicks(0, Number.MAX_VALUE).length).toBeLessThanOrEqual(20);
    expect(axisTicks(-Infinity, Infinity)).toHaveLength(1);
  });

  it('bins and ticks extreme but valid makespans in a bounded number of bins', () => {
    for (const a of [sorted([1e17, 1e17 + 16, 1e17 + 32]), sorted([1, 9.9e45]), sorted([0, 5e45, 9.9e45])]) {
      const d = chartData(a);
      expect(d).not.toBeNull();
      expect(d?.bins.length).toBeLessThanOrEqual(200);
      expect(d?.bins.reduce((n, x) => n + x.a, 0)).toBe(a.length);
      expect(d?.ticks.length).toBeLessThanOrEqual(20);
      expect(histogram(a).length).toBeLessThanOrEqual(200);
    }
  });
});
