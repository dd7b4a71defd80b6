'use client';
// The makespan histogram (recharts), loaded on demand: bars of runs per makespan bin, p50/p95/p99 marked (with a
// comparison: A's and B's bars side by side in each bin and both p95 lines), and Save as PNG / SVG. Colours come
// from CSS variables (stats.css), so both themes read well; the saved files carry them as computed values.
import { useMemo, useRef, useState } from 'react';
import { Bar, BarChart, CartesianGrid, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { downloadBlob, downloadText } from '../download';
import { chartData, type ChartBin } from './chart-data';
import { serializeChart, svgToPng } from './chart-export';
import { axisNumber, columnDuration } from '@/lib/format/duration';
import { formatCount, formatPercent } from './format';
import { errorText } from '@/lib/format/error';

export interface Percentiles {
  p50: number | null;
  p95: number | null;
  p99: number | null;
}

export interface MakespanChartProps {
  a: Float64Array;
  pa: Percentiles;
  b: Float64Array | null;
  pb: Percentiles | null;
  /** Runs per variant (a stuck run has no makespan, so the bars may add up to fewer). */
  runs: number;
  /** The title of a saved file: "Makespan of 10,000 runs — Research agent". */
  title: string;
  /** The saved file's name without extension. */
  fileStem: string;
}

interface Marker {
  x: number;
  label: string;
  color: string;
  dash: string;
  flip: boolean;
}

const AXIS_TICK = { fill: 'var(--tw-muted)', fontSize: 11 };

/** A short count for the y axis: 950, 1.2k, 12k. */
function shortCount(n: number): string {
  if (n < 1000) return String(n);
  const k = n / 1000;
  return `${Number(k.toFixed(k < 10 ? 2 : 1))}k`;
}

/**
 * A vertical line's label, stacked by index so close lines do not print over each other; on the right of the
 * line, or on its left when the line stands in the right quarter of the chart.
 */
const markerLabel = (index: number, text: string, color: string, flip: boolean) =>
  function render(props: { viewBox?: { x?: number; y?: number } }) {
    const x = props.viewBox?.x ?? 0;
    const y = (props.viewBox?.y ?? 0) + 11 + index * 13;
    return (
      <text
        x={flip ? x - 4 : x + 4}
        y={y}
        textAnchor={flip ? 'end' : 'start'}
        fill={color}
        fontSize={11}
        fontWeight={600}
        stroke="var(--tw-surface)"
        strokeWidth={3}
        paintOrder="stroke"
      >
        {text}
      </text>
    );
  };

function TooltipBody({
  active,
  payload,
  compare,
  runs,
}: {
  active?: boolean;
  payload?: readonly { payload?: ChartBin }[];
  compare: boolean;
  runs: number;
}) {
  const bin = payload?.[0]?.payload;
  if (!active || bin === undefined) return null;
  return (
    <div className="tw-stats-tip">
      <p className="tw-stats-tip__range">
        {columnDuration(bin.x0)} – {columnDuration(bin.x1)}
      </p>
      <p>
        {compare ? 'A: ' : ''}
        {formatCount(bin.a)} runs ({formatPercent(runs === 0 ? 0 : bin.a / runs)})
      </p>
      {compare && (
        <p>
          B: {formatCount(bin.b)} runs ({formatPercent(runs === 0 ? 0 : bin.b / runs)})
        </p>
      )}
    </div>
  );
}

export default function MakespanChart({ a, pa, b, pb, runs, title, fileStem }: MakespanChartProps) {
  const data = useMemo(() => chartData(a, b), [a, b]);
  const box = useRef<HTMLDivElement>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const compare = b !== null && pb !== null;

  if (data === null) return <p className="tw-muted">No run has a makespan: every run was stuck.</p>;

  const markers: Marker[] = [];
  const add = (x: number | null, label: string, color: string, dash: string) => {
    if (x !== null) markers.push({ x, label, color, dash, flip: (x - data.domain[0]) / (data.domain[1] - data.domain[0]) > 0.75 });
  };
  if (compare) {
    add(pa.p95, 'A p95', 'var(--tw-stat-a)', '5 3');
    add(pb.p95, 'B p95', 'var(--tw-stat-b)', '5 3');
  } else {
    add(pa.p50, 'p50', 'var(--tw-stat-line)', '2 3');
    add(pa.p95, 'p95', 'var(--tw-stat-line)', '5 3');
    add(pa.p99, 'p99', 'var(--tw-stat-line)', '8 3');
  }

  const svg = () => box.current?.querySelector<SVGSVGElement>('svg.recharts-surface') ?? null;
  const save = async (kind: 'svg' | 'png') => {
    setSaveError(null);
    const el = svg();
    if (el === null) {
      setSaveError('The chart is not drawn yet.');
      return;
    }
    try {
      const file = serializeChart(el, title);
      if (kind === 'svg') downloadText(`${fileStem}.svg`, file.text, 'image/svg+xml');
      else downloadBlob(`${fileStem}.png`, await svgToPng(file, 2));
    } catch (err) {
      setSaveError(`The chart could not be saved: ${errorText(err)}`);
    }
  };

  const unit = data.unit;
  const summary = compare
    ? `Makespans of A and B over ${formatCount(runs)} runs each: p95 ${columnDuration(pa.p95)} for A, ${columnDuration(pb.p95)} for B.`
    : `Makespans over ${formatCount(runs)} runs: p50 ${columnDuration(pa.p50)}, p95 ${columnDuration(pa.p95)}, p99 ${columnDuration(pa.p99)}.`;

  return (
    <div className="tw-stats-chart">
      <div ref={box} className="tw-stats-chart__plot" role="img" aria-label={summary}>
        <BarChart
          responsive
          style={{ width: '100%', height: 200 }}
          data={data.bins}
          margin={{ top: 8, right: 10, bottom: 14, left: 0 }}
          barCategoryGap={compare ? '12%' : '8%'}
          barGap={0}
          accessibilityLayer={false}
        >
          <CartesianGrid vertical={false} stroke="var(--tw-border)" />
          <XAxis
            type="number"
            dataKey="mid"
            domain={data.domain}
            ticks={data.ticks}
            allowDataOverflow
            tickFormatter={(v: number) => axisNumber(v, unit)}
            tick={AXIS_TICK}
            stroke="var(--tw-border-strong)"
            tickLine={false}
            height={30}
            label={{
              value: unit === 's' ? 'makespan (s)' : 'makespan (ms)',
              position: 'insideBottom',
              offset: -4,
              fill: 'var(--tw-muted)',
              fontSize: 11,
            }}
          />
          <YAxis
            width={40}
            tickCount={4}
            tick={AXIS_TICK}
            tickFormatter={shortCount}
            allowDecimals={false}
            stroke="var(--tw-border-strong)"
            tickLine={false}
          />
          <Tooltip
            cursor={{ fill: 'var(--tw-stat-cursor)' }}
            isAnimationActive={false}
            content={(p) => (
              <TooltipBody
                active={p.active}
                payload={p.payload as readonly { payload?: ChartBin }[] | undefined}
                compare={compare}
                runs={runs}
              />
            )}
          />
          <Bar dataKey="a" name="A" fill="var(--tw-stat-a)" isAnimationActive={false} />
          {compare && <Bar dataKey="b" name="B" fill="var(--tw-stat-b)" isAnimationActive={false} />}
          {markers.map((m, i) => (
            <ReferenceLine
              key={m.label}
              x={m.x}
              stroke={m.color}
              strokeWidth={1.5}
              strokeDasharray={m.dash}
              ifOverflow="extendDomain"
              label={markerLabel(i, m.label, m.color, m.flip)}
            />
          ))}
        </BarChart>
      </div>
      <ul className="tw-stats-legend">
        {compare ? (
          <>
            <li>
              <span className="tw-stats-swatch tw-stats-swatch--a" aria-hidden="true" />A
            </li>
            <li>
              <span className="tw-stats-swatch tw-stats-swatch--b" aria-hidden="true" />B
            </li>
            <li>dashed lines: p95 of each</li>
          </>
        ) : (
          <>
            <li>
              <span className="tw-stats-swatch tw-stats-swatch--a" aria-hidden="true" />
              runs per {columnDuration(data.step)} of makespan
            </li>
            <li>lines: p50, p95, p99</li>
          </>
        )}
      </ul>
      <div className="tw-stats-actions">
        <button type="button" className="tw-button tw-button--quiet tw-button--small" onClick={() => void save('png')}>
          Save chart as PNG
        </button>
        <button type="button" className="tw-button tw-button--quiet tw-button--small" onClick={() => void save('svg')}>
          Save chart as SVG
        </button>
      </div>
      {saveError !== null && (
        <p className="tw-error" role="alert">
          {saveError}
        </p>
      )}
    </div>
  );
}
