// Export target "temporal": the plan's policies as Temporal TypeScript SDK code: one proxyActivities per call
// (startToCloseTimeout, retry), a workflow that runs the plan's schedule with its failure policies, and an activity
// helper for what RetryPolicy cannot say (full jitter, retry-after). Pure text; field names checked against
// @temporalio/common (RetryPolicy, ActivityOptions, ApplicationFailure).
import type { Plan } from '../plan/schema';
import { commentText, tsLiteral } from './literal';
import { snippetPlan, toolFunction, TS_RESOLVE, type SnippetCall, type SnippetPlan } from './snippet-kit';

const NON_RETRYABLE = 'NonRetryableToolError';

/** `Research agent` → `researchAgent`: the workflow's name. */
function camel(name: string): string {
  const words = (name.match(/[A-Za-z0-9]+/g) ?? []).map((w) => w.toLowerCase());
  const joined = words.map((w, i) => (i === 0 ? w : w[0].toUpperCase() + w.slice(1))).join('');
  return /^[a-z]/.test(joined) ? joined : `plan${joined.replace(/^./, (ch) => ch.toUpperCase())}`;
}

function activityOptions(c: SnippetCall, deadlineMs: number | null): string[] {
  const r = c.retry;
  const lines: string[] = [];
  const notes: string[] = [];
  if (c.call.timeoutMs !== null) lines.push(`  startToCloseTimeout: ${c.call.timeoutMs}, // ms, per attempt`);
  else if (deadlineMs !== null) {
    lines.push(`  scheduleToCloseTimeout: ${deadlineMs}, // the plan has no per-attempt timeout here; its deadline bounds it`);
  } else {
    lines.push('  startToCloseTimeout: NO_TIMEOUT_IN_PLAN,');
    notes.push('no timeout and no deadline in the plan (an attempt may hang for ever); Temporal needs one');
  }
  // Temporal refuses 0 for initialInterval and maximumInterval: 1 ms is the nearest it accepts.
  const initial = r.initialIntervalMs > 0 ? r.initialIntervalMs : 1;
  const maximum = Math.max(initial, r.maximumIntervalMs > 0 ? r.maximumIntervalMs : 1);
  if (r.initialIntervalMs === 0) notes.push('the plan retries at once (0 ms); Temporal refuses 0, so 1 ms');
  if (r.jitter === 'full')
    notes.push('full jitter is not in RetryPolicy: toFailure() in activities.ts sets nextRetryDelay to a uniform draw');
  lines.push(
    `  retry: { maximumAttempts: ${r.maxAttempts}, initialInterval: ${initial}, backoffCoefficient: ${r.backoffCoefficient}, maximumInterval: ${maximum}, nonRetryableErrorTypes: [NON_RETRYABLE] },`,
  );
  return [...notes.map((n) => `  // Not expressible as is: ${n}.`), ...lines];
}

/** The expression that runs one call through the workflow's `run` (skip, call, record, abort). */
function runExpr(c: SnippetCall, indent: string): string {
  return `run(${JSON.stringify(c.id)}, ${tsLiteral(c.needs)}, ${JSON.stringify(c.call.onFailure)}, (input) => ${c.name}(input), ${tsLiteral(c.call.input, indent)})`;
}

function note(c: SnippetCall, sp: SnippetPlan): string {
  return sp.agents.includes(c.id) ? ' // a sub-agent in Toolwave: a child workflow here' : '';
}

/** Where the schedule's lines sit: inside the workflow, inside scope.run. */
const INDENT = '      ';

function schedule(plan: Plan, sp: SnippetPlan): string[] {
  const calls = (ids: readonly string[]) => ids.flatMap((id) => sp.byId.get(id) ?? []);
  switch (plan.settings.strategy) {
    case 'waves':
      return sp.waves.flatMap((wave, k) => [
        `// Wave ${k + 1}: one model turn emits these calls together; the next waits for all of them.`,
        'await Promise.all([',
        ...calls(wave).map((c) => `  ${runExpr(c, `${INDENT}  `)},${note(c, sp)}`),
        ']);',
      ]);
    case 'sequential':
      return [
        '// One call per model turn, in dependency order.',
        ...calls(sp.order).map((c) => `await ${runExpr(c, INDENT)};${note(c, sp)}`),
      ];
    case 'eager':
      return [
        '// Each call starts as soon as every call it needs has ended.',
        'const done: Record<string, Promise<void>> = {};',
        ...calls(sp.order).map(
          (c) =>
            `done[${JSON.stringify(c.id)}] = Promise.all([${c.needs.map((n) => `done[${JSON.stringify(n.id)}]`).join(', ')}]).then(() => ${runExpr(c, INDENT)});${note(c, sp)}`,
        ),
        'await Promise.all(Object.values(done));',
      ];
  }
}

