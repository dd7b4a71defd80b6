// One-click injection and scenarios: injected faults kept apart from the design, replacing instead of stacking, the
// timeout a call needs, clearing only what was injected, and that every result is a plan parsePlan accepts
// (property-tested, and over the built-in examples).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulate } from '../engine';
import {
  INJECT_KINDS,
  clearAllFaults,
  clearAllInjected,
  clearInjected,
  deleteScenario,
  describeInjection,
  designedFaultsInForce,
  faultsInForce,
  injectFault,
  injectedFault,
  injectedFaultsOf,
  renameScenario,
  scenarioFromCurrent,
  scenarioIdFor,
  scenarioNameProblem,
  setActiveScenario,
  suggestedTimeoutMs,
  type InjectWhen,
} from './inject';
import { formatProblem, parsePlan, parsePlanText } from './parse';
import { removeCalls, renameCall } from './edit';
import { countInjected, injectedInWords, withoutInjected } from './injected';
import { activeScenario, effectiveFaults } from './scenario';
import { CALL_ID_PATTERN, LIMITS, type Plan } from './schema';
import { arbitraryPlan } from './testing/arbitrary';

const DIR = join(__dirname, '..', '..', 'public', 'examples');
const EXAMPLES = readdirSync(DIR).filter((f) => f.endsWith('.json') && f !== 'index.json');

function example(file: string): Plan {
  const r = parsePlanText(readFileSync(join(DIR, file), 'utf8'));
  if (!r.ok) throw new Error(`${file}: ${r.problems.map(formatProblem).join('; ')}`);
  return r.plan;
}

/** The plan parses, and parsing gives it back unchanged (it is already in parsed form). */
function expectValid(plan: Plan): void {
  const r = parsePlan(JSON.parse(JSON.stringify(plan)));
  if (!r.ok) throw new Error(r.problems.map(formatProblem).join('; '));
  expect(r.plan).toEqual(plan);
}

function make(extra: Partial<Plan> = {}, calls: Partial<Plan['calls'][number]>[] = []): Plan {
  const r = parsePlan({
    format: 'toolwave.plan',
    version: 1,
    name: 'p',
    calls: [
      {
        id: 'search',
        tool: 'web_search',
        latency: { kind: 'fixed', ms: 400 },
        timeoutMs: 2000,
        faults: [{ kind: 'error', message: '503', probability: 0.2 }],
      },
      { id: 'fetch', tool: 'fetch_url', latency: { kind: 'lognormal', p50Ms: 700, p95Ms: 2500 }, retry: { maxAttempts: 3 } },
      { id: 'sum', tool: 'summarize', latency: { kind: 'uniform', minMs: 100, maxMs: 300 } },
      ...calls,
    ],
    dependencies: [
      { from: 'search', to: 'fetch' },
      { from: 'fetch', to: 'sum' },
    ],
    ...extra,
  });
  if (!r.ok) throw new Error(r.problems.map(formatProblem).join('; '));
  return r.plan;
}

const research = example('research-agent.json');

