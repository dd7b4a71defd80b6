// The sizes of the resizable panes (library, inspector, timeline) as pure numbers: their defaults for a window, the
// bounds that keep every pane usable, and how they are kept per browser. No React, no DOM: tested beside it.
import '@/lib/plan/zod-config';
import * as z from 'zod/mini';

export type PaneKey = 'left' | 'right' | 'timeline';

/** What the person chose, in px; a pane never resized is absent and takes its default for the window. */
export type PaneSizes = Partial<Record<PaneKey, number>>;

export interface Viewport {
  width: number;
  height: number;
}

export const PANE_SIZES_KEY = 'toolwave.paneSizes.v1';

/** The top bar's height (app/globals.css): the timeline's room is the window's height less it and the canvas's least. */
const HEADER = 52;
/** The canvas keeps at least this much room between the side panes, and under the drill bar above the timeline. */
export const CANVAS_MIN_WIDTH = 380;
export const CANVAS_MIN_HEIGHT = 200;
/** A closed side pane's rail. */
const RAIL = 36;

/** Smallest sizes that still show a pane's tabs and a readable column; largest that are still reasonable. */
export const PANE_BOUNDS: Record<PaneKey, { min: number; max: number }> = {
  left: { min: 220, max: 560 },
  right: { min: 320, max: 880 },
  // The playback bar, the header and two rows of the chart.
  timeline: { min: 150, max: 900 },
};

/** The size a pane starts at in a window this big: a wider window gives the side panes a little more room. */
export function defaultSize(key: PaneKey, view: Viewport): number {
  if (key === 'left') return view.width >= 1600 ? 320 : 280;
  if (key === 'right') return view.width >= 1600 ? 440 : 380;
  // About 236 px at 720 px tall, 296 px at 1080: the canvas stays the larger part.
  return Math.round(Math.min(376, Math.max(186, 116 + view.height / 6)));
}

/** The largest a pane may be in this window, given the others' sizes, so the canvas never collapses. */
export function maxSize(key: PaneKey, view: Viewport, others: { left: number; right: number }): number {
  const { min, max } = PANE_BOUNDS[key];
  const room =
    key === 'timeline'
      ? view.height - HEADER - CANVAS_MIN_HEIGHT
      : view.width - CANVAS_MIN_WIDTH - (key === 'left' ? others.right : others.left);
  return Math.max(min, Math.min(max, Math.floor(room)));
}

/** A size held inside its bounds for this window (a number that is not finite reads as the default). */
export function clampSize(key: PaneKey, value: number, view: Viewport, others: { left: number; right: number }): number {
  const v = Number.isFinite(value) ? Math.round(value) : defaultSize(key, view);
  return Math.min(maxSize(key, view, others), Math.max(PANE_BOUNDS[key].min, v));
}

/**
 * The sizes in force: each chosen or default size, clamped. The side panes are settled together (a closed pane counts
 * as its rail), the left first, so that two wide panes in a narrow window still leave the canvas its least width.
 */
export function effectiveSizes(chosen: PaneSizes, view: Viewport, open: { left: boolean; right: boolean }): Record<PaneKey, number> {
  const want = (k: PaneKey) => chosen[k] ?? defaultSize(k, view);
  // The left pane may grow only as far as leaves the right pane its least width.
  const left = open.left ? clampSize('left', want('left'), view, { left: 0, right: open.right ? PANE_BOUNDS.right.min : RAIL }) : RAIL;
  const right = open.right ? clampSize('right', want('right'), view, { left, right: 0 }) : RAIL;
  const timeline = clampSize('timeline', want('timeline'), view, { left, right });
  return { left, right, timeline };
}

const stored = z.object({
  left: z.optional(z.number()),
  right: z.optional(z.number()),
  timeline: z.optional(z.number()),
});

/** Reads the kept sizes; anything unreadable (old format, hand-edited, too long) gives no sizes rather than an error. */
export function parsePaneSizes(text: string | null): PaneSizes {
  if (text === null || text.length > 1000) return {};
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return {};
  }
  const result = stored.safeParse(json);
  if (!result.success) return {};
  const out: PaneSizes = {};
  for (const k of ['left', 'right', 'timeline'] as const) {
    const v = result.data[k];
    if (v !== undefined) out[k] = Math.min(PANE_BOUNDS[k].max, Math.max(PANE_BOUNDS[k].min, Math.round(v)));
  }
  return out;
}

export function serializePaneSizes(sizes: PaneSizes): string {
  return JSON.stringify(sizes);
}