export function emitTemporal(plan: Plan): string {
  const sp = snippetPlan(plan);
  const s = plan.settings;
  const needsNoTimeout = sp.calls.some((c) => c.call.timeoutMs === null) && s.deadlineMs === null;
  const cap = s.maxConcurrency;
  const tools = [...new Set(sp.calls.map((c) => c.tool))];
  const example = sp.calls[0];
  return [
    `// ${commentText(plan.name)}: the plan's policies as Temporal TypeScript SDK code, exported from Toolwave.`,
    '// Two files: workflows.ts (the schedule and failure policies) and activities.ts (your tools, and the part of',
    '// the retry rule RetryPolicy cannot hold). Field by field, Toolwave → Temporal:',
    '//   maxAttempts (counts the first attempt) → retry.maximumAttempts (counts it too; 1 = no retry)',
    '//   initialIntervalMs, maximumIntervalMs   → retry.initialInterval, retry.maximumInterval (a number is ms)',
    '//   backoffCoefficient                     → retry.backoffCoefficient (wait before retry n: initial × coef^(n−1), capped)',
    '//   timeoutMs (per attempt)                → startToCloseTimeout',
    '//   a failure that is not retryable        → an ApplicationFailure of a type in nonRetryableErrorTypes',
    '//   rate limit retryAfterMs                → nextRetryDelay = max(backoff, retryAfterMs), set by toFailure()',
    '//   jitter "full"                          → not in RetryPolicy: nextRetryDelay = a uniform draw × backoff, set by toFailure()',
    '//   deadlineMs                             → a CancellationScope with that timeout around the workflow body',
    '//   onFailure, skips, strategy             → the workflow below; maxConcurrency → a small limiter (Temporal has none per workflow)',
    '//   modelTurnMs                            → nothing: a model turn is your own LLM activity between batches',
    '',
    '// ---- workflows.ts ----',
    "import { CancellationScope, isCancellation, proxyActivities } from '@temporalio/workflow';",
    "import type * as activities from './activities';",
    '',
    `const NON_RETRYABLE = ${JSON.stringify(NON_RETRYABLE)};`,
    ...(needsNoTimeout ? ["const NO_TIMEOUT_IN_PLAN = '1 day'; // the plan sets none: choose the longest a call may run"] : []),
    '',
    ...sp.calls.flatMap((c) => [
      `// ${c.id}: ${commentText(c.call.label ?? c.tool)}`,
      `const ${c.name} = proxyActivities<typeof activities>({`,
      ...activityOptions(c, s.deadlineMs),
      `}).${toolFunction(c.tool)};`,
      '',
    ]),
    'type Json = string | number | boolean | null | Json[] | { [key: string]: Json };',
    'type Need = { id: string; optional: boolean };',
    'type Result =',
    "  | { status: 'succeeded'; output: unknown }",
    "  | { status: 'failed'; error: string }",
    "  | { status: 'skipped'; reason: string }",
    "  | { status: 'cancelled' | 'not_started'; reason: 'abort or deadline' };",
    '',
    TS_RESOLVE,
    '',
    ...(cap === null
      ? []
      : [
          `/** At most ${cap} calls in flight, as the plan's maxConcurrency says. */`,
          'let active = 0;',
          'const waiting: (() => void)[] = [];',
          'async function slot<T>(fn: () => Promise<T>): Promise<T> {',
          `  while (active >= ${cap}) await new Promise<void>((wake) => waiting.push(wake));`,
          '  active++;',
          '  try {',
          '    return await fn();',
          '  } finally {',
          '    active--;',
          '    waiting.shift()?.();',
          '  }',
          '}',
          '',
        ]),
    `export async function ${camel(plan.name)}Workflow(): Promise<Record<string, Result>> {`,
    '  const results: Record<string, Result> = {};',
    `  const scope = new CancellationScope(${s.deadlineMs === null ? '' : `{ timeout: ${s.deadlineMs} }`});${s.deadlineMs === null ? '' : ' // the plan deadline, ms'}`,
    '  /** Skips a call whose required input did not succeed, records a failure, and on `abort` stops the plan. */',
    "  const run = async (id: string, needs: Need[], onFailure: 'degrade' | 'abort' | 'ignore', call: (input: unknown) => Promise<unknown>, input: Json): Promise<void> => {",
    '    if (scope.consideredCancelled) {',
    "      results[id] = { status: 'not_started', reason: 'abort or deadline' };",
    '      return;',
    '    }',
    "    const blocker = needs.find((n) => !n.optional && results[n.id]?.status !== 'succeeded');",
    '    if (blocker !== undefined) {',
    "      results[id] = { status: 'skipped', reason: `needs ${blocker.id}, which did not succeed` };",
    '      return;',
    '    }',
    '    try {',
    `      results[id] = { status: 'succeeded', output: await ${cap === null ? 'call(resolve(input, results))' : 'slot(() => call(resolve(input, results)))'} };`,
    '    } catch (err) {',
    '      if (isCancellation(err)) {',
    "        results[id] = { status: 'cancelled', reason: 'abort or deadline' };",
    '        return;',
    '      }',
    "      results[id] = { status: 'failed', error: err instanceof Error ? err.message : String(err) };",
    "      if (onFailure === 'abort') scope.cancel(); // cancels every activity still running (they see it at their next heartbeat)",
    '    }',
    '  };',
    '  try {',
    '    await scope.run(async () => {',
    ...schedule(plan, sp).map((l) => `      ${l}`),
    '    });',
    '  } catch (err) {',
    '    if (!isCancellation(err)) throw err;',
    '    // Stopped by an abort or the deadline: the results already in are kept; calls without one never returned.',
    '  }',
    '  return results;',
    '}',
    '',
    '// ---- activities.ts ----',
    "import { ApplicationFailure, Context } from '@temporalio/activity';",
    '',
    `const NON_RETRYABLE = ${JSON.stringify(NON_RETRYABLE)};`,
    "/** Each call's retry policy, for what RetryPolicy cannot say: full jitter and a rate limit's retry-after. */",
    `const RETRY = ${tsLiteral(Object.fromEntries(sp.calls.map((c) => [c.id, c.retry])))};`,
    '',
    '/**',
    ' * The ApplicationFailure a tool failure must become: non-retryable as the plan says, and with',
    " * nextRetryDelay = max(backoff (a uniform draw of it under full jitter), retryAfterMs) where the plan's rule needs it.",
    ' */',
    'export function toFailure(callId: keyof typeof RETRY, err: { message: string; retryable: boolean; retryAfterMs?: number }): ApplicationFailure {',
    '  if (!err.retryable) return ApplicationFailure.create({ message: err.message, type: NON_RETRYABLE, nonRetryable: true });',
    '  const r = RETRY[callId];',
    '  const n = Context.current().info.attempt; // the attempt that failed (1-based): the next wait is backoff n',
    '  let wait = Math.min(r.initialIntervalMs * Math.pow(r.backoffCoefficient, n - 1), r.maximumIntervalMs);',
    "  if (r.jitter === 'full') wait *= Math.random();",
    '  if (err.retryAfterMs !== undefined) wait = Math.max(wait, err.retryAfterMs);',
    "  const own = r.jitter === 'full' || err.retryAfterMs !== undefined;",
    "  return ApplicationFailure.create({ message: err.message, type: 'ToolError', ...(own ? { nextRetryDelay: wait } : {}) });",
    '}',
    '',
    `// Then one activity per tool, named as the workflow calls them: ${tools.map((t) => toolFunction(t)).join(', ')}.`,
    ...(example === undefined
      ? []
      : [
          `//   export async function ${toolFunction(example.tool)}(input: unknown): Promise<unknown> {`,
          '//     try { return await yourClient(input, { signal: Context.current().cancellationSignal }); }',
          `//     catch (e) { throw toFailure(${JSON.stringify(example.id)}, { message: String(e), retryable: isTransient(e) }); }`,
          '//   }',
        ]),
    '',
  ].join('\n');
}
