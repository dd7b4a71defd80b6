// fast-check arbitraries of the parts of a valid call, in parsed form: durations, small JSON values, latencies, retry
// policies, faults and their triggers, effects with their compensations, and on-failure policies. arbitrary.ts builds
// whole plans from them.
import fc from 'fast-check';
import type { Compensation, Effect, Fault, JsonValue, Latency, OnFailure, RetryPolicy } from '../schema';

/** A duration in ms: mostly whole numbers, now and then a real number (the engine never rounds times). `+ 0` turns -0 into 0. */
export function ms(max: number, min = 0): fc.Arbitrary<number> {
  return fc.oneof(
    { weight: 5, arbitrary: fc.integer({ min: Math.ceil(min), max }) },
    { weight: 1, arbitrary: fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((x) => x + 0) },
  );
}

/** Small JSON values with safe keys and no -0, so a JSON round-trip gives them back exactly. */
const jsonLeaf: fc.Arbitrary<JsonValue> = fc.oneof(
  fc.string({ maxLength: 16 }),
  fc.integer({ min: -1000, max: 1000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => x + 0),
  fc.boolean(),
  fc.constant(null),
);
const JSON_KEYS = ['title', 'url', 'rows', 'score', 'text', 'items', 'ok', 'total', 'max results', 'next-page'] as const;
export const { json: jsonValue } = fc.letrec<{ json: JsonValue }>((tie) => ({
  json: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    jsonLeaf,
    fc.array(tie('json'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom(...JSON_KEYS), tie('json'), { maxKeys: 3, noNullPrototype: true }),
  ),
}));
export const jsonObject: fc.Arbitrary<{ [key: string]: JsonValue }> = fc.dictionary(fc.constantFrom(...JSON_KEYS), jsonValue, {
  maxKeys: 3,
  noNullPrototype: true,
});

export function arbitraryLatency(fixedOnly = false): fc.Arbitrary<Latency> {
  // Whole numbers only for fixed-only plans, so closed-form sums are exact whatever the order of addition.
  if (fixedOnly) return fc.integer({ min: 0, max: 2000 }).map((v): Latency => ({ kind: 'fixed', ms: v }));
  const fixed = ms(2000).map((v): Latency => ({ kind: 'fixed', ms: v }));
  return fc.oneof(
    fixed,
    fc.tuple(ms(1000), ms(1000)).map(([a, b]): Latency => ({ kind: 'uniform', minMs: Math.min(a, b), maxMs: Math.max(a, b) })),
    // p95Ms stays within BOUNDS.maxFactor × p50Ms (the lognormal spread bound).
    fc
      .tuple(ms(1000, 1), ms(2000, 1))
      .map(([p50, extra]): Latency => ({ kind: 'lognormal', p50Ms: p50, p95Ms: Math.min(p50 + extra, 1000 * p50) })),
  );
}

export const arbitraryRetry: fc.Arbitrary<RetryPolicy> = fc
  .record({
    maxAttempts: fc.integer({ min: 1, max: 4 }),
    initialIntervalMs: ms(1000),
    backoffCoefficient: fc.constantFrom(1, 1.5, 2, 3),
    extraMaxMs: fc.option(ms(5000), { nil: null }),
    jitter: fc.constantFrom('none' as const, 'full' as const),
  })
  .map(({ maxAttempts, initialIntervalMs, backoffCoefficient, extraMaxMs, jitter }): RetryPolicy => ({
    maxAttempts,
    initialIntervalMs,
    backoffCoefficient,
    ...(extraMaxMs === null ? {} : { maximumIntervalMs: initialIntervalMs + extraMaxMs }),
    jitter,
  }));

/** A fresh value each time (fc.constant would hand every plan the same object, shared by reference). */
export function fresh<T>(make: () => T): fc.Arbitrary<T> {
  return fc.constant(null).map(make);
}

export const noRetry = fresh((): RetryPolicy => ({ maxAttempts: 1, initialIntervalMs: 1000, backoffCoefficient: 2, jitter: 'none' }));
export const noFaults = fresh((): Fault[] => []);

type Trigger = { probability: number } | { onAttempts: number[] };

const arbitraryTrigger: fc.Arbitrary<Trigger> = fc.oneof(
  fc
    .oneof(
      fc.constantFrom(0, 0.1, 0.5, 1),
      fc.double({ min: 0, max: 1, noNaN: true }).map((x) => x + 0),
    )
    .map((p): Trigger => ({ probability: p })),
  fc.uniqueArray(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 3 }).map((a): Trigger => ({ onAttempts: a })),
);

