'use client';
// The timeline under the canvas: a Gantt chart of the latest run drawn as inline SVG from
// timelineGeometry. One row per call grouped by wave, a bar per attempt coloured by its result (and named in
// words in its <title>), hatched retry waits, timeout marks, the model-turn lane, the critical path and the stop
// line. Clicking a row, or its label button, selects the call for the inspector and the canvas.
// Playback: the playback bar sits on top (visible even when the chart is hidden); the
// chart draws the cursor of the run on view and veils what lies after it; pressing or dragging on the time axis
// scrubs; hovering an attempt bar shows its details in a card. The cursor lives in its own small component, so a
// moving cursor never re-renders the chart.
import { useEffect, useId, useMemo, useRef, useState, type MouseEvent, type PointerEvent } from 'react';
import { STATUS_LABEL, type Trace } from '@/lib/engine';
import type { Plan } from '@/lib/plan/schema';
import { useAppStore } from '@/lib/store/provider';
import { selectSelect, selectSelected, selectViewCursorMs, selectViewRun } from '@/lib/store/selectors';
import { PlaybackBar } from './playback-bar';
import { selectHasRun, selectPause, selectSetCursor } from './playback-selectors';
import { attemptTone, cursorX, formatTick, rowAt, scrubTime, timelineGeometry, type TimeScale, type Timeline, type TimelineBar } from './timeline-geometry';
import { attemptDetails, attemptTitle } from './timeline-tooltip';
import { useElementWidth } from '../use-measure';

const ROW_HEIGHT = 20;
const GROUP_GAP = 18;
const LABEL_WIDTH = 168;
/** Room above the turn lane for the time axis. */
const AXIS = 18;
const RIGHT_PAD = 12;
/** Two lines for the model-turn labels, between the axis and the turn lane (turns are often too narrow to hold one). */
const TURN_LINE = 12;
const TOP = AXIS + 2 * TURN_LINE + 2;

/** Places each turn's label on the first of two lines where it does not run into the previous one; "T n" if neither. */
function placeTurnLabels(turns: Timeline['turns'], right: number): { text: string; x: number; line: number }[] {
  const ends = [-Infinity, -Infinity];
  return turns.map((t) => {
    const x = t.thinking.x;
    const full = t.label;
    const short = `T${t.index + 1}`;
    for (const text of [full, short]) {
      const w = text.length * 6 + 6;
      const px = Math.min(x, right - w);
      const line = ends.findIndex((e) => e <= px);
      if (line !== -1) {
        ends[line] = px + w;
        return { text, x: px, line };
      }
    }
    return { text: '', x, line: 0 };
  });
}

const ms = (t: number) => `${Math.round(t).toLocaleString('en-US')}`;

/**
 * The playback cursor over the chart: a line at the cursor and a veil over what has not happened yet (so playback
 * reads as time passing while the whole chart stays legible). The only part of the timeline that re-renders as the
 * cursor moves; it never takes the pointer.
 */
function TimelineCursor({ scale, width, height, plotRight }: { scale: TimeScale; width: number; height: number; plotRight: number }) {
  const t = useAppStore(selectViewCursorMs);
  const x = cursorX(scale, t);
  const veil = Math.max(0, plotRight - x);
  return (
    <svg className="tw-tl__cursor" width={width} height={height} aria-hidden="true" focusable="false" data-cursor-x={x.toFixed(1)}>
      {veil > 0.5 && <rect className="tw-tl-veil" x={x} y={TOP} width={veil} height={height - TOP} />}
      <line className="tw-tl-cursor__line" x1={x} x2={x} y1={AXIS - 4} y2={height} />
      <path className="tw-tl-cursor__head" d={`M ${x - 5} ${AXIS - 11} L ${x + 5} ${AXIS - 11} L ${x + 5} ${AXIS - 6} L ${x} ${AXIS - 1} L ${x - 5} ${AXIS - 6} Z`} />
    </svg>
  );
}

interface Hover {
  row: number;
  attempt: number;
  /** The bar's box in the viewport, where the card is placed. */
  box: { left: number; top: number; bottom: number };
}

const CARD_WIDTH = 280;

