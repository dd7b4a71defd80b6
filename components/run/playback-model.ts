// Playback in words and numbers: the clock readout, the model turn at the cursor, the
// instant the context is built at, and the clock's frame step. Pure functions: no React, no DOM, no store.
import type { TraceLike } from '@/lib/engine';
import { turnAt, upperBound } from '@/lib/engine/playback';
import { clockSeconds } from '@/lib/format/duration';

/** The longest real-time step one animation frame may take (a background tab, a long GC pause). */
export const MAX_FRAME_MS = 100;

/** Real ms since the previous frame, capped at `cap`; 0 on the first frame or if the clock went back. */
export function frameDelta(prev: number | null, now: number, cap = MAX_FRAME_MS): number {
  if (prev === null || !Number.isFinite(prev) || !Number.isFinite(now) || now <= prev) return 0;
  return Math.min(now - prev, cap);
}

/** The readout beside the scrubber: `1.24 s / 8.90 s`. */
export function clockReadout(t: number, end: number): string {
  return `${clockSeconds(Math.min(t, end))} / ${clockSeconds(end)}`;
}

/** The scrubber's aria-valuetext: `1.24 s of 8.90 s`. */
export function positionText(t: number, end: number): string {
  return `${clockSeconds(Math.min(t, end))} of ${clockSeconds(end)}`;
}

const PHASE_WORD = { thinking: 'thinking', executing: 'executing', done: 'done' } as const;

/** The model turn at t, in words: `Model turn 2 · executing`, `Model turn 1 · thinking`, `Before model turn 1`. */
export function turnText(trace: TraceLike, t: number): string {
  const { turn, phase } = turnAt(trace, t);
  if (phase === 'before') return 'Before model turn 1';
  if (turn === null) return 'No model turns';
  return `Model turn ${turn + 1} · ${PHASE_WORD[phase]}`;
}

/** Index of the last of the sorted instants that is ≤ t; -1 if none. */
export function lastIndexAtOrBefore(times: readonly number[], t: number): number {
  return upperBound(times, t) - 1;
}

/** The context's key for "after the run" (the whole run's context). */
export const AFTER_RUN = -2;

/**
 * Which context the cursor shows, as a number that only changes at event instants (so a memo keyed on it rebuilds
 * the context once per event, not once per frame): AFTER_RUN at or after the end, else the index of the last event
 * instant ≤ t (-1 before the first).
 */
export function contextKey(times: readonly number[], t: number, end: number): number {
  if (t >= end) return AFTER_RUN;
  return lastIndexAtOrBefore(times, t);
}

/**
 * The instant to build the context at for a key: undefined for the whole run's, else the event instant the state
 * last changed at (0 before the first event). Between two events the context is the same as at the earlier one.
 */
export function contextAtMs(times: readonly number[], key: number): number | undefined {
  if (key === AFTER_RUN) return undefined;
  return key >= 0 && key < times.length ? times[key] : 0;
}

/** The line above the context: `Context at 3.20 s (model turn 2)`, or `Context after the run` at the end. */
export function contextHeadline(trace: TraceLike, t: number, end: number): string {
  if (t >= end) return 'Context after the run';
  const { turn, phase } = turnAt(trace, t);
  const at = `Context at ${clockSeconds(t)}`;
  return phase === 'before' || turn === null ? at : `${at} (model turn ${turn + 1})`;
}

/** Where a key on the scrubber moves the cursor (arrows 1% of the run, Page keys or Shift 10%), or null. */
export function scrubberKeyTarget(key: string, shift: boolean, t: number, end: number): number | null {
  const small = Math.max(end / 100, 1);
  const large = Math.max(end / 10, 1);
  const clamp = (x: number) => Math.min(Math.max(x, 0), end);
  const cur = clamp(t);
  switch (key) {
    case 'ArrowRight':
    case 'ArrowUp':
      return clamp(cur + (shift ? large : small));
    case 'ArrowLeft':
    case 'ArrowDown':
      return clamp(cur - (shift ? large : small));
    case 'PageUp':
      return clamp(cur + large);
    case 'PageDown':
      return clamp(cur - large);
    case 'Home':
      return 0;
    case 'End':
      return end;
    default:
      return null;
  }
}
