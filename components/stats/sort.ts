// Sorting the per-call table: by id (as text), by a number (a missing one last), or back to the plan's order;
// ties keep the plan's order, so the table never shuffles rows that compare equal.
export type SortKey = 'order' | 'id' | 'successA' | 'successB' | 'attemptsA' | 'attemptsB';

export interface SortState {
  key: SortKey;
  dir: 'asc' | 'desc';
}

export interface CallRow {
  id: string;
  order: number;
  successA: number;
  attemptsA: number;
  successB: number | null;
  attemptsB: number | null;
}

export function sortRows<T extends CallRow>(rows: readonly T[], sort: SortState): T[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  const { key } = sort;
  return [...rows].sort((x, y) => {
    let c = 0;
    if (key === 'id') c = sign * (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
    else if (key === 'order') c = sign * (x.order - y.order);
    else {
      const vx = x[key];
      const vy = y[key];
      if (vx === null || vy === null) c = vx === vy ? 0 : vx === null ? 1 : -1;
      else c = sign * (vx - vy);
    }
    return c !== 0 ? c : x.order - y.order;
  });
}
