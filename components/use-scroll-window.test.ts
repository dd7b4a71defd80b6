// A chart that draws only the rows in view: which rows lie in the drawn span, and that with no span every row does.
import { describe, expect, it } from 'vitest';
import { inWindow } from './use-scroll-window';

describe('the rows a windowed chart draws', () => {
  it('draws every row when there is no window (a chart of a few hundred rows)', () => {
    expect(inWindow(null, 1_000_000, 20)).toBe(true);
  });

  it('draws a row that overlaps the window, even by its edge, and leaves out the rows wholly above or below it', () => {
    const win = { top: 600, bottom: 1800 };
    expect(inWindow(win, 1000, 20)).toBe(true);
    expect(inWindow(win, 590, 20)).toBe(true);
    expect(inWindow(win, 1800, 20)).toBe(true);
    expect(inWindow(win, 560, 20)).toBe(false);
    expect(inWindow(win, 1801, 20)).toBe(false);
  });
});
