// Where the selected call's injection toolbar goes: above or below the call, centred or aligned to one of its sides,
// choosing the place that covers the fewest other calls and stays clear of the canvas's own controls. Pure numbers.

export type Side = 'top' | 'bottom';
export type Align = 'center' | 'start' | 'end';
export type Placement = `${Side}-${Align}`;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacementInput {
  /** The selected call, in screen px within the canvas. */
  node: Rect;
  /** The other calls, in the same px. */
  others: Rect[];
  /** The canvas's size. */
  width: number;
  height: number;
  /** The toolbar's size (about: it is not measured) and its gap to the call. */
  bar: { width: number; height: number; gap: number };
  /** Room kept clear along the left (the palette) and the top (the scenarios button). */
  leftRoom: number;
  topRoom: number;
}

/** In order of preference, when two places cover as much. */
const ORDER: Placement[] = ['top-center', 'bottom-center', 'top-start', 'top-end', 'bottom-start', 'bottom-end'];

/** The rectangle the toolbar would take at a placement. */
export function barRect(p: Placement, { node, bar }: Pick<PlacementInput, 'node' | 'bar'>): Rect {
  const [side, align] = p.split('-') as [Side, Align];
  const x = align === 'center' ? node.x + node.width / 2 - bar.width / 2 : align === 'start' ? node.x : node.x + node.width - bar.width;
  const y = side === 'top' ? node.y - bar.gap - bar.height : node.y + node.height + bar.gap;
  return { x, y, width: bar.width, height: bar.height };
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** How much a place is in the way: the area of calls it covers, plus (weighted more) what leaves the free canvas. */
export function placementCost(p: Placement, input: PlacementInput): number {
  const r = barRect(p, input);
  let cost = 0;
  for (const o of input.others) cost += overlap(r, o);
  const free: Rect = { x: input.leftRoom, y: input.topRoom, width: Math.max(0, input.width - 8 - input.leftRoom), height: Math.max(0, input.height - input.topRoom) };
  const outside = r.width * r.height - overlap(r, free);
  return cost + 2 * outside;
}

/** The place that is least in the way; the first in order of preference among equals. */
export function placeToolbar(input: PlacementInput): Placement {
  let best: Placement = ORDER[0];
  let bestCost = Infinity;
  for (const p of ORDER) {
    const c = placementCost(p, input);
    if (c < bestCost - 0.5) {
      best = p;
      bestCost = c;
    }
  }
  return best;
}
