// The editor's operations: each returns a new valid plan or refuses with its reason, and never touches its input.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addCall,
  addFault,
  canConnect,
  checkReferences,
  connect,
  defaultFault,
  describeRetryWaits,
  disconnect,
  duplicateCalls,
  moveCalls,
  moveFault,
  references,
  removeCalls,
  removeFault,
  renameCall,
  retryWaits,
  setEdgeOptional,
  TOOL_KEYS,
  TOOL_PALETTE,
  updateCall,
  updateFault,
  updatePlanInfo,
  updateSettings,
  type EditResult,
  type FaultInput,
  type ToolKey,
} from './edit';
import { applyLayout } from './layout';
import { formatProblem, parsePlan, serializePlan } from './parse';
import { FAULT_KINDS, LIMITS, type Fault, type Plan, type PlanInput, type RetryPolicy, type ToolCall } from './schema';
import { arbitraryFault, arbitraryPlan } from './testing/arbitrary';

function plan(input: Partial<PlanInput> = {}): Plan {
  const result = parsePlan({ format: 'toolwave.plan', version: 1, name: 'Test', calls: [], dependencies: [], ...input });
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.plan;
}

const fixed = { kind: 'fixed', ms: 100 } as const;
const call = (id: string, extra: Partial<PlanInput['calls'][number]> = {}) => ({ id, tool: 'web_search', latency: fixed, ...extra });

/** search → fetch → summarize, weather on its own; a scenario that names fetch. */
const research = () =>
  plan({
    calls: [
      call('search', { position: { x: 0, y: 0 } }),
      call('fetch', { input: { url: '{{search.results.0.url}}', note: 'from {{ search }}' }, position: { x: 300, y: 0 } }),
      call('summarize', { input: { text: '{{fetch.text}}', ids: ['{{fetch}}', '{{search.total}}'] }, position: { x: 600, y: 0 } }),
      call('weather', { position: { x: 0, y: 200 } }),
    ],
    dependencies: [
      { from: 'search', to: 'fetch' },
      { from: 'fetch', to: 'summarize' },
      { from: 'search', to: 'summarize', optional: true },
    ],
    scenarios: [{ id: 'down', name: 'Fetch down', faults: { fetch: [{ kind: 'timeout', probability: 1 }], weather: [] } }],
    settings: { scenario: 'down' },
  });

/** Freezes a value and everything in it, so a mutation throws. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** The plan parses, and parses back to itself, keys in schema order included. */
function expectValid(p: Plan): void {
  const result = parsePlan(JSON.parse(serializePlan(p)));
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  expect(result.plan).toStrictEqual(p);
  expect(serializePlan(result.plan)).toBe(serializePlan(p));
}

function ok(result: EditResult): Plan {
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.plan;
}

const byId = (p: Plan, id: string): ToolCall => {
  const found = p.calls.find((c) => c.id === id);
  if (!found) throw new Error(`no call ${id}`);
  return found;
};
const edges = (p: Plan) => p.dependencies.map((d) => `${d.from}→${d.to}${d.optional ? '?' : ''}`);

describe('the tool palette', () => {
  it('offers the read-only tools, then the ones that change the world, then the sub-agent, in that order', () => {
    expect(TOOL_PALETTE.map((e) => [e.key, e.label])).toEqual([
      ['web_search', 'Web search'],
      ['fetch_url', 'Fetch URL'],
      ['db_query', 'Database query'],
      ['http_api', 'HTTP API'],
      ['code_run', 'Code run'],
      ['reserve', 'Reserve'],
      ['charge_card', 'Charge card'],
      ['send_email', 'Send email'],
      ['create_ticket', 'Create ticket'],
      ['sub_agent', 'Sub-agent'],
    ]);
  });

  it.each([
    ['reserve', 'once', 'cancel_reservation'],
    ['charge_card', 'idempotent', 'refund_payment'],
    ['send_email', 'once', undefined],
    ['create_ticket', 'once', 'close_ticket'],
  ] as const)('%s starts as a call whose effect is %s, undone by %s', (key, effect, undo) => {
    const { plan: p, id } = addCall(plan(), key);
    expectValid(p);
    const c = byId(p, id as string);
    expect(c.effect).toBe(effect);
    expect(c.compensation?.tool).toBe(undo);
  });

  it('the read-only tools change nothing in the world', () => {
    for (const key of ['web_search', 'fetch_url', 'db_query', 'http_api', 'code_run', 'sub_agent'] as const)
      expect(byId(addCall(plan(), key).plan, addCall(plan(), key).id as string).effect).toBeUndefined();
  });

  it.each(TOOL_KEYS)('%s makes a valid call with a lognormal latency, a timeout, a sample input and output', (key) => {
    const { plan: p, id } = addCall(plan(), key);
    expectValid(p);
    const c = byId(p, id as string);
    const entry = TOOL_PALETTE.find((e) => e.key === key);
    expect(entry?.description.length).toBeGreaterThan(10);
    expect(c.latency.kind).toBe('lognormal');
    expect(c.timeoutMs).toBeGreaterThan(0);
    expect(Object.keys(c.input).length).toBeGreaterThan(0);
    expect(c.output).toBeDefined();
  });

  it('makes a sub-agent an agent call with a one-call nested plan', () => {
    const { plan: p, id } = addCall(plan(), 'sub_agent');
    const c = byId(p, id as string);
    expect(c.kind).toBe('agent');
    expect(c.plan?.calls.map((n) => n.tool)).toEqual(['web_search']);
  });

  it('gives each new call its own copy of the sample values', () => {
    const a = addCall(plan(), 'web_search');
    const b = addCall(a.plan, 'web_search');
    expect(byId(b.plan, 'web_search').input).not.toBe(byId(b.plan, 'web_search_2').input);
    expect(TOOL_PALETTE[0].input).not.toBe(byId(a.plan, 'web_search').input);
  });
});

