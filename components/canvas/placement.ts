// Where a call added by click goes: the free spot nearest the view's centre, so it never lands on another call.
// Pure geometry; the caller gives the occupied rectangles in flow coordinates.
import type { Size, XY } from './model';

export interface Rect extends XY, Size {}

function overlaps(a: Rect, b: Rect, margin: number): boolean {
  return a.x < b.x + b.width + margin && b.x < a.x + a.width + margin && a.y < b.y + b.height + margin && b.y < a.y + a.height + margin;
}

/**
 * The top-left corner for a node of `size` centred as near `centre` as possible without overlapping any of
 * `occupied` (with `margin` between). Candidates lie on a grid of one node plus margin around the centre, nearest
 * first; when even the widest ring is full, the spot right of everything is used.
 */
export function findFreeSpot(occupied: readonly Rect[], centre: XY, size: Size, margin = 24, rings = 12): XY {
  const origin = { x: Math.round(centre.x - size.width / 2), y: Math.round(centre.y - size.height / 2) };
  const stepX = size.width + margin;
  const stepY = size.height + margin;
  // Only rectangles near the search area matter.
  const reachX = (rings + 1) * stepX;
  const reachY = (rings + 1) * stepY;
  const near = occupied.filter((r) => Math.abs(r.x - origin.x) <= reachX && Math.abs(r.y - origin.y) <= reachY);
  const candidates: { dx: number; dy: number; d: number }[] = [];
  for (let dy = -rings; dy <= rings; dy++) {
    for (let dx = -rings; dx <= rings; dx++) {
      // Distance in pixels, so a step sideways (wide) counts for more than a step down (short).
      candidates.push({ dx, dy, d: Math.hypot(dx * stepX, dy * stepY) });
    }
  }
  candidates.sort((a, b) => a.d - b.d || a.dy - b.dy || a.dx - b.dx);
  for (const c of candidates) {
    const spot = { x: origin.x + c.dx * stepX, y: origin.y + c.dy * stepY, width: size.width, height: size.height };
    if (!near.some((r) => overlaps(spot, r, margin - 1))) return { x: spot.x, y: spot.y };
  }
  const right = occupied.reduce((m, r) => Math.max(m, r.x + r.width), origin.x);
  return { x: right + margin, y: origin.y };
}
