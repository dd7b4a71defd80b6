// The value schemas the plan file is built from: times, factors, coordinates, call ids, JSON values, latencies, retry
// policies and canvas positions, each with the bounds of limits.ts and the messages parse.ts rephrases. Pure data.
import './zod-config';
import * as z from 'zod/mini';
import { BOUNDS, CALL_ID_PATTERN, LIMITS } from './limits';

const MAX_MS_MESSAGE = `must be at most ${BOUNDS.maxMs} (about ${(BOUNDS.maxMs / 86_400_000).toFixed(1)} days)`;
const MAX_FACTOR_MESSAGE = `must be at most ${BOUNDS.maxFactor}`;

/** A time or interval in ms: 0 to BOUNDS.maxMs. */
export const timeMs = z.number().check(z.minimum(0, 'must be at least 0'), z.maximum(BOUNDS.maxMs, MAX_MS_MESSAGE));
/** A time that must be positive (a lognormal median): above 0, at most BOUNDS.maxMs. */
export const positiveMs = z.number().check(z.gt(0, 'must be greater than 0'), z.maximum(BOUNDS.maxMs, MAX_MS_MESSAGE));
export const positiveOrNull = z.nullable(positiveMs);
/** A multiplier: 1 to BOUNDS.maxFactor. */
export const factor = z.number().check(z.minimum(1, 'must be at least 1'), z.maximum(BOUNDS.maxFactor, MAX_FACTOR_MESSAGE));
export const coordinate = z
  .number()
  .check(
    z.minimum(-BOUNDS.maxCoordinate, `must be at least -${BOUNDS.maxCoordinate}`),
    z.maximum(BOUNDS.maxCoordinate, `must be at most ${BOUNDS.maxCoordinate}`),
  );

// `__proto__` fits the pattern but cannot be a key of a JSON object (scenario faults, the CLI's `calls` report): refused.
export const callId = z.string().check(
  z.regex(CALL_ID_PATTERN, { message: 'must be an id: a letter or _ then up to 63 letters, digits, _ or -' }),
  z.refine((id) => id !== '__proto__', { message: 'must not be "__proto__" (a reserved name)' }),
);

/** Any JSON value (object keys are checked for __proto__ before zod runs, see parse.ts). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export const jsonValueSchema: z.ZodMiniType<JsonValue> = z.lazy(() =>
  z.union([
    z.string().check(z.maxLength(LIMITS.maxStringLength, `must be at most ${LIMITS.maxStringLength} characters`)),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(jsonValueSchema),
    z.record(z.string(), jsonValueSchema),
  ]),
);

export const latencySchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('fixed'), ms: timeMs }),
  z.strictObject({ kind: z.literal('uniform'), minMs: timeMs, maxMs: timeMs }).check(
    z.superRefine((l, ctx) => {
      if (l.minMs > l.maxMs) ctx.addIssue({ code: 'custom', path: ['maxMs'], message: `must not be less than minMs (${l.minMs})` });
    }),
  ),
  z.strictObject({ kind: z.literal('lognormal'), p50Ms: positiveMs, p95Ms: timeMs }).check(
    z.superRefine((l, ctx) => {
      if (!(l.p95Ms > l.p50Ms)) ctx.addIssue({ code: 'custom', path: ['p95Ms'], message: `must be greater than p50Ms (${l.p50Ms})` });
      // The spread sets how far the tail reaches: a draw can be p95Ms × (p95Ms / p50Ms)^2.9 (see docs/plan-format.md).
      else if (l.p50Ms > 0 && l.p95Ms > BOUNDS.maxFactor * l.p50Ms) {
        ctx.addIssue({
          code: 'custom',
          path: ['p95Ms'],
          message: `must be at most ${BOUNDS.maxFactor} × p50Ms (here ${BOUNDS.maxFactor * l.p50Ms} ms)`,
        });
      }
    }),
  ),
]);

/** A whole number as full zod's `.int()` makes it: a number, then the whole-number check, which alone carries the message. */
export const wholeNumber = () => z.number().check(z.int('must be a whole number'));

export const retrySchema = z
  .strictObject({
    maxAttempts: z._default(wholeNumber().check(z.minimum(1, 'must be at least 1'), z.maximum(100, 'must be at most 100')), 1),
    initialIntervalMs: z._default(timeMs, 1000),
    backoffCoefficient: z._default(factor, 2),
    /** Defaults to 100 × initialIntervalMs; read it through retryMaximumIntervalMs(). */
    maximumIntervalMs: z.optional(timeMs),
    jitter: z._default(z.enum(['none', 'full']), 'none'),
  })
  .check(
    z.superRefine((r, ctx) => {
      if (r.maximumIntervalMs !== undefined && r.maximumIntervalMs < r.initialIntervalMs) {
        ctx.addIssue({
          code: 'custom',
          path: ['maximumIntervalMs'],
          message: `must be at least initialIntervalMs (${r.initialIntervalMs})`,
        });
      }
    }),
  );

export const positionSchema = z.strictObject({ x: coordinate, y: coordinate });