const ERROR_MESSAGES = [
  '503 Service Unavailable',
  '401 Unauthorized',
  'connection reset',
  'invalid JSON in response',
  'row lock timeout',
] as const;

/** One fault of any kind, with either a probability or onAttempts. */
export const arbitraryFault: fc.Arbitrary<Fault> = fc.oneof(
  fc
    .record({
      trigger: arbitraryTrigger,
      message: fc.constantFrom(...ERROR_MESSAGES),
      code: fc.option(fc.constantFrom('UNAVAILABLE', 'UNAUTHENTICATED', 'E_PARSE'), { nil: null }),
      retryable: fc.boolean(),
      applied: fc.option(fc.boolean(), { nil: null, freq: 3 }),
    })
    .map(({ trigger, message, code, retryable, applied }): Fault => ({
      kind: 'error',
      message,
      ...(code === null ? {} : { code }),
      retryable,
      ...(applied === null ? {} : { applied }),
      ...trigger,
    })),
  arbitraryTrigger.map((trigger): Fault => ({ kind: 'timeout', ...trigger })),
  fc.tuple(arbitraryTrigger, ms(3000)).map(([trigger, retryAfterMs]): Fault => ({ kind: 'rate_limit', retryAfterMs, ...trigger })),
  fc.tuple(arbitraryTrigger, fc.constantFrom(1, 1.5, 2, 4, 10)).map(([trigger, factor]): Fault => ({ kind: 'slow', factor, ...trigger })),
  fc
    .tuple(arbitraryTrigger, fc.option(fc.constantFrom('results truncated', 'only 3 of 10 pages'), { nil: null }))
    .map(([trigger, note]): Fault => ({ kind: 'partial', ...(note === null ? {} : { note }), ...trigger })),
);

export const arbitraryFaults = fc.array(arbitraryFault, { maxLength: 3 });

/** A compensation: like a call's policy, with no partial faults. */
export function arbitraryCompensation(fixedOnly: boolean): fc.Arbitrary<Compensation> {
  return fc
    .record({
      tool: fc.constantFrom('cancel_reservation', 'refund_payment', 'delete_ticket', 'send_email'),
      latency: arbitraryLatency(fixedOnly),
      timeoutMs: fc.option(ms(3000, 1), { nil: null }),
      retry: fc.oneof(noRetry, arbitraryRetry),
      faults: fc.array(
        arbitraryFault.filter((f) => f.kind !== 'partial'),
        { maxLength: 2 },
      ),
    })
    .map(({ tool, ...policy }): Compensation => ({ tool, input: {}, ...policy }));
}

export type EffectDraft = { effect: Effect; compensation: Compensation | null } | null;

export function arbitraryEffect(fixedOnly: boolean): fc.Arbitrary<EffectDraft> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant(null) },
    {
      weight: 2,
      arbitrary: fc
        .record({
          effect: fc.constantFrom<Effect>('none', 'idempotent', 'once'),
          compensation: fc.option(arbitraryCompensation(fixedOnly), { nil: null }),
        })
        .map((e): EffectDraft => (e.effect === 'none' ? { effect: 'none', compensation: null } : e)),
    },
  );
}

export const arbitraryOnFailure: fc.Arbitrary<OnFailure> = fc.oneof(
  { weight: 3, arbitrary: fc.constant('degrade' as const) },
  { weight: 1, arbitrary: fc.constant('abort' as const) },
  { weight: 1, arbitrary: fc.constant('ignore' as const) },
);