describe('addCall', () => {
  it('derives a readable unique id from the tool: web_search, web_search_2, web_search_3', () => {
    let p = plan();
    const ids: (string | null)[] = [];
    for (let i = 0; i < 3; i++) {
      const r = addCall(p, 'web_search');
      ids.push(r.id);
      p = r.plan;
    }
    expect(ids).toEqual(['web_search', 'web_search_2', 'web_search_3']);
  });

  it('puts the call where it was dropped', () => {
    const { plan: p, id } = addCall(plan(), 'db_query', { x: 120, y: -40 });
    expect(byId(p, id as string).position).toEqual({ x: 120, y: -40 });
  });

  it('without a position, places the call below the placed calls so it covers none', () => {
    const p = research();
    const { plan: next, id } = addCall(p, 'code_run');
    const pos = byId(next, id as string).position;
    expect(pos?.x).toBe(0);
    expect(pos?.y).toBeGreaterThan(200);
  });

  it('leaves the call unplaced when no call is placed yet, so auto-layout places it with the rest', () => {
    const { plan: next, id } = addCall(plan({ calls: [call('a')] }), 'code_run');
    expect(byId(next, id as string).position).toBeUndefined();
  });

  it('refuses an unknown tool key and leaves the plan as it was', () => {
    const p = plan();
    const r = addCall(p, 'teleport' as ToolKey);
    expect(r).toEqual({ plan: p, id: null, reason: 'unknown tool "teleport"' });
  });
});

describe('removeCalls', () => {
  it('removes the calls, their edges and their entries in every scenario', () => {
    const next = removeCalls(research(), ['fetch']);
    expect(next.calls.map((c) => c.id)).toEqual(['search', 'summarize', 'weather']);
    expect(edges(next)).toEqual(['search→summarize?']);
    expect(next.scenarios[0].faults).toEqual({ weather: [] });
    expectValid(next);
  });

  it('returns the same plan when none of the ids is a call', () => {
    const p = research();
    expect(removeCalls(p, ['ghost'])).toBe(p);
  });
});

describe('duplicateCalls', () => {
  it('copies calls under new ids, offset by 40, 40', () => {
    const r = duplicateCalls(research(), ['search', 'weather']);
    expect(r.ids).toEqual(['search_copy', 'weather_copy']);
    expect(byId(r.plan, 'search_copy').position).toEqual({ x: 40, y: 40 });
    expect(byId(r.plan, 'weather_copy').position).toEqual({ x: 40, y: 240 });
    expectValid(r.plan);
  });

  it('numbers further copies: fetch_url_copy, fetch_url_copy_2', () => {
    const first = duplicateCalls(addCall(plan(), 'fetch_url').plan, ['fetch_url']);
    const second = duplicateCalls(first.plan, ['fetch_url_copy']);
    expect([...first.ids, ...second.ids]).toEqual(['fetch_url_copy', 'fetch_url_copy_2']);
  });

  it('copies the edges among the copied calls, not the ones from outside, and points references at the copies', () => {
    const r = duplicateCalls(research(), ['fetch', 'summarize'], { x: 0, y: 500 });
    expect(edges(r.plan)).toEqual(['search→fetch', 'fetch→summarize', 'search→summarize?', 'fetch_copy→summarize_copy']);
    expect(byId(r.plan, 'summarize_copy').input).toEqual({ text: '{{fetch_copy.text}}', ids: ['{{fetch_copy}}', '{{search.total}}'] });
    expect(byId(r.plan, 'fetch_copy').input).toEqual(byId(r.plan, 'fetch').input);
  });

  it('gives a copy its original’s faults in every scenario', () => {
    const r = duplicateCalls(research(), ['fetch']);
    expect(r.plan.scenarios[0].faults.fetch_copy).toEqual([{ kind: 'timeout', probability: 1 }]);
  });

  it('returns the same plan and no ids when nothing is selected', () => {
    const p = research();
    expect(duplicateCalls(p, [])).toEqual({ plan: p, ids: [] });
  });

  it('keeps ids within 64 characters', () => {
    const long = 'a'.repeat(64);
    const r = duplicateCalls(plan({ calls: [call(long)] }), [long]);
    expect(r.ids[0]).toHaveLength(64);
    expect(r.ids[0].endsWith('_copy')).toBe(true);
    expectValid(r.plan);
  });
});

