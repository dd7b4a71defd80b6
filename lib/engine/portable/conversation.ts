// The pieces of the partial-state context that read a run the same way wherever it was made: a tool use, a
// model turn's title, an output as text, the outcome line. Portable (shared with every TypeScript export, imports only its siblings).
import type { CallFacts, CallStatus, RunFacts, TurnFacts } from './facts';
import type { JsonObject } from './json-refs';
import { ERROR_STATUSES, listWords, missingList, neverStartedLine, plainMs, shortFailure } from './wording';

export interface ToolUseItem {
  id: string;
  tool: string;
  /** The input as the model emitted it, references resolved. */
  input: JsonObject;
}

/** A tool's output as the model reads it: text as is, anything else as JSON. */
export function outputText(output: unknown): string {
  if (output === undefined) return '(no output)';
  if (typeof output === 'string') return output;
  return JSON.stringify(output) ?? String(output);
}

/** `Model turn 2 (wave 2)`, `Model turn 1 (the whole plan)` or `Model turn 3 (fetch_b)`, by the run's strategy. */
export function turnTitle(run: Pick<RunFacts, 'strategy'>, turn: TurnFacts, calls: readonly { id: string; wave: number }[]): string {
  const n = turn.index + 1;
  switch (run.strategy) {
    case 'waves':
      return `Model turn ${n} (wave ${(turn.wave ?? calls[0]?.wave ?? 0) + 1})`;
    case 'eager':
      return `Model turn ${n} (the whole plan)`;
    case 'sequential':
      return `Model turn ${n} (${calls.map((c) => c.id).join(', ')})`;
  }
}

/**
 * The summary's lines on calls whose fate is known: who succeeded or returned partial, ran degraded, failed (with
 * why), or never started (with why; `statusOf` names the state of a call one waits on).
 */
export function settledLines(
  reported: readonly CallFacts[],
  neverStarted: readonly CallFacts[],
  statusOf: (id: string) => CallStatus | undefined,
): string[] {
  const lines: string[] = [];
  const ids = (status: CallStatus) => reported.filter((c) => c.status === status).map((c) => c.id);
  if (ids('succeeded').length > 0) lines.push(`Succeeded: ${ids('succeeded').join(', ')}.`);
  if (ids('partial').length > 0) lines.push(`Partial (incomplete, see the warning in each result): ${ids('partial').join(', ')}.`);
  const degraded = reported.filter((c) => c.missingInputs.length > 0);
  if (degraded.length > 0) {
    lines.push('Degraded (ran without optional inputs):');
    for (const c of degraded) lines.push(`- ${c.id}: missing ${missingList(c)}`);
  }
  const failed = reported.filter((c) => ERROR_STATUSES.has(c.status));
  if (failed.length > 0) {
    lines.push('Failed:');
    for (const c of failed) lines.push(`- ${c.id}: ${shortFailure(c)}`);
  }
  if (neverStarted.length > 0) {
    lines.push('Never started:');
    for (const c of neverStarted) lines.push(`- ${neverStartedLine(c, statusOf)}`);
  }
  return lines;
}

/** The warning after the lists, when a call failed or never started; none otherwise. */
export function noInventionLines(reported: readonly CallFacts[], neverStarted: readonly CallFacts[]): string[] {
  const failed = reported.some((c) => ERROR_STATUSES.has(c.status));
  return failed || neverStarted.length > 0
    ? ['No result exists for a call that failed or never started: do not assume or invent one.']
    : [];
}

/** The summary's last line: how the run ended, and who ended it. */
export function outcomeLine(run: RunFacts): string {
  switch (run.outcome) {
    case 'aborted':
      return run.stop
        ? `Plan outcome: aborted — ${run.stop.by ?? 'a call'} failed at ${plainMs(run.stop.atMs)} and its policy is to abort the plan`
        : 'Plan outcome: aborted';
    case 'deadline_exceeded':
      return run.stop
        ? `Plan outcome: deadline_exceeded — the plan's deadline was reached at ${plainMs(run.stop.atMs)}`
        : 'Plan outcome: deadline_exceeded';
    case 'stuck': {
      const hung = run.calls.filter((c) => c.status === 'hung').map((c) => c.id);
      return hung.length > 0 ? `Plan outcome: stuck — ${listWords(hung)} never returned` : 'Plan outcome: stuck';
    }
    default:
      return `Plan outcome: ${run.outcome}`;
  }
}

/** The assistant message that makes a model turn's tool calls, in the Anthropic Messages shape. */
export function anthropicToolUses(uses: readonly ToolUseItem[]) {
  return { role: 'assistant' as const, content: uses.map((u) => ({ type: 'tool_use' as const, id: u.id, name: u.tool, input: u.input })) };
}

/** The assistant message that makes a model turn's tool calls, in the OpenAI Chat Completions shape. */
export function openAIToolCalls(uses: readonly ToolUseItem[]) {
  return {
    role: 'assistant' as const,
    content: null,
    tool_calls: uses.map((u) => ({ id: u.id, type: 'function' as const, function: { name: u.tool, arguments: JSON.stringify(u.input) } })),
  };
}
