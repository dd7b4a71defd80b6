// What the framework snippets (Temporal, LangGraph, Vercel AI SDK, Python) share: safe identifiers for call ids,
// each call's inputs with the `ignore` rule applied, and the plan's schedule (waves, sequential order, upstreams).
import { adjacency, computeWaves, topologicalOrder } from '../plan/graph';
import type { Plan, ToolCall } from '../plan/schema';
import { retrySpec } from './policy';
import type { RetrySpec } from './runtime/types';

export interface SnippetCall {
  id: string;
  /** A valid identifier in TypeScript and Python, unique in the plan. */
  name: string;
  tool: string;
  call: ToolCall;
  retry: RetrySpec;
  /** Its inputs; `optional` also when the upstream's onFailure is `ignore` (optional to everyone). */
  needs: { id: string; optional: boolean }[];
}

export interface SnippetPlan {
  calls: SnippetCall[];
  byId: Map<string, SnippetCall>;
  /** Call ids per graph wave. */
  waves: string[][];
  /** One call per turn, Kahn's order taking the first call of the plan among the ready ones. */
  order: string[];
  agents: string[];
}

const RESERVED = new Set(
  'await break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public and as assert async def del elif except from global is lambda nonlocal not or pass raise None True False'.split(
    ' ',
  ),
);

/** `fetch-top` → `fetch_top`; a clash or a keyword gets a suffix. */
function identifier(id: string, used: Set<string>): string {
  let base = id.replace(/[^A-Za-z0-9_]/g, '_');
  if (RESERVED.has(base)) base = `${base}_call`;
  let name = base;
  for (let k = 2; used.has(name); k++) name = `${base}_${k}`;
  used.add(name);
  return name;
}

export function snippetPlan(plan: Plan): SnippetPlan {
  const used = new Set<string>();
  const ignore = new Set(plan.calls.filter((c) => c.onFailure === 'ignore').map((c) => c.id));
  const calls = plan.calls.map((c): SnippetCall => ({
    id: c.id,
    name: identifier(c.id, used),
    tool: c.tool,
    call: c,
    retry: retrySpec(c),
    needs: plan.dependencies.filter((d) => d.to === c.id).map((d) => ({ id: d.from, optional: d.optional || ignore.has(d.from) })),
  }));
  const ids = plan.calls.map((c) => c.id);
  const adj = adjacency(ids, plan.dependencies);
  const order = topologicalOrder(adj);
  const wave = computeWaves(adj, order);
  const waves: string[][] = [];
  plan.calls.forEach((c, i) => (waves[wave[i]] ??= []).push(c.id));
  return {
    calls,
    byId: new Map(calls.map((c) => [c.id, c])),
    waves,
    order: order.map((i) => ids[i]),
    agents: plan.calls.filter((c) => c.kind === 'agent').map((c) => c.id),
  };
}

/** The inline note every snippet puts on a call with full jitter, a rate limit, or no timeout, in its own words. */
export function rateLimited(call: ToolCall): boolean {
  return call.faults.some((f) => f.kind === 'rate_limit');
}

/** A name a tool can have as a function in TypeScript or Python (`fetch url` → `fetch_url`). */
export function toolFunction(tool: string): string {
  const base = tool.replace(/[^A-Za-z0-9_]/g, '_');
  const name = /^[A-Za-z_]/.test(base) ? base : `tool_${base}`;
  return RESERVED.has(name) ? `${name}_tool` : name;
}

/** TypeScript: resolves `{{id}}` / `{{id.path}}` in an input from the results in hand, as Toolwave does. */
export const TS_RESOLVE = `const REF = /\\{\\{\\s*([A-Za-z_][A-Za-z0-9_-]{0,63})((?:\\.[^.{}\\s]+)*)\\s*\\}\\}/g;

/** The value at \`id.path\` among the outputs in hand; null when that call did not succeed or the path is absent. */
function lookup(results: Record<string, Result>, id: string, path: string): unknown {
  const r = results[id];
  let cur: unknown = r?.status === 'succeeded' ? r.output : null;
  for (const seg of path === '' ? [] : path.slice(1).split('.')) {
    if (Array.isArray(cur)) cur = /^\\d+$/.test(seg) ? (cur[Number(seg)] ?? null) : null;
    else cur = cur !== null && typeof cur === 'object' && Object.hasOwn(cur, seg) ? (Reflect.get(cur, seg) ?? null) : null;
  }
  return cur;
}

/** An input with \`{{id}}\` / \`{{id.path}}\` resolved: a lone reference becomes the value, an embedded one text. */
function resolve(value: Json, results: Record<string, Result>): unknown {
  if (typeof value === 'string') {
    const whole = new RegExp(\`^\${REF.source}$\`).exec(value);
    if (whole !== null) return lookup(results, whole[1], whole[2]);
    return value.replace(REF, (_m, id: string, path: string) => {
      const v = lookup(results, id, path);
      return typeof v === 'string' ? v : JSON.stringify(v);
    });
  }
  if (Array.isArray(value)) return value.map((v) => resolve(v, results));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v, results)]));
  return value;
}`;
