// Resolves `{{callId}}` / `{{callId.path.to.field}}` references in a call's input from upstream outputs (docs/plan-format.md#data-references).
// Pure: never mutates the plan's input, never evaluates anything but a property path. The syntax is parsed by
// lib/plan/references (one parser for the engine and the editor); the walk through an output is the portable one
// the exported runtime shares.
import { mapReferences, wholeReference } from '../../plan/references';
import type { JsonValue } from '../../plan/schema';
import { resolveStrings, walk } from '../portable/json-refs';
import type { JsonObject } from './messages';

/**
 * What an id refers to: `undefined` when the id is no call at all (the text is left as written),
 * else the value its output provides (null when that call did not succeed or had no output by then).
 */
export type RefLookup = (id: string) => JsonValue | undefined;

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

/** A copy of `input` with every reference resolved: a lone reference becomes the JSON value, an embedded one text. */
export function resolveInput(input: JsonObject, lookup: RefLookup): JsonObject {
  return resolveStrings(input, (s) => resolveString(s, lookup));
}
