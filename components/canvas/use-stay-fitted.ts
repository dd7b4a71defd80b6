'use client';
// A plan opens fitted to the canvas, clear of the palette. Until the user moves the view (pans, zooms by wheel,
// pinch or the zoom buttons), the view stays fitted when the canvas or the palette changes size: a report opening
// above it, a pane or the timeline resized, the window resized, the palette folding into two columns on a short
// canvas. Once the user has moved the view, a resize leaves it where they put it.
import { useCallback, useEffect, useRef, type RefObject } from 'react';
import { useNodesInitialized, useReactFlow, type FitViewOptions } from '@xyflow/react';

const PALETTE = '.tw-canvas-toolbar';

/** How far the palette reaches into the canvas from its left edge, in screen pixels (0 when it is not drawn). */
export function paletteRoom(root: HTMLElement | null): number {
  const palette = root?.querySelector(PALETTE);
  if (root === null || root === undefined || palette === null || palette === undefined) return 0;
  return Math.max(0, Math.ceil(palette.getBoundingClientRect().right - root.getBoundingClientRect().left));
}

/** `options` with its left padding widened, where needed, to clear the palette as it is drawn now. */
export function clearOfPalette(root: HTMLElement | null, options: FitViewOptions): FitViewOptions {
  const room = paletteRoom(root);
  const padding = options.padding;
  if (room === 0 || typeof padding !== 'object') return options;
  const left = Number.parseFloat(String(padding.left ?? 0));
  return room + 8 <= left ? options : { ...options, padding: { ...padding, left: `${room + 8}px` } };
}

export interface StayFitted {
  /** For ReactFlow's onMoveStart: a move with an input event is the user's. */
  onMoveStart: (event: MouseEvent | TouchEvent | null) => void;
  /** For moves the user makes through controls that report no event (the zoom buttons). */
  userMoved: () => void;
}

export function useStayFitted(ref: RefObject<HTMLElement | null>, options: FitViewOptions): StayFitted {
  const rf = useReactFlow();
  const moved = useRef(false);
  const measured = useNodesInitialized();
  const refit = useCallback(() => {
    if (!moved.current) void rf.fitView(clearOfPalette(ref.current, options));
  }, [rf, ref, options]);
  // The first fit is made before the palette has taken its final shape: fit again once the calls are first measured
  // (only then: a call added later must not move the view under the user's pointer).
  const fittedOnce = useRef(false);
  useEffect(() => {
    if (!measured || fittedOnce.current) return;
    fittedOnce.current = true;
    refit();
  }, [measured, refit]);
  useEffect(() => {
    const el = ref.current;
    const palette = el?.querySelector(PALETTE);
    if (el === null || el === undefined) return;
    const sizes = new Map<Element, string>();
    const observer = new ResizeObserver((entries) => {
      let changed = false;
      for (const e of entries) {
        const size = `${Math.round(e.contentRect.width)}x${Math.round(e.contentRect.height)}`;
        if (sizes.has(e.target) && sizes.get(e.target) !== size) changed = true;
        sizes.set(e.target, size);
      }
      if (changed && el.clientWidth > 0 && el.clientHeight > 0) refit();
    });
    observer.observe(el);
    if (palette !== null && palette !== undefined) observer.observe(palette);
    return () => observer.disconnect();
  }, [ref, refit]);
  const userMoved = useCallback(() => {
    moved.current = true;
  }, []);
  const onMoveStart = useCallback((event: MouseEvent | TouchEvent | null) => {
    if (event !== null) moved.current = true;
  }, []);
  return { onMoveStart, userMoved };
}
