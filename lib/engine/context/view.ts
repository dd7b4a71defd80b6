// A read-only index over one plan and its trace that the context builders share: specs by id, final instants.
// Never mutates the plan or the trace.
import type { Plan, ToolCall } from '../../plan/schema';
import type { CallTrace, Trace } from '../types';

export interface RunView {
  plan: Plan;
  trace: Trace;
  /** The plan's definition of a traced call (by id). */
  spec(call: CallTrace): ToolCall | undefined;
  byId: ReadonlyMap<string, CallTrace>;
  /** When a call became final (Infinity if it never did). */
  finalAt(call: CallTrace): number;
  /** When the run ended: the makespan, or for a stuck run the last thing that happened. */
  runEndMs: number;
}

export function makeView(plan: Plan, trace: Trace): RunView {
  const specs = new Map<string, ToolCall>();
  for (const c of plan.calls) specs.set(c.id, c);
  const byId = new Map<string, CallTrace>();
  for (const c of trace.calls) byId.set(c.id, c);
  const finals = new Map<number, number>();
  let lastEvent = 0;
  for (const ev of trace.events) {
    if (ev.t > lastEvent) lastEvent = ev.t;
    if (ev.type === 'final' && !finals.has(ev.call)) finals.set(ev.call, ev.t);
  }
  for (const c of trace.calls) {
    for (const a of c.attempts) if (a.endMs !== null && a.endMs > lastEvent) lastEvent = a.endMs;
  }
  const runEndMs = trace.makespanMs ?? lastEvent;
  return {
    plan,
    trace,
    byId,
    runEndMs,
    spec: (call) => specs.get(call.id),
    finalAt(call) {
      const t = finals.get(call.index);
      if (t !== undefined) return t;
      if (call.status === 'hung') return Infinity;
      if (call.endMs !== null) return call.endMs;
      // A trace without `final` events: calls that never started are final by the stop or the end of the run.
      return trace.stop?.atMs ?? runEndMs;
    },
  };
}