describe('moveCalls', () => {
  it('sets the positions it is given and shares the calls it did not move', () => {
    const p = research();
    const next = moveCalls(p, { fetch: { x: 10, y: 20 }, weather: { x: -5, y: 7.5 } });
    expect(byId(next, 'fetch').position).toEqual({ x: 10, y: 20 });
    expect(byId(next, 'weather').position).toEqual({ x: -5, y: 7.5 });
    expect(byId(next, 'search')).toBe(byId(p, 'search'));
  });

  it.each([
    ['NaN', { x: Number.NaN, y: 0 }],
    ['Infinity', { x: 0, y: Number.POSITIVE_INFINITY }],
  ])('ignores a position with %s in it', (_name, position) => {
    const p = research();
    expect(moveCalls(p, { fetch: position })).toBe(p);
  });

  it('ignores unknown ids and returns the same plan when nothing moved', () => {
    const p = research();
    expect(moveCalls(p, { ghost: { x: 1, y: 1 }, search: { x: 0, y: 0 } })).toBe(p);
  });
});

describe('connecting calls', () => {
  it.each([
    ['a self-edge', 'fetch', 'fetch', 'a call cannot need its own output'],
    ['a duplicate edge', 'search', 'fetch', 'fetch already needs search'],
    ['an unknown upstream', 'ghost', 'fetch', 'unknown call "ghost"'],
    ['an unknown downstream', 'search', 'ghost', 'unknown call "ghost"'],
    ['a two-call cycle, naming it', 'fetch', 'search', 'would close a cycle: search → fetch → search'],
    ['a longer cycle, along the edges', 'summarize', 'search', 'would close a cycle: search → fetch → summarize → search'],
  ])('refuses %s', (_name, from, to, reason) => {
    const p = research();
    expect(canConnect(p, from, to)).toEqual({ ok: false, reason });
    expect(connect(p, from, to)).toEqual({ ok: false, reason });
  });

  it('adds a required edge, or an optional one when asked', () => {
    const p = research();
    expect(canConnect(p, 'weather', 'summarize')).toEqual({ ok: true });
    const r = connect(p, 'weather', 'summarize', true);
    expect(r.ok && edges(r.plan)).toEqual(['search→fetch', 'fetch→summarize', 'search→summarize?', 'weather→summarize?']);
    if (r.ok) expectValid(r.plan);
  });

  it('disconnects an edge, and returns the same plan for an edge that is not there', () => {
    const p = research();
    expect(edges(disconnect(p, 'search', 'fetch'))).toEqual(['fetch→summarize', 'search→summarize?']);
    expect(disconnect(p, 'weather', 'fetch')).toBe(p);
  });

  it('makes an edge optional or required', () => {
    const p = research();
    expect(edges(setEdgeOptional(p, 'search', 'fetch', true))).toEqual(['search→fetch?', 'fetch→summarize', 'search→summarize?']);
    expect(edges(setEdgeOptional(p, 'search', 'summarize', false))).toEqual(['search→fetch', 'fetch→summarize', 'search→summarize']);
    expect(setEdgeOptional(p, 'search', 'fetch', false)).toBe(p);
  });
});

