// Export target "vercel": the plan's tools for the Vercel AI SDK, each `execute` wrapped in the call's policy
// (attempts, per-attempt timeout through an AbortSignal, backoff, jitter, retry-after) and its onFailure.
// Pure text; names checked against the `ai` package (tool, jsonSchema, generateText, stepCountIs, maxRetries).
import type { JsonValue, Plan } from '../plan/schema';
import { commentText, quote, tsLiteral } from './literal';
import { snippetPlan, toolFunction, type SnippetCall } from './snippet-kit';

/** A JSON Schema for a tool's input, from the plan's sample input: each property typed as its sample is. */
function schemaOf(input: { [key: string]: JsonValue }): object {
  const type = (v: JsonValue): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'object' ? 'object' : typeof v);
  return { type: 'object', properties: Object.fromEntries(Object.entries(input).map(([k, v]) => [k, { type: type(v) }])) };
}

function samePolicy(a: SnippetCall, b: SnippetCall): boolean {
  return JSON.stringify([a.retry, a.call.timeoutMs, a.call.onFailure]) === JSON.stringify([b.retry, b.call.timeoutMs, b.call.onFailure]);
}

const HELPERS = `type Policy = {
  maxAttempts: number; // counts the first attempt
  initialIntervalMs: number;
  backoffCoefficient: number;
  maximumIntervalMs: number;
  jitter: 'none' | 'full';
  timeoutMs: number | null; // per attempt
  onFailure: 'degrade' | 'abort' | 'ignore';
};

/** Throw it from a tool: whether a retry may help, and for a 429 how long to wait at least. */
export class ToolError extends Error {
  constructor(message: string, readonly retryable: boolean, readonly retryAfterMs?: number) {
    super(message);
    this.name = 'ToolError';
  }
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });

/**
 * Runs one tool call with the plan's policy: each attempt with its own timeout, retries of retryable failures only,
 * waiting min(initial × coefficient^(n−1), maximum) before retry n, times a uniform draw under full jitter, and never
 * less than a rate limit's retryAfterMs. A call waiting to retry holds its slot here (the SDK runs the step's calls).
 */
async function withPolicy(p: Policy, outer: AbortSignal | undefined, attempt: (signal: AbortSignal) => Promise<unknown>): Promise<unknown> {
  for (let n = 1; ; n++) {
    const signals = [outer, p.timeoutMs === null ? undefined : AbortSignal.timeout(p.timeoutMs)].filter((s) => s !== undefined);
    const signal = AbortSignal.any(signals);
    try {
      return await attempt(signal);
    } catch (err) {
      const timedOut = signal.aborted && !outer?.aborted;
      const retryable = timedOut || (err instanceof ToolError && err.retryable);
      if (!retryable || n >= p.maxAttempts || outer?.aborted) throw err;
      let wait = p.initialIntervalMs;
      if (wait > 0 && n > 1) wait *= Math.pow(p.backoffCoefficient, n - 1);
      wait = Math.min(wait, p.maximumIntervalMs);
      if (p.jitter === 'full') wait *= Math.random();
      if (err instanceof ToolError && err.retryAfterMs !== undefined) wait = Math.max(wait, err.retryAfterMs);
      await sleep(wait, outer ?? new AbortController().signal);
    }
  }
}`;

