'use client';
// The playback cursor over the timeline, and (in the editor) the axis as a scrub area. The cursor is its own small
// component reading the cursor from the store, so a moving cursor re-renders it alone, never the chart.
import type { PointerEvent } from 'react';
import { useAppStore } from '@/lib/store/provider';
import { selectViewCursorMs } from '@/lib/store/selectors';
import { selectPause, selectSetCursor } from '../run/playback-selectors';
import { cursorX, scrubTime, type TimeScale } from './geometry';
import type { TimelineLayout } from './layout';

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
  return (
    <svg className="tw-tl__cursor" width={width} height={height} aria-hidden="true" focusable="false" data-cursor-x={x.toFixed(1)}>
      {veil > 0.5 && <rect className="tw-tl-veil" x={x} y={top} width={veil} height={height - top} />}
      <line className="tw-tl-cursor__line" x1={x} x2={x} y1={axisY - 4} y2={height} />
      <path className="tw-tl-cursor__head" d={`M ${x - 5} ${axisY - 11} L ${x + 5} ${axisY - 11} L ${x + 5} ${axisY - 6} L ${x} ${axisY - 1} L ${x - 5} ${axisY - 6} Z`} />
    </svg>
  );
}

/** The band over the axis: pressing or dragging on it moves the cursor (and pauses, as the scrubber does). */
export function ScrubArea({ scale, layout, plotRight, offsetMs }: { scale: TimeScale; layout: TimelineLayout; plotRight: number; offsetMs: number }) {
  const setCursor = useAppStore(selectSetCursor);
  const pause = useAppStore(selectPause);
  const scrubTo = (e: PointerEvent<SVGRectElement>) => {
    const svg = e.currentTarget.ownerSVGElement;
    if (svg === null) return;
    setCursor(offsetMs + scrubTime(scale, e.clientX - svg.getBoundingClientRect().left));
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
        pause();
        scrubTo(e);
      }}
      onPointerMove={(e) => {
        if (e.currentTarget.hasPointerCapture(e.pointerId)) scrubTo(e);
      }}
      onPointerUp={(e) => {
        if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
      }}
    >
      <title>Press or drag on the time axis to move the playback cursor</title>
    </rect>
  );
}
