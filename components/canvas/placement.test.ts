// Placing a call added by click: as near the view's centre as possible, never on top of another call.
import { describe, expect, it } from 'vitest';
import { findFreeSpot, type Rect } from './placement';

const size = { width: 200, height: 100 };
const overlap = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('findFreeSpot', () => {
  it('centres the node on the view when nothing is there', () => {
    expect(findFreeSpot([], { x: 500, y: 300 }, size)).toEqual({ x: 400, y: 250 });
  });

  it('moves to the nearest free spot when the centre is taken', () => {
    const taken = [{ x: 400, y: 250, ...size }];
    const spot = findFreeSpot(taken, { x: 500, y: 300 }, size);
    expect(overlap({ ...spot, ...size }, taken[0])).toBe(false);
    // The nearest free cell is one row above or below (rows are shorter than columns are wide).
    expect(spot.x).toBe(400);
    expect(Math.abs(spot.y - 250)).toBe(124);
  });

  it('never overlaps any call, however crowded', () => {
    const taken: Rect[] = [];
    for (let i = 0; i < 40; i++) taken.push({ x: (i % 8) * 224 - 800, y: Math.floor(i / 8) * 124 - 300, ...size });
    const spot = findFreeSpot(taken, { x: 0, y: 0 }, size);
    for (const r of taken) expect(overlap({ ...spot, ...size }, r)).toBe(false);
  });

  it('falls back to the right of everything when every ring is full', () => {
    const taken: Rect[] = [];
    for (let y = -3; y <= 3; y++) for (let x = -3; x <= 3; x++) taken.push({ x: 400 + x * 224, y: 250 + y * 124, ...size });
    const spot = findFreeSpot(taken, { x: 500, y: 300 }, size, 24, 2);
    for (const r of taken) expect(overlap({ ...spot, ...size }, r)).toBe(false);
  });
});
