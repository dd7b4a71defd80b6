// The timeline's zoom and range as pure numbers on the run's own clock: the window of time the chart shows (zoomed
// around a point, panned, reset) and a selected range. No React, no DOM: tested in zoom.test.ts.

/** A span of the run's clock, in ms, from < to. */
export interface TimeWindow {
  from: number;
  to: number;
}

/** One zoom step of the buttons and of one wheel notch. */
export const ZOOM_STEP = 1.5;
/** The narrowest window: a thousandth of the run (and never under a microsecond), so bars stay tellable apart. */
export function minSpan(t1: number): number {
  return Math.max(t1 / 1000, 0.001);
}

/** The whole run. */
export function fullWindow(t1: number): TimeWindow {
  return { from: 0, to: t1 };
}

/** A window held inside [0, t1] and no narrower than minSpan, keeping its width where it can by sliding. */
export function clampWindow(w: TimeWindow, t1: number): TimeWindow {
  const span = Math.min(t1, Math.max(minSpan(t1), w.to - w.from));
  let from = Number.isFinite(w.from) ? w.from : 0;
  from = Math.min(Math.max(0, from), t1 - span);
  return { from, to: from + span };
}

/** The window zoomed by `factor` (above 1 zooms in) keeping the instant `at` where it is on screen. */
export function zoomAround(w: TimeWindow, t1: number, factor: number, at: number): TimeWindow {
  const span = w.to - w.from;
  const next = Math.min(t1, Math.max(minSpan(t1), span / factor));
  const pin = Math.min(w.to, Math.max(w.from, at));
  const share = span > 0 ? (pin - w.from) / span : 0.5;
  return clampWindow({ from: pin - share * next, to: pin - share * next + next }, t1);
}

/** The window slid by `deltaMs` (positive moves later in the run), its width kept. */
export function panWindow(w: TimeWindow, t1: number, deltaMs: number): TimeWindow {
  return clampWindow({ from: w.from + deltaMs, to: w.to + deltaMs }, t1);
}

/** Whether a window shows the whole run (so there is nothing to reset). */
export function isFull(w: TimeWindow, t1: number): boolean {
  return w.from <= 0 && w.to >= t1;
}

/** How many times the chart is magnified. */
export function zoomLevel(w: TimeWindow, t1: number): number {
  return t1 / Math.max(w.to - w.from, 1e-12);
}

/** The range between two instants in either order, inside [0, t1]; null when it is too narrow to be a range. */
export function rangeBetween(a: number, b: number, t1: number): TimeWindow | null {
  const from = Math.max(0, Math.min(a, b));
  const to = Math.min(t1, Math.max(a, b));
  return to - from >= minSpan(t1) ? { from, to } : null;
}
