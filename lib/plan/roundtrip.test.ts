// Export → import: a plan written by serializePlan reads back identical, for 1,000 generated plans of every feature.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { formatProblem, parsePlan, parsePlanText, serializePlan } from './parse';
import { arbitraryFixedDag, arbitraryPlan } from './testing/arbitrary';
import type { Plan } from './schema';

function problemsText(plan: unknown): string {
  const result = parsePlan(plan);
  return result.ok ? '' : result.problems.map(formatProblem).join('\n');
}

/** Counts calls of every nesting level, to prove the generator reaches sub-agents. */
function nestedCallCount(plan: Plan): number {
  return plan.calls.reduce((n, c) => n + 1 + (c.plan ? nestedCallCount(c.plan) : 0), 0);
}

describe('export → import round trip', () => {
  it('reads back 1,000 generated plans exactly as they were written', () => {
    fc.assert(
      fc.property(arbitraryPlan({ maxCalls: 12 }), (plan) => {
        const result = parsePlanText(serializePlan(plan));
        if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
        expect(result.plan).toStrictEqual(plan);
        expect(serializePlan(result.plan)).toBe(serializePlan(plan));
      }),
      { numRuns: 1000, seed: 20_240_601 },
    );
  });

  it('reads back plans whose calls are not listed in topological order', () => {
    fc.assert(
      fc.property(arbitraryPlan({ shuffleCalls: true }), (plan) => {
        const result = parsePlanText(serializePlan(plan));
        expect(result.ok && result.plan).toStrictEqual(plan);
      }),
      { numRuns: 200 },
    );
  });
});

describe('the plan generators', () => {
  it('generate only valid plans, already in parsed form', () => {
    fc.assert(
      fc.property(arbitraryPlan(), (plan) => {
        expect(problemsText(plan)).toBe('');
        const result = parsePlan(plan);
        expect(result.ok && result.plan).toStrictEqual(plan);
      }),
      { numRuns: 500 },
    );
  });

  it('generate valid fixed DAGs with no faults, cap, deadline, agents or scenarios', () => {
    fc.assert(
      fc.property(arbitraryFixedDag({ maxCalls: 12 }), (plan) => {
        expect(problemsText(plan)).toBe('');
        expect(plan.settings.maxConcurrency).toBeNull();
        expect(plan.settings.deadlineMs).toBeNull();
        expect(plan.scenarios).toEqual([]);
        for (const call of plan.calls) {
          expect(call.latency.kind).toBe('fixed');
          expect(call.kind).toBe('tool');
          expect(call.faults).toEqual([]);
          expect(call.timeoutMs).toBeNull();
          if (call.latency.kind === 'fixed') expect(Number.isInteger(call.latency.ms)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('respect the size and agent options', () => {
    fc.assert(
      fc.property(arbitraryPlan({ minCalls: 3, maxCalls: 5, agents: false, faults: false, scenarios: false }), (plan) => {
        expect(plan.calls.length).toBeGreaterThanOrEqual(3);
        expect(plan.calls.length).toBeLessThanOrEqual(5);
        expect(plan.calls.every((c) => c.kind === 'tool' && c.faults.length === 0)).toBe(true);
        expect(plan.scenarios).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('reach every feature the schema has', () => {
    const plans = fc.sample(arbitraryPlan(), { numRuns: 400, seed: 7 });
    const calls = plans.flatMap((p) => p.calls);
    const seen = (values: readonly string[]) => [...new Set(values)].sort();
    expect(seen(calls.map((c) => c.latency.kind))).toEqual(['fixed', 'lognormal', 'uniform']);
    expect(seen(calls.flatMap((c) => c.faults.map((f) => f.kind)))).toEqual(['error', 'partial', 'rate_limit', 'slow', 'timeout']);
    expect(seen(calls.map((c) => c.onFailure))).toEqual(['abort', 'degrade', 'ignore']);
    expect(seen(calls.map((c) => c.retry.jitter))).toEqual(['full', 'none']);
    expect(seen(calls.map((c) => c.report))).toEqual(['explicit', 'opaque']);
    expect(seen(plans.map((p) => p.settings.strategy))).toEqual(['eager', 'sequential', 'waves']);
    expect(calls.some((c) => c.timeoutMs === null) && calls.some((c) => c.timeoutMs !== null)).toBe(true);
    expect(calls.some((c) => c.faults.some((f) => f.onAttempts !== undefined))).toBe(true);
    expect(calls.some((c) => c.faults.some((f) => f.probability !== undefined))).toBe(true);
    expect(plans.some((p) => p.settings.deadlineMs !== null)).toBe(true);
    expect(plans.some((p) => p.settings.maxConcurrency !== null)).toBe(true);
    expect(plans.some((p) => p.settings.scenario !== null)).toBe(true);
    expect(plans.some((p) => p.dependencies.some((d) => d.optional))).toBe(true);
    expect(plans.some((p) => p.calls.some((c) => c.plan?.calls.some((n) => n.kind === 'agent')))).toBe(true);
    expect(Math.max(...plans.map(nestedCallCount))).toBeGreaterThan(8);
  });

  it('never nest sub-agents deeper than maxDepth', () => {
    const depthOf = (plan: Plan): number => Math.max(0, ...plan.calls.map((c) => (c.plan ? 1 + depthOf(c.plan) : 0)));
    for (const maxDepth of [0, 1, 2]) {
      const plans = fc.sample(arbitraryPlan({ maxDepth }), { numRuns: 200, seed: maxDepth });
      expect(Math.max(...plans.map(depthOf))).toBeLessThanOrEqual(maxDepth);
    }
  });
});
