// The timeline's lanes: the model-turn lane, each wave's label, and one row per call holding its attempt bars. In the
// editor each row is a group named in words (call, status, attempts); in the presentation the chart is one image and
// the rows carry their call id as text, since there is no label column of buttons.
import type { Trace } from '@/lib/engine';
import { STATUS_LABEL } from '@/lib/engine/portable/facts';
import { roundedMsNumber } from '@/lib/format/duration';
import { AttemptBar } from './attempts';
import { COMPENSATION_WORD } from './compensation';
import type { Timeline, TimelineBar } from './geometry';
import { insideTurnLabel, type TimelineLayout } from './layout';
import type { Shown } from './timeline-chart';

/** The lane above the groups: each model turn's thinking, then its calls running. */
export function TurnLane({ geo, layout }: { geo: Timeline; layout: TimelineLayout }) {
  const y = geo.turnLane.y + 2;
  const h = geo.turnLane.height - 4;
  const inside = layout.turnLabels === 'inside' && layout.font !== null ? layout.font : null;
  const at = (x: number) => roundedMsNumber(geo.scale.t(x));
  return (
    <>
      <text className="tw-tl-group-label tw-tl-lane-label" x={6} y={geo.turnLane.y + geo.turnLane.height * 0.68}>
        Model turns
      </text>
      {geo.turns.map((t) => {
        const label = inside === null ? null : insideTurnLabel(t.index, t.executing.width, inside);
        return (
          <g
            key={t.index}
            className="tw-tl-turn"
            role={inside === null ? 'img' : undefined}
            aria-label={inside === null ? t.label : undefined}
          >
            <title>{`${t.label}${t.wave !== null ? ` (wave ${t.wave + 1})` : ''} · thinking ${at(t.thinking.x)}–${at(t.executing.x)} ms · its calls running until ${at(t.executing.x + t.executing.width)} ms`}</title>
            <rect className="tw-tl-turn__thinking" x={t.thinking.x} y={y} width={Math.max(t.thinking.width, 0)} height={h} />
            <rect className="tw-tl-turn__executing" x={t.executing.x} y={y} width={Math.max(t.executing.width, 0)} height={h} />
            {label !== null && (
              <text
                className="tw-tl-turn__label tw-tl-turn__label--inside"
                x={t.executing.x + 5}
                y={geo.turnLane.y + geo.turnLane.height * 0.68}
              >
                {label}
              </text>
            )}
          </g>
        );
      })}
    </>
  );
}

/** "Wave 1", "Wave 2", … above each group of rows. */
export function WaveLabels({ geo }: { geo: Timeline }) {
  return (
    <>
      {geo.groups.map((g) => (
        <text key={g.wave} className="tw-tl-group-label" x={6} y={g.y - 5}>
          {g.label}
        </text>
      ))}
    </>
  );
}

interface RowsProps {
  geo: Timeline;
  trace: Trace;
  plotRight: number;
  /** Editor: rows named for screen readers, bars that hover; presentation: ids drawn in the rows instead. */
  interactive: boolean;
  selected: ReadonlySet<string>;
  /** `row:attempt` of the bar under the pointer. */
  hoverKey: string | null;
  /** The fill of a bar that never returned (a pattern id). */
  hangFill: string;
  /** Whether a row is drawn (a run of thousands of calls draws only the rows in view). */
  shown: Shown;
}

/** A call id shortened to fit a presentation row. */
const shortId = (id: string) => (id.length > 22 ? `${id.slice(0, 21)}…` : id);

export function Rows({ geo, trace, plotRight, interactive, selected, hoverKey, hangFill, shown }: RowsProps) {
  const barsByRow = new Map<number, TimelineBar[]>();
  for (const b of geo.bars) {
    const list = barsByRow.get(b.row);
    if (list) list.push(b);
    else barsByRow.set(b.row, [b]);
  }
  return (
    <>
      {geo.rows.map((r) => {
        if (!shown(r.y, geo.rowHeight)) return null;
        const c = trace.calls[r.index];
        const n = c.attempts.length;
        return (
          <g
            key={r.id}
            role={interactive ? 'group' : undefined}
            aria-label={
              interactive
                ? `${r.id}: ${STATUS_LABEL[r.status]}, ${n} ${n === 1 ? 'attempt' : 'attempts'}${r.critical ? ', on the critical path' : ''}`
                : undefined
            }
            className={`tw-tl-row${r.critical ? ' tw-tl-row--critical' : ''}${selected.has(r.id) ? ' tw-tl-row--selected' : ''}`}
          >
            <rect className="tw-tl-row__bg" x={0} y={r.y} width={plotRight} height={geo.rowHeight} />
            {!interactive && (
              <text className="tw-tl-row__label" x={8} y={r.y + geo.rowHeight * 0.68}>
                {shortId(r.id)}
              </text>
            )}
            {(barsByRow.get(r.index) ?? []).map((b) => (
              <AttemptBar
                key={b.attempt}
                bar={b}
                id={r.id}
                attempt={c.attempts[b.attempt - 1]}
                named={interactive}
                hover={hoverKey === `${r.index}:${b.attempt}`}
                hangFill={hangFill}
              />
            ))}
          </g>
        );
      })}
    </>
  );
}

/**
 * The compensation lane under the waves: "Compensations", then one row per compensation in the order they ran,
 * named "↶ id" (the call it undoes) in the label column, the tool in its title and name, with a bar per attempt. Drawn in both looks; the editor names
 * each row and bar for screen readers.
 */
export function CompensationRows({
  geo,
  trace,
  plotRight,
  interactive,
  hangFill,
}: {
  geo: Timeline;
  trace: Trace;
  plotRight: number;
  interactive: boolean;
  hangFill: string;
}) {
  const lane = geo.compensation;
  if (lane === null) return null;
  return (
    <g className="tw-tl-comp">
      <text className="tw-tl-group-label" x={6} y={lane.y - 5}>
        {lane.label}
      </text>
      {lane.rows.map((r, k) => {
        const attempts = trace.calls[r.call].effect?.compensation?.attempts ?? [];
        const n = attempts.length;
        const name = `${r.tool} (undoes ${r.id})`;
        return (
          <g
            key={r.id}
            role={interactive ? 'group' : undefined}
            aria-label={
              interactive ? `Compensation ${name}: ${COMPENSATION_WORD[r.status]}, ${n} ${n === 1 ? 'attempt' : 'attempts'}` : undefined
            }
            className={`tw-tl-row tw-tl-comp__row tw-tl-comp__row--${r.status}`}
          >
            <rect className="tw-tl-row__bg" x={0} y={r.y} width={plotRight} height={geo.rowHeight} />
            <text className="tw-tl-row__label tw-tl-comp__label" x={8} y={r.y + geo.rowHeight * 0.68}>
              <title>{`${name}: ${COMPENSATION_WORD[r.status]}`}</title>
              {`↶ ${shortId(r.id)}`}
            </text>
            {lane.bars
              .filter((b) => b.row === k)
              .map((b) => (
                <AttemptBar
                  key={b.attempt}
                  bar={b}
                  id={r.tool}
                  attempt={attempts[b.attempt - 1]}
                  named={interactive}
                  hover={false}
                  hangFill={hangFill}
                />
              ))}
          </g>
        );
      })}
    </g>
  );
}
