// The canvas's derived model: waves and the critical path by typical latency.
import { describe, expect, it } from 'vitest';
import type { Latency } from '@/lib/plan';
import { typicalLatencyMs } from '@/lib/plan/latency';
import { edgeId, planModel } from './model';

const fixed = (ms: number): Latency => ({ kind: 'fixed', ms });
const call = (id: string, latency: Latency = fixed(100)) => ({ id, latency }) as never;
const dep = (from: string, to: string, optional = false) => ({ from, to, optional });

describe('typicalLatencyMs', () => {
  it.each([
    [{ kind: 'fixed', ms: 250 }, 250],
    [{ kind: 'uniform', minMs: 100, maxMs: 300 }, 200],
    [{ kind: 'lognormal', p50Ms: 400, p95Ms: 1200 }, 400],
  ] as const)('%o typically takes %d ms', (latency, ms) => {
    expect(typicalLatencyMs(latency)).toBe(ms);
  });
});

describe('planModel', () => {
  it('numbers waves from 0 and counts them', () => {
    const m = planModel({ calls: [call('a'), call('b'), call('c')], dependencies: [dep('a', 'b'), dep('b', 'c', true)] });
    expect([...m.waveOf]).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 2],
    ]);
    expect(m.waveCount).toBe(3);
  });

  it('marks the longest path by typical latency, calls and edges', () => {
    // search → fetch_slow → summary is longer than search → fetch_fast → summary.
    const m = planModel({
      calls: [
        call('search'),
        call('fetch_fast', fixed(50)),
        call('fetch_slow', { kind: 'uniform', minMs: 400, maxMs: 600 }),
        call('summary'),
      ],
      dependencies: [dep('search', 'fetch_fast'), dep('search', 'fetch_slow'), dep('fetch_fast', 'summary'), dep('fetch_slow', 'summary')],
    });
    expect(m.criticalPath).toEqual(['search', 'fetch_slow', 'summary']);
    expect(m.criticalMs).toBe(700);
    expect([...m.criticalCalls].sort()).toEqual(['fetch_slow', 'search', 'summary']);
    expect([...m.criticalEdges].sort()).toEqual([edgeId('fetch_slow', 'summary'), edgeId('search', 'fetch_slow')]);
  });

  it('marks nothing for an empty plan or one whose calls take no time', () => {
    expect(planModel({ calls: [], dependencies: [] }).criticalCalls.size).toBe(0);
    const zero = planModel({ calls: [call('a', fixed(0)), call('b', fixed(0))], dependencies: [dep('a', 'b')] });
    expect(zero.criticalCalls.size).toBe(0);
    expect(zero.criticalEdges.size).toBe(0);
  });
});
