// The statistics as files: JSON (docs/cli.md's many-runs numbers for A and B, plus the UI's extras) and CSV (one row per call,
// then the outcomes). Pure; ids are user text, so CSV fields are quoted and formula-like cells are defused.
import { OUTCOMES } from '@/lib/engine/types';
import type { Plan } from '@/lib/plan';
import type { Reliability } from '@/lib/engine/reliability';
import { deltas } from '@/lib/engine/reliability';
import { countInjected, injectedInWords } from '@/lib/plan/injected';
import type { StatsResult } from '@/lib/store/stats';

/** Injected faults shaped these numbers: said in the file too, not only on the screen. */
function injectedJson(plan: Plan) {
  const words = injectedInWords(plan);
  return words === null ? {} : { injected: { ...countInjected(plan), words: `${words} (one-click injections, not part of the design)` } };
}

function variantJson(name: string, plan: Plan, r: Reliability) {
  return {
    variant: name,
    plan: plan.name,
    ...injectedJson(plan),
    ...r.stats,
    successRate: r.successRate,
    misledShare: r.misledShare,
    attemptsPerRun: r.attemptsPerRun,
  };
}

/** Everything the statistics view shows, as one JSON document. */
export function statsJson(result: StatsResult): string {
  const doc = {
    format: 'toolwave.stats',
    version: 1,
    runs: result.runs,
    seed: result.seed,
    variants: [
      variantJson('A', result.planA, result.a),
      ...(result.b !== null && result.planB !== null ? [variantJson('B', result.planB, result.b)] : []),
    ],
    ...(result.b !== null ? { deltas: deltas(result.a, result.b) } : {}),
    ...(result.hurts !== null ? { whatHurtsMost: { runsEach: result.hurtRuns, calls: result.hurts } } : {}),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** A CSV field: quoted, quotes doubled, and a leading = + - @ neutralised so a spreadsheet never runs it. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

const row = (cells: (string | number | null)[]) => cells.map(csvField).join(',');

/** Per call (and variant): success rate and mean attempts; then the outcome counts and makespan percentiles. */
export function statsCsv(result: StatsResult): string {
  const variants: [string, Reliability][] = [['A', result.a]];
  if (result.b !== null) variants.push(['B', result.b]);
  // Side-effect columns only when a variant has side effects, so a plan without any keeps its columns.
  const effects = variants.some(([, r]) => r.hasEffects);
  const lines = [
    row([
      'variant',
      'call',
      'success_rate',
      'mean_attempts',
      'gain_if_never_failed_points',
      ...(effects ? ['duplicate_rate', 'maybe_duplicate_rate', 'left_in_place_rate'] : []),
    ]),
  ];
  const gain = new Map((result.hurts ?? []).map((h) => [h.id, h.gainPoints]));
  for (const [name, r] of variants) {
    for (const [id, c] of Object.entries(r.stats.calls)) {
      const rates = effects ? [c.duplicateRate ?? null, c.maybeDuplicateRate ?? null, c.leftInPlaceRate ?? null] : [];
      lines.push(row([name, id, c.successRate, c.meanAttempts, name === 'A' ? (gain.get(id) ?? null) : null, ...rates]));
    }
  }
  lines.push('');
  const shares = effects ? ['runs_duplicated', 'runs_maybe_duplicated', 'runs_left_in_place', 'runs_compensation_failed'] : [];
  // An injected_faults column only when injected faults shaped a variant's runs, so other files keep their columns.
  const plans = [result.planA, result.planB ?? result.planA];
  const injected = variants.map((_, i) => countInjected(plans[i]).faults);
  const injectedCol = injected.some((n) => n > 0);
  lines.push(
    row([
      'variant',
      'runs',
      ...(injectedCol ? ['injected_faults'] : []),
      ...OUTCOMES,
      'makespan_p50_ms',
      'makespan_p95_ms',
      'makespan_p99_ms',
      'makespan_mean_ms',
      'attempts_per_run',
      'misled_share',
      ...shares,
    ]),
  );
  for (const [i, [name, r]] of variants.entries()) {
    const m = r.stats.makespanMs;
    const e = r.stats.effects;
    const effectCells = effects ? [e.duplicated, e.maybeDuplicated, e.leftInPlace, e.compensationFailed] : [];
    lines.push(
      row([
        name,
        r.stats.runs,
        ...(injectedCol ? [injected[i]] : []),
        ...OUTCOMES.map((o) => r.stats.outcomes[o]),
        m.p50,
        m.p95,
        m.p99,
        m.mean,
        r.attemptsPerRun,
        r.misledShare,
        ...effectCells,
      ]),
    );
  }
  return `${lines.join('\n')}\n`;
}
