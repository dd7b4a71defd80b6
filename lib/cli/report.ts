// The `sim` command's outputs: the JSON shapes of SPEC §7 and the readable text reports.
// Pure formatting of engine results; never runs the engine itself, never prints.
import type { Plan } from '../plan/schema';
import type { CallStatus, MonteCarloStats, Trace } from '../engine';
import { OUTCOMES } from '../engine/types';
import type { Context } from '../engine/context';
import { terminalJson, visible } from './terminal';

export interface RunJson {
  outcome: Trace['outcome'];
  makespanMs: number | null;
  calls: Record<string, { status: CallStatus; wave: number; startMs: number | null; endMs: number | null; attempts: number }>;
  context: Context;
}

/** SPEC §7 single-run JSON. Keys are call ids, set with fromEntries so an id like `__proto__` stays a plain key. */
export function runJson(trace: Trace, context: Context): RunJson {
  return {
    outcome: trace.outcome,
    makespanMs: trace.makespanMs,
    calls: Object.fromEntries(
      trace.calls.map((c) => [c.id, { status: c.status, wave: c.wave, startMs: c.startMs, endMs: c.endMs, attempts: c.attempts.length }]),
    ),
    context,
  };
}

export function ms(v: number | null): string {
  if (v === null) return '—';
  return Number.isInteger(v) ? String(v) : v.toFixed(1);
}

/** Left-aligned columns separated by two spaces, no trailing blanks; cells are shown with control characters escaped. */
export function table(cells: readonly (readonly string[])[]): string {
  const rows = cells.map((row) => row.map((cell) => visible(cell)));
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ').trimEnd()).join('\n');
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

/** One run, readable: header, outcome, per-call table (waves labelled from 1), then the context. */
export function runText(plan: Plan, trace: Trace, context: Context): string {
  const rows = [['Call', 'Status', 'Wave', 'Start ms', 'End ms', 'Attempts']];
  for (const c of trace.calls) {
    rows.push([c.id, c.status, String(c.wave + 1), ms(c.startMs), ms(c.endMs), String(c.attempts.length)]);
  }
  const makespan = trace.makespanMs === null ? 'none (a call never returned)' : `${ms(trace.makespanMs)} ms`;
  return [
    ...header(plan, trace),
    `Outcome: ${trace.outcome} · makespan ${makespan}`,
    '',
    table(rows),
    '',
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
  const calls = table([
    ['Call', 'Success rate', 'Mean attempts'],
    ...plan.calls.map((c) => {
      const s = stats.calls[c.id];
      return [c.id, s === undefined ? '—' : pct(s.successRate), s === undefined ? '—' : s.meanAttempts.toFixed(2)];
    }),
  ]);
  return [
    ...header(plan, { strategy, seed, scenario: plan.settings.scenario }),
    `Runs: ${stats.runs}`,
    '',
    'Outcomes:',
    outcomes.replace(/^/gm, '  '),
    '',
    `Makespan ms (over runs that finished): p50 ${ms(m.p50)} · p95 ${ms(m.p95)} · p99 ${ms(m.p99)} · mean ${ms(m.mean)}`,
    '',
    calls,
    '',
  ].join('\n');
}
