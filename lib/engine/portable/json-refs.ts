// JSON values and the walk a data reference takes through an upstream's output (docs/plan-format.md#data-references).
// Portable (shared with every TypeScript export, imports only its siblings); never evaluates anything but a property path.

/** A JSON value, as tool inputs and sample outputs are written in the plan. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** The value at `path` inside `value` (array items by index); null where the path leads nowhere. */
export function walk(value: Json, path: readonly string[]): Json {
  let cur: Json = value;
  for (const seg of path) {
    if (Array.isArray(cur)) {
      if (!/^\d+$/.test(seg)) return null;
      const item: Json | undefined = cur[Number(seg)];
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

function resolveValue(v: Json, resolveString: (s: string) => Json): Json {
  if (typeof v === 'string') return resolveString(v);
  if (Array.isArray(v)) return v.map((x) => resolveValue(x, resolveString));
  if (v !== null && typeof v === 'object') return resolveStrings(v, resolveString);
  return v;
}

/** A copy of `input` with every string, however deep, replaced by what `resolveString` makes of it. */
export function resolveStrings(input: JsonObject, resolveString: (s: string) => Json): JsonObject {
  return Object.fromEntries(Object.entries(input).map(([k, v]) => [k, resolveValue(v, resolveString)]));
}
