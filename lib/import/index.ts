// Importing what a real agent did as a Toolwave plan: recorded runs in, a plan and its import report out, or every
// problem with its file, line or path. Pure (no DOM, no file system, no clock): the UI and the CLI hand it text.
//
// How a run becomes a plan (docs/import.md says the same at length):
// - Formats, told apart by content: Anthropic Messages transcripts, OpenAI Chat Completions and Responses
//   transcripts, OTLP JSON traces (GenAI `execute_tool` and OpenInference `TOOL` spans) and Langfuse trace exports.
//   Several files, or several traces in one file, are several runs of the same agent.
// - Calls: one plan call per executed tool call. Its id is the tool name made a valid, unique id; `label` keeps the
//   source's tool-call id; `tool` is the tool name; `input` the arguments; `output` the result (decoded when it is
//   JSON text, else a string; capped in size). Across runs a call is matched by its model turn, its tool name and
//   how many calls of that tool came before it in the turn; the first run that has it gives its input and output.
// - Retries: the next call of the same tool with the same arguments after a failure, issued once the failure was
//   known (a later turn, or after it ended), is another attempt of the same call; retry.maxAttempts is the most
//   attempts seen.
// - Turns and edges: calls of one model turn (one assistant message; tool spans under one LLM step, or siblings
//   with no model step between them) are never joined by an edge. An edge U → C is drawn only on evidence: a string
//   of at least 6 characters or a number with at least 3 significant digits, first produced by U's result (not in
//   the prompt, not in any argument up to U's turn), appears in C's arguments; that argument becomes a
//   `{{U.path}}` reference. Calls of later turns with no evidence depend on nothing; the report lists the
//   turn-order pairs (each call of a turn after each call of the turn before) that were not drawn.
// - Timings: one run gives fixed latencies (the measured duration; sources without timings get 500 ms, said in the
//   report). Several runs give each call a lognormal fitted to its observed p50/p95 (nearest rank), fixed when all
//   samples are equal or only one exists, uniform over the range when too few or a zero median.
// - Failures: one run replays each failed attempt as an error (with its message) or timeout fault on that attempt
//   number. Several runs give error and timeout faults whose outcomes happen with the observed shares of attempts.
//   A call that timed out gets the timeout it was cut at (30 s when untimed).
// - Everything else the source cannot say takes the plan default (onFailure degrade, effect "none", no deadline…),
//   and the report says which fields were inferred and from what.
import type { Problem } from '../plan/parse';
import { readAnthropic } from './anthropic';
import { buildPlan, type BuildResult } from './build';
import { ACCEPTED_FORMATS, detectFormat } from './detect';
import { readLangfuse } from './langfuse';
import { readOpenAIChat, readOpenAIResponses } from './openai';
import { readOtlp } from './otlp';
import { FORMAT_NAMES, type FormatId, type ObservedRun, type ReadResult } from './run';
import { decode, problem, type Decoded, type SourceFile } from './source';

export type { ImportReport, InferredField, DrawnEdge, TurnPair } from './report';
export { reportLines, summaryLine } from './report';
export type { SourceFile } from './source';
export { ACCEPTED_FORMATS } from './detect';
export { FORMAT_NAMES, type FormatId } from './run';

import { MAX_FILES, MAX_TOTAL_CHARS } from './limits';
export { MAX_FILES, MAX_TOTAL_CHARS };

export type ImportResult = BuildResult;

const READERS: Record<FormatId, (file: string, doc: Decoded) => ReadResult> = {
  anthropic: readAnthropic,
  'openai-chat': readOpenAIChat,
  'openai-responses': readOpenAIResponses,
  otlp: readOtlp,
  langfuse: readLangfuse,
};

/** What a file is, by content: a plan (import it as a plan), a recorded run, or neither (it says why). */
export type Sniffed = { kind: 'plan' } | { kind: 'run' } | { kind: 'unreadable'; problems: Problem[] };

/** Looks at one file's content to route it: a Toolwave plan keeps the plan import; runs go to importRuns. */
export function sniffFile(file: SourceFile): Sniffed {
  const d = decode(file);
  if (!d.ok) return { kind: 'unreadable', problems: d.problems };
  const kind = detectFormat(d.doc).kind;
  if (kind === 'plan') return { kind: 'plan' };
  if (kind === 'unknown')
    return {
      kind: 'unreadable',
      problems: [problem(file.name, null, [], `is not a format Toolwave imports: expected ${ACCEPTED_FORMATS}`)],
    };
  return { kind: 'run' };
}

/** Reads one file into its runs, or its problems. */
export function readRuns(file: SourceFile): ReadResult {
  const d = decode(file);
  if (!d.ok) return d;
  const found = detectFormat(d.doc);
  switch (found.kind) {
    case 'plan':
      return { ok: false, problems: [problem(file.name, null, [], 'is a Toolwave plan, not a recorded run: import it on its own')] };
    case 'no-tools':
      return { ok: false, problems: [problem(file.name, null, [], 'is a transcript with no tool call in it: nothing to import')] };
    case 'unknown':
      return { ok: false, problems: [problem(file.name, null, [], `is not a format Toolwave imports: expected ${ACCEPTED_FORMATS}`)] };
    case 'run':
      return READERS[found.format](file.name, d.doc);
  }
}

/** Imports one or more files, each one or more runs of the same agent, as one new plan. Nothing partial: any problem fails it all. */
export function importRuns(files: readonly SourceFile[], options: { name?: string } = {}): ImportResult {
  if (files.length === 0) return { ok: false, problems: [{ path: '(import)', message: 'no file given' }] };
  if (files.length > MAX_FILES)
    return { ok: false, problems: [{ path: '(import)', message: `${files.length} files given (at most ${MAX_FILES})` }] };
  const total = files.reduce((n, f) => n + f.text.length, 0);
  if (total > MAX_TOTAL_CHARS)
    return {
      ok: false,
      problems: [{ path: '(import)', message: `the files hold ${total} characters together (at most ${MAX_TOTAL_CHARS})` }],
    };
  const runs: ObservedRun[] = [];
  const problems: Problem[] = [];
  for (const f of files) {
    const r = readRuns(f);
    if (r.ok) runs.push(...r.runs);
    else problems.push(...r.problems);
  }
  if (problems.length > 0) return { ok: false, problems: problems.slice(0, 200) };
  return buildPlan(runs, options);
}

/** The formats an import read, by name (`Anthropic Messages transcript`, …). */
export function formatNames(formats: readonly FormatId[]): string {
  return formats.map((f) => FORMAT_NAMES[f]).join(', ');
}
