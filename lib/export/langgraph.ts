// Export target "langgraph": the plan as a LangGraph JS StateGraph: one node per call with its retryPolicy, timeout
// and errorHandler, edges that join on every input. Pure text; field names checked against @langchain/langgraph 1.4
// (RetryPolicy: maxAttempts, initialInterval, backoffFactor, maxInterval, jitter, retryOn; addNode timeout, errorHandler).
import type { Plan } from '../plan/schema';
import { commentText, tsLiteral } from './literal';
import { snippetPlan, toolFunction, TS_RESOLVE, type SnippetCall, type SnippetPlan } from './snippet-kit';

function retryPolicy(c: SnippetCall): string[] {
  const r = c.retry;
  const notes: string[] = [];
  if (r.jitter === 'full') notes.push("full jitter: LangGraph's jitter adds 0–1000 ms on top of the wait, so it stays off");
  if (c.call.faults.some((f) => f.kind === 'rate_limit')) notes.push("a rate limit's retryAfterMs: retryPolicy has no per-error wait");
  if (c.call.timeoutMs === null) notes.push('the plan gives this call no timeout: none is set');
  return [
    ...notes.map((n) => `      // Not expressible: ${n}.`),
    `      retryPolicy: { maxAttempts: ${r.maxAttempts}, initialInterval: ${r.initialIntervalMs}, backoffFactor: ${r.backoffCoefficient}, maxInterval: ${r.maximumIntervalMs}, jitter: false, retryOn, logWarning: false },`,
    ...(c.call.timeoutMs === null ? [] : [`      timeout: ${c.call.timeoutMs}, // ms, per attempt`]),
  ];
}

function addNode(c: SnippetCall): string[] {
  const errorHandler =
    c.call.onFailure === 'abort'
      ? ['      // onFailure "abort": no errorHandler, so the error stops the whole graph.']
      : [`      errorHandler: failed(${JSON.stringify(c.id)}), // onFailure "${c.call.onFailure}": record the failure and go on`];
  return [
    `    .addNode(${JSON.stringify(c.id)}, node(${JSON.stringify(c.id)}, ${JSON.stringify(toolFunction(c.tool))}, ${tsLiteral(c.needs, '    ')}, ${tsLiteral(c.call.input, '    ')}), {`,
    ...retryPolicy(c),
    ...errorHandler,
    '    })',
  ];
}

function edges(plan: Plan, sp: SnippetPlan): string[] {
  const q = (id: string) => JSON.stringify(id);
  if (plan.settings.strategy === 'sequential') {
    // One call per model turn: a chain in dependency order (each call after every one it needs).
    return [
      ...(sp.order.length > 0 ? [`    .addEdge(START, ${q(sp.order[0])})`] : []),
      ...sp.order.slice(1).map((id, i) => `    .addEdge(${q(sp.order[i])}, ${q(id)})`),
      ...(sp.order.length > 0 ? [`    .addEdge(${q(sp.order[sp.order.length - 1])}, END)`] : []),
    ];
  }
  const hasDownstream = new Set(sp.calls.flatMap((c) => c.needs.map((n) => n.id)));
  return sp.calls.flatMap((c) => [
    c.needs.length === 0
      ? `    .addEdge(START, ${q(c.id)})`
      : c.needs.length === 1
        ? `    .addEdge(${q(c.needs[0].id)}, ${q(c.id)})`
        : `    .addEdge([${c.needs.map((n) => q(n.id)).join(', ')}], ${q(c.id)}) // runs once all of them have`,
    ...(hasDownstream.has(c.id) ? [] : [`    .addEdge(${q(c.id)}, END)`]),
  ]);
}

