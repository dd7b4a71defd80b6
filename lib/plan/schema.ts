// The plan file (docs/plan-format.md) as one zod schema: every boundary parses with it and every type is inferred from it.
// Pure data: no React, no DOM. Graph rules (unique ids, acyclic, …) live here too, as refinements.
import './zod-config';
import * as z from 'zod/mini';
import { describeCycle, findCycle } from './graph';
import { notesSchemaOf } from './notes-schema';

export const CALL_ID_PATTERN = /^[A-Za-z_][A-Za-z0-9_-]{0,63}$/;
export const UINT32_MAX = 4_294_967_295;

/** Hard caps that keep a hostile file from hanging the tab or the CLI (docs/plan-format.md#size-limits). */
export const LIMITS = {
  /** Bytes of plan text read at all. */
  maxBytes: 16 * 1024 * 1024,
  /** Calls in one plan (nested plans count separately, see maxTotalCalls). */
  maxCalls: 20_000,
  maxDependencies: 200_000,
  maxScenarios: 200,
  maxFaultsPerCall: 32,
  /** Calls across a plan and all its nested sub-agent plans. */
  maxTotalCalls: 50_000,
  /** Sub-agent nesting depth (a top plan is depth 0). */
  maxAgentDepth: 6,
  /** Worst-case attempts one run can make, nested retries multiplied out. */
  maxPotentialAttempts: 5_000_000,
  /** Nesting depth of any JSON value (input/output objects included). */
  maxJsonDepth: 64,
  maxStringLength: 100_000,
} as const;

/**
 * Upper bounds on every time and factor, so that no sum over a plan within LIMITS can overflow or blur: the worst
 * run they allow stays below 1e46 ms, far below Number.MAX_VALUE. docs/plan-format.md, "Bounds", works it out.
 */
export const BOUNDS = {
  /** Every time and interval, ms: 1e9 ms is about 11.6 days. */
  maxMs: 1_000_000_000,
  /** A slow fault's factor, a retry's backoffCoefficient, and a lognormal latency's p95Ms / p50Ms. */
  maxFactor: 1000,
  /** What the slow faults of one list multiply an attempt's latency by when they all fire. */
  maxSlowProduct: 1000,
  /** A canvas coordinate, px from the origin either way. */
  maxCoordinate: 1_000_000_000,
} as const;

const MAX_MS_MESSAGE = `must be at most ${BOUNDS.maxMs} (about ${(BOUNDS.maxMs / 86_400_000).toFixed(1)} days)`;
const MAX_FACTOR_MESSAGE = `must be at most ${BOUNDS.maxFactor}`;

/** A time or interval in ms: 0 to BOUNDS.maxMs. */
const timeMs = z.number().check(z.minimum(0, 'must be at least 0'), z.maximum(BOUNDS.maxMs, MAX_MS_MESSAGE));
/** A time that must be positive (a lognormal median): above 0, at most BOUNDS.maxMs. */
const positiveMs = z.number().check(z.gt(0, 'must be greater than 0'), z.maximum(BOUNDS.maxMs, MAX_MS_MESSAGE));
const positiveOrNull = z.nullable(positiveMs);
/** A multiplier: 1 to BOUNDS.maxFactor. */
const factor = z.number().check(z.minimum(1, 'must be at least 1'), z.maximum(BOUNDS.maxFactor, MAX_FACTOR_MESSAGE));
const coordinate = z
  .number()
  .check(
    z.minimum(-BOUNDS.maxCoordinate, `must be at least -${BOUNDS.maxCoordinate}`),
    z.maximum(BOUNDS.maxCoordinate, `must be at most ${BOUNDS.maxCoordinate}`),
  );

