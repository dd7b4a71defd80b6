// For tests: a built-in example plan read from public/examples (as the page fetches it) and parsed, and a plan built
// from the parts a test cares about. Both go through parsePlan like any user file and throw if the plan does not
// parse, so a broken plan fails the test that reads it.
import { readFileSync } from 'node:fs';
import { parsePlan } from './parse';
import type { Plan, PlanInput } from './schema';

export function example(name: string): Plan {
  const r = parsePlan(JSON.parse(readFileSync(`public/examples/${name}.json`, 'utf8')));
  if (!r.ok) throw new Error(name);
  return r.plan;
}

/** A plan named "Test plan" from its calls, dependencies and whatever else the test gives, every default filled in. */
export function testPlan(input: Omit<PlanInput, 'format' | 'version' | 'name'>): Plan {
  const r = parsePlan({ format: 'toolwave.plan', version: 1, name: 'Test plan', ...input });
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return r.plan;
}

/** A fixed latency of `ms`. */
export const fixed = (ms: number) => ({ kind: 'fixed' as const, ms });

/** The built-in examples' files in the order the gallery teaches them. */
export const TEACHING_ORDER = [
  'parallel-fetches.json',
  'sequential-chain.json',
  'research-agent.json',
  'flaky-api.json',
  'auth-abort.json',
  'subagent-incomplete.json',
  'book-a-trip.json',
  'double-charge.json',
];
