'use client';
// A dependency `from → to` on the canvas: solid when required, dashed when optional, with an arrow; the critical
// path drawn heavier. After a run it carries the outcome at the cursor: a coloured line with a dot (and, as the
// result arrives, a packet travelling down it) when data flowed; red, dashed and cut by a ✕ when it broke.
// A selected edge shows a small toolbar to toggle optional and to delete it.
import { createContext, memo, useContext, useMemo } from 'react';
import { BaseEdge, EdgeLabelRenderer, getBezierPath, useStore, type Edge, type EdgeProps, type ReactFlowState } from '@xyflow/react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '@/lib/store/provider';
import { edgeRunSelector } from './run-selectors';
import { edgeText, type EdgeRunState } from './run-view';
import { LineIcon } from '../icons';

export interface DependencyEdgeData extends Record<string, unknown> {
  optional: boolean;
  critical: boolean;
}

export type DependencyEdgeType = Edge<DependencyEdgeData, 'dependency'>;

/** What an edge's toolbar can do; given by the canvas so edges carry no callbacks in their data. */
export interface EdgeActions {
  setOptional: (from: string, to: string, optional: boolean) => void;
  remove: (from: string, to: string) => void;
}

export const EdgeActionsContext = createContext<EdgeActions | null>(null);

const selectZoom = (s: ReactFlowState) => s.transform[2];

/** The selected edge's actions, just above its middle, at the same size on screen whatever the zoom. */
function EdgeToolbar({
  source,
  target,
  optional,
  x,
  y,
  actions,
}: {
  source: string;
  target: string;
  optional: boolean;
  x: number;
  y: number;
  actions: EdgeActions;
}) {
  const zoom = useStore(selectZoom);
  const name = `${source} → ${target}`;
  return (
    <EdgeLabelRenderer>
      <div
        className="tw-edge-toolbar nodrag nopan"
        style={{ transform: `translate(${x}px, ${y}px) scale(${1 / zoom}) translate(-50%, -100%) translateY(-10px)` }}
        role="toolbar"
        aria-label={`Dependency ${name}`}
      >
        <button
          type="button"
          className="tw-edge-toolbar__button"
          onClick={() => actions.setOptional(source, target, !optional)}
          aria-label={optional ? `Make ${name} required` : `Make ${name} optional`}
          title={
            optional
              ? `Make it required: ${target} is skipped if ${source} fails`
              : `Make it optional: ${target} runs degraded if ${source} fails`
          }
        >
          {optional ? 'Make required' : 'Make optional'}
        </button>
        <button
          type="button"
          className="tw-edge-toolbar__button tw-edge-toolbar__button--danger"
          onClick={() => actions.remove(source, target)}
          aria-label={`Delete dependency ${name}`}
          title="Delete this dependency (Delete)"
        >
          <LineIcon d="M3 4.5h10M6.5 4.5V3h3v1.5M4.5 4.5l.6 8.5h5.8l.6-8.5" size={13} weight={1.5} />
        </button>
      </div>
    </EdgeLabelRenderer>
  );
}

/** Arrowheads in the run's colours (React Flow's own markers take one fixed colour per edge object). */
const RUN_MARKER: Partial<Record<EdgeRunState, string>> = {
  flowing: "url('#tw-arrow-good')",
  partial: "url('#tw-arrow-warn')",
  broken: "url('#tw-arrow-bad')",
  missing: "url('#tw-arrow-bad')",
};

/** The run's arrowheads, once per canvas (same shape and size as the plan's ArrowClosed markers). */
export function RunMarkers() {
  return (
    <svg className="tw-run-markers" width="0" height="0" aria-hidden="true" focusable="false">
      <defs>
        {(['good', 'warn', 'bad'] as const).map((tone) => (
          <marker
            key={tone}
            id={`tw-arrow-${tone}`}
            className={`tw-arrow tw-arrow--${tone}`}
            viewBox="-10 -10 20 20"
            refX="0"
            refY="0"
            markerWidth="14"
            markerHeight="14"
            markerUnits="userSpaceOnUse"
            orient="auto-start-reverse"
          >
            <polyline points="-5,-4 0,0 -5,4 -5,-4" strokeLinecap="round" strokeLinejoin="round" strokeWidth="1" />
          </marker>
        ))}
      </defs>
    </svg>
  );
}

function DependencyEdgeView({
  source,
  target,
  sourceX,
  sourceY,
  targetX,
  targetY,
  sourcePosition,
  targetPosition,
  markerEnd,
  data,
  selected,
}: EdgeProps<DependencyEdgeType>) {
  const actions = useContext(EdgeActionsContext);
  const select = useMemo(() => edgeRunSelector(source, target), [source, target]);
  const run = useAppStore(useShallow(select));
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition });
  const state = run.state;
  const text = edgeText(source, target, run);
  const shown = state !== 'none' && state !== 'pending';
  return (
    <>
      {/* With the edge's aria-label as its name, the title is its description (and its tooltip). */}
      {text !== '' && <title>{text}</title>}
      <BaseEdge
        path={path}
        markerEnd={(!selected && RUN_MARKER[state]) || markerEnd}
        interactionWidth={18}
        className={shown ? `tw-run tw-run--${state}` : undefined}
        data-run={state}
      />
      {(state === 'flowing' || state === 'partial') && (
        <>
          {/* Mounted when the result arrives, so the packet runs once; reduced motion hides it (CSS). */}
          <path className={`tw-edge-packet tw-edge-packet--${state}`} d={path} pathLength={100} fill="none" />
          <circle className={`tw-edge-dot tw-edge-dot--${state}`} cx={labelX} cy={labelY} r={3.5} />
        </>
      )}
      {state === 'broken' && (
        <g className="tw-edge-cut" transform={`translate(${labelX} ${labelY})`}>
          <g className="tw-edge-cut__mark">
            <circle r={8} />
            <path d="m-3.5 -3.5 7 7M3.5 -3.5l-7 7" />
          </g>
        </g>
      )}
      {selected && actions !== null && (
        <EdgeToolbar source={source} target={target} optional={data?.optional ?? false} x={labelX} y={labelY} actions={actions} />
      )}
    </>
  );
}

export const DependencyEdge = memo(DependencyEdgeView);
