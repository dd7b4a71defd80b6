// The partial-state context: the conversation to hand the model after a run, one assistant turn per model turn
// with its calls' results, then a summary of what succeeded, what failed and why, and what never ran.
// Every call that started appears exactly once as a result; every other one is named in the summary.
import { noInventionLines, outcomeLine, outputText, settledLines, turnTitle, type ToolUseItem } from '../../engine/portable/conversation';
import { effectSummaryLines } from '../../engine/portable/effect-words';
import { STATUS_LABEL, countStatuses, isSuccess } from '../../engine/portable/facts';
import { ERROR_STATUSES, NEVER_STARTED, degradedNote, failureContent, partialWarning, plural } from '../../engine/portable/wording';
import type { CallReport, CallSpec, RunReport } from './types';

export interface ToolResultItem {
  id: string;
  status: CallReport['status'];
  isError: boolean;
  /** The result and its notes (a degraded call's missing inputs). */
  content: string;
}

export interface ConversationTurn {
  index: number;
  title: string;
  uses: ToolUseItem[];
  results: ToolResultItem[];
}

export interface Conversation {
  turns: ConversationTurn[];
  summary: string;
}

/** The summary that closes the context; `shown` holds the calls whose results are in the conversation. */
export function buildSummary(report: RunReport, shown: ReadonlySet<string>): string {
  const reported: CallReport[] = [];
  const neverStarted: CallReport[] = [];
  const pending: CallReport[] = [];
  for (const call of report.calls) {
    if (shown.has(call.id)) reported.push(call);
    else if (NEVER_STARTED.has(call.status)) neverStarted.push(call);
    else pending.push(call);
  }
  const counted = countStatuses([...reported, ...neverStarted].map((c) => c.status));
  const lines = [`Tool plan status: ${plural(report.calls.length, 'call')}${counted ? ` — ${counted}` : ''}.`];
  lines.push(...settledLines(reported, neverStarted, (id) => report.calls.find((c) => c.id === id)?.status));
  if (pending.length > 0) {
    lines.push('Still pending:');
    for (const c of pending) lines.push(`- ${c.id}: ${STATUS_LABEL[c.status]} (no model turn reported it)`);
  }
  lines.push(...effectSummaryLines(report, shown, null));
  lines.push(...noInventionLines(reported, neverStarted));
  lines.push(outcomeLine(report));
  return lines.join('\n');
}

function indent(text: string): string {
  return text.replace(/\n/g, '\n  ');
}

/** The results a sub-agent's nested run produced: what came in, nothing about what did not. */
function nestedResults(nested: RunReport): string {
  const lines = nested.calls.filter((c) => isSuccess(c.status)).map((c) => `- ${c.id}: ${indent(successBody(nested, c))}`);
  return lines.length > 0 ? `Results:\n${lines.join('\n')}` : 'Results: none.';
}

function nestedRun(spec: CallSpec, call: CallReport): RunReport | null {
  const nested = call.attempts[call.attempts.length - 1]?.nested;
  return spec.agent === undefined || nested === undefined ? null : nested;
}

/** Explicit sub-agents hand back their own partial-state summary; opaque ones only the results that came in. */
function agentReport(spec: CallSpec, nested: RunReport): string {
  if (spec.agent?.report === 'opaque') return nestedResults(nested);
  const shown = new Set(nested.calls.filter((c) => c.startMs !== null).map((c) => c.id));
  return `Sub-agent report (nested plan "${nested.plan.name}"):\n${nestedResults(nested)}\n${buildSummary(nested, shown)}`;
}

function successBody(report: RunReport, call: CallReport): string {
  const spec = report.plan.calls[call.index];
  const nested = nestedRun(spec, call);
  const body = nested !== null ? agentReport(spec, nested) : outputText(call.output);
  if (call.status !== 'partial') return body;
  // An opaque sub-agent says no word of what went wrong inside, warnings included.
  return spec.agent?.report === 'opaque' ? body : `${body}\n${partialWarning(call)}`;
}

function resultFor(report: RunReport, call: CallReport): ToolResultItem {
  const spec = report.plan.calls[call.index];
  const error = ERROR_STATUSES.has(call.status);
  let body: string;
  if (!error) body = successBody(report, call);
  else {
    body = failureContent(call, spec);
    // A failed explicit sub-agent still hands back its own report (an aborted nested run, say).
    const nested = nestedRun(spec, call);
    if (call.status === 'failed' && spec.agent?.report === 'explicit' && nested !== null) body = `${body}\n${agentReport(spec, nested)}`;
  }
  const note = degradedNote(call);
  return { id: call.id, status: call.status, isError: error, content: note === null ? body : `${body}\n${note}` };
}

export function buildConversation(report: RunReport): Conversation {
  const seen = new Set<string>();
  const turns: ConversationTurn[] = [];
  for (const turn of report.turns) {
    const calls = turn.calls.map((i) => report.calls[i]).filter((c) => !seen.has(c.id));
    if (calls.length === 0) continue;
    for (const c of calls) seen.add(c.id);
    turns.push({
      index: turn.index,
      title: turnTitle(report, turn, calls),
      uses: calls.map((c) => ({ id: c.id, tool: c.tool, input: c.input ?? {} })),
      results: calls.map((c) => resultFor(report, c)),
    });
  }
  return { turns, summary: buildSummary(report, seen) };
}
