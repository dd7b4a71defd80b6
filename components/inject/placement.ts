// Where the selected call's injection toolbar goes: above or below the call (centred or aligned to one of its sides),
// or beside it, at the first place that covers no other call and stays clear of the canvas's own controls; where the
// calls are packed too tight for any, docked along the canvas's foot. Pure numbers.

export type Side = 'top' | 'bottom' | 'left' | 'right';
export type Align = 'center' | 'start' | 'end';
export type Placement = `${Side}-${Align}` | 'dock';

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
const ORDER: Exclude<Placement, 'dock'>[] = [
  'top-center',
  'bottom-center',
  'top-start',
  'top-end',
  'bottom-start',
  'bottom-end',
  'right-center',
  'left-center',
];

/** The rectangle the toolbar would take at a placement. */
export function barRect(p: Exclude<Placement, 'dock'>, { node, bar }: Pick<PlacementInput, 'node' | 'bar'>): Rect {
  const [side, align] = p.split('-') as [Side, Align];
  if (side === 'left' || side === 'right') {
    const y =
      align === 'center' ? node.y + node.height / 2 - bar.height / 2 : align === 'start' ? node.y : node.y + node.height - bar.height;
    return { x: side === 'left' ? node.x - bar.gap - bar.width : node.x + node.width + bar.gap, y, width: bar.width, height: bar.height };
  }
  const x = align === 'center' ? node.x + node.width / 2 - bar.width / 2 : align === 'start' ? node.x : node.x + node.width - bar.width;
  const y = side === 'top' ? node.y - bar.gap - bar.height : node.y + node.height + bar.gap;
  return { x, y, width: bar.width, height: bar.height };
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** How much a place is in the way: the area of other calls it covers, and its area outside the free canvas. */
export function placementCost(p: Exclude<Placement, 'dock'>, input: PlacementInput): { covered: number; outside: number } {
  const r = barRect(p, input);
  let covered = 0;
  for (const o of input.others) covered += overlap(r, o);
  const free: Rect = {
    x: input.leftRoom,
    y: input.topRoom,
    width: Math.max(0, input.width - 8 - input.leftRoom),
    height: Math.max(0, input.height - input.topRoom),
  };
  return { covered, outside: r.width * r.height - overlap(r, free) };
}

/**
 * The first place beside the call, in order of preference, that covers no other call and lies wholly on the free
 * canvas; 'dock' when there is none (a toolbar cut off by the canvas's edge could not be clicked).
 */
export function placeToolbar(input: PlacementInput): Placement {
  for (const p of ORDER) {
    const c = placementCost(p, input);
    if (c.covered <= 0.5 && c.outside <= 0.5) return p;
  }
  return 'dock';
}
