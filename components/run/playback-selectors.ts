// Narrow selectors for the playback views. Each returns a primitive or a stable reference, so a component
// re-renders only when what it shows changes: the transport buttons never on a cursor move, the turn label once
// per turn phase, the context once per event instant.
import { endTime } from '@/lib/engine/playback';
import type { AppState } from '@/lib/store/app-store';
import { preparedFor } from '@/lib/store/view';
import { contextHeadline, contextKey, turnText } from './playback-model';

export const selectHasRun = (s: AppState) => s.trace !== null;
export const selectTogglePlay = (s: AppState) => s.togglePlay;
export const selectPause = (s: AppState) => s.pause;
export const selectSetCursor = (s: AppState) => s.setCursor;
export const selectSetSpeed = (s: AppState) => s.setSpeed;
export const selectStepEvent = (s: AppState) => s.stepEvent;
export const selectStepTurn = (s: AppState) => s.stepTurn;
export const selectToStart = (s: AppState) => s.toStart;
export const selectToEnd = (s: AppState) => s.toEnd;

/** The end of the run on view, on its own clock (0 with none). */
export const selectViewEnd = (s: AppState): number => {
  const v = s.runOnView;
  return v === null ? 0 : endTime(v.trace);
};

/** Where the run on view starts on the top run's clock. */
export const selectViewOffset = (s: AppState): number => s.runOnView?.offsetMs ?? 0;

/** The model turn at the cursor in words (`Model turn 2 · executing`), '' with no run on view. */
export const selectViewTurnText = (s: AppState): string => {
  const v = s.runOnView;
  return v === null ? '' : turnText(v.trace, s.cursorMs - v.offsetMs);
};

/** Which context the cursor shows: changes only at event instants of the run on view (see contextKey). */
export const selectContextKey = (s: AppState): number => {
  const v = s.runOnView;
  if (v === null) return 0;
  return contextKey(preparedFor(v.trace, v.plan).times, s.cursorMs - v.offsetMs, endTime(v.trace));
};

/** `Context at 3.20 s (model turn 2)` or `Context after the run`, for the run on view; '' with none. */
export const selectContextHeadline = (s: AppState): string => {
  const v = s.runOnView;
  return v === null ? '' : contextHeadline(v.trace, s.cursorMs - v.offsetMs, endTime(v.trace));
};
