// The run→plan builder: recorded runs of one agent in, a plan that parses with the plan schema and its import report
// out. The rules it follows are written in lib/import/index.ts and docs/import.md. Pure: never throws.
import { parsePlan, type Problem } from '../plan/parse';
import { mapInputStrings } from '../plan/references';
import { LIMITS, type JsonValue, type Plan } from '../plan/schema';
import { timeCall, type CallTiming } from './call';
import { findEvidence, type FoundEdge } from './evidence';
import { DEFAULT_LATENCY_MS, DEFAULT_TIMEOUT_MS, roundMs } from './fit';
import { matchRuns, type FoldedCall, type MatchedCall } from './fold';
import { MAX_LISTED_PAIRS, type ImportReport, type TurnPair } from './report';
import type { ObservedRun } from './run';
import type { JsonObject } from './values';

export type BuildResult = { ok: true; plan: Plan; report: ImportReport } | { ok: false; problems: Problem[] };

/** A call id from a tool name: letters, digits, `_` and `-` kept, anything else `_`, a letter or `_` first. */
export function idFromTool(tool: string): string {
  let s = tool.replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^[_-]+|[_-]+$/g, '');
  if (s === '') s = 'call';
  if (!/^[A-Za-z_]/.test(s)) s = `c_${s}`;
  return s.slice(0, 56);
}

