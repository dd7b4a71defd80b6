// The two looks of the timeline chart: the editor's fixed one, and the presentation's that fits its box.
import { describe, expect, it } from 'vitest';
import { EDITOR_LAYOUT, fitRowHeight, insideTurnLabel, placeTurnLabels, presentLayout, TURN_LINE } from './layout';
import type { TimelineTurn } from './geometry';

const calls = (n: number, waves = 1) =>
  ({ calls: Array.from({ length: n }, (_, i) => ({ wave: i % waves })) }) as Parameters<typeof fitRowHeight>[0];

describe('the editor’s look', () => {
  it('leaves two lines of turn labels between the axis and the lanes', () => {
    expect(EDITOR_LAYOUT.top).toBe(EDITOR_LAYOUT.axisY + 2 * TURN_LINE + 2);
    expect([EDITOR_LAYOUT.rowHeight, EDITOR_LAYOUT.labelWidth, EDITOR_LAYOUT.turnLabels, EDITOR_LAYOUT.font]).toEqual([
      20,
      168,
      'above',
      null,
    ]);
  });
});

describe('the presentation’s look', () => {
  it('makes rows as tall as fit the box, between 12 and 30 px', () => {
    expect(fitRowHeight(calls(4, 2), 400)).toBe(30);
    expect(fitRowHeight(calls(20, 4), 400)).toBe(15);
    expect(fitRowHeight(calls(200, 10), 400)).toBe(12);
  });

  it('fits every row, the axis, the turn lane and the wave gaps into the box when it can', () => {
    const trace = calls(20, 4);
    const l = presentLayout(trace, 1200, 400);
    const needed = l.top + l.rowHeight * (1 + 20) + l.groupGap * 4;
    expect(needed).toBeLessThanOrEqual(400);
  });

  it('grows its type with the rows, and keeps the label column between 120 and 240 px', () => {
    expect(presentLayout(calls(4), 1000, 400).font).toBe(16);
    expect(presentLayout(calls(200, 10), 1000, 400).font).toBe(11);
    expect(presentLayout(calls(4), 600, 400).labelWidth).toBe(120);
    expect(presentLayout(calls(4), 3000, 400).labelWidth).toBe(240);
    expect(presentLayout(calls(4), 1000, 400)).toMatchObject({ look: 'present', turnLabels: 'inside', axisY: 33, top: 33 });
  });
});

describe('naming the model turns', () => {
  const turn = (index: number, x: number, width: number): TimelineTurn => ({
    index,
    wave: index,
    label: `Model turn ${index + 1}`,
    thinking: { x, width: 10 },
    executing: { x: x + 10, width },
  });

  it('puts each name on the first free of two lines, else leaves it out', () => {
    const placed = placeTurnLabels([turn(0, 0, 20), turn(1, 30, 20), turn(2, 60, 20), turn(3, 90, 20)], 1000);
    expect(placed.map((p) => [p.text, p.line])).toEqual([
      ['Model turn 1', 0],
      ['Model turn 2', 1],
      ['', 0],
      ['Model turn 4', 0],
    ]);
  });

  it('shortens a name to "T n" near the right edge, where the full name would have to move left into another', () => {
    const placed = placeTurnLabels([turn(0, 0, 20), turn(1, 85, 5), turn(2, 90, 5)], 100);
    expect(placed.map((p) => [p.text, p.line])).toEqual([
      ['Model turn 1', 0],
      ['Model turn 2', 1],
      ['T3', 0],
    ]);
  });

  it('keeps a name near the right edge inside the chart', () => {
    const [p] = placeTurnLabels([turn(0, 990, 5)], 1000);
    expect(p.x + p.text.length * 6 + 6).toBeLessThanOrEqual(1000);
  });

  it('writes the presentation’s name inside the segment only where it fits', () => {
    expect(insideTurnLabel(1, 100, 16)).toBe('Turn 2');
    expect(insideTurnLabel(1, 40, 16)).toBe('2');
    expect(insideTurnLabel(1, 20, 16)).toBeNull();
  });
});
