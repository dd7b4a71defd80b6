// The timeline's compensation lane: after a plan stops, the calls that undo landed side effects run one at a time
// (docs/side-effects.md). One row per compensation that was due, in the order they ran, under the waves. Pure
// geometry, no React: tested in compensation.test.ts.
import type { CompensationStatus, Trace } from '@/lib/engine';
import type { TimelineBar } from './geometry';

export interface CompensationRow {
  /** The call whose effect it undoes (index into the trace). */
  call: number;
  /** That call's id. */
  id: string;
  /** The compensating tool. */
  tool: string;
  status: CompensationStatus;
  y: number;
}

export interface CompensationLane {
  /** "Compensations", above the rows. */
  label: string;
  y: number;
  height: number;
  rows: CompensationRow[];
  /** One per compensation attempt; `row` is the index into `rows`. */
  bars: TimelineBar[];
}

/** How each compensation status reads in the timeline. */
export const COMPENSATION_WORD: Record<CompensationStatus, string> = {
  succeeded: 'undone',
  failed: 'failed, left in place',
  timed_out: 'timed out, left in place',
  hung: 'never returned',
  not_started: 'never started, left in place',
};

interface LaneInput {
  /** Where the lane's group begins (after the last wave). */
  y: number;
  rowHeight: number;
  groupGap: number;
  /** ms → px, and the clamp into the plot. */
  x: (t: number) => number;
  clampX: (px: number) => number;
  t1: number;
  inset: number;
}

/** The lane, or null when no compensation was due. */
export function compensationLane(trace: Trace, input: LaneInput): CompensationLane | null {
  const due = trace.compensations.flatMap((call) => {
    const comp = trace.calls[call]?.effect?.compensation;
    return comp ? [{ call, comp }] : [];
  });
  if (due.length === 0) return null;
  const { rowHeight, groupGap, x, clampX, t1, inset } = input;
  const top = input.y + groupGap;
  const rows: CompensationRow[] = [];
  const bars: TimelineBar[] = [];
  due.forEach(({ call, comp }, k) => {
    const y = top + k * rowHeight;
    rows.push({ call, id: trace.calls[call].id, tool: comp.tool, status: comp.status, y });
    let prevEnd = -Infinity;
    for (const a of comp.attempts) {
      const x0 = Math.max(clampX(x(a.startMs)), prevEnd);
      const x1 = Math.max(clampX(x(a.endMs ?? t1)), x0 + 1);
      prevEnd = x1;
      bars.push({
        row: k,
        attempt: a.n,
        x: x0,
        width: x1 - x0,
        y: y + inset,
        height: rowHeight - 2 * inset,
        result: a.result,
        open: a.endMs === null,
      });
    }
  });
  return { label: 'Compensations', y: top, height: due.length * rowHeight, rows, bars };
}