/** The hover card of one attempt: plain React text, placed under (or above) its bar, inside the window. */
function AttemptCard({ trace, plan, hover }: { trace: Trace; plan: Plan; hover: Hover }) {
  const call = trace.calls[hover.row];
  const a = call?.attempts.find((x) => x.n === hover.attempt);
  if (call === undefined || a === undefined) return null;
  const d = attemptDetails(call.id, plan.calls[hover.row]?.label ?? null, a, call.attempts.length);
  const vw = typeof window === 'undefined' ? 1280 : window.innerWidth;
  const vh = typeof window === 'undefined' ? 720 : window.innerHeight;
  const left = Math.max(8, Math.min(hover.box.left, vw - CARD_WIDTH - 8));
  const below = hover.box.bottom + 170 < vh;
  const style = below ? { left, top: hover.box.bottom + 6 } : { left, top: hover.box.top - 6, transform: 'translateY(-100%)' };
  return (
    <div className={`tw-tl-card tw-tl-card--${d.tone}`} role="tooltip" style={{ ...style, width: CARD_WIDTH }}>
      <p className="tw-tl-card__title">{d.title}</p>
      {d.subtitle !== null && <p className="tw-tl-card__sub">{d.subtitle}</p>}
      <dl className="tw-tl-card__rows">
        {d.rows.map(([k, v]) => (
          <div key={k} className="tw-tl-card__row">
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

function TimelineChart({ plan, trace, offsetMs, width }: { plan: Plan; trace: Trace; offsetMs: number; width: number }) {
  const select = useAppStore(selectSelect);
  const selected = useAppStore(selectSelected);
  const setCursor = useAppStore(selectSetCursor);
  const pause = useAppStore(selectPause);
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const geo: Timeline = useMemo(
    () => timelineGeometry(plan, trace, { width: width - RIGHT_PAD, rowHeight: ROW_HEIGHT, groupGap: GROUP_GAP, labelWidth: LABEL_WIDTH }),
    [plan, trace, width],
  );
  const [hover, setHover] = useState<Hover | null>(null);
  const hoverKey = hover === null ? null : `${hover.row}:${hover.attempt}`;
  // A fixed card would drift from its bar when anything scrolls: hide it instead.
  useEffect(() => {
    if (hover === null) return;
    const clear = () => setHover(null);
    window.addEventListener('scroll', clear, true);
    window.addEventListener('resize', clear);
    return () => {
      window.removeEventListener('scroll', clear, true);
      window.removeEventListener('resize', clear);
    };
  }, [hover]);
  // A new run (or a new view) replaces the bars under the card.
  const [hoverFor, setHoverFor] = useState(trace);
  if (hoverFor !== trace) {
    setHoverFor(trace);
    setHover(null);
  }
  const height = TOP + geo.height + 8;
  const selectedSet = new Set(selected);
  const barsByRow = new Map<number, TimelineBar[]>();
  for (const b of geo.bars) {
    const list = barsByRow.get(b.row);
    if (list) list.push(b);
    else barsByRow.set(b.row, [b]);
  }
  const onClick = (e: MouseEvent<SVGSVGElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const row = rowAt(geo, e.clientY - box.top - TOP);
    if (row !== null) select([row.id]);
  };
  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => {
    const bar = e.target instanceof Element ? e.target.closest('rect[data-attempt]') : null;
    if (bar === null) {
      if (hover !== null) setHover(null);
      return;
    }
    const row = Number(bar.getAttribute('data-row'));
    const attempt = Number(bar.getAttribute('data-n'));
    if (hoverKey === `${row}:${attempt}`) return;
    const r = bar.getBoundingClientRect();
    setHover({ row, attempt, box: { left: r.left, top: r.top, bottom: r.bottom } });
  };
  // Pressing or dragging on the time axis scrubs (the playback pauses, as it does for the scrubber).
  const scrubTo = (e: PointerEvent<SVGRectElement>) => {
    const svg = e.currentTarget.ownerSVGElement;
    if (svg === null) return;
    setCursor(offsetMs + scrubTime(geo.scale, e.clientX - svg.getBoundingClientRect().left));
  };
  const plotRight = width - RIGHT_PAD;
  const hatch = `${uid}-hatch`;
  const stripes = `${uid}-stripes`;
  const stop = geo.stopLine;
  const stopAnchorEnd = stop !== null && stop.x > LABEL_WIDTH + (plotRight - LABEL_WIDTH) * 0.6;

  return (
    <div className="tw-tl__chart" style={{ height }}>
      <svg
        className="tw-tl__svg"
        width={width}
        height={height}
        role="group"
        aria-label={`Timeline of the run, ${formatTick(geo.scale.t1)} long`}
        onClick={onClick}
        onPointerMove={onPointerMove}
        onPointerLeave={() => setHover(null)}
      >
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

        {/* Time axis and grid */}
        <g className="tw-tl-axis" aria-hidden="true">
          {geo.ticks.map((k) => (
            <g key={k.t}>
              <line className="tw-tl-grid" x1={k.x} x2={k.x} y1={AXIS - 4} y2={height} />
              <text className="tw-tl-tick" x={k.x} y={AXIS - 6} textAnchor={k.x > plotRight - 20 ? 'end' : k.t === 0 ? 'start' : 'middle'}>
                {k.label}
              </text>
            </g>
          ))}
        </g>

        {/* Model-turn labels */}
        {placeTurnLabels(geo.turns, plotRight).map((l, i) =>
          l.text ? (
            <text key={i} className="tw-tl-turn__label" x={l.x} y={AXIS + l.line * TURN_LINE + 9}>
              {l.text}
            </text>
          ) : null,
        )}

        {/* The time axis is the scrub area: press or drag to move the playback cursor */}
        <rect
          className="tw-tl-scrub"
          data-testid="timeline-scrub"
          x={LABEL_WIDTH}
          y={0}
          width={Math.max(0, plotRight - LABEL_WIDTH)}
          height={TOP}
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

        <g transform={`translate(0 ${TOP})`}>
          {/* Model-turn lane */}
          <text className="tw-tl-group-label" x={6} y={geo.turnLane.y + geo.turnLane.height * 0.68}>
            Model turns
          </text>
          {geo.turns.map((t) => {
            const y = geo.turnLane.y + 2;
            const h = geo.turnLane.height - 4;
            return (
              <g key={t.index} className="tw-tl-turn" role="img" aria-label={t.label}>
                <title>{`${t.label}${t.wave !== null ? ` (wave ${t.wave + 1})` : ''} · thinking ${ms(geo.scale.t(t.thinking.x))}–${ms(geo.scale.t(t.executing.x))} ms · its calls running until ${ms(geo.scale.t(t.executing.x + t.executing.width))} ms`}</title>
                <rect className="tw-tl-turn__thinking" x={t.thinking.x} y={y} width={Math.max(t.thinking.width, 0)} height={h} />
                <rect className="tw-tl-turn__executing" x={t.executing.x} y={y} width={Math.max(t.executing.width, 0)} height={h} />
              </g>
            );
          })}

          {/* Wave groups */}
          {geo.groups.map((g) => (
            <g key={g.wave}>
              <rect className="tw-tl-group" x={0} y={g.y} width={plotRight} height={g.height} />
              <text className="tw-tl-group-label" x={6} y={g.y - 5}>
                {g.label}
              </text>
            </g>
          ))}

          {/* Rows */}
          {geo.rows.map((r) => {
            const c = trace.calls[r.index];
            const bars = barsByRow.get(r.index) ?? [];
            const n = c.attempts.length;
            return (
              <g
                key={r.id}
                role="group"
                aria-label={`${r.id}: ${STATUS_LABEL[r.status]}, ${n} ${n === 1 ? 'attempt' : 'attempts'}${r.critical ? ', on the critical path' : ''}`}
                className={`tw-tl-row${r.critical ? ' tw-tl-row--critical' : ''}${selectedSet.has(r.id) ? ' tw-tl-row--selected' : ''}`}
              >
                <rect className="tw-tl-row__bg" x={0} y={r.y} width={plotRight} height={ROW_HEIGHT} />
                {bars.map((b) => {
                  const a = c.attempts[b.attempt - 1];
                  return (
                    <rect
                      key={b.attempt}
                      role="img"
                      aria-label={a ? attemptTitle(r.id, a) : `${r.id} · attempt ${b.attempt}`}
                      data-attempt={`${r.id}:${b.attempt}`}
                      data-row={r.index}
                      data-n={b.attempt}
                      data-result={b.result}
                      className={`tw-tl-bar tw-tl-bar--${attemptTone(b.result)}${hoverKey === `${r.index}:${b.attempt}` ? ' tw-tl-bar--hover' : ''}`}
                      x={b.x}
                      y={b.y}
                      width={b.width}
                      height={b.height}
                      rx={2}
                      fill={b.result === 'hang' ? `url(#${stripes})` : undefined}
                    />
                  );
                })}
              </g>
            );
          })}

          {/* Retry waits */}
          {geo.waits.map((w) => (
            <rect key={`${w.row}-${w.attempt}`} className="tw-tl-wait" x={w.x} y={w.y} width={w.width} height={w.height} fill={`url(#${hatch})`}>
              <title>{`${trace.calls[w.row].id} · waiting to retry · attempt ${w.attempt} next`}</title>
            </rect>
          ))}

          {/* Timeout marks */}
          {geo.timeoutMarks.map((m) => (
            <g key={`${m.row}-${m.attempt}`} className="tw-tl-timeout">
              <title>{`${trace.calls[m.row].id} · attempt ${m.attempt} cut by its timeout`}</title>
              <line x1={m.x} x2={m.x} y1={m.y + 1} y2={m.y + m.height - 1} />
              <path d={`M ${m.x - 4} ${m.y + 1} L ${m.x + 4} ${m.y + 1} L ${m.x} ${m.y + 6} Z`} />
            </g>
          ))}

          {/* Stop line */}
          {stop !== null && (
            <g className="tw-tl-stop">
              <title>{stop.label}</title>
              <line x1={stop.x} x2={stop.x} y1={0} y2={geo.height} />
              <text x={stopAnchorEnd ? stop.x - 4 : stop.x + 4} y={geo.turnLane.height + GROUP_GAP - 5} textAnchor={stopAnchorEnd ? 'end' : 'start'}>
                {stop.label}
              </text>
            </g>
          )}
        </g>
      </svg>
      <TimelineCursor scale={geo.scale} width={width} height={height} plotRight={plotRight} />
      {hover !== null && <AttemptCard trace={trace} plan={plan} hover={hover} />}

      {/* The label column: one focusable button per row */}
      <div className="tw-tl__labels" style={{ width: LABEL_WIDTH }}>
        {geo.rows.map((r) => (
          <button
            key={r.id}
            type="button"
            className={`tw-tl__label${r.critical ? ' tw-tl__label--critical' : ''}${selectedSet.has(r.id) ? ' tw-tl__label--selected' : ''}`}
            style={{ top: TOP + r.y, height: ROW_HEIGHT }}
            aria-label={`Select ${r.id} in the timeline`}
            aria-pressed={selectedSet.has(r.id)}
            title={`${r.label} — ${STATUS_LABEL[r.status]}${r.critical ? ' · critical path' : ''}`}
            onClick={() => select([r.id])}
          >
            {r.id}
          </button>
        ))}
      </div>
    </div>
  );
}

/** Below this window height, opening the timeline by itself would squeeze the canvas too much. */
const OPEN_BY_ITSELF_MIN_HEIGHT = 900;

export function TimelinePanel() {
  const hasRun = useAppStore(selectHasRun);
  // The run on view: the top run, or the nested run of the sub-agent drilled into (on its own clock).
  const view = useAppStore(selectViewRun);
  const [open, setOpen] = useState(false);
  // Closed until the first run exists, then opened once (the person may close it again) — but only where
  // the window is tall enough for the canvas and the timeline together; elsewhere it is one click away.
  const [seenRun, setSeenRun] = useState(false);
  if (hasRun && !seenRun) {
    setSeenRun(true);
    if (window.innerHeight >= OPEN_BY_ITSELF_MIN_HEIGHT) setOpen(true);
  }
  const bodyRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(bodyRef);
  const bodyId = useId();

  return (
    <section className={`tw-tl${open ? ' tw-tl--open' : ''}`} aria-label="Timeline">
      <PlaybackBar />
      <header className="tw-tl__head">
        <h2 className="tw-tl__title">Timeline</h2>
        {view !== null && open && <span className="tw-tl__legend" aria-hidden="true">
          <span className="tw-tl-key tw-tl-key--ok" />ok
          <span className="tw-tl-key tw-tl-key--partial" />partial
          <span className="tw-tl-key tw-tl-key--bad" />failed
          <span className="tw-tl-key tw-tl-key--wait" />retry wait
          <span className="tw-tl-key tw-tl-key--critical" />critical path
        </span>}
        <button
          type="button"
          className="tw-icon-button tw-tl__toggle"
          aria-expanded={open}
          aria-controls={bodyId}
          aria-label={open ? 'Hide timeline' : 'Show timeline'}
          title={open ? 'Hide timeline' : 'Show timeline'}
          onClick={() => setOpen(!open)}
        >
          <span aria-hidden="true">{open ? '▾' : '▴'}</span>
        </button>
      </header>
      <div className="tw-tl__body" id={bodyId} ref={bodyRef} hidden={!open}>
        {!hasRun ? (
          <p className="tw-tl__empty">Run the plan to see its timeline.</p>
        ) : view === null ? (
          <p className="tw-tl__empty">This sub-agent did not run in the latest run, so it has no timeline.</p>
        ) : width > LABEL_WIDTH + 40 ? (
          <TimelineChart plan={view.plan} trace={view.trace} offsetMs={view.offsetMs} width={width} />
        ) : null}
      </div>
    </section>
  );
}
