'use client';
// The plan editor's canvas: calls over their live wave bands, dependencies as edges, the critical path marked;
// add from the palette, connect handle to handle, select, move, delete, duplicate. The plan in the store is the
// truth: every edit is one commit; a drag lives in local state until it stops, then commits once.
import { useCallback, useMemo, useRef, useState, type DragEvent, type MouseEvent as ReactMouseEvent } from 'react';
import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  useStore,
  type Connection,
  type Edge,
  type EdgeTypes,
  type FinalConnectionState,
  type Node,
  type NodeTypes,
  type OnNodeDrag,
  type ReactFlowState,
} from '@xyflow/react';
import { canConnect } from '@/lib/plan/edit';
import { isToolKey } from '@/lib/plan/palette';
import { useAppStore, useAppStoreApi } from '@/lib/store/provider';
import { selectPlanVersion, selectSelected, selectViewPath, selectViewPlan } from '@/lib/store/selectors';
import { CanvasLegend } from './canvas-legend';
import { CanvasToolbar, TOOL_DRAG_TYPE } from './canvas-toolbar';
import { DependencyEdge, EdgeActionsContext, RunMarkers, type DependencyEdgeType } from './dependency-edge';
import { DrillBar } from './drill-bar';
import { EmptyCanvas } from './empty-canvas';
import { NoteActionsContext, useNoteActions } from './note-actions';
import { NoteNode } from './note-node';
import { NOTE_NODE_PREFIX } from './note-nodes';
import { ToolCallNode } from './tool-call-node';
import { useCanvasActions } from './use-canvas-actions';
import { useCanvasGraph, type CanvasNode } from './use-canvas-graph';
import { useCanvasKeys } from './use-canvas-keys';
import { useStayFitted } from './use-stay-fitted';
import { BandsOnly, bandClass, bandColor, FAR_ZOOM, initialFit, MAX_ON_SCREEN, minZoomFor, ONLY_VISIBLE } from './large-plan';
import { NODE_SIZE } from './view-model';
import { WaveBandNode } from './wave-bands';
import { InjectProvider } from '../inject/inject-provider';
import { useMeasure } from '../use-measure';
import { ScenarioMenu } from '../inject/scenario-menu';

const nodeTypes: NodeTypes = { toolCall: ToolCallNode, waveBand: WaveBandNode, note: NoteNode };
const edgeTypes: EdgeTypes = { dependency: DependencyEdge };
const proOptions = { hideAttribution: false };
const minimapStyle = { width: 168, height: 112 };
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
const selectFar = (s: ReactFlowState) => s.transform[2] < FAR_ZOOM;

function minimapColor(node: Node): string {
  return node.type === 'waveBand' ? 'transparent' : node.type === 'note' ? 'var(--tw-note-minimap)' : 'var(--tw-minimap-node)';
}

/** The call under a pointer, if any (a connection dropped on a node's body rather than its handle). */
function callIdAt(event: MouseEvent | TouchEvent): string | null {
  const point = 'changedTouches' in event ? event.changedTouches[0] : event;
  if (point === undefined) return null;
  const el = document.elementFromPoint(point.clientX, point.clientY)?.closest('.react-flow__node-toolCall');
  return el?.getAttribute('data-id') ?? null;
}

