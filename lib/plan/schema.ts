// The plan file (docs/plan-format.md) as one zod schema: every boundary parses with it and every type is inferred from it.
// Pure data: no React, no DOM. Graph rules (unique ids, acyclic, …) live here too, as refinements. The limits, value
// and fault schemas it is built from are in limits.ts, field-schemas.ts and fault-schemas.ts (re-exported here).
import './zod-config';
import * as z from 'zod/mini';
import { describeCycle, findCycle } from './graph';
import { notesSchemaOf } from './notes-schema';
import { faultListSchema, injectedEntrySchema } from './fault-schemas';
import { callId, jsonValueSchema, latencySchema, positionSchema, positiveOrNull, retrySchema, timeMs, wholeNumber } from './field-schemas';
import { LIMITS, UINT32_MAX } from './limits';

export { BOUNDS, CALL_ID_PATTERN, LIMITS, UINT32_MAX } from './limits';
export { jsonValueSchema, latencySchema, positionSchema, retrySchema, type JsonValue } from './field-schemas';
export { FAULT_KINDS, faultListSchema, faultSchema, injectedEntrySchema } from './fault-schemas';

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
  /** Absent: every setting at its own default. */
  settings: z._default(settingsSchema, () => settingsSchema.parse({})),
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
