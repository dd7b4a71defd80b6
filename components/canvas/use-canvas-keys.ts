'use client';
// The canvas's keyboard shortcuts (listed in components/shortcuts.ts for the help overlay). They act when focus is
// on the canvas (a call, the palette) or on nothing at all, never while typing and never behind an open dialog.
import { useEffect, type RefObject } from 'react';
import { isModalOpen, isTypingTarget } from '../shortcuts';
import type { CanvasActions } from './use-canvas-actions';

const NUDGE = 10;
const NUDGE_FAR = 50;
const ARROWS: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

/** Whether a key press belongs to the canvas: inside it, or on the page itself with nothing focused. */
function isCanvasTarget(target: EventTarget | null, root: HTMLElement | null): boolean {
  if (root === null || !(target instanceof Node)) return false;
  if (target === document.body || target === document.documentElement) return true;
  // A toolbar's own buttons (failure injection, edge actions) keep their keys: arrows and Delete act on them, not on the calls.
  if (target instanceof Element && target.closest('.tw-inject-bar, .tw-edge-toolbar') !== null) return false;
  return root.contains(target);
}

export function useCanvasKeys(actions: CanvasActions, rootRef: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.isComposing || isTypingTarget(e.target) || !isCanvasTarget(e.target, rootRef.current)) return;
      if (isModalOpen()) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
      let handled: boolean;
      if ((key === 'Delete' || key === 'Backspace') && !mod && !e.altKey) handled = actions.deleteSelection();
      else if (mod && !e.shiftKey && !e.altKey && key === 'd') handled = actions.duplicateSelection();
      else if (mod && !e.shiftKey && !e.altKey && key === 'a') {
        actions.selectAll();
        handled = true;
      } else if (key === 'Escape') handled = actions.clearSelection();
      else if (!mod && !e.altKey && key in ARROWS) {
        const [dx, dy] = ARROWS[key];
        const step = e.shiftKey ? NUDGE_FAR : NUDGE;
        handled = actions.nudge(dx * step, dy * step);
      } else if (!mod && !e.altKey && !e.shiftKey && key === 'l') {
        actions.autoLayout();
        handled = true;
      } else if (!mod && !e.altKey && !e.shiftKey && key === 'f') {
        actions.fit();
        handled = true;
      } else handled = false;
      if (handled) {
        e.preventDefault();
        // Keeps React Flow's own arrow-key move (5 px, uncommitted) and Escape handling from acting as well.
        e.stopPropagation();
      }
    };
    // Capture phase: the canvas decides before React Flow's handlers on the focused node.
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [actions, rootRef]);
}
