// The format-neutral conversation behind every context: model turns, their tool uses and results, the summary.
// Renderers turn it into API messages or text; it must hold each started call exactly once and invent nothing.
import type { JsonValue, Plan, ToolCall } from '../../plan/schema';
import { outputText, turnTitle, type ToolUseItem } from '../portable/conversation';
import type { CallStatus, CallTrace, Trace, Turn } from '../types';
import { resolveInput } from './references';
import { buildSummary } from './summary';
import { makeView, type RunView } from './view';
import { degradedNote, failureContent, isError, isSuccess, partialWarning } from './wording';

export interface ToolResultItem {
  id: string;
  status: CallStatus;
  isError: boolean;
  /** The result itself: output, error text or sub-agent report. */
  body: string;
  /** Extra lines: the degraded-input note. */
  notes: string[];
}

export interface TurnItem {
  /** 0-based model turn. */
  index: number;
  title: string;
  uses: ToolUseItem[];
  results: ToolResultItem[];
  /** Anti-pattern `total_failure`: one error that replaces every result of the batch. */
  batchError?: string;
}

export interface Conversation {
  turns: TurnItem[];
  summary: string;
}

function indent(text: string): string {
  return text.replace(/\n/g, '\n  ');
}

/** The results a sub-agent's nested run produced: what came in, nothing about what did not. */
function nestedResults(view: RunView): string {
  const lines = view.trace.calls.filter((c) => isSuccess(c.status)).map((c) => `- ${c.id}: ${indent(successBody(view, c))}`);
  return lines.length > 0 ? `Results:\n${lines.join('\n')}` : 'Results: none.';
}

/** The nested run behind a sub-agent call's last attempt, if the trace kept it. */
function nestedView(spec: ToolCall | undefined, call: CallTrace): RunView | null {
  const nested = call.attempts[call.attempts.length - 1]?.nested;
  if (spec?.kind !== 'agent' || spec.plan === undefined || nested === undefined) return null;
  return makeView(spec.plan, nested);
}

/** Explicit agents return their own partial-state summary; opaque ones only the results that came in. */
function agentReport(spec: ToolCall, nested: RunView): string {
  if (spec.report === 'opaque') return nestedResults(nested);
  const shown = new Set(nested.trace.calls.filter((c) => c.startMs !== null).map((c) => c.id));
  return `Sub-agent report (nested plan "${nested.plan.name}"):\n${nestedResults(nested)}\n${buildSummary(nested, shown, null)}`;
}

/** What a call that succeeded returned: its degraded output when it ran without an optional input and has one. */
export function returnedOutput(spec: ToolCall | undefined, call: CallTrace): JsonValue | undefined {
  if (spec === undefined) return undefined;
  return call.missingInputs.length > 0 && spec.degradedOutput !== undefined ? spec.degradedOutput : spec.output;
}

function successBody(view: RunView, call: CallTrace): string {
  const spec = view.spec(call);
  const nested = nestedView(spec, call);
  const body = spec !== undefined && nested !== null ? agentReport(spec, nested) : outputText(returnedOutput(spec, call));
  if (call.status !== 'partial') return body;
  // An opaque agent says no word of what went wrong inside, warnings included.
  return spec?.kind === 'agent' && spec.report === 'opaque' ? body : `${body}\n${partialWarning(call)}`;
}

/** The tool result for a call that started. */
export function resultFor(view: RunView, call: CallTrace): ToolResultItem {
  const spec = view.spec(call);
  const error = isError(call.status);
  let body: string;
  if (!error) {
    body = successBody(view, call);
  } else {
    body = failureContent(call, spec);
    // A failed explicit sub-agent still hands back its own report (an aborted nested run, say).
    const nested = nestedView(spec, call);
    if (call.status === 'failed' && spec !== undefined && spec.report === 'explicit' && nested !== null) {
      body = `${body}\n${agentReport(spec, nested)}`;
    }
  }
  const note = degradedNote(call);
  return { id: call.id, status: call.status, isError: error, body, notes: note === null ? [] : [note] };
}

/** The call's input as the model emitted it: references resolved from outputs that were in when it started. */
export function useFor(view: RunView, call: CallTrace): ToolUseItem {
  const spec = view.spec(call);
  const input = resolveInput(spec?.input ?? {}, (id) => {
    const up = view.byId.get(id);
    if (up === undefined) return undefined;
    const inBefore = up.endMs !== null && call.startMs !== null && up.endMs <= call.startMs;
    return isSuccess(up.status) && inBefore ? (returnedOutput(view.spec(up), up) ?? null) : null;
  });
  return { id: call.id, tool: spec?.tool ?? call.tool, input };
}

/** The turns in the context: all of them, or at `atMs` only those whose calls are all final by then. */
export function selectTurns(trace: Trace, atMs: number | null): Turn[] {
  return trace.turns.filter((t) => t.calls.length > 0 && (atMs === null || (t.endMs !== null && t.endMs <= atMs)));
}

export function buildConversation(plan: Plan, trace: Trace, atMs: number | null): Conversation {
  const view = makeView(plan, trace);
  const byIndex = new Map<number, CallTrace>();
  for (const c of trace.calls) byIndex.set(c.index, c);
  // At or after the end of a run that ended (its compensations included), the context is the whole run's.
  const settledEnd = trace.compensations.length === 0 ? view.runEndMs : (trace.settledMs ?? Infinity);
  const at = atMs !== null && atMs >= settledEnd && trace.outcome !== 'stuck' ? null : atMs;
  const seen = new Set<string>();
  const turns: TurnItem[] = [];
  for (const turn of selectTurns(trace, at)) {
    const calls: CallTrace[] = [];
    for (const i of turn.calls) {
      const c = byIndex.get(i);
      if (c === undefined || seen.has(c.id)) continue;
      seen.add(c.id);
      calls.push(c);
    }
    if (calls.length === 0) continue;
    turns.push({
      index: turn.index,
      title: turnTitle(trace, turn, calls),
      uses: calls.map((c) => useFor(view, c)),
      results: calls.map((c) => resultFor(view, c)),
    });
  }
  return { turns, summary: buildSummary(view, seen, at) };
}
