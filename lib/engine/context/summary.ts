// The summary text that closes the context (docs/context.md#the-summary): counts per status, failures, never-started calls with
// their reasons, calls still pending at an instant, and the plan outcome. Must name every call that is not a plain success.
import { countStatuses, type CallTrace } from '../types';
import { noInventionLines, outcomeLine, settledLines } from '../portable/conversation';
import { effectSummaryLines } from '../portable/effect-words';
import { plainMs } from '../portable/wording';
import type { RunView } from './view';
import { NEVER_STARTED, STATUS_WORD, plural } from './wording';

export { countStatuses };

function summaryOutcome(view: RunView, atMs: number | null): string {
  return atMs !== null && atMs < view.runEndMs ? 'Plan outcome: in progress' : outcomeLine(view.trace);
}

/** What a call not yet reported is doing at `t`. */
function pendingState(view: RunView, call: CallTrace, t: number): string {
  if (view.finalAt(call) <= t) {
    const turn = call.turn === null ? '' : ` model turn ${call.turn + 1}`;
    return `returned; its result comes back when the rest of${turn || ' its turn'} is in`;
  }
  if (call.startMs === null || call.startMs > t) return 'not started yet';
  const running = call.attempts.find((a) => a.startMs <= t && (a.endMs === null || a.endMs > t));
  if (running) return `running (attempt ${running.n})`;
  const ended = call.attempts.filter((a) => a.endMs !== null && a.endMs <= t).length;
  return `waiting to retry (attempt ${ended + 1} next)`;
}

/**
 * The summary of the whole run (`atMs` null) or of the state at `atMs`. `shown` holds the ids whose results are in
 * the conversation; every other call is named as never started or as pending, so nothing is silently dropped.
 */
export function buildSummary(view: RunView, shown: ReadonlySet<string>, atMs: number | null): string {
  const { trace } = view;
  const reported: CallTrace[] = [];
  const neverStarted: CallTrace[] = [];
  const pending: CallTrace[] = [];
  for (const call of trace.calls) {
    if (shown.has(call.id)) reported.push(call);
    else if (NEVER_STARTED.has(call.status) && (atMs === null || view.finalAt(call) <= atMs)) neverStarted.push(call);
    else pending.push(call);
  }
  const done = [...reported, ...neverStarted];
  const counted = countStatuses(done.map((c) => c.status));
  const total = plural(trace.calls.length, 'call');
  const lines: string[] = [];
  if (atMs === null) {
    lines.push(`Tool plan status: ${total}${counted ? ` — ${counted}` : ''}.`);
  } else {
    const parts = [counted ? `${counted} so far` : 'no results yet'];
    if (pending.length > 0) parts.push(`${pending.length} pending`);
    lines.push(`Tool plan status at ${plainMs(atMs)}: ${total} — ${parts.join('; ')}.`);
  }
  lines.push(...settledLines(reported, neverStarted, (id) => view.byId.get(id)?.status));
  if (pending.length > 0) {
    lines.push('Still pending:');
    for (const c of pending) {
      lines.push(`- ${c.id}: ${atMs === null ? `${STATUS_WORD[c.status]} (no model turn reported it)` : pendingState(view, c, atMs)}`);
    }
  }
  lines.push(...effectSummaryLines(trace, shown, atMs));
  lines.push(...noInventionLines(reported, neverStarted));
  lines.push(summaryOutcome(view, atMs));
  return lines.join('\n');
}
