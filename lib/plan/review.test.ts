// Plan review (docs/review.md): each rule, its severity and its sentence; the teaching examples come out clean.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { formatProblem, parsePlan, parsePlanText } from './parse';
import { reviewPlan, type Finding } from './review';
import type { Plan, PlanInput } from './schema';
import { arbitraryPlan } from './testing/arbitrary';

function plan(input: Partial<PlanInput>): Plan {
  const result = parsePlan({ format: 'toolwave.plan', version: 1, name: 'Test', calls: [], dependencies: [], ...input });
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.plan;
}

/** A bounded call (it has a timeout), so only the rule under test speaks. */
const call = (id: string, extra: Partial<PlanInput['calls'][number]> = {}) => ({
  id,
  tool: 'web_search',
  latency: { kind: 'fixed', ms: 100 } as const,
  timeoutMs: 1000,
  ...extra,
});
/** A finding on the top plan (not inside a sub-agent), as reviewPlan reports it. */
const topFinding = (
  severity: Finding['severity'],
  rule: Finding['rule'],
  callId: string,
  message: string,
  edge?: Finding['edge'],
): Finding => ({
  severity,
  rule,
  callId,
  ...(edge === undefined ? {} : { edge }),
  within: [],
  message,
});
const brief = (fs: Finding[]) => fs.map((f) => [f.severity, f.rule, f.callId]);