describe('updateCall', () => {
  it('applies a valid patch and fills defaults the schema gives', () => {
    const next = ok(
      updateCall(research(), 'fetch', {
        label: 'Fetch the top page',
        timeoutMs: 2000,
        retry: { maxAttempts: 3, initialIntervalMs: 500, backoffCoefficient: 2, jitter: 'none' },
      }),
    );
    const c = byId(next, 'fetch');
    expect(c.label).toBe('Fetch the top page');
    expect(c.retry.maxAttempts).toBe(3);
    expectValid(next);
  });

  it.each<[string, Partial<ToolCall>, string]>([
    [
      'too many attempts',
      { retry: { maxAttempts: 0, initialIntervalMs: 1000, backoffCoefficient: 2, jitter: 'none' } },
      'calls[1].retry.maxAttempts: must be at least 1',
    ],
    ['a negative timeout', { timeoutMs: -5 }, 'calls[1].timeoutMs: must be greater than 0'],
    [
      'an infinite latency',
      { latency: { kind: 'fixed', ms: Number.POSITIVE_INFINITY } },
      'calls[1].latency.ms: must be a finite number, not Infinity',
    ],
    [
      'p95 below p50',
      { latency: { kind: 'lognormal', p50Ms: 500, p95Ms: 100 } },
      'calls[1].latency.p95Ms: must be greater than p50Ms (500)',
    ],
    ['an empty tool name', { tool: '' }, 'calls[1].tool: must not be empty'],
    ['an id that breaks the pattern', { id: '9lives' }, 'calls[1].id: must be an id: a letter or _ then up to 63 letters, digits, _ or -'],
    ['an id another call has', { id: 'search' }, 'calls[1].id: duplicate id "search" (also calls[0])'],
  ])('refuses %s with its path in the plan, and the plan is unchanged', (_name, patch, problem) => {
    const p = deepFreeze(research());
    const r = updateCall(p, 'fetch', patch);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map(formatProblem)).toContain(problem);
  });

  it('renames through the id field: edges, scenarios and references follow', () => {
    const next = ok(updateCall(research(), 'fetch', { id: 'fetch_page' }));
    expect(edges(next)).toEqual(['search→fetch_page', 'fetch_page→summarize', 'search→summarize?']);
    expect(byId(next, 'summarize').input.text).toBe('{{fetch_page.text}}');
    expect(Object.keys(next.scenarios[0].faults)).toEqual(['fetch_page', 'weather']);
    expectValid(next);
  });

  it('removes an optional field patched to undefined, and gives a defaulted one its default', () => {
    const labelled = ok(updateCall(research(), 'search', { label: 'Search' }));
    const next = ok(updateCall(labelled, 'search', { label: undefined, timeoutMs: undefined }));
    expect('label' in byId(next, 'search')).toBe(false);
    expect(byId(next, 'search').timeoutMs).toBeNull();
    expectValid(next);
  });

  it('brings a nested plan along when the kind switches to agent, and drops it when it switches back', () => {
    const agent = ok(updateCall(research(), 'weather', { kind: 'agent' }));
    expect(byId(agent, 'weather').plan?.calls).toHaveLength(1);
    expectValid(agent);
    const tool = ok(updateCall(agent, 'weather', { kind: 'tool' }));
    expect(byId(tool, 'weather').plan).toBeUndefined();
    expectValid(tool);
  });

  it('returns the same plan for a patch that changes nothing', () => {
    const p = research();
    expect(updateCall(p, 'fetch', { tool: 'web_search' })).toEqual({ ok: true, plan: p });
  });

  it('refuses a patch that would let one run make more attempts than the limit', () => {
    const nested = plan({ calls: [call('inner', { retry: { maxAttempts: 100 } })] });
    // 100 × 100 × 100 = 1,000,000 potential attempts is allowed; one more level of 100 retries is not.
    const middle = plan({ calls: [call('outer', { kind: 'agent', plan: nested, retry: { maxAttempts: 100 } })] });
    const p = plan({ calls: [call('top', { kind: 'agent', plan: middle, retry: { maxAttempts: 100 } }), call('other')] });
    const r = updateCall(p, 'other', {
      kind: 'agent',
      plan: p,
      retry: { maxAttempts: 100, initialIntervalMs: 1000, backoffCoefficient: 2, jitter: 'none' },
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0].message).toMatch(/attempts in one run/);
  });

  it('says when there is no such call', () => {
    expect(updateCall(research(), 'ghost', { label: 'x' })).toEqual({
      ok: false,
      problems: [{ path: 'calls', message: 'has no call "ghost"' }],
    });
  });
});

describe('renameCall', () => {
  const refs = () =>
    plan({
      calls: [
        call('search'),
        call('searcher'),
        call('fetch', {
          input: {
            whole: '{{search}}',
            path: '{{search.results.0.url}}',
            spaced: 'top: {{  search.total }} of {{searcher}}',
            longer: '{{search_x}} {{searcher.a}}',
            nested: [{ deep: '{{search.a}}' }],
            notAString: 3,
          },
        }),
      ],
      dependencies: [
        { from: 'search', to: 'fetch' },
        { from: 'searcher', to: 'fetch' },
      ],
    });

  it('rewrites {{id}} and {{id.path}} references, and only those of that id', () => {
    const next = ok(renameCall(refs(), 'search', 'web'));
    expect(byId(next, 'fetch').input).toEqual({
      whole: '{{web}}',
      path: '{{web.results.0.url}}',
      spaced: 'top: {{  web.total }} of {{searcher}}',
      longer: '{{search_x}} {{searcher.a}}',
      nested: [{ deep: '{{web.a}}' }],
      notAString: 3,
    });
    expect(edges(next)).toEqual(['web→fetch', 'searcher→fetch']);
    expectValid(next);
  });

  it('keeps the renamed call in its place and the others untouched', () => {
    const p = refs();
    const next = ok(renameCall(p, 'search', 'web'));
    expect(next.calls.map((c) => c.id)).toEqual(['web', 'searcher', 'fetch']);
    expect(next.calls[1]).toBe(p.calls[1]);
  });

  it.each([
    ['a taken id', 'searcher', 'calls[0].id: duplicate id "searcher" (also calls[1])'],
    ['an empty id', '', 'calls[0].id: must be an id: a letter or _ then up to 63 letters, digits, _ or -'],
    ['a space', 'web search', 'calls[0].id: must be an id: a letter or _ then up to 63 letters, digits, _ or -'],
    ['the reserved name', '__proto__', 'calls[0].id: must not be "__proto__" (a reserved name)'],
  ])('refuses %s', (_name, newId, problem) => {
    const r = renameCall(refs(), 'search', newId);
    expect(r.ok === false && r.problems.map(formatProblem)).toEqual([problem]);
  });
});