// `__proto__` fits the pattern but cannot be a key of a JSON object (scenario faults, the CLI's `calls` report): refused.
const callId = z.string().check(
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
const wholeNumber = () => z.number().check(z.int('must be a whole number'));

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

export const positionSchema = z.strictObject({ x: coordinate, y: coordinate });

export const settingsSchema = z.strictObject({
  strategy: z._default(z.enum(['waves', 'eager', 'sequential']), 'waves'),
  maxConcurrency: z._default(z.nullable(wholeNumber().check(z.minimum(1, 'must be at least 1'))), null),
  modelTurnMs: z._default(timeMs, 0),
  deadlineMs: z._default(positiveOrNull, null),
  seed: z._default(wholeNumber().check(z.minimum(0, 'must be at least 0'), z.maximum(UINT32_MAX, `must be at most ${UINT32_MAX}`)), 1),
  scenario: z._default(z.nullable(callId), null),
});

export const dependencySchema = z.strictObject({
  from: callId,
  to: callId,
  optional: z._default(z.boolean(), false),
});

export const scenarioSchema = z.strictObject({
  id: callId,
  name: z.string().check(z.minLength(1, 'must not be empty'), z.maxLength(200, 'must be at most 200 characters')),
  faults: z.record(callId, faultListSchema),
});

/**
 * The faults injected into one call by a one-click injection (docs/plan-format.md#injected-faults): kept apart from the
 * call's own faults and the scenarios, so a demo's "fail every attempt" never becomes part of the design. `timeoutMs`
 * gives a call with no timeout of its own one while the injection lasts (an injected timeout needs one to end).
 */
export const injectedEntrySchema = z.strictObject({
  faults: faultListSchema.check(z.minLength(1, 'must have at least 1 fault (leave the call out instead)')),
  timeoutMs: z.optional(positiveMs),
});

const toolName = z.string().check(z.minLength(1, 'must not be empty'), z.maxLength(64, 'must be at most 64 characters'));
const labelText = z.optional(z.string().check(z.maxLength(200, 'must be at most 200 characters')));
const inputObject = z._default(z.record(z.string(), jsonValueSchema), {});
const faultList = z._default(faultListSchema, []);
const defaultRetry = () => ({ maxAttempts: 1, initialIntervalMs: 1000, backoffCoefficient: 2, jitter: 'none' as const });

/** What a call does to the world: reads only, writes idempotently (safe to repeat), or writes on every attempt. */
export const EFFECTS = ['none', 'idempotent', 'once'] as const;

/**
 * The call that undoes a call's effect when the plan stops (see docs/side-effects.md): it runs like a call, with
 * the same field rules and defaults, but it cannot return a partial result.
 */
export const compensationSchema = z
  .strictObject({
    tool: toolName,
    label: labelText,
    input: inputObject,
    latency: latencySchema,
    timeoutMs: z._default(positiveOrNull, null),
    retry: z._default(retrySchema, defaultRetry),
    faults: faultList,
  })
  .check(
    z.superRefine((c, ctx) => {
      c.faults.forEach((f, k) => {
        if (f.kind === 'partial') {
          ctx.addIssue({
            code: 'custom',
            path: ['faults', k, 'kind'],
            message: 'a compensation cannot return a partial result: use error, timeout, rate_limit or slow',
          });
        }
      });
    }),
  );

const callFields = {
  id: callId,
  tool: toolName,
  label: labelText,
  input: inputObject,
  output: z.optional(jsonValueSchema),
  /** The result it returns when it runs degraded (an optional input missing); absent: `output`. */
  degradedOutput: z.optional(jsonValueSchema),
  latency: latencySchema,
  timeoutMs: z._default(positiveOrNull, null),
  retry: z._default(retrySchema, defaultRetry),
  onFailure: z._default(z.enum(['degrade', 'abort', 'ignore']), 'degrade'),
  faults: faultList,
  /** Absent means "none" (read it through effectOf), so plans written before side effects existed read back unchanged. */
  effect: z.optional(z.enum(EFFECTS)),
  compensation: z.optional(compensationSchema),
  kind: z._default(z.enum(['tool', 'agent']), 'tool'),
  report: z._default(z.enum(['explicit', 'opaque']), 'explicit'),
  position: z.optional(positionSchema),
};

/**
 * `schema.check(...checks)` as full zod does it: the def is copied with its property descriptors, so the `plan`
 * getter below is not run before planSchema exists (zod/mini's own check spreads the def, which reads the shape).
 */
function withChecks<S extends z.ZodMiniType>(schema: S, ...checks: z.core.$ZodCheck<z.output<S>>[]): S {
  return schema.clone(z.util.mergeDefs(schema.def, { checks: [...(schema.def.checks ?? []), ...checks] }), { parent: true });
}

const toolCallObject = z.strictObject({
  ...callFields,
  get plan() {
    return z.optional(planSchema);
  },
});

export const toolCallSchema: typeof toolCallObject = withChecks(
  toolCallObject,
  z.superRefine((c: z.output<typeof toolCallObject>, ctx) => {
    if (c.kind === 'agent' && c.plan === undefined) {
      ctx.addIssue({ code: 'custom', path: ['plan'], message: 'is required for a call of kind "agent"' });
    }
    if (c.kind === 'tool' && c.plan !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['plan'], message: 'is only allowed on a call of kind "agent"' });
    }
    if (c.compensation !== undefined && (c.effect ?? 'none') === 'none') {
      ctx.addIssue({ code: 'custom', path: ['compensation'], message: 'only a call with an effect can have a compensation' });
    }
  }),
);

const planObject = z.strictObject({
  format: z.literal('toolwave.plan', { message: 'must be "toolwave.plan"' }),
  version: z.literal(1, { message: 'must be 1' }),
  name: z.string().check(z.minLength(1, 'must not be empty'), z.maxLength(200, 'must be at most 200 characters')),
  description: z.optional(z.string().check(z.maxLength(5000, 'must be at most 5000 characters'))),
  settings: z._default(settingsSchema, {
    strategy: 'waves',
    maxConcurrency: null,
    modelTurnMs: 0,
    deadlineMs: null,
    seed: 1,
    scenario: null,
  }),
  get calls() {
    return z.array(toolCallSchema).check(z.maxLength(LIMITS.maxCalls, `must have at most ${LIMITS.maxCalls} calls`));
  },
  dependencies: z
    .array(dependencySchema)
    .check(z.maxLength(LIMITS.maxDependencies, `must have at most ${LIMITS.maxDependencies} dependencies`)),
  scenarios: z._default(
    z.array(scenarioSchema).check(z.maxLength(LIMITS.maxScenarios, `must have at most ${LIMITS.maxScenarios} scenarios`)),
    [],
  ),
  /** One-click injected faults by call id; absent when there are none (a plan without any is written without the key). */
  injected: z.optional(z.record(callId, injectedEntrySchema)),
  /** Sticky notes on the canvas (docs/plan-format.md#notes); absent when there are none. Never read by a run. */
  notes: z.optional(notesSchemaOf(positionSchema, callId)),
});

