'use client';
// The read-only plan graph: calls laid out in wave columns over their bands, dependencies as edges.
// Pan, zoom and select only; the editor (moving, connecting) is a later issue.
import { useEffect, useMemo } from 'react';
import {
  Background,
  Controls,
  MarkerType,
  MiniMap,
  ReactFlow,
  useNodesState,
  type Edge,
  type Node,
  type NodeTypes,
} from '@xyflow/react';
import type { Plan } from '@/lib/plan';
import { DEFAULT_LAYOUT, layoutPlan } from '@/lib/plan/layout';
import { selectPlan, selectPlanVersion } from '@/lib/store/selectors';
import { useAppStore } from '@/lib/store/provider';
import { activeScenario, effectiveFaults } from '@/lib/plan/scenario';
import { ToolCallNode, describeCall, type ToolCallNodeType } from './tool-call-node';
import { WaveBandNode, waveBandNodes, type WaveBandNodeType } from './wave-bands';

const nodeTypes: NodeTypes = { toolCall: ToolCallNode, waveBand: WaveBandNode };
const fitViewOptions = { padding: 0.1, maxZoom: 1.15 };
const proOptions = { hideAttribution: false };
const minimapStyle = { width: 168, height: 112 };

type CanvasNode = ToolCallNodeType | WaveBandNodeType;

function buildGraph(plan: Plan): { nodes: CanvasNode[]; edges: Edge[] } {
  const layout = layoutPlan(plan);
  const scenario = activeScenario(plan);
  const calls: ToolCallNodeType[] = layout.nodes.map((n) => {
    const call = plan.calls[n.index];
    const faults = effectiveFaults(call, scenario);
    return {
      id: call.id,
      type: 'toolCall',
      position: { x: n.x, y: n.y },
      width: DEFAULT_LAYOUT.nodeWidth,
      height: DEFAULT_LAYOUT.nodeHeight,
      data: { call, faults, wave: n.wave },
      draggable: false,
      connectable: false,
      ariaLabel: describeCall(call, faults, n.wave),
    };
  });
  const edges: Edge[] = plan.dependencies.map((d) => ({
    id: `${d.from}->${d.to}`,
    source: d.from,
    target: d.to,
    className: d.optional ? 'tw-edge tw-edge--optional' : 'tw-edge',
    markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 },
    ariaLabel: `${d.to} ${d.optional ? 'can use' : 'needs'} ${d.from}`,
    focusable: false,
  }));
  return { nodes: [...waveBandNodes(layout.bands, plan.settings.strategy), ...calls], edges };
}

function minimapColor(node: Node): string {
  return node.type === 'waveBand' ? 'transparent' : 'var(--tw-minimap-node)';
}

function PlanFlow({ plan }: { plan: Plan }) {
  const graph = useMemo(() => buildGraph(plan), [plan]);
  // Local node state only so that selection shows; positions never change (read-only).
  const [nodes, setNodes, onNodesChange] = useNodesState<CanvasNode>(graph.nodes);
  useEffect(() => setNodes(graph.nodes), [graph, setNodes]);
  return (
    <ReactFlow
      style={{ width: '100%', height: '100%' }}
      nodes={nodes}
      edges={graph.edges}
      nodeTypes={nodeTypes}
      onNodesChange={onNodesChange}
      nodesDraggable={false}
      nodesConnectable={false}
      elementsSelectable
      edgesFocusable={false}
      fitView
      fitViewOptions={fitViewOptions}
      minZoom={0.2}
      maxZoom={2}
      proOptions={proOptions}
      aria-label={`Plan graph: ${plan.name}`}
    >
      <Background gap={24} size={1} />
      <MiniMap pannable zoomable nodeColor={minimapColor} nodeStrokeWidth={0} style={minimapStyle} ariaLabel="Mini map of the plan" />
      <Controls showInteractive={false} />
    </ReactFlow>
  );
}

export function PlanCanvas() {
  const plan = useAppStore(selectPlan);
  const planVersion = useAppStore(selectPlanVersion);
  // A new plan remounts the flow, so its node state and fitView start afresh.
  return <PlanFlow key={planVersion} plan={plan} />;
}
