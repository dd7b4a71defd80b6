// parsePlan / parsePlanText: every defect of docs/plan-format.md is refused with its exact path and a clear message, defaults
// are applied, and no input — hostile, huge or deeply nested — makes them throw.
import { describe, it, expect } from 'vitest';
import { formatPath, formatProblem, parsePlan, parsePlanText, serializePlan, type ParseResult, type Problem } from './parse';
import { LIMITS, retryMaximumIntervalMs, type PlanInput } from './schema';

/** A small valid research plan: search → (fetch_a, fetch_b optional) → summarize. */
const BASE = {
  format: 'toolwave.plan',
  version: 1,
  name: 'Research question',
  calls: [
    { id: 'search', tool: 'web_search', input: { query: 'tool calling' }, latency: { kind: 'fixed', ms: 400 } },
    { id: 'fetch_a', tool: 'fetch_url', input: { url: '{{search.results.0.url}}' }, latency: { kind: 'uniform', minMs: 200, maxMs: 900 } },
    {
      id: 'fetch_b',
      tool: 'fetch_url',
      input: { url: '{{search.results.1.url}}' },
      latency: { kind: 'lognormal', p50Ms: 300, p95Ms: 1200 },
    },
    { id: 'summarize', tool: 'code_run', latency: { kind: 'fixed', ms: 150 } },
  ],
  dependencies: [
    { from: 'search', to: 'fetch_a' },
    { from: 'search', to: 'fetch_b' },
    { from: 'fetch_a', to: 'summarize' },
    { from: 'fetch_b', to: 'summarize', optional: true },
  ],
} satisfies PlanInput;

function basePlan(): unknown {
  return structuredClone(BASE);
}

type Edit = (plan: unknown) => void;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The object or array at a dotted path (`calls.1.retry`) inside a test plan; `create` adds missing objects on the way. */
function containerAt(root: unknown, keys: readonly string[], create = false): Record<string, unknown> | unknown[] {
  let node = root;
  for (const key of keys) {
    if (create && isRecord(node) && node[key] === undefined) node[key] = {};
    if (Array.isArray(node)) node = node[Number(key)];
    else if (isRecord(node)) node = node[key];
    else throw new Error(`test plan has no ${keys.join('.')}`);
  }
  if (Array.isArray(node) || isRecord(node)) return node;
  throw new Error(`test plan has no container at ${keys.join('.')}`);
}

/** Sets a dotted path (`calls.0.latency.ms`) to a value, adding missing objects on the way; numeric segments index arrays. */
function set(path: string, value: unknown): Edit {
  return (plan) => {
    const keys = path.split('.');
    const last = keys[keys.length - 1];
    const parent = containerAt(plan, keys.slice(0, -1), true);
    if (Array.isArray(parent)) parent[Number(last)] = value;
    else parent[last] = value;
  };
}

function remove(path: string): Edit {
  return (plan) => {
    const keys = path.split('.');
    const parent = containerAt(plan, keys.slice(0, -1));
    if (Array.isArray(parent)) throw new Error('remove() deletes object keys only');
    delete parent[keys[keys.length - 1]];
  };
}

function push(path: string, ...values: unknown[]): Edit {
  return (plan) => {
    const target = containerAt(plan, path.split('.'));
    if (!Array.isArray(target)) throw new Error(`${path} is not an array`);
    target.push(...values);
  };
}

/** Appends a fifth call with this id (so no existing edge loses its end). */
function extraCall(id: string): Edit {
  return push('calls', { id, tool: 'code_run', latency: { kind: 'fixed', ms: 10 } });
}

function edited(...edits: Edit[]): unknown {
  const plan = basePlan();
  for (const edit of edits) edit(plan);
  return plan;
}

function problemsOf(result: ParseResult): Problem[] {
  if (result.ok) throw new Error('expected the plan to be refused, but it parsed');
  return result.problems;
}

const fault = (extra: Record<string, unknown>) => ({ kind: 'error', message: '503 Service Unavailable', retryable: true, ...extra });

/** A plan document of these calls, by default with no dependencies. */
const planOf = (name: string, calls: unknown[], dependencies: unknown[] = []) => ({
  format: 'toolwave.plan',
  version: 1,
  name,
  calls,
  dependencies,
});

