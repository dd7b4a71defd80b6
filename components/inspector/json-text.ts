// JSON typed in the inspector's input/output fields: parsed strictly, checked for what the schema cannot see
// (a `__proto__` key, nesting deeper than the plan format allows), and shown back in one canonical layout.
// Pure; tested in json-text.test.ts.
import { LIMITS, type JsonValue } from '@/lib/plan';
import type { Parsed } from './numbers';

/** The text a JSON value shows as in its field (two-space indent, like the exported file). */
export function jsonText(value: JsonValue | undefined): string {
  return value === undefined ? '' : JSON.stringify(value, null, 2);
}

function badKey(value: unknown, depth: number): string | null {
  // Iterative, like parse.ts: a pasted document must not overflow the stack.
  const stack: { v: unknown; d: number }[] = [{ v: value, d: depth }];
  while (stack.length > 0) {
    const top = stack.pop();
    if (top === undefined) break;
    const { v, d } = top;
    if (v === null || typeof v !== 'object') continue;
    if (d >= LIMITS.maxJsonDepth) return `is nested too deeply (at most ${LIMITS.maxJsonDepth} levels)`;
    if (Array.isArray(v)) {
      for (const x of v) stack.push({ v: x, d: d + 1 });
      continue;
    }
    for (const [key, x] of Object.entries(v)) {
      if (key === '__proto__') return 'must not use the key "__proto__" (a reserved name)';
      stack.push({ v: x, d: d + 1 });
    }
  }
  return null;
}

/** Any JSON value; an empty field is `undefined` (no sample output). */
export function parseJson(text: string): Parsed<JsonValue | undefined> {
  if (text.trim() === '') return { ok: true, value: undefined };
  let value: JsonValue;
  try {
    // JSON.parse only ever yields JSON values; the schema checks the rest when the edit is built.
    value = JSON.parse(text);
  } catch (err) {
    const detail = err instanceof Error ? err.message : 'unreadable';
    return { ok: false, message: `is not valid JSON: ${detail}` };
  }
  const bad = badKey(value, 1);
  return bad === null ? { ok: true, value } : { ok: false, message: bad };
}

/** A JSON object (a call's arguments); an empty field is `{}`. */
export function parseJsonObject(text: string): Parsed<{ [key: string]: JsonValue }> {
  const r = parseJson(text);
  if (!r.ok) return r;
  if (r.value === undefined) return { ok: true, value: {} };
  if (r.value === null || typeof r.value !== 'object' || Array.isArray(r.value)) {
    return { ok: false, message: 'must be a JSON object of arguments, like {"query": "…"}' };
  }
  return { ok: true, value: r.value };
}

/** True when the typed text holds the same JSON as the shown value (so a re-render need not replace it). */
export function sameJson(draft: string, value: string): boolean {
  const r = parseJson(draft);
  return r.ok && jsonText(r.value) === value;
}
