'use client';
// The timeline of presentation mode: the run on view as a Gantt chart from the editor's timelineGeometry, sized to
// fill its box (rows as tall as fit, up to projector size), with the model-turn lane, the cursor and a veil over
// what has not happened yet. It draws the chart only, not the editor's TimelinePanel: that panel carries the
// playback bar and its clock, which must be mounted once (a second one would play the run at double speed).
import { memo, useMemo, useRef } from 'react';
import type { Trace } from '@/lib/engine';
import { tickDuration } from '@/lib/format/duration';
import type { Plan } from '@/lib/plan/schema';
import { useAppStore } from '@/lib/store/provider';
import { selectViewCursorMs, selectViewRun } from '@/lib/store/selectors';
import { attemptTone, cursorX, timelineGeometry, type TimeScale } from '../run/timeline-geometry';
import { useElementSize } from '../use-measure';

/** Room above the turn lane for the time axis, in px (scaled with the rows). */
const AXIS_ROWS = 1.1;
const GAP_ROWS = 0.75;
const MIN_ROW = 12;
const MAX_ROW = 30;

interface ChartProps {
  plan: Plan;
  trace: Trace;
  width: number;
  height: number;
}

/** Row height that fits every row, the turn lane and the wave gaps into the box. */
function fitRow(trace: Trace, height: number): number {
  const waves = new Set(trace.calls.map((c) => c.wave)).size;
  const units = AXIS_ROWS + 1 + trace.calls.length + GAP_ROWS * waves + 0.3;
  return Math.max(MIN_ROW, Math.min(MAX_ROW, Math.floor(height / units)));
}

const Chart = memo(function Chart({ plan, trace, width, height }: ChartProps) {
  const row = fitRow(trace, height);
  const font = Math.round(Math.min(16, Math.max(11, row * 0.56)));
  const labelWidth = Math.round(Math.min(240, Math.max(120, width * 0.13)));
  const top = Math.round(row * AXIS_ROWS);
  const geo = useMemo(
    () => timelineGeometry(plan, trace, { width: width - 16, rowHeight: row, groupGap: Math.round(row * GAP_ROWS), labelWidth }),
    [plan, trace, width, row, labelWidth],
  );
  const svgHeight = top + geo.height + 4;
  const plotRight = width - 16;
  return (
    <div className="tw-ptl__chart" style={{ height: svgHeight, ['--tw-ptl-font' as string]: `${font}px` }}>
      <svg className="tw-ptl__svg" width={width} height={svgHeight} role="img" aria-label={`Timeline of the run: ${trace.calls.length} calls over ${tickDuration(geo.scale.t1)}`}>
        <g aria-hidden="true">
          {geo.ticks.map((k) => (
            <g key={k.t}>
              <line className="tw-ptl-grid" x1={k.x} x2={k.x} y1={top - 2} y2={svgHeight} />
              <text className="tw-ptl-tick" x={k.x} y={top - 6} textAnchor={k.x > plotRight - 30 ? 'end' : k.t === 0 ? 'start' : 'middle'}>
                {k.label}
              </text>
            </g>
          ))}
        </g>
        <g transform={`translate(0 ${top})`} aria-hidden="true">
          <text className="tw-ptl-label tw-ptl-label--lane" x={8} y={geo.turnLane.y + row * 0.68}>
            Model turns
          </text>
          {geo.turns.map((t) => (
            <g key={t.index}>
              <rect className="tw-ptl-turn__thinking" x={t.thinking.x} y={2} width={Math.max(t.thinking.width, 0)} height={row - 4} rx={2} />
              <rect className="tw-ptl-turn__executing" x={t.executing.x} y={2} width={Math.max(t.executing.width, 0)} height={row - 4} rx={2} />
              {t.executing.width > font * 1.6 && (
                <text className="tw-ptl-turn__label" x={t.executing.x + 5} y={row * 0.68}>
                  {t.executing.width > font * 5.5 ? `Turn ${t.index + 1}` : t.index + 1}
                </text>
              )}
            </g>
          ))}
          {geo.groups.map((g) => (
            <text key={g.wave} className="tw-ptl-group" x={8} y={g.y - 4}>
              {g.label}
            </text>
          ))}
          {geo.rows.map((r, i) => (
            <g key={r.id} className={r.critical ? 'tw-ptl-row tw-ptl-row--critical' : 'tw-ptl-row'}>
              {i % 2 === 1 && <rect className="tw-ptl-row__bg" x={0} y={r.y} width={plotRight} height={row} />}
              <text className="tw-ptl-label" x={8} y={r.y + row * 0.68}>
                {r.id.length > 22 ? `${r.id.slice(0, 21)}…` : r.id}
              </text>
            </g>
          ))}
          {geo.waits.map((w) => (
            <rect key={`w${w.row}-${w.attempt}`} className="tw-ptl-wait" x={w.x} y={w.y + w.height * 0.3} width={w.width} height={w.height * 0.4} />
          ))}
          {geo.bars.map((b) => (
            <rect
              key={`b${b.row}-${b.attempt}`}
              className={`tw-ptl-bar tw-ptl-bar--${attemptTone(b.result)}${geo.criticalPath.includes(b.row) ? ' tw-ptl-bar--critical' : ''}`}
              x={b.x}
              y={b.y}
              width={b.width}
              height={b.height}
              rx={Math.min(3, b.height / 4)}
            />
          ))}
          {geo.timeoutMarks.map((m) => (
            <line key={`t${m.row}-${m.attempt}`} className="tw-ptl-timeout" x1={m.x} x2={m.x} y1={m.y + 1} y2={m.y + m.height - 1} />
          ))}
          {geo.stopLine !== null && <line className="tw-ptl-stop" x1={geo.stopLine.x} x2={geo.stopLine.x} y1={0} y2={geo.height} />}
        </g>
      </svg>
      <Cursor scale={geo.scale} top={top} height={svgHeight} width={width} plotRight={plotRight} />
    </div>
  );
});

/** The cursor and the veil over the future: its own component, so a moving cursor never redraws the chart. */
function Cursor({ scale, top, height, width, plotRight }: { scale: TimeScale; top: number; height: number; width: number; plotRight: number }) {
  const t = useAppStore(selectViewCursorMs);
  const x = cursorX(scale, t);
  return (
    <svg className="tw-ptl__cursor" width={width} height={height} aria-hidden="true">
      <rect className="tw-ptl-veil" x={x} y={top} width={Math.max(0, plotRight - x)} height={height - top} />
      <line className="tw-ptl-cursor" x1={x} x2={x} y1={top} y2={height} />
      <path className="tw-ptl-cursor__head" d={`M ${x - 6} ${top} L ${x + 6} ${top} L ${x} ${top + 8} Z`} />
    </svg>
  );
}

export function PresentTimeline() {
  const view = useAppStore(selectViewRun);
  const ref = useRef<HTMLDivElement>(null);
  const { width, height } = useElementSize(ref);
  return (
    <div className="tw-ptl" ref={ref}>
      {view === null ? (
        <p className="tw-ptl__empty">This level did not run, so it has no timeline.</p>
      ) : width > 200 && height > 40 ? (
        <Chart plan={view.plan} trace={view.trace} width={width} height={height} />
      ) : null}
    </div>
  );
}