describe('injectFault', () => {
  it('every attempt is probability 1, the first only is onAttempts [1], with the fault parameters of its kind', () => {
    expect(injectedFault('error', 'every')).toEqual({
      kind: 'error',
      message: 'injected failure',
      code: 'INJECTED',
      retryable: true,
      probability: 1,
    });
    expect(injectedFault('timeout', 'first')).toEqual({ kind: 'timeout', onAttempts: [1] });
    expect(injectedFault('slow', 'every')).toEqual({ kind: 'slow', factor: 3, probability: 1 });
    expect(injectedFault('rate_limit', 'first')).toEqual({ kind: 'rate_limit', retryAfterMs: 1000, onAttempts: [1] });
    expect(injectedFault('partial', 'every')).toMatchObject({ kind: 'partial', probability: 1 });
  });

  it('goes into the plan’s injected faults, never into the call’s own, and acts first', () => {
    const p = make();
    const r = injectFault(p, 'search', 'rate_limit', 'every');
    expect(r.refused).toBeUndefined();
    expect(r.plan.calls).toBe(p.calls);
    expect(r.plan.injected).toEqual({ search: { faults: [injectedFault('rate_limit', 'every')] } });
    expect(faultsInForce(r.plan, 'search')).toEqual([injectedFault('rate_limit', 'every'), p.calls[0].faults[0]]);
    expect(designedFaultsInForce(r.plan, 'search')).toEqual(p.calls[0].faults);
    expect(r.summary).toBe('search now is rate-limited (429, retry after 1 s) on every attempt');
    expectValid(r.plan);
  });

  it('replaces an earlier injected fault of the same kind instead of stacking another', () => {
    let p = make();
    p = injectFault(p, 'fetch', 'error', 'every').plan;
    p = injectFault(p, 'fetch', 'slow', 'first').plan;
    p = injectFault(p, 'fetch', 'error', 'first').plan;
    p = injectFault(p, 'fetch', 'error', 'first').plan;
    expect(injectedFaultsOf(p, 'fetch')).toEqual([injectedFault('error', 'first'), injectedFault('slow', 'first')]);
    expect(p.calls[1].faults).toEqual([]);
  });

  it('never touches a fault the person wrote, even one that looks exactly like an injection', () => {
    const written = make({}, []);
    const p0 = { ...written, calls: written.calls.map((c, i) => (i === 0 ? { ...c, faults: [injectedFault('error', 'every')] } : c)) };
    const p = injectFault(p0, 'search', 'error', 'every').plan;
    expect(p.calls[0].faults).toEqual([injectedFault('error', 'every')]);
    expect(faultsInForce(p, 'search')).toHaveLength(2);
    expect(clearInjected(p, 'search').plan.calls[0].faults).toEqual([injectedFault('error', 'every')]);
  });

  it('a timeout on a call without timeoutMs brings one from its typical latency for as long as the injection lasts, and says so', () => {
    const p = make();
    const r = injectFault(p, 'fetch', 'timeout', 'every');
    // Lognormal p50 700 ms: twice that, rounded up to whole seconds; the call's own timeout stays none.
    expect(r.plan.injected?.fetch?.timeoutMs).toBe(2000);
    expect(r.plan.calls[1].timeoutMs).toBeNull();
    expect(r.note).toContain('fetch has no timeout: while the injection lasts it times out after 2 s, so the injected timeout can cut it.');
    expect(simulate(r.plan).calls[1].attempts[0]).toMatchObject({ result: 'timeout', startMs: 400, endMs: 2400 });
    // Clearing gives the call back without a timeout.
    expect(clearInjected(r.plan, 'fetch').plan).toEqual(p);
    // A call with a timeout keeps it and brings none; a timeout on a fast call is at least 1 s.
    expect(injectFault(p, 'search', 'timeout', 'every').plan.injected?.search?.timeoutMs).toBeUndefined();
    expect(injectFault(p, 'search', 'timeout', 'every').note).toBeUndefined();
    expect(injectFault(p, 'sum', 'timeout', 'every').plan.injected?.sum?.timeoutMs).toBe(1000);
    expect(suggestedTimeoutMs({ ...p.calls[2], latency: { kind: 'fixed', ms: 0 } })).toBe(1000);
    expect(suggestedTimeoutMs({ ...p.calls[2], latency: { kind: 'fixed', ms: 2600 } })).toBe(6000);
  });

  it('on the first attempt only of a call without retry, the note says it is the only attempt', () => {
    expect(injectFault(make(), 'sum', 'error', 'first').note).toBe('sum has no retry, so its first attempt is its only one.');
    expect(injectFault(make(), 'fetch', 'error', 'first').note).toBeUndefined();
  });

  it('under an active scenario, leaves the scenario as it is and acts before the scenario’s faults', () => {
    const scenarios = [{ id: 'down', name: 'Down', faults: { search: [{ kind: 'timeout', onAttempts: [1, 2] }] } }];
    const p = make({ settings: { scenario: 'down' }, scenarios } as unknown as Partial<Plan>);
    const a = injectFault(p, 'search', 'slow', 'every');
    expect(a.plan.calls).toBe(p.calls);
    expect(a.plan.scenarios).toBe(p.scenarios);
    expect(faultsInForce(a.plan, 'search')).toEqual([injectedFault('slow', 'every'), { kind: 'timeout', onAttempts: [1, 2] }]);
    // Switching the scenario off keeps the injection in force, over the call's own faults now.
    expect(faultsInForce(setActiveScenario(a.plan, null), 'search')).toEqual([injectedFault('slow', 'every'), ...p.calls[0].faults]);
    expectValid(a.plan);
  });

  it('refuses an unknown call and a call whose designed and injected faults would pass the most allowed', () => {
    const p = make();
    expect(injectFault(p, 'nope', 'error', 'every')).toMatchObject({ plan: p, refused: 'the plan has no call "nope"' });
    const full = {
      ...p,
      calls: p.calls.map((c, i) =>
        i === 2 ? { ...c, faults: Array.from({ length: LIMITS.maxFaultsPerCall - 1 }, () => injectedFault('timeout', 'every')) } : c,
      ),
    };
    const one = injectFault(full, 'sum', 'slow', 'first');
    expect(one.refused).toBeUndefined();
    // Replacing the same kind makes room; another kind does not fit.
    expect(injectFault(one.plan, 'sum', 'slow', 'every').refused).toBeUndefined();
    expect(injectFault(one.plan, 'sum', 'error', 'every').refused).toContain('the most allowed is 32');
  });

  it('every kind on every attempt of a call with no retry decides its outcome in a run', () => {
    const p = clearAllFaults(make(), 'search').plan;
    const status = (kind: (typeof INJECT_KINDS)[number]) =>
      simulate(injectFault(p, 'sum', kind, 'every').plan).calls.find((c) => c.id === 'sum')?.status;
    expect(status('error')).toBe('failed');
    expect(status('timeout')).toBe('timed_out');
    expect(status('rate_limit')).toBe('failed');
    expect(status('partial')).toBe('partial');
    expect(status('slow')).toBe('succeeded');
  });

  it('the issue’s example: a timeout on every attempt of extract in the Research agent times it out and skips summarize', () => {
    const trace = simulate(injectFault(research, 'extract', 'timeout', 'every').plan);
    const status = (id: string) => trace.calls.find((c) => c.id === id)?.status;
    expect(status('extract')).toBe('timed_out');
    expect(status('summarize')).toBe('skipped');
    // And on search, whose two attempts both time out: everything downstream is skipped.
    const down = simulate(injectFault(research, 'search', 'timeout', 'every').plan);
    expect(down.calls.map((c) => c.status)).toEqual(['timed_out', 'skipped', 'skipped', 'skipped', 'skipped', 'skipped']);
    expect(down.calls[0].attempts).toHaveLength(2);
  });

  it('describes what it did in words', () => {
    expect(describeInjection('fetch_3', 'timeout', 'every')).toBe('fetch_3 now times out on every attempt');
    expect(describeInjection('search', 'error', 'first')).toBe('search now fails on its first attempt only');
    expect(describeInjection('x', 'slow', 'every')).toBe('x now runs 3× slower on every attempt');
  });
});