function uniqueIds(tools: readonly string[]): string[] {
  const used = new Set<string>();
  return tools.map((t) => {
    const base = idFromTool(t);
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}_${n}`;
    used.add(id);
    return id;
  });
}

/** `{{` in a recorded argument is text, not a reference: written `{ {` so the plan does not read it as one. */
function escapeBraces(input: JsonObject): { input: JsonObject; escaped: boolean } {
  let escaped = false;
  const out = mapInputStrings(input, (s) => {
    if (!s.includes('{{')) return s;
    escaped = true;
    return s.split('{{').join('{ {');
  });
  return { input: out, escaped };
}

function hasPath(value: JsonValue | undefined, path: readonly string[]): boolean {
  let cur: JsonValue | undefined = value;
  for (const seg of path) {
    if (Array.isArray(cur)) cur = /^\d+$/.test(seg) ? cur[Number(seg)] : undefined;
    else if (cur !== null && typeof cur === 'object') cur = Object.hasOwn(cur, seg) ? cur[seg] : undefined;
    else return false;
    if (cur === undefined) return false;
  }
  return true;
}

const lastOutput = (c: FoldedCall): JsonValue | undefined => {
  const r = c.attempts[c.attempts.length - 1].result;
  return r.kind === 'ok' ? r.output : undefined;
};

/** The source's tool-call id; a folded retry lists each attempt's id. */
function labelOf(c: FoldedCall): string | null {
  const ids = [...new Set(c.attempts.map((a) => a.sourceId).filter((x): x is string => x !== null))];
  if (ids.length === 0) return null;
  const text = ids.join(', ');
  return text.length <= 200 ? text : `${text.slice(0, 199)}…`;
}

const fileStem = (name: string): string => name.replace(/^.*[\\/]/, '').replace(/\.(json|jsonl|ndjson)$/i, '') || 'run';

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)];
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function buildPlan(runs: readonly ObservedRun[], options: { name?: string } = {}): BuildResult {
  if (runs.length === 0) return { ok: false, problems: [{ path: '(import)', message: 'nothing to import: no run was read' }] };
  if (runs.every((r) => r.calls.length === 0)) {
    return { ok: false, problems: [{ path: runs.length === 1 ? runs[0].label : '(import)', message: 'has no tool call to import' }] };
  }
  const { matched } = matchRuns(runs);
  if (matched.length > LIMITS.maxCalls) {
    return {
      ok: false,
      problems: [{ path: '(import)', message: `would make ${matched.length} calls (a plan holds at most ${LIMITS.maxCalls})` }],
    };
  }
  const single = runs.length === 1;
  const ids = uniqueIds(matched.map((m) => m.tool));
  const idOf = new Map<MatchedCall, string>(matched.map((m, i) => [m, ids[i]]));
  const timings = matched.map((m) => timeCall(m, single));
  const notes: string[] = [];
  let escapedAny = false;
  const inputs = matched.map((m) => {
    const e = escapeBraces(m.seen[0].call.input);
    escapedAny ||= e.escaped;
    return e.input;
  });

  // Edges on evidence, found run by run among the calls each run has; kept for the calls it represents.
  const edges: FoundEdge[] = [];
  const rewritten = new Map<string, JsonObject>();
  const repRuns = [...new Set(matched.map((m) => m.seen[0].run))];
  for (const r of repRuns) {
    const present = matched.filter((m) => m.seen.some((s) => s.run === r));
    const evCalls = present.map((m) => {
      const here = m.seen.find((s) => s.run === r)?.call ?? m.seen[0].call;
      const mine = m.seen[0].run === r;
      return {
        id: idOf.get(m) ?? '',
        turn: here.turn,
        input: mine ? inputs[matched.indexOf(m)] : escapeBraces(here.input).input,
        output: lastOutput(here),
      };
    });
    const found = findEvidence(evCalls, runs[r].promptText);
    const repHere = new Set(present.filter((m) => m.seen[0].run === r).map((m) => idOf.get(m)));
    const outputOf = new Map(matched.map((m, i) => [idOf.get(m), timings[i].output]));
    for (const to of new Set(found.edges.map((e) => e.to))) {
      if (!repHere.has(to)) continue;
      const mine = found.edges.filter((e) => e.to === to);
      const next = found.inputs.get(to);
      // Every reference must resolve in the plan: its path has to exist in the upstream's sample output.
      if (next === undefined || mine.some((e) => refPaths(next, e.from).some((p) => !hasPath(outputOf.get(e.from), p)))) continue;
      edges.push(...mine);
      rewritten.set(to, next);
    }
  }

  const calls = matched.map((m, i) => {
    const t = timings[i];
    const rep = m.seen[0].call;
    const id = ids[i];
    const retry =
      t.maxAttempts > 1
        ? {
            maxAttempts: t.maxAttempts,
            ...(t.retryIntervalMs !== null ? { initialIntervalMs: t.retryIntervalMs, backoffCoefficient: 1 } : {}),
          }
        : undefined;
    return {
      id,
      tool: m.tool.slice(0, 64),
      ...(labelOf(rep) !== null ? { label: labelOf(rep) } : {}),
      input: rewritten.get(id) ?? inputs[i],
      ...(t.output !== undefined ? { output: t.output } : {}),
      latency: t.latency,
      ...(t.timeoutMs !== null ? { timeoutMs: t.timeoutMs } : {}),
      ...(retry !== undefined ? { retry } : {}),
      ...(t.faults.length > 0 ? { faults: t.faults } : {}),
      // No source records whether a tool writes: stated as the default, "none", for the user to correct.
      effect: 'none',
    };
  });

  const steps = runs.flatMap((r) => r.modelStepsMs);
  const modelTurnMs = steps.length > 0 ? roundMs(median(steps)) : 0;
  const name = (options.name ?? runs[0].name ?? fileStem(runs[0].file)).trim().slice(0, 200) || 'Imported run';
  const files = [...new Set(runs.map((r) => r.file))];
  const formats = [...new Set(runs.map((r) => r.format))];
  const candidate = {
    format: 'toolwave.plan',
    version: 1,
    name,
    description: `Imported from ${plural(runs.length, 'recorded run')} of an agent (${files.join(', ')}).`.slice(0, 5000),
    settings: { strategy: 'waves', maxConcurrency: null, modelTurnMs, deadlineMs: null, seed: 1, scenario: null },
    calls,
    dependencies: edges.map((e) => ({ from: e.from, to: e.to })),
  };
  const parsed = parsePlan(candidate);
  if (!parsed.ok) {
    return { ok: false, problems: parsed.problems.map((p) => ({ path: `(imported plan) ${p.path}`, message: p.message })) };
  }

  // Turn-order pairs: each call of a turn after each call of the turn before, unless an edge joins them.
  const turns = [...new Set(matched.map((m) => m.turn))].sort((a, b) => a - b);
  const drawn = new Set(edges.map((e) => `${e.from}\u0000${e.to}`));
  const undrawn: TurnPair[] = [];
  let omitted = 0;
  for (let k = 1; k < turns.length; k++) {
    const prev = matched.filter((m) => m.turn === turns[k - 1]);
    const next = matched.filter((m) => m.turn === turns[k]);
    for (const u of prev) {
      for (const c of next) {
        const from = idOf.get(u) ?? '';
        const to = idOf.get(c) ?? '';
        if (drawn.has(`${from}\u0000${to}`)) continue;
        if (undrawn.length < MAX_LISTED_PAIRS) undrawn.push({ from, to, fromTurn: k, toTurn: k + 1 });
        else omitted += 1;
      }
    }
  }

  matched.forEach((m, i) => {
    if (m.seen.length < runs.length)
      notes.push(`${ids[i]} appeared in ${m.seen.length} of ${runs.length} runs; its latency and failure shares are over those.`);
    if (timings[i].noResult) notes.push(`${ids[i]}: no result in the source (the run may have stopped first), so no sample output.`);
    if (m.seen[0].call.inputNote !== null) notes.push(`${ids[i]}: ${m.seen[0].call.inputNote}.`);
    if (m.tool.length > 64) notes.push(`${ids[i]}: the tool name was cut to 64 characters.`);
  });
  if (escapedAny) notes.push('Arguments holding “{{” were written “{ {”, so the plan does not read them as references.');
  const empty = runs.filter((r) => r.calls.length === 0);
  if (empty.length > 0) notes.push(`${plural(empty.length, 'run')} made no tool call (${empty.map((r) => r.label).join(', ')}).`);

  const report: ImportReport = {
    formats,
    files,
    runs: runs.length,
    calls: calls.length,
    inferred: inferredFields(timings, single, edges.length, steps.length, modelTurnMs),
    drawn: edges,
    undrawn,
    undrawnOmitted: omitted,
    notes: notes.slice(0, 100),
  };
  return { ok: true, plan: parsed.plan, report };
}

/** The paths of the references to `from` in an input (to check each resolves in the upstream's sample output). */
function refPaths(input: JsonObject, from: string): string[][] {
  const out: string[][] = [];
  mapInputStrings(input, (s) => {
    for (const m of s.matchAll(/\{\{([A-Za-z_][A-Za-z0-9_-]{0,63})((?:\.[^.{}\s]+)*)\}\}/g)) {
      if (m[1] === from) out.push(m[2] === '' ? [] : m[2].slice(1).split('.'));
    }
    return s;
  });
  return out;
}

function count<T>(xs: readonly T[], f: (x: T) => boolean): number {
  return xs.reduce((n, x) => n + (f(x) ? 1 : 0), 0);
}

function inferredFields(t: readonly CallTiming[], single: boolean, edges: number, steps: number, modelTurnMs: number) {
  const by = (how: CallTiming['how']) => count(t, (x) => x.how === how);
  const latency: string[] = [];
  if (by('measured') > 0) latency.push(`fixed at the measured duration (one run) for ${plural(by('measured'), 'call')}`);
  if (by('lognormal') > 0) latency.push(`lognormal fitted to the observed p50/p95 for ${plural(by('lognormal'), 'call')}`);
  if (by('fixed-equal') > 0) latency.push(`fixed where every run took the same time (${plural(by('fixed-equal'), 'call')})`);
  if (by('fixed-one') > 0) latency.push(`fixed where only one timing was seen (${plural(by('fixed-one'), 'call')})`);
  if (by('fixed-flat') > 0) latency.push(`fixed at the median where p50 = p95 (${plural(by('fixed-flat'), 'call')})`);
  if (by('uniform') > 0)
    latency.push(`uniform over the range seen where too few timings carry a lognormal (${plural(by('uniform'), 'call')})`);
  if (by('default') > 0)
    latency.push(`the default ${DEFAULT_LATENCY_MS} ms where the source has no timing (${plural(by('default'), 'call')})`);
  const failing = count(t, (x) => x.faults.length > 0);
  const retried = count(t, (x) => x.maxAttempts > 1);
  const timeouts = count(t, (x) => x.timeoutMs !== null);
  return [
    { field: 'calls[*].id', from: 'the tool name made a valid id (a number added when a tool is called more than once)' },
    { field: 'calls[*].label', from: 'the source’s tool-call id (or span / observation id)' },
    {
      field: 'calls[*].input / output',
      from: 'the arguments and the result of the first run that has the call (JSON text parsed; sizes capped)',
    },
    { field: 'calls[*].latency', from: latency.join('; ') },
    {
      field: 'calls[*].faults',
      from:
        failing === 0
          ? 'none: no call failed'
          : single
            ? `${plural(failing, 'call')} replay their failed attempts (error faults with the recorded messages, on those attempt numbers)`
            : `${plural(failing, 'call')} fail with the observed shares of their attempts (error and timeout faults)`,
    },
    {
      field: 'calls[*].retry',
      from:
        retried === 0
          ? 'not in the source: no retry (plan default)'
          : `maxAttempts = the most attempts seen (${plural(retried, 'call')}: same tool and arguments again after a failure); waits measured where the source times them, else plan defaults`,
    },
    {
      field: 'calls[*].timeoutMs',
      from:
        timeouts === 0
          ? 'not in the source: none (plan default)'
          : `the duration a timed-out attempt was cut at (${plural(timeouts, 'call')}; ${DEFAULT_TIMEOUT_MS} ms where the source has no timing)`,
    },
    { field: 'calls[*].onFailure', from: 'not in the source: degrade (plan default)' },
    {
      field: 'calls[*].effect, compensation',
      from: 'not in the source: effect "none" (the call only reads), no compensation; mark the calls that write yourself',
    },
    {
      field: 'dependencies',
      from:
        edges === 0
          ? 'none drawn: no argument shows a value from an earlier result'
          : `${plural(edges, 'edge')}, each where an argument holds a value from the upstream’s result (rewritten as a reference)`,
    },
    {
      field: 'settings.modelTurnMs',
      from:
        steps > 0
          ? `${modelTurnMs} ms, the median of ${plural(steps, 'model step')} (LLM spans / generations)`
          : 'not in the source: 0 (plan default)',
    },
    { field: 'settings (strategy, deadline, concurrency, seed)', from: 'not in the source: plan defaults' },
  ];
}
