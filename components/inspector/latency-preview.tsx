'use client';
// A small picture of a call's latency distribution: the density (a spike for fixed, a box for uniform, the
// lognormal curve), p50 and p95 marked, and the per-attempt timeout with the share of attempts it would cut.
import { memo } from 'react';
import type { Latency } from '@/lib/plan';
import { shortDuration } from '@/lib/format/duration';
import { latencyShape, shareLongerThan } from './density';

const W = 320;
const H = 60;
const TOP = 6;

const percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });

/** A vertical mark across the plot, from `top` down to the axis, at `x` in plot units. */
function VLine({ x, top, className }: { x: number; top: number; className: string }) {
  return <line x1={x} x2={x} y1={top} y2={H} className={className} vectorEffect="non-scaling-stroke" />;
}

/** "about 2.3% of attempts" — said in words beside the picture too, so it is never only a colour. */
export function describeTimeoutCut(latency: Latency, timeoutMs: number | null): string | null {
  if (timeoutMs === null) return null;
  const share = shareLongerThan(latency, timeoutMs);
  if (share <= 0) return `The ${shortDuration(timeoutMs)} timeout never cuts an attempt of this latency (before faults).`;
  if (share >= 1) return `Every attempt lasts longer than the ${shortDuration(timeoutMs)} timeout: each one times out.`;
  const p = share < 0.001 ? 'under 0.1%' : `about ${percent.format(share)}`;
  return `The ${shortDuration(timeoutMs)} timeout cuts ${p} of attempts (before faults).`;
}

function LatencyPreviewView({ latency, timeoutMs }: { latency: Latency; timeoutMs: number | null }) {
  const shape = latencyShape(latency, 96, timeoutMs);
  const sx = (x: number) => (x / shape.maxX) * W;
  const maxY = shape.kind === 'spike' ? 1 : Math.max(...shape.points.map((p) => p.y), Number.MIN_VALUE);
  const sy = (y: number) => H - (y / maxY) * (H - TOP);
  let area = '';
  let line = '';
  if (shape.kind === 'curve') {
    line = shape.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${sx(p.x).toFixed(2)},${sy(p.y).toFixed(2)}`).join('');
    area = `${line}L${W},${H}L0,${H}Z`;
  }
  const pct = (x: number) => `${Math.min(100, Math.max(0, (x / shape.maxX) * 100))}%`;
  const timeoutShown = timeoutMs !== null && timeoutMs <= shape.maxX;
  const label =
    shape.kind === 'spike'
      ? `Latency always ${shortDuration(shape.p50)}`
      : `Latency distribution from 0 to ${shortDuration(shape.maxX)}: p50 ${shortDuration(shape.p50)}, p95 ${shortDuration(shape.p95)}`;
  return (
    <figure className="tw-insp-preview">
      <div className="tw-insp-preview__plot">
        <svg viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" width="100%" height={H} role="img" aria-label={label}>
          {shape.kind === 'curve' ? (
            <>
              <path d={area} className="tw-insp-preview__area" />
              <path d={line} className="tw-insp-preview__line" vectorEffect="non-scaling-stroke" />
            </>
          ) : (
            <VLine x={sx(shape.p50)} top={TOP} className="tw-insp-preview__spike" />
          )}
          {shape.kind === 'curve' && (
            <>
              <VLine x={sx(shape.p50)} top={TOP} className="tw-insp-preview__mark" />
              <VLine x={sx(shape.p95)} top={TOP} className="tw-insp-preview__mark tw-insp-preview__mark--p95" />
            </>
          )}
          {timeoutShown && <VLine x={sx(timeoutMs)} top={0} className="tw-insp-preview__timeout" />}
          <line x1={0} x2={W} y1={H - 0.5} y2={H - 0.5} className="tw-insp-preview__axis" vectorEffect="non-scaling-stroke" />
        </svg>
      </div>
      <div className="tw-insp-preview__labels" aria-hidden="true">
        <span className="tw-insp-preview__tag" style={{ left: pct(shape.p50) }}>
          p50
        </span>
        {shape.kind === 'curve' && (shape.p95 - shape.p50) / shape.maxX > 0.09 && (
          <span className="tw-insp-preview__tag tw-insp-preview__tag--p95" style={{ left: pct(shape.p95) }}>
            p95
          </span>
        )}
      </div>
      <figcaption className="tw-insp-preview__caption">
        <span>
          <span className="tw-insp-key tw-insp-key--p50" aria-hidden="true" />
          p50 {shortDuration(shape.p50)}
        </span>
        <span>
          <span className="tw-insp-key tw-insp-key--p95" aria-hidden="true" />
          p95 {shortDuration(shape.p95)}
        </span>
        {timeoutMs !== null && (
          <span>
            <span className="tw-insp-key tw-insp-key--timeout" aria-hidden="true" />
            timeout {shortDuration(timeoutMs)}
            {!timeoutShown && ' (off the chart)'}
          </span>
        )}
      </figcaption>
    </figure>
  );
}

export const LatencyPreview = memo(LatencyPreviewView);