describe('updateSettings', () => {
  it('applies a valid patch', () => {
    const next = ok(updateSettings(research(), { strategy: 'eager', maxConcurrency: 2, deadlineMs: 5000 }));
    expect(next.settings).toMatchObject({ strategy: 'eager', maxConcurrency: 2, deadlineMs: 5000, scenario: 'down' });
    expectValid(next);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a concurrency cap of 0', { maxConcurrency: 0 }, 'settings.maxConcurrency: must be at least 1'],
    ['a fractional seed', { seed: 1.5 }, 'settings.seed: must be a whole number, not 1.5'],
    ['a zero deadline', { deadlineMs: 0 }, 'settings.deadlineMs: must be greater than 0'],
    ['an unknown strategy', { strategy: 'chaos' }, 'settings.strategy: must be one of "waves", "eager", "sequential", not "chaos"'],
    ['a scenario the plan does not have', { scenario: 'nope' }, 'settings.scenario: unknown scenario "nope"'],
  ])('refuses %s', (_name, patch, problem) => {
    const r = updateSettings(deepFreeze(research()), patch);
    expect(r.ok === false && r.problems.map(formatProblem)).toEqual([problem]);
  });
});

describe('updatePlanInfo', () => {
  it('renames the plan and sets or removes its description, keys in schema order', () => {
    const named = ok(updatePlanInfo(research(), { name: 'Research', description: 'Finds and reads.' }));
    expect([named.name, named.description]).toEqual(['Research', 'Finds and reads.']);
    expectValid(named);
    const bare = ok(updatePlanInfo(named, { description: undefined }));
    expect('description' in bare).toBe(false);
    expectValid(bare);
  });

  it.each([
    ['an empty name', { name: '' }, 'name: must not be empty'],
    ['a name too long', { name: 'x'.repeat(201) }, 'name: must be at most 200 characters'],
  ])('refuses %s', (_name, patch, problem) => {
    const r = updatePlanInfo(research(), patch);
    expect(r.ok === false && r.problems.map(formatProblem)).toEqual([problem]);
  });
});

describe('faults', () => {
  it.each<[Fault['kind'], Fault]>([
    ['error', { kind: 'error', message: 'Service unavailable', retryable: true, probability: 0.2 }],
    ['timeout', { kind: 'timeout', probability: 0.2 }],
    ['rate_limit', { kind: 'rate_limit', retryAfterMs: 1000, probability: 0.2 }],
    ['slow', { kind: 'slow', factor: 3, probability: 0.2 }],
    ['partial', { kind: 'partial', note: 'incomplete result', probability: 0.2 }],
  ])('adds a %s fault with its defaults', (kind, expected) => {
    const next = ok(addFault(research(), 'weather', kind));
    expect(byId(next, 'weather').faults).toEqual([expected]);
    expect(defaultFault(kind)).toEqual(expected);
    expectValid(next);
  });

  const threeFaults = () => FAULT_KINDS.slice(0, 3).reduce((p, k) => ok(addFault(p, 'weather', k)), research());

  it('removes a fault by its index', () => {
    expect(byId(removeFault(threeFaults(), 'weather', 1), 'weather').faults.map((f) => f.kind)).toEqual(['error', 'rate_limit']);
  });

  it('moves a fault within the list', () => {
    expect(byId(moveFault(threeFaults(), 'weather', 0, 2), 'weather').faults.map((f) => f.kind)).toEqual([
      'timeout',
      'rate_limit',
      'error',
    ]);
    expect(byId(moveFault(threeFaults(), 'weather', 2, 0), 'weather').faults.map((f) => f.kind)).toEqual([
      'rate_limit',
      'error',
      'timeout',
    ]);
  });

  it('ignores an index out of range', () => {
    const p = threeFaults();
    expect(removeFault(p, 'weather', 3)).toBe(p);
    expect(moveFault(p, 'weather', 0, 5)).toBe(p);
    expect(removeFault(p, 'ghost', 0)).toBe(p);
  });

  it('replaces a fault with a valid one', () => {
    const next = ok(updateFault(threeFaults(), 'weather', 1, { kind: 'timeout', onAttempts: [1, 2] }));
    expect(byId(next, 'weather').faults[1]).toEqual({ kind: 'timeout', onAttempts: [1, 2] });
    expectValid(next);
  });

  it.each<[string, FaultInput, string]>([
    ['a probability above 1', { kind: 'timeout', probability: 1.5 }, 'calls[3].faults[0].probability: must be between 0 and 1'],
    [
      'both triggers',
      { kind: 'timeout', probability: 0.5, onAttempts: [1] },
      'calls[3].faults[0]: has both probability and onAttempts: give exactly one',
    ],
    ['an empty error message', { kind: 'error', message: '', probability: 1 }, 'calls[3].faults[0].message: must not be empty'],
    ['a repeated attempt', { kind: 'slow', factor: 2, onAttempts: [1, 1] }, 'calls[3].faults[0].onAttempts: must not repeat an attempt'],
  ])('refuses %s with its path', (_name, fault, problem) => {
    const r = updateFault(threeFaults(), 'weather', 0, fault);
    expect(r.ok === false && r.problems.map(formatProblem)).toEqual([problem]);
  });

  it(`refuses a fault past the limit of ${LIMITS.maxFaultsPerCall}`, () => {
    let p = research();
    for (let i = 0; i < LIMITS.maxFaultsPerCall; i++) p = ok(addFault(p, 'weather', 'error'));
    const r = addFault(p, 'weather', 'error');
    expect(r.ok === false && r.problems.map(formatProblem)).toEqual([
      `calls[3].faults: must have at most ${LIMITS.maxFaultsPerCall} faults`,
    ]);
  });

  it('refuses a slow fault that would make the call’s slow faults multiply past 1000, added or edited', () => {
    let p = research();
    for (let i = 0; i < 6; i++) p = ok(addFault(p, 'weather', 'slow'));
    const added = addFault(p, 'weather', 'slow');
    expect(added.ok === false && added.problems.map(formatProblem)).toEqual([
      'calls[3].faults: the slow faults multiply an attempt by 2187 when they all fire (at most 1000)',
    ]);
    const edited = updateFault(p, 'weather', 0, { kind: 'slow', factor: 5, probability: 0.2 });
    expect(edited.ok === false && edited.problems.map(formatProblem)).toEqual([
      'calls[3].faults: the slow faults multiply an attempt by 1215 when they all fire (at most 1000)',
    ]);
    expect(parsePlan(p).ok).toBe(true);
  });
});

