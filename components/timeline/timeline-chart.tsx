'use client';
// The one timeline chart of a run, for the editor and for the presentation: a Gantt chart drawn as inline SVG from
// timelineGeometry, one row per call grouped by wave, a bar per attempt, the model-turn lane, waits, timeouts, the
// stop line, and the playback cursor with a veil over what has not happened yet. The layout says which look it
// takes: the editor's is interactive (rows and bars named for screen readers, click a row or its label button to
// select the call, scrub on the axis, hover a bar for its card); the presentation's is one image, for looking.
import { memo, useId, useMemo, type MouseEvent } from 'react';
import type { Trace } from '@/lib/engine';
import { STATUS_LABEL } from '@/lib/engine/portable/facts';
import { tickDuration } from '@/lib/format/duration';
import type { Plan } from '@/lib/plan/schema';
import { useAppStore } from '@/lib/store/provider';
import { selectSelect, selectSelected } from '@/lib/store/selectors';
import { Marks, Patterns } from './attempts';
import { TimeAxis, TurnLabelsAbove } from './axis';
import { ScrubArea, TimelineCursor } from './cursor';
import { rowAt, timelineGeometry, type Timeline } from './geometry';
import { AttemptCard, useAttemptHover } from './hover-card';
import { CompensationRows, Rows, TurnLane, WaveLabels } from './lanes';
import type { TimelineLayout } from './layout';
import { inWindow, type ScrollWindow } from '../use-scroll-window';
import type { TimeWindow } from './zoom';

export interface TimelineChartProps {
  /** The plan the trace ran (the run on view's level of it). */
  plan: Plan;
  trace: Trace;
  /** Where this run's time 0 sits on the top run's clock (a drilled-in sub-agent's run starts later). */
  offsetMs: number;
  width: number;
  layout: TimelineLayout;
  /** The part of the chart to draw (content px from its top), or null for all of it: a run of thousands of calls draws only the rows in view. */
  rows?: ScrollWindow | null;
  /** The zoomed span of the run's clock the chart shows; the whole run when null or absent. */
  span?: TimeWindow | null;
  /** The selected range of time, drawn as a band; and how the editor's axis reports a new one (Shift+drag). */
  range?: TimeWindow | null;
  onRange?: (r: TimeWindow | null) => void;
}

/** Whether a row from `y` to `y + height` (px under the lanes' top) is drawn. */
export type Shown = (y: number, height: number) => boolean;

const NO_SELECTION: ReadonlySet<string> = new Set();