/** A nested plan whose first call has a negative latency. */
const brokenSubPlan = planOf('Specialist', [
  { id: 'lookup', tool: 'db_query', latency: { kind: 'fixed', ms: -5 } },
  { id: 'rank', tool: 'code_run', latency: { kind: 'fixed', ms: 10 } },
]);

interface Defect {
  defect: string;
  edit: Edit;
  path: string;
  message: string;
}

/** A defect made by setting one dotted path, refused at `at` below it (`calls.1.latency` + `.maxMs` → `calls[1].latency.maxMs`). */
const below = (defect: string, path: string, value: unknown, at: string, message: string): Defect => ({
  defect,
  edit: set(path, value),
  path: `${path.replace(/\.(\d+)/g, '[$1]')}${at}`,
  message,
});

/** A defect refused at the very path that was set. */
const atPath = (defect: string, path: string, value: unknown, message: string) => below(defect, path, value, '', message);

/** A defect made by giving calls[1] this one fault, refused at `at` below `calls[1].faults[0]`. */
const faultAt = (defect: string, f: unknown, at: string, message: string) => below(defect, 'calls.1.faults', [f], `[0]${at}`, message);

const uniform = (minMs: number, maxMs: number) => ({ kind: 'uniform', minMs, maxMs });
const lognormal = (p50Ms: number, p95Ms: number) => ({ kind: 'lognormal', p50Ms, p95Ms });

