import { describe, expect, it } from 'vitest';
import { barRect, placeToolbar, type PlacementInput } from './placement';

const base: PlacementInput = {
  node: { x: 500, y: 300, width: 160, height: 56 },
  others: [],
  width: 1000,
  height: 700,
  bar: { width: 370, height: 40, gap: 8 },
  leftRoom: 72,
  topRoom: 60,
};

describe('the injection toolbar’s place', () => {
  it('sits centred above the call when nothing is in the way', () => {
    expect(placeToolbar(base)).toBe('top-center');
  });

  it('goes under the call when the call above it would be covered', () => {
    const above = { x: 500, y: 220, width: 160, height: 56 };
    expect(placeToolbar({ ...base, others: [above] })).toBe('bottom-center');
  });

  it('moves to the side that is free when calls sit above and below', () => {
    const above = { x: 380, y: 220, width: 200, height: 56 };
    const below = { x: 380, y: 380, width: 200, height: 56 };
    const p = placeToolbar({ ...base, others: [above, below] });
    expect(p.endsWith('start')).toBe(true);
    const r = barRect(p, base);
    expect(r.x).toBeGreaterThanOrEqual(500);
  });

  it('goes under a call near the canvas’s top, clear of the scenarios button', () => {
    expect(placeToolbar({ ...base, node: { ...base.node, y: 40 } })).toBe('bottom-center');
  });

  it('aligns to the call’s left edge near the palette, and to its right edge near the canvas’s right', () => {
    expect(placeToolbar({ ...base, node: { ...base.node, x: 80 } })).toBe('top-start');
    expect(placeToolbar({ ...base, node: { ...base.node, x: 830 } })).toBe('top-end');
  });
});
