// One-click injection and scenarios: where faults go, replacing instead of stacking, the timeout a call needs, and
// that every result is a plan parsePlan accepts (property-tested, and over the built-in examples).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulate } from '../engine';
import {
  INJECT_KINDS,
  clearFaults,
  deleteScenario,
  describeInjection,
  faultsInForce,
  injectFault,
  injectedFault,
  isInjectedFault,
  renameScenario,
  scenarioFromCurrent,
  scenarioIdFor,
  scenarioNameProblem,
  setActiveScenario,
  suggestedTimeoutMs,
  type InjectWhen,
} from './inject';
import { formatProblem, parsePlan, parsePlanText } from './parse';
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
      { id: 'search', tool: 'web_search', latency: { kind: 'fixed', ms: 400 }, timeoutMs: 2000, faults: [{ kind: 'error', message: '503', probability: 0.2 }] },
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
    expect(injectedFault('error', 'every')).toEqual({ kind: 'error', message: 'injected failure', code: 'INJECTED', retryable: true, probability: 1 });
    expect(injectedFault('timeout', 'first')).toEqual({ kind: 'timeout', onAttempts: [1] });
    expect(injectedFault('slow', 'every')).toEqual({ kind: 'slow', factor: 3, probability: 1 });
    expect(injectedFault('rate_limit', 'first')).toEqual({ kind: 'rate_limit', retryAfterMs: 1000, onAttempts: [1] });
    expect(injectedFault('partial', 'every')).toMatchObject({ kind: 'partial', probability: 1 });
  });

  it('goes first in the call’s own faults when no scenario is active, keeping the faults already there', () => {
    const p = make();
    const r = injectFault(p, 'search', 'rate_limit', 'every');
    expect(r.refused).toBeUndefined();
    expect(r.plan.calls[0].faults).toEqual([injectedFault('rate_limit', 'every'), p.calls[0].faults[0]]);
    expect(r.plan.calls[1]).toBe(p.calls[1]);
    expect(r.summary).toBe('search now is rate-limited (429, retry after 1 s) on every attempt');
    expectValid(r.plan);
  });

  it('replaces an earlier injected fault of the same kind instead of stacking another', () => {
    let p = make();
    p = injectFault(p, 'fetch', 'error', 'every').plan;
    p = injectFault(p, 'fetch', 'slow', 'first').plan;
    p = injectFault(p, 'fetch', 'error', 'first').plan;
    p = injectFault(p, 'fetch', 'error', 'first').plan;
    expect(p.calls[1].faults).toEqual([injectedFault('error', 'first'), injectedFault('slow', 'first')]);
  });

  it('never removes a fault the person wrote, even of the same kind', () => {
    const p = injectFault(make(), 'search', 'error', 'every').plan;
    expect(p.calls[0].faults.map((f) => (f.kind === 'error' ? f.message : f.kind))).toEqual(['injected failure', '503']);
    expect(isInjectedFault(p.calls[0].faults[1])).toBe(false);
  });

  it('a timeout on a call without timeoutMs sets one from its typical latency and says so', () => {
    const p = make();
    const r = injectFault(p, 'fetch', 'timeout', 'every');
    // Lognormal p50 700 ms: twice that, rounded up to whole seconds.
    expect(r.plan.calls[1].timeoutMs).toBe(2000);
    expect(r.note).toContain('fetch had no timeout: it now times out after 2 s, so the injected timeout can cut it.');
    // A call with a timeout keeps it; a timeout on a fast call is at least 1 s.
    expect(injectFault(p, 'search', 'timeout', 'every').plan.calls[0].timeoutMs).toBe(2000);
    expect(injectFault(p, 'search', 'timeout', 'every').note).toBeUndefined();
    expect(injectFault(p, 'sum', 'timeout', 'every').plan.calls[2].timeoutMs).toBe(1000);
    expect(suggestedTimeoutMs({ ...p.calls[2], latency: { kind: 'fixed', ms: 0 } })).toBe(1000);
    expect(suggestedTimeoutMs({ ...p.calls[2], latency: { kind: 'fixed', ms: 2600 } })).toBe(6000);
  });

  it('on the first attempt only of a call without retry, the note says it is the only attempt', () => {
    expect(injectFault(make(), 'sum', 'error', 'first').note).toBe('sum has no retry, so its first attempt is its only one.');
    expect(injectFault(make(), 'fetch', 'error', 'first').note).toBeUndefined();
  });

  it('under an active scenario, edits the scenario’s faults for the call, starting from the faults in force', () => {
    const scenarios = [{ id: 'down', name: 'Down', faults: { search: [{ kind: 'timeout', onAttempts: [1, 2] }] } }];
    const p = make({ settings: { scenario: 'down' }, scenarios } as unknown as Partial<Plan>);
    // A call the scenario lists: its scenario faults are the start.
    const a = injectFault(p, 'search', 'slow', 'every');
    expect(a.plan.calls).toBe(p.calls);
    expect(a.plan.scenarios[0].faults.search).toEqual([injectedFault('slow', 'every'), { kind: 'timeout', onAttempts: [1, 2] }]);
    expect(a.note).toContain('active scenario “Down”');
    // A call it does not list: the call's own faults are the start (here none), and the call's own stay as they were.
    const b = injectFault(p, 'sum', 'partial', 'first');
    expect(b.plan.scenarios[0].faults.sum).toEqual([injectedFault('partial', 'first')]);
    expect(b.plan.calls[2].faults).toEqual([]);
    expectValid(a.plan);
    expectValid(b.plan);
  });

  it('refuses an unknown call and a call already holding the most faults allowed', () => {
    const p = make();
    expect(injectFault(p, 'nope', 'error', 'every')).toMatchObject({ plan: p, refused: 'the plan has no call "nope"' });
    const full = { ...p, calls: p.calls.map((c, i) => (i === 2 ? { ...c, faults: Array.from({ length: LIMITS.maxFaultsPerCall }, () => injectedFault('slow', 'every')) } : c)) };
    // Replacing the same kind makes room; another kind does not fit.
    expect(injectFault(full, 'sum', 'slow', 'first').plan.calls[2].faults).toHaveLength(1);
    expect(injectFault(full, 'sum', 'error', 'every').refused).toContain('32 faults');
  });

  it('every kind on every attempt of a call with no retry decides its outcome in a run', () => {
    const p = clearFaults(make(), 'search').plan;
    const status = (kind: (typeof INJECT_KINDS)[number]) => simulate(injectFault(p, 'sum', kind, 'every').plan).calls.find((c) => c.id === 'sum')?.status;
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

describe('clearFaults', () => {
  it('clears the call’s own faults when no scenario lists it', () => {
    const r = clearFaults(injectFault(make(), 'search', 'timeout', 'every').plan, 'search');
    expect(r.plan.calls[0].faults).toEqual([]);
    expect(r.cleared).toBe(2);
    expect(r.summary).toBe('search has no faults now (2 cleared)');
    expectValid(r.plan);
  });

  it('in an active scenario that lists the call, leaves an empty list there so the call’s own faults stay out of force', () => {
    const scenarios = [{ id: 'down', name: 'Down', faults: { search: [{ kind: 'timeout', probability: 1 }], fetch: [{ kind: 'slow', factor: 2, probability: 1 }] } }];
    const p = make({ settings: { scenario: 'down' }, scenarios } as unknown as Partial<Plan>);
    const a = clearFaults(p, 'search');
    expect(a.plan.scenarios[0].faults.search).toEqual([]);
    expect(a.plan.calls[0].faults).toHaveLength(1);
    expect(faultsInForce(a.plan, 'search')).toEqual([]);
    expect(a.summary).toContain('in the scenario “Down”');
    // A call with no faults of its own leaves the scenario altogether.
    const b = clearFaults(p, 'fetch');
    expect(Object.keys(b.plan.scenarios[0].faults)).toEqual(['search']);
    expect(faultsInForce(b.plan, 'fetch')).toEqual([]);
    expectValid(a.plan);
    expectValid(b.plan);
  });

  it('changes nothing when the call has no faults in force', () => {
    const p = make();
    expect(clearFaults(p, 'sum')).toEqual({ plan: p, cleared: 0, summary: 'sum has no faults to clear' });
    expect(clearFaults(p, 'nope').plan).toBe(p);
  });
});

describe('scenarios', () => {
  it('saves the faults in force as a new active scenario with an id slugged from its name', () => {
    const p = injectFault(injectFault(make(), 'fetch', 'timeout', 'every').plan, 'sum', 'slow', 'first').plan;
    const r = scenarioFromCurrent(p, '  Search API down ');
    if (!r.ok) throw new Error(r.reason);
    expect(r.id).toBe('search_api_down');
    expect(r.plan.settings.scenario).toBe('search_api_down');
    const s = r.plan.scenarios[0];
    expect(s.name).toBe('Search API down');
    expect(Object.keys(s.faults)).toEqual(['search', 'fetch', 'sum']);
    expect(s.faults.fetch).toEqual(p.calls[1].faults);
    expect(s.faults.fetch).not.toBe(p.calls[1].faults);
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
              expectValid(clearFaults(r.plan, c.id).plan);
              expect(faultsInForce(clearFaults(r.plan, c.id).plan, c.id)).toEqual([]);
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
    type Op = { op: 'inject'; k: number; kind: (typeof INJECT_KINDS)[number]; when: InjectWhen } | { op: 'clear'; k: number } | { op: 'save'; name: string } | { op: 'switch'; k: number } | { op: 'rename'; k: number; name: string } | { op: 'delete'; k: number };
    const op: fc.Arbitrary<Op> = fc.oneof(
      fc.record({ op: fc.constant('inject' as const), k: fc.nat(), kind: fc.constantFrom(...INJECT_KINDS), when: fc.constantFrom(...whens) }),
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
          const scenarioAt = (k: number) => (p.scenarios.length === 0 ? null : p.scenarios[k % (p.scenarios.length + 1)]?.id ?? null);
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
            case 'clear':
              p = clearFaults(p, id ?? 'none').plan;
              if (id !== undefined) expect(faultsInForce(p, id)).toEqual([]);
              break;
            case 'save': {
              const r = scenarioFromCurrent(p, o.name);
              if (r.ok) {
                for (const c of p.calls) expect(effectiveFaults(c, activeScenario(r.plan))).toEqual(faultsInForce(p, c.id));
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
