// Resolves `{{callId}}` / `{{callId.path.to.field}}` references in a call's input from upstream outputs (docs/plan-format.md#data-references).
// Pure: never mutates the plan's input, never evaluates anything but a property path. The syntax is parsed by
// lib/plan/references (one parser for the engine and the editor); what a reference resolves to is decided here.
import { mapReferences, wholeReference } from '../../plan/references';
import type { JsonValue } from '../../plan/schema';
import type { JsonObject } from './messages';

/**
 * What an id refers to: `undefined` when the id is no call at all (the text is left as written),
 * else the value its output provides (null when that call did not succeed or had no output by then).
 */
export type RefLookup = (id: string) => JsonValue | undefined;

function walk(value: JsonValue, path: readonly string[]): JsonValue {
  let cur: JsonValue = value;
  for (const seg of path) {
    if (Array.isArray(cur)) {
      if (!/^\d+$/.test(seg)) return null;
      const item: JsonValue | undefined = cur[Number(seg)];
      if (item === undefined) return null;
      cur = item;
    } else if (cur !== null && typeof cur === 'object') {
      if (!Object.hasOwn(cur, seg)) return null;
      cur = cur[seg];
    } else {
      return null;
    }
  }
  return cur;
}

function asText(value: JsonValue): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function resolveString(s: string, lookup: RefLookup): JsonValue {
  const whole = wholeReference(s);
  if (whole) {
    const base = lookup(whole.callId);
    return base === undefined ? s : walk(base, whole.path);
  }
  return mapReferences(s, (m) => {
    const base = lookup(m.callId);
    return base === undefined ? m.text : asText(walk(base, m.path));
  });
}

function resolveValue(v: JsonValue, lookup: RefLookup): JsonValue {
  if (typeof v === 'string') return resolveString(v, lookup);
  if (Array.isArray(v)) return v.map((x) => resolveValue(x, lookup));
  if (v !== null && typeof v === 'object') return resolveInput(v, lookup);
  return v;
}

/** A copy of `input` with every reference resolved: a lone reference becomes the JSON value, an embedded one text. */
export function resolveInput(input: JsonObject, lookup: RefLookup): JsonObject {
  return Object.fromEntries(Object.entries(input).map(([k, v]) => [k, resolveValue(v, lookup)]));
}