describe('a long cycle in words', () => {
  it('canConnect names a cycle it would close by its length and first calls, not all of them', () => {
    const n = 200;
    const calls = Array.from({ length: n }, (_, i) => ({ id: `c${i}`, tool: 't', latency: { kind: 'fixed' as const, ms: 1 } }));
    const dependencies = calls.slice(1).map((c, i) => ({ from: calls[i].id, to: c.id }));
    const parsed = parsePlan({ format: 'toolwave.plan', version: 1, name: 'Chain', calls, dependencies });
    if (!parsed.ok) throw new Error('the chain should parse');
    expect(canConnect(parsed.plan, 'c199', 'c0')).toEqual({
      ok: false,
      reason: 'would close a cycle of 200 calls: c0 → c1 → c2 → c3 → c4 → … → c199 → c0',
    });
    expect(canConnect(parsed.plan, 'c3', 'c0')).toEqual({ ok: false, reason: 'would close a cycle: c0 → c1 → c2 → c3 → c0' });
  });
});

describe('retry waits', () => {
  const retry = (r: Partial<RetryPolicy>): RetryPolicy => ({
    maxAttempts: 4,
    initialIntervalMs: 1000,
    backoffCoefficient: 2,
    jitter: 'none',
    ...r,
  });

  it.each<[string, Partial<RetryPolicy>, number[], string]>([
    ['no retry', { maxAttempts: 1 }, [], 'no retry'],
    ['exponential backoff', {}, [1000, 2000, 4000], 'waits 1 s, 2 s, 4 s'],
    ['a capped backoff', { maxAttempts: 5, maximumIntervalMs: 3000 }, [1000, 2000, 3000, 3000], 'waits 1 s, 2 s, 3 s, 3 s'],
    ['a constant interval', { maxAttempts: 3, initialIntervalMs: 250, backoffCoefficient: 1 }, [250, 250], 'waits 250 ms, 250 ms'],
    [
      'full jitter',
      { jitter: 'full', initialIntervalMs: 500, backoffCoefficient: 3 },
      [500, 1500, 4500],
      'waits up to 500 ms, 1.5 s, 4.5 s (full jitter)',
    ],
    [
      'the default cap of 100 × initial',
      { maxAttempts: 10, initialIntervalMs: 10, backoffCoefficient: 10 },
      [10, 100, 1000, 1000, 1000, 1000, 1000, 1000, 1000],
      'waits 10 ms, 100 ms, 1 s × 7',
    ],
  ])('%s', (_name, r, waits, words) => {
    expect(retryWaits(retry(r))).toEqual(waits);
    expect(describeRetryWaits(retry(r))).toBe(words);
  });

  it('shortens a long list that never reaches its cap', () => {
    expect(describeRetryWaits(retry({ maxAttempts: 30, initialIntervalMs: 100, backoffCoefficient: 1.1 }))).toBe(
      'waits 100 ms, 110 ms, 121 ms, 133.1 ms, 146.41 ms, 161.05 ms, …, 1.44 s',
    );
  });
});

