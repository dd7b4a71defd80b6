'use client';
// The playback cursor over the timeline, and (in the editor) the axis as a scrub area. The cursor is its own small
// component reading the cursor from the store, so a moving cursor re-renders it alone, never the chart.
import { useRef, type PointerEvent } from 'react';
import { useAppStore } from '@/lib/store/provider';
import { selectViewCursorMs } from '@/lib/store/selectors';
import { selectPause, selectSetCursor } from '../run/playback-selectors';
import { cursorX, scrubTime, type TimeScale } from './geometry';
import type { TimelineLayout } from './layout';
import { rangeBetween, type TimeWindow } from './zoom';

interface CursorProps {
  scale: TimeScale;
  layout: TimelineLayout;
  width: number;
  height: number;
  plotRight: number;
}

/** A line at the cursor with its head on the axis, and a veil over what has not happened yet; it never takes the pointer. */
export function TimelineCursor({ scale, layout, width, height, plotRight }: CursorProps) {
  const t = useAppStore(selectViewCursorMs);
  const x = cursorX(scale, t);
  const veil = Math.max(0, plotRight - x);
  const { axisY, top } = layout;
  // Zoomed in, a cursor outside the shown span draws no line (the veil still says which side it is on).
  const shown = !(t < scale.from || t > scale.to);
  return (
    <svg className="tw-tl__cursor" width={width} height={height} aria-hidden="true" focusable="false" data-cursor-x={x.toFixed(1)}>
      {veil > 0.5 && <rect className="tw-tl-veil" x={x} y={top} width={veil} height={height - top} />}
      {shown && (
        <>
          <line className="tw-tl-cursor__line" x1={x} x2={x} y1={axisY - 4} y2={height} />
          <path
            className="tw-tl-cursor__head"
            d={`M ${x - 5} ${axisY - 11} L ${x + 5} ${axisY - 11} L ${x + 5} ${axisY - 6} L ${x} ${axisY - 1} L ${x - 5} ${axisY - 6} Z`}
          />
        </>
      )}
    </svg>
  );
}

/**
 * The band over the axis: pressing or dragging on it moves the cursor (and pauses, as the scrubber does); with Shift
 * held, dragging selects a range of time instead (reported on the run's own clock).
 */
export function ScrubArea({
  scale,
  layout,
  plotRight,
  offsetMs,
  onRange,
}: {
  scale: TimeScale;
  layout: TimelineLayout;
  plotRight: number;
  offsetMs: number;
  onRange?: (r: TimeWindow | null) => void;
}) {
  const setCursor = useAppStore(selectSetCursor);
  const pause = useAppStore(selectPause);
  const anchor = useRef<number | null>(null);
  const timeAt = (e: PointerEvent<SVGRectElement>): number | null => {
    const svg = e.currentTarget.ownerSVGElement;
    return svg === null ? null : scrubTime(scale, e.clientX - svg.getBoundingClientRect().left);
  };
  const scrubTo = (e: PointerEvent<SVGRectElement>) => {
    const t = timeAt(e);
    if (t === null) return;
    if (anchor.current !== null && onRange) onRange(rangeBetween(anchor.current, t, scale.t1));
    else setCursor(offsetMs + t);
  };
  return (
    <rect
      className="tw-tl-scrub"
      data-testid="timeline-scrub"
      x={layout.labelWidth}
      y={0}
      width={Math.max(0, plotRight - layout.labelWidth)}
      height={layout.top}
      onPointerDown={(e) => {
        if (e.button !== 0) return;
        e.currentTarget.setPointerCapture(e.pointerId);
        anchor.current = e.shiftKey && onRange ? timeAt(e) : null;
        if (anchor.current === null) pause();
        scrubTo(e);
      }}
      onPointerMove={(e) => {
        if (e.currentTarget.hasPointerCapture(e.pointerId)) scrubTo(e);
      }}
      onPointerUp={(e) => {
        anchor.current = null;
        if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
      }}
    >
      <title>
        {onRange
          ? 'Press or drag on the time axis to move the playback cursor; Shift+drag to select a range of time'
          : 'Press or drag on the time axis to move the playback cursor'}
      </title>
    </rect>
  );
}
