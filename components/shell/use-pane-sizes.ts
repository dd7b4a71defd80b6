'use client';
// The pane sizes in force, from what this browser kept (localStorage, read through zod in pane-sizes.ts) and the
// window's size; and the setter a splitter calls. Storage that fails only means sizes are not kept: never an error.
import { useCallback, useSyncExternalStore } from 'react';
import { getBrowserStorage } from '@/lib/persist/storage';
import {
  PANE_SIZES_KEY,
  effectiveSizes,
  parsePaneSizes,
  serializePaneSizes,
  type PaneKey,
  type PaneSizes,
  type Viewport,
} from './pane-sizes';

const listeners = new Set<() => void>();
let chosen: PaneSizes | null = null;

function readChosen(): PaneSizes {
  if (chosen === null) {
    try {
      chosen = parsePaneSizes(getBrowserStorage()?.getItem(PANE_SIZES_KEY) ?? null);
    } catch {
      chosen = {};
    }
  }
  return chosen;
}

function writeChosen(next: PaneSizes): void {
  chosen = next;
  try {
    getBrowserStorage()?.setItem(PANE_SIZES_KEY, serializePaneSizes(next));
  } catch {
    // Full or blocked storage: the size holds for this visit only.
  }
  for (const l of listeners) l();
}

function subscribeChosen(onChange: () => void): () => void {
  listeners.add(onChange);
  return () => listeners.delete(onChange);
}

const NONE: PaneSizes = {};

let viewport: Viewport | null = null;
function readViewport(): Viewport {
  const w = window.innerWidth;
  const h = window.innerHeight;
  if (viewport === null || viewport.width !== w || viewport.height !== h) viewport = { width: w, height: h };
  return viewport;
}
function subscribeViewport(onChange: () => void): () => void {
  window.addEventListener('resize', onChange);
  return () => window.removeEventListener('resize', onChange);
}
/** The server renders for the smallest window the layout is made for; the browser's own size follows at once. */
const SERVER_VIEWPORT: Viewport = { width: 1280, height: 720 };

export interface PaneSizing {
  sizes: Record<PaneKey, number>;
  viewport: Viewport;
  /** Sets a pane's size (it is clamped where it is used, so a smaller window later still fits). */
  setSize: (key: PaneKey, px: number) => void;
  /** Forgets the chosen size: the pane goes back to its default. */
  resetSize: (key: PaneKey) => void;
}

export function usePaneSizes(open: { left: boolean; right: boolean }): PaneSizing {
  const kept = useSyncExternalStore(subscribeChosen, readChosen, () => NONE);
  const view = useSyncExternalStore(subscribeViewport, readViewport, () => SERVER_VIEWPORT);
  const setSize = useCallback((key: PaneKey, px: number) => writeChosen({ ...readChosen(), [key]: Math.round(px) }), []);
  const resetSize = useCallback((key: PaneKey) => {
    const next = { ...readChosen() };
    delete next[key];
    writeChosen(next);
  }, []);
  return { sizes: effectiveSizes(kept, view, open), viewport: view, setSize, resetSize };
}