function CanvasEditor() {
  const store = useAppStoreApi();
  const rf = useReactFlow<CanvasNode, DependencyEdgeType>();
  // The plan on view: the top plan, or the nested plan of the sub-agent drilled into (edits go through the store’s editView).
  const plan = useAppStore(selectViewPlan);
  const selected = useAppStore(selectSelected);
  const far = useStore(selectFar);
  const rootRef = useRef<HTMLDivElement>(null);
  const { view, nodes, selectedEdges, setSelectedEdges, notes, onNodesChange, onEdgesChange, endDrag } = useCanvasGraph(plan, selected);
  const actions = useCanvasActions(selectedEdges, setSelectedEdges, rootRef, notes);
  const noteActions = useNoteActions(notes.setEditing, notes.setSelected);
  useCanvasKeys(actions, rootRef);

  const commitDrag = useCallback(
    (dragged: readonly CanvasNode[]) => {
      const positions = endDrag(dragged);
      if (positions.size > 0) actions.move(positions);
    },
    [endDrag, actions],
  );
  const onNodeDragStop: OnNodeDrag<CanvasNode> = useCallback((_event, _node, dragged) => commitDrag(dragged), [commitDrag]);
  const onSelectionDragStop = useCallback((_event: unknown, dragged: CanvasNode[]) => commitDrag(dragged), [commitDrag]);

  const isValidConnection = useCallback(
    (c: Connection | Edge) => canConnect(selectViewPlan(store.getState()), c.source, c.target).ok,
    [store],
  );
  const onConnect = useCallback((c: Connection) => actions.connect(c.source, c.target), [actions]);
  const onConnectEnd = useCallback(
    (event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      // A valid drop on a handle was connected by onConnect; anything else dropped on a call is tried here, so a
      // refusal is explained on the spot and a drop on a call's body still connects.
      if (state.isValid === true || state.fromNode === null || state.fromHandle === null) return;
      const other = state.toNode?.id ?? callIdAt(event);
      if (other === null || other === undefined || other.startsWith('__wave_') || other.startsWith(NOTE_NODE_PREFIX)) return;
      if (other === state.fromNode.id && state.toHandle === null) return;
      if (state.fromHandle.type === 'source') actions.connect(state.fromNode.id, other);
      else actions.connect(other, state.fromNode.id);
    },
    [actions],
  );

  const onDragOver = useCallback((e: DragEvent) => {
    if (!e.dataTransfer.types.includes(TOOL_DRAG_TYPE)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  }, []);
  const onDrop = useCallback(
    (e: DragEvent) => {
      const key = e.dataTransfer.getData(TOOL_DRAG_TYPE);
      if (!isToolKey(key)) return;
      e.preventDefault();
      const p = rf.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      actions.add(key, { x: Math.round(p.x - NODE_SIZE.width / 2), y: Math.round(p.y - NODE_SIZE.height / 2) });
    },
    [rf, actions],
  );

  // Double-clicking a sub-agent opens its nested plan.
  const onNodeDoubleClick = useCallback(
    (_e: ReactMouseEvent, node: CanvasNode) => {
      if (node.type === 'toolCall' && node.data.call.kind === 'agent') store.getState().drillInto(node.id);
    },
    [store],
  );

  // A right-click on an edge selects it, which shows its toolbar (toggle optional, delete).
  const onEdgeContextMenu = useCallback(
    (e: ReactMouseEvent, edge: DependencyEdgeType) => {
      e.preventDefault();
      setSelectedEdges(new Set([edge.id]));
      store.getState().select([]);
    },
    [store, setSelectedEdges],
  );

  const edgeActions = useMemo(() => ({ setOptional: actions.setOptional, remove: actions.remove }), [actions]);
  const callCount = plan.calls.length;
  const fit = useMeasure(rootRef, fitOf, sameFit, ROOMY);
  // Fixed when the canvas mounts (a newly opened plan remounts it): the window's size decides how far it zooms out.
  const [minZoom] = useState(() =>
    minZoomFor(callCount, typeof window === 'undefined' ? 1920 * 1080 : window.innerWidth * window.innerHeight),
  );
  const [fitOptions] = useState(() => initialFit(plan, view.model.waves));
  const stayFitted = useStayFitted(rootRef, fitOptions);

  return (
    <div
      className={`tw-canvas-editor${fit.short ? ' tw-canvas-editor--short' : ''}${fit.narrow ? ' tw-canvas-editor--narrow' : ''}`}
      ref={rootRef}
    >
      <CanvasToolbar
        actions={actions}
        callsSelected={selected.length}
        othersSelected={selectedEdges.size + notes.selected.size}
        hasCalls={callCount > 0}
      />
      {callCount > 0 && <ScenarioMenu />}
      <EdgeActionsContext.Provider value={edgeActions}>
        <NoteActionsContext.Provider value={noteActions}>
          <ReactFlow<CanvasNode, DependencyEdgeType>
            style={{ width: '100%', height: '100%' }}
            className={far ? 'tw-flow tw-flow--far' : 'tw-flow'}
            nodes={nodes}
            edges={view.edges}
            nodeTypes={nodeTypes}
            edgeTypes={edgeTypes}
            onNodesChange={onNodesChange}
            onEdgesChange={onEdgesChange}
            onNodeDragStop={onNodeDragStop}
            onSelectionDragStop={onSelectionDragStop}
            onConnect={onConnect}
            onConnectEnd={onConnectEnd}
            isValidConnection={isValidConnection}
            onEdgeContextMenu={onEdgeContextMenu}
            onNodeDoubleClick={onNodeDoubleClick}
            onDragOver={onDragOver}
            onDrop={onDrop}
            deleteKeyCode={null}
            selectionKeyCode="Shift"
            multiSelectionKeyCode={MULTI_SELECT_KEYS}
            connectionRadius={28}
            nodeDragThreshold={2}
            fitView
            fitViewOptions={fitOptions}
            onMoveStart={stayFitted.onMoveStart}
            minZoom={minZoom}
            maxZoom={2}
            onlyRenderVisibleElements={callCount > ONLY_VISIBLE}
            proOptions={proOptions}
            aria-label={`Plan graph: ${plan.name}`}
          >
            <Background gap={24} size={1} />
            {callCount > 0 &&
              !fit.short &&
              (callCount > MAX_ON_SCREEN ? (
                <MiniMap
                  pannable
                  zoomable
                  nodeColor={bandColor}
                  nodeClassName={bandClass}
                  nodeComponent={BandsOnly}
                  nodeStrokeWidth={0}
                  style={minimapStyle}
                  ariaLabel="Mini map of the plan, by waves"
                />
              ) : (
                <MiniMap
                  pannable
                  zoomable
                  nodeColor={minimapColor}
                  nodeStrokeWidth={0}
                  style={minimapStyle}
                  ariaLabel="Mini map of the plan"
                />
              ))}
            <Controls
              showInteractive={false}
              showFitView={false}
              position="bottom-left"
              onZoomIn={stayFitted.userMoved}
              onZoomOut={stayFitted.userMoved}
            />
            <CanvasLegend model={view.model} />
          </ReactFlow>
        </NoteActionsContext.Provider>
      </EdgeActionsContext.Provider>
      {callCount === 0 && (plan.notes?.length ?? 0) === 0 && <EmptyCanvas />}
    </div>
  );
}

/** Below this height the minimap would cover the plan; below this width the legend's run keys crowd the palette. */
const SHORT_HEIGHT = 560;
const NARROW_WIDTH = 820;

interface CanvasFit {
  short: boolean;
  narrow: boolean;
}

/**
 * Whether the canvas is short or narrow, measured (a CSS container query did this before, but Chrome re-attached
 * the minimap's whole subtree on every frame in which anything in the canvas changed).
 */
const fitOf = (el: HTMLElement): CanvasFit => ({
  short: el.clientHeight > 0 && el.clientHeight <= SHORT_HEIGHT,
  narrow: el.clientWidth > 0 && el.clientWidth <= NARROW_WIDTH,
});
const sameFit = (a: CanvasFit, b: CanvasFit) => a.short === b.short && a.narrow === b.narrow;
const ROOMY: CanvasFit = { short: false, narrow: false };

export function PlanCanvas() {
  const planVersion = useAppStore(selectPlanVersion);
  const viewPath = useAppStore(selectViewPath);
  // A newly opened plan, or going into or out of a sub-agent, remounts the flow: its local state and fitView start afresh.
  return (
    <div className="tw-canvas-frame">
      <DrillBar />
      <div className="tw-canvas-stage">
        <ReactFlowProvider key={`${planVersion}/${viewPath.join('/')}`}>
          <InjectProvider>
            <CanvasEditor />
          </InjectProvider>
        </ReactFlowProvider>
      </div>
      <RunMarkers />
    </div>
  );
}
