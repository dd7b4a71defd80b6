// Sub-agent calls (docs/engine.md#sub-agents): a nested plan run per attempt, explicit and opaque reports, faults on the agent.
import { describe, expect, it } from 'vitest';
import type { PlanInput } from '../plan/schema';
import { runMonteCarlo } from './montecarlo';
import { simulate } from './simulate';
import { makePlan, summary } from './testing/build';

type NestedCalls = PlanInput['calls'];
const nested = (calls: NestedCalls, deps: PlanInput['dependencies'] = [], settings: PlanInput['settings'] = {}): PlanInput => ({
  format: 'toolwave.plan',
  version: 1,
  name: 'specialist',
  settings,
  calls,
  dependencies: deps,
});
const fixed = (ms: number) => ({ kind: 'fixed' as const, ms });
const okNested = nested([
  { id: 'find', tool: 'web_search', latency: fixed(200) },
  { id: 'read', tool: 'fetch_url', latency: fixed(300) },
]);
const partialNested = nested([
  { id: 'find', tool: 'web_search', latency: fixed(200) },
  { id: 'read', tool: 'fetch_url', latency: fixed(300), faults: [{ kind: 'error', message: '404', onAttempts: [1] }] },
]);
const abortNested = nested([
  { id: 'auth', tool: 'http_api', latency: fixed(50), onFailure: 'abort', faults: [{ kind: 'error', message: '401', onAttempts: [1] }] },
  { id: 'read', tool: 'fetch_url', latency: fixed(300) },
]);
const stuckNested = nested([{ id: 'hang', tool: 'http_api', latency: fixed(10), faults: [{ kind: 'timeout', onAttempts: [1] }] }]);

const agent = (plan: PlanInput, extra: Partial<PlanInput['calls'][number]> = {}) =>
  makePlan([{ id: 'research', tool: 'sub_agent', kind: 'agent', plan, ms: 99999, ...extra }, { id: 'write' }], [['research', 'write']]);

describe('sub-agents', () => {
  it('an attempt runs the nested plan and lasts its makespan (the agent’s own latency is ignored)', () => {
    const t = simulate(agent(okNested));
    expect(summary(t).research).toEqual({ status: 'succeeded', startMs: 0, endMs: 300, attempts: 1 });
    expect(t.calls[0].attempts[0].nested?.outcome).toBe('complete');
    expect(summary(t).write.startMs).toBe(300);
  });

  it('explicit: a partial nested run makes the agent call partial, with the nested summary as warning', () => {
    const t = simulate(agent(partialNested));
    expect(summary(t).research.status).toBe('partial');
    expect(t.calls[0].warning).toBe('sub-agent finished partial: 1 succeeded, 1 failed');
    expect(summary(t).write.status).toBe('succeeded');
  });

  it('explicit: an aborted nested run fails the agent call, not retryable even with retries left', () => {
    const t = simulate(agent(abortNested, { retry: { maxAttempts: 3 } }));
    expect(summary(t).research).toMatchObject({ status: 'failed', attempts: 1, endMs: 50 });
    expect(t.calls[0].attempts[0]).toMatchObject({
      result: 'error',
      retryable: false,
      message: 'sub-agent run aborted because auth failed',
    });
    expect(summary(t).write.status).toBe('skipped');
  });

  it('explicit: a nested run past its own deadline fails the agent call', () => {
    const t = simulate(agent(nested([{ id: 'slow', tool: 't', latency: fixed(500) }], [], { deadlineMs: 100 })));
    expect(summary(t).research).toMatchObject({ status: 'failed', endMs: 100 });
    expect(t.calls[0].attempts[0].message).toBe('sub-agent run exceeded its deadline');
  });

  it('opaque: reports success whatever happened inside, and counts the failures the orchestrator never saw', () => {
    const t = simulate(agent(partialNested, { report: 'opaque' }));
    expect(summary(t).research.status).toBe('succeeded');
    expect(t.calls[0].hiddenFailures).toBe(1);
    const aborted = simulate(agent(abortNested, { report: 'opaque' }));
    expect(summary(aborted).research.status).toBe('succeeded');
    expect(aborted.calls[0].hiddenFailures).toBe(2);
  });

  it('a stuck nested run makes the attempt hang; a timeout on the agent call cuts it', () => {
    expect(summary(simulate(agent(stuckNested))).research.status).toBe('hung');
    expect(summary(simulate(agent(stuckNested, { timeoutMs: 1000 }))).research).toMatchObject({ status: 'timed_out', endMs: 1000 });
  });

  it('a timeout on the agent call is reported as a timeout, even when the nested run would have failed', () => {
    const slowAbort = nested([
      { id: 'slow', tool: 't', latency: fixed(500) },
      { id: 'auth', tool: 't', latency: fixed(400), onFailure: 'abort', faults: [{ kind: 'error', message: '401', onAttempts: [1] }] },
    ]);
    const t = simulate(agent(slowAbort, { timeoutMs: 150 }));
    expect(t.calls[0].attempts[0]).toMatchObject({ result: 'timeout', endMs: 150, message: 'timed out after 150 ms', retryable: true });
  });

  it('faults on the agent call act on it as on any call whose latency is the nested makespan', () => {
    const slow = simulate(agent(okNested, { faults: [{ kind: 'slow', factor: 2, onAttempts: [1] }] }));
    expect(summary(slow).research.endMs).toBe(600);
    const err = simulate(agent(okNested, { faults: [{ kind: 'error', message: 'crashed', onAttempts: [1] }] }));
    expect(summary(err).research).toMatchObject({ status: 'failed', endMs: 300 });
    const part = simulate(agent(okNested, { faults: [{ kind: 'partial', note: 'ran out of budget', onAttempts: [1] }] }));
    expect(summary(part).research.status).toBe('partial');
  });

  it('each retry of an agent call is a fresh nested run with its own streams', () => {
    const flakyNested = nested([
      {
        id: 'read',
        tool: 'fetch_url',
        latency: { kind: 'uniform', minMs: 100, maxMs: 900 },
        faults: [{ kind: 'error', message: 'x', probability: 0.5 }],
      },
    ]);
    const t = simulate(agent(flakyNested, { retry: { maxAttempts: 10, initialIntervalMs: 0 } }), { seed: 5 });
    const latencies = t.calls[0].attempts.map((a) => a.nested?.makespanMs);
    expect(new Set(latencies).size).toBe(latencies.length);
  });

  it('the nested plan’s own seed is ignored: its streams come from the parent', () => {
    const a = simulate(agent({ ...partialNested, settings: { seed: 1 } }), { seed: 3 });
    const b = simulate(agent({ ...partialNested, settings: { seed: 999 } }), { seed: 3 });
    expect(a.calls[0].attempts[0].nested?.calls).toEqual(b.calls[0].attempts[0].nested?.calls);
  });

  it('Monte Carlo runs nested plans too', () => {
    const stats = runMonteCarlo(agent(partialNested), { runs: 20 });
    expect(stats.calls.research.successRate).toBe(1);
    expect(stats.outcomes.partial).toBe(20);
  });
});
