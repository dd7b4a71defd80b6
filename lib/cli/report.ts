// The `sim` command's outputs: the JSON shapes of docs/cli.md and the readable text reports.
// Pure formatting of engine results; never runs the engine itself, never prints.
import type { Plan } from '../plan/schema';
import type { CallStatus, CallTrace, CompensationStatus, MonteCarloStats, Trace } from '../engine';
import { OUTCOMES } from '../engine/types';
import { bareMs } from '../format/duration';
import type { Context } from '../engine/context';
import { terminalJson, visible } from './terminal';

/** What a call with an effect did, in the single-run JSON (docs/cli.md). */
export interface EffectJson {
  kind: 'idempotent' | 'once';
  applied: number;
  unknown: number;
  duplicated: boolean;
  maybeDuplicated: boolean;
  leftInPlace: boolean;
  compensation: null | { status: CompensationStatus; startMs: number | null; endMs: number | null; attempts: number };
}

export interface CallJson {
  status: CallStatus;
  wave: number;
  startMs: number | null;
  endMs: number | null;
  attempts: number;
  effect?: EffectJson;
}

export interface RunJson {
  outcome: Trace['outcome'];
  makespanMs: number | null;
  /** Only when the plan has a call with an effect (a plan without one settles at its makespan). */
  settledMs?: number | null;
  calls: Record<string, CallJson>;
  context: Context;
}

function callJson(c: CallTrace): CallJson {
  const out: CallJson = { status: c.status, wave: c.wave, startMs: c.startMs, endMs: c.endMs, attempts: c.attempts.length };
  const e = c.effect;
  if (e !== undefined) {
    const comp = e.compensation;
    out.effect = {
      kind: e.kind,
      applied: e.applied,
      unknown: e.unknown,
      duplicated: e.duplicated,
      maybeDuplicated: e.maybeDuplicated,
      leftInPlace: e.leftInPlace,
      compensation:
        comp === null ? null : { status: comp.status, startMs: comp.startMs, endMs: comp.endMs, attempts: comp.attempts.length },
    };
  }
  return out;
}

/**
 * The single-run JSON. Keys are call ids, set with fromEntries so an id like `__proto__` stays a plain key.
 * `settledMs` is reported for plans with side effects only, so the report of a plan without any keeps its shape.
 */
export function runJson(trace: Trace, context: Context): RunJson {
  const withEffects = trace.calls.some((c) => c.effect !== undefined);
  return {
    outcome: trace.outcome,
    makespanMs: trace.makespanMs,
    ...(withEffects ? { settledMs: trace.settledMs } : {}),
    calls: Object.fromEntries(trace.calls.map((c) => [c.id, callJson(c)])),
    context,
  };
}

/** The many-runs JSON: the statistics, with the plan-wide effect shares only when the plan has side effects. */
export function statsJson(plan: Plan, stats: MonteCarloStats): Omit<MonteCarloStats, 'effects'> & { effects?: MonteCarloStats['effects'] } {
  const { effects, ...rest } = stats;
  return plan.calls.some((c) => (c.effect ?? 'none') !== 'none') ? { ...rest, effects } : rest;
}

/** Left-aligned columns separated by two spaces, no trailing blanks; cells are shown with control characters escaped. */
export function table(cells: readonly (readonly string[])[]): string {
  const rows = cells.map((row) => row.map((cell) => visible(cell)));
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows
    .map((row) =>
      row
        .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i])))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

function header(plan: Plan, trace: Pick<Trace, 'strategy' | 'seed' | 'scenario'>): string[] {
  const scenario = trace.scenario === null ? 'none' : (plan.scenarios.find((s) => s.id === trace.scenario)?.name ?? trace.scenario);
  return [`Plan: ${visible(plan.name)}`, `Strategy: ${trace.strategy} · seed ${trace.seed} · scenario: ${visible(scenario)}`];
}

/** The context as printed in the text report: its own lines kept, every other control character escaped. */
function contextText(context: Context): string {
  if (context.format === 'text') return visible(context.text, true);
  return terminalJson(context.messages);
}

