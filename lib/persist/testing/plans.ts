// Small valid plans for lib/persist tests, built through parsePlan so they are in parsed form. Test-only.
import { parsePlan, formatProblem } from '../../plan/parse';
import type { Plan } from '../../plan/schema';

/** A valid plan named `name` with `calls` fixed-latency calls chained one after another. */
export function samplePlan(name = 'Research question', calls = 2): Plan {
  const result = parsePlan({
    format: 'toolwave.plan',
    version: 1,
    name,
    calls: Array.from({ length: calls }, (_, i) => ({
      id: `call_${i}`,
      tool: 'web_search',
      latency: { kind: 'fixed', ms: 100 * (i + 1) },
    })),
    dependencies: Array.from({ length: Math.max(0, calls - 1) }, (_, i) => ({ from: `call_${i}`, to: `call_${i + 1}` })),
  });
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.plan;
}

/** Freezes a value and everything in it, so a test proves nobody mutated it. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