const defects: Defect[] = [
  // Missing fields and wrong types.
  { defect: 'a plan without a name', edit: remove('name'), path: 'name', message: 'is required' },
  { defect: 'a plan without dependencies', edit: remove('dependencies'), path: 'dependencies', message: 'is required' },
  { defect: 'a plan without a format', edit: remove('format'), path: 'format', message: 'must be "toolwave.plan"' },
  atPath('a plan of another version', 'version', 2, 'must be 1'),
  { defect: 'a call without a latency', edit: remove('calls.0.latency'), path: 'calls[0].latency', message: 'is required' },
  { defect: 'a call without a tool', edit: remove('calls.2.tool'), path: 'calls[2].tool', message: 'is required' },
  { defect: 'a dependency without a "to"', edit: remove('dependencies.1.to'), path: 'dependencies[1].to', message: 'is required' },
  atPath('a tool name that is a number', 'calls.0.tool', 42, 'must be a string, not a number'),
  atPath('a latency given as a string', 'calls.0.latency.ms', '400', 'must be a number, not a string'),
  atPath('calls given as an object', 'calls', {}, 'must be an array, not an object'),
  atPath('an input that is an array', 'calls.0.input', ['tool calling'], 'must be an object, not an array'),
  atPath('an optional flag that is a string', 'dependencies.3.optional', 'yes', 'must be true or false, not a string'),
  // Unknown keys are refused, not dropped.
  atPath('an unknown key at the top', 'author', 'me', 'unknown key'),
  atPath('an unknown key on a call', 'calls.2.colour', 'red', 'unknown key'),
  atPath('a Temporal-style maxRetries key in retry', 'calls.1.retry.maxRetries', 3, 'unknown key'),
  atPath('a key of another latency kind', 'calls.0.latency.minMs', 10, 'unknown key'),
  faultAt('retryable on a timeout fault', { kind: 'timeout', probability: 0.5, retryable: true }, '.retryable', 'unknown key'),
  // Numbers: sign, finiteness, integrality, ranges.
  atPath('a negative latency', 'calls.0.latency.ms', -1, 'must be at least 0'),
  atPath('an Infinity latency', 'calls.0.latency.ms', Infinity, 'must be a finite number, not Infinity'),
  atPath('a NaN timeout', 'calls.2.timeoutMs', NaN, 'must be a finite number, not NaN'),
  atPath('a -Infinity model turn', 'settings.modelTurnMs', -Infinity, 'must be a finite number, not -Infinity'),
  { defect: 'a NaN inside input', edit: set('calls.0.input', { limit: NaN }), path: 'calls[0].input.limit', message: 'must be JSON data' },
  atPath('a timeout of 0', 'calls.1.timeoutMs', 0, 'must be greater than 0'),
  atPath('a negative deadline', 'settings.deadlineMs', -1, 'must be greater than 0'),
  atPath('a seed above 2^32-1', 'settings.seed', 2 ** 32, 'must be at most 4294967295'),
  atPath('a negative seed', 'settings.seed', -1, 'must be at least 0'),
  atPath('a fractional seed', 'settings.seed', 0.5, 'must be a whole number, not 0.5'),
  atPath('a maxConcurrency of 0', 'settings.maxConcurrency', 0, 'must be at least 1'),
  atPath('an unknown strategy', 'settings.strategy', 'parallel', 'must be one of "waves", "eager", "sequential", not "parallel"'),
  // Latency shapes.
  below('a uniform latency with minMs > maxMs', 'calls.1.latency', uniform(500, 100), '.maxMs', 'must not be less than minMs (500)'),
  below('a lognormal latency with p95 = p50', 'calls.2.latency', lognormal(300, 300), '.p95Ms', 'must be greater than p50Ms (300)'),
  below('a lognormal latency with p95 < p50', 'calls.2.latency', lognormal(300, 100), '.p95Ms', 'must be greater than p50Ms (300)'),
  below('a lognormal latency with p50 = 0', 'calls.2.latency', lognormal(0, 100), '.p50Ms', 'must be greater than 0'),
  {
    defect: 'an unknown latency kind',
    edit: set('calls.0.latency', { kind: 'normal', ms: 5 }),
    path: 'calls[0].latency.kind',
    message: 'unknown latency kind "normal"; expected one of fixed, uniform, lognormal',
  },
  // Retry policy.
  atPath('maxAttempts 0', 'calls.1.retry.maxAttempts', 0, 'must be at least 1'),
  atPath('maxAttempts 101', 'calls.1.retry.maxAttempts', 101, 'must be at most 100'),
  atPath('maxAttempts 1.5', 'calls.1.retry.maxAttempts', 1.5, 'must be a whole number, not 1.5'),
  atPath('a backoffCoefficient below 1', 'calls.1.retry.backoffCoefficient', 0.5, 'must be at least 1'),
  {
    defect: 'maximumIntervalMs below initialIntervalMs',
    edit: set('calls.1.retry', { initialIntervalMs: 2000, maximumIntervalMs: 500 }),
    path: 'calls[1].retry.maximumIntervalMs',
    message: 'must be at least initialIntervalMs (2000)',
  },
  atPath(
    'maximumIntervalMs below the default initialIntervalMs',
    'calls.1.retry.maximumIntervalMs',
    500,
    'must be at least initialIntervalMs (1000)',
  ),
  atPath('an unknown jitter', 'calls.1.retry.jitter', 'half', 'must be one of "none", "full", not "half"'),
  atPath('an unknown onFailure', 'calls.1.onFailure', 'retry', 'must be one of "degrade", "abort", "ignore", not "retry"'),
  // Faults.
  faultAt('a probability above 1', fault({ probability: 1.2 }), '.probability', 'must be between 0 and 1'),
  faultAt('a negative probability', fault({ probability: -0.1 }), '.probability', 'must be between 0 and 1'),
  faultAt(
    'a fault with both probability and onAttempts',
    fault({ probability: 0.5, onAttempts: [1] }),
    '',
    'has both probability and onAttempts: give exactly one',
  ),
  faultAt('a fault with neither probability nor onAttempts', fault({}), '', 'needs probability or onAttempts'),
  faultAt('an empty onAttempts', fault({ onAttempts: [] }), '.onAttempts', 'must list at least one attempt'),
  faultAt('onAttempts with a repeat', fault({ onAttempts: [1, 2, 1] }), '.onAttempts', 'must not repeat an attempt'),
  faultAt('onAttempts naming attempt 0', fault({ onAttempts: [0] }), '.onAttempts[0]', 'must be at least 1'),
  faultAt(
    'an unknown fault kind',
    { kind: 'crash', probability: 1 },
    '.kind',
    'unknown fault kind "crash"; expected one of error, timeout, rate_limit, slow, partial',
  ),
  faultAt('a fault without a kind', { probability: 1 }, '.kind', 'is required: one of error, timeout'),
  faultAt('an error fault with an empty message', fault({ message: '', probability: 1 }), '.message', 'must not be empty'),
  faultAt('a slow fault with factor below 1', { kind: 'slow', factor: 0.5, probability: 1 }, '.factor', 'must be at least 1'),
  faultAt(
    'a rate limit with a negative retryAfterMs',
    { kind: 'rate_limit', retryAfterMs: -1, onAttempts: [1] },
    '.retryAfterMs',
    'must be at least 0',
  ),
  // Strings and ids.
  atPath('an empty tool name', 'calls.3.tool', '', 'must not be empty'),
  atPath('a tool name over 64 characters', 'calls.3.tool', 't'.repeat(65), 'must be at most 64 characters'),
  atPath('an empty plan name', 'name', '', 'must not be empty'),
  {
    defect: 'an id that starts with a digit',
    edit: extraCall('2nd_pass'),
    path: 'calls[4].id',
    message: 'must be an id: a letter or _ then',
  },
  { defect: 'an id with a space', edit: extraCall('sum up'), path: 'calls[4].id', message: 'must be an id' },
  { defect: 'an id of 65 characters', edit: extraCall(`a${'b'.repeat(64)}`), path: 'calls[4].id', message: 'must be an id' },
  { defect: 'the id "__proto__"', edit: extraCall('__proto__'), path: 'calls[4].id', message: 'must not be "__proto__"' },
  // Graph rules.
  { defect: 'a duplicate id', edit: extraCall('search'), path: 'calls[4].id', message: 'duplicate id "search" (also calls[0])' },
  atPath('a dependency from an unknown id', 'dependencies.0.from', 'serch', 'unknown call id "serch"'),
  {
    defect: 'a dependency to an unknown id',
    edit: push('dependencies', { from: 'summarize', to: 'report' }),
    path: 'dependencies[4].to',
    message: 'unknown call id "report"',
  },
  {
    defect: 'a self-edge',
    edit: push('dependencies', { from: 'fetch_a', to: 'fetch_a' }),
    path: 'dependencies[4]',
    message: 'self-edge: "fetch_a" cannot need its own output',
  },
  {
    defect: 'a duplicate edge',
    edit: push('dependencies', { from: 'search', to: 'fetch_a', optional: true }),
    path: 'dependencies[4]',
    message: 'duplicate edge search → fetch_a',
  },
  {
    defect: 'a cycle through three calls',
    edit: push('dependencies', { from: 'summarize', to: 'search' }),
    path: 'dependencies[0]',
    message: 'cycle: search → fetch_a → summarize → search',
  },
  // Scenarios.
  atPath('an unknown settings.scenario', 'settings.scenario', 'outage', 'unknown scenario "outage"'),
  {
    defect: 'scenario faults keyed by an unknown call',
    edit: set('scenarios', [{ id: 'search_down', name: 'Search down', faults: { serch: [fault({ onAttempts: [1] })] } }]),
    path: 'scenarios[0].faults.serch',
    message: 'unknown call id "serch"',
  },
  {
    defect: 'scenario faults keyed by something that is not an id',
    edit: set('scenarios', [{ id: 'outage', name: 'Outage', faults: { 'fetch a': [] } }]),
    path: 'scenarios[0].faults["fetch a"]',
    message: 'is not a valid key: must be an id',
  },
  {
    defect: 'two scenarios with one id',
    edit: set('scenarios', [
      { id: 'outage', name: 'Outage', faults: {} },
      { id: 'outage', name: 'Another outage', faults: {} },
    ]),
    path: 'scenarios[1].id',
    message: 'duplicate scenario id "outage"',
  },
  {
    defect: 'a scenario with an empty name',
    edit: set('scenarios', [{ id: 'outage', name: '', faults: {} }]),
    path: 'scenarios[0].name',
    message: 'must not be empty',
  },
  // Side effects.
  atPath(
    'a compensation on a call without an effect',
    'calls.3.compensation',
    { tool: 'undo', latency: { kind: 'fixed', ms: 10 } },
    'only a call with an effect can have a compensation',
  ),
  atPath('an unknown effect', 'calls.3.effect', 'twice', 'must be one of "none", "idempotent", "once", not "twice"'),
  {
    defect: 'a compensation that returns partial',
    edit: (plan) => {
      set('calls.3.effect', 'once')(plan);
      set('calls.3.compensation', { tool: 'undo', latency: { kind: 'fixed', ms: 10 }, faults: [{ kind: 'partial', probability: 0.1 }] })(
        plan,
      );
    },
    path: 'calls[3].compensation.faults[0].kind',
    message: 'a compensation cannot return a partial result',
  },
  {
    defect: 'a compensation without a latency',
    edit: (plan) => {
      set('calls.3.effect', 'idempotent')(plan);
      set('calls.3.compensation', { tool: 'undo' })(plan);
    },
    path: 'calls[3].compensation.latency',
    message: 'is required',
  },
  {
    defect: 'an applied flag that is not true or false',
    edit: set('calls.3.faults', [{ kind: 'error', message: '500', applied: 'yes', probability: 0.1 }]),
    path: 'calls[3].faults[0].applied',
    message: 'must be true or false',
  },
  // Sub-agents.
  {
    defect: 'an agent call without a plan',
    edit: set('calls.3.kind', 'agent'),
    path: 'calls[3].plan',
    message: 'is required for a call of kind "agent"',
  },
  atPath('a tool call with a plan', 'calls.3.plan', structuredClone(BASE), 'is only allowed on a call of kind "agent"'),
  {
    defect: 'an invalid nested sub-agent plan',
    edit: set('calls.1', { id: 'fetch_a', tool: 'sub_agent', kind: 'agent', latency: { kind: 'fixed', ms: 0 }, plan: brokenSubPlan }),
    path: 'calls[1].plan.calls[0].latency.ms',
    message: 'must be at least 0',
  },
  {
    defect: 'a cycle inside a nested plan',
    edit: set('calls.1', {
      id: 'fetch_a',
      tool: 'sub_agent',
      kind: 'agent',
      latency: { kind: 'fixed', ms: 0 },
      plan: {
        ...brokenSubPlan,
        calls: [brokenSubPlan.calls[1], { id: 'lookup', tool: 'db_query', latency: { kind: 'fixed', ms: 5 } }],
        dependencies: [
          { from: 'rank', to: 'lookup' },
          { from: 'lookup', to: 'rank' },
        ],
      },
    }),
    path: 'calls[1].plan.dependencies[0]',
    message: 'cycle: rank → lookup → rank',
  },
];

