// What every format is read into: a recorded run of an agent as model turns of tool calls, with their results and
// timings when the source has them. The run→plan builder works on this alone; no format detail leaks past it.
import type { Problem } from '../plan/parse';
import type { JsonValue } from '../plan/schema';
import { location, problem } from './source';
import { toInput, type JsonObject } from './values';

export const FORMATS = ['anthropic', 'openai-chat', 'openai-responses', 'otlp', 'langfuse'] as const;
export type FormatId = (typeof FORMATS)[number];

export const FORMAT_NAMES: Record<FormatId, string> = {
  anthropic: 'Anthropic Messages transcript',
  'openai-chat': 'OpenAI Chat Completions transcript',
  'openai-responses': 'OpenAI Responses transcript',
  otlp: 'OpenTelemetry trace (OTLP JSON)',
  langfuse: 'Langfuse trace export',
};

/** How one executed tool call ended, as far as the source says. */
export type ObservedResult =
  | { kind: 'ok'; output: JsonValue | undefined }
  | { kind: 'error'; message: string }
  | { kind: 'timeout'; message: string }
  /** The source shows the call but no result (the run stopped first, or the result was not recorded). */
  | { kind: 'missing' };

export interface ObservedCall {
  /** The source's own id of the call (tool_use id, call_id, gen_ai.tool.call.id), or of its span; null when none. */
  sourceId: string | null;
  tool: string;
  input: JsonObject;
  /** Set when the arguments had to be reshaped to become an input object. */
  inputNote: string | null;
  result: ObservedResult;
  /** Milliseconds on the source's clock; null when the source has no timings. */
  startMs: number | null;
  endMs: number | null;
  /** The model turn (0-based, in the run) that issued the call. */
  turn: number;
  /** Where the call sits in its file, for messages: `messages[3].content[1]`, `line 4`, a span id. */
  where: string;
}

export interface ObservedRun {
  file: string;
  format: FormatId;
  /** `run.json`, or `trace.json, trace 5b8e…` when a file holds several runs. */
  label: string;
  /** The agent's or trace's name when the source gives one. */
  name: string | null;
  calls: ObservedCall[];
  /** Text the model was given besides tool results (prompts): a value found there was not produced by a tool. */
  promptText: string;
  /** Durations of the model steps the source shows (LLM spans, generations), in ms. */
  modelStepsMs: number[];
}

export type ReadResult = { ok: true; runs: ObservedRun[] } | { ok: false; problems: Problem[] };

export function durationMs(c: Pick<ObservedCall, 'startMs' | 'endMs'>): number | null {
  if (c.startMs === null || c.endMs === null) return null;
  return Math.max(0, c.endMs - c.startMs);
}

/** Renumbers turns 0, 1, 2… in order, dropping numbers no call uses. */
export function compactTurns(calls: ObservedCall[]): ObservedCall[] {
  const used = [...new Set(calls.map((c) => c.turn))].sort((a, b) => a - b);
  const rank = new Map(used.map((t, i) => [t, i]));
  return calls.map((c) => ({ ...c, turn: rank.get(c.turn) ?? 0 }));
}

/** A call read from a transcript, with the time its result came back (session logs only). */
export type PendingCall = ObservedCall & { resultAt: number | null };

/** What a transcript reader gathers as it goes: problems, calls (by their source id too) and the prompt's text. */
export interface TranscriptReading {
  problems: Problem[];
  calls: PendingCall[];
  byId: Map<string, number>;
  prompt: string[];
}

/** Where a transcript issues a call: the file, line and path, and the id field's key and name for a repeat's problem. */
export interface IssuedAt {
  file: string;
  line: number | null;
  path: readonly PropertyKey[];
  idKey: string;
  idName: string;
}

/** Records a call the transcript issues, its result still missing; an id seen before is a problem and no call. */
export function issueCall(
  { problems, calls, byId }: TranscriptReading,
  call: { sourceId: string; tool: string; args: unknown; startMs: number | null; turn: number },
  at: IssuedAt,
): void {
  if (byId.has(call.sourceId)) {
    problems.push(problem(at.file, at.line, [...at.path, at.idKey], `repeats the ${at.idName} "${call.sourceId}"`));
    return;
  }
  const { input, note } = toInput(call.args);
  byId.set(call.sourceId, calls.length);
  calls.push({
    sourceId: call.sourceId,
    tool: call.tool,
    input,
    inputNote: note,
    result: { kind: 'missing' },
    startMs: call.startMs,
    endMs: null,
    resultAt: null,
    turn: call.turn,
    where: location(at.file, at.line, at.path),
  });
}

export function startReading(): TranscriptReading {
  return { problems: [], calls: [], byId: new Map(), prompt: [] };
}

/** The one run a transcript holds, or its problems; its times are kept only when every call has a start and a result time. */
export function finishReading(file: string, format: FormatId, { problems, calls, prompt }: TranscriptReading): ReadResult {
  if (problems.length > 0) return { ok: false, problems };
  const timed = calls.length > 0 && calls.every((c) => c.startMs !== null && c.resultAt !== null);
  const observed: ObservedCall[] = calls.map(({ resultAt, ...c }) => ({
    ...c,
    startMs: timed ? c.startMs : null,
    endMs: timed ? resultAt : null,
  }));
  return {
    ok: true,
    runs: [{ file, format, label: file, name: null, calls: compactTurns(observed), promptText: prompt.join('\n'), modelStepsMs: [] }],
  };
}