export function emitVercel(plan: Plan): string {
  const sp = snippetPlan(plan);
  const s = plan.settings;
  const byTool = new Map<string, SnippetCall[]>();
  for (const c of sp.calls) byTool.set(c.tool, [...(byTool.get(c.tool) ?? []), c]);
  const policy = (c: SnippetCall) => ({ ...c.retry, timeoutMs: c.call.timeoutMs, onFailure: c.call.onFailure });
  const policies = Object.fromEntries([...byTool.entries()].map(([tool, calls]) => [toolFunction(tool), policy(calls[0])]));
  const tools = [...byTool.entries()].flatMap(([tool, calls]) => {
    const first = calls[0];
    const differ = calls.filter((c) => !samePolicy(c, first)).map((c) => c.id);
    const name = toolFunction(tool);
    const description = calls.map((c) => c.call.label ?? c.id).join('; ');
    return [
      `    ${name}: tool({`,
      `      description: ${quote(description)},`,
      `      inputSchema: jsonSchema(${tsLiteral(schemaOf(first.call.input), '      ')}),`,
      ...(differ.length > 0
        ? [
            `      // Not expressible per call: ${differ.join(', ')} set another policy than ${first.id} for this tool; the model picks tools, not calls.`,
          ]
        : []),
      `      execute: (input, { abortSignal }) => run(${JSON.stringify(name)}, POLICY.${name}, abortSignal, (signal) => impl.${name}(input, signal)),`,
      '    }),',
    ];
  });
  const maxSteps = sp.waves.length + 1;
  return [
    `// ${commentText(plan.name)}: the plan's tools for the Vercel AI SDK (ai 5 or later), exported from Toolwave.`,
    '// Field by field, Toolwave → AI SDK:',
    '//   maxAttempts, intervals, jitter, retryAfterMs → withPolicy() around each execute: the SDK retries no tool call',
    "//   (generateText's maxRetries counts retries, not attempts, and only of the model request: default 2, initial",
    '//   delay 2 s doubling, no cap, no jitter; it is left as is)',
    "//   timeoutMs (per attempt)          → an AbortSignal per attempt (AbortSignal.timeout), joined with the SDK's abortSignal",
    '//   onFailure degrade / ignore       → execute returns an explicit error result: the model sees what failed, never a fake success',
    "//   onFailure abort                  → stop.abort(): generateText's abortSignal ends the whole run",
    `//   strategy "${s.strategy}", skips, references → not expressible: the model decides each step's calls and passes results along`,
    "//   maxConcurrency                   → a limiter shared by the tools (the SDK runs a step's calls in parallel)",
    '//   deadlineMs                       → generateText abortSignal: AbortSignal.timeout(deadline)',
    "//   modelTurnMs                      → nothing: it is your model's real latency",
    '',
    "import { generateText, jsonSchema, stepCountIs, tool, type LanguageModel } from 'ai';",
    '',
    HELPERS,
    '',
    '/** Your implementation of each tool; `signal` aborts when the attempt times out or the run stops. */',
    'export interface ToolImpl {',
    ...[...byTool.keys()].map((t) => `  ${toolFunction(t)}(input: unknown, signal: AbortSignal): Promise<unknown>;`),
    '}',
    '',
    "/** Each tool's policy: its first call's in the plan. */",
    `const POLICY = ${tsLiteral(policies)} satisfies Record<string, Policy>;`,
    '',
    'export function planTools(impl: ToolImpl, stop: AbortController) {',
    ...(s.maxConcurrency === null
      ? []
      : [
          `  // At most ${s.maxConcurrency} calls in flight (the plan's maxConcurrency).`,
          '  let active = 0;',
          '  const waiting: (() => void)[] = [];',
        ]),
    '  const run = async (name: string, p: Policy, abortSignal: AbortSignal | undefined, attempt: (signal: AbortSignal) => Promise<unknown>) => {',
    ...(s.maxConcurrency === null
      ? []
      : [`    while (active >= ${s.maxConcurrency}) await new Promise<void>((wake) => waiting.push(wake));`, '    active++;']),
    '    try {',
    '      return await withPolicy(p, abortSignal, attempt);',
    '    } catch (err) {',
    "      if (p.onFailure === 'abort') stop.abort(err);",
    '      return { error: `${name} failed: ${err instanceof Error ? err.message : String(err)}`, retriesExhausted: true };',
    ...(s.maxConcurrency === null ? ['    }'] : ['    } finally {', '      active--;', '      waiting.shift()?.();', '    }']),
    '  };',
    '  return {',
    ...tools,
    '  };',
    '}',
    '',
    '/** One run: the model calls the tools, each with its policy, until it answers (or the plan stops). */',
    'export async function runPlan(model: LanguageModel, prompt: string, impl: ToolImpl) {',
    '  const stop = new AbortController();',
    `  const signals = [stop.signal${s.deadlineMs === null ? '' : `, AbortSignal.timeout(${s.deadlineMs})`}];${s.deadlineMs === null ? '' : ' // the plan deadline, ms'}`,
    '  return generateText({',
    '    model,',
    '    prompt,',
    '    tools: planTools(impl, stop),',
    `    stopWhen: stepCountIs(${maxSteps}), // the plan's ${sp.waves.length} wave${sp.waves.length === 1 ? '' : 's'} of calls, then the answer`,
    '    abortSignal: AbortSignal.any(signals),',
    '  });',
    '}',
    ...(sp.agents.length > 0
      ? ['', `// Sub-agent calls (${sp.agents.join(', ')}) are nested plans in Toolwave: give each its own generateText inside its tool.`]
      : []),
    '',
  ].join('\n');
}