describe('parsePlan refuses each defect with its exact path', () => {
  it('has a table of at least 20 distinct defects', () => {
    expect(new Set(defects.map((d) => d.defect)).size).toBe(defects.length);
    expect(defects.length).toBeGreaterThanOrEqual(20);
  });

  it.each(defects)('refuses $defect at $path', ({ edit, path, message }) => {
    const problems = problemsOf(parsePlan(edited(edit)));
    expect(problems).toEqual([{ path, message: expect.stringContaining(message) }]);
  });

  it('refuses a cycle and names it as its path', () => {
    const problems = problemsOf(parsePlan(edited(push('dependencies', { from: 'fetch_a', to: 'search' }))));
    expect(problems).toEqual([{ path: 'dependencies[0]', message: 'cycle: search → fetch_a → search' }]);
  });

  it('names a long cycle by its length and first calls, in one short line', () => {
    const n = 20_000;
    const calls = Array.from({ length: n }, (_, i) => ({ id: `c${i}`, tool: 't', latency: { kind: 'fixed', ms: 1 } }));
    const dependencies = calls.map((c, i) => ({ from: c.id, to: calls[(i + 1) % n].id }));
    const problems = problemsOf(parsePlan({ format: 'toolwave.plan', version: 1, name: 'Ring', calls, dependencies }));
    expect(problems).toEqual([{ path: 'dependencies[0]', message: 'cycle of 20000 calls: c0 → c1 → c2 → c3 → c4 → … → c19999 → c0' }]);
  });

  it('reports every independent problem at once, not just the first', () => {
    const problems = problemsOf(parsePlan(edited(set('name', ''), set('calls.0.latency.ms', -1), extraCall('search'))));
    expect(problems.map((p) => p.path).sort()).toEqual(['calls[0].latency.ms', 'calls[4].id', 'name']);
  });

  it('refuses a call list longer than the limit', () => {
    const calls = Array.from({ length: LIMITS.maxCalls + 1 }, (_, i) => ({ id: `c${i}`, tool: 'noop', latency: { kind: 'fixed', ms: 1 } }));
    const problems = problemsOf(parsePlan({ format: 'toolwave.plan', version: 1, name: 'Huge', calls, dependencies: [] }));
    expect(problems).toEqual([{ path: 'calls', message: `must have at most ${LIMITS.maxCalls} calls` }]);
  });

  it('refuses a string longer than the limit, naming where it is', () => {
    const problems = problemsOf(parsePlan(edited(set('calls.0.input', { query: 'q'.repeat(LIMITS.maxStringLength + 1) }))));
    expect(problems).toEqual([{ path: 'calls[0].input.query', message: expect.stringContaining('is too long') }]);
  });

  it('quotes keys that are not identifiers in a path', () => {
    const problems = problemsOf(parsePlan(edited(set('calls.0.input', { 'max results': NaN }))));
    expect(problems).toEqual([{ path: 'calls[0].input["max results"]', message: expect.stringContaining('not NaN') }]);
  });
});

