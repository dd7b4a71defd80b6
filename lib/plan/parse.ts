// The one way into a Plan from untrusted data (file, link, storage, CLI): never throws, always says what is wrong and where.
import type * as z from 'zod/mini';
import { FAULT_KINDS, LIMITS, planSchema, type Plan } from './schema';

export interface Problem {
  /** `calls[2].retry.maxAttempts`; `(plan)` for the document itself. */
  path: string;
  message: string;
}

export type ParseResult = { ok: true; plan: Plan } | { ok: false; problems: Problem[] };

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `['calls', 2, 'retry']` → `calls[2].retry`; keys that are not identifiers are quoted: `input["a b"]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else {
      const key = String(seg);
      if (IDENT.test(key)) out += out === '' ? key : `.${key}`;
      else out += `[${JSON.stringify(key)}]`;
    }
  }
  return out === '' ? '(plan)' : out;
}

export function formatProblem(p: Problem): string {
  return `${p.path}: ${p.message}`;
}

function describeType(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return 'a string';
  return `a ${typeof v}`;
}

const EXPECTED: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'a string',
  boolean: 'true or false',
  object: 'an object',
  array: 'an array',
  record: 'an object',
  null: 'null',
};

function issueToProblems(issue: z.core.$ZodIssue, prefix: readonly PropertyKey[]): Problem[] {
  const path = prefix.length === 0 ? issue.path : [...prefix, ...issue.path];
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((k) => ({ path: formatPath([...path, k]), message: 'unknown key (not part of the plan format)' }));
    case 'invalid_type': {
      if (input === undefined && path.length > 0) return [{ path: formatPath(path), message: 'is required' }];
      if (typeof input === 'number' && !Number.isFinite(input))
        return [{ path: formatPath(path), message: `must be a finite number, not ${input}` }];
      if (issue.expected === 'int' && typeof input === 'number')
        return [{ path: formatPath(path), message: `must be a whole number, not ${input}` }];
      const want = EXPECTED[issue.expected] ?? issue.expected;
      return [{ path: formatPath(path), message: `must be ${want}, not ${describeType(input)}` }];
    }
    case 'invalid_union': {
      const note = (issue as { note?: string }).note;
      const options = (issue as { options?: unknown[] }).options;
      if (note === 'No matching discriminator') {
        const kind = input !== null && typeof input === 'object' ? (input as Record<string, unknown>).kind : undefined;
        const last = path[path.length - 1];
        const target = last === 'kind' ? path : [...path, 'kind'];
        const parentIsFault = target.includes('faults');
        const what = parentIsFault ? 'fault kind' : 'latency kind';
        const list = (options ?? (parentIsFault ? [...FAULT_KINDS] : ['fixed', 'uniform', 'lognormal'])).join(', ');
        if (kind === undefined) return [{ path: formatPath(target), message: `is required: one of ${list}` }];
        return [{ path: formatPath(target), message: `unknown ${what} ${JSON.stringify(kind)}; expected one of ${list}` }];
      }
      return [
        {
          path: formatPath(path),
          message: `must be JSON data (a string, number, true/false, null, array or object), not ${describeType(input)}`,
        },
      ];
    }
    case 'invalid_key': {
      // A record key that fails its own schema (a scenario's faults keyed by something that is not a call id).
      const inner = issue.issues.map((i) => i.message).join('; ');
      return [{ path: formatPath(path), message: `is not a valid key: ${inner}` }];
    }
    case 'invalid_value': {
      const values = issue.values.map((v) => JSON.stringify(v)).join(', ');
      const custom = issue.message.startsWith('Invalid') ? null : issue.message;
      return [{ path: formatPath(path), message: custom ?? `must be one of ${values}, not ${JSON.stringify(input)}` }];
    }
    case 'too_small':
    case 'too_big': {
      if (!issue.message.startsWith('Too ')) return [{ path: formatPath(path), message: issue.message }];
      const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      const word = issue.code === 'too_small' ? 'least' : 'most';
      const unit = issue.origin === 'array' ? ' items' : issue.origin === 'string' ? ' characters' : '';
      return [{ path: formatPath(path), message: `must have at ${word} ${String(bound)}${unit}` }];
    }
    case 'invalid_format':
    case 'custom':
    default:
      return [{ path: formatPath(path), message: issue.message }];
  }
}

/**
 * Zod issues as problems with readable paths and messages. `prefix` places them in a plan when a part was validated
 * on its own (a call checked by toolCallSchema sits at `['calls', 3]`).
 */
export function issuesToProblems(issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[] = []): Problem[] {
  return dedupe(issues.flatMap((issue) => issueToProblems(issue, prefix)));
}

/**
 * Walks untrusted JSON without recursion: depth, string length and `__proto__` keys, before zod sees it.
 * `prefix` is where the value sits in a plan (depth counts from the plan's root).
 */
export function precheckJson(data: unknown, prefix: readonly PropertyKey[] = []): Problem[] {
  const problems: Problem[] = [];
  const stack: { value: unknown; path: PropertyKey[] }[] = [{ value: data, path: [...prefix] }];
  let visited = 0;
  while (stack.length > 0 && problems.length < 50) {
    const { value, path } = stack.pop() as { value: unknown; path: PropertyKey[] };
    if (++visited > 5_000_000) {
      problems.push({ path: '(plan)', message: 'has too many values to read' });
      break;
    }
    if (typeof value === 'string') {
      if (value.length > LIMITS.maxStringLength) {
        problems.push({ path: formatPath(path), message: `is too long: ${value.length} characters (at most ${LIMITS.maxStringLength})` });
      }
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (path.length >= LIMITS.maxJsonDepth) {
      problems.push({ path: formatPath(path), message: `is nested too deeply (at most ${LIMITS.maxJsonDepth} levels)` });
      continue;
    }
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: [...path, i] });
      continue;
    }
    const keys = Object.keys(value);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i];
      if (key === '__proto__') {
        problems.push({ path: formatPath([...path, key]), message: 'is not allowed: "__proto__" is a reserved key' });
        continue;
      }
      stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
  return problems;
}

interface Tally {
  total: number;
  potential: number;
  problems: Problem[];
}

/** Nesting depth, total calls and worst-case attempts across sub-agent plans: the limits no per-field rule sees. */
function checkNesting(plan: Plan, prefix: PropertyKey[], depth: number, tally: Tally): number {
  tally.total += plan.calls.length;
  let potential = 0;
  plan.calls.forEach((call, i) => {
    let per = 1;
    if (call.kind === 'agent' && call.plan) {
      const at = [...prefix, 'calls', i, 'plan'];
      if (depth + 1 > LIMITS.maxAgentDepth) {
        tally.problems.push({ path: formatPath(at), message: `nests sub-agents too deeply (at most ${LIMITS.maxAgentDepth} levels)` });
      } else {
        per = Math.max(1, checkNesting(call.plan, at, depth + 1, tally));
      }
    }
    potential += call.retry.maxAttempts * per + (call.compensation?.retry.maxAttempts ?? 0);
  });
  return potential;
}

/** The whole-plan limits no per-field rule sees: sub-agent depth, calls counted with sub-agents, worst-case attempts. */
export function checkPlanLimits(plan: Plan): Problem[] {
  const tally: Tally = { total: 0, potential: 0, problems: [] };
  tally.potential = checkNesting(plan, [], 0, tally);
  if (tally.total > LIMITS.maxTotalCalls) {
    tally.problems.push({ path: '(plan)', message: `has ${tally.total} calls with its sub-agents (at most ${LIMITS.maxTotalCalls})` });
  }
  if (tally.potential > LIMITS.maxPotentialAttempts) {
    tally.problems.push({
      path: '(plan)',
      message: `could make ${tally.potential} attempts in one run once nested retries multiply (at most ${LIMITS.maxPotentialAttempts})`,
    });
  }
  return tally.problems;
}

/** Validates already-decoded JSON as a plan. Never throws. */
export function parsePlan(data: unknown): ParseResult {
  try {
    const pre = precheckJson(data);
    if (pre.length > 0) return { ok: false, problems: pre };
    const result = planSchema.safeParse(data, { reportInput: true });
    if (!result.success) return { ok: false, problems: issuesToProblems(result.error.issues) };
    const limits = checkPlanLimits(result.data);
    if (limits.length > 0) return { ok: false, problems: limits };
    return { ok: true, plan: result.data };
  } catch (err) {
    const reason = err instanceof RangeError ? 'is too deeply nested to read' : 'could not be read';
    return { ok: false, problems: [{ path: '(plan)', message: reason }] };
  }
}

/** The text without one leading byte-order mark (U+FEFF), which some editors write at the start of a UTF-8 file. */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Decodes and validates plan text (a file, a decoded link, a stored entry), with the byte cap first; one leading
 * byte-order mark is skipped, as browsers do when they read a file. Never throws.
 */
export function parsePlanText(raw: string): ParseResult {
  const text = withoutBom(raw);
  if (text.length > LIMITS.maxBytes) {
    return { ok: false, problems: [{ path: '(plan)', message: `is too large: ${text.length} characters (at most ${LIMITS.maxBytes})` }] };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const detail = err instanceof Error ? err.message : 'unreadable';
    return { ok: false, problems: [{ path: '(plan)', message: `is not valid JSON: ${detail}` }] };
  }
  return parsePlan(data);
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = formatProblem(p);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Serialises a plan as the canonical file text (what export writes and parse reads back). */
export function serializePlan(plan: Plan): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}
