import { describe, expect, it } from 'vitest';
import { simulate } from '@/lib/engine';
import { parsePlanText } from '@/lib/plan/parse';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { timelineGeometry } from './geometry';

const bookATrip = () => {
  const parsed = parsePlanText(readFileSync(join(process.cwd(), 'public/examples/book-a-trip.json'), 'utf8'));
  if (!parsed.ok) throw new Error('book-a-trip does not parse');
  return parsed.plan;
};

describe('the compensation lane', () => {
  it('is absent when the plan ran to the end', () => {
    const plan = bookATrip();
    const trace = simulate(plan, { seed: 1, strategy: 'waves' });
    expect(trace.stop).toBeNull();
    const geo = timelineGeometry(plan, trace, { width: 800, rowHeight: 20, groupGap: 18, labelWidth: 168 });
    expect(geo.compensation).toBeNull();
  });

  it('after an abort shows each compensation in the order it ran, under the waves, and the axis runs on until they settle', () => {
    const base = bookATrip();
    const plan = { ...base, settings: { ...base.settings, scenario: 'card_declined' } };
    const trace = simulate(plan, { seed: 1, strategy: 'waves' });
    expect(trace.stop?.reason).toBe('abort');
    expect(trace.compensations.length).toBeGreaterThan(0);
    const geo = timelineGeometry(plan, trace, { width: 800, rowHeight: 20, groupGap: 18, labelWidth: 168 });
    const lane = geo.compensation;
    expect(lane).not.toBeNull();
    if (lane === null) return;
    expect(lane.rows.map((r) => r.id)).toEqual(trace.compensations.map((i) => trace.calls[i].id));
    const lastWaveRow = Math.max(...geo.rows.map((r) => r.y));
    expect(lane.y).toBeGreaterThan(lastWaveRow);
    expect(geo.height).toBe(lane.y + lane.height);
    expect(geo.scale.t1).toBe(trace.settledMs);
    expect(trace.settledMs).toBeGreaterThan(trace.makespanMs ?? Infinity);
    // Every bar sits after the stop line, inside the plot.
    const stopX = geo.stopLine?.x ?? 0;
    for (const b of lane.bars) {
      expect(b.x).toBeGreaterThanOrEqual(stopX - 1e-6);
      expect(b.x + b.width).toBeLessThanOrEqual(800 + 1e-6);
    }
    expect(lane.bars.length).toBe(trace.compensations.reduce((n, i) => n + (trace.calls[i].effect?.compensation?.attempts.length ?? 0), 0));
  });
});
