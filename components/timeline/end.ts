// Where the timeline's clock ends for a run: small and apart from the chart's geometry, so the zoom state the
// timeline panel keeps from the first screen does not bring the chart's code with it.
import type { Trace } from '@/lib/engine';

/** The latest finite instant of the compensation phase, or null when there was none. */
export function compensationEnd(trace: Trace): number | null {
  if (trace.compensations.length === 0) return null;
  let last: number | null = trace.settledMs;
  for (const i of trace.compensations) {
    const comp = trace.calls[i]?.effect?.compensation;
    if (!comp) continue;
    for (const a of comp.attempts) {
      for (const t of [a.startMs, a.endMs]) if (t !== null && Number.isFinite(t) && (last === null || t > last)) last = t;
    }
  }
  return last;
}

/** The last finite instant the trace mentions (attempts, retry dues, turns, call ends, the stop). */
function lastFiniteInstant(trace: Trace): number {
  let last = 0;
  const see = (t: number | null | undefined) => {
    if (t !== null && t !== undefined && Number.isFinite(t) && t > last) last = t;
  };
  for (const c of trace.calls) {
    see(c.startMs);
    see(c.endMs);
    for (const a of c.attempts) {
      see(a.startMs);
      see(a.endMs);
      if (a.endMs !== null && a.retryWaitMs !== undefined) see(a.endMs + a.retryWaitMs);
    }
  }
  for (const t of trace.turns) {
    see(t.startMs);
    see(t.emitMs);
    see(t.endMs);
  }
  see(trace.stop?.atMs);
  return last;
}

/** The end of the chart's clock: the makespan, or for a stuck run the last finite instant; at least 1 ms. */
export function timelineEnd(trace: Trace): number {
  const makespan = trace.makespanMs;
  // Compensations run after the stop: the axis runs on until they settle.
  const runEnd = makespan !== null && Number.isFinite(makespan) ? makespan : lastFiniteInstant(trace);
  return Math.max(1, runEnd, compensationEnd(trace) ?? 0);
}