export function emitLangGraph(plan: Plan): string {
  const sp = snippetPlan(plan);
  const s = plan.settings;
  const ids = new Set(sp.calls.map((c) => c.id));
  let results = 'results';
  while (ids.has(results)) results = `${results}_`;
  const tools = [...new Set(sp.calls.map((c) => c.tool))];
  const invoke: string[] = [];
  if (s.maxConcurrency !== null) invoke.push(`maxConcurrency: ${s.maxConcurrency}`);
  if (s.deadlineMs !== null) invoke.push(`signal: AbortSignal.timeout(${s.deadlineMs})`);
  return [
    `// ${commentText(plan.name)}: the plan as a LangGraph JS graph (@langchain/langgraph 1.4 or later), exported from Toolwave.`,
    '// Field by field, Toolwave → LangGraph:',
    '//   maxAttempts (counts the first attempt) → retryPolicy.maxAttempts (counts it too)',
    '//   initialIntervalMs                      → retryPolicy.initialInterval (ms; the first retry waits exactly this long)',
    '//   backoffCoefficient                     → retryPolicy.backoffFactor (wait before retry n: initial × factor^(n−1))',
    '//   maximumIntervalMs                      → retryPolicy.maxInterval (ms)',
    '//   jitter "none"                          → jitter: false (LangGraph adds up to 1 s of jitter by default)',
    '//   jitter "full"                          → not expressible: LangGraph\'s jitter is added on top, never a draw in [0, wait)',
    '//   retryable failures                     → retryOn: a ToolError marked retryable, or a NodeTimeoutError',
    '//   rate limit retryAfterMs                → not expressible: retryPolicy has no per-error wait',
    '//   timeoutMs (per attempt)                → addNode timeout (ms)',
    '//   onFailure degrade / ignore             → errorHandler records the failure; abort → no handler, the graph stops',
    `//   ${`strategy "${s.strategy}"`.padEnd(39)}→ ${
      s.strategy === 'waves'
        ? 'supersteps: a node joins on all its inputs, so each superstep is one wave'
        : s.strategy === 'sequential'
          ? 'a chain of edges in dependency order: one call at a time'
          : 'not expressible: LangGraph runs in supersteps (waves); this graph does'
    }`,
    `//   maxConcurrency, deadlineMs             → invoke options maxConcurrency and signal (see the end)`,
    '//   modelTurnMs                            → nothing: a model turn is your own LLM node',
    '',
    "import { Annotation, END, START, StateGraph, isNodeTimeoutError, type NodeError } from '@langchain/langgraph';",
    '',
    'type Json = string | number | boolean | null | Json[] | { [key: string]: Json };',
    'type Need = { id: string; optional: boolean };',
    "type Result = { status: 'succeeded'; output: unknown } | { status: 'failed'; error: string } | { status: 'skipped'; reason: string };",
    '',
    `const State = Annotation.Root({`,
    `  ${results}: Annotation<Record<string, Result>>({ reducer: (a, b) => ({ ...a, ...b }), default: () => ({}) }),`,
    '});',
    '',
    '/** Throw it from a tool to say whether a retry may help (any other error is not retried). */',
    'export class ToolError extends Error {',
    '  constructor(message: string, readonly retryable: boolean) {',
    '    super(message);',
    "    this.name = 'ToolError';",
    '  }',
    '}',
    'const retryOn = (error: unknown) => isNodeTimeoutError(error) || (error instanceof ToolError && error.retryable);',
    '',
    TS_RESOLVE,
    '',
    '/** One function per tool the plan calls. */',
    'export interface Tools {',
    ...tools.map((t) => `  ${toolFunction(t)}(input: unknown, signal: AbortSignal | undefined): Promise<unknown>;`),
    '}',
    '',
    'export function buildGraph(tools: Tools) {',
    '  /** A call as a node: skipped when a required input did not succeed, else the tool with its inputs resolved. */',
    '  const node = (id: string, tool: keyof Tools, needs: Need[], input: Json) => async (state: typeof State.State, config: { signal?: AbortSignal }) => {',
    `    const blocker = needs.find((n) => !n.optional && state.${results}[n.id]?.status !== 'succeeded');`,
    `    if (blocker !== undefined) return { ${results}: { [id]: { status: 'skipped', reason: \`needs \${blocker.id}, which did not succeed\` } satisfies Result } };`,
    `    const output = await tools[tool](resolve(input, state.${results}), config.signal);`,
    `    return { ${results}: { [id]: { status: 'succeeded', output } satisfies Result } };`,
    '  };',
    `  const failed = (id: string) => (_state: typeof State.State, error: NodeError) => ({ ${results}: { [id]: { status: 'failed', error: error.error.message } satisfies Result } });`,
    '  return new StateGraph(State)',
    ...sp.calls.flatMap(addNode),
    ...edges(plan, sp),
    '    .compile();',
    '}',
    '',
    `// Run it: await buildGraph(tools).invoke({}${invoke.length === 0 ? '' : `, { ${invoke.join(', ')} }`});${s.deadlineMs === null ? '' : ' // the plan deadline, ms'}`,
    ...(sp.agents.length > 0
      ? [
          `// Sub-agent calls (${sp.agents.join(', ')}) are nested plans in Toolwave: export each as its own graph and call it from its tool.`,
        ]
      : []),
    '',
  ].join('\n');
}
