'use client';
// A dependency `from → to` on the canvas: solid when required, dashed when optional, with an arrow; the critical
// path drawn heavier. A selected edge shows a small toolbar to toggle optional and to delete it.
import { createContext, memo, useContext } from 'react';
import { BaseEdge, EdgeLabelRenderer, getBezierPath, useStore, type Edge, type EdgeProps, type ReactFlowState } from '@xyflow/react';

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
function EdgeToolbar({ source, target, optional, x, y, actions }: { source: string; target: string; optional: boolean; x: number; y: number; actions: EdgeActions }) {
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
          title={optional ? `Make it required: ${target} is skipped if ${source} fails` : `Make it optional: ${target} runs degraded if ${source} fails`}
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
          <svg viewBox="0 0 16 16" width="13" height="13" aria-hidden="true">
            <path d="M3 4.5h10M6.5 4.5V3h3v1.5M4.5 4.5l.6 8.5h5.8l.6-8.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
        </button>
      </div>
    </EdgeLabelRenderer>
  );
}

function DependencyEdgeView({ source, target, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, markerEnd, data, selected }: EdgeProps<DependencyEdgeType>) {
  const actions = useContext(EdgeActionsContext);
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition });
  return (
    <>
      <BaseEdge path={path} markerEnd={markerEnd} interactionWidth={18} />
      {selected && actions !== null && <EdgeToolbar source={source} target={target} optional={data?.optional ?? false} x={labelX} y={labelY} actions={actions} />}
    </>
  );
}

export const DependencyEdge = memo(DependencyEdgeView);
