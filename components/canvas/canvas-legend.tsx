'use client';
// The key to the canvas's lines, and the critical path: the longest chain of calls by typical latency. With a run on
// view it also keys the run's lines (data in, chain broken), where the canvas is wide enough (see canvas.css).
import { memo } from 'react';
import { Panel } from '@xyflow/react';
import type { AppState } from '@/lib/store/app-store';
import { useAppStore } from '@/lib/store/provider';
import { shortDuration } from '@/lib/format/duration';
import type { PlanModel } from './model';
import { TermTip } from '../glossary/term-tip';

/** "search → fetch → summarize", or the first and last few of a long path. */
export function pathSummary(path: readonly string[], max = 4): string {
  if (path.length <= max) return path.join(' → ');
  return `${path.slice(0, 2).join(' → ')} → … → ${path.slice(-1)[0]} (${path.length} calls)`;
}

const selectHasRun = (s: AppState) => s.runOnView !== null;

function CanvasLegendView({ model }: { model: PlanModel }) {
  const hasRun = useAppStore(selectHasRun);
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
        <TermTip term="optional-input">optional</TermTip>
      </span>
      {hasRun && (
        <>
          <span className="tw-legend__item tw-legend__item--run">
            <svg width="22" height="8" aria-hidden="true">
              <path d="M1 4h20" className="tw-legend__flowed" />
              <circle cx="11" cy="4" r="2.6" className="tw-legend__dot" />
            </svg>
            data in
          </span>
          <span className="tw-legend__item tw-legend__item--run">
            <svg width="22" height="10" aria-hidden="true">
              <path d="M1 5h20" className="tw-legend__broken" />
              <circle cx="11" cy="5" r="4.2" className="tw-legend__cut" />
              <path d="m9.2 3.2 3.6 3.6m0-3.6-3.6 3.6" className="tw-legend__cross" />
            </svg>
            broken
          </span>
        </>
      )}
      {critical && (
        <span className="tw-legend__item tw-legend__item--critical">
          <svg width="22" height="8" aria-hidden="true">
            <path d="M1 4h20" className="tw-legend__critical" />
          </svg>
          <span>
            <TermTip term="critical-path">critical path</TermTip>{' '}
            <span className="tw-legend__ms" title={`Critical path (typical latencies): ${model.criticalPath.join(' → ')}`}>
              ~{shortDuration(model.criticalMs)}
            </span>
            <span className="tw-visually-hidden">: {pathSummary(model.criticalPath)}</span>
          </span>
        </span>
      )}
    </Panel>
  );
}

export const CanvasLegend = memo(CanvasLegendView);
