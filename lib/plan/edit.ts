// The plan editor's operations: pure functions from a Plan to a new Plan (or a refusal with its reason).
// Never mutates its input, never returns a plan parsePlan would refuse; unchanged parts are shared, not copied.
import { preciseDuration } from '../format/duration';
import { describeCycle, findCycle } from './graph';
import { DEFAULT_LAYOUT, withPosition, type Point } from './layout-core';
import { withInjectedMap } from './injected';
import { callFromPalette, isToolKey, type ToolKey } from './palette';
import { checkPlanLimits, formatPath, issuesToProblems, precheckJson, type Problem } from './parse';
import { mapInputStrings, mapReferences } from './references';
import {
  CALL_ID_PATTERN,
  LIMITS,
  planSchema,
  retryMaximumIntervalMs,
  settingsSchema,
  toolCallSchema,
  type Dependency,
  type Plan,
  type RetryPolicy,
  type Scenario,
  type Settings,
  type ToolCall,
} from './schema';
import * as z from 'zod/mini';

export { TOOL_KEYS, TOOL_PALETTE, isToolKey, paletteEntry, type PaletteEntry, type ToolKey } from './palette';
export { references, checkReferences, type Reference, type CheckedReference, type ReferenceProblem } from './references';
export { reviewPlan, type Finding, type FindingRule, type FindingSeverity } from './review';
export { addFault, defaultFault, moveFault, removeFault, updateFault, type FaultInput } from './edit-faults';

export type EditResult = { ok: true; plan: Plan } | { ok: false; problems: Problem[] };
export type ConnectCheck = { ok: true } | { ok: false; reason: string };
export type ConnectResult = { ok: true; plan: Plan } | { ok: false; reason: string };
export type AddResult = { plan: Plan; id: string } | { plan: Plan; id: null; reason: string };
export type DuplicateResult = { plan: Plan; ids: string[]; reason?: string };

const ID_MESSAGE = 'must be an id: a letter or _ then up to 63 letters, digits, _ or -';
const MAX_ID = 64;

function indexOf(plan: Plan, id: string): number {
  return plan.calls.findIndex((c) => c.id === id);
}

function noCall(id: string): Problem[] {
  return [{ path: 'calls', message: `has no call "${id}"` }];
}

function withCall(plan: Plan, index: number, call: ToolCall): Plan {
  const calls = plan.calls.slice();
  calls[index] = call;
  return { ...plan, calls };
}

/**
 * `base` + `tag`, else with `_2`, `_3`, … after it: the first that is a valid id not in `taken`. The base is cut so
 * the whole id fits in 64 characters, the tag and number kept.
 */
function freshId(base: string, tag: string, taken: ReadonlySet<string>): string {
  const clean = base.replace(/[^A-Za-z0-9_-]/g, '_').replace(/^(?=[^A-Za-z_])/, '_') || 'call';
  const make = (n: string) => clean.slice(0, MAX_ID - tag.length - n.length) + tag + n;
  const first = make('');
  if (!taken.has(first) && first !== '__proto__') return first;
  for (let n = 2; ; n++) {
    const id = make(`_${n}`);
    if (!taken.has(id)) return id;
  }
}

/** Below the lowest placed call of the leftmost column, so a new call never lands on another. */
function freeSpot(plan: Plan): Point | undefined {
  const placed = plan.calls.flatMap((c) => (c.position ? [c.position] : []));
  if (plan.calls.length === 0) return { x: 0, y: 0 };
  if (placed.length === 0) return undefined;
  const x = Math.min(...placed.map((p) => p.x));
  const y = Math.max(...placed.map((p) => p.y));
  return { x, y: y + DEFAULT_LAYOUT.nodeHeight + DEFAULT_LAYOUT.rowGap };
}

function limitReason(plan: Plan): string | null {
  const problems = checkPlanLimits(plan);
  return problems.length === 0 ? null : `the plan ${problems[0].message}`;
}

/**
 * Adds a call from the palette with a readable unique id (`web_search`, `web_search_2`, …). Without a position it
 * goes below the placed calls (or unplaced, when no call is placed yet, so auto-layout places it with the rest).
 */