describe('reviewPlan', () => {
  it('says nothing about a sound plan', () => {
    const p = plan({
      calls: [call('search'), call('fetch', { input: { url: '{{search.url}}' } })],
      dependencies: [{ from: 'search', to: 'fetch' }],
    });
    expect(reviewPlan(p)).toEqual([]);
  });

  it('reports a reference without an edge as an error naming the edge to add', () => {
    const p = plan({ calls: [call('search'), call('fetch', { input: { url: '{{search.results.0.url}}' } })], dependencies: [] });
    const message =
      'fetch uses {{search.results.0.url}} in url but does not depend on search: it would be called without that information. Add the edge search → fetch.';
    expect(reviewPlan(p)).toEqual([topFinding('error', 'reference-without-edge', 'fetch', message, { from: 'search', to: 'fetch' })]);
  });

  it('words a reference to an indirect upstream differently, still as an error', () => {
    const p = plan({
      calls: [call('a'), call('b', { input: { x: '{{a}}' } }), call('c', { input: { x: '{{a}}', y: '{{b}}' } })],
      dependencies: [
        { from: 'a', to: 'b' },
        { from: 'b', to: 'c' },
      ],
    });
    const [finding] = reviewPlan(p);
    expect(finding.severity).toBe('error');
    expect(finding.message).toBe('c uses {{a}} in x but reaches a only through other calls: add the edge a → c to declare it.');
  });

  it('reports a reference to its own output as an error', () => {
    const p = plan({ calls: [call('loop', { input: { x: '{{loop.next}}' } })], dependencies: [] });
    expect(brief(reviewPlan(p))).toEqual([['error', 'reference-without-edge', 'loop']]);
  });

  it('warns of a reference to no call, which is sent as written', () => {
    const p = plan({ calls: [call('fetch', { input: { url: 'see {{ghost.url}}' } })], dependencies: [] });
    expect(reviewPlan(p).map((f) => f.message)).toEqual([
      'fetch refers to {{ghost.url}} in url, but no call is named ghost: it will be sent as written.',
    ]);
  });

  it('reports each referenced call once, however often it is used', () => {
    const p = plan({ calls: [call('a'), call('b', { input: { x: '{{a.x}}', y: ['{{a.y}}', '{{a}}'] } })], dependencies: [] });
    expect(reviewPlan(p)).toHaveLength(1);
  });

  describe('false dependencies', () => {
    const fan = (input: Record<string, string>) =>
      plan({
        calls: [call('search'), call('weather'), call('fetch', { input })],
        dependencies: [
          { from: 'search', to: 'fetch' },
          { from: 'weather', to: 'fetch', optional: true },
        ],
      });

    it('hints at an edge whose output the call never uses, when the call uses references at all', () => {
      const message =
        'fetch depends on weather but never uses its output: a false dependency. Removing it would let fetch run without waiting for weather.';
      expect(reviewPlan(fan({ url: '{{search.url}}' }))).toEqual([
        topFinding('hint', 'false-dependency', 'fetch', message, { from: 'weather', to: 'fetch' }),
      ]);
    });

    it('says nothing when the call uses no reference at all (its arguments are not written yet)', () => {
      expect(reviewPlan(fan({ url: 'https://example.com' }))).toEqual([]);
    });

    it.each([
      ['waves', 'Removing it would save a model turn.'],
      ['eager', 'Removing it would save a wave.'],
    ] as const)('under %s, says a removed edge would save a whole wave when it would', (strategy, sentence) => {
      // a → b → c and a → c: c only uses a, so without b → c the plan is two waves instead of three.
      const q = plan({
        settings: { strategy },
        calls: [call('a'), call('b'), call('c', { input: { x: '{{a}}' } })],
        dependencies: [
          { from: 'a', to: 'c' },
          { from: 'b', to: 'c' },
          { from: 'a', to: 'b' },
        ],
      });
      expect(reviewPlan(q).map((f) => f.message)).toEqual([`c depends on b but never uses its output: a false dependency. ${sentence}`]);
    });

    it('says a removed edge would let the call start a wave earlier when the plan keeps its length', () => {
      const p = plan({
        calls: [call('a'), call('b'), call('long1'), call('long2'), call('c', { input: { x: '{{a}}' } })],
        dependencies: [
          { from: 'a', to: 'b' },
          { from: 'b', to: 'c' },
          { from: 'a', to: 'c' },
          { from: 'a', to: 'long1' },
          { from: 'long1', to: 'long2' },
          { from: 'b', to: 'long2' },
        ],
      });
      expect(reviewPlan(p).map((f) => f.message)).toEqual([
        'c depends on b but never uses its output: a false dependency. Removing it would let c start a wave earlier.',
      ]);
    });
  });

  describe('unbounded calls', () => {
    it('warns of a call with no timeout in a plan with no deadline', () => {
      const p = plan({ calls: [call('hang', { timeoutMs: null }), call('fine')], dependencies: [] });
      const message = 'hang has no timeout and the plan has no deadline: if it hangs, the run never ends.';
      expect(reviewPlan(p)).toEqual([topFinding('warning', 'unbounded', 'hang', message)]);
    });

    it('says nothing once the plan has a deadline', () => {
      const p = plan({ settings: { deadlineMs: 10_000 }, calls: [call('hang', { timeoutMs: null })], dependencies: [] });
      expect(reviewPlan(p)).toEqual([]);
    });

    it('counts a sub-agent call’s timeout as a bound for its nested calls', () => {
      const nested = plan({ calls: [call('inner', { timeoutMs: null })], dependencies: [] });
      const bounded = plan({ calls: [call('agent', { kind: 'agent', plan: nested, timeoutMs: 5000 })], dependencies: [] });
      const unbounded = plan({ calls: [call('agent', { kind: 'agent', plan: nested, timeoutMs: null })], dependencies: [] });
      expect(reviewPlan(bounded)).toEqual([]);
      expect(reviewPlan(unbounded).map((f) => [f.callId, f.within, f.message])).toEqual([
        ['agent', [], 'agent has no timeout and the plan has no deadline: if it hangs, the run never ends.'],
        [
          'inner',
          ['agent'],
          'In sub-agent agent: inner has no timeout and nothing around it sets a deadline: if it hangs, the run never ends.',
        ],
      ]);
    });
  });

  describe('retries that never help', () => {
    const retry = { maxAttempts: 3 };
    const fatal = { kind: 'error', message: '401 Unauthorized', retryable: false, probability: 0.5 } as const;

    it('hints when every fault that can fail the call is a non-retryable error', () => {
      const p = plan({ calls: [call('auth', { retry, faults: [fatal, { kind: 'slow', factor: 2, probability: 1 }] })], dependencies: [] });
      expect(reviewPlan(p).map((f) => [f.severity, f.rule, f.message])).toEqual([
        ['hint', 'retry-never-helps', 'auth allows 3 attempts, but its only failure is a non-retryable error: the retries are never used.'],
      ]);
    });

    it.each([
      ['a retryable error', [fatal, { kind: 'error', message: '503', retryable: true, probability: 0.1 }], {}],
      ['a timeout fault', [fatal, { kind: 'timeout', probability: 0.1 }], {}],
      ['a latency that can outlast the timeout', [fatal], { latency: { kind: 'lognormal', p50Ms: 100, p95Ms: 900 } }],
      ['a slow fault that can push it past the timeout', [fatal, { kind: 'slow', factor: 20, probability: 0.1 }], {}],
      ['no faults at all', [], {}],
    ] as const)('says nothing when the call also has %s', (_name, faults, extra) => {
      const p = plan({ calls: [call('auth', { retry, faults: [...faults], ...extra })], dependencies: [] });
      expect(reviewPlan(p)).toEqual([]);
    });

    it('judges the faults of the active scenario, which replace the call’s own', () => {
      const p = plan({
        settings: { scenario: 'auth_down' },
        calls: [call('auth', { retry, faults: [{ kind: 'timeout', probability: 0.1 }] })],
        dependencies: [],
        scenarios: [{ id: 'auth_down', name: 'Auth down', faults: { auth: [fatal] } }],
      });
      expect(brief(reviewPlan(p))).toEqual([['hint', 'retry-never-helps', 'auth']]);
    });
  });

  it('hints at abort on a call nothing needs', () => {
    const p = plan({
      calls: [call('audit', { onFailure: 'abort' }), call('token', { onFailure: 'abort' }), call('use', { input: { t: '{{token}}' } })],
      dependencies: [{ from: 'token', to: 'use' }],
    });
    expect(reviewPlan(p).map((f) => [f.severity, f.rule, f.callId, f.message])).toEqual([
      [
        'hint',
        'abort-unneeded',
        'audit',
        'audit aborts the whole plan if it fails, yet no call needs its output: "degrade" would keep the other results.',
      ],
    ]);
  });

  it('lists errors first, then warnings, then hints, each in the order of calls', () => {
    const p = plan({
      calls: [call('a', { onFailure: 'abort' }), call('b', { timeoutMs: null }), call('c', { input: { x: '{{a}}' } })],
      dependencies: [],
    });
    expect(brief(reviewPlan(p))).toEqual([
      ['error', 'reference-without-edge', 'c'],
      ['warning', 'unbounded', 'b'],
      ['hint', 'abort-unneeded', 'a'],
    ]);
  });

  it('finds nothing to say about the teaching examples, but the one that teaches the warning', () => {
    const dir = join(__dirname, '..', '..', 'public', 'examples');
    // double-charge.json shows a retried once call on purpose: its lesson is the review's warning (see examples.test.ts).
    const flawed: Record<string, string[]> = { 'double-charge.json': ['once-retried'] };
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'index.json')) {
      const result = parsePlanText(readFileSync(join(dir, file), 'utf8'));
      if (!result.ok) throw new Error(file);
      expect({ file, rules: reviewPlan(result.plan).map((f) => f.rule) }).toEqual({ file, rules: flawed[file] ?? [] });
    }
  });

  it('never throws and gives every finding a sentence and a call of its plan', () => {
    fc.assert(
      fc.property(arbitraryPlan({ maxCalls: 8 }), (p) => {
        for (const f of reviewPlan(p)) {
          expect(f.message).toMatch(/[.]$/);
          let scope: Plan = p;
          for (const id of f.within) scope = scope.calls.find((c) => c.id === id)?.plan ?? scope;
          expect(scope.calls.some((c) => c.id === f.callId)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('side-effect review', () => {
  const reserve = (id: string, extra: Partial<PlanInput['calls'][number]> = {}) => call(id, { effect: 'once', ...extra });
  const undo = { tool: 'cancel_reservation', latency: { kind: 'fixed', ms: 50 } } as const;

  it('warns about a once call that may be retried, naming it and its attempts', () => {
    const p = plan({ calls: [call('pay', { effect: 'once', retry: { maxAttempts: 3, initialIntervalMs: 0 } })], dependencies: [] });
    const message =
      'pay applies its effect on every attempt (effect "once") and allows 3 attempts: a retry after a timeout or a lost answer can apply it twice. Make it idempotent (an idempotency key) or do not retry it.';
    expect(reviewPlan(p)).toEqual([topFinding('warning', 'once-retried', 'pay', message)]);
  });

  it('says nothing about retrying an idempotent call', () => {
    const p = plan({ calls: [call('pay', { effect: 'idempotent', retry: { maxAttempts: 3 } })], dependencies: [] });
    expect(reviewPlan(p)).toEqual([]);
  });

  it('warns when an abort after the effect would leave it in place with nothing to undo it', () => {
    const p = plan({
      calls: [reserve('reserve_hotel'), call('pay', { onFailure: 'abort' }), call('email')],
      dependencies: [
        { from: 'reserve_hotel', to: 'pay' },
        { from: 'pay', to: 'email' },
      ],
    });
    expect(brief(reviewPlan(p))).toEqual([['warning', 'effect-left-in-place', 'reserve_hotel']]);
    expect(reviewPlan(p)[0].message).toBe(
      'reserve_hotel changes the world (effect "once") but has no compensation, and pay can abort the plan after it lands: its effect would be left in place. Add a compensation that undoes it.',
    );
  });

  it('warns under a plan deadline too, and names it', () => {
    const p = plan({ settings: { deadlineMs: 5000 }, calls: [reserve('reserve_hotel')], dependencies: [] });
    expect(reviewPlan(p).map((f) => f.message)).toEqual([
      'reserve_hotel changes the world (effect "once") but has no compensation, and the plan\'s deadline (5000 ms) can stop it: its effect would be left in place. Add a compensation that undoes it.',
    ]);
  });

  it('does not count an upstream abort: it is over before the effect can land', () => {
    const p = plan({
      calls: [call('auth', { onFailure: 'abort' }), reserve('reserve_hotel')],
      dependencies: [{ from: 'auth', to: 'reserve_hotel' }],
    });
    expect(reviewPlan(p)).toEqual([]);
  });

  it('hints at a compensation no stop can call for', () => {
    const p = plan({
      calls: [reserve('reserve_hotel', { compensation: undo }), call('email')],
      dependencies: [{ from: 'reserve_hotel', to: 'email' }],
    });
    expect(brief(reviewPlan(p))).toEqual([['hint', 'compensation-unused', 'reserve_hotel']]);
  });

  it('is satisfied by a compensation when a stop can follow', () => {
    const p = plan({
      calls: [reserve('reserve_hotel', { compensation: undo }), call('pay', { onFailure: 'abort' }), call('email')],
      dependencies: [
        { from: 'reserve_hotel', to: 'pay' },
        { from: 'pay', to: 'email' },
      ],
    });
    expect(reviewPlan(p)).toEqual([]);
  });
});
