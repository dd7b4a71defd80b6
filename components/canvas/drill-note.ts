// The sentence over a drilled-in canvas: whose plan this is, which of its runs is shown, what went wrong inside it and
// whether the orchestrator was told (docs/engine.md#sub-agents). Pure: from the run, the plan it ran and the view path.
import type { CallStatus, Trace } from '@/lib/engine';
import { CALL_STATUSES, STATUS_LABEL } from '@/lib/engine/portable/facts';
import type { Plan } from '@/lib/plan';
import { nestedRun, planAtPath, traceAtPath } from '@/lib/store/view';

/** `1 failed, 1 timed out`: the calls that did not succeed, by status, in the usual status order. */
export function failureBreakdown(trace: Trace): { bad: number; words: string } {
  const counts = new Map<CallStatus, number>();
  for (const c of trace.calls) if (c.status !== 'succeeded') counts.set(c.status, (counts.get(c.status) ?? 0) + 1);
  let bad = 0;
  const parts: string[] = [];
  for (const s of CALL_STATUSES) {
    const n = counts.get(s);
    if (n === undefined) continue;
    bad += n;
    parts.push(`${n} ${STATUS_LABEL[s]}`);
  }
  return { bad, words: parts.join(', ') };
}

export interface DrillNote {
  text: string;
  /** `hidden`: the sub-agent's opaque report hid failures from the orchestrator (said as a warning). */
  tone: 'hidden' | 'info';
}

const info = (text: string): DrillNote => ({ text, tone: 'info' });

/**
 * What a drilled-in view says about the sub-agent it shows, or null at the top plan. `plan` is the plan being
 * edited (for the words when there is no run); `trace` and `tracePlan` are the latest run and the plan it ran.
 */
export function drillNote(plan: Plan, path: readonly string[], trace: Trace | null, tracePlan: Plan | null): DrillNote | null {
  if (path.length === 0) return null;
  const id = path[path.length - 1];
  const parentPlan = planAtPath(tracePlan ?? plan, path.slice(0, -1));
  const agent = parentPlan.calls.find((c) => c.id === id) ?? planAtPath(plan, path.slice(0, -1)).calls.find((c) => c.id === id);
  const report = agent?.report ?? 'explicit';
  const inside = `Inside ${id} (${report} report)`;
  if (trace === null || tracePlan === null) return info(`${inside}: run the plan to see what happens in it.`);
  const parent = traceAtPath(trace, tracePlan, path.slice(0, -1));
  if (parent === null) return info(`${inside}: it never ran in this run (a sub-agent above it did not run).`);
  const call = parent.trace.calls.find((c) => c.id === id);
  if (call === undefined) return info(`${inside}: it was not in the plan when it last ran; run the plan again.`);
  const nested = nestedRun(call);
  if (nested === null) return info(`${inside}: it never ran in this run (${STATUS_LABEL[call.status]}).`);
  const total = nested.trace.calls.length;
  const which = call.attempts.length > 1 ? `attempt ${nested.attempt} of ${call.attempts.length}` : `attempt ${nested.attempt}`;
  const head = `${inside}: this run’s nested run, ${which}`;
  const { bad, words } = failureBreakdown(nested.trace);
  if (bad === 0) return info(`${head} — ${total === 1 ? 'its one call' : `all ${total} of its calls`} succeeded.`);
  const what = `${bad} of its ${total} ${total === 1 ? 'call' : 'calls'} did not succeed (${words})`;
  if (report === 'opaque' && (call.hiddenFailures ?? 0) > 0)
    return { text: `${head} — ${what}; the orchestrator saw none of it.`, tone: 'hidden' };
  return info(`${head} — ${what}; its report told the orchestrator, which saw ${id} as ${STATUS_LABEL[call.status]}.`);
}