export function addCall(plan: Plan, toolKey: ToolKey, position?: Point): AddResult {
  if (!isToolKey(toolKey)) return { plan, id: null, reason: `unknown tool "${String(toolKey)}"` };
  if (plan.calls.length >= LIMITS.maxCalls)
    return { plan, id: null, reason: `the plan already has ${LIMITS.maxCalls} calls, the most allowed` };
  const id = freshId(toolKey, '', new Set(plan.calls.map((c) => c.id)));
  const at =
    position !== undefined && Number.isFinite(position.x) && Number.isFinite(position.y)
      ? { x: position.x, y: position.y }
      : freeSpot(plan);
  const call = callFromPalette(toolKey, id);
  const next: Plan = { ...plan, calls: [...plan.calls, at === undefined ? call : withPosition(call, at)] };
  const reason = limitReason(next);
  return reason === null ? { plan: next, id } : { plan, id: null, reason };
}

/** Removes calls with their edges, their entries in every scenario and their injected faults. References to them in inputs stay (review flags them). */
export function removeCalls(plan: Plan, ids: Iterable<string>): Plan {
  const gone = new Set(ids);
  if (!plan.calls.some((c) => gone.has(c.id))) return plan;
  const kept: Plan = {
    ...plan,
    calls: plan.calls.filter((c) => !gone.has(c.id)),
    dependencies: plan.dependencies.filter((d) => !gone.has(d.from) && !gone.has(d.to)),
    scenarios: plan.scenarios.map((s) => {
      if (!Object.keys(s.faults).some((k) => gone.has(k))) return s;
      return { ...s, faults: Object.fromEntries(Object.entries(s.faults).filter(([k]) => !gone.has(k))) };
    }),
    ...(plan.injected !== undefined ? { injected: Object.fromEntries(Object.entries(plan.injected).filter(([k]) => !gone.has(k))) } : {}),
  };
  return kept.injected !== undefined && Object.keys(kept.injected).length === 0 ? withInjectedMap(kept, {}) : kept;
}

/**
 * Copies calls under new ids (`fetch_url_copy`, `fetch_url_copy_2`, …), offset on the canvas. Edges among the copied
 * calls are copied (and references between them point at the copies); edges from outside are not. A copy takes its
 * original's faults in every scenario. `ids` gives the copies in the order of `calls`.
 */
export function duplicateCalls(plan: Plan, ids: Iterable<string>, offset: Point = { x: 40, y: 40 }): DuplicateResult {
  const chosen = new Set(ids);
  const originals = plan.calls.filter((c) => chosen.has(c.id));
  if (originals.length === 0) return { plan, ids: [] };
  if (plan.calls.length + originals.length > LIMITS.maxCalls)
    return { plan, ids: [], reason: `the plan would have more than ${LIMITS.maxCalls} calls` };
  const taken = new Set(plan.calls.map((c) => c.id));
  const copyOf = new Map<string, string>();
  for (const c of originals) {
    const id = freshId(c.id.replace(/_copy(_\d+)?$/, ''), '_copy', taken);
    taken.add(id);
    copyOf.set(c.id, id);
  }
  const copyId = (id: string) => copyOf.get(id) ?? id;
  const dx = Number.isFinite(offset.x) ? offset.x : 0;
  const dy = Number.isFinite(offset.y) ? offset.y : 0;
  const copies = originals.map((c): ToolCall => {
    const copy = structuredClone(c);
    copy.id = copyId(c.id);
    copy.input = mapInputStrings(copy.input, (s) =>
      mapReferences(s, (m) => (copyOf.has(m.callId) ? retarget(m.text, m.callId, copyId(m.callId)) : m.text)),
    );
    return c.position ? withPosition(copy, { x: c.position.x + dx, y: c.position.y + dy }) : copy;
  });
  const edges = plan.dependencies
    .filter((d) => copyOf.has(d.from) && copyOf.has(d.to))
    .map((d): Dependency => ({ from: copyId(d.from), to: copyId(d.to), optional: d.optional }));
  const scenarios = plan.scenarios.map((s): Scenario => {
    const extra = Object.entries(s.faults).filter(([k]) => copyOf.has(k));
    if (extra.length === 0) return s;
    return { ...s, faults: { ...s.faults, ...Object.fromEntries(extra.map(([k, f]) => [copyId(k), structuredClone(f)])) } };
  });
  const next: Plan = { ...plan, calls: [...plan.calls, ...copies], dependencies: [...plan.dependencies, ...edges], scenarios };
  if (next.dependencies.length > LIMITS.maxDependencies)
    return { plan, ids: [], reason: `the plan would have more than ${LIMITS.maxDependencies} dependencies` };
  const reason = limitReason(next);
  return reason === null ? { plan: next, ids: copies.map((c) => c.id) } : { plan, ids: [], reason };
}