describe('clearing', () => {
  it('Clear takes out only what was injected: the designed faults stay, and the plan is the design again', () => {
    const p = make();
    const injected = injectFault(injectFault(p, 'search', 'timeout', 'every').plan, 'search', 'error', 'first').plan;
    const r = clearInjected(injected, 'search');
    expect(r.plan).toEqual(p);
    expect(r.plan.injected).toBeUndefined();
    expect(r.cleared).toBe(2);
    expect(r.summary).toBe('Cleared 2 injected faults from search; its 1 designed fault stays');
    expect(clearInjected(p, 'search')).toEqual({ plan: p, cleared: 0, summary: 'search has no injected faults' });
    expectValid(r.plan);
  });

  it('clears every injection at once, in sub-agents’ plans too, and counts them', () => {
    const inner = make();
    const top = make({}, [
      {
        id: 'agent',
        tool: 'research_agent',
        latency: { kind: 'fixed', ms: 0 },
        kind: 'agent',
        report: 'opaque',
        plan: injectFault(inner, 'fetch', 'error', 'every').plan,
      } as Partial<Plan['calls'][number]>,
    ]);
    const p = injectFault(injectFault(top, 'sum', 'partial', 'every').plan, 'search', 'slow', 'first').plan;
    expect(countInjected(p)).toEqual({ faults: 3, calls: 3 });
    expect(injectedInWords(p)).toBe('3 injected faults in force on search, sum and agent › fetch');
    const r = clearAllInjected(p);
    expect(r.cleared).toBe(3);
    expect(r.plan).toEqual(withoutInjected(p));
    expect(countInjected(r.plan)).toEqual({ faults: 0, calls: 0 });
    expect(r.plan.calls[3].plan).toEqual(inner);
    expect(injectedInWords(r.plan)).toBeNull();
    expect(clearAllInjected(r.plan).plan).toBe(r.plan);
    expectValid(r.plan);
  });

  it('asked for by name, clears the designed faults too: the call’s own when no scenario lists it', () => {
    const r = clearAllFaults(injectFault(make(), 'search', 'timeout', 'every').plan, 'search');
    expect(r.plan.calls[0].faults).toEqual([]);
    expect(r.plan.injected).toBeUndefined();
    expect(r.cleared).toBe(2);
    expect(r.summary).toBe('search has no faults now (2 cleared)');
    expectValid(r.plan);
  });

  it('asked for by name, in an active scenario that lists the call, leaves an empty list there so the call’s own faults stay out of force', () => {
    const scenarios = [
      {
        id: 'down',
        name: 'Down',
        faults: { search: [{ kind: 'timeout', probability: 1 }], fetch: [{ kind: 'slow', factor: 2, probability: 1 }] },
      },
    ];
    const p = make({ settings: { scenario: 'down' }, scenarios } as unknown as Partial<Plan>);
    const a = clearAllFaults(p, 'search');
    expect(a.plan.scenarios[0].faults.search).toEqual([]);
    expect(a.plan.calls[0].faults).toHaveLength(1);
    expect(faultsInForce(a.plan, 'search')).toEqual([]);
    expect(a.summary).toContain('in the scenario “Down”');
    // A call with no faults of its own leaves the scenario altogether.
    const b = clearAllFaults(p, 'fetch');
    expect(Object.keys(b.plan.scenarios[0].faults)).toEqual(['search']);
    expect(faultsInForce(b.plan, 'fetch')).toEqual([]);
    expectValid(a.plan);
    expectValid(b.plan);
  });

  it('changes nothing when the call has no faults in force', () => {
    const p = make();
    expect(clearAllFaults(p, 'sum')).toEqual({ plan: p, cleared: 0, summary: 'sum has no faults to clear' });
    expect(clearAllFaults(p, 'nope').plan).toBe(p);
  });
});