describe('sub-agent limits no single field can see', () => {
  /** A chain of agents `depth` levels deep, each call retrying `attempts` times. */
  function nestedAgents(depth: number, attempts: number): unknown {
    let plan: Record<string, unknown> = planOf('Leaf', [
      { id: 'leaf', tool: 'http_api', latency: { kind: 'fixed', ms: 1 }, retry: { maxAttempts: attempts } },
    ]);
    for (let d = 0; d < depth; d++) {
      plan = planOf(`Level ${d}`, [
        { id: 'agent', tool: 'sub_agent', kind: 'agent', latency: { kind: 'fixed', ms: 0 }, retry: { maxAttempts: attempts }, plan },
      ]);
    }
    return plan;
  }

  it('accepts sub-agents nested to the depth limit', () => {
    expect(parsePlan(nestedAgents(LIMITS.maxAgentDepth, 1)).ok).toBe(true);
  });

  it('refuses sub-agents nested deeper than the limit', () => {
    const problems = problemsOf(parsePlan(nestedAgents(LIMITS.maxAgentDepth + 1, 1)));
    expect(problems).toHaveLength(1);
    expect(problems[0].path).toBe(`${'calls[0].plan.'.repeat(LIMITS.maxAgentDepth)}calls[0].plan`);
    expect(problems[0].message).toContain('nests sub-agents too deeply');
  });

  it('refuses a plan whose nested retries multiply past the attempt budget', () => {
    const problems = problemsOf(parsePlan(nestedAgents(3, 100)));
    expect(problems).toEqual([{ path: '(plan)', message: expect.stringMatching(/^could make 100000000 attempts in one run/) }]);
  });
});

