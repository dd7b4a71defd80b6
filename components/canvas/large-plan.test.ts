// A plan of thousands of calls on the canvas: it never zooms out so far that more than about 800 calls would be
// drawn, and it opens on its first waves; a plan of a few hundred calls keeps the full zoom range and opens whole.
import { describe, expect, it } from 'vitest';
import { layeredPlan } from '@/lib/engine/layered';
import { parsePlan } from '@/lib/plan';
import { DEFAULT_LAYOUT } from '@/lib/plan/layout';
import { FAR_ZOOM, initialFit, MAX_ON_SCREEN, minZoomFor } from './large-plan';
import { planModel } from './model';
import { FIT_OPTIONS } from './use-canvas-actions';

const cell =
  (DEFAULT_LAYOUT.nodeWidth + 2 * DEFAULT_LAYOUT.bandPadding + DEFAULT_LAYOUT.columnGap) *
  (DEFAULT_LAYOUT.nodeHeight + DEFAULT_LAYOUT.rowGap);

describe('how far the canvas zooms out', () => {
  it.each([
    [500, 1280 * 720],
    [20_000, 1280 * 720],
    [20_000, 1920 * 1080],
    [5_000, 3840 * 2160],
  ])('a %i-call plan on %i px² shows at most about 800 calls at its least zoom (or stops at the far zoom)', (calls, area) => {
    const z = minZoomFor(calls, area);
    expect(z).toBeLessThanOrEqual(FAR_ZOOM);
    // The calls on screen at the least zoom: as many cells as fit, and never more than the plan has.
    if (z < FAR_ZOOM) expect(Math.min(calls, area / (z * z * cell))).toBeLessThanOrEqual(MAX_ON_SCREEN + 1);
  });

  it('a plan of a few hundred calls keeps the whole zoom range', () => {
    expect(minZoomFor(MAX_ON_SCREEN, 3840 * 2160)).toBe(0.04);
  });
});

describe('where a plan opens', () => {
  it('a plan of a few hundred calls opens whole; a larger one on its first two waves', () => {
    const small = parsePlan(layeredPlan({ calls: 300 }));
    const large = parsePlan(layeredPlan({ calls: 3000 }));
    if (!small.ok || !large.ok) throw new Error('layered plans are valid');
    expect(initialFit(small.plan, planModel(small.plan).waves)).toBe(FIT_OPTIONS);
    const waves = planModel(large.plan).waves;
    const fit = initialFit(large.plan, waves);
    const ids = new Set((fit.nodes ?? []).map((n) => n.id));
    expect(ids.size).toBeGreaterThan(0);
    expect(ids.size).toBeLessThanOrEqual(MAX_ON_SCREEN / 4);
    large.plan.calls.forEach((c, i) => {
      if (ids.has(c.id)) expect(waves[i]).toBeLessThanOrEqual(1);
    });
  });
});