describe('references', () => {
  it('finds each {{id}} and {{id.path}} with where it sits in the input', () => {
    expect(
      references({ q: 'a {{search.results.0.url}} b {{ fetch }}', list: [{ deep: '{{x}}' }], 'max results': '{{y.z}}', n: 5 }).map((r) => [
        r.callId,
        r.path,
        r.jsonPath,
        r.text,
        r.start,
      ]),
    ).toEqual([
      ['search', ['results', '0', 'url'], 'q', '{{search.results.0.url}}', 2],
      ['fetch', [], 'q', '{{ fetch }}', 29],
      ['x', [], 'list[0].deep', '{{x}}', 0],
      ['y', ['z'], '["max results"]', '{{y.z}}', 0],
    ]);
  });

  it.each([
    ['single braces', '{search}'],
    ['an id starting with a digit', '{{1search}}'],
    ['an empty path segment', '{{search..url}}'],
    ['an unclosed reference', '{{search'],
  ])('ignores %s', (_name, text) => {
    expect(references({ q: text })).toEqual([]);
  });

  it('checks each reference: unknown call, not upstream, or sound', () => {
    const p = plan({
      calls: [
        call('search'),
        call('weather'),
        call('fetch', { input: { a: '{{search.url}}', b: '{{weather}}', c: '{{ghost}}', d: '{{fetch}}' } }),
      ],
      dependencies: [{ from: 'search', to: 'fetch', optional: true }],
    });
    expect(checkReferences(p, 'fetch').map(({ ref, problem }) => [ref.callId, problem])).toEqual([
      ['search', null],
      ['weather', 'not upstream'],
      ['ghost', 'unknown call'],
      ['fetch', 'not upstream'],
    ]);
    expect(checkReferences(p, 'ghost')).toEqual([]);
  });
});

