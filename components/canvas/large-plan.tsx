'use client';
// A plan of thousands of calls on the canvas: how far it may zoom out, where it opens, and a mini map of its wave
// bands alone. Only what is in view is drawn, so these bounds are what keep such a plan from stalling the page.
import type { FitViewOptions, MiniMapNodeProps, Node } from '@xyflow/react';
import type { Plan } from '@/lib/plan';
import { DEFAULT_LAYOUT } from '@/lib/plan/layout-core';
import { FIT_OPTIONS } from './use-canvas-actions';
import { NODE_SIZE } from './view-model';

/**
 * Below this zoom the nodes draw one large line of each kind instead of their small chips (unreadable there, and
 * cheaper to paint): at 0.6 a 12 px chip is 7 px on screen, while the far type stays at 10 px or more.
 */
export const FAR_ZOOM = 0.6;
const MIN_ZOOM = 0.04;
/**
 * Most calls the canvas lets be on screen at once. Only the calls in view are drawn (above ONLY_VISIBLE calls), so
 * a plan of thousands of calls zoomed out to fit would put every one of them in the page, and each frame of playback
 * would restyle them all: a large plan's zoom stops where about this many fit, and the mini map shows the whole.
 */
export const MAX_ON_SCREEN = 800;
export const ONLY_VISIBLE = 400;
/** Flow area one call takes in the wave layout: its box, its band's padding and the gaps around it. */
const CELL_AREA =
  (NODE_SIZE.width + 2 * DEFAULT_LAYOUT.bandPadding + DEFAULT_LAYOUT.columnGap) * (NODE_SIZE.height + DEFAULT_LAYOUT.rowGap);

/** The least zoom for a plan of `calls` calls on a screen of `area` px². */
export function minZoomFor(calls: number, area: number): number {
  if (calls <= MAX_ON_SCREEN) return MIN_ZOOM;
  return Math.min(FAR_ZOOM, Math.max(MIN_ZOOM, Math.sqrt(area / (MAX_ON_SCREEN * CELL_AREA))));
}

/** Where a plan opens: all of it in view; a plan too large for that opens on its first waves. */
export function initialFit(plan: Plan, waves: readonly number[]): FitViewOptions {
  if (plan.calls.length <= MAX_ON_SCREEN) return FIT_OPTIONS;
  const first = plan.calls.filter((_, i) => waves[i] <= 1).slice(0, MAX_ON_SCREEN / 4);
  return { ...FIT_OPTIONS, nodes: first.map((c) => ({ id: c.id })) };
}

/**
 * The mini map of a plan too large to draw call by call (a rect per call is tens of thousands of elements): its
 * wave bands alone, which show the plan's shape and where the view is in it.
 */
export const bandColor = (node: Node): string => (node.type === 'waveBand' ? 'var(--tw-minimap-node)' : 'transparent');
export const bandClass = (node: Node): string => (node.type === 'waveBand' ? 'tw-minimap-band' : 'tw-minimap-call');
export function BandsOnly(props: MiniMapNodeProps) {
  return props.className.includes('tw-minimap-call') ? null : (
    <rect
      className={`react-flow__minimap-node ${props.className}`}
      x={props.x}
      y={props.y}
      width={props.width}
      height={props.height}
      rx={props.borderRadius}
      style={{ fill: props.color }}
      shapeRendering={props.shapeRendering}
    />
  );
}
