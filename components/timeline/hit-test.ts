// Hit-testing on the timeline's geometry: the row and attempt bar under the pointer, and the playback cursor's x and
// a scrub's instant on the time scale. Pure; no React.
import type { TimelineBar, Timeline, TimelineRow, TimeScale } from './geometry';

/** The row under a vertical position (for click-to-select), or null between groups and outside. */
export function rowAt(geometry: Timeline, y: number): TimelineRow | null {
  const rows = geometry.rows;
  let lo = 0;
  let hi = rows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = rows[mid];
    if (y < r.y) hi = mid - 1;
    else if (y >= r.y + geometry.rowHeight) lo = mid + 1;
    else return r;
  }
  return null;
}

/** The attempt bar under a point (for hover details), or null. */
export function attemptAt(geometry: Timeline, x: number, y: number): TimelineBar | null {
  const row = rowAt(geometry, y);
  if (row === null) return null;
  for (const b of geometry.bars) {
    if (b.row !== row.index) continue;
    if (x >= b.x && x < b.x + b.width && y >= b.y && y < b.y + b.height) return b;
  }
  return null;
}

/** The playback cursor's x for instant t (on the run's own clock), held inside the plot: before the shown span at its left edge, after it at its right. */
export function cursorX(scale: TimeScale, t: number): number {
  if (!Number.isFinite(t)) return scale.x(t === Infinity ? scale.to : scale.from);
  return scale.x(Math.min(Math.max(t, scale.from), scale.to));
}

/** The instant a scrub at x (px from the chart's left edge) asks for, within [0, t1]. */
export function scrubTime(scale: TimeScale, x: number): number {
  return Number.isFinite(x) ? scale.t(x) : 0;
}
