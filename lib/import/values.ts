// JSON values taken from a recorded run, made safe and small enough for a plan: capped strings, arrays and depth,
// no `__proto__` keys, text that is JSON parsed. Pure data work: never throws, never evaluates anything.
import type { JsonValue } from '../plan/schema';

export type JsonObject = { [key: string]: JsonValue };

/** Size caps for what a run's arguments and results become in the plan (the plan's own LIMITS are far larger). */
export const VALUE_CAPS = {
  /** Longest string kept whole in a call's input; longer ones are cut and marked. */
  inputString: 2_000,
  /** Longest string kept whole in a call's sample output. */
  outputString: 1_000,
  /** Items kept from an array, keys kept from an object. */
  arrayItems: 50,
  objectKeys: 100,
  /** Nesting kept; deeper values become a short note. */
  depth: 24,
  /** Characters of a whole sample output once serialised; past it, strings are cut harder. */
  outputChars: 8_000,
  /** An error message, as the plan's error faults allow. */
  message: 2_000,
} as const;

const ELLIPSIS = '…';

/** The string cut to `max` characters, marked as cut and how long it was. */
export function cutString(s: string, max: number): string {
  if (s.length <= max) return s;
  return `${s.slice(0, max)}${ELLIPSIS} (cut: ${s.length} characters in all)`;
}

interface CapOptions {
  stringMax: number;
  arrayItems: number;
  objectKeys: number;
  depth: number;
}

function capValue(value: unknown, o: CapOptions, depth: number): JsonValue {
  if (value === null) return null;
  if (typeof value === 'string') return cutString(value, o.stringMax);
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'object') return null;
  if (depth >= o.depth) return '(nested too deeply to keep)';
  if (Array.isArray(value)) return value.slice(0, o.arrayItems).map((v) => capValue(v, o, depth + 1));
  const out: JsonObject = {};
  let kept = 0;
  for (const [k, v] of Object.entries(value)) {
    if (k === '__proto__' || v === undefined) continue;
    if (kept++ >= o.objectKeys) break;
    out[k] = capValue(v, o, depth + 1);
  }
  return out;
}

/** Any decoded JSON as a JsonValue a plan accepts, with the given string cap. */
export function capJson(value: unknown, stringMax: number): JsonValue {
  return capValue(value, { stringMax, arrayItems: VALUE_CAPS.arrayItems, objectKeys: VALUE_CAPS.objectKeys, depth: VALUE_CAPS.depth }, 0);
}

/** Text that holds JSON (an object, an array, a number, a quoted string…) decoded; anything else stays text. */
export function parseJsonText(text: string): JsonValue | string {
  const t = text.trim();
  if (t === '') return text;
  const first = t[0];
  if (!(
    first === '{' ||
    first === '[' ||
    first === '"' ||
    first === '-' ||
    (first >= '0' && first <= '9') ||
    t === 'true' ||
    t === 'false' ||
    t === 'null'
  )) {
    return text;
  }
  try {
    const parsed: unknown = JSON.parse(t);
    return capJson(parsed, Number.MAX_SAFE_INTEGER);
  } catch {
    return text;
  }
}

/** A call's arguments as a plan input: an object as is, JSON text decoded; anything else is kept under `value`. */
export function toInput(raw: unknown): { input: JsonObject; note: string | null } {
  let value: unknown = raw;
  if (typeof raw === 'string') value = parseJsonText(raw);
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return { input: {}, note: null };
  const capped = capJson(value, VALUE_CAPS.inputString);
  if (capped !== null && typeof capped === 'object' && !Array.isArray(capped)) return { input: capped, note: null };
  return { input: { value: capped }, note: 'arguments were not a JSON object: kept under input.value' };
}

/** A result as a sample output: JSON text decoded, strings, arrays and depth capped, the whole kept under a budget. */
export function toOutput(raw: unknown): JsonValue {
  const value = typeof raw === 'string' ? parseJsonText(raw) : raw;
  let out = capJson(value, VALUE_CAPS.outputString);
  for (const max of [200, 40]) {
    if (JSON.stringify(out).length <= VALUE_CAPS.outputChars) break;
    out = capValue(value, { stringMax: max, arrayItems: 10, objectKeys: 30, depth: 8 }, 0);
  }
  if (JSON.stringify(out).length > VALUE_CAPS.outputChars) out = cutString(JSON.stringify(out), VALUE_CAPS.outputChars);
  return out;
}

/** The text of a message content: a string, or the `text` of its text blocks joined. */
export function contentText(content: unknown): string | null {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return null;
  const parts: string[] = [];
  for (const block of content) {
    if (typeof block === 'string') parts.push(block);
    else if (block !== null && typeof block === 'object' && 'text' in block && typeof block.text === 'string') parts.push(block.text);
  }
  return parts.length === 0 ? null : parts.join('\n');
}

/** A tool result's content (string, blocks or JSON) as a sample output. */
export function resultOutput(content: unknown): JsonValue | undefined {
  if (content === undefined || content === null) return undefined;
  if (Array.isArray(content)) {
    const text = contentText(content);
    return text === null ? toOutput(content) : toOutput(text);
  }
  return toOutput(content);
}

/** An error message a plan accepts: not empty, capped. */
export function errorMessage(text: string | null | undefined, fallback: string): string {
  const t = (text ?? '').trim();
  return cutString(t === '' ? fallback : t, VALUE_CAPS.message - 40);
}

/** Deep equality of two JSON values (object key order ignored). */
export function jsonEqual(a: JsonValue, b: JsonValue): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((v, i) => jsonEqual(v, b[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.hasOwn(b, k) && jsonEqual(a[k], b[k]));
}

/** Whether a failure message reads as a timeout (`timed out`, `timeout`, `deadline exceeded`). */
export function looksLikeTimeout(text: string): boolean {
  return /\btime[ds]?[\s_-]?out\b|\btimeout|deadline[\s_-]?exceeded/i.test(text);
}

/** A tool-call id: a string, or the last string of a list (Microsoft's agent framework records `[run id, call id]`). */
export function idFrom(v: unknown): string | null {
  if (typeof v === 'string' && v !== '') return v;
  if (Array.isArray(v)) {
    for (let i = v.length - 1; i >= 0; i--) {
      const x: unknown = v[i];
      if (typeof x === 'string' && x !== '') return x;
    }
  }
  return null;
}
