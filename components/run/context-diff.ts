// What each anti-pattern loses or misreports, compared with the correct context (docs/context.md#anti-patterns), from the trace alone.
// Pure: the compare view highlights these calls and says in one sentence what a model would do wrong.
import type { AntiPatternKind, CallStatus, CallTrace, Trace } from '@/lib/engine';

export interface AffectedCall {
  id: string;
  tool: string;
  status: CallStatus;
}

export interface AntiPatternDiff {
  kind: AntiPatternKind;
  /** Calls the correct context reports that this rendering drops, misreports or throws away, in plan order. */
  affected: AffectedCall[];
  /** What happens to them, in a few words ("absent", "reported as empty successes", ...). */
  effect: string;
  /** One sentence: what a model would do wrong with this rendering. */
  sentence: string;
}

const OK: ReadonlySet<CallStatus> = new Set<CallStatus>(['succeeded', 'partial']);

/** Calls that did not succeed: failed, timed out, cancelled, hung, skipped or never started. */
export function troubledCalls(trace: Trace): CallTrace[] {
  return trace.calls.filter((c) => !OK.has(c.status));
}

function words(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function affected(calls: readonly CallTrace[]): AffectedCall[] {
  return calls.map((c) => ({ id: c.id, tool: c.tool, status: c.status }));
}

const NOTHING_FAILED =
  'Nothing failed in this run, so this rendering happens to say the same as the correct one: choose a scenario with a failure to see the difference.';

function dropped(trace: Trace): AntiPatternDiff {
  const lost = troubledCalls(trace);
  if (lost.length === 0) return { kind: 'dropped', affected: [], effect: 'nothing to drop', sentence: NOTHING_FAILED };
  const seen = trace.calls.length - lost.length;
  const ids = lost.map((c) => c.id);
  return {
    kind: 'dropped',
    affected: affected(lost),
    effect: 'absent',
    sentence: `Handed the results of ${trace.calls.length} planned calls, it sees ${seen} and no word of ${words(ids)}, so it answers as if nothing were missing.`,
  };
}

function falseSuccess(trace: Trace): AntiPatternDiff {
  const lost = troubledCalls(trace);
  if (lost.length === 0) return { kind: 'false_success', affected: [], effect: 'nothing to misreport', sentence: NOTHING_FAILED };
  const started = lost.filter((c) => c.turn !== null);
  const never = lost.filter((c) => c.turn === null);
  const parts: string[] = [];
  if (started.length > 0) {
    const one = started.length === 1;
    parts.push(
      `It treats ${words(started.map((c) => `${c.id}’s`))} empty ${one ? 'result' : 'results'} as real and writes as if there had been nothing to find`,
    );
  }
  if (never.length > 0)
    parts.push(`${parts.length > 0 ? 'and is' : 'It is'} told all succeeded, with no word of ${words(never.map((c) => c.id))}`);
  return {
    kind: 'false_success',
    affected: affected(lost),
    effect: started.length > 0 ? 'reported as empty successes' : 'absent, and all reported as succeeded',
    sentence: `${parts.join(', ')}.`,
  };
}

function totalFailure(trace: Trace): AntiPatternDiff {
  const lost = troubledCalls(trace);
  if (lost.length === 0) return { kind: 'total_failure', affected: [], effect: 'nothing to throw away', sentence: NOTHING_FAILED };
  const byIndex = new Map(trace.calls.map((c): [number, CallTrace] => [c.index, c]));
  // The good results of every turn that also holds an error are replaced by one batch error.
  const discarded = new Set<string>();
  for (const turn of trace.turns) {
    const calls = turn.calls.map((i) => byIndex.get(i)).filter((c): c is CallTrace => c !== undefined);
    if (!calls.some((c) => !OK.has(c.status))) continue;
    for (const c of calls) if (OK.has(c.status)) discarded.add(c.id);
  }
  const thrown = trace.calls.filter((c) => discarded.has(c.id));
  // The summary also declares every other good result unusable.
  const disowned = trace.calls.filter((c) => OK.has(c.status) && !discarded.has(c.id));
  const sentence =
    thrown.length > 0
      ? `It throws away ${words(thrown.map((c) => c.id))}, which succeeded, and retries or gives up.`
      : disowned.length > 0
        ? `It is told none of the results can be used, so it gives up on ${words(disowned.map((c) => c.id))}, which succeeded.`
        : `It is told the whole task failed, with no word of which calls failed and why, so it cannot retry only what broke.`;
  return {
    kind: 'total_failure',
    affected: affected(thrown.length > 0 ? thrown : disowned),
    effect: thrown.length > 0 ? 'good results thrown away' : 'good results declared unusable',
    sentence,
  };
}

/** Per anti-pattern, what it loses or misreports compared with the correct context. */
export function diffAntiPattern(trace: Trace, kind: AntiPatternKind): AntiPatternDiff {
  switch (kind) {
    case 'dropped':
      return dropped(trace);
    case 'false_success':
      return falseSuccess(trace);
    case 'total_failure':
      return totalFailure(trace);
  }
}

export interface MarkedLine {
  text: string;
  /** The ids of the given calls this line names (whole words only: fetch_1 never matches fetch_10). */
  ids: string[];
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Splits a rendering into lines and says which of the given call ids each one names, for highlighting. */
export function markLines(text: string, ids: readonly string[]): MarkedLine[] {
  const patterns = ids.map((id): [string, RegExp] => [id, new RegExp(`(^|[^A-Za-z0-9_-])${escapeRegExp(id)}(?![A-Za-z0-9_-])`)]);
  return text.split('\n').map((line) => ({ text: line, ids: patterns.filter(([, re]) => re.test(line)).map(([id]) => id) }));
}
