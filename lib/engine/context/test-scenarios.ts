// Test support only: named hand-built runs, one per kind of partial failure, used across the context tests.
// Each is a plan plus the trace the engine would produce for it; never imported by product code.
import type { Plan } from '../../plan/schema';
import type { Trace } from '../types';
import { att, makePlan, makeTrace } from './test-fixtures';

export interface Scenario {
  plan: Plan;
  trace: Trace;
}

const fixed = (ms: number) => ({ kind: 'fixed' as const, ms });
const dep = (from: string, to: string, optional = false) => ({ from, to, optional });

/** search → fetch_a, fetch_b → summarize; fetch_b times out three times, summarize is skipped. */
export function research(): Scenario {
  const plan = makePlan({
    name: 'Research question',
    calls: [
      {
        id: 'search',
        tool: 'web_search',
        latency: fixed(1000),
        input: { query: 'partial failure' },
        output: { results: [{ url: 'https://a.example' }, { url: 'https://b.example' }] },
      },
      {
        id: 'fetch_a',
        tool: 'fetch_url',
        latency: fixed(800),
        input: { url: '{{search.results.0.url}}' },
        output: { title: 'A', text: 'alpha' },
      },
      {
        id: 'fetch_b',
        tool: 'fetch_url',
        latency: fixed(5000),
        timeoutMs: 2000,
        input: { url: '{{search.results.1.url}}' },
        retry: { maxAttempts: 3, initialIntervalMs: 1000, backoffCoefficient: 2 },
      },
      { id: 'summarize', tool: 'llm_summarize', latency: fixed(500), input: { pages: ['{{fetch_a}}', '{{fetch_b}}'] } },
    ],
    dependencies: [dep('search', 'fetch_a'), dep('search', 'fetch_b'), dep('fetch_a', 'summarize'), dep('fetch_b', 'summarize')],
  });
  const trace = makeTrace(plan, {
    outcome: 'partial',
    makespanMs: 10000,
    calls: [
      { id: 'search', status: 'succeeded', attempts: [att(1, 0, 1000, 'ok')], turn: 0 },
      { id: 'fetch_a', status: 'succeeded', wave: 1, attempts: [att(1, 1000, 1800, 'ok')], turn: 1 },
      {
        id: 'fetch_b',
        status: 'timed_out',
        wave: 1,
        turn: 1,
        attempts: [
          att(1, 1000, 3000, 'timeout', 'timed out after 2000 ms', { retryWaitMs: 1000 }),
          att(2, 4000, 6000, 'timeout', 'timed out after 2000 ms', { retryWaitMs: 2000 }),
          att(3, 8000, 10000, 'timeout', 'timed out after 2000 ms'),
        ],
      },
      {
        id: 'summarize',
        status: 'skipped',
        wave: 2,
        reason: { kind: 'upstream', blockers: [{ id: 'fetch_b', status: 'timed_out' }] },
        finalMs: 10000,
      },
    ],
    turns: [
      { wave: 0, startMs: 0, endMs: 1000, calls: [0] },
      { wave: 1, startMs: 1000, endMs: 10000, calls: [1, 2] },
    ],
  });
  return { plan, trace };
}

