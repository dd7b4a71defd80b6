// The plan as React Flow nodes and edges. Pure (no React): each rebuild reuses the previous object of every node
// and edge that did not change, so React Flow skips them; per-call run state is never put in node data.
import { MarkerType, Position } from '@xyflow/react';
import type { Plan } from '@/lib/plan';
import { DEFAULT_LAYOUT } from '@/lib/plan/layout-core';
import { injectedFor } from '@/lib/plan/injected';
import { activeScenario, effectiveFaults } from '@/lib/plan/scenario';
import { fallbackPositions } from '@/lib/store/display-positions';
import { edgeId, planModel, type PlanModel } from './model';
import type { DependencyEdgeType } from './dependency-edge';
import { describeCall } from './describe';
import type { ToolCallNodeType } from './tool-call-node';

/** Every call node has this size (fixed in CSS too), so React Flow never has to measure one. */
export const NODE_SIZE = { width: DEFAULT_LAYOUT.nodeWidth, height: DEFAULT_LAYOUT.nodeHeight } as const;
const HANDLE = 10;

/** Where the two handles sit (left middle: input; right middle: output), matching the CSS. */
const NODE_HANDLES: NonNullable<ToolCallNodeType['handles']> = [
  { type: 'target', position: Position.Left, x: -HANDLE / 2, y: NODE_SIZE.height / 2 - HANDLE / 2, width: HANDLE, height: HANDLE },
  {
    type: 'source',
    position: Position.Right,
    x: NODE_SIZE.width - HANDLE / 2,
    y: NODE_SIZE.height / 2 - HANDLE / 2,
    width: HANDLE,
    height: HANDLE,
  },
];
const NODE_MEASURED = { width: NODE_SIZE.width, height: NODE_SIZE.height };

export interface CanvasView {
  plan: Plan;
  selected: readonly string[];
  selectedEdges: ReadonlySet<string>;
  model: PlanModel;
  nodes: ToolCallNodeType[];
  edges: DependencyEdgeType[];
}

// Sized in user space, so an arrow keeps its size whatever the edge's stroke width.
const ARROW = { type: MarkerType.ArrowClosed, width: 14, height: 14, markerUnits: 'userSpaceOnUse', color: 'var(--tw-edge)' } as const;
const ARROW_CRITICAL = { ...ARROW, color: 'var(--tw-critical)' } as const;
const ARROW_SELECTED = { ...ARROW, color: 'var(--tw-accent)' } as const;

function edgeClass(optional: boolean, critical: boolean): string {
  return `tw-edge${optional ? ' tw-edge--optional' : ''}${critical ? ' tw-edge--critical' : ''}`;
}

/** The canvas's nodes and edges for `plan`, reusing from `prev` every object that is still right. */
export function buildView(
  prev: CanvasView | null,
  plan: Plan,
  selected: readonly string[],
  selectedEdges: ReadonlySet<string>,
): CanvasView {
  const samePlan = prev !== null && prev.plan === plan;
  const model = samePlan ? prev.model : planModel(plan);
  const scenario = activeScenario(plan);
  const fallback = fallbackPositions(plan);
  const selectedSet = new Set(selected);

  const prevNodes = new Map<string, ToolCallNodeType>();
  for (const n of prev?.nodes ?? []) prevNodes.set(n.id, n);
  const nodes = plan.calls.map((call, i): ToolCallNodeType => {
    const faults = effectiveFaults(call, scenario);
    const injected = injectedFor(plan, call.id) ?? null;
    const wave = model.waves[i];
    const critical = model.criticalCalls.has(call.id);
    const position = call.position ?? fallback.get(call.id) ?? { x: 0, y: 0 };
    const isSelected = selectedSet.has(call.id);
    const old = prevNodes.get(call.id);
    if (
      old !== undefined &&
      old.data.call === call &&
      old.data.faults === faults &&
      old.data.injected === injected &&
      old.data.wave === wave &&
      old.data.critical === critical &&
      old.position.x === position.x &&
      old.position.y === position.y &&
      (old.selected ?? false) === isSelected
    ) {
      return old;
    }
    return {
      id: call.id,
      type: 'toolCall',
      position:
        old !== undefined && old.position.x === position.x && old.position.y === position.y
          ? old.position
          : { x: position.x, y: position.y },
      width: NODE_SIZE.width,
      height: NODE_SIZE.height,
      measured: NODE_MEASURED,
      handles: NODE_HANDLES,
      selected: isSelected,
      data: { call, faults, injected, wave, critical },
      ariaLabel: describeCall(call, faults, wave, critical, injected),
    };
  });

  const prevEdges = new Map<string, DependencyEdgeType>();
  for (const e of prev?.edges ?? []) prevEdges.set(e.id, e);
  const edges = plan.dependencies.map((d): DependencyEdgeType => {
    const id = edgeId(d.from, d.to);
    const critical = model.criticalEdges.has(id);
    const isSelected = selectedEdges.has(id);
    const old = prevEdges.get(id);
    if (old !== undefined && old.data?.optional === d.optional && old.data.critical === critical && (old.selected ?? false) === isSelected)
      return old;
    return {
      id,
      type: 'dependency',
      source: d.from,
      target: d.to,
      selected: isSelected,
      className: edgeClass(d.optional, critical),
      markerEnd: isSelected ? ARROW_SELECTED : critical ? ARROW_CRITICAL : ARROW,
      data: { optional: d.optional, critical },
      ariaLabel: `Dependency: ${d.to} ${d.optional ? 'can use' : 'needs'} ${d.from}${d.optional ? ' (optional)' : ''}${critical ? ', on the critical path' : ''}`,
    };
  });

  return { plan, selected, selectedEdges, model, nodes: sameItems(prev?.nodes, nodes), edges: sameItems(prev?.edges, edges) };
}

/** `next`, or `prev` itself when every item is the same object (so an unchanged list keeps its identity). */
function sameItems<T>(prev: T[] | undefined, next: T[]): T[] {
  if (prev === undefined || prev.length !== next.length) return next;
  for (let i = 0; i < next.length; i++) if (prev[i] !== next[i]) return next;
  return prev;
}
