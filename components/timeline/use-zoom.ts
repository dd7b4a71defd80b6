'use client';
// The editor timeline's zoom and range for the run on view: the span shown, the selected range, and the commands the
// zoom controls, the wheel and the axis call. A new run (or another level drilled into) starts from the whole run.
import { useCallback, useMemo, useState } from 'react';
import type { Trace } from '@/lib/engine';
import { useAppStoreApi } from '@/lib/store/provider';
import { selectViewCursorMs } from '@/lib/store/selectors';
import { timelineEnd } from './end';
import { fullWindow, isFull, panWindow, rangeBetween, zoomAround, ZOOM_STEP, type TimeWindow } from './zoom';

interface ZoomState {
  trace: Trace | null;
  span: TimeWindow | null;
  range: TimeWindow | null;
}

export interface TimelineZoom {
  /** The run's end on its clock (1 ms when there is no run). */
  t1: number;
  /** The span shown, null for the whole run. */
  span: TimeWindow | null;
  range: TimeWindow | null;
  /** Zoom by a factor (above 1 in) around an instant; without one, around the range, the cursor or the middle. */
  zoomBy: (factor: number, at?: number) => void;
  reset: () => void;
  pan: (deltaMs: number) => void;
  setRange: (r: TimeWindow | null) => void;
  zoomToRange: () => void;
  /** The range's start or end put at the playback cursor (the keyboard's way to select a range). */
  rangeEdgeAtCursor: (edge: 'from' | 'to') => void;
}

export function useTimelineZoom(trace: Trace | null): TimelineZoom {
  const store = useAppStoreApi();
  const [state, setState] = useState<ZoomState>({ trace, span: null, range: null });
  const current: ZoomState = state.trace === trace ? state : { trace, span: null, range: null };
  const t1 = trace === null ? 1 : timelineEnd(trace);
  const update = useCallback(
    (change: (s: ZoomState) => Partial<ZoomState>) =>
      setState((prev) => {
        const base = prev.trace === trace ? prev : { trace, span: null, range: null };
        return { ...base, ...change(base) };
      }),
    [trace],
  );
  const cursor = useCallback(() => Math.min(t1, Math.max(0, selectViewCursorMs(store.getState()))), [store, t1]);

  return useMemo(() => {
    const showing = (s: ZoomState) => s.span ?? fullWindow(t1);
    const settle = (w: TimeWindow): TimeWindow | null => (isFull(w, t1) ? null : w);
    return {
      t1,
      span: current.span,
      range: current.range,
      zoomBy: (factor, at) =>
        update((s) => {
          const w = showing(s);
          const c = cursor();
          const pin = at ?? (s.range !== null ? (s.range.from + s.range.to) / 2 : c >= w.from && c <= w.to ? c : (w.from + w.to) / 2);
          return { span: settle(zoomAround(w, t1, factor, pin)) };
        }),
      reset: () => update(() => ({ span: null })),
      pan: (deltaMs) => update((s) => (s.span === null ? {} : { span: settle(panWindow(s.span, t1, deltaMs)) })),
      setRange: (r) => update(() => ({ range: r })),
      zoomToRange: () => update((s) => (s.range === null ? {} : { span: settle(s.range) })),
      rangeEdgeAtCursor: (edge) =>
        update((s) => {
          const c = cursor();
          const other =
            edge === 'from'
              ? s.range !== null && s.range.to > c
                ? s.range.to
                : t1
              : s.range !== null && s.range.from < c
                ? s.range.from
                : 0;
          return { range: rangeBetween(c, other, t1) ?? s.range };
        }),
    } satisfies TimelineZoom;
  }, [current.span, current.range, t1, update, cursor]);
}

export { ZOOM_STEP };
