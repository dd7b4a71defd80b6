// What the timeline draws for attempts: a bar per attempt coloured by its result (named in words in the editor),
// hatched retry waits, timeout marks and the line where the plan stopped, plus the two fill patterns they use.
import type { Attempt, Trace } from '@/lib/engine';
import { attemptTitle } from './attempt-words';
import { attemptTone, type Timeline, type TimelineBar } from './geometry';
import type { Shown } from './timeline-chart';

/** The hatch of a retry wait and the stripes of a bar that never returned, under ids unique to this chart. */
export function Patterns({ hatch, stripes }: { hatch: string; stripes: string }) {
  return (
    <defs>
      <pattern id={hatch} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect className="tw-tl-hatch__bg" width="6" height="6" />
        <line className="tw-tl-hatch__line" x1="0" y1="0" x2="0" y2="6" />
      </pattern>
      <pattern id={stripes} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)">
        <rect className="tw-tl-stripes__bg" width="8" height="8" />
        <rect className="tw-tl-stripes__line" width="4" height="8" />
      </pattern>
    </defs>
  );
}

interface BarProps {
  bar: TimelineBar;
  /** The call's id. */
  id: string;
  attempt: Attempt | undefined;
  /** Named for screen readers (the editor), or part of one image (the presentation). */
  named: boolean;
  hover: boolean;
  hangFill: string;
}

export function AttemptBar({ bar: b, id, attempt, named, hover, hangFill }: BarProps) {
  return (
    <rect
      role={named ? 'img' : undefined}
      aria-label={named ? (attempt ? attemptTitle(id, attempt) : `${id} · attempt ${b.attempt}`) : undefined}
      data-attempt={`${id}:${b.attempt}`}
      data-row={b.row}
      data-n={b.attempt}
      data-result={b.result}
      className={`tw-tl-bar tw-tl-bar--${attemptTone(b.result)}${hover ? ' tw-tl-bar--hover' : ''}`}
      x={b.x}
      y={b.y}
      width={b.width}
      height={b.height}
      rx={2}
      fill={b.result === 'hang' ? `url(#${hangFill})` : undefined}
    />
  );
}

/** Retry waits (hatched), timeout marks and the stop line, over the rows. */
export function Marks({
  geo,
  trace,
  hatch,
  plotRight,
  shown,
}: {
  geo: Timeline;
  trace: Trace;
  hatch: string;
  plotRight: number;
  shown: Shown;
}) {
  const stop = geo.stopLine;
  const left = geo.scale.x(0);
  // A stop late in the run is named to the left of its line, so the words stay inside the chart.
  const stopAnchorEnd = stop !== null && stop.x > left + (plotRight - left) * 0.6;
  return (
    <>
      {geo.waits.map(
        (w) =>
          shown(w.y, w.height) && (
            <rect
              key={`${w.row}-${w.attempt}`}
              className="tw-tl-wait"
              x={w.x}
              y={w.y}
              width={w.width}
              height={w.height}
              fill={`url(#${hatch})`}
            >
              <title>{`${trace.calls[w.row].id} · waiting to retry · attempt ${w.attempt} next`}</title>
            </rect>
          ),
      )}
      {geo.timeoutMarks.map(
        (m) =>
          shown(m.y, m.height) && (
            <g key={`${m.row}-${m.attempt}`} className="tw-tl-timeout">
              <title>{`${trace.calls[m.row].id} · attempt ${m.attempt} cut by its timeout`}</title>
              <line x1={m.x} x2={m.x} y1={m.y + 1} y2={m.y + m.height - 1} />
              <path d={`M ${m.x - 4} ${m.y + 1} L ${m.x + 4} ${m.y + 1} L ${m.x} ${m.y + 6} Z`} />
            </g>
          ),
      )}
      {stop !== null && (
        <g className="tw-tl-stop">
          <title>{stop.label}</title>
          <line x1={stop.x} x2={stop.x} y1={0} y2={geo.height} />
          <text
            x={stopAnchorEnd ? stop.x - 4 : stop.x + 4}
            y={geo.groups[0] === undefined ? geo.turnLane.height : geo.groups[0].y - 5}
            textAnchor={stopAnchorEnd ? 'end' : 'start'}
          >
            {stop.label}
          </text>
        </g>
      )}
    </>
  );
}