/** One wave with a success, a hard error, a partial result and a rate limit; then a degraded call. */
export function mixed(): Scenario {
  const plan = makePlan({
    calls: [
      { id: 'ok', tool: 'db_query', latency: fixed(100), output: { title: 'Hello', rows: 3 } },
      {
        id: 'err',
        tool: 'http_api',
        latency: fixed(200),
        onFailure: 'ignore',
        faults: [{ kind: 'error', message: '503 Service Unavailable', code: '503', onAttempts: [1] }],
      },
      {
        id: 'part',
        tool: 'fetch_url',
        latency: fixed(300),
        output: ['p1', 'p2'],
        faults: [{ kind: 'partial', note: '2 of 3 pages', probability: 1 }],
      },
      {
        id: 'rl',
        tool: 'web_search',
        latency: fixed(50),
        retry: { maxAttempts: 2, initialIntervalMs: 100 },
        faults: [{ kind: 'rate_limit', retryAfterMs: 500, probability: 1 }],
      },
      {
        id: 'report',
        tool: 'write_report',
        latency: fixed(100),
        input: { data: '{{err}}', note: 'see {{ok.title}} ({{ok.rows}} rows, {{err.x}})' },
        output: 'report written',
      },
    ],
    dependencies: [dep('ok', 'report'), dep('err', 'report')],
  });
  const trace = makeTrace(plan, {
    outcome: 'partial',
    makespanMs: 700,
    calls: [
      { id: 'ok', status: 'succeeded', attempts: [att(1, 0, 100, 'ok')] },
      { id: 'err', status: 'failed', attempts: [att(1, 0, 200, 'error', '503 Service Unavailable', { code: '503' })] },
      { id: 'part', status: 'partial', attempts: [att(1, 0, 300, 'partial', '2 of 3 pages')], warning: '2 of 3 pages' },
      {
        id: 'rl',
        status: 'failed',
        attempts: [
          att(1, 0, 50, 'rate_limited', '429 rate limited: retry after 500 ms', { code: '429', retryWaitMs: 500 }),
          att(2, 550, 600, 'rate_limited', '429 rate limited: retry after 500 ms', { code: '429' }),
        ],
      },
      {
        id: 'report',
        status: 'succeeded',
        wave: 1,
        turn: 1,
        attempts: [att(1, 600, 700, 'ok')],
        missingInputs: [{ id: 'err', status: 'failed' }],
      },
    ],
    turns: [
      { wave: 0, startMs: 0, endMs: 600, calls: [0, 1, 2, 3] },
      { wave: 1, startMs: 600, endMs: 700, calls: [4] },
    ],
  });
  return { plan, trace };
}

/** Eager: `a` fails and aborts the plan; `b` is cut mid-attempt, `c` while waiting to retry, `d` never starts. */
export function aborted(): Scenario {
  const plan = makePlan({
    settings: { strategy: 'eager' },
    calls: [
      {
        id: 'a',
        tool: 'charge_card',
        latency: fixed(500),
        onFailure: 'abort',
        faults: [{ kind: 'error', message: 'card declined', onAttempts: [1] }],
      },
      { id: 'b', tool: 'slow_api', latency: fixed(2000) },
      { id: 'c', tool: 'flaky_api', latency: fixed(300), timeoutMs: 200, retry: { maxAttempts: 3, initialIntervalMs: 1000 } },
      { id: 'd', tool: 'notify', latency: fixed(10) },
    ],
    dependencies: [dep('b', 'd')],
  });
  const trace = makeTrace(plan, {
    outcome: 'aborted',
    makespanMs: 500,
    stop: { reason: 'abort', atMs: 500, by: 'a' },
    calls: [
      { id: 'a', status: 'failed', attempts: [att(1, 0, 500, 'error', 'card declined')] },
      {
        id: 'b',
        status: 'cancelled',
        attempts: [att(1, 0, 500, 'cancelled', 'cancelled: the plan was aborted because a failed')],
        reason: { kind: 'abort', by: 'a', atMs: 500 },
      },
      {
        id: 'c',
        status: 'cancelled',
        attempts: [att(1, 0, 200, 'timeout', 'timed out after 200 ms', { retryWaitMs: 1000 })],
        reason: { kind: 'abort', by: 'a', atMs: 500 },
      },
      { id: 'd', status: 'not_started', wave: 1, reason: { kind: 'abort', by: 'a', atMs: 500 }, finalMs: 500 },
    ],
    turns: [{ startMs: 0, endMs: 500, calls: [0, 1, 2] }],
  });
  return { plan, trace };
}

/** Sequential with a 3000 ms deadline: s1 returns, s2 is cut by the deadline, s3 never starts. */
export function deadline(): Scenario {
  const plan = makePlan({
    settings: { strategy: 'sequential', deadlineMs: 3000 },
    calls: [
      { id: 's1', tool: 'step', latency: fixed(1000), output: 1 },
      { id: 's2', tool: 'step', latency: fixed(5000) },
      { id: 's3', tool: 'step', latency: fixed(1000) },
    ],
    dependencies: [],
  });
  const trace = makeTrace(plan, {
    outcome: 'deadline_exceeded',
    makespanMs: 3000,
    stop: { reason: 'deadline', atMs: 3000, by: null },
    calls: [
      { id: 's1', status: 'succeeded', attempts: [att(1, 0, 1000, 'ok')], turn: 0 },
      {
        id: 's2',
        status: 'cancelled',
        attempts: [att(1, 1000, 3000, 'cancelled', "cancelled at the plan's deadline (3000 ms)")],
        turn: 1,
        reason: { kind: 'deadline', atMs: 3000 },
      },
      { id: 's3', status: 'not_started', reason: { kind: 'deadline', atMs: 3000 }, finalMs: 3000 },
    ],
    turns: [
      { startMs: 0, endMs: 1000, calls: [0] },
      { startMs: 1000, endMs: 3000, calls: [1] },
    ],
  });
  return { plan, trace };
}

