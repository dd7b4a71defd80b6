// For tests: a built-in example plan read from public/examples (as the page fetches it) and parsed; throws if it
// does not parse, so a broken example fails the test that reads it.
import { readFileSync } from 'node:fs';
import { parsePlan } from './parse';
import type { Plan } from './schema';

export function example(name: string): Plan {
  const r = parsePlan(JSON.parse(readFileSync(`public/examples/${name}.json`, 'utf8')));
  if (!r.ok) throw new Error(name);
  return r.plan;
}
