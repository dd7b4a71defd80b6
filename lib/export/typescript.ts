// Export target "ts": one self-contained TypeScript module that runs the plan's tool calls with its exact policies
// and builds the partial-state context. Pure: a parsed plan in, source text out; it never runs the code it writes.
import type { Plan } from '../plan/schema';
import { commentText, quote, tsLiteral } from './literal';
import { compensationTools, planSpec, toolNames } from './policy';
import { RUNTIME_SOURCE } from './runtime-source';

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function key(name: string): string {
  return IDENT.test(name) ? name : quote(name);
}

function strategyWords(plan: Plan): string {
  const s = plan.settings;
  const how = {
    waves: 'in waves (one model turn per wave)',
    eager: 'eagerly (each call as soon as its inputs are in)',
    sequential: 'one call per model turn',
  }[s.strategy];
  const cap = s.maxConcurrency === null ? 'no cap on calls in flight' : `at most ${s.maxConcurrency} in flight`;
  const deadline = s.deadlineMs === null ? 'no plan deadline' : `a ${s.deadlineMs} ms plan deadline`;
  return `${how}, ${cap}, ${deadline}`;
}

function header(plan: Plan): string[] {
  const tools = toolNames(plan);
  const comps = compensationTools(plan);
  const example = tools
    .slice(0, 3)
    .map((t) => `//     ${key(t)}: async (input, { signal, attempt }) => { /* call the real ${commentText(t)} */ },`);
  return [
    `// ${commentText(plan.name)}: a tool plan exported from Toolwave as runnable TypeScript.`,
    `// Runs the plan's ${plan.calls.length} tool call${plan.calls.length === 1 ? '' : 's'} ${strategyWords(plan)}, with each call's`,
    '// timeout, retry policy and onFailure (degrade / abort / ignore) exactly as Toolwave simulates them, then builds',
    '// the partial-state context: what succeeded, what failed and why, what never ran.',
    '//',
    '// Use it:',
    "//   import { runPlan, buildContext, ToolError, RateLimitError, partial } from './this-file';",
    '//   const report = await runPlan({',
    ...example,
    ...(tools.length > 3 ? [`//     … one function for each of the ${tools.length} tools in PlanTools`] : []),
    ...(comps.length === 0
      ? ['//   });']
      : [
          '//   }, {',
          `//     compensations: { ${comps
            .map((c) => `${key(c)}: async (input, { signal }) => { /* undo it */ }`)
            .slice(0, 2)
            .join(', ')}${comps.length > 2 ? ', …' : ''} },`,
          '//   });',
        ]),
    "//   const messages = buildContext(report, 'anthropic').messages; // or 'openai', or 'text'",
    ...(comps.length === 0
      ? []
      : [
          '// After an abort or the deadline, each effect that landed is undone by its compensation, one at a time, latest',
          '// first; the report and the context say which were undone and which are still in place.',
        ]),
    '//',
    '// A tool reports a failure by throwing: ToolError(message, { code, retryable }), or RateLimitError(retryAfterMs)',
    '// for a 429. Any other error counts as not retryable (pass classifyError to decide otherwise). Return',
    '// partial(output, note) for an incomplete result. Hand `signal` to fetch(): it aborts when the attempt times out',
    '// or the plan stops. Options: now / sleep / random (inject a virtual clock in tests), modelTurnMs, onEvent.',
    '//',
    '// Retries are written out here (retryWait) rather than taken from a retry library, on purpose: the plan counts',
    '// attempts (maxAttempts includes the first), caps exponential backoff, draws full jitter and never waits less than',
    "// a rate limit's retryAfterMs, on an injectable clock; and a call waiting to retry holds no concurrency slot and",
    '// is cancelled when the plan stops, which a library looping around one call cannot do.',
    '//',
    '// Standard library only (AbortController, setTimeout, performance.now): nothing to install.',
    '',
  ];
}

function fnType(names: readonly string[]): string {
  return names.length === 0 ? 'Record<never, ToolFn>' : `{\n${names.map((t) => `  ${key(t)}: ToolFn;`).join('\n')}\n}`;
}

function planSection(plan: Plan): string[] {
  const comps = compensationTools(plan);
  return [
    '',
    `// ---- The plan: ${commentText(plan.name)} ----`,
    '',
    '/** The calls and their policies, as designed in Toolwave (times in milliseconds). */',
    `export const PLAN: PlanSpec = ${tsLiteral(planSpec(plan))};`,
    '',
    '/** One function per tool the plan calls. */',
    `export type PlanTools = ${fnType(toolNames(plan))};`,
    ...(comps.length === 0
      ? [
          '',
          "/** Runs the plan with your tools; resolves with the report (each call's status, attempts and times) once it is over. */",
          'export function runPlan(tools: PlanTools, options: RunOptions = {}): Promise<RunReport> {',
          '  return runPlanSpec(PLAN, tools, options);',
          '}',
        ]
      : [
          '',
          '/** One function per compensation: what undoes an effect once the plan stops (one at a time, latest effect first). */',
          `export type PlanCompensations = ${fnType(comps)};`,
          '',
          '/** Runs the plan with your tools; after a stop, undoes landed effects with `options.compensations`; resolves once all is over. */',
          'export function runPlan(tools: PlanTools, options: RunOptions & { compensations: PlanCompensations }): Promise<RunReport> {',
          '  return runPlanSpec(PLAN, tools, options);',
          '}',
        ]),
    '',
  ];
}

export function emitTypeScript(plan: Plan): string {
  return [...header(plan), RUNTIME_SOURCE.trimEnd(), ...planSection(plan)].join('\n');
}