export const TimelineChart = memo(function TimelineChart({
  plan,
  trace,
  offsetMs,
  width,
  layout,
  rows = null,
  span = null,
  range = null,
  onRange,
}: TimelineChartProps) {
  const interactive = layout.look === 'editor';
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const plotRight = width - layout.rightPad;
  const { rowHeight, groupGap, labelWidth } = layout;
  const geo: Timeline = useMemo(
    () => timelineGeometry(plan, trace, { width: plotRight, rowHeight, groupGap, labelWidth, window: span }),
    [plan, trace, plotRight, rowHeight, groupGap, labelWidth, span],
  );
  const select = useAppStore(selectSelect);
  const selected = useAppStore(selectSelected);
  const selectedSet = useMemo(() => (interactive ? new Set(selected) : NO_SELECTION), [interactive, selected]);
  const { hover, hoverKey, onPointerMove, onPointerLeave } = useAttemptHover(trace);
  const height = layout.top + geo.height + layout.bottomPad;
  const hatch = `${uid}-hatch`;
  const stripes = `${uid}-stripes`;
  const long = tickDuration(geo.scale.t1);
  const shown: Shown = (y, h) => inWindow(rows, layout.top + y, h);

  const onClick = (e: MouseEvent<SVGSVGElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const row = rowAt(geo, e.clientY - box.top - layout.top);
    if (row !== null) select([row.id]);
  };

  return (
    <div
      className={`tw-tl__chart tw-tl__chart--${layout.look}`}
      style={layout.font === null ? { height } : { height, ['--tw-tl-font' as string]: `${layout.font}px` }}
    >
      <svg
        className="tw-tl__svg"
        width={width}
        height={height}
        role={interactive ? 'group' : 'img'}
        aria-label={interactive ? `Timeline of the run, ${long} long` : `Timeline of the run: ${trace.calls.length} calls over ${long}`}
        onClick={interactive ? onClick : undefined}
        onPointerMove={interactive ? onPointerMove : undefined}
        onPointerLeave={interactive ? onPointerLeave : undefined}
      >
        <Patterns hatch={hatch} stripes={stripes} />
        <TimeAxis geo={geo} layout={layout} height={height} plotRight={plotRight} />
        {layout.turnLabels === 'above' && <TurnLabelsAbove geo={geo} layout={layout} plotRight={plotRight} />}
        {range !== null && <RangeBand scale={geo.scale} range={range} top={layout.axisY - 4} height={height} />}
        {interactive && <ScrubArea scale={geo.scale} layout={layout} plotRight={plotRight} offsetMs={offsetMs} onRange={onRange} />}
        <g transform={`translate(0 ${layout.top})`} aria-hidden={interactive ? undefined : true}>
          <TurnLane geo={geo} layout={layout} />
          <WaveLabels geo={geo} />
          <Rows
            geo={geo}
            trace={trace}
            plotRight={plotRight}
            interactive={interactive}
            selected={selectedSet}
            hoverKey={hoverKey}
            hangFill={stripes}
            shown={shown}
          />
          <CompensationRows geo={geo} trace={trace} plotRight={plotRight} interactive={interactive} hangFill={stripes} />
          <Marks geo={geo} trace={trace} hatch={hatch} plotRight={plotRight} shown={shown} />
        </g>
      </svg>
      <TimelineCursor scale={geo.scale} layout={layout} width={width} height={height} plotRight={plotRight} />
      {interactive && hover !== null && <AttemptCard trace={trace} plan={plan} hover={hover} />}
      {interactive && <RowButtons geo={geo} layout={layout} selected={selectedSet} onSelect={(id) => select([id])} shown={shown} />}
    </div>
  );
});

/** The selected range: a tinted band with edges, cut to the span on view. */
function RangeBand({ scale, range, top, height }: { scale: Timeline['scale']; range: TimeWindow; top: number; height: number }) {
  const from = Math.max(range.from, scale.from);
  const to = Math.min(range.to, scale.to);
  if (to <= from) return null;
  const x0 = scale.x(from);
  const x1 = scale.x(to);
  return (
    <g className="tw-tl-range" aria-hidden="true" data-range-x0={x0.toFixed(1)} data-range-x1={x1.toFixed(1)}>
      <rect className="tw-tl-range__band" x={x0} y={top} width={Math.max(1, x1 - x0)} height={height - top} />
      {range.from >= scale.from && <line className="tw-tl-range__edge" x1={x0} x2={x0} y1={top} y2={height} />}
      {range.to <= scale.to && <line className="tw-tl-range__edge" x1={x1} x2={x1} y1={top} y2={height} />}
    </g>
  );
}

/** The editor's label column: one focusable button per row, which selects its call for the inspector and the canvas. */
function RowButtons({
  geo,
  layout,
  selected,
  onSelect,
  shown,
}: {
  geo: Timeline;
  layout: TimelineLayout;
  selected: ReadonlySet<string>;
  onSelect: (id: string) => void;
  shown: Shown;
}) {
  return (
    <div className="tw-tl__labels" style={{ width: layout.labelWidth }}>
      {geo.rows.map(
        (r) =>
          shown(r.y, layout.rowHeight) && (
            <button
              key={r.id}
              type="button"
              className={`tw-tl__label${r.critical ? ' tw-tl__label--critical' : ''}${selected.has(r.id) ? ' tw-tl__label--selected' : ''}`}
              style={{ top: layout.top + r.y, height: layout.rowHeight }}
              aria-label={`Select ${r.id} in the timeline`}
              aria-pressed={selected.has(r.id)}
              title={`${r.label} — ${STATUS_LABEL[r.status]}${r.critical ? ' · critical path' : ''}`}
              onClick={() => onSelect(r.id)}
            >
              {r.id}
            </button>
          ),
      )}
    </div>
  );
}
