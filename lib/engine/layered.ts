// Layered random DAG plans for benchmarks and tests, made deterministically from a seed. About √n waves, two or
// three upstreams a call, lognormal latencies, timeouts, 3 attempts with full jitter, every call `degrade`; a 2%
// retryable error, or with `faultHeavy` a 2–15% one per call, timeouts that cut about one attempt in twenty, and side
// effects on a quarter of the calls (the realistic shape the engine benchmark holds to its target).
import type { PlanInput } from '../plan/schema';
import { draw, hashString } from './random';

export interface LayeredOptions {
  calls: number;
  seed?: number;
  strategy?: 'waves' | 'eager' | 'sequential';
  maxConcurrency?: number | null;
  /** Errors of 2–15% per call, tighter timeouts, and side effects on a quarter of the calls. */
  faultHeavy?: boolean;
}

export function layeredPlan(opts: LayeredOptions): PlanInput {
  const n = opts.calls;
  const key = hashString(`layered:${n}:${opts.seed ?? 1}`);
  let j = 0;
  const u = () => draw(key, j++);
  const layers = Math.max(1, Math.round(Math.sqrt(n)));
  const perLayer = Math.ceil(n / layers);
  const layerOf = (i: number) => Math.floor(i / perLayer);
  const calls: PlanInput['calls'] = [];
  const dependencies: PlanInput['dependencies'] = [];
  for (let i = 0; i < n; i++) {
    const p50 = 50 + Math.floor(u() * 400);
    const heavy = opts.faultHeavy === true;
    const errorRate = heavy ? Math.round((0.02 + u() * 0.13) * 100) / 100 : 0.02;
    const effectDraw = heavy ? u() : 1;
    calls.push({
      id: `c${i}`,
      tool: ['web_search', 'fetch_url', 'db_query', 'http_api', 'code_run'][i % 5],
      latency: { kind: 'lognormal', p50Ms: p50, p95Ms: p50 * 3 },
      timeoutMs: heavy ? p50 * 3 : p50 * 4,
      retry: { maxAttempts: 3, initialIntervalMs: 100, backoffCoefficient: 2, maximumIntervalMs: 1000, jitter: 'full' },
      onFailure: 'degrade',
      faults: [{ kind: 'error', message: '503 Service Unavailable', retryable: true, probability: errorRate }],
      ...(effectDraw < 0.125 ? { effect: 'once' as const } : effectDraw < 0.25 ? { effect: 'idempotent' as const } : {}),
    });
    const layer = layerOf(i);
    if (layer === 0) continue;
    const prevStart = (layer - 1) * perLayer;
    const prevCount = Math.min(perLayer, n - prevStart);
    const ups = 2 + (u() < 0.5 ? 1 : 0);
    const chosen = new Set<number>();
    for (let k = 0; k < ups && chosen.size < prevCount; k++) chosen.add(prevStart + Math.floor(u() * prevCount));
    for (const from of chosen) dependencies.push({ from: `c${from}`, to: `c${i}` });
  }
  return {
    format: 'toolwave.plan',
    version: 1,
    name: `Layered ${n}-call plan`,
    settings: { strategy: opts.strategy ?? 'waves', maxConcurrency: opts.maxConcurrency ?? null, seed: opts.seed ?? 1 },
    calls,
    dependencies,
  };
}