/** Waves: `h` hangs forever beside `fast`; `next` waits on it, `later` on `next`, and `other` never gets its wave. */
export function stuck(): Scenario {
  const plan = makePlan({
    calls: [
      { id: 'h', tool: 'legacy_api', latency: fixed(10), faults: [{ kind: 'timeout', probability: 1 }] },
      { id: 'fast', tool: 'cache_get', latency: fixed(10), output: 'hit' },
      { id: 'next', tool: 'use_it', latency: fixed(10) },
      { id: 'later', tool: 'use_fast', latency: fixed(10) },
      { id: 'other', tool: 'use_fast', latency: fixed(10) },
    ],
    dependencies: [dep('h', 'next'), dep('fast', 'later'), dep('next', 'later', true), dep('fast', 'other')],
  });
  const trace = makeTrace(plan, {
    outcome: 'stuck',
    makespanMs: null,
    calls: [
      { id: 'h', status: 'hung', attempts: [att(1, 0, null, 'hang', 'no response: it hung with no timeout and no deadline')] },
      { id: 'fast', status: 'succeeded', attempts: [att(1, 0, 10, 'ok')] },
      { id: 'next', status: 'not_started', wave: 1, reason: { kind: 'hung_upstream', waitingOn: 'h' }, finalMs: 10 },
      { id: 'later', status: 'not_started', wave: 2, reason: { kind: 'hung_upstream', waitingOn: 'next' }, finalMs: 10 },
      { id: 'other', status: 'not_started', wave: 1, reason: { kind: 'wave_held', by: 'h' }, finalMs: 10 },
    ],
    turns: [{ wave: 0, startMs: 0, endMs: null, calls: [0, 1] }],
  });
  return { plan, trace };
}

/** A sub-agent whose nested run is partial (n2 fails); `report` decides what the orchestrator sees. */
export function agent(report: 'explicit' | 'opaque'): Scenario {
  const nestedPlan = makePlan({
    name: 'Specialist',
    calls: [
      { id: 'n1', tool: 'lookup', latency: fixed(100), output: { price: 42 } },
      { id: 'n2', tool: 'lookup', latency: fixed(100), faults: [{ kind: 'error', message: 'not found', onAttempts: [1] }] },
    ],
    dependencies: [],
  });
  const nested = makeTrace(nestedPlan, {
    outcome: 'partial',
    makespanMs: 100,
    calls: [
      { id: 'n1', status: 'succeeded', attempts: [att(1, 0, 100, 'ok')] },
      { id: 'n2', status: 'failed', attempts: [att(1, 0, 100, 'error', 'not found')] },
    ],
    turns: [{ wave: 0, startMs: 0, endMs: 100, calls: [0, 1] }],
  });
  const plan = makePlan({
    calls: [{ id: 'sub', tool: 'research_agent', kind: 'agent', report, latency: fixed(0), plan: nestedPlan, output: { ignored: true } }],
    dependencies: [],
  });
  const status = report === 'explicit' ? 'partial' : 'succeeded';
  const trace = makeTrace(plan, {
    outcome: report === 'explicit' ? 'partial' : 'complete',
    makespanMs: 100,
    calls: [
      {
        id: 'sub',
        status,
        attempts: [
          att(
            1,
            0,
            100,
            report === 'explicit' ? 'partial' : 'ok',
            report === 'explicit' ? 'sub-agent finished partial: 1 succeeded, 1 failed' : 'sub-agent returned',
            { nested },
          ),
        ],
        ...(report === 'opaque' ? { hiddenFailures: 1 } : { warning: 'sub-agent finished partial: 1 succeeded, 1 failed' }),
      },
    ],
    turns: [{ wave: 0, startMs: 0, endMs: 100, calls: [0] }],
  });
  return { plan, trace };
}

/** A plan with no calls at all: no turn ever happens. */
export function empty(): Scenario {
  const plan = makePlan({ calls: [], dependencies: [] });
  return { plan, trace: makeTrace(plan, { outcome: 'complete', makespanMs: 0, calls: [], turns: [] }) };
}

export const SCENARIOS = {
  research,
  mixed,
  aborted,
  deadline,
  stuck,
  agentExplicit: () => agent('explicit'),
  agentOpaque: () => agent('opaque'),
  empty,
};
