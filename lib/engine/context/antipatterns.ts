// The three ways NOT to hand a model partial state (docs/context.md#anti-patterns), rendered for teaching and always labelled.
// These are deliberately wrong; never use them as the real context.
import type { CallTrace, Trace } from '../types';
import type { Conversation, TurnItem } from './conversation';
import type { AntiPatternKind } from './messages';
import { countStatuses } from './summary';
import { isError, plural, shortFailure } from './wording';

export const ANTI_PATTERN_LABELS: Record<AntiPatternKind, string> = {
  dropped: 'Anti-pattern: failed calls and their errors are silently dropped, so the model never learns that anything is missing.',
  total_failure: 'Anti-pattern: one failure is treated as a total failure, so the good results of the same batch are thrown away.',
  false_success: 'Anti-pattern: failures are reported as empty successes, so the model goes on as if nothing had failed.',
};

/** Failed calls and their results vanish; calls that never started go unmentioned. */
function dropped(conv: Conversation): Conversation {
  const turns: TurnItem[] = [];
  for (const turn of conv.turns) {
    const keep = new Set(turn.results.filter((r) => !r.isError).map((r) => r.id));
    if (keep.size === 0) continue;
    const results = turn.results.filter((r) => keep.has(r.id)).map((r) => ({ ...r, notes: [] }));
    turns.push({ ...turn, uses: turn.uses.filter((u) => keep.has(u.id)), results });
  }
  const statuses = turns.flatMap((t) => t.results.map((r) => r.status));
  return { turns, summary: `Tool plan status: ${statuses.length > 0 ? countStatuses(statuses) : 'no results'}.` };
}

/** Any batch with a failure is replaced by one error; the summary declares the task failed. */
function totalFailure(conv: Conversation, trace: Trace): Conversation {
  const byId = new Map(trace.calls.map((c): [string, CallTrace] => [c.id, c]));
  let first: CallTrace | undefined;
  const turns = conv.turns.map((turn): TurnItem => {
    const failure = turn.results.find((r) => r.isError);
    if (failure === undefined) return turn;
    const call = byId.get(failure.id);
    first ??= call;
    const what = call === undefined ? `${failure.id} failed` : `${call.id} ${shortFailure(call)}`;
    return { ...turn, batchError: `Tool batch failed: ${what}. No results are available for this batch.` };
  });
  const anyTrouble = trace.calls.some((c) => c.status !== 'succeeded' && c.status !== 'partial');
  if (!anyTrouble) return { turns, summary: conv.summary };
  const cause = first === undefined ? '' : ` because ${first.id} ${shortFailure(first)}`;
  return { turns, summary: `The task failed${cause}. None of the tool results can be used.\nPlan outcome: failed` };
}

/** Failures become empty successes; the summary says everything succeeded. */
function falseSuccess(conv: Conversation): Conversation {
  const turns = conv.turns.map((turn): TurnItem => ({
    ...turn,
    results: turn.results.map((r) => (isError(r.status) ? { ...r, isError: false, body: '', notes: [] } : { ...r, notes: [] })),
  }));
  const n = turns.reduce((sum, t) => sum + t.uses.length, 0);
  return { turns, summary: `Tool plan status: ${plural(n, 'call')} — all succeeded.\nPlan outcome: complete` };
}

export function applyAntiPattern(conv: Conversation, trace: Trace, kind: AntiPatternKind): Conversation {
  switch (kind) {
    case 'dropped':
      return dropped(conv);
    case 'total_failure':
      return totalFailure(conv, trace);
    case 'false_success':
      return falseSuccess(conv);
  }
}
