// The two looks of the one timeline chart, as pure numbers: the editor's compact, interactive chart under the canvas,
// and the presentation's, sized to fill its box in large type. No React, no DOM: tested in layout.test.ts.
import type { Trace } from '@/lib/engine';
import type { Timeline } from './geometry';

export type TimelineLook = 'editor' | 'present';

export interface TimelineLayout {
  look: TimelineLook;
  rowHeight: number;
  /** Vertical gap before each wave group. */
  groupGap: number;
  /** The label column on the left; time runs from here to the plot's right edge. */
  labelWidth: number;
  /** The time axis's line: tick labels sit just above it, the cursor's head on it. */
  axisY: number;
  /** Where the lanes begin (under the axis, and in the editor under two lines of model-turn labels). */
  top: number;
  /** Room right of the plot, and under the last row. */
  rightPad: number;
  bottomPad: number;
  /** Where each model turn is named: on two lines above the lane (editor), or inside its segment (presentation). */
  turnLabels: 'above' | 'inside';
  /** Type size in px for the presentation (the editor's sizes are fixed in CSS): null in the editor. */
  font: number | null;
  /** A tick this close to the plot's right edge is anchored at its end, so its label stays inside. */
  tickEndMargin: number;
}

/** The editor's turn-label lines, between the axis and the turn lane (turns are often too narrow to hold one). */
export const TURN_LINE = 12;
const EDITOR_AXIS = 18;

/** The editor's chart: fixed rows, a wide label column of buttons, turn labels above the lane. */
export const EDITOR_LAYOUT: TimelineLayout = {
  look: 'editor',
  rowHeight: 20,
  groupGap: 18,
  labelWidth: 168,
  axisY: EDITOR_AXIS,
  top: EDITOR_AXIS + 2 * TURN_LINE + 2,
  rightPad: 12,
  bottomPad: 8,
  turnLabels: 'above',
  font: null,
  tickEndMargin: 20,
};

/** The presentation's axis and wave gaps, in rows. */
const AXIS_ROWS = 1.1;
const GAP_ROWS = 0.75;
const MIN_ROW = 12;
const MAX_ROW = 30;

/** Row height that fits every row, the turn lane and the wave gaps into `height`, within projector-friendly bounds. */
export function fitRowHeight(trace: Pick<Trace, 'calls'> & Partial<Pick<Trace, 'compensations'>>, height: number): number {
  const waves = new Set(trace.calls.map((c) => c.wave)).size;
  // The compensation lane, when there is one, is one more group of rows.
  const comps = trace.compensations?.length ?? 0;
  const units = AXIS_ROWS + 1 + trace.calls.length + GAP_ROWS * waves + (comps > 0 ? comps + GAP_ROWS : 0) + 0.3;
  return Math.max(MIN_ROW, Math.min(MAX_ROW, Math.floor(height / units)));
}

/** The presentation's chart for a box of `width` × `height`: rows as tall as fit, type that grows with them. */
export function presentLayout(
  trace: Pick<Trace, 'calls'> & Partial<Pick<Trace, 'compensations'>>,
  width: number,
  height: number,
): TimelineLayout {
  const row = fitRowHeight(trace, height);
  const top = Math.round(row * AXIS_ROWS);
  return {
    look: 'present',
    rowHeight: row,
    groupGap: Math.round(row * GAP_ROWS),
    labelWidth: Math.round(Math.min(240, Math.max(120, width * 0.13))),
    axisY: top,
    top,
    rightPad: 16,
    bottomPad: 4,
    turnLabels: 'inside',
    font: Math.round(Math.min(16, Math.max(11, row * 0.56))),
    tickEndMargin: 30,
  };
}

/** Places each turn's label on the first of two lines where it does not run into the previous one; "T n" if neither. */
export function placeTurnLabels(turns: Timeline['turns'], right: number): { text: string; x: number; line: number }[] {
  const ends = [-Infinity, -Infinity];
  return turns.map((t) => {
    const x = t.thinking.x;
    const short = `T${t.index + 1}`;
    for (const text of [t.label, short]) {
      const w = text.length * 6 + 6;
      const px = Math.min(x, right - w);
      const line = ends.findIndex((e) => e <= px);
      if (line !== -1) {
        ends[line] = px + w;
        return { text, x: px, line };
      }
    }
    return { text: '', x, line: 0 };
  });
}

/** The label inside a presentation turn segment of `width` px: "Turn 2", "2", or none when it does not fit. */
export function insideTurnLabel(index: number, width: number, font: number): string | null {
  if (width <= font * 1.6) return null;
  return width > font * 5.5 ? `Turn ${index + 1}` : String(index + 1);
}