describe('hostile input is refused without throwing', () => {
  it('refuses a __proto__ key read from JSON text, naming where it is', () => {
    const text = JSON.stringify(BASE).replace(
      '"input":{"query":"tool calling"}',
      '"input":{"__proto__":{"polluted":true},"query":"tool calling"}',
    );
    expect(text).toContain('__proto__');
    const problems = problemsOf(parsePlanText(text));
    expect(problems).toEqual([{ path: 'calls[0].input.__proto__', message: expect.stringContaining('"__proto__" is a reserved key') }]);
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('refuses a __proto__ key at the top of the document', () => {
    const problems = problemsOf(parsePlanText('{"__proto__":{"isAdmin":true},"format":"toolwave.plan"}'));
    expect(problems).toEqual([{ path: '__proto__', message: expect.stringContaining('reserved key') }]);
  });

  it('refuses text over LIMITS.maxBytes before reading it', () => {
    const problems = problemsOf(parsePlanText(' '.repeat(LIMITS.maxBytes + 1)));
    expect(problems).toEqual([{ path: '(plan)', message: expect.stringContaining(`is too large: ${LIMITS.maxBytes + 1} characters`) }]);
  });

  it.each([
    ['an unclosed object', '{"format": "toolwave.plan"'],
    ['a trailing comma', '{"name": "x",}'],
    ['an empty file', ''],
    ['YAML', 'format: toolwave.plan\nversion: 1\n'],
  ])('refuses text that is not JSON (%s)', (_label, text) => {
    const problems = problemsOf(parsePlanText(text));
    expect(problems).toEqual([{ path: '(plan)', message: expect.stringContaining('is not valid JSON') }]);
  });

  it('refuses an input nested 200 levels deep', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 200; i++) deep = { next: deep };
    const problems = problemsOf(parsePlan(edited(set('calls.0.input', deep))));
    expect(problems).toHaveLength(1);
    expect(problems[0].path.startsWith('calls[0].input.next.next')).toBe(true);
    expect(problems[0].message).toBe(`is nested too deeply (at most ${LIMITS.maxJsonDepth} levels)`);
  });

  it('refuses JSON text nested 100,000 levels deep', () => {
    const text = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const result = parsePlanText(text);
    expect(result.ok).toBe(false);
    expect(problemsOf(result)[0].message).toContain('nested too deeply');
  });

  it.each([
    ['null', null, 'must be an object, not null'],
    ['an array', [BASE], 'must be an object, not an array'],
    ['a string', 'toolwave.plan', 'must be an object, not a string'],
    ['a number', 1, 'must be an object, not a number'],
    ['a boolean', true, 'must be an object, not a boolean'],
    ['undefined', undefined, 'must be an object, not undefined'],
  ])('refuses a root that is %s', (_label, root, message) => {
    expect(problemsOf(parsePlan(root))).toEqual([{ path: '(plan)', message }]);
  });

  it('refuses a root that is a JSON array in text', () => {
    expect(problemsOf(parsePlanText('[1, 2, 3]'))).toEqual([{ path: '(plan)', message: 'must be an object, not an array' }]);
  });

  it('does not throw on an object whose getter throws', () => {
    const plan = edited();
    if (!isRecord(plan)) throw new Error('unreachable');
    Object.defineProperty(plan, 'name', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(() => parsePlan(plan)).not.toThrow();
    expect(problemsOf(parsePlan(plan))).toEqual([{ path: '(plan)', message: 'could not be read' }]);
  });

  it.each([
    ['a function', () => 1],
    ['a symbol', Symbol('plan')],
    ['a bigint', 10n],
    ['a Map', new Map([['format', 'toolwave.plan']])],
  ])('does not throw on %s', (_label, value) => {
    expect(() => parsePlan(value)).not.toThrow();
    expect(parsePlan(value).ok).toBe(false);
  });
});

describe('defaults are applied', () => {
  const minimal = planOf('Minimal', [{ id: 'only', tool: 'web_search', latency: { kind: 'fixed', ms: 100 } }]);

  function parsedMinimal() {
    const result = parsePlan(structuredClone(minimal));
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    return result.plan;
  }

  it('fills in the default settings', () => {
    const { settings } = parsedMinimal();
    expect(settings).toEqual({ strategy: 'waves', maxConcurrency: null, modelTurnMs: 0, deadlineMs: null, seed: 1, scenario: null });
  });

  it('fills in every per-call default: no timeout, no retry, degrade, no faults, kind tool, report explicit, input {}', () => {
    const call = parsedMinimal().calls[0];
    expect(call).toEqual({
      id: 'only',
      tool: 'web_search',
      input: {},
      latency: { kind: 'fixed', ms: 100 },
      timeoutMs: null,
      retry: { maxAttempts: 1, initialIntervalMs: 1000, backoffCoefficient: 2, jitter: 'none' },
      onFailure: 'degrade',
      faults: [],
      kind: 'tool',
      report: 'explicit',
    });
    expect(retryMaximumIntervalMs(call.retry)).toBe(100_000);
  });

  it('fills in the rest of a partly given retry policy, and maximumIntervalMs as 100 × initial', () => {
    const result = parsePlan(edited(set('calls.1.retry', { maxAttempts: 3, initialIntervalMs: 200 })));
    if (!result.ok) throw new Error('expected ok');
    const retry = result.plan.calls[1].retry;
    expect(retry).toEqual({ maxAttempts: 3, initialIntervalMs: 200, backoffCoefficient: 2, jitter: 'none' });
    expect(retryMaximumIntervalMs(retry)).toBe(20_000);
  });

  it('defaults optional edges to required, scenarios to none, and an error fault to not retryable', () => {
    const result = parsePlan(edited(set('calls.1.faults', [{ kind: 'error', message: 'boom', probability: 0.1 }])));
    if (!result.ok) throw new Error('expected ok');
    expect(result.plan.dependencies[0]).toEqual({ from: 'search', to: 'fetch_a', optional: false });
    expect(result.plan.scenarios).toEqual([]);
    expect(result.plan.calls[1].faults).toEqual([{ kind: 'error', message: 'boom', retryable: false, probability: 0.1 }]);
  });

  it('defaults a nested plan the same way', () => {
    const sub = planOf('Specialist', [{ id: 'lookup', tool: 'db_query', latency: { kind: 'fixed', ms: 5 } }]);
    const result = parsePlan(
      edited(set('calls.3', { id: 'summarize', tool: 'sub_agent', kind: 'agent', latency: { kind: 'fixed', ms: 0 }, plan: sub })),
    );
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    const agent = result.plan.calls[3];
    expect(agent.report).toBe('explicit');
    expect(agent.plan?.settings.strategy).toBe('waves');
    expect(agent.plan?.calls[0].onFailure).toBe('degrade');
  });
});

describe('a valid plan', () => {
  it('parses ok and keeps what it was given', () => {
    const result = parsePlan(basePlan());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.plan.calls.map((c) => c.id)).toEqual(['search', 'fetch_a', 'fetch_b', 'summarize']);
    expect(result.plan.calls[1].input).toEqual({ url: '{{search.results.0.url}}' });
    expect(result.plan.calls[2].latency).toEqual({ kind: 'lognormal', p50Ms: 300, p95Ms: 1200 });
    expect(result.plan.dependencies[3]).toEqual({ from: 'fetch_b', to: 'summarize', optional: true });
  });

  it('accepts every fault kind, a scenario that is active, and real-number times', () => {
    const result = parsePlan(
      edited(
        set('calls.1.faults', [
          { kind: 'error', message: '503', code: 'UNAVAILABLE', retryable: true, onAttempts: [1, 2] },
          { kind: 'timeout', probability: 0 },
          { kind: 'rate_limit', retryAfterMs: 1500, probability: 0.2 },
          { kind: 'slow', factor: 2.5, probability: 1 },
          { kind: 'partial', note: 'page truncated', onAttempts: [3] },
          { kind: 'partial', probability: 0.05 },
        ]),
        set('calls.0.latency.ms', 412.75),
        set('calls.0.position', { x: -20.5, y: 40 }),
        set('scenarios', [
          {
            id: 'search_down',
            name: 'Search API down',
            faults: { search: [{ kind: 'error', message: '503', onAttempts: [1, 2, 3] }], fetch_a: [] },
          },
        ]),
        set('settings', {
          strategy: 'eager',
          maxConcurrency: 2,
          modelTurnMs: 800,
          deadlineMs: 10_000,
          seed: 4_294_967_295,
          scenario: 'search_down',
        }),
      ),
    );
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    expect(result.plan.calls[1].faults).toHaveLength(6);
    expect(result.plan.calls[0].latency).toEqual({ kind: 'fixed', ms: 412.75 });
    expect(result.plan.settings.scenario).toBe('search_down');
  });

  it('accepts an empty plan with no calls', () => {
    expect(parsePlan({ format: 'toolwave.plan', version: 1, name: 'Empty', calls: [], dependencies: [] }).ok).toBe(true);
  });

  it('accepts a uniform latency with minMs = maxMs and zero latencies', () => {
    expect(parsePlan(edited(set('calls.1.latency', { kind: 'uniform', minMs: 0, maxMs: 0 }))).ok).toBe(true);
  });

  it('reads back what serializePlan writes', () => {
    const first = parsePlan(basePlan());
    if (!first.ok) throw new Error('expected ok');
    const again = parsePlanText(serializePlan(first.plan));
    expect(again).toEqual(first);
  });
});

describe('paths and problems as text', () => {
  it.each([
    [[], '(plan)'],
    [['name'], 'name'],
    [['calls', 2, 'retry', 'maxAttempts'], 'calls[2].retry.maxAttempts'],
    [['calls', 0, 'input', 'max results'], 'calls[0].input["max results"]'],
    [['scenarios', 0, 'faults', 'fetch-a'], 'scenarios[0].faults["fetch-a"]'],
    [[3], '[3]'],
  ])('writes the path %j as %s', (path, text) => {
    expect(formatPath(path)).toBe(text);
  });

  it('writes a problem as "path: message", the way the CLI prints it', () => {
    expect(formatProblem({ path: 'calls[2].retry.maxAttempts', message: 'must be at least 1' })).toBe(
      'calls[2].retry.maxAttempts: must be at least 1',
    );
  });
});
