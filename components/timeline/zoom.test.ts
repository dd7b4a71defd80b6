import { describe, expect, it } from 'vitest';
import { clampWindow, fullWindow, isFull, minSpan, panWindow, rangeBetween, zoomAround, zoomLevel } from './zoom';

const T1 = 8000;

describe('timeline zoom', () => {
  it('zooming in around an instant keeps that instant at the same place on screen', () => {
    const w = zoomAround(fullWindow(T1), T1, 2, 2000);
    expect(w.to - w.from).toBe(4000);
    // 2000 ms was a quarter of the way across; it still is.
    expect((2000 - w.from) / (w.to - w.from)).toBeCloseTo(0.25);
  });

  it('zooming out never shows more than the whole run', () => {
    const w = zoomAround({ from: 1000, to: 2000 }, T1, 1 / 100, 1500);
    expect(w).toEqual(fullWindow(T1));
    expect(isFull(w, T1)).toBe(true);
  });

  it('zooming in stops at a thousandth of the run', () => {
    let w = fullWindow(T1);
    for (let i = 0; i < 40; i++) w = zoomAround(w, T1, 2, 4000);
    expect(w.to - w.from).toBeCloseTo(minSpan(T1));
    expect(zoomLevel(w, T1)).toBeCloseTo(1000);
  });

  it('panning keeps the width and stops at the run’s ends', () => {
    expect(panWindow({ from: 1000, to: 3000 }, T1, 500)).toEqual({ from: 1500, to: 3500 });
    expect(panWindow({ from: 1000, to: 3000 }, T1, -5000)).toEqual({ from: 0, to: 2000 });
    expect(panWindow({ from: 1000, to: 3000 }, T1, 50_000)).toEqual({ from: 6000, to: 8000 });
  });

  it('a window past the run’s end slides back inside', () => {
    expect(clampWindow({ from: 7000, to: 9000 }, T1)).toEqual({ from: 6000, to: 8000 });
  });
});

describe('timeline range', () => {
  it('runs from the earlier instant to the later, whichever way it was dragged', () => {
    expect(rangeBetween(3000, 1000, T1)).toEqual({ from: 1000, to: 3000 });
  });

  it('is held inside the run', () => {
    expect(rangeBetween(-50, 90_000, T1)).toEqual({ from: 0, to: T1 });
  });

  it('is none when the drag was too short to mean a range', () => {
    expect(rangeBetween(1000, 1000.5, T1)).toBeNull();
  });
});
