// Data references in a call's input (docs/plan-format.md#data-references): `{{callId}}` and `{{callId.path.to.field}}` inside strings.
// The one parser of that syntax: the engine resolves with it, the editor highlights and checks with it. Pure text work.
import { formatPath } from './parse';
import type { JsonValue, Plan } from './schema';

// `{{`, optional spaces, a call id, `.segment`s (no dot, brace or space inside one), optional spaces, `}}`.
const REF_SOURCE = String.raw`\{\{\s*([A-Za-z_][A-Za-z0-9_-]{0,63})((?:\.[^.{}\s]+)*)\s*\}\}`;
const WHOLE_REF = new RegExp(`^${REF_SOURCE}$`);

/** One `{{…}}` found in a string. */
export interface ReferenceMatch {
  callId: string;
  /** Property path into the call's output: `{{search.results.0.url}}` → `['results', '0', 'url']`. */
  path: string[];
  /** The reference as written, braces included. */
  text: string;
  /** Offsets of `text` in the string (end exclusive). */
  start: number;
  end: number;
}

function toMatch(m: RegExpExecArray): ReferenceMatch {
  return {
    callId: m[1],
    path: m[2] === '' ? [] : m[2].slice(1).split('.'),
    text: m[0],
    start: m.index,
    end: m.index + m[0].length,
  };
}

/** Every reference in one string, left to right. */
export function scanReferences(s: string): ReferenceMatch[] {
  if (!s.includes('{{')) return [];
  const out: ReferenceMatch[] = [];
  const re = new RegExp(REF_SOURCE, 'g');
  for (let m = re.exec(s); m !== null; m = re.exec(s)) out.push(toMatch(m));
  return out;
}

/** The reference when the whole string is exactly one (it then stands for a JSON value, not text), else null. */
export function wholeReference(s: string): ReferenceMatch | null {
  const m = WHOLE_REF.exec(s);
  return m === null ? null : toMatch(m);
}

/** The string with each reference replaced by what `replace` returns for it (return `m.text` to keep one). */
export function mapReferences(s: string, replace: (m: ReferenceMatch) => string): string {
  if (!s.includes('{{')) return s;
  let out = '';
  let last = 0;
  for (const m of scanReferences(s)) {
    out += s.slice(last, m.start) + replace(m);
    last = m.end;
  }
  return last === 0 ? s : out + s.slice(last);
}

/** A reference found in a call's input, with where it sits. */
export interface Reference extends ReferenceMatch {
  /** Where the string holding it sits in the input: `query`, `filters.items[0]`, `["max results"]`. */
  jsonPath: string;
  /** The same location as segments: `['filters', 'items', 0]`. */
  at: (string | number)[];
}

/** The references found in a call's `input` strings (object keys are never references), in document order. */
export function references(input: { readonly [key: string]: JsonValue }): Reference[] {
  const out: Reference[] = [];
  // Iterative walk: input can be deep (up to LIMITS.maxJsonDepth) and we never want a stack overflow in a keystroke.
  const stack: { value: JsonValue; at: (string | number)[] }[] = [];
  const keys = Object.keys(input);
  for (let i = keys.length - 1; i >= 0; i--) stack.push({ value: input[keys[i]], at: [keys[i]] });
  while (stack.length > 0) {
    const { value, at } = stack.pop() as { value: JsonValue; at: (string | number)[] };
    if (typeof value === 'string') {
      for (const m of scanReferences(value)) out.push({ ...m, jsonPath: formatPath(at), at });
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], at: [...at, i] });
    } else if (value !== null && typeof value === 'object') {
      const ks = Object.keys(value);
      for (let i = ks.length - 1; i >= 0; i--) stack.push({ value: value[ks[i]], at: [...at, ks[i]] });
    }
  }
  return out;
}

/** A copy of a JSON value with every string passed through `f` (unchanged parts are shared, not copied). */
export function mapInputStrings<T extends JsonValue>(value: T, f: (s: string) => string): T;
export function mapInputStrings(value: JsonValue, f: (s: string) => string): JsonValue {
  if (typeof value === 'string') return f(value);
  if (Array.isArray(value)) {
    let changed = false;
    const next = value.map((v) => {
      const w = mapInputStrings(v, f);
      if (w !== v) changed = true;
      return w;
    });
    return changed ? next : value;
  }
  if (value !== null && typeof value === 'object') {
    let changed = false;
    const next: { [key: string]: JsonValue } = {};
    for (const [k, v] of Object.entries(value)) {
      const w = mapInputStrings(v, f);
      if (w !== v) changed = true;
      next[k] = w;
    }
    return changed ? next : value;
  }
  return value;
}

/**
 * `unknown call`: no call of the plan has that id (the text is sent as written);
 * `not upstream`: the call exists but there is no edge from it to this call (docs/review.md: an error, the call would be
 * made with missing information); null: the reference is sound.
 */
export type ReferenceProblem = 'unknown call' | 'not upstream' | null;

export interface CheckedReference {
  ref: Reference;
  problem: ReferenceProblem;
}

/** Checks each reference in one call's input against the plan: does the id exist, and is it a direct upstream? */
export function checkReferences(plan: Plan, callId: string): CheckedReference[] {
  const call = plan.calls.find((c) => c.id === callId);
  if (call === undefined) return [];
  const refs = references(call.input);
  if (refs.length === 0) return [];
  const ids = new Set(plan.calls.map((c) => c.id));
  const upstream = new Set(plan.dependencies.filter((d) => d.to === callId).map((d) => d.from));
  return refs.map((ref) => ({
    ref,
    problem: !ids.has(ref.callId) ? 'unknown call' : upstream.has(ref.callId) ? null : 'not upstream',
  }));
}
