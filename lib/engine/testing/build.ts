// Test helper: terse plans for engine tests, validated through parsePlan like any user file.
import { parsePlan } from '../../plan/parse';
import type { Plan, PlanInput } from '../../plan/schema';

type CallInput = PlanInput['calls'][number];
export type CallSpec = Partial<CallInput> & { id: string; ms?: number };
/** `['a', 'b']` is a required edge a → b; `['a', 'b', 'optional']` an optional one. */
export type EdgeSpec = [string, string] | [string, string, 'optional'];

export function makePlan(
  calls: CallSpec[],
  edges: EdgeSpec[] = [],
  settings: PlanInput['settings'] = {},
  extra: Partial<PlanInput> = {},
): Plan {
  const input: PlanInput = {
    format: 'toolwave.plan',
    version: 1,
    name: 'test plan',
    settings,
    calls: calls.map(({ ms, ...c }) => ({ tool: 'tool', latency: { kind: 'fixed', ms: ms ?? 100 }, ...c })),
    dependencies: edges.map(([from, to, opt]) => ({ from, to, optional: opt === 'optional' })),
    ...extra,
  };
  const r = parsePlan(input);
  if (!r.ok) throw new Error(`invalid test plan: ${r.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  return r.plan;
}

/** Status, start and end of each call, for compact expectations. */
export function summary(trace: {
  calls: { id: string; status: string; startMs: number | null; endMs: number | null; attempts: unknown[] }[];
}) {
  return Object.fromEntries(
    trace.calls.map((c) => [c.id, { status: c.status, startMs: c.startMs, endMs: c.endMs, attempts: c.attempts.length }]),
  );
}