describe('random edit sequences', () => {
  const idAt = (p: Plan, k: number) => (p.calls.length === 0 ? 'ghost' : p.calls[k % p.calls.length].id);
  const NEW_IDS = ['renamed', 'search_0', 'x-y_z', '9bad', '', 'a'.repeat(65), '__proto__', 'fetch_1'];

  type Op = (p: Plan) => { plan: Plan; refused: boolean };
  const same = (p: Plan): { plan: Plan; refused: boolean } => ({ plan: p, refused: false });
  const fromResult = (p: Plan, r: EditResult) => (r.ok ? { plan: r.plan, refused: false } : { plan: p, refused: true });
  /** An edit of up to three calls, picked by index. */
  const onSomeCalls = (edit: (p: Plan, ids: string[]) => Plan): fc.Arbitrary<Op> =>
    fc.array(fc.nat(), { maxLength: 3 }).map(
      (ks): Op =>
        (p) =>
          same(
            edit(
              p,
              ks.map((k) => idAt(p, k)),
            ),
          ),
    );

  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.tuple(fc.constantFrom(...TOOL_KEYS), fc.option(fc.record({ x: fc.integer(), y: fc.integer() }), { nil: undefined })).map(
      ([key, at]): Op =>
        (p) =>
          same(addCall(p, key, at).plan),
    ),
    onSomeCalls((p, ids) => removeCalls(p, ids)),
    onSomeCalls((p, ids) => duplicateCalls(p, ids).plan),
    fc.tuple(fc.nat(), fc.double(), fc.double()).map(
      ([k, x, y]): Op =>
        (p) =>
          same(moveCalls(p, { [idAt(p, k)]: { x, y } })),
    ),
    fc.tuple(fc.nat(), fc.nat(), fc.boolean()).map(([a, b, optional]): Op => (p) => {
      const r = connect(p, idAt(p, a), idAt(p, b), optional);
      return r.ok ? { plan: r.plan, refused: false } : { plan: p, refused: true };
    }),
    fc.nat().map(
      (k): Op =>
        (p) =>
          p.dependencies.length === 0
            ? same(p)
            : same(disconnect(p, p.dependencies[k % p.dependencies.length].from, p.dependencies[k % p.dependencies.length].to)),
    ),
    fc.tuple(fc.nat(), fc.boolean()).map(([k, o]): Op => (p) => {
      const d = p.dependencies[k % Math.max(1, p.dependencies.length)];
      return same(d === undefined ? p : setEdgeOptional(p, d.from, d.to, o));
    }),
    fc.tuple(fc.nat(), fc.constantFrom(...NEW_IDS)).map(
      ([k, id]): Op =>
        (p) =>
          fromResult(p, renameCall(p, idAt(p, k), id)),
    ),
    fc
      .tuple(
        fc.nat(),
        fc.record(
          {
            id: fc.constantFrom(...NEW_IDS),
            label: fc.option(fc.string({ maxLength: 5 }), { nil: undefined }),
            timeoutMs: fc.oneof(fc.constant(null), fc.double({ min: -10, max: 5000 })),
            retry: fc.record({
              maxAttempts: fc.integer({ min: 0, max: 101 }),
              initialIntervalMs: fc.integer({ min: -1, max: 2000 }),
              backoffCoefficient: fc.double({ min: 0.5, max: 3 }),
              jitter: fc.constantFrom('none' as const, 'full' as const),
            }),
            onFailure: fc.constantFrom('degrade' as const, 'abort' as const, 'ignore' as const),
            kind: fc.constantFrom('tool' as const, 'agent' as const),
            input: fc.dictionary(fc.constantFrom('q', 'url'), fc.constantFrom('{{search_0}}', 'plain', '{{renamed.x}}')),
          },
          { requiredKeys: [] },
        ),
      )
      .map(
        ([k, patch]): Op =>
          (p) =>
            fromResult(p, updateCall(p, idAt(p, k), patch)),
      ),
    fc
      .record(
        {
          strategy: fc.constantFrom('waves' as const, 'eager' as const, 'sequential' as const),
          maxConcurrency: fc.option(fc.integer({ min: -1, max: 4 }), { nil: null }),
          deadlineMs: fc.option(fc.double({ min: -5, max: 1e5 }), { nil: null }),
          scenario: fc.option(fc.constantFrom('scenario_0', 'scenario_1', 'nope'), { nil: null }),
        },
        { requiredKeys: [] },
      )
      .map(
        (patch): Op =>
          (p) =>
            fromResult(p, updateSettings(p, patch)),
      ),
    fc.tuple(fc.nat(), fc.constantFrom(...FAULT_KINDS)).map(
      ([k, kind]): Op =>
        (p) =>
          fromResult(p, addFault(p, idAt(p, k), kind)),
    ),
    fc.tuple(fc.nat(), fc.nat()).map(
      ([k, i]): Op =>
        (p) =>
          same(removeFault(p, idAt(p, k), i % 4)),
    ),
    fc.tuple(fc.nat(), fc.nat(), fc.nat()).map(
      ([k, a, b]): Op =>
        (p) =>
          same(moveFault(p, idAt(p, k), a % 4, b % 4)),
    ),
    fc.tuple(fc.nat(), fc.nat(), fc.oneof(arbitraryFault, fc.constant({ kind: 'timeout', probability: 2 } as FaultInput))).map(
      ([k, i, fault]): Op =>
        (p) =>
          fromResult(p, updateFault(p, idAt(p, k), i % 3, fault)),
    ),
    fc.constant((p: Plan) => same(applyLayout(p))),
    fc.record({ name: fc.string({ maxLength: 3 }), description: fc.option(fc.string({ maxLength: 3 }), { nil: undefined }) }).map(
      (patch): Op =>
        (p) =>
          fromResult(p, updatePlanInfo(p, patch)),
    ),
  );

  it('always give a plan that parses back to itself, refuse without changing anything, and never mutate their input', () => {
    const tally = { changed: 0, refused: 0, steps: 0 };
    fc.assert(
      fc.property(arbitraryPlan({ minCalls: 0, maxCalls: 6, maxDepth: 1 }), fc.array(op, { minLength: 1, maxLength: 12 }), (start, ops) => {
        let p = deepFreeze(start);
        for (const apply of ops) {
          const before = serializePlan(p);
          const { plan: next, refused } = apply(p);
          expect(serializePlan(p)).toBe(before);
          if (refused) expect(next).toBe(p);
          expectValid(next);
          tally.steps++;
          if (refused) tally.refused++;
          else if (next !== p) tally.changed++;
          p = deepFreeze(next);
        }
      }),
      { numRuns: 300, seed: 20_260_301 },
    );
    // The sequences really edit: nearly half the steps change the plan, and the refusals are exercised too.
    expect(tally.changed / tally.steps).toBeGreaterThan(0.4);
    expect(tally.refused).toBeGreaterThan(50);
  });

  it('connect never closes a cycle and canConnect agrees with it', () => {
    fc.assert(
      fc.property(arbitraryPlan({ maxCalls: 8, agents: false, shuffleCalls: true }), fc.nat(), fc.nat(), (p, a, b) => {
        const from = idAt(p, a);
        const to = idAt(p, b);
        const check = canConnect(p, from, to);
        const r = connect(p, from, to);
        expect(r.ok).toBe(check.ok);
        if (r.ok) expectValid(r.plan);
        else if (!check.ok && check.reason.startsWith('would close a cycle: ')) {
          const path = check.reason.slice('would close a cycle: '.length).split(' → ');
          expect(path[0]).toBe(to);
          expect(path[path.length - 1]).toBe(to);
          expect(path[path.length - 2]).toBe(from);
          const has = new Set(p.dependencies.map((d) => `${d.from}→${d.to}`));
          for (let i = 0; i < path.length - 2; i++) expect(has.has(`${path[i]}→${path[i + 1]}`)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
