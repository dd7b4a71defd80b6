// A latency's typical value, for display and for the plan's critical path: never used to sample.
import type { Latency } from './schema';

/** The latency a call usually takes: fixed ms, the uniform midpoint, the lognormal median. */
export function typicalLatencyMs(l: Latency): number {
  switch (l.kind) {
    case 'fixed':
      return l.ms;
    case 'uniform':
      return (l.minMs + l.maxMs) / 2;
    case 'lognormal':
      return l.p50Ms;
  }
}
