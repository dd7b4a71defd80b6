// The timeline's time axis: round ticks with their grid lines down the chart, and in the editor the model turns named
// on two lines between the axis and the turn lane. Decorative for screen readers: the rows and bars carry the words.
import type { Timeline } from './geometry';
import { placeTurnLabels, TURN_LINE, type TimelineLayout } from './layout';

export function TimeAxis({ geo, layout, height, plotRight }: { geo: Timeline; layout: TimelineLayout; height: number; plotRight: number }) {
  const { axisY, tickEndMargin } = layout;
  return (
    <g className="tw-tl-axis" aria-hidden="true">
      {geo.ticks.map((k) => (
        <g key={k.t}>
          <line className="tw-tl-grid" x1={k.x} x2={k.x} y1={axisY - 4} y2={height} />
          <text
            className="tw-tl-tick"
            x={k.x}
            y={axisY - 6}
            textAnchor={k.x > plotRight - tickEndMargin ? 'end' : k.t === 0 ? 'start' : 'middle'}
          >
            {k.label}
          </text>
        </g>
      ))}
    </g>
  );
}

/** "Model turn 1" (or "T1" where it would collide) above each turn's segment, on the first free of two lines. */
export function TurnLabelsAbove({ geo, layout, plotRight }: { geo: Timeline; layout: TimelineLayout; plotRight: number }) {
  return (
    <g aria-hidden="true">
      {placeTurnLabels(geo.turns, plotRight).map((l, i) =>
        l.text ? (
          <text key={i} className="tw-tl-turn__label" x={l.x} y={layout.axisY + l.line * TURN_LINE + 9}>
            {l.text}
          </text>
        ) : null,
      )}
    </g>
  );
}
