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

  it('goes beside the call, on the side with room, when calls sit close above and below it', () => {
    const above = { x: 480, y: 236, width: 200, height: 56 };
    const below = { x: 480, y: 364, width: 200, height: 56 };
    // The right side would run past the canvas's edge; the left has room.
    expect(placeToolbar({ ...base, others: [above, below] })).toBe('left-center');
    const r = barRect('left-center', base);
    expect(r.x + r.width).toBeLessThan(base.node.x);
    expect(
      placeToolbar({
        ...base,
        node: { ...base.node, x: 200 },
        others: [
          { ...above, x: 180 },
          { ...below, x: 180 },
        ],
      }),
    ).toBe('right-center');
  });

  it('docks along the canvas’s foot when every place beside the call would cover another', () => {
    const around = [
      { x: 480, y: 236, width: 200, height: 56 },
      { x: 480, y: 364, width: 200, height: 56 },
      { x: 700, y: 300, width: 160, height: 56 },
      { x: 300, y: 300, width: 160, height: 56 },
    ];
    expect(placeToolbar({ ...base, others: around })).toBe('dock');
  });

  it('goes under a call near the canvas’s top, clear of the scenarios button', () => {
    expect(placeToolbar({ ...base, node: { ...base.node, y: 40 } })).toBe('bottom-center');
  });

  it('aligns to the call’s left edge near the palette, and to its right edge near the canvas’s right', () => {
    expect(placeToolbar({ ...base, node: { ...base.node, x: 80 } })).toBe('top-start');
    expect(placeToolbar({ ...base, node: { ...base.node, x: 830 } })).toBe('top-end');
  });
});
