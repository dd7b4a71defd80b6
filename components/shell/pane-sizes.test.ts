import { describe, expect, it } from 'vitest';
import { CANVAS_MIN_WIDTH, PANE_BOUNDS, defaultSize, effectiveSizes, parsePaneSizes, serializePaneSizes } from './pane-sizes';

const SMALL = { width: 1280, height: 720 };
const LARGE = { width: 1920, height: 1080 };
const BOTH_OPEN = { left: true, right: true };

describe('pane sizes', () => {
  it.each([
    [SMALL, 280, 380, 236],
    [LARGE, 320, 440, 296],
  ])('a pane never resized takes its default for a %o window', (view, left, right, timeline) => {
    expect(effectiveSizes({}, view, BOTH_OPEN)).toEqual({ left, right, timeline });
  });

  it('keeps a chosen size that fits', () => {
    expect(effectiveSizes({ left: 300, right: 500, timeline: 400 }, LARGE, BOTH_OPEN)).toEqual({ left: 300, right: 500, timeline: 400 });
  });

  it('never lets a pane shrink below its least usable size', () => {
    const s = effectiveSizes({ left: 10, right: 10, timeline: 10 }, SMALL, BOTH_OPEN);
    expect(s).toEqual({ left: PANE_BOUNDS.left.min, right: PANE_BOUNDS.right.min, timeline: PANE_BOUNDS.timeline.min });
  });

  it('leaves the canvas its least width however wide both side panes are asked to be', () => {
    const s = effectiveSizes({ left: 9999, right: 9999 }, SMALL, BOTH_OPEN);
    expect(SMALL.width - s.left - s.right).toBeGreaterThanOrEqual(CANVAS_MIN_WIDTH);
    expect(s.right).toBeGreaterThanOrEqual(PANE_BOUNDS.right.min);
  });

  it('gives a closed side pane its rail and the room to the other pane', () => {
    const s = effectiveSizes({ right: 9999 }, SMALL, { left: false, right: true });
    expect(s.left).toBe(36);
    expect(s.right).toBe(SMALL.width - 36 - CANVAS_MIN_WIDTH);
  });

  it('keeps the timeline from taking the canvas’s height', () => {
    const s = effectiveSizes({ timeline: 5000 }, SMALL, BOTH_OPEN);
    expect(s.timeline).toBe(720 - 52 - 200);
  });

  it('starts the timeline smaller in a short window than in a tall one', () => {
    expect(defaultSize('timeline', SMALL)).toBeLessThan(defaultSize('timeline', LARGE));
  });
});

describe('kept pane sizes', () => {
  it('read back what was written', () => {
    expect(parsePaneSizes(serializePaneSizes({ left: 300, timeline: 420 }))).toEqual({ left: 300, timeline: 420 });
  });

  it.each([
    ['nothing kept', null],
    ['text that is not JSON', '{left:'],
    ['a size that is not a number', '{"left":"wide"}'],
    ['an array', '[300]'],
    ['text far too long to be sizes', `{"left":${'1'.repeat(2000)}}`],
  ])('give no sizes for %s', (_, text) => {
    expect(parsePaneSizes(text)).toEqual({});
  });

  it('hold a hand-edited size inside its bounds and round it', () => {
    expect(parsePaneSizes('{"left":1e9,"right":12.6,"timeline":300.4}')).toEqual({
      left: PANE_BOUNDS.left.max,
      right: PANE_BOUNDS.right.min,
      timeline: 300,
    });
  });
});
