// The faults a plan injects (docs/plan-format.md): each kind's fields and trigger (a probability or the attempts it
// hits), a list's caps, and a one-click injection's entry. Pure data.
import './zod-config';
import * as z from 'zod/mini';
import { BOUNDS, LIMITS } from './limits';
import { factor, positiveMs, timeMs, wholeNumber } from './field-schemas';

const faultTrigger = {
  probability: z.optional(z.number().check(z.minimum(0, 'must be between 0 and 1'), z.maximum(1, 'must be between 0 and 1'))),
  onAttempts: z.optional(
    z.array(wholeNumber().check(z.minimum(1, 'must be at least 1'))).check(
      z.minLength(1, 'must list at least one attempt'),
      z.maxLength(100, 'must list at most 100 attempts'),
      z.refine((a) => new Set(a).size === a.length, { message: 'must not repeat an attempt' }),
    ),
  ),
};

const faultKinds = [
  z.strictObject({
    kind: z.literal('error'),
    message: z.string().check(z.minLength(1, 'must not be empty'), z.maxLength(2000, 'must be at most 2000 characters')),
    code: z.optional(z.string().check(z.maxLength(200, 'must be at most 200 characters'))),
    retryable: z._default(z.boolean(), false),
    /** The service did the work, then failed to answer (a 500 after commit): the attempt's effect is applied. Absent: false. */
    applied: z.optional(z.boolean()),
    ...faultTrigger,
  }),
  z.strictObject({ kind: z.literal('timeout'), ...faultTrigger }),
  z.strictObject({ kind: z.literal('rate_limit'), retryAfterMs: timeMs, ...faultTrigger }),
  z.strictObject({ kind: z.literal('slow'), factor, ...faultTrigger }),
  z.strictObject({
    kind: z.literal('partial'),
    note: z.optional(z.string().check(z.maxLength(2000, 'must be at most 2000 characters'))),
    ...faultTrigger,
  }),
] as const;

export const FAULT_KINDS = ['error', 'timeout', 'rate_limit', 'slow', 'partial'] as const;

export const faultSchema = z.discriminatedUnion('kind', faultKinds).check(
  z.superRefine((f, ctx) => {
    const hasP = f.probability !== undefined;
    const hasA = f.onAttempts !== undefined;
    if (hasP === hasA) {
      ctx.addIssue({
        code: 'custom',
        message: hasP ? 'has both probability and onAttempts: give exactly one' : 'needs probability or onAttempts',
      });
    }
  }),
);

/**
 * A list of faults (a call's own, a scenario's for one call): at most maxFaultsPerCall, and its slow faults multiply
 * an attempt by at most BOUNDS.maxSlowProduct when they all fire.
 */
export const faultListSchema = z.array(faultSchema).check(
  z.maxLength(LIMITS.maxFaultsPerCall, `must have at most ${LIMITS.maxFaultsPerCall} faults`),
  z.superRefine((faults, ctx) => {
    let product = 1;
    for (const f of faults) if (f.kind === 'slow') product *= f.factor;
    // A factor past its own bound is reported at that factor; the product only speaks for factors that are each allowed.
    const each = faults.every((f) => f.kind !== 'slow' || (f.factor >= 1 && f.factor <= BOUNDS.maxFactor));
    if (each && product > BOUNDS.maxSlowProduct) {
      ctx.addIssue({
        code: 'custom',
        message: `the slow faults multiply an attempt by ${parseFloat(product.toPrecision(6))} when they all fire (at most ${BOUNDS.maxSlowProduct})`,
      });
    }
  }),
);

/**
 * The faults injected into one call by a one-click injection (docs/plan-format.md#injected-faults): kept apart from the
 * call's own faults and the scenarios, so a demo's "fail every attempt" never becomes part of the design. `timeoutMs`
 * gives a call with no timeout of its own one while the injection lasts (an injected timeout needs one to end).
 */
export const injectedEntrySchema = z.strictObject({
  faults: faultListSchema.check(z.minLength(1, 'must have at least 1 fault (leave the call out instead)')),
  timeoutMs: z.optional(positiveMs),
});
