// Where the canvas shows calls that have no position of their own, and the plan with those positions written in.
// Pure and cached per plan object; every edit of the plan on view starts from the positioned plan, so nothing jumps.
import type { Plan } from '@/lib/plan';
import { layoutPlan, needsLayout, type Point } from '@/lib/plan/layout-core';

const EMPTY_POSITIONS: ReadonlyMap<string, Point> = new Map();
const fallbackCache = new WeakMap<Plan, ReadonlyMap<string, Point>>();

/**
 * Display positions for calls that have none (a plan that arrived without a layout, such as a sub-agent's nested
 * plan): the wave layout's, computed once per plan object. Empty when every call has its own position.
 */
export function fallbackPositions(plan: Plan): ReadonlyMap<string, Point> {
  if (!needsLayout(plan)) return EMPTY_POSITIONS;
  let cached = fallbackCache.get(plan);
  if (cached === undefined) {
    cached = new Map(layoutPlan(plan).nodes.map((n) => [n.id, { x: n.x, y: n.y }]));
    fallbackCache.set(plan, cached);
  }
  return cached;
}

/** The plan with every call at the position the canvas shows it (so an edit never makes unplaced calls jump). */
export function withDisplayPositions(plan: Plan): Plan {
  const fallback = fallbackPositions(plan);
  if (fallback.size === 0) return plan;
  return {
    ...plan,
    calls: plan.calls.map((c) => (c.position !== undefined ? c : { ...c, position: fallback.get(c.id) ?? { x: 0, y: 0 } })),
  };
}