/** Sets positions; entries for unknown ids or with a coordinate that is not a finite number are ignored. */
export function moveCalls(plan: Plan, positions: Readonly<Record<string, Point>>): Plan {
  let changed = false;
  const calls = plan.calls.map((c) => {
    if (!Object.hasOwn(positions, c.id)) return c;
    const p = positions[c.id];
    if (p === undefined || p === null || !Number.isFinite(p.x) || !Number.isFinite(p.y)) return c;
    if (c.position && c.position.x === p.x && c.position.y === p.y) return c;
    changed = true;
    return withPosition(c, p);
  });
  return changed ? { ...plan, calls } : plan;
}

/** Whether `to` may take a new dependency on `from`: refuses unknown ids, self-edges, duplicates and cycles (naming it). */
export function canConnect(plan: Plan, from: string, to: string): ConnectCheck {
  const ids = plan.calls.map((c) => c.id);
  if (!ids.includes(from)) return { ok: false, reason: `unknown call "${from}"` };
  if (!ids.includes(to)) return { ok: false, reason: `unknown call "${to}"` };
  if (from === to) return { ok: false, reason: 'a call cannot need its own output' };
  if (plan.dependencies.some((d) => d.from === from && d.to === to)) return { ok: false, reason: `${to} already needs ${from}` };
  if (plan.dependencies.length >= LIMITS.maxDependencies)
    return { ok: false, reason: `the plan already has ${LIMITS.maxDependencies} dependencies, the most allowed` };
  const cycle = findCycle(ids, [...plan.dependencies, { from, to }]);
  if (cycle !== null) return { ok: false, reason: describeCycle(cycleFrom(cycle, from, to), 'would close a cycle') };
  return { ok: true };
}

/** The closed path rotated to start (and end) at `to`, so it reads `to → … → from → to` along the edges. */
function cycleFrom(cycle: readonly string[], from: string, to: string): string[] {
  const open = cycle.slice(0, -1);
  const k = open.length;
  const j = open.findIndex((id, i) => id === to && open[(i - 1 + k) % k] === from);
  if (j === -1) return [...cycle];
  const rotated = [...open.slice(j), ...open.slice(0, j)];
  return [...rotated, rotated[0]];
}

/** Adds the dependency `from → to` (`to` needs `from`'s output), or says why it cannot. */
export function connect(plan: Plan, from: string, to: string, optional = false): ConnectResult {
  const check = canConnect(plan, from, to);
  if (!check.ok) return check;
  return { ok: true, plan: { ...plan, dependencies: [...plan.dependencies, { from, to, optional }] } };
}

export function disconnect(plan: Plan, from: string, to: string): Plan {
  const dependencies = plan.dependencies.filter((d) => d.from !== from || d.to !== to);
  return dependencies.length === plan.dependencies.length ? plan : { ...plan, dependencies };
}

export function setEdgeOptional(plan: Plan, from: string, to: string, optional: boolean): Plan {
  const i = plan.dependencies.findIndex((d) => d.from === from && d.to === to);
  if (i === -1 || plan.dependencies[i].optional === optional) return plan;
  const dependencies = plan.dependencies.slice();
  dependencies[i] = { ...dependencies[i], optional };
  return { ...plan, dependencies };
}

