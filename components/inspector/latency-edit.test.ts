import { describe, expect, it } from 'vitest';
import { latencySchema, type Latency } from '@/lib/plan';
import { typicalLatencyMs } from '@/lib/plan/latency';
import { convertLatency } from './latency-edit';

const samples: Latency[] = [
  { kind: 'fixed', ms: 350 },
  { kind: 'fixed', ms: 0 },
  { kind: 'uniform', minMs: 100, maxMs: 300 },
  { kind: 'uniform', minMs: 0, maxMs: 0 },
  { kind: 'lognormal', p50Ms: 600, p95Ms: 1500 },
  { kind: 'lognormal', p50Ms: 0.2, p95Ms: 0.3 },
];

describe('convertLatency', () => {
  it.each(samples.flatMap((l) => (['fixed', 'uniform', 'lognormal'] as const).map((k) => [l, k] as const)))(
    'turns %j into a valid %s latency',
    (l, kind) => {
      const next = convertLatency(l, kind);
      expect(next.kind).toBe(kind);
      expect(latencySchema.safeParse(next).success).toBe(true);
    },
  );
  it('keeps the median when it can', () => {
    expect(typicalLatencyMs(convertLatency({ kind: 'fixed', ms: 400 }, 'uniform'))).toBe(400);
    expect(typicalLatencyMs(convertLatency({ kind: 'uniform', minMs: 100, maxMs: 300 }, 'lognormal'))).toBe(200);
    expect(convertLatency({ kind: 'lognormal', p50Ms: 600, p95Ms: 1500 }, 'fixed')).toEqual({ kind: 'fixed', ms: 600 });
  });
  it('returns the same latency for its own kind', () => {
    const l: Latency = { kind: 'fixed', ms: 1 };
    expect(convertLatency(l, 'fixed')).toBe(l);
  });
});
