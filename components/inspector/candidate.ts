// A field's candidate plan: the edited plan when the schema accepts it, else the one message to show beside
// the field. The schema's problems carry full paths (`calls[3].retry.maxAttempts`); the field shows the one
// about itself as is, and any other (a rule across fields) with its path inside the call or the settings.
// Pure; tested in candidate.test.ts.
import type { Plan, Problem } from '@/lib/plan';
import type { Parsed } from './numbers';

export type Candidate = { ok: true; plan: Plan } | { ok: false; message: string };

export type EditOutcome = { ok: true; plan: Plan } | { ok: false; problems: readonly Problem[] };

/**
 * The problem a field shows: the one at its own path, else one inside it, else the first.
 * `base` is where the edited object sits (`calls[3]`, `settings`, `(plan)`), `field` its path below that.
 */
export function pickProblem(problems: readonly Problem[], base: string, field: string): string {
  const own = join(base, field);
  const exact = problems.find((p) => p.path === own);
  if (exact !== undefined) return exact.message;
  const inside = problems.find((p) => p.path.startsWith(`${own}.`) || p.path.startsWith(`${own}[`));
  const p = inside ?? problems[0];
  if (p === undefined) return 'is not valid';
  return `${relative(p.path, base)}: ${p.message}`;
}

function join(base: string, field: string): string {
  if (base === '' || base === '(plan)') return field;
  if (field === '') return base;
  return field.startsWith('[') ? `${base}${field}` : `${base}.${field}`;
}

/** `calls[3].retry.maximumIntervalMs` under `calls[3]` → `retry.maximumIntervalMs`. */
export function relative(path: string, base: string): string {
  if (base === '' || base === '(plan)') return path;
  if (path === base) return path;
  if (path.startsWith(`${base}.`)) return path.slice(base.length + 1);
  if (path.startsWith(`${base}[`)) return path.slice(base.length);
  return path;
}

export function toCandidate(result: EditOutcome, base: string, field: string): Candidate {
  return result.ok ? { ok: true, plan: result.plan } : { ok: false, message: pickProblem(result.problems, base, field) };
}

/** Parse the text first (its own message, e.g. "must be a number"), then build and check the edit. */
export function parsed<T>(value: Parsed<T>, build: (v: T) => Candidate): Candidate {
  return value.ok ? build(value.value) : { ok: false, message: value.message };
}