/** What each call with an effect did, in words: `pay (once): applied 1, unknown 1 — may have run twice; left in place`. */
function effectRows(trace: Trace): string[] {
  const rows = [['Call', 'Effect', 'Applied', 'Unknown', 'Duplicate', 'After the stop']];
  for (const c of trace.calls) {
    const e = c.effect;
    if (e === undefined) continue;
    const dup = e.duplicated ? 'yes' : e.maybeDuplicated ? 'maybe' : 'no';
    const comp = e.compensation;
    const landed = e.applied + e.unknown > 0;
    let after = '—';
    if (trace.stop !== null && landed) {
      if (comp === null) after = 'left in place (no compensation)';
      else if (comp.status === 'succeeded') after = `undone by ${comp.tool} (${bareMs(comp.startMs)}–${bareMs(comp.endMs)} ms)`;
      else after = `left in place (${comp.tool} ${comp.status.replace('_', ' ')})`;
    } else if (trace.stop !== null) after = 'nothing landed';
    rows.push([c.id, e.kind, String(e.applied), String(e.unknown), dup, after]);
  }
  return rows.length === 1 ? [] : ['Side effects:', table(rows).replace(/^/gm, '  '), ''];
}

function settledWords(trace: Trace): string {
  if (trace.compensations.length === 0) return '';
  return trace.settledMs === null
    ? ' · never settled (a compensation never returned)'
    : ` · settled ${bareMs(trace.settledMs)} ms after compensations`;
}

/** One run, readable: header, outcome, per-call table (waves labelled from 1), side effects, then the context. */
export function runText(plan: Plan, trace: Trace, context: Context): string {
  const rows = [['Call', 'Status', 'Wave', 'Start ms', 'End ms', 'Attempts']];
  for (const c of trace.calls) {
    rows.push([c.id, c.status, String(c.wave + 1), bareMs(c.startMs), bareMs(c.endMs), String(c.attempts.length)]);
  }
  const makespan = trace.makespanMs === null ? 'none (a call never returned)' : `${bareMs(trace.makespanMs)} ms`;
  return [
    ...header(plan, trace),
    `Outcome: ${trace.outcome} · makespan ${makespan}${settledWords(trace)}`,
    '',
    table(rows),
    '',
    ...effectRows(trace),
    `Context (${context.format}):`,
    contextText(context),
    '',
  ].join('\n');
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

/** Many runs, readable: outcome shares, makespan percentiles, per-call success rate and mean attempts. */
export function statsText(plan: Plan, stats: MonteCarloStats, strategy: Trace['strategy'], seed: number): string {
  const outcomes = table(OUTCOMES.map((o) => [o, String(stats.outcomes[o]), pct(stats.runs === 0 ? 0 : stats.outcomes[o] / stats.runs)]));
  const m = stats.makespanMs;
  const withEffects = plan.calls.some((c) => stats.calls[c.id]?.duplicateRate !== undefined);
  const rate = (x: number | undefined) => (x === undefined ? '—' : pct(x));
  const calls = table([
    ['Call', 'Success rate', 'Mean attempts', ...(withEffects ? ['Duplicated', 'Maybe duplicated', 'Left in place'] : [])],
    ...plan.calls.map((c) => {
      const s = stats.calls[c.id];
      if (s === undefined) return [c.id, '—', '—'];
      const effects = withEffects ? [rate(s.duplicateRate), rate(s.maybeDuplicateRate), rate(s.leftInPlaceRate)] : [];
      return [c.id, pct(s.successRate), s.meanAttempts.toFixed(2), ...effects];
    }),
  ]);
  const e = stats.effects;
  const effectLines = withEffects
    ? [
        `Side effects (share of runs with at least one): duplicated ${pct(e.duplicated)} · maybe duplicated ${pct(e.maybeDuplicated)} · left in place ${pct(e.leftInPlace)} · failed compensation ${pct(e.compensationFailed)}`,
        '',
      ]
    : [];
  return [
    ...header(plan, { strategy, seed, scenario: plan.settings.scenario }),
    `Runs: ${stats.runs}`,
    '',
    'Outcomes:',
    outcomes.replace(/^/gm, '  '),
    '',
    `Makespan ms (over runs that finished): p50 ${bareMs(m.p50)} · p95 ${bareMs(m.p95)} · p99 ${bareMs(m.p99)} · mean ${bareMs(m.mean)}`,
    '',
    ...effectLines,
    calls,
    '',
  ].join('\n');
}
