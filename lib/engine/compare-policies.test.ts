// One failure under each policy: the same seed, one call's retry and onFailure changed, every outcome side by side.
import { describe, expect, it } from 'vitest';
import {
  applyPolicy,
  comparePolicies,
  currentPolicy,
  firstDifferingLine,
  ignoreApplies,
  policiesFor,
  withPolicy,
} from './compare-policies';
import { simulate } from './simulate';
import { makePlan } from './testing/build';

// search → fetch (fails on its first attempt only) → summarize; fetch is also an optional input to report.
const flaky = () =>
  makePlan(
    [
      { id: 'search', ms: 100 },
      {
        id: 'fetch',
        ms: 200,
        faults: [{ kind: 'error', message: 'boom', retryable: true, onAttempts: [1] }],
        retry: { maxAttempts: 1, initialIntervalMs: 50 },
      },
      { id: 'summarize', ms: 100 },
      { id: 'report', ms: 100 },
      { id: 'other', ms: 300 },
    ],
    [
      ['search', 'fetch'],
      ['fetch', 'summarize'],
      ['fetch', 'report', 'optional'],
    ],
    { strategy: 'waves', modelTurnMs: 10, seed: 7 },
  );

const byPolicy = (plan = flaky()) => Object.fromEntries(comparePolicies(plan, 'fetch').outcomes.map((o) => [o.policy, o]));

describe('comparePolicies', () => {
  it('compares retry, degrade, abort and, for a call another needs, ignore', () => {
    expect(comparePolicies(flaky(), 'fetch').outcomes.map((o) => o.policy)).toEqual(['retry', 'degrade', 'abort', 'ignore']);
  });

  it('leaves ignore out for a call no other call requires, where it would say the same as degrade', () => {
    const plan = flaky();
    expect(ignoreApplies(plan, 'other')).toBe(false);
    expect(policiesFor(plan, 'other')).toEqual(['retry', 'degrade', 'abort']);
    expect(ignoreApplies(plan, 'fetch')).toBe(true);
  });

  it('retry recovers a failure of the first attempt; degrade skips what needs it; abort stops the plan', () => {
    const o = byPolicy();
    expect(o.retry.call).toEqual({ status: 'succeeded', attempts: 2 });
    expect(o.retry.outcome).toBe('complete');
    expect(o.degrade.call).toEqual({ status: 'failed', attempts: 1 });
    expect(o.degrade.statuses.find((s) => s.id === 'summarize')?.status).toBe('skipped');
    expect(o.degrade.outcome).toBe('partial');
    expect(o.abort.outcome).toBe('aborted');
    expect(o.abort.outcomeLine).toMatch(/^Plan outcome: aborted — fetch failed at/);
    expect(o.ignore.statuses.find((s) => s.id === 'summarize')?.status).toBe('succeeded');
  });

  it('gives each policy the makespan of the same plan run with that policy', () => {
    const plan = flaky();
    for (const o of comparePolicies(plan, 'fetch').outcomes) {
      expect(o.makespanMs).toBe(simulate(withPolicy(plan, 'fetch', o.policy)).makespanMs);
    }
    const o = byPolicy(plan);
    // The retry waits 50 ms and runs 200 ms more: its wave lasts longer than the failure.
    expect(o.retry.makespanMs).toBeGreaterThan(o.degrade.makespanMs ?? Infinity);
  });

  it('names the first line on which the contexts differ, and each context’s line there', () => {
    const cmp = comparePolicies(flaky(), 'fetch');
    expect(cmp.firstDiffLine).not.toBeNull();
    const n = cmp.firstDiffLine ?? 0;
    const lines = cmp.outcomes.map((o) => o.context.split('\n'));
    for (let k = 0; k < n - 1; k++) expect(new Set(lines.map((l) => l[k])).size).toBe(1);
    expect(cmp.outcomes.map((o) => o.diffLine)).toEqual(lines.map((l) => l[n - 1] ?? ''));
    expect(cmp.outcomes.find((o) => o.policy === 'retry')?.diffLine).toMatch(/^result fetch \[ok\]/);
    expect(cmp.outcomes.find((o) => o.policy === 'degrade')?.diffLine).toMatch(/^result fetch \[error\]: fetch failed after 1 attempt/);
  });

  it('lists the calls whose status is not the same under every policy (other finished before the abort)', () => {
    expect(comparePolicies(flaky(), 'fetch').differingCalls).toEqual(['fetch', 'summarize', 'report']);
  });

  it('is deterministic per seed, and follows the seed it is given', () => {
    const plan = makePlan([
      {
        id: 'a',
        latency: { kind: 'uniform', minMs: 100, maxMs: 900 },
        faults: [{ kind: 'error', message: 'x', retryable: true, probability: 0.5 }],
      },
    ]);
    expect(comparePolicies(plan, 'a', { seed: 3 })).toEqual(comparePolicies(plan, 'a', { seed: 3 }));
    expect(comparePolicies(plan, 'a', { seed: 3 }).seed).toBe(3);
    const t = simulate(withPolicy(plan, 'a', 'degrade'), { seed: 11 });
    expect(comparePolicies(plan, 'a', { seed: 11 }).outcomes[1].makespanMs).toBe(t.makespanMs);
  });

  it('leaves the plan it is given untouched', () => {
    const plan = flaky();
    const before = JSON.stringify(plan);
    comparePolicies(plan, 'fetch');
    expect(JSON.stringify(plan)).toBe(before);
  });

  it('says when the contexts are all the same', () => {
    const plan = makePlan([{ id: 'a' }]);
    const cmp = comparePolicies(plan, 'a');
    expect(cmp.firstDiffLine).toBeNull();
    expect(cmp.outcomes.every((o) => o.diffLine === null)).toBe(true);
    expect(cmp.differingCalls).toEqual([]);
  });

  it('refuses a call the plan does not have', () => {
    expect(() => comparePolicies(flaky(), 'nope')).toThrow('no call "nope"');
  });
});

describe('policy settings', () => {
  it('retry keeps the call’s own retries, at least three attempts, then degrades', () => {
    const call = flaky().calls[1];
    expect(applyPolicy(call, 'retry')).toEqual({ retry: { ...call.retry, maxAttempts: 3 }, onFailure: 'degrade' });
    expect(applyPolicy({ ...call, retry: { ...call.retry, maxAttempts: 5 } }, 'retry').retry.maxAttempts).toBe(5);
    expect(applyPolicy(call, 'abort')).toEqual({ retry: { ...call.retry, maxAttempts: 1 }, onFailure: 'abort' });
  });

  it('names the policy the call has now, if it is one of them', () => {
    const call = flaky().calls[1];
    expect(currentPolicy(call)).toBe('degrade');
    expect(currentPolicy({ ...call, retry: { ...call.retry, maxAttempts: 3 } })).toBe('retry');
    expect(currentPolicy({ ...call, retry: { ...call.retry, maxAttempts: 3 }, onFailure: 'abort' })).toBeNull();
    expect(currentPolicy({ ...call, onFailure: 'ignore' })).toBe('ignore');
  });
});

describe('firstDifferingLine', () => {
  it('is 1-based, counts a missing line as different, and is null for equal texts', () => {
    expect(firstDifferingLine(['a\nb', 'a\nc'])).toBe(2);
    expect(firstDifferingLine(['a', 'a\nb'])).toBe(2);
    expect(firstDifferingLine(['a\nb', 'a\nb', 'a\nb'])).toBeNull();
    expect(firstDifferingLine([])).toBeNull();
  });
});