/** Problems with giving calls[index] the id `newId` (pattern, reserved name, taken by another call). */
function idProblems(plan: Plan, index: number, newId: unknown): Problem[] {
  const path = formatPath(['calls', index, 'id']);
  if (typeof newId !== 'string') return [{ path, message: 'must be a string' }];
  if (!CALL_ID_PATTERN.test(newId)) return [{ path, message: ID_MESSAGE }];
  if (newId === '__proto__') return [{ path, message: 'must not be "__proto__" (a reserved name)' }];
  const other = plan.calls.findIndex((c, i) => i !== index && c.id === newId);
  if (other !== -1) return [{ path, message: `duplicate id "${newId}" (also calls[${other}])` }];
  return [];
}

/** Object keys whose value is undefined are dropped, so patching a key to undefined gives it back its default. */
function defined(o: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

/** `{{old…}}` → `{{new…}}`: the id is the first thing after `{{` and spaces, so replacing its first occurrence is exact. */
function retarget(text: string, oldId: string, newId: string): string {
  return text.replace(oldId, () => newId);
}

/** Renames a call's id in the edges, the scenarios, the injected faults and every `{{id}}` / `{{id.path}}` in the calls' inputs. */
function renameEverywhere(plan: Plan, oldId: string, newId: string): Plan {
  const rewrite = (s: string) => mapReferences(s, (m) => (m.callId === oldId ? retarget(m.text, oldId, newId) : m.text));
  return {
    ...plan,
    calls: plan.calls.map((c) => {
      const input = mapInputStrings(c.input, rewrite);
      const id = c.id === oldId ? newId : c.id;
      return input === c.input && id === c.id ? c : { ...c, id, input };
    }),
    dependencies: plan.dependencies.map((d) =>
      d.from === oldId || d.to === oldId ? { ...d, from: d.from === oldId ? newId : d.from, to: d.to === oldId ? newId : d.to } : d,
    ),
    scenarios: plan.scenarios.map((s) =>
      Object.hasOwn(s.faults, oldId)
        ? { ...s, faults: Object.fromEntries(Object.entries(s.faults).map(([k, f]) => [k === oldId ? newId : k, f])) }
        : s,
    ),
    ...(plan.injected !== undefined
      ? { injected: Object.fromEntries(Object.entries(plan.injected).map(([k, v]) => [k === oldId ? newId : k, v])) }
      : {}),
  };
}

/** Renames a call everywhere it is named (edges, scenarios, references in inputs), or says why the new id is refused. */
export function renameCall(plan: Plan, oldId: string, newId: string): EditResult {
  const index = indexOf(plan, oldId);
  if (index === -1) return { ok: false, problems: noCall(oldId) };
  if (newId === oldId) return { ok: true, plan };
  const problems = idProblems(plan, index, newId);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, plan: renameEverywhere(plan, oldId, newId) };
}

/**
 * Applies a patch to one call and validates the call with the schema; problems come with their paths in the plan
 * (`calls[3].retry.maxAttempts`). A key patched to undefined takes its default. A new id is renamed everywhere
 * (see renameCall). Switching `kind` brings the nested plan along: to "agent" without a plan gives the palette's
 * one-call sub-agent plan, to "tool" drops the plan.
 */
export function updateCall(plan: Plan, id: string, patch: Partial<ToolCall>): EditResult {
  const index = indexOf(plan, id);
  if (index === -1) return { ok: false, problems: noCall(id) };
  const call = plan.calls[index];
  if (Object.entries(patch).every(([k, v]) => Object.hasOwn(call, k) && v === call[k as keyof ToolCall])) return { ok: true, plan };
  const newId = patch.id ?? id;
  if (newId !== id) {
    const problems = idProblems(plan, index, newId);
    if (problems.length > 0) return { ok: false, problems };
  }
  const merged = defined({ ...call, ...patch, id: newId });
  if (patch.kind === 'agent' && merged.plan === undefined) merged.plan = callFromPalette('sub_agent', 'sub_agent').plan;
  if (patch.kind === 'tool' && !('plan' in patch)) delete merged.plan;
  const prefix = ['calls', index];
  const pre = precheckJson(merged, prefix);
  if (pre.length > 0) return { ok: false, problems: pre };
  const parsed = toolCallSchema.safeParse(merged, { reportInput: true });
  if (!parsed.success) return { ok: false, problems: issuesToProblems(parsed.error.issues, prefix) };
  let next = withCall(plan, index, parsed.data);
  if (newId !== id) next = renameEverywhere(next, id, newId);
  const limits = checkPlanLimits(next);
  if (limits.length > 0) return { ok: false, problems: limits };
  return { ok: true, plan: next };
}

