// Switching a latency's kind keeps its centre: the new distribution has the same median as the old one.
// Pure; tested in latency-edit.test.ts.
import type { Latency } from '@/lib/plan';
import { typicalLatencyMs } from '@/lib/plan/latency';

const round = (x: number) => Math.round(x);

/** A valid latency of `kind` around the old one's median (a lognormal needs a median above 0: 100 ms then). */
export function convertLatency(l: Latency, kind: Latency['kind']): Latency {
  if (l.kind === kind) return l;
  const m = typicalLatencyMs(l);
  switch (kind) {
    case 'fixed':
      return { kind, ms: m };
    case 'uniform':
      return { kind, minMs: round(m * 0.5), maxMs: Math.max(round(m * 1.5), round(m * 0.5)) };
    case 'lognormal': {
      const p50Ms = m > 0 ? m : 100;
      return { kind, p50Ms, p95Ms: round(p50Ms * 2.5) > p50Ms ? round(p50Ms * 2.5) : p50Ms * 2.5 };
    }
  }
}