describe('injected faults follow the calls they act on', () => {
  it('a renamed call keeps its injection under its new id; a removed call takes its injection with it', () => {
    const p = injectFault(injectFault(make(), 'fetch', 'error', 'every').plan, 'sum', 'slow', 'every').plan;
    const renamed = renameCall(p, 'fetch', 'fetch_page');
    if (!renamed.ok) throw new Error('refused');
    expect(Object.keys(renamed.plan.injected ?? {})).toEqual(['fetch_page', 'sum']);
    expectValid(renamed.plan);
    const removed = removeCalls(p, ['fetch']);
    expect(Object.keys(removed.injected ?? {})).toEqual(['sum']);
    expect(removeCalls(removed, ['sum']).injected).toBeUndefined();
    expectValid(removeCalls(removed, ['sum']));
  });

  it('a plan naming an unknown call in injected is refused with the path', () => {
    const r = parsePlan({ ...make(), injected: { nope: { faults: [injectedFault('error', 'every')] } } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map(formatProblem)).toContain('injected.nope: unknown call id "nope"');
    const empty = parsePlan({ ...make(), injected: { sum: { faults: [] } } });
    expect(empty.ok).toBe(false);
  });
});

describe('scenarios', () => {
  it('saves the faults in force as a new active scenario with an id slugged from its name; the injected ones move into it', () => {
    const p = injectFault(injectFault(make(), 'fetch', 'timeout', 'every').plan, 'sum', 'slow', 'first').plan;
    const r = scenarioFromCurrent(p, '  Search API down ');
    if (!r.ok) throw new Error(r.reason);
    expect(r.id).toBe('search_api_down');
    expect(r.plan.settings.scenario).toBe('search_api_down');
    const s = r.plan.scenarios[0];
    expect(s.name).toBe('Search API down');
    expect(Object.keys(s.faults)).toEqual(['search', 'fetch', 'sum']);
    expect(s.faults.fetch).toEqual([injectedFault('timeout', 'every')]);
    expect(s.faults.search).toEqual(p.calls[0].faults);
    expect(s.faults.search).not.toBe(p.calls[0].faults);
    // Nothing is injected any more, and the timeout the injection brought is now the call's own.
    expect(r.plan.injected).toBeUndefined();
    expect(r.plan.calls[1].timeoutMs).toBe(2000);
    // It runs as it did, with the same faults now designed.
    const [before, after] = [simulate(p), simulate(r.plan)];
    expect(after.calls.map((c) => [c.status, c.endMs])).toEqual(before.calls.map((c) => [c.status, c.endMs]));
    expect(after.calls[1].attempts[0].fault).toEqual({ ...before.calls[1].attempts[0].fault, injected: false });
    expectValid(r.plan);
  });

  it('switching to the saved scenario leaves every call’s faults in force as they were', () => {
    const scenarios = [{ id: 'down', name: 'Down', faults: { search: [] } }];
    const p = injectFault(make({ settings: { scenario: 'down' }, scenarios } as unknown as Partial<Plan>), 'sum', 'error', 'every').plan;
    const r = scenarioFromCurrent(p, 'Copy');
    if (!r.ok) throw new Error(r.reason);
    // search is out of force in "Down" (an empty list) and must stay out of force in the copy.
    expect(r.plan.scenarios[1].faults.search).toEqual([]);
    for (const c of p.calls) expect(faultsInForce(r.plan, c.id)).toEqual(faultsInForce(p, c.id));
  });

  it('refuses an empty or duplicate name with a message; ids stay unique and valid', () => {
    const p = make({ scenarios: [{ id: 'search_api_down', name: 'Other', faults: {} }] } as unknown as Partial<Plan>);
    expect(scenarioFromCurrent(p, '   ')).toEqual({ ok: false, reason: 'Give the scenario a name.' });
    expect(scenarioFromCurrent(p, 'other')).toEqual({ ok: false, reason: 'There is already a scenario called “Other”.' });
    expect(scenarioNameProblem(p, 'x'.repeat(201))).toContain('too long');
    expect(scenarioIdFor(p, 'Search API down')).toBe('search_api_down_2');
    expect(scenarioIdFor(p, '404 everywhere')).toBe('scenario_404_everywhere');
    expect(scenarioIdFor(p, '!!!')).toBe('scenario');
    expect(scenarioIdFor(p, 'Équipe lente')).toBe('equipe_lente');
    const long = scenarioIdFor(p, 'a'.repeat(100));
    expect(long).toMatch(CALL_ID_PATTERN);
    expect(long.length).toBeLessThanOrEqual(64);
  });

  it('sets, renames and deletes scenarios', () => {
    const saved = scenarioFromCurrent(make(), 'Slow');
    if (!saved.ok) throw new Error(saved.reason);
    const p = saved.plan;
    expect(setActiveScenario(p, null).settings.scenario).toBeNull();
    expect(setActiveScenario(p, 'slow')).toBe(p);
    expect(setActiveScenario(p, 'nope')).toBe(p);
    const renamed = renameScenario(p, 'slow', 'Very slow');
    if (!renamed.ok) throw new Error(renamed.reason);
    expect(renamed.plan.scenarios[0]).toMatchObject({ id: 'slow', name: 'Very slow' });
    expect(renameScenario(p, 'slow', '')).toEqual({ ok: false, reason: 'Give the scenario a name.' });
    expect(renameScenario(p, 'slow', 'SLOW')).toMatchObject({ ok: true });
    expect(renameScenario(p, 'nope', 'x').ok).toBe(false);
    const gone = deleteScenario(p, 'slow');
    expect(gone.scenarios).toEqual([]);
    expect(gone.settings.scenario).toBeNull();
    expect(deleteScenario(p, 'nope')).toBe(p);
    expectValid(renamed.plan);
    expectValid(gone);
  });
});

describe('every result parses', () => {
  const whens: InjectWhen[] = ['every', 'first'];

  it('over the built-in examples, every call, kind and trigger, then clear, save, switch, rename and delete', () => {
    for (const file of EXAMPLES) {
      const plans = [example(file)];
      // With each of the example's scenarios active as well.
      for (const s of plans[0].scenarios) plans.push(setActiveScenario(plans[0], s.id));
      for (const p of plans) {
        for (const c of p.calls) {
          for (const kind of INJECT_KINDS) {
            for (const when of whens) {
              const r = injectFault(p, c.id, kind, when);
              expect(r.refused).toBeUndefined();
              expectValid(r.plan);
              expect(faultsInForce(r.plan, c.id)[0]).toEqual(injectedFault(kind, when));
              expect(clearInjected(r.plan, c.id).plan).toEqual(p);
              expectValid(clearAllFaults(r.plan, c.id).plan);
              expect(faultsInForce(clearAllFaults(r.plan, c.id).plan, c.id)).toEqual([]);
            }
          }
        }
        const saved = scenarioFromCurrent(p, 'Saved here');
        if (!saved.ok) throw new Error(saved.reason);
        expectValid(saved.plan);
        const renamed = renameScenario(saved.plan, saved.id, 'Renamed');
        if (!renamed.ok) throw new Error(renamed.reason);
        expectValid(renamed.plan);
        expectValid(deleteScenario(renamed.plan, saved.id));
        expectValid(setActiveScenario(saved.plan, null));
      }
    }
  });

  it('for any plan: a sequence of injections, clears and scenario edits', () => {
    type Op =
      | { op: 'inject'; k: number; kind: (typeof INJECT_KINDS)[number]; when: InjectWhen }
      | { op: 'clear'; k: number }
      | { op: 'save'; name: string }
      | { op: 'switch'; k: number }
      | { op: 'rename'; k: number; name: string }
      | { op: 'delete'; k: number };
    const op: fc.Arbitrary<Op> = fc.oneof(
      fc.record({
        op: fc.constant('inject' as const),
        k: fc.nat(),
        kind: fc.constantFrom(...INJECT_KINDS),
        when: fc.constantFrom(...whens),
      }),
      fc.record({ op: fc.constant('clear' as const), k: fc.nat() }),
      fc.record({ op: fc.constant('save' as const), name: fc.string({ maxLength: 12 }) }),
      fc.record({ op: fc.constant('switch' as const), k: fc.nat() }),
      fc.record({ op: fc.constant('rename' as const), k: fc.nat(), name: fc.string({ maxLength: 12 }) }),
      fc.record({ op: fc.constant('delete' as const), k: fc.nat() }),
    );
    fc.assert(
      fc.property(arbitraryPlan({ maxCalls: 6, maxDepth: 1 }), fc.array(op, { maxLength: 8 }), (start, ops) => {
        let p = start;
        for (const o of ops) {
          const id = p.calls.length === 0 ? 'none' : p.calls[(o as { k: number }).k % p.calls.length]?.id;
          const scenarioAt = (k: number) => (p.scenarios.length === 0 ? null : (p.scenarios[k % (p.scenarios.length + 1)]?.id ?? null));
          switch (o.op) {
            case 'inject': {
              const before = p;
              const r = injectFault(p, id ?? 'none', o.kind, o.when);
              p = r.plan;
              if (r.refused === undefined) {
                expect(faultsInForce(p, id)[0]).toEqual(injectedFault(o.kind, o.when));
                // Only the call and the active scenario change: every other call's faults in force stay.
                for (const c of before.calls) if (c.id !== id) expect(faultsInForce(p, c.id)).toEqual(faultsInForce(before, c.id));
              }
              break;
            }
            case 'clear': {
              const designed = id === undefined ? [] : designedFaultsInForce(p, id);
              p = clearInjected(p, id ?? 'none').plan;
              if (id !== undefined) expect(faultsInForce(p, id)).toEqual(designed);
              break;
            }
            case 'save': {
              const r = scenarioFromCurrent(p, o.name);
              if (r.ok) {
                for (const c of p.calls) expect(effectiveFaults(c, activeScenario(r.plan))).toEqual(faultsInForce(p, c.id));
                expect(r.plan.injected).toBeUndefined();
                p = r.plan;
              }
              break;
            }
            case 'switch':
              p = setActiveScenario(p, scenarioAt(o.k));
              break;
            case 'rename': {
              const sid = scenarioAt(o.k);
              if (sid !== null) {
                const r = renameScenario(p, sid, o.name);
                if (r.ok) p = r.plan;
              }
              break;
            }
            case 'delete': {
              const sid = scenarioAt(o.k);
              if (sid !== null) p = deleteScenario(p, sid);
              break;
            }
          }
          const parsed = parsePlan(JSON.parse(JSON.stringify(p)));
          if (!parsed.ok) throw new Error(parsed.problems.map(formatProblem).join('; '));
        }
      }),
      { numRuns: 200 },
    );
  });
});
