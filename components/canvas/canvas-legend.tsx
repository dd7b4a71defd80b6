'use client';
// The key to the canvas's lines, and the critical path: the longest chain of calls by typical latency.
import { memo } from 'react';
import { Panel } from '@xyflow/react';
import { formatShortMs } from '../format';
import type { PlanModel } from './model';

/** "search → fetch → summarize", or the first and last few of a long path. */
export function pathSummary(path: readonly string[], max = 4): string {
  if (path.length <= max) return path.join(' → ');
  return `${path.slice(0, 2).join(' → ')} → … → ${path.slice(-1)[0]} (${path.length} calls)`;
}

function CanvasLegendView({ model }: { model: PlanModel }) {
  if (model.waveCount === 0) return null;
  const critical = model.criticalPath.length > 0;
  return (
    <Panel position="top-right" className="tw-legend" aria-label="Legend">
      <span className="tw-legend__item">
        <svg width="22" height="8" aria-hidden="true">
          <path d="M1 4h20" className="tw-legend__needs" />
        </svg>
        needs
      </span>
      <span className="tw-legend__item">
        <svg width="22" height="8" aria-hidden="true">
          <path d="M1 4h20" className="tw-legend__optional" />
        </svg>
        optional
      </span>
      {critical && (
        <span className="tw-legend__item tw-legend__item--critical" title={`Critical path (typical latencies): ${model.criticalPath.join(' → ')}`}>
          <svg width="22" height="8" aria-hidden="true">
            <path d="M1 4h20" className="tw-legend__critical" />
          </svg>
          <span>
            critical path <span className="tw-legend__ms">~{formatShortMs(model.criticalMs)}</span>
            <span className="tw-visually-hidden">: {pathSummary(model.criticalPath)}</span>
          </span>
        </span>
      )}
    </Panel>
  );
}

export const CanvasLegend = memo(CanvasLegendView);