/** Applies a patch to the plan's settings, validated by the schema (a key patched to undefined takes its default); the scenario must be one of the plan's. */
export function updateSettings(plan: Plan, patch: Partial<Settings>): EditResult {
  const merged = defined({ ...plan.settings, ...patch });
  const parsed = settingsSchema.safeParse(merged, { reportInput: true });
  if (!parsed.success) return { ok: false, problems: issuesToProblems(parsed.error.issues, ['settings']) };
  const scenario = parsed.data.scenario;
  if (scenario !== null && !plan.scenarios.some((s) => s.id === scenario)) {
    return { ok: false, problems: [{ path: 'settings.scenario', message: `unknown scenario "${scenario}"` }] };
  }
  return { ok: true, plan: { ...plan, settings: parsed.data } };
}

// The plan's own fields, taken from the plan schema so the bounds are stated once.
const planInfoSchema = z.strictObject({ name: planSchema.shape.name, description: planSchema.shape.description });

/** Sets the plan's name and/or description (a description patched to undefined is removed). */
export function updatePlanInfo(plan: Plan, patch: { name?: string; description?: string | undefined }): EditResult {
  const merged = defined({ name: plan.name, description: plan.description, ...patch });
  const parsed = planInfoSchema.safeParse(merged, { reportInput: true });
  if (!parsed.success) return { ok: false, problems: issuesToProblems(parsed.error.issues) };
  const { name, description } = parsed.data;
  if (name === plan.name && description === plan.description) return { ok: true, plan };
  const { format, version, name: _name, description: _description, ...tail } = plan;
  void _name;
  void _description;
  // Keys in schema order (format, version, name, description, settings, …), so exported files stay canonical.
  return { ok: true, plan: { format, version, name, ...(description === undefined ? {} : { description }), ...tail } };
}

/** The nominal wait before each retry (docs/engine.md#retries, without jitter): min(initial × coefficient^(n−1), maximum), n from 1. */
export function retryWaits(retry: RetryPolicy): number[] {
  const max = retryMaximumIntervalMs(retry);
  const waits: number[] = [];
  for (let n = 1; n < retry.maxAttempts; n++) waits.push(Math.min(retry.initialIntervalMs * retry.backoffCoefficient ** (n - 1), max));
  return waits;
}

/**
 * The wait sequence in words: `waits 1 s, 2 s, 4 s`, `no retry`, or with full jitter `waits up to 1 s, 2 s, 4 s
 * (full jitter)`. A long run of equal waits (the cap reached) is shortened: `waits 1 s, 2 s, 4 s, 5 s × 6`.
 */
export function describeRetryWaits(retry: RetryPolicy): string {
  const waits = retryWaits(retry);
  if (waits.length === 0) return 'no retry';
  const parts: string[] = [];
  for (let i = 0; i < waits.length;) {
    let j = i;
    while (j + 1 < waits.length && waits[j + 1] === waits[i]) j++;
    const run = j - i + 1;
    if (run >= 3) parts.push(`${preciseDuration(waits[i])} × ${run}`);
    else for (let k = 0; k < run; k++) parts.push(preciseDuration(waits[i]));
    i = j + 1;
  }
  const shown = parts.length > 8 ? [...parts.slice(0, 6), '…', parts[parts.length - 1]] : parts;
  const list = shown.join(', ');
  return retry.jitter === 'full' ? `waits up to ${list} (full jitter)` : `waits ${list}`;
}
