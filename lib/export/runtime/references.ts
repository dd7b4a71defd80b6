// Resolves `{{callId}}` and `{{callId.path.to.field}}` in a call's input from the outputs in hand when it starts.
// Same syntax and rules as Toolwave's editor and engine; it never evaluates anything but a property path.
import { resolveStrings, walk, type Json, type JsonObject } from '../../engine/portable/json-refs';

// `{{`, optional spaces, a call id, `.segment`s (no dot, brace or space inside one), optional spaces, `}}`.
const REF_SOURCE = String.raw`\{\{\s*([A-Za-z_][A-Za-z0-9_-]{0,63})((?:\.[^.{}\s]+)*)\s*\}\}`;
const WHOLE_REF = new RegExp(`^${REF_SOURCE}$`);

/** What an id stands for: undefined when no call has that id (the text stays as written), else its output (null when it has none). */
export type RefLookup = (id: string) => Json | undefined;

function pathOf(m: RegExpExecArray): string[] {
  return m[2] === '' ? [] : m[2].slice(1).split('.');
}

function resolveString(s: string, lookup: RefLookup): Json {
  const whole = WHOLE_REF.exec(s);
  if (whole !== null) {
    const base = lookup(whole[1]);
    return base === undefined ? s : walk(base, pathOf(whole));
  }
  if (!s.includes('{{')) return s;
  return s.replace(new RegExp(REF_SOURCE, 'g'), (text: string, id: string, path: string) => {
    const base = lookup(id);
    if (base === undefined) return text;
    const v = walk(base, path === '' ? [] : path.slice(1).split('.'));
    return typeof v === 'string' ? v : JSON.stringify(v);
  });
}

/** A copy of `input` with every reference resolved: a lone reference becomes the JSON value, an embedded one text. */
export function resolveInput(input: JsonObject, lookup: RefLookup): JsonObject {
  return resolveStrings(input, (s) => resolveString(s, lookup));
}

/** A tool's output as JSON, the way it travels into another call's input (undefined becomes null). */
export function jsonOf(value: unknown): Json {
  if (value === undefined) return null;
  const text = JSON.stringify(value);
  if (text === undefined) return null;
  const json: Json = JSON.parse(text);
  return json;
}