type PlanShape = z.output<typeof planObject>;

/** The graph rules (docs/plan-format.md#graph-rules): unique ids, resolvable edges, no self or duplicate edge, acyclic, scenarios consistent. */
function checkGraph(plan: PlanShape, ctx: z.core.$RefinementCtx<PlanShape>): void {
  const index = new Map<string, number>();
  plan.calls.forEach((c, i) => {
    const first = index.get(c.id);
    if (first !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['calls', i, 'id'], message: `duplicate id "${c.id}" (also calls[${first}])` });
    } else {
      index.set(c.id, i);
    }
  });
  const seen = new Set<string>();
  let edgesOk = true;
  plan.dependencies.forEach((d, i) => {
    let ok = true;
    if (!index.has(d.from)) {
      ctx.addIssue({ code: 'custom', path: ['dependencies', i, 'from'], message: `unknown call id "${d.from}"` });
      ok = false;
    }
    if (!index.has(d.to)) {
      ctx.addIssue({ code: 'custom', path: ['dependencies', i, 'to'], message: `unknown call id "${d.to}"` });
      ok = false;
    }
    if (d.from === d.to) {
      ctx.addIssue({ code: 'custom', path: ['dependencies', i], message: `self-edge: "${d.from}" cannot need its own output` });
      ok = false;
    }
    const key = `${d.from}\u0000${d.to}`;
    if (ok && seen.has(key)) {
      ctx.addIssue({ code: 'custom', path: ['dependencies', i], message: `duplicate edge ${d.from} → ${d.to}` });
      ok = false;
    }
    seen.add(key);
    edgesOk &&= ok;
  });
  if (edgesOk) {
    const cycle = findCycle(
      plan.calls.map((c) => c.id),
      plan.dependencies,
    );
    if (cycle) {
      const at = plan.dependencies.findIndex((d) => d.from === cycle[0] && d.to === cycle[1]);
      ctx.addIssue({ code: 'custom', path: ['dependencies', at], message: describeCycle(cycle) });
    }
  }
  const scenarioIds = new Set<string>();
  plan.scenarios.forEach((s, i) => {
    if (scenarioIds.has(s.id)) {
      ctx.addIssue({ code: 'custom', path: ['scenarios', i, 'id'], message: `duplicate scenario id "${s.id}"` });
    }
    scenarioIds.add(s.id);
    for (const key of Object.keys(s.faults)) {
      if (!index.has(key)) {
        ctx.addIssue({ code: 'custom', path: ['scenarios', i, 'faults', key], message: `unknown call id "${key}"` });
      }
    }
  });
  for (const key of Object.keys(plan.injected ?? {})) {
    if (!index.has(key)) ctx.addIssue({ code: 'custom', path: ['injected', key], message: `unknown call id "${key}"` });
  }
  if (plan.settings.scenario !== null && !scenarioIds.has(plan.settings.scenario)) {
    ctx.addIssue({ code: 'custom', path: ['settings', 'scenario'], message: `unknown scenario "${plan.settings.scenario}"` });
  }
}

export const planSchema = planObject.check(z.superRefine(checkGraph));

export type Plan = z.output<typeof planSchema>;
export type PlanInput = z.input<typeof planSchema>;
export type ToolCall = Plan['calls'][number];
export type Settings = Plan['settings'];
export type Dependency = Plan['dependencies'][number];
export type Scenario = Plan['scenarios'][number];
export type Fault = ToolCall['faults'][number];
export type InjectedEntry = z.output<typeof injectedEntrySchema>;
export type FaultKind = Fault['kind'];
export type Latency = ToolCall['latency'];
export type RetryPolicy = ToolCall['retry'];
export type Strategy = Settings['strategy'];
export type OnFailure = ToolCall['onFailure'];
export type Effect = (typeof EFFECTS)[number];
export type Compensation = z.output<typeof compensationSchema>;
export type Note = NonNullable<Plan['notes']>[number];

/** A call's effect, "none" when the plan does not say. */
export function effectOf(call: Pick<ToolCall, 'effect'>): Effect {
  return call.effect ?? 'none';
}

/** maximumIntervalMs defaults to 100 × initialIntervalMs. */
export function retryMaximumIntervalMs(r: RetryPolicy): number {
  return r.maximumIntervalMs ?? 100 * r.initialIntervalMs;
}
